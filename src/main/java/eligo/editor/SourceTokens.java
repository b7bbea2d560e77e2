package eligo.editor;

import eligo.lang.SourceFile;
import eligo.lang.Span;
import eligo.lang.antlr.CriteriaLexer;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.antlr.v4.runtime.CharStreams;
import org.antlr.v4.runtime.Token;
import org.antlr.v4.runtime.Vocabulary;

/**
 * The code tokens of a criteria file (no comments or spaces): the word under the cursor, and where
 * a statement that starts at a name begins and ends, for outlines, hovers and scopes.
 */
final class SourceTokens {
  /** Words that start a statement: a declaration, a block, a node item. */
  private static final Set<Integer> STATEMENT_WORDS =
      Set.of(
          CriteriaLexer.IMPORT,
          CriteriaLexer.ASSOCIATION,
          CriteriaLexer.TYPES,
          CriteriaLexer.WORKLOADS,
          CriteriaLexer.TABLE,
          CriteriaLexer.MEASURE,
          CriteriaLexer.BAND,
          CriteriaLexer.DEFINE,
          CriteriaLexer.TEMPLATE,
          CriteriaLexer.PARAMETER,
          CriteriaLexer.LEAF,
          CriteriaLexer.AREA,
          CriteriaLexer.BRANCH,
          CriteriaLexer.GATE,
          CriteriaLexer.METRIC,
          CriteriaLexer.CRITERIA,
          CriteriaLexer.DETAILS,
          CriteriaLexer.VALUE,
          CriteriaLexer.MET,
          CriteriaLexer.PARTNER,
          CriteriaLexer.EACH);

  /** Words that may come before a declared name in its statement ({@code leaf parameter q}). */
  private static final Set<Integer> HEAD_WORDS =
      Set.of(
          CriteriaLexer.ASSOCIATION,
          CriteriaLexer.TYPE,
          CriteriaLexer.TYPES,
          CriteriaLexer.WORKLOADS,
          CriteriaLexer.TABLE,
          CriteriaLexer.MEASURE,
          CriteriaLexer.BAND,
          CriteriaLexer.DEFINE,
          CriteriaLexer.TEMPLATE,
          CriteriaLexer.PARAMETER,
          CriteriaLexer.LEAF,
          CriteriaLexer.AREA,
          CriteriaLexer.BRANCH,
          CriteriaLexer.GATE,
          CriteriaLexer.METRIC);

  private final SourceFile source;
  private final List<Token> tokens = new ArrayList<>();

  SourceTokens(SourceFile source) {
    this.source = source;
    CriteriaLexer lexer = new CriteriaLexer(CharStreams.fromString(source.lexed(), source.name()));
    lexer.removeErrorListeners();
    for (Token t = lexer.nextToken(); t.getType() != Token.EOF; t = lexer.nextToken()) {
      if (t.getChannel() == Token.DEFAULT_CHANNEL) {
        tokens.add(t);
      }
    }
  }

  SourceFile source() {
    return source;
  }

  /** The code tokens, in order. */
  List<Token> all() {
    return tokens;
  }

  /** Whether a token is a word that starts a statement ('gate', 'value', 'define', ...). */
  static boolean startsStatement(Token t) {
    return STATEMENT_WORDS.contains(t.getType());
  }

  /** The keywords of the language, in the lexer's order. */
  static List<String> keywords() {
    Vocabulary v = CriteriaLexer.VOCABULARY;
    List<String> out = new ArrayList<>();
    for (int i = 1; i <= v.getMaxTokenType(); i++) {
      String literal = v.getLiteralName(i);
      if (literal != null && Character.isLetter(literal.charAt(1))) {
        out.add(literal.substring(1, literal.length() - 1));
      }
    }
    return out;
  }

  /** The token at (or just before) a 1-based place, or null. */
  Token at(int line, int column) {
    for (Token t : tokens) {
      if (t.getLine() == line) {
        int start = t.getCharPositionInLine() + 1;
        int end = start + t.getText().length();
        if (start <= column && column <= end) {
          // at the boundary of two tokens, prefer a word to the punctuation after it
          if (column == end && isWord(t) || column < end) {
            return t;
          }
        }
      }
    }
    return null;
  }

  /** The tokens that are the word {@code text}, in order. */
  List<Token> words(String text) {
    List<Token> out = new ArrayList<>();
    for (Token t : tokens) {
      if (t.getText().equals(text) && isWord(t)) {
        out.add(t);
      }
    }
    return out;
  }

  /** The quoted texts of one line that hold {@code piece}, in order. */
  List<Token> textsHolding(String piece) {
    List<Token> out = new ArrayList<>();
    for (Token t : tokens) {
      String x = t.getText();
      if (x.startsWith("\"") && x.indexOf('\n') < 0 && x.contains(piece)) {
        out.add(t);
      }
    }
    return out;
  }

  static boolean isWord(Token t) {
    String s = t.getText();
    return !s.isEmpty() && (Character.isLetter(s.charAt(0)) || s.charAt(0) == '_');
  }

  static TextRange range(Token t) {
    int c = t.getCharPositionInLine() + 1;
    return new TextRange(t.getLine(), c, t.getLine(), c + t.getText().length());
  }

  private int indexOf(Span name) {
    for (int i = 0; i < tokens.size(); i++) {
      Token t = tokens.get(i);
      if (t.getLine() == name.line() && t.getCharPositionInLine() + 1 == name.column()) {
        return i;
      }
    }
    return -1;
  }

  /**
   * The whole statement declared at {@code name}: from its first word ({@code gate}, {@code leaf
   * parameter}) to its closing brace or the last token before the next statement.
   */
  TextRange statement(Span name) {
    int i = indexOf(name);
    if (i < 0) {
      return TextRange.of(name);
    }
    int first = i;
    while (first > 0 && i - first < 2 && HEAD_WORDS.contains(tokens.get(first - 1).getType())) {
      first--;
    }
    int depth = 0;
    int last = i;
    for (int j = i + 1; j < tokens.size(); j++) {
      Token t = tokens.get(j);
      if (t.getType() == CriteriaLexer.LBRACE) {
        depth++;
      } else if (t.getType() == CriteriaLexer.RBRACE) {
        if (depth == 0) {
          break;
        }
        depth--;
        if (depth == 0) {
          last = j;
          break;
        }
      } else if (depth == 0
          && STATEMENT_WORDS.contains(t.getType())
          && t.getLine() > tokens.get(j - 1).getLine()) {
        break;
      }
      last = j;
    }
    Token a = tokens.get(first);
    Token b = tokens.get(last);
    return new TextRange(
        a.getLine(),
        a.getCharPositionInLine() + 1,
        b.getLine(),
        b.getCharPositionInLine() + 1 + b.getText().length());
  }

  /** The lines of a range, at most {@code max} of them (then "..."), for a hover. */
  String excerpt(TextRange r, int max) {
    StringBuilder sb = new StringBuilder();
    int to = Math.min(r.endLine(), r.startLine() + max - 1);
    for (int line = r.startLine(); line <= to; line++) {
      String text = source.line(line);
      sb.append(
              line == r.startLine()
                  ? text.substring(Math.min(text.length(), r.startColumn() - 1))
                  : text)
          .append('\n');
    }
    if (to < r.endLine()) {
      sb.append("...\n");
    }
    return stripIndent(sb.toString());
  }

  private static String stripIndent(String s) {
    String[] lines = s.split("\n", -1);
    int indent = Integer.MAX_VALUE;
    for (int k = 1; k < lines.length; k++) {
      if (!lines[k].isBlank()) {
        indent = Math.min(indent, lines[k].length() - lines[k].stripLeading().length());
      }
    }
    if (indent == Integer.MAX_VALUE || indent == 0) {
      return s;
    }
    StringBuilder sb = new StringBuilder(lines[0]);
    for (int k = 1; k < lines.length; k++) {
      sb.append('\n')
          .append(
              lines[k].length() >= indent
                  ? lines[k].substring(
                      Math.min(indent, lines[k].length() - lines[k].stripLeading().length()))
                  : lines[k]);
    }
    return sb.toString();
  }
}
