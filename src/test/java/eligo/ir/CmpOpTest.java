package eligo.ir;

import static org.assertj.core.api.Assertions.assertThat;

import eligo.ir.Ir.CmpOp;
import org.junit.jupiter.api.Test;

/**
 * Comparison, defined once on {@link CmpOp} for the interpreter, the generated code and reports.
 */
class CmpOpTest {

  @Test
  void testAgreesWithTheOperatorOnBelowEqualAndAbove() {
    // op, then whether it holds for 1 vs 2, 2 vs 2, 3 vs 2
    assertHolds(CmpOp.GE, false, true, true);
    assertHolds(CmpOp.GT, false, false, true);
    assertHolds(CmpOp.LE, true, true, false);
    assertHolds(CmpOp.LT, true, false, false);
    assertHolds(CmpOp.EQ, false, true, false);
    assertHolds(CmpOp.NE, true, false, true);
  }

  private static void assertHolds(CmpOp op, boolean below, boolean equal, boolean above) {
    assertThat(new boolean[] {op.test(1, 2), op.test(2, 2), op.test(3, 2)})
        .as(op.name())
        .containsExactly(below, equal, above);
    assertThat(new boolean[] {op.test(-5), op.test(0), op.test(7)})
        .as(op.name())
        .containsExactly(below, equal, above);
  }

  @Test
  void extremesCompareWithoutOverflow() {
    assertThat(CmpOp.LT.test(Long.MIN_VALUE, Long.MAX_VALUE)).isTrue();
    assertThat(CmpOp.GT.test(Long.MAX_VALUE, -1)).isTrue();
  }

  @Test
  void javaOperatorsAndTheirKinds() {
    assertThat(CmpOp.GE.javaOp()).isEqualTo(">=");
    assertThat(CmpOp.GT.javaOp()).isEqualTo(">");
    assertThat(CmpOp.LE.javaOp()).isEqualTo("<=");
    assertThat(CmpOp.LT.javaOp()).isEqualTo("<");
    assertThat(CmpOp.EQ.javaOp()).isEqualTo("==");
    assertThat(CmpOp.NE.javaOp()).isEqualTo("!=");
    for (CmpOp op : CmpOp.values()) {
      int kinds =
          (op.isEquality() ? 1 : 0) + (op.isLowerBound() ? 1 : 0) + (op.isUpperBound() ? 1 : 0);
      assertThat(kinds).as(op.name()).isEqualTo(1);
    }
    assertThat(CmpOp.EQ.isEquality() && CmpOp.NE.isEquality()).isTrue();
    assertThat(CmpOp.GE.isLowerBound() && CmpOp.GT.isLowerBound()).isTrue();
    assertThat(CmpOp.LE.isUpperBound() && CmpOp.LT.isUpperBound()).isTrue();
  }
}
