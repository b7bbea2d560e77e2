package eligo.lang;

import eligo.lang.antlr.CriteriaLexer;
import eligo.lang.antlr.CriteriaParser.*;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.antlr.v4.runtime.ParserRuleContext;
import org.antlr.v4.runtime.Token;
import org.antlr.v4.runtime.tree.ParseTree;

/**
 * The canonical layout of a criteria file ({@code eligo fmt}). It changes only the space between
 * tokens, never a token, so a formatted file means exactly what it meant; it keeps every comment
 * and the line breaks as written, and formatting twice changes nothing:
 *
 * <ul>
 *   <li>indentation: two spaces per open brace; a continued line two more per aggregate or
 *       parenthesis still open at its start (at least two);
 *   <li>one space between tokens, none inside parentheses, before a comma or colon, after a unary
 *       minus or before a call's parenthesis; two before a statement that follows another on the
 *       same line ({@code { a = 1 b = 2 }});
 *   <li>the {@code =} of consecutive one-line declarations of the same kind aligned; trailing
 *       comments of consecutive lines aligned, two spaces after the longest line;
 *   <li>at most one blank line in a row, none at the start or end of the file; LF line ends (a CRLF
 *       or a lone CR becomes one) and one at the end.
 * </ul>
 *
 * Only a file without syntax errors is formatted.
 */
public final class Formatter {
  private Formatter() {}

  /** The formatted text, or null with the syntax errors that prevent formatting. */
  public record Result(String text, List<Diagnostic> diagnostics) {
    public boolean ok() {
      return text != null;
    }
  }

  public static Result format(SourceFile source) {
    CriteriaParsing.Tree tree = CriteriaParsing.tree(source);
    if (!tree.diagnostics().isEmpty()) {
      return new Result(null, tree.diagnostics());
    }
    return new Result(new Layout(tree).render(), List.of());
  }

  /** One line of the file as written: its code tokens and its comment, if any. */
  private static final class Line {
    final List<Token> code = new ArrayList<>();
    Token comment;
    boolean blankBefore;
    String text;

    /** Where the space before an alignable '=' starts in {@link #text}, or -1. */
    int equalsAt = -1;

    /** The kind of one-line declaration whose '=' may be aligned with its neighbours', or null. */
    Class<?> alignKind;
  }

  private static final class Layout {
    private final List<Token> tokens;

    /** Token index → the statement (declaration, node line, argument, ...) that starts there. */
    private final Map<Integer, ParserRuleContext> statements = new HashMap<>();

    /** Token index → aggregates and parentheses open around it (started before it). */
    private final Map<Integer, Integer> nesting = new HashMap<>();

    /** Tokens written without a space after ('-' as a sign) or before ('(' of a call). */
    private final Set<Integer> glueAfter = new HashSet<>();

    private final Set<Integer> glueBefore = new HashSet<>();
    private final List<Line> lines = new ArrayList<>();

    Layout(CriteriaParsing.Tree tree) {
      tokens = tree.tokens().getTokens();
      walk(tree.file());
      split();
    }

    private void walk(ParseTree t) {
      if (!(t instanceof ParserRuleContext ctx)
          || ctx.getStart() == null
          || ctx.getStop() == null) {
        return;
      }
      if (isStatement(ctx)) {
        statements.putIfAbsent(ctx.getStart().getTokenIndex(), ctx);
      }
      if (opensNesting(ctx)) {
        for (int i = ctx.getStart().getTokenIndex() + 1; i <= ctx.getStop().getTokenIndex(); i++) {
          nesting.merge(i, 1, Integer::sum);
        }
      }
      if (ctx instanceof UnaryExprContext u && u.MINUS() != null) {
        glueAfter.add(u.MINUS().getSymbol().getTokenIndex());
      }
      if (ctx instanceof MonthLiteralContext m && m.NUMBER().size() == 2) {
        // a month is one word: 2027-01
        glueAfter.add(m.NUMBER(0).getSymbol().getTokenIndex());
        glueAfter.add(m.MINUS().getSymbol().getTokenIndex());
      }
      if (ctx instanceof NameExprContext n && n.LPAREN() != null) {
        glueBefore.add(n.LPAREN().getSymbol().getTokenIndex());
      }
      if (ctx instanceof DefineDeclContext d && d.LPAREN() != null) {
        glueBefore.add(d.LPAREN().getSymbol().getTokenIndex());
      }
      for (int i = 0; i < ctx.getChildCount(); i++) {
        walk(ctx.getChild(i));
      }
    }

    private static boolean isStatement(ParserRuleContext ctx) {
      return ctx instanceof ImportDeclContext
          || ctx instanceof DeclContext
          || ctx instanceof TemplateDeclContext
          || ctx instanceof AreaDeclContext
          || ctx instanceof TemplateParamContext
          || ctx instanceof ArgumentContext
          || ctx instanceof LeafArgsContext
          || ctx instanceof BranchContext
          || ctx instanceof NodeContext
          || ctx instanceof NodeItemContext
          || ctx instanceof TypeCaseContext
          || ctx instanceof TypeDefaultContext
          || ctx instanceof TableCaseContext
          || ctx instanceof TableDefaultContext;
    }

    private static boolean opensNesting(ParserRuleContext ctx) {
      return ctx instanceof SumExprContext
          || ctx instanceof StatExprContext
          || ctx instanceof CountExprContext
          || ctx instanceof AnyExprContext
          || ctx instanceof AllExprContext
          || ctx instanceof ParensContext
          || ctx instanceof AtLeastExprContext
          || ctx instanceof PointsExprContext
          || ctx instanceof TextListExprContext
          || (ctx instanceof NameExprContext n && n.LPAREN() != null);
    }

    /** Splits the tokens into the lines as written, noting blank lines. */
    private void split() {
      Line line = new Line();
      int newlines = 0;
      for (Token t : tokens) {
        if (t.getType() == Token.EOF) {
          break;
        }
        if (t.getType() == CriteriaLexer.WS) {
          // the lexer reads a lone CR as LF (SourceFile.lexed), so LF counts every line end
          int n = (int) t.getText().chars().filter(c -> c == '\n').count();
          if (n > 0 && (!line.code.isEmpty() || line.comment != null)) {
            lines.add(line);
            line = new Line();
          }
          newlines += n;
          continue;
        }
        if (line.code.isEmpty() && line.comment == null) {
          line.blankBefore = newlines > 1 && !lines.isEmpty();
          newlines = 0;
        }
        if (t.getType() == CriteriaLexer.COMMENT) {
          line.comment = t;
        } else {
          line.code.add(t);
        }
      }
      if (!line.code.isEmpty() || line.comment != null) {
        lines.add(line);
      }
    }

    String render() {
      int depth = 0;
      List<Integer> indents = new ArrayList<>();
      for (Line line : lines) {
        if (line.code.isEmpty()) {
          indents.add(-1); // a comment line: placed by the next code line
          continue;
        }
        Token first = line.code.get(0);
        int start = first.getType() == CriteriaLexer.RBRACE ? depth - 1 : depth;
        int indent = 2 * Math.max(0, start);
        if (first.getType() != CriteriaLexer.RBRACE
            && !statements.containsKey(first.getTokenIndex())) {
          indent += 2 * Math.max(1, nesting.getOrDefault(first.getTokenIndex(), 0));
        }
        indents.add(indent);
        for (Token t : line.code) {
          depth +=
              t.getType() == CriteriaLexer.LBRACE
                  ? 1
                  : t.getType() == CriteriaLexer.RBRACE ? -1 : 0;
        }
      }
      // comment lines take the indentation of the next code line (inside a block before its '}')
      int next = 0;
      for (int i = lines.size() - 1; i >= 0; i--) {
        Line line = lines.get(i);
        if (indents.get(i) >= 0) {
          next = indents.get(i) + (line.code.get(0).getType() == CriteriaLexer.RBRACE ? 2 : 0);
        } else {
          indents.set(i, next);
        }
      }
      for (int i = 0; i < lines.size(); i++) {
        code(lines.get(i), indents.get(i));
      }
      alignEquals();
      return withComments();
    }

    /** The line's code with its indentation and spacing; notes an alignable '='. */
    private void code(Line line, int indent) {
      StringBuilder sb = new StringBuilder(" ".repeat(indent));
      Token prev = null;
      for (Token t : line.code) {
        if (prev != null) {
          sb.append(space(prev, t));
        }
        if (t.getType() == CriteriaLexer.EQ && line.equalsAt < 0) {
          ParserRuleContext st = statements.get(line.code.get(0).getTokenIndex());
          if (st instanceof DeclContext && st.getStop().getLine() == line.code.get(0).getLine()) {
            line.equalsAt = sb.length() - 1;
            line.alignKind = st.getClass();
          }
        }
        sb.append(t.getText());
        prev = t;
      }
      line.text = sb.toString();
    }

    private String space(Token a, Token b) {
      int ta = a.getType();
      int tb = b.getType();
      if (ta == CriteriaLexer.LPAREN
          || tb == CriteriaLexer.RPAREN
          || tb == CriteriaLexer.COMMA
          || tb == CriteriaLexer.COLON
          || glueAfter.contains(a.getTokenIndex())
          || glueBefore.contains(b.getTokenIndex())) {
        return "";
      }
      if (statements.containsKey(b.getTokenIndex()) && ta != CriteriaLexer.LBRACE) {
        return "  ";
      }
      return " ";
    }

    /** Aligns the '=' of runs of consecutive one-line declarations of the same kind. */
    private void alignEquals() {
      int i = 0;
      while (i < lines.size()) {
        Line first = lines.get(i);
        int j = i + 1;
        while (first.alignKind != null
            && j < lines.size()
            && lines.get(j).alignKind == first.alignKind
            && !lines.get(j).blankBefore
            && indentOf(lines.get(j)) == indentOf(first)) {
          j++;
        }
        int column = 0;
        for (int k = i; k < j; k++) {
          column = Math.max(column, lines.get(k).equalsAt);
        }
        for (int k = i; k < j && j - i > 1; k++) {
          Line l = lines.get(k);
          l.text =
              l.text.substring(0, l.equalsAt)
                  + " ".repeat(column - l.equalsAt)
                  + l.text.substring(l.equalsAt);
        }
        i = j;
      }
    }

    private static int indentOf(Line line) {
      int n = 0;
      while (n < line.text.length() && line.text.charAt(n) == ' ') {
        n++;
      }
      return n;
    }

    /**
     * The lines with their comments (trailing ones aligned over consecutive lines) and blank lines.
     */
    private String withComments() {
      StringBuilder out = new StringBuilder();
      int i = 0;
      while (i < lines.size()) {
        int j = i;
        int width = 0;
        while (j < lines.size()
            && !lines.get(j).code.isEmpty()
            && lines.get(j).comment != null
            && (j == i || !lines.get(j).blankBefore)) {
          width = Math.max(width, lines.get(j).text.length());
          j++;
        }
        if (j == i) {
          j = i + 1;
        }
        for (int k = i; k < j; k++) {
          Line l = lines.get(k);
          if (l.blankBefore) {
            out.append('\n');
          }
          String comment = l.comment == null ? "" : l.comment.getText().stripTrailing();
          if (l.code.isEmpty()) {
            out.append(l.text).append(comment);
          } else if (l.comment != null) {
            out.append(l.text).append(" ".repeat(width - l.text.length() + 2)).append(comment);
          } else {
            out.append(l.text);
          }
          out.append('\n');
        }
        i = j;
      }
      return out.toString();
    }
  }
}
