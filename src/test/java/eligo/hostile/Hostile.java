package eligo.hostile;

import eligo.cli.Main;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;

/** What the hostile-input tests share: running the command line, writing criteria. */
final class Hostile {
  private Hostile() {}

  /** What a command gave: its exit status, standard output and standard error. */
  record Ran(int code, String out, String err) {}

  static Ran run(String... args) {
    StringWriter out = new StringWriter();
    StringWriter err = new StringWriter();
    int code = Main.execute(args, new PrintWriter(out), new PrintWriter(err));
    return new Ran(code, out.toString(), err.toString());
  }

  /** One area with one metric whose value is {@code value}, after {@code decls}. */
  static String metric(String decls, String value) {
    return decls
        + "area x \"X\" {\n"
        + "  metric m \"M\" {\n"
        + "    criteria \"c\"\n"
        + "    value "
        + value
        + "\n"
        + "    met when value >= 1\n"
        + "  }\n"
        + "}\n";
  }

  /**
   * A small dataset (two customers, three tenants, a few months of usage) in a new folder under
   * {@code dir}: enough for criteria to compile, run and differ between customers.
   */
  static Path smallData(Path dir) {
    try {
      Path data = Files.createDirectories(dir.resolve("data"));
      Files.writeString(
          data.resolve("customers.csv"),
          "partner_id,customer_id,customer_name\nP1,C1,One\nP1,C2,Two\n");
      Files.writeString(
          data.resolve("tenants.csv"),
          "customer_id,tenant_id,tenant_name\nC1,T1,One\nC1,T2,One (2)\nC2,T3,Two\n");
      Files.writeString(
          data.resolve("workloads.csv"),
          "workload,family\nVirtual Machines,Azure\nApp Service,Azure\n");
      Files.writeString(
          data.resolve("associations.csv"),
          "tenant_id,workload,association_type,start_month,end_month\n"
              + "T1,App Service,PAL,2024-01,\n");
      StringBuilder usage =
          new StringBuilder(
              "tenant_id,workload,month,acr_usd,revenue_usd,paid_units,active_users,protected_users\n");
      String[] months = {"2025-01", "2025-02", "2025-03", "2025-04", "2025-05", "2025-06"};
      for (int m = 0; m < months.length; m++) {
        usage.append("T1,App Service,").append(months[m]).append(',').append(100 + m);
        usage.append(".25,,,,\n");
        usage.append("T3,Virtual Machines,").append(months[m]).append(',').append(7 * m);
        usage.append(",,,,\n");
      }
      Files.writeString(data.resolve("usage.csv"), usage.toString());
      return data;
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** The shipped vocabulary (association types), for criteria folders written by tests. */
  static String common() {
    try {
      return Files.readString(Path.of("criteria/common.criteria"));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** Writes {@code text} as {@code x.criteria} in a new folder under {@code dir}. */
  static Path criteria(Path dir, String name, String text) {
    try {
      Path folder = Files.createDirectories(dir.resolve(name));
      Files.writeString(folder.resolve("x.criteria"), text);
      Files.writeString(folder.resolve("common.criteria"), common());
      return folder;
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
