package eligo.ir;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

class IdentityMemoTest {
  @Test
  void makesAgainUnlessTheKeyHoldsTheSameObjects() {
    IdentityMemo<String> memo = new IdentityMemo<>();
    AtomicInteger made = new AtomicInteger();
    Ir.Const a = new Ir.Const(1, 0);
    Ir.Const b = new Ir.Const(2, 0);
    List<Ir.Expr> key = new ArrayList<>(List.of(a, b));
    assertThat(memo.get(key, () -> "v" + made.incrementAndGet())).isEqualTo("v1");
    // the same objects in another list: kept, even after the first list changes
    key.set(0, b);
    assertThat(memo.get(List.of(a, b), () -> "v" + made.incrementAndGet())).isEqualTo("v1");
    // equal records that are other objects, another order, another size: made again
    assertThat(memo.get(List.of(new Ir.Const(1, 0), b), () -> "v" + made.incrementAndGet()))
        .isEqualTo("v2");
    assertThat(memo.get(List.of(b, a), () -> "v" + made.incrementAndGet())).isEqualTo("v3");
    assertThat(memo.get(List.of(b), () -> "v" + made.incrementAndGet())).isEqualTo("v4");
    assertThat(memo.get(List.of(b), () -> "v" + made.incrementAndGet())).isEqualTo("v4");
    assertThat(made.get()).isEqualTo(4);
  }
}
