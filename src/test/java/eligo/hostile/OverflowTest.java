package eligo.hostile;

import static org.assertj.core.api.Assertions.assertThat;

import eligo.hostile.Hostile.Ran;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * One customer whose 64-bit sum overflows: the failure names the customer, the area and the node
 * (with its place in the criteria), in both engines, and exits with the evaluation failure code; in
 * lenient mode that customer is rejected like a bad row and the others are evaluated.
 */
class OverflowTest {
  @TempDir Path dir;

  @Test
  void anOverflowNamesCustomerAreaAndNode() throws IOException {
    Path data = overflowingData();
    Path criteria = Hostile.criteria(dir, "c", AREA);
    for (String engine : new String[] {"interpret", "generated"}) {
      Ran r =
          Hostile.run(
              "run",
              "--engine",
              engine,
              "--criteria",
              criteria.toString(),
              "--data",
              data.toString(),
              "--results",
              dir.resolve(engine + ".csv").toString(),
              "-q");
      assertThat(r.code()).as(engine).isEqualTo(5);
      assertThat(r.err())
          .as(engine)
          .contains("customer 'C1', area 'x', node 'big' (x.criteria:7)")
          .contains("too large to compute exactly")
          .doesNotContain("\tat ");
      assertThat(dir.resolve(engine + ".csv")).doesNotExist();
    }
  }

  @Test
  void inLenientModeTheCustomerIsRejectedAndTheRunGoesOn() throws IOException {
    Path data = overflowingData();
    Path criteria = Hostile.criteria(dir, "c", AREA);
    String[] results = new String[2];
    String[] rejects = new String[2];
    String[] engines = {"interpret", "generated"};
    for (int k = 0; k < 2; k++) {
      String engine = engines[k];
      Ran r =
          Hostile.run(
              "run",
              "--engine",
              engine,
              "--criteria",
              criteria.toString(),
              "--data",
              data.toString(),
              "--on-bad-rows=skip",
              "--results",
              dir.resolve(engine + ".csv").toString(),
              "--rejects",
              dir.resolve(engine + "-rejects.csv").toString());
      assertThat(r.code()).as(engine + ": " + r.err()).isZero();
      assertThat(r.err()).as(engine).doesNotContain("\tat ");
      assertThat(r.out())
          .as(engine)
          .contains("customers.csv     read 2, used 1, rejected 1")
          .contains("Customers rejected because an amount is too large to compute exactly: 1")
          .contains("(1)")
          .contains("1 customers of 1 partners");
      results[k] = Files.readString(dir.resolve(engine + ".csv"));
      rejects[k] = Files.readString(dir.resolve(engine + "-rejects.csv"));
      // the other customer is evaluated; the one that overflowed is not in the results
      assertThat(results[k]).as(engine).contains("C2").doesNotContain("C1");
      assertThat(rejects[k])
          .as(engine)
          .startsWith("file,line,reason,row\n")
          .contains(
              "customers.csv,2,\"customer 'C1', area 'x', node 'big' (x.criteria:7): an amount is"
                  + " too large to compute exactly\",\"P1,C1,One\"");
    }
    assertThat(results[1]).isEqualTo(results[0]);
    assertThat(rejects[1]).isEqualTo(rejects[0]);
  }

  /** The small dataset, with customer C1's tenant T2 using amounts whose sum overflows. */
  private Path overflowingData() throws IOException {
    Path data = Hostile.smallData(dir);
    // ten of the largest amounts the loader takes: each fits in 64 bits of cents, their sum not
    StringBuilder rows = new StringBuilder();
    for (String month :
        new String[] {"2024-09", "2024-10", "2024-11", "2024-12", "2025-01", "2025-02"}) {
      rows.append("T2,App Service,").append(month).append(",9999999999999999,,,,\n");
      rows.append("T2,Virtual Machines,").append(month).append(",9999999999999999,,,,\n");
    }
    Files.writeString(data.resolve("usage.csv"), rows, StandardOpenOption.APPEND);
    return data;
  }

  private static final String AREA =
      "area x \"X\" {\n"
          + "  gate g \"G\" {\n    criteria \"c\"\n    value count tenant\n"
          + "    met when value >= 1\n  }\n"
          + "  metric big \"Big\" {\n    criteria \"c\"\n"
          + "    value sum acr for tenant, workload, month in window\n"
          + "    met when value >= 1\n  }\n}\n";
}
