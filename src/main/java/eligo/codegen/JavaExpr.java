package eligo.codegen;

import com.palantir.javapoet.CodeBlock;

/** A generated Java expression and its precedence, for parenthesizing only where needed. */
record JavaExpr(CodeBlock code, int precedence) {
  static final int TERNARY = 10;
  static final int OR = 20;
  static final int AND = 30;
  static final int EQUALITY = 40;
  static final int RELATIONAL = 50;
  static final int ADDITIVE = 60;
  static final int UNARY = 80;
  static final int ATOM = 90;

  static JavaExpr atom(CodeBlock code) {
    return new JavaExpr(code, ATOM);
  }

  static JavaExpr longLiteral(long value) {
    return new JavaExpr(CodeBlock.of("$LL", Long.toString(value)), value < 0 ? UNARY : ATOM);
  }

  static JavaExpr intLiteral(int value) {
    return new JavaExpr(CodeBlock.of("$L", Integer.toString(value)), value < 0 ? UNARY : ATOM);
  }

  /**
   * A string literal of {@code text} (criteria text): every part goes through {@code $S}. JavaPoet
   * (0.22) splits emitted text at every {@code \\R} line break, U+2028 and U+2029 included, and
   * does not escape those two in {@code $S}: a raw U+2028 would become a line break inside the
   * literal. They are written as the fixed escapes {@code "\\u2028"} and {@code "\\u2029"},
   * concatenated with the rest ({@code "a" + "\\u2028" + "b"}, still a constant expression).
   */
  static CodeBlock stringLiteral(String text) {
    if (text.indexOf('\u2028') < 0 && text.indexOf('\u2029') < 0) {
      return CodeBlock.of("$S", text);
    }
    java.util.List<CodeBlock> parts = new java.util.ArrayList<>();
    int from = 0;
    for (int i = 0; i < text.length(); i++) {
      char ch = text.charAt(i);
      if (ch == '\u2028' || ch == '\u2029') {
        if (i > from) {
          parts.add(CodeBlock.of("$S", text.substring(from, i)));
        }
        parts.add(CodeBlock.of("$L", ch == '\u2028' ? "\"\\u2028\"" : "\"\\u2029\""));
        from = i + 1;
      }
    }
    if (from < text.length()) {
      parts.add(CodeBlock.of("$S", text.substring(from)));
    }
    return CodeBlock.join(parts, " + ");
  }

  /** The code as an operand that needs at least precedence {@code min}. */
  CodeBlock operand(int min) {
    return precedence < min ? CodeBlock.of("($L)", code) : code;
  }

  /** As an operand of {@code ||}: an {@code &&} inside is parenthesized for the reader. */
  CodeBlock operandOfOr() {
    return precedence == AND ? CodeBlock.of("($L)", code) : operand(OR);
  }
}
