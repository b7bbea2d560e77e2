package eligo.lang;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * A form whose first operand is itself a form (a range from {@code M - 2}, an 'and' of two
 * comparisons) is recorded from its first token, not from its first operand's operator: the
 * language server's ranges and the carets of its diagnostics start where it is written.
 */
class ExprSpansTest {
  private static final String LINE1 = "    value sum acr for tenant, month in M - 2 .. M";
  private static final String LINE2 = "    met when value >= 5 and value < 3";

  private static <T extends Record> List<T> find(Class<T> kind) {
    String text =
        "area a \"A\" {\n  metric m \"M\" {\n    criteria \"A rule\"\n"
            + LINE1
            + "\n"
            + LINE2
            + "\n  }\n}\n";
    CriteriaParsing.Result parsed = CriteriaParsing.parse(new SourceFile("a.criteria", text));
    assertThat(parsed.diagnostics()).isEmpty();
    List<T> found = new ArrayList<>();
    AstSearch.each(
        parsed.file(),
        r -> {
          if (kind.isInstance(r)) {
            found.add(kind.cast(r));
          }
        });
    return found;
  }

  @Test
  void aRangeStartsAtItsFirstMonth() {
    List<Ast.Range> ranges = find(Ast.Range.class);
    assertThat(ranges).hasSize(1);
    Span span = ranges.get(0).span();
    assertThat(span.line()).isEqualTo(4);
    assertThat(span.column()).isEqualTo(LINE1.indexOf("M - 2") + 1);
    assertThat(span.length()).isEqualTo("M - 2 .. M".length());
  }

  @Test
  void anAndOfComparisonsStartsAtItsFirstOperand() {
    List<Ast.Binary> ands =
        find(Ast.Binary.class).stream().filter(b -> b.op() == Ast.BinOp.AND).toList();
    assertThat(ands).hasSize(1);
    Span span = ands.get(0).span();
    assertThat(span.line()).isEqualTo(5);
    assertThat(span.column()).isEqualTo(LINE2.indexOf("value >=") + 1);
    assertThat(span.length()).isEqualTo("value >= 5 and value < 3".length());
  }
}
