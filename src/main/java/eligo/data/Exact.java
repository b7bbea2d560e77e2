package eligo.data;

/**
 * Exact arithmetic on unscaled decimals that both back ends share, so that the interpreter and the
 * generated evaluators give the same digits: the generated code calls these methods too.
 */
public final class Exact {
  private Exact() {}

  /**
   * {@code total / count} at the scale of {@code total}, rounded half-even: a remainder of exactly
   * half goes to the even neighbour ({@code 1.005 -> 1.00}, {@code 1.015 -> 1.02}, {@code -1.005 ->
   * -1.00}); 0 when {@code count} is 0 (an average over nothing).
   *
   * @param total the sum of the terms, unscaled
   * @param count how many terms; never negative
   */
  public static long divideHalfEven(long total, long count) {
    if (count < 0) {
      throw new IllegalArgumentException("a negative number of terms: " + count);
    }
    if (count == 0) {
      return 0;
    }
    long quotient = Math.floorDiv(total, count);
    long remainder = Math.floorMod(total, count);
    // remainder against count - remainder, not 2 * remainder against count: no overflow
    int half = remainder > count - remainder ? 1 : (remainder == count - remainder ? 0 : -1);
    if (half > 0 || (half == 0 && (quotient & 1) != 0)) {
      return Math.addExact(quotient, 1);
    }
    return quotient;
  }

  /**
   * How {@code current} compares with {@code baseline * (1 + fraction)}, exactly: negative, zero or
   * positive, as {@link Long#compare} says; {@code fraction} is {@code fractionUnscaled} at {@code
   * fractionScale} (0.2 for 20%). {@code current} and {@code baseline} are at one scale.
   *
   * @throws ArithmeticException when a product does not fit in a long
   */
  public static int compareGrowth(
      long current, long baseline, long fractionUnscaled, int fractionScale) {
    long one = 1;
    for (int i = 0; i < fractionScale; i++) {
      one = Math.multiplyExact(one, 10L);
    }
    long left = Math.multiplyExact(current, one);
    long right = Math.multiplyExact(baseline, Math.addExact(one, fractionUnscaled));
    return Long.compare(left, right);
  }
}
