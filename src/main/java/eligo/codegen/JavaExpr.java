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

  /** The code as an operand that needs at least precedence {@code min}. */
  CodeBlock operand(int min) {
    return precedence < min ? CodeBlock.of("($L)", code) : code;
  }

  /** As an operand of {@code ||}: an {@code &&} inside is parenthesized for the reader. */
  CodeBlock operandOfOr() {
    return precedence == AND ? CodeBlock.of("($L)", code) : operand(OR);
  }
}
