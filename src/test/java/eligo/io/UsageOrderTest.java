package eligo.io;

import static org.assertj.core.api.Assertions.assertThat;

import eligo.data.Dataset;
import eligo.data.Measure;
import eligo.data.Month;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Usage rows come out in (tenant, workload, month) order whatever order the file holds them in:
 * grouped with months rising or falling (sorted by runs), groups split in two, or shuffled.
 */
class UsageOrderTest {
  private static final String[] TENANTS = {"T1", "T2", "T3"};
  private static final String[] WORKLOADS = {"Power BI", "Azure SQL Database", "Teams"};
  private static final int MONTHS = 12;

  @TempDir Path dir;

  /** The rows of one tenant and workload, months rising; acr_usd tells the rows apart. */
  private static List<String> group(int t, int w) {
    List<String> rows = new ArrayList<>();
    for (int m = 1; m <= MONTHS; m++) {
      rows.add(
          TENANTS[t]
              + ","
              + WORKLOADS[w]
              + ",2026-"
              + String.format("%02d", m)
              + ","
              + (t * 10000 + w * 100 + m)
              + ",,,,");
    }
    return rows;
  }

  private String load(List<String> rows) throws DataException {
    TestData.write(dir);
    TestData.put(
        dir,
        "usage.csv",
        TestData.USAGE.lines().findFirst().orElseThrow() + "\n" + String.join("\n", rows) + "\n");
    return dump(DatasetLoader.load(dir, TestData.TYPES).dataset());
  }

  private static String dump(Dataset d) {
    StringBuilder sb = new StringBuilder();
    for (int t = 0; t < d.tenantCount(); t++) {
      for (int p = d.pairStart(t); p < d.pairEnd(t); p++) {
        sb.append(d.tenantId(t)).append(' ').append(d.workloadName(d.pairWorkload(p))).append(':');
        for (int r = d.rowStart(p); r < d.rowEnd(p); r++) {
          sb.append(' ')
              .append(Month.format(d.rowMonth(r)))
              .append('=')
              .append(d.rowValue(r, Measure.ACR_USD));
        }
        sb.append('\n');
      }
    }
    return sb.toString();
  }

  @Test
  void anyOrderLoadsTheSame() throws Exception {
    List<String> grouped = new ArrayList<>();
    List<String> falling = new ArrayList<>();
    List<String> firstHalves = new ArrayList<>();
    List<String> secondHalves = new ArrayList<>();
    List<String> halvesSwapped = new ArrayList<>();
    for (int t = 0; t < TENANTS.length; t++) {
      for (int w = 0; w < WORKLOADS.length; w++) {
        List<String> g = group(t, w);
        grouped.addAll(g);
        List<String> reversed = new ArrayList<>(g);
        Collections.reverse(reversed);
        falling.addAll(w % 2 == 0 ? reversed : g);
        firstHalves.addAll(g.subList(0, MONTHS / 2));
        secondHalves.addAll(g.subList(MONTHS / 2, MONTHS));
        halvesSwapped.addAll(g.subList(MONTHS / 2, MONTHS));
        halvesSwapped.addAll(g.subList(0, MONTHS / 2));
      }
    }
    List<String> split = new ArrayList<>(firstHalves);
    split.addAll(secondHalves);
    List<String> shuffled = new ArrayList<>(grouped);
    Collections.shuffle(shuffled, new Random(8));

    String expected = load(grouped);
    assertThat(expected).contains("T1 Power BI: 2026-01=100 2026-02=200");
    assertThat(load(falling)).isEqualTo(expected);
    assertThat(load(split)).isEqualTo(expected);
    assertThat(load(halvesSwapped)).isEqualTo(expected);
    assertThat(load(shuffled)).isEqualTo(expected);
  }

  @Test
  void duplicateInsideFallingRowsNamesTheEarlierLine() {
    List<String> rows = new ArrayList<>();
    for (int t = 0; t < TENANTS.length; t++) {
      for (int w = 0; w < WORKLOADS.length; w++) {
        List<String> g = group(t, w);
        Collections.reverse(g);
        rows.addAll(g);
      }
    }
    // line 2 is T1 Power BI 2026-12; the copy ends the falling run and starts a rising one
    rows.add(MONTHS, "T1,Power BI,2026-12,5,,,,");
    TestData.write(dir);
    TestData.put(
        dir,
        "usage.csv",
        TestData.USAGE.lines().findFirst().orElseThrow() + "\n" + String.join("\n", rows) + "\n");
    assertThat(TestData.errors(dir))
        .containsExactly(
            "usage.csv:"
                + (MONTHS + 2)
                + ": tenant 'T1', workload 'Power BI', month 2026-12"
                + " already has a row at line 2");
  }
}
