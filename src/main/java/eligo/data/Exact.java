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
}
