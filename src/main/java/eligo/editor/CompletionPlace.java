package eligo.editor;

import eligo.lang.antlr.CriteriaLexer;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.Set;
import org.antlr.v4.runtime.CharStreams;
import org.antlr.v4.runtime.Token;

/**
 * Where the cursor stands in a criteria file, for completion: in a comment or a quoted text, at the
 * start of a statement of some block, after a word that one of a few words follows, where a new
 * name is written, or in an expression. Read from the tokens before the cursor alone, so that a
 * half-written line (the usual case while typing) is placed as well as a finished one.
 */
record CompletionPlace(Kind kind, Block block, boolean continues) {
  enum Kind {
    /** In a comment: nothing to propose. */
    COMMENT,
    /** In a quoted text: a workload name. */
    TEXT,
    /** After '{' in a node's criteria text: what a text can show. */
    TEXT_VALUE,
    /** In the string of an 'import': a criteria file of the folder. */
    IMPORT_FILE,
    /** At the start of a statement: the words that start one in {@link #block}. */
    STATEMENT,
    /** Where a new name is written (after 'define', 'gate', ...): nothing to propose. */
    NEW_NAME,
    /** After 'details per' or its comma. */
    DETAIL_KIND,
    /** After 'met'. */
    AFTER_MET,
    /** After 'association' at the start of a line. */
    AFTER_ASSOCIATION,
    /** After 'each'. */
    AFTER_EACH,
    /** After 'details'. */
    AFTER_DETAILS,
    /** After 'attribute'. */
    ATTRIBUTE_OWNER,
    /** After ':' of a parameter or an attribute. */
    PARAMETER_TYPE,
    /** After 'via': association types and their sets. */
    TYPES,
    /** After 'from' in an area's first line: a template. */
    TEMPLATE,
    /** In an area's, branch's or node's first line, after its title: 'from' or 'version'. */
    HEADER,
    /** In an expression: names, measures, months and the words of expressions. */
    EXPRESSION
  }

  /** The block that holds the cursor. */
  enum Block {
    TOP,
    AREA,
    TEMPLATE,
    INSTANCE,
    BRANCH,
    /** A gate: a node without leaves. */
    GATE,
    NODE,
    CASES,
    OTHER
  }

  /** Words after which the next token continues the same statement, whatever line it is on. */
  private static final Set<Integer> OPERAND_EXPECTED =
      Set.of(
          CriteriaLexer.WHERE,
          CriteriaLexer.AND,
          CriteriaLexer.OR,
          CriteriaLexer.NOT,
          CriteriaLexer.GE,
          CriteriaLexer.GT,
          CriteriaLexer.LE,
          CriteriaLexer.LT,
          CriteriaLexer.EQEQ,
          CriteriaLexer.NE,
          CriteriaLexer.EQ,
          CriteriaLexer.PLUS,
          CriteriaLexer.MINUS,
          CriteriaLexer.STAR,
          CriteriaLexer.SLASH,
          CriteriaLexer.COMMA,
          CriteriaLexer.LPAREN,
          CriteriaLexer.IN,
          CriteriaLexer.FOR,
          CriteriaLexer.VIA,
          CriteriaLexer.AT,
          CriteriaLexer.OF,
          CriteriaLexer.DOTDOT,
          CriteriaLexer.WITHIN,
          CriteriaLexer.NET,
          CriteriaLexer.SUM,
          CriteriaLexer.COUNT,
          CriteriaLexer.ANY,
          CriteriaLexer.ALL,
          CriteriaLexer.AVERAGE,
          CriteriaLexer.MINIMUM,
          CriteriaLexer.MAXIMUM,
          CriteriaLexer.EXCEPT,
          CriteriaLexer.COLON,
          CriteriaLexer.VALUE,
          CriteriaLexer.WHEN);

  /** Words after which, first on their line, a new name is written. */
  private static final Set<Integer> NAMING =
      Set.of(
          CriteriaLexer.DEFINE,
          CriteriaLexer.MEASURE,
          CriteriaLexer.BAND,
          CriteriaLexer.TABLE,
          CriteriaLexer.TYPES,
          CriteriaLexer.WORKLOADS,
          CriteriaLexer.TEMPLATE,
          CriteriaLexer.AREA,
          CriteriaLexer.BRANCH,
          CriteriaLexer.GATE,
          CriteriaLexer.METRIC,
          CriteriaLexer.PARAMETER,
          CriteriaLexer.LEAF);

  /** The words that head a block's first line. */
  private static final Set<Integer> HEADERS =
      Set.of(
          CriteriaLexer.AREA,
          CriteriaLexer.BRANCH,
          CriteriaLexer.GATE,
          CriteriaLexer.METRIC,
          CriteriaLexer.TEMPLATE,
          CriteriaLexer.LEAF);

  /**
   * The place of a 1-based line and column of {@code tokens}' file. {@code continues}: at the start
   * of a statement, whether the line before ends a 'value', 'met when', 'define' or 'measure' that
   * the line may go on with.
   */
  static CompletionPlace of(SourceTokens tokens, int line, int column) {
    String text = tokens.source().line(line);
    int upTo = text.offsetByCodePoints(0, Math.min(Math.max(0, column - 1), cps(text)));
    Token last = lastOfLine(text.substring(0, upTo));
    List<Token> before = before(tokens.all(), line, column);
    Block block = blockOf(before);
    if (last != null && last.getType() == CriteriaLexer.COMMENT) {
      return new CompletionPlace(Kind.COMMENT, block, false);
    }
    if (last != null && last.getType() == CriteriaLexer.UNTERMINATED_STRING) {
      // the prefix ends inside a quoted text (a closed one would end before the cursor)
      return new CompletionPlace(stringKind(before, line, last.getText()), block, false);
    }
    List<Token> onLine = before.stream().filter(t -> t.getLine() == line).toList();
    Token prev = before.isEmpty() ? null : before.get(before.size() - 1);
    if (onLine.isEmpty()) {
      if (prev != null && OPERAND_EXPECTED.contains(prev.getType())) {
        return new CompletionPlace(Kind.EXPRESSION, block, false);
      }
      return new CompletionPlace(Kind.STATEMENT, block, expressionGoesOn(before));
    }
    Token first = onLine.get(0);
    int type = prev.getType();
    if (first.getType() == CriteriaLexer.DETAILS
        && (type == CriteriaLexer.PER || type == CriteriaLexer.COMMA)) {
      return new CompletionPlace(Kind.DETAIL_KIND, block, false);
    }
    if (type == CriteriaLexer.DETAILS) {
      return new CompletionPlace(Kind.AFTER_DETAILS, block, false);
    }
    if (type == CriteriaLexer.MET && prev == first) {
      return new CompletionPlace(Kind.AFTER_MET, block, false);
    }
    if (type == CriteriaLexer.ASSOCIATION && prev == first) {
      return new CompletionPlace(Kind.AFTER_ASSOCIATION, block, false);
    }
    if (type == CriteriaLexer.EACH && prev == first) {
      return new CompletionPlace(Kind.AFTER_EACH, block, false);
    }
    if (type == CriteriaLexer.ATTRIBUTE) {
      return new CompletionPlace(Kind.ATTRIBUTE_OWNER, block, false);
    }
    if (type == CriteriaLexer.COLON
        && (first.getType() == CriteriaLexer.DEFINE
            || first.getType() == CriteriaLexer.ATTRIBUTE
            || first.getType() == CriteriaLexer.PARAMETER
            || first.getType() == CriteriaLexer.LEAF && block == Block.TEMPLATE)) {
      return new CompletionPlace(Kind.PARAMETER_TYPE, block, false);
    }
    if (NAMING.contains(type)
        && (prev == first
            || onLine.size() == 2
                && (first.getType() == CriteriaLexer.LEAF
                    || first.getType() == CriteriaLexer.ASSOCIATION))) {
      return new CompletionPlace(Kind.NEW_NAME, block, false);
    }
    if (type == CriteriaLexer.TYPE
        && onLine.size() == 2
        && first.getType() == CriteriaLexer.ASSOCIATION) {
      return new CompletionPlace(Kind.NEW_NAME, block, false);
    }
    if (type == CriteriaLexer.VIA) {
      return new CompletionPlace(Kind.TYPES, block, false);
    }
    if (HEADERS.contains(first.getType())
        && onLine.stream().noneMatch(t -> t.getType() == CriteriaLexer.LBRACE)) {
      if (type == CriteriaLexer.FROM && first.getType() == CriteriaLexer.AREA) {
        return new CompletionPlace(Kind.TEMPLATE, block, false);
      }
      return new CompletionPlace(onLine.size() == 2 ? Kind.NEW_NAME : Kind.HEADER, block, false);
    }
    return new CompletionPlace(Kind.EXPRESSION, block, false);
  }

  private static int cps(String s) {
    return s.codePointCount(0, s.length());
  }

  /** The last token (any channel) of a line's text up to the cursor, or null. */
  private static Token lastOfLine(String prefix) {
    CriteriaLexer lexer = new CriteriaLexer(CharStreams.fromString(prefix));
    lexer.removeErrorListeners();
    Token last = null;
    for (Token t = lexer.nextToken(); t.getType() != Token.EOF; t = lexer.nextToken()) {
      last = t;
    }
    return last;
  }

  /** What a quoted text that the cursor is in holds, by the words before it on its line. */
  private static Kind stringKind(List<Token> before, int line, String typed) {
    List<Token> onLine = before.stream().filter(t -> t.getLine() == line).toList();
    // the unfinished string itself is no code token yet when unterminated: look at the line start
    Token first = onLine.isEmpty() ? null : onLine.get(0);
    if (first != null && first.getType() == CriteriaLexer.IMPORT) {
      return Kind.IMPORT_FILE;
    }
    if (first != null && first.getType() == CriteriaLexer.CRITERIA) {
      int open = typed.lastIndexOf('{');
      return open >= 0 && typed.indexOf('}', open) < 0 ? Kind.TEXT_VALUE : Kind.COMMENT;
    }
    if (first != null && HEADERS.contains(first.getType())) {
      return Kind.COMMENT; // a title: free words
    }
    return Kind.TEXT;
  }

  /**
   * The code tokens wholly before a place, less the word being typed there (the one the cursor is
   * in or just after).
   */
  private static List<Token> before(List<Token> all, int line, int column) {
    List<Token> out = new ArrayList<>();
    for (Token t : all) {
      int start = t.getCharPositionInLine() + 1;
      if (t.getLine() > line || t.getLine() == line && start >= column) {
        break;
      }
      int end = start + t.getText().length();
      boolean typing =
          t.getLine() == line && column <= end && (SourceTokens.isWord(t) || column < end);
      if (!typing) {
        out.add(t);
      }
    }
    return out;
  }

  /** The block the last of {@code before} is in. */
  private static Block blockOf(List<Token> before) {
    Deque<Block> open = new ArrayDeque<>();
    for (int i = 0; i < before.size(); i++) {
      int type = before.get(i).getType();
      if (type == CriteriaLexer.LBRACE) {
        open.push(opened(before, i, open.isEmpty() ? Block.TOP : open.peek()));
      } else if (type == CriteriaLexer.RBRACE && !open.isEmpty()) {
        open.pop();
      }
    }
    return open.isEmpty() ? Block.TOP : open.peek();
  }

  /** The block a '{' at {@code i} opens, by the first word of its line. */
  private static Block opened(List<Token> tokens, int i, Block outer) {
    int line = tokens.get(i).getLine();
    int j = i;
    while (j > 0 && tokens.get(j - 1).getLine() == line) {
      j--;
    }
    int head = tokens.get(j).getType();
    switch (head) {
      case CriteriaLexer.AREA:
        for (int k = j; k < i - 1; k++) {
          if (tokens.get(k).getType() == CriteriaLexer.FROM
              && tokens.get(k + 1).getType() != CriteriaLexer.NUMBER) {
            return Block.INSTANCE;
          }
        }
        return Block.AREA;
      case CriteriaLexer.TEMPLATE:
        return Block.TEMPLATE;
      case CriteriaLexer.BRANCH:
        return Block.BRANCH;
      case CriteriaLexer.LEAF:
        return outer == Block.INSTANCE ? Block.OTHER : Block.NODE;
      case CriteriaLexer.GATE:
        return Block.GATE;
      case CriteriaLexer.METRIC:
      case CriteriaLexer.PARTNER:
      case CriteriaLexer.EACH:
        return Block.NODE;
      case CriteriaLexer.TABLE:
      case CriteriaLexer.TYPES:
        return Block.CASES;
      default:
        return Block.OTHER;
    }
  }

  /**
   * Whether the statement the last token of {@code before} ends is an expression ('value', 'met
   * when', 'define', 'measure'), which a new line may continue ('where ...').
   */
  private static boolean expressionGoesOn(List<Token> before) {
    for (int i = before.size() - 1; i >= 0; i--) {
      Token t = before.get(i);
      int type = t.getType();
      if (type == CriteriaLexer.LBRACE || type == CriteriaLexer.RBRACE) {
        return false;
      }
      boolean firstOnLine = i == 0 || before.get(i - 1).getLine() < t.getLine();
      if (firstOnLine && SourceTokens.startsStatement(t)) {
        return type == CriteriaLexer.VALUE
            || type == CriteriaLexer.MET
            || type == CriteriaLexer.DEFINE
            || type == CriteriaLexer.MEASURE;
      }
    }
    return false;
  }
}
