package eligo.engine;

import static org.assertj.core.api.Assertions.assertThat;

import eligo.data.Dataset;
import eligo.data.DatasetSlice;
import eligo.io.Mode;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

/**
 * One partner's slice of the sample data, evaluated at the whole run's month, gives exactly that
 * partner's rows of the whole run: customer-level and partner-level nodes alike.
 */
class DatasetSliceTest {
  @Test
  void everyPartnersSliceGivesItsRowsOfTheWholeRun() throws Exception {
    Started s = sample();
    Dataset whole = s.loaded().dataset();
    int asOf = Eligo.asOf(null, whole);
    List<String> all = lines(s, whole, asOf);
    Set<String> partners = new LinkedHashSet<>();
    for (int c = 0; c < whole.customerCount(); c++) {
      partners.add(whole.partnerId(c));
    }
    assertThat(partners).hasSizeGreaterThan(1);
    List<String> joined = new ArrayList<>();
    for (String p : partners) {
      Dataset slice = DatasetSlice.ofPartner(whole, p);
      assertThat(slice.customerCount()).isEqualTo(DatasetSlice.customersOf(whole, p).length);
      List<String> mine = lines(s, slice, asOf);
      assertThat(mine).isNotEmpty().allMatch(line -> line.startsWith(csvField(p) + ","));
      assertThat(mine)
          .containsExactlyElementsOf(
              all.stream().filter(line -> line.startsWith(csvField(p) + ",")).toList());
      joined.addAll(mine);
    }
    assertThat(joined).containsExactlyInAnyOrderElementsOf(all);
  }

  @Test
  void aSliceOfNoCustomersIsEmptyButKeepsTheCatalog() throws Exception {
    Started s = sample();
    Dataset whole = s.loaded().dataset();
    Dataset none = DatasetSlice.ofPartner(whole, "no such partner");
    assertThat(none.customerCount()).isZero();
    assertThat(none.rowCount()).isZero();
    assertThat(none.workloadCount()).isEqualTo(whole.workloadCount());
    assertThat(none.typeNames()).isEqualTo(whole.typeNames());
  }

  @Test
  void aSliceHoldsEachCustomersTenantsPairsRowsAndAssociationsInTheOrderGiven() throws Exception {
    Started s = sample();
    Dataset whole = s.loaded().dataset();
    int n = whole.customerCount();
    int[] reversed = new int[n / 3];
    for (int i = 0; i < reversed.length; i++) {
      reversed[i] = n - 1 - 3 * i; // every third, backwards: no two customers' rows adjoin
    }
    int[] shuffled = new int[n];
    for (int i = 0; i < n; i++) {
      shuffled[i] = (int) ((i * 7919L) % n); // every customer once, out of order (n is 400)
    }
    int[] inOrder = new int[n];
    Arrays.setAll(inOrder, i -> i);
    for (int[] customers : List.of(reversed, shuffled, inOrder)) {
      Dataset slice = DatasetSlice.of(whole, customers);
      assertThat(slice.customerCount()).isEqualTo(customers.length);
      assertThat(Arrays.stream(customers).distinct().count()).isEqualTo(customers.length);
      int rows = 0;
      for (int i = 0; i < customers.length; i++) {
        int c = customers[i];
        assertThat(slice.customerId(i)).isEqualTo(whole.customerId(c));
        assertThat(slice.tenantEnd(i) - slice.tenantStart(i))
            .isEqualTo(whole.tenantEnd(c) - whole.tenantStart(c));
        for (int t = whole.tenantStart(c), t2 = slice.tenantStart(i);
            t < whole.tenantEnd(c);
            t++, t2++) {
          assertThat(slice.pairEnd(t2) - slice.pairStart(t2))
              .isEqualTo(whole.pairEnd(t) - whole.pairStart(t));
          for (int p = whole.pairStart(t), p2 = slice.pairStart(t2);
              p < whole.pairEnd(t);
              p++, p2++) {
            assertThat(slice.pairWorkload(p2)).isEqualTo(whole.pairWorkload(p));
            int count = whole.rowEnd(p) - whole.rowStart(p);
            assertThat(slice.rowEnd(p2) - slice.rowStart(p2)).isEqualTo(count);
            for (int k = 0; k < count; k++) {
              int r = whole.rowStart(p) + k;
              int r2 = slice.rowStart(p2) + k;
              assertThat(slice.rowMonth(r2)).isEqualTo(whole.rowMonth(r));
              for (eligo.data.Measure m : eligo.data.Measure.values()) {
                assertThat(slice.rowValue(r2, m)).isEqualTo(whole.rowValue(r, m));
              }
            }
            rows += count;
            int assocs = whole.assocEnd(p) - whole.assocStart(p);
            assertThat(slice.assocEnd(p2) - slice.assocStart(p2)).isEqualTo(assocs);
            for (int k = 0; k < assocs; k++) {
              int a = whole.assocStart(p) + k;
              int a2 = slice.assocStart(p2) + k;
              assertThat(slice.assocType(a2)).isEqualTo(whole.assocType(a));
              assertThat(slice.assocStartMonth(a2)).isEqualTo(whole.assocStartMonth(a));
              assertThat(slice.assocEndMonth(a2)).isEqualTo(whole.assocEndMonth(a));
            }
          }
        }
      }
      assertThat(slice.rowCount()).isEqualTo(rows).isPositive();
    }
  }

  private static List<String> lines(Started s, Dataset data, int asOf) throws Exception {
    Outcome outcome =
        Eligo.evaluate(
            s.criteria().program(), s.evaluators(), data, asOf, 1, Evaluation.Progress.NONE);
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    ResultsFile.write(outcome, out);
    List<String> lines =
        new ArrayList<>(Arrays.asList(out.toString(StandardCharsets.UTF_8).split("\n")));
    lines.remove(0);
    return lines;
  }

  private static String csvField(String s) {
    return s.matches("[^,\"\r\n]*") ? s : '"' + s.replace("\"", "\"\"") + '"';
  }

  /** The shipped criteria started on the bundled sample data, evaluated by the generated engine. */
  private static Started sample() throws Exception {
    return Eligo.start(
        Path.of("criteria"),
        Path.of("examples/sample-data"),
        Mode.STRICT,
        Engine.generated,
        Stages.NONE);
  }
}
