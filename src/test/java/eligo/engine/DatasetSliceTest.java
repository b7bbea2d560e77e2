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
    Started s =
        Eligo.start(
            Path.of("criteria"),
            Path.of("examples/sample-data"),
            Mode.STRICT,
            Engine.generated,
            Stages.NONE);
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
    Started s =
        Eligo.start(
            Path.of("criteria"),
            Path.of("examples/sample-data"),
            Mode.STRICT,
            Engine.generated,
            Stages.NONE);
    Dataset whole = s.loaded().dataset();
    Dataset none = DatasetSlice.ofPartner(whole, "no such partner");
    assertThat(none.customerCount()).isZero();
    assertThat(none.rowCount()).isZero();
    assertThat(none.workloadCount()).isEqualTo(whole.workloadCount());
    assertThat(none.typeNames()).isEqualTo(whole.typeNames());
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
}
