package eligo.editor;

import eligo.lang.SourceFile;
import eligo.lang.antlr.CasesLexer;
import eligo.lang.antlr.CriteriaLexer;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.Deque;
import java.util.List;
import org.antlr.v4.runtime.CharStreams;
import org.antlr.v4.runtime.Lexer;
import org.antlr.v4.runtime.Token;

/**
 * The folding ranges of a file, as an editor collapses them: each block (<code>{ ... }</code>) and
 * each parenthesized expression that spans lines, from its opening line to the line before its
 * closing one (which stays in sight); each run of two or more lines that hold only a comment; each
 * run of two or more {@code import} lines. Read from the tokens alone, so a file with syntax errors
 * still folds where its brackets match; an unmatched bracket folds nothing.
 */
public final class Folding {
  private Folding() {}

  /** A range of 1-based lines, {@code startLine} kept in sight and the lines after it hidden. */
  public record Fold(int startLine, int endLine, Kind kind) {}

  public enum Kind {
    REGION,
    COMMENT,
    IMPORTS
  }

  static List<Fold> ofCriteria(SourceFile source) {
    CriteriaLexer lexer = new CriteriaLexer(CharStreams.fromString(source.lexed(), source.name()));
    return of(
        lexer,
        List.of(CriteriaLexer.LBRACE, CriteriaLexer.LPAREN),
        List.of(CriteriaLexer.RBRACE, CriteriaLexer.RPAREN),
        CriteriaLexer.COMMENT,
        CriteriaLexer.IMPORT);
  }

  static List<Fold> ofCases(SourceFile source) {
    CasesLexer lexer = new CasesLexer(CharStreams.fromString(source.lexed(), source.name()));
    return of(
        lexer, List.of(CasesLexer.LBRACE), List.of(CasesLexer.RBRACE), CasesLexer.COMMENT, -1);
  }

  /**
   * {@code opens.get(k)} is closed by {@code closes.get(k)}; {@code importWord} starts an import
   * line (-1: none).
   */
  private static List<Fold> of(
      Lexer lexer, List<Integer> opens, List<Integer> closes, int comment, int importWord) {
    lexer.removeErrorListeners();
    List<Fold> out = new ArrayList<>();
    Deque<Token> open = new ArrayDeque<>();
    Run comments = new Run(Kind.COMMENT);
    Run imports = new Run(Kind.IMPORTS);
    int lastCodeLine = 0;
    for (Token t = lexer.nextToken(); t.getType() != Token.EOF; t = lexer.nextToken()) {
      int type = t.getType();
      int line = t.getLine();
      if (type == comment) {
        if (line != lastCodeLine) {
          comments.add(line, out);
        }
        continue;
      }
      if (t.getChannel() != Token.DEFAULT_CHANNEL) {
        continue;
      }
      if (line != lastCodeLine && type == importWord) {
        imports.add(line, out);
      }
      lastCodeLine = line;
      if (opens.contains(type)) {
        open.push(t);
      } else if (closes.contains(type)) {
        int kind = closes.indexOf(type);
        // a close that matches no open (or another kind of open) is a typing slip: skip it
        if (!open.isEmpty() && opens.indexOf(open.peek().getType()) == kind) {
          int from = open.pop().getLine();
          if (line - 1 > from) {
            out.add(new Fold(from, line - 1, Kind.REGION));
          }
        }
      }
    }
    comments.end(out);
    imports.end(out);
    out.sort(Comparator.comparingInt(Fold::startLine).thenComparingInt(f -> -f.endLine()));
    return out;
  }

  /** A run of consecutive lines of one kind, folded when it reaches two lines. */
  private static final class Run {
    private final Kind kind;
    private int first;
    private int last = -1;

    Run(Kind kind) {
      this.kind = kind;
    }

    void add(int line, List<Fold> out) {
      if (line == last + 1) {
        last = line;
        return;
      }
      end(out);
      first = line;
      last = line;
    }

    void end(List<Fold> out) {
      if (last > first) {
        out.add(new Fold(first, last, kind));
      }
      last = -1;
    }
  }
}
