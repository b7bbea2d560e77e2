package eligo.report;

import static org.assertj.core.api.Assertions.assertThat;

import eligo.ir.Ir;
import java.util.ArrayList;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.junit.jupiter.api.Test;

class LastValuesTest {
  /** Equal expressions that are distinct objects: the table goes by identity. */
  private static List<Ir.Expr> expressions(int n) {
    List<Ir.Expr> out = new ArrayList<>();
    for (int i = 0; i < n; i++) {
      out.add(new Ir.Const(i % 3, 0));
    }
    return out;
  }

  @Test
  void holdsTheLastValueOfEachExpressionByIdentityWhateverTheOrderOfPuts() {
    // in a repeated order (what an evaluation tells), then at random, past several growths
    List<Ir.Expr> es = expressions(300);
    LastValues values = new LastValues();
    Map<Ir.Expr, Long> expected = new IdentityHashMap<>();
    Random random = new Random(7);
    for (int round = 0; round < 50; round++) {
      int count = round < 25 ? 12 + round : es.size();
      for (int k = 0; k < count; k++) {
        Ir.Expr e = round < 25 ? es.get(k) : es.get(random.nextInt(es.size()));
        long v = random.nextLong();
        values.put(e, v);
        expected.put(e, v);
      }
      for (Ir.Expr e : es) {
        assertThat(values.value(e)).isEqualTo(expected.get(e));
      }
    }
    values.clear();
    for (Ir.Expr e : es) {
      assertThat(values.value(e)).isNull();
      assertThat(values.held(e)).isNull();
      assertThat(values.valueOr(e, -5)).isEqualTo(-5);
    }
    values.put(es.get(4), true);
    values.put(es.get(5), false);
    assertThat(values.held(es.get(4))).isTrue();
    assertThat(values.held(es.get(5))).isFalse();
    assertThat(values.held(es.get(3))).isNull();
  }
}
