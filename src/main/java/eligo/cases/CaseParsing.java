package eligo.cases;

import eligo.cases.CaseFile.Association;
import eligo.cases.CaseFile.Case;
import eligo.cases.CaseFile.Customer;
import eligo.cases.CaseFile.Data;
import eligo.cases.CaseFile.Expectation;
import eligo.cases.CaseFile.Tenant;
import eligo.cases.CaseFile.Usage;
import eligo.cases.CaseFile.Word;
import eligo.cases.CaseFile.Workload;
import eligo.data.Measure;
import eligo.data.Month;
import eligo.lang.Diagnostic;
import eligo.lang.Diagnostics;
import eligo.lang.ParseDamage;
import eligo.lang.SourceFile;
import eligo.lang.Span;
import eligo.lang.SyntaxErrors;
import eligo.lang.Tokens;
import eligo.lang.antlr.CasesLexer;
import eligo.lang.antlr.CasesParser;
import eligo.lang.antlr.CasesParser.*;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import org.antlr.v4.runtime.BaseErrorListener;
import org.antlr.v4.runtime.CharStreams;
import org.antlr.v4.runtime.CommonTokenStream;
import org.antlr.v4.runtime.InputMismatchException;
import org.antlr.v4.runtime.NoViableAltException;
import org.antlr.v4.runtime.Parser;
import org.antlr.v4.runtime.ParserRuleContext;
import org.antlr.v4.runtime.RecognitionException;
import org.antlr.v4.runtime.Recognizer;
import org.antlr.v4.runtime.Token;
import org.antlr.v4.runtime.misc.IntervalSet;
import org.antlr.v4.runtime.tree.TerminalNode;

/**
 * Parses one {@code *.cases} file ({@code grammar/Cases.g4}) into a {@link CaseFile} and its
 * diagnostics: syntax errors in the same words as criteria files, and what the grammar cannot say
 * (a month that is not a month, a case without intent, as-of month or expectation, an unknown
 * measure). What the data loader checks (unknown tenants and workloads, duplicate rows, amounts) is
 * left to it: see {@link CaseData}.
 */
public final class CaseParsing {
  /** The partner of a customer that names none. */
  public static final String DEFAULT_PARTNER = "P1";

  private final SourceFile source;
  private final List<Diagnostic> diagnostics = new ArrayList<>();

  /** The error of each case with no as-of month, in reading order: said once for many. */
  private final List<Diagnostic> noAsOf = new ArrayList<>();

  private CaseParsing(SourceFile source) {
    this.source = source;
  }

  /** The cases (complete only when there are no errors) and the diagnostics, in reading order. */
  public record Result(CaseFile file, List<Diagnostic> diagnostics) {
    public boolean ok() {
      return !Diagnostics.hasErrors(diagnostics);
    }
  }

  public static Result parse(SourceFile source) {
    return build(source, tree(source));
  }

  /** The ANTLR parse tree of a case file and its syntax diagnostics. */
  record Tree(FileContext file, List<Diagnostic> syntaxErrors) {}

  static Tree tree(SourceFile source) {
    CasesLexer lexer = new CasesLexer(CharStreams.fromString(source.lexed(), source.name()));
    lexer.removeErrorListeners();
    CommonTokenStream tokens = new CommonTokenStream(lexer);
    tokens.fill();
    List<Diagnostic> lexical = new ArrayList<>();
    SyntaxErrors.lexical(source, tokens.getTokens(), lexer.getVocabulary(), lexical);
    List<Diagnostic> braces = new ArrayList<>();
    SyntaxErrors.braces(
        source, tokens.getTokens(), lexer.getVocabulary(), CaseParsing::opener, braces);
    Set<Integer> quietLines = new HashSet<>();
    Set<Span> settled = new HashSet<>();
    List<Diagnostic> caseBraces = caseBraces(source, tokens.getTokens(), quietLines, settled);
    braces.removeIf(d -> settled.contains(d.span()));
    lexical.addAll(braces);
    lexical.addAll(caseBraces);
    CasesParser parser = new CasesParser(tokens);
    parser.removeErrorListeners();
    List<Diagnostic> syntax = new ArrayList<>();
    BaseErrorListener collector = SyntaxErrors.collector(source, syntax);
    parser.addErrorListener(
        new BaseErrorListener() {
          @Override
          public void syntaxError(
              Recognizer<?, ?> recognizer,
              Object offending,
              int line,
              int col,
              String msg,
              RecognitionException e) {
            int before = syntax.size();
            collector.syntaxError(recognizer, offending, line, col, msg, e);
            if (syntax.size() > before && offending instanceof Token t) {
              Diagnostic meant = misspelt(source, tokens.getTokens(), parser, t, e);
              if (meant == null && msg.startsWith("missing ")) {
                meant = missing(source, tokens.getTokens(), parser, t);
              }
              if (meant != null) {
                syntax.set(syntax.size() - 1, meant);
              }
            }
          }
        });
    FileContext tree = parser.file();
    // the parser's complaints where a case's '}' is missing or one too many: the brace error says
    // it
    syntax.removeIf(d -> quietLines.contains(d.span().line()));
    return new Tree(tree, SyntaxErrors.tidy(lexical, syntax));
  }

  /** The keywords that start a line of a case file. */
  private static final List<String> LINE_WORDS =
      List.of(
          "case",
          "intent",
          "as",
          "workload",
          "workloads",
          "customer",
          "tenant",
          "association",
          "usage",
          "expect");

  /**
   * A syntax error at {@code offending} said as the misspelt keyword it is ("unexpected name
   * 'expct'; did you mean 'expect'?"), or null: a name that starts its line and is a letter or two
   * from a keyword that starts lines (the parser may have taken it for a measure of the usage row
   * above and tripped on the next word), or a name found where a keyword near it was expected
   * ('mett' for 'met', 'famly' for 'family').
   */
  private static Diagnostic misspelt(
      SourceFile source,
      List<Token> tokens,
      Parser parser,
      Token offending,
      RecognitionException e) {
    Token first = null;
    for (int i = offending.getTokenIndex(); i >= 0; i--) {
      Token u = tokens.get(i);
      if (u.getLine() != offending.getLine()) {
        break;
      }
      if (u.getChannel() == Token.DEFAULT_CHANNEL) {
        first = u;
      }
    }
    if (first != null && first.getType() == CasesLexer.WORD) {
      String meant = Diagnostics.closest(first.getText(), LINE_WORDS);
      if (meant != null) {
        return didYouMean(source, first, meant);
      }
    }
    if (first != null && first.getType() == CasesLexer.EXPECT) {
      // 'expect prtner azure x met': the parser trips at the status, two words on
      Token next = null;
      for (int i = first.getTokenIndex() + 1; i < tokens.size() && next == null; i++) {
        next = tokens.get(i).getChannel() == Token.DEFAULT_CHANNEL ? tokens.get(i) : null;
      }
      if (next != null
          && next.getType() == CasesLexer.WORD
          && Diagnostics.closest(next.getText(), List.of("partner")) != null) {
        return didYouMean(source, next, "partner");
      }
    }
    if (offending.getType() != CasesLexer.WORD
        || !(e == null
            || e instanceof InputMismatchException
            || e instanceof NoViableAltException)) {
      return null;
    }
    IntervalSet expected;
    try {
      expected = parser.getExpectedTokens();
    } catch (RuntimeException ignored) {
      return null;
    }
    List<String> words = new ArrayList<>();
    for (int type : expected.toList()) {
      String literal = parser.getVocabulary().getLiteralName(type);
      if (literal != null && literal.matches("'[a-z_]+'")) {
        words.add(literal.substring(1, literal.length() - 1));
      }
    }
    String meant = Diagnostics.closest(offending.getText().toLowerCase(Locale.ROOT), words);
    return meant == null ? null : didYouMean(source, offending, meant);
  }

  /**
   * A token left out, said after the word it should follow and in words ("expected a number after
   * name 'acr'"), rather than as the token type before the next word, which may be on the next line
   * ("expected NUMBER before 'expect'"); null when the parser expects several.
   */
  private static Diagnostic missing(
      SourceFile source, List<Token> tokens, Parser parser, Token offending) {
    IntervalSet expected;
    try {
      expected = parser.getExpectedTokens();
    } catch (RuntimeException ignored) {
      return null;
    }
    if (expected.size() != 1) {
      return null;
    }
    for (int i = offending.getTokenIndex() - 1; i >= 0; i--) {
      Token p = tokens.get(i);
      if (p.getChannel() == Token.DEFAULT_CHANNEL) {
        return Diagnostic.error(
            Tokens.span(source, p),
            "expected "
                + SyntaxErrors.tokenWords(parser.getVocabulary(), expected.getMinElement())
                + " after "
                + SyntaxErrors.describe(parser.getVocabulary(), p));
      }
    }
    return null;
  }

  private static Diagnostic didYouMean(SourceFile source, Token word, String meant) {
    return Diagnostic.error(
        Tokens.span(source, word),
        "unexpected name '" + word.getText() + "'; did you mean '" + meant + "'?");
  }

  /**
   * The brace slips that the shape of a case file shows, since cases do not nest: a line starting
   * {@code case "name" {} while a case is open means that case's '}' was left out (the error is at
   * that line, not at the end of the file); a '}' that closes a case while lines other than a next
   * case follow it, up to a '}' that closes nothing, is one '}' too many; a line starting {@code
   * case "name"} with no '{' after the name is that '{' left out (its '}' then closes nothing).
   * Adds the lines where the parser's complaints are echoes of these to {@code quietLines}, and the
   * spans of the general brace errors they replace to {@code settled}.
   */
  private static List<Diagnostic> caseBraces(
      SourceFile source, List<Token> all, Set<Integer> quietLines, Set<Span> settled) {
    List<Token> tokens = new ArrayList<>();
    for (Token t : all) {
      if (t.getChannel() == Token.DEFAULT_CHANNEL && t.getType() != Token.EOF) {
        tokens.add(t);
      }
    }
    List<Diagnostic> out = new ArrayList<>();
    Token open = null; // the '{' of the case being read
    int depth = 0;
    for (int i = 0; i < tokens.size(); i++) {
      Token t = tokens.get(i);
      if (depth == 0 && startsCaseLine(tokens, i) && !startsCase(tokens, i)) {
        // its '{' left out: the parser reads the case on; its '}' then closes nothing
        Token name = tokens.get(i + 1);
        out.add(
            Diagnostic.error(
                Tokens.span(source, name),
                "expected '{' after case "
                    + name.getText()
                    + ": a case's lines go between '{' and '}'"));
        quietLines.add(tokens.get(i + 2).getLine());
        for (int j = i + 2; j < tokens.size(); j++) {
          if (tokens.get(j).getType() == CasesLexer.LBRACE || startsCaseLine(tokens, j)) {
            break;
          }
          if (tokens.get(j).getType() == CasesLexer.RBRACE) {
            settled.add(Tokens.span(source, tokens.get(j)));
            i = j;
            break;
          }
        }
      } else if (t.getType() == CasesLexer.LBRACE) {
        if (depth++ == 0) {
          open = t;
        }
      } else if (t.getType() == CasesLexer.CASE && depth > 0 && startsCase(tokens, i)) {
        out.add(
            Diagnostic.error(
                Tokens.span(source, t),
                "expected '}' to close "
                    + opener(all, open)
                    + " (opened at line "
                    + open.getLine()
                    + ") before this line"));
        settled.add(Tokens.span(source, open));
        quietLines.add(t.getLine());
        depth = 0;
      } else if (t.getType() == CasesLexer.RBRACE && depth > 0 && --depth == 0) {
        int next = i + 1;
        if (next >= tokens.size() || startsCaseLine(tokens, next)) {
          continue;
        }
        int stray = -1;
        for (int j = next; j < tokens.size() && stray < 0; j++) {
          Token u = tokens.get(j);
          if (u.getType() == CasesLexer.LBRACE
              || (u.getType() == CasesLexer.CASE && startsCaseLine(tokens, j))) {
            break; // a next block: the lines between belong to nothing the indentation shows
          } else if (u.getType() == CasesLexer.RBRACE) {
            stray = j;
          }
        }
        if (stray < 0) {
          continue;
        }
        Token end = tokens.get(stray);
        out.add(
            Diagnostic.error(
                Tokens.span(source, t),
                "this '}' closes "
                    + opener(all, open)
                    + " (opened at line "
                    + open.getLine()
                    + "), but the lines after it belong inside: "
                    + SyntaxErrors.ONE_TOO_MANY));
        settled.add(Tokens.span(source, end));
        for (int line = tokens.get(next).getLine(); line <= end.getLine(); line++) {
          quietLines.add(line);
        }
        i = stray; // that '}' closes the case
      }
    }
    return out;
  }

  /** Whether {@code case "name" {} starts at token {@code i}, the first of its line. */
  private static boolean startsCase(List<Token> tokens, int i) {
    return startsCaseLine(tokens, i) && tokens.get(i + 2).getType() == CasesLexer.LBRACE;
  }

  /**
   * Whether {@code case "name"} starts at token {@code i}, the first of its line (its '{' may be
   * missing: the parser says so).
   */
  private static boolean startsCaseLine(List<Token> tokens, int i) {
    return i + 2 < tokens.size()
        && tokens.get(i).getType() == CasesLexer.CASE
        && tokens.get(i + 1).getType() == CasesLexer.STRING
        && (i == 0 || tokens.get(i - 1).getLine() < tokens.get(i).getLine());
  }

  /**
   * The cases built from the parse tree of {@code source}, with its syntax errors and what building
   * finds.
   */
  static Result build(SourceFile source, Tree parsed) {
    FileContext tree = parsed.file();
    List<Diagnostic> syntaxErrors = parsed.syntaxErrors();
    List<Diagnostic> all = new ArrayList<>(syntaxErrors);
    CaseParsing builder = new CaseParsing(source);
    CaseFile file = builder.file(tree);
    for (Diagnostic d : builder.diagnostics) {
      if (!insideBrokenCase(d, tree, syntaxErrors)) {
        all.add(d); // a case with a syntax error has holes: say nothing more about it
      }
    }
    if (tree.caseDecl().isEmpty() && syntaxErrors.isEmpty()) {
      all.add(
          Diagnostic.warning(
              Span.at(source, 1, 1),
              "this file has no cases: write 'case \"NAME\" { ... }' blocks after its settings"));
    }
    all.sort(Diagnostics.ORDER);
    return new Result(file, List.copyOf(all));
  }

  private static boolean insideBrokenCase(Diagnostic d, FileContext tree, List<Diagnostic> syntax) {
    for (CaseDeclContext c : tree.caseDecl()) {
      int first = c.getStart().getLine();
      int last = c.getStop() == null ? Integer.MAX_VALUE : c.getStop().getLine();
      int line = d.span().line();
      if (first <= line
          && line <= last
          && syntax.stream().anyMatch(s -> first <= s.span().line() && s.span().line() <= last)) {
        return true;
      }
    }
    return false;
  }

  /** {@code case "name"}, or "this block". */
  private static String opener(List<Token> tokens, Token brace) {
    List<Token> before = new ArrayList<>();
    for (int i = brace.getTokenIndex() - 1; i >= 0 && before.size() < 2; i--) {
      if (tokens.get(i).getChannel() == Token.DEFAULT_CHANNEL) {
        before.add(tokens.get(i));
      }
    }
    if (before.size() == 2
        && before.get(0).getType() == CasesLexer.STRING
        && before.get(1).getType() == CasesLexer.CASE) {
      return "case " + before.get(0).getText();
    }
    return "this block";
  }

  // ---------------------------------------------------------------- building

  private CaseFile file(FileContext ctx) {
    Integer asOf = null;
    AsOfContext firstAsOf = null;
    List<Workload> shared = new ArrayList<>();
    for (SettingContext s : ctx.setting()) {
      try {
        if (s.asOf() != null) {
          if (firstAsOf != null) {
            asOfTwice("the file's", firstAsOf, s.asOf());
            continue;
          }
          firstAsOf = s.asOf();
          asOf = month(s.asOf().MONTH());
        } else {
          shared.addAll(workloads(s.workloads()));
        }
      } catch (RuntimeException failure) {
        ParseDamage.holeOrBug(
            failure, s, ParseDamage.damaged(s)); // returns for a hole left by a syntax error
      }
    }
    List<Case> cases = new ArrayList<>();
    Set<String> names = new HashSet<>();
    for (CaseDeclContext c : ctx.caseDecl()) {
      try {
        Case built = caseDecl(c, asOf, shared);
        if (!names.add(built.name())) {
          error(
              built.span(),
              "another case of this file is called \""
                  + built.name()
                  + "\": give each case its own name");
        }
        cases.add(built);
      } catch (RuntimeException failure) {
        ParseDamage.holeOrBug(
            failure, c, ParseDamage.damaged(c)); // returns for a hole left by a syntax error
      }
    }
    if (noAsOf.size() == 1) {
      diagnostics.addAll(noAsOf);
    } else if (noAsOf.size() > 1) {
      // one line left out at the top of the file: one error, not one per case
      diagnostics.add(
          Diagnostic.error(
              noAsOf.get(0).span(),
              noAsOf.size()
                  + " cases of this file have no as-of month, this one first: add 'as of YYYY-MM'"
                  + " at the top of the file (or to each case)"));
    }
    return new CaseFile(source, cases);
  }

  private Case caseDecl(CaseDeclContext ctx, Integer fileAsOf, List<Workload> shared) {
    String name = Tokens.unquote(ctx.STRING().getText());
    Span span = span(ctx.STRING().getSymbol());
    if (name.isBlank()) {
      error(span, "this case has no name: write what it shows between the quotes");
    }
    AsOfContext caseAsOf = null;
    String intent = null;
    Integer asOf = fileAsOf;
    List<Workload> workloads = new ArrayList<>(shared);
    List<Customer> customers = new ArrayList<>();
    List<Tenant> tenants = new ArrayList<>();
    List<Association> associations = new ArrayList<>();
    List<Usage> usage = new ArrayList<>();
    List<Expectation> expectations = new ArrayList<>();
    String customer = null;
    for (CaseItemContext item : ctx.caseItem()) {
      if (item instanceof IntentItemContext c) {
        if (intent != null) {
          error(span(c), "a case has one intent; this is its second");
        }
        intent = Tokens.unquote(c.STRING().getText());
      } else if (item instanceof AsOfItemContext c) {
        if (caseAsOf != null) {
          asOfTwice("this case's", caseAsOf, c.asOf());
          continue;
        }
        caseAsOf = c.asOf();
        asOf = month(c.asOf().MONTH());
      } else if (item instanceof WorkloadsItemContext c) {
        workloads.addAll(workloads(c.workloads()));
      } else if (item instanceof CustomerItemContext c) {
        customer = id(c.id(0));
        String display = c.STRING() == null ? customer : Tokens.unquote(c.STRING().getText());
        String partner = c.PARTNER() == null ? DEFAULT_PARTNER : id(c.id(1));
        customers.add(
            new Customer(
                partner,
                customer,
                display,
                attributes(c.attributes()),
                span(c),
                attributePlaces(c.attributes())));
      } else if (item instanceof TenantItemContext c) {
        if (customer == null) {
          error(span(c), "a tenant belongs to a customer: write 'customer ID' before its tenants");
        }
        for (IdContext id : c.id()) {
          tenants.add(
              new Tenant(
                  customer,
                  id(id),
                  attributes(c.attributes()),
                  span(id),
                  attributePlaces(c.attributes())));
        }
      } else if (item instanceof AssociationItemContext c) {
        int start = month(c.MONTH(0));
        int end = c.TO() == null ? Month.OPEN : month(c.MONTH(1));
        associations.add(
            new Association(
                id(c.id(0)),
                Tokens.unquote(c.STRING().getText()),
                id(c.id(1)),
                start,
                end,
                span(c)));
      } else if (item instanceof UsageItemContext c) {
        usage.addAll(usage(c));
      } else if (item instanceof ExpectItemContext c) {
        expectations.add(expectation(c));
      }
    }
    if (intent == null) {
      error(
          span,
          "case \"" + name + "\" has no intent: add a line 'intent \"...\"' saying what it shows");
    }
    if (asOf == null) {
      noAsOf.add(
          Diagnostic.error(
              span,
              "case \""
                  + name
                  + "\" has no as-of month: add 'as of YYYY-MM' to the case or at the top of the"
                  + " file"));
      asOf = Month.NONE;
    }
    if (expectations.isEmpty()) {
      error(
          span, "case \"" + name + "\" expects nothing: add 'expect AREA NODE STATUS VALUE' lines");
    }
    return new Case(
        name,
        intent,
        span,
        asOf,
        new Data(workloads, customers, tenants, associations, usage),
        expectations);
  }

  /** A second 'as of' of the file or of a case: an error at it (the first one stands). */
  private void asOfTwice(String whose, AsOfContext first, AsOfContext second) {
    error(
        span(second),
        whose
            + " as-of month is already given at line "
            + first.getStart().getLine()
            + " ("
            + first.MONTH().getText()
            + "): write it once");
  }

  private List<Workload> workloads(WorkloadsContext ctx) {
    String family = Tokens.unquote(ctx.STRING(ctx.STRING().size() - 1).getText());
    List<Workload> out = new ArrayList<>();
    for (int i = 0; i < ctx.STRING().size() - 1; i++) {
      TerminalNode s = ctx.STRING(i);
      out.add(new Workload(Tokens.unquote(s.getText()), family, span(s.getSymbol())));
    }
    return out;
  }

  private List<Usage> usage(UsageItemContext ctx) {
    String tenant = id(ctx.id());
    String workload = Tokens.unquote(ctx.STRING().getText());
    int from = month(ctx.MONTH(0));
    int to = ctx.DOTDOT() == null ? from : month(ctx.MONTH(1));
    if (to < from) {
      error(
          span(ctx.MONTH(1).getSymbol()),
          "the months run backwards: write the earlier month first");
    }
    Map<Measure, String> figures = new EnumMap<>(Measure.class);
    Map<Measure, Span> places = new EnumMap<>(Measure.class);
    for (FigureContext f : ctx.figure()) {
      String word = f.word().getText();
      Measure m = Measure.byName(word);
      if (m == null) {
        String guess = Diagnostics.closest(word, Measure.names());
        error(
            span(f.word()),
            "unknown measure '"
                + word
                + "'"
                + (guess == null ? "" : "; did you mean '" + guess + "'?")
                + " (measures: "
                + String.join(", ", measureWords())
                + ")");
      } else if (figures.put(m, f.NUMBER().getText()) != null) {
        error(span(f.word()), "'" + word + "' is given twice in this row");
      } else {
        places.put(m, span(f.NUMBER().getSymbol()));
      }
    }
    List<Usage> out = new ArrayList<>();
    if (from == Month.NONE || to == Month.NONE) {
      return out; // reported
    }
    for (int m = from; m <= to; m++) {
      out.add(new Usage(tenant, workload, m, figures, places, span(ctx)));
    }
    return out;
  }

  private static List<String> measureWords() {
    List<String> out = new ArrayList<>();
    for (Measure m : Measure.values()) {
      out.add(m.word());
    }
    return out;
  }

  private Expectation expectation(ExpectItemContext ctx) {
    boolean partner = ctx.PARTNER() != null;
    StatusContext s = ctx.status();
    Status status =
        s.NOT_EVALUATED() != null || s.EVALUATED() != null
            ? Status.NOT_EVALUATED
            : s.NOT_MET() != null || s.NOT() != null ? Status.NOT_MET : Status.MET;
    BigDecimal value = ctx.NUMBER() == null ? null : new BigDecimal(ctx.NUMBER().getText());
    if (status == Status.NOT_EVALUATED && value != null) {
      error(
          span(ctx.NUMBER().getSymbol()),
          "a node that is not evaluated has no value: leave the number out");
    }
    if (partner && status == Status.NOT_EVALUATED) {
      error(span(s), "a partner-level node is met or not met, never not evaluated");
    }
    Word subject = ctx.FOR() == null ? null : new Word(id(ctx.id()), span(ctx.id()));
    return new Expectation(
        span(ctx), partner, subject, word(ctx.word(0)), word(ctx.word(1)), status, value);
  }

  // ---------------------------------------------------------------- pieces

  private Word word(WordContext ctx) {
    return new Word(ctx.getText(), span(ctx));
  }

  /** The values of 'with a "x", b "y"' (none when absent); a column given twice is an error. */
  private Map<String, String> attributes(AttributesContext ctx) {
    if (ctx == null) {
      return Map.of();
    }
    Map<String, String> out = new java.util.LinkedHashMap<>();
    for (AttributeContext a : ctx.attribute()) {
      String column = a.word().getText();
      if (out.put(column, Tokens.unquote(a.STRING().getText())) != null) {
        error(span(a), "attribute '" + column + "' is given twice");
      }
    }
    return out;
  }

  /** Where each column of 'with a "x", b "y"' is written (the first time). */
  private Map<String, Span> attributePlaces(AttributesContext ctx) {
    Map<String, Span> out = new java.util.LinkedHashMap<>();
    if (ctx != null) {
      for (AttributeContext a : ctx.attribute()) {
        out.putIfAbsent(a.word().getText(), span(a.word()));
      }
    }
    return out;
  }

  private static String id(IdContext ctx) {
    return ctx.STRING() != null ? Tokens.unquote(ctx.STRING().getText()) : ctx.getText();
  }

  /** The month of a MONTH token; reports one that is not a month (2026-13) and gives NONE. */
  private int month(TerminalNode token) {
    int m = Month.parse(token.getText());
    if (m == Month.NONE) {
      error(
          span(token.getSymbol()),
          "'" + token.getText() + "' is not a month (YYYY-MM, month 01 to 12)");
    }
    return m;
  }

  private void error(Span span, String message) {
    diagnostics.add(Diagnostic.error(span, message));
  }

  private Span span(Token t) {
    return Tokens.span(source, t);
  }

  private Span span(ParserRuleContext ctx) {
    return Tokens.span(source, ctx);
  }
}
