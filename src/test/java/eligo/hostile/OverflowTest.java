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
 * (with its place in the criteria), in both engines, and exits with the evaluation failure code.
 */
class OverflowTest {
  @TempDir Path dir;

  @Test
  void anOverflowNamesCustomerAreaAndNode() throws IOException {
    Path data = Hostile.smallData(dir);
    // ten of the largest amounts the loader takes: each fits in 64 bits of cents, their sum not
    StringBuilder rows = new StringBuilder();
    for (String month :
        new String[] {"2024-09", "2024-10", "2024-11", "2024-12", "2025-01", "2025-02"}) {
      rows.append("T2,App Service,").append(month).append(",9999999999999999,,,,\n");
      rows.append("T2,Virtual Machines,").append(month).append(",9999999999999999,,,,\n");
    }
    Files.writeString(data.resolve("usage.csv"), rows, StandardOpenOption.APPEND);
    String area =
        "area x \"X\" {\n"
            + "  gate g \"G\" {\n    criteria \"c\"\n    value count tenant\n"
            + "    met when value >= 1\n  }\n"
            + "  metric big \"Big\" {\n    criteria \"c\"\n"
            + "    value sum acr for tenant, workload, month in window\n"
            + "    met when value >= 1\n  }\n}\n";
    Path criteria = Hostile.criteria(dir, "c", area);
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
    }
  }
}
