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
import eligo.lang.Tokens;
import eligo.lang.antlr.CasesParser.*;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.antlr.v4.runtime.ParserRuleContext;
import org.antlr.v4.runtime.Token;
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
    return build(source, CaseSyntax.tree(source));
  }

  /**
   * The cases built from the parse tree of {@code source}, with its syntax errors and what building
   * finds.
   */
  static Result build(SourceFile source, CaseSyntax.Tree parsed) {
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
        if (intent.isBlank()) {
          error(span(c.STRING().getSymbol()), "this intent is empty: say what the case shows");
        }
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
        Expectation e = expectation(c);
        twice(e, expectations);
        expectations.add(e);
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

  /**
   * An expectation on the node and subject of an earlier one of the case: a warning when it says
   * the same (a copy), an error when it says another outcome (one of the two always fails).
   */
  private void twice(Expectation e, List<Expectation> earlier) {
    for (Expectation p : earlier) {
      if (p.partner() == e.partner()
          && p.area().text().equals(e.area().text())
          && p.node().text().equals(e.node().text())
          && java.util.Objects.equals(
              p.subject() == null ? null : p.subject().text(),
              e.subject() == null ? null : e.subject().text())) {
        // 'met' and 'met 5' say one outcome; 'met 4' and 'met 5', or 'met' and 'not met', two
        boolean same =
            p.status() == e.status()
                && (p.value() == null || e.value() == null || p.value().compareTo(e.value()) == 0);
        String line = "line " + p.span().line() + " (" + p.text() + ")";
        diagnostics.add(
            same
                ? Diagnostic.warning(
                    e.span(), line + " already expects this outcome: leave one out")
                : Diagnostic.error(
                    e.span(),
                    "line "
                        + p.span().line()
                        + " expects another outcome of this node for the same "
                        + (e.partner() ? "partner" : "customer")
                        + " ("
                        + p.text()
                        + "): one of the two always fails; keep the one the criteria mean"));
        return;
      }
    }
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
