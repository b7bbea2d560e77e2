package eligo.io;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/** A small valid dataset to start tests from, and helpers to corrupt it. */
final class TestData {
  /** The association types of DATA.md (tests may name them; main code does not). */
  static final List<String> TYPES =
      List.of(
          "PAL",
          "DPOR",
          "CSP T1",
          "CSP T2",
          "CPOR",
          "CPOR RevRec",
          "CPOR OSA",
          "CPOR OSU",
          "CPOR RevRec Performance");

  static final String CUSTOMERS =
      """
      partner_id,customer_id,customer_name
      P1,C1,One
      P1,C2,Two
      P2,C3,Three
      """;
  static final String TENANTS =
      """
      customer_id,tenant_id,tenant_name
      C2,T2,t2
      C1,T1,t1
      C2,T3,t3
      """;
  static final String WORKLOADS =
      """
      workload,family
      Azure SQL Database,Azure
      Teams,Microsoft 365
      Power BI,Power Platform
      """;
  static final String ASSOCIATIONS =
      """
      tenant_id,workload,association_type,start_month,end_month
      T1,Teams,CPOR,2025-01,
      T1,Azure SQL Database,PAL,2025-01,2025-12
      T1,Azure SQL Database,DPOR,2024-06,
      """;
  static final String USAGE =
      """
      tenant_id,workload,month,acr_usd,revenue_usd,paid_units,active_users,protected_users
      T1,Azure SQL Database,2026-09,1000.00,,,,
      T1,Azure SQL Database,2026-08,999.99,,,,
      T2,Power BI,2026-07,,500.01,,5,
      T1,Teams,2026-09,,,100,40,
      """;

  private TestData() {}

  /** Writes the valid dataset into {@code dir}. */
  static Path write(Path dir) {
    put(dir, "customers.csv", CUSTOMERS);
    put(dir, "tenants.csv", TENANTS);
    put(dir, "workloads.csv", WORKLOADS);
    put(dir, "associations.csv", ASSOCIATIONS);
    put(dir, "usage.csv", USAGE);
    return dir;
  }

  static void put(Path dir, String file, String text) {
    try {
      Files.writeString(dir.resolve(file), text, StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** Adds lines at the end of a file. */
  static void append(Path dir, String file, String... lines) {
    try {
      Files.writeString(
          dir.resolve(file),
          Files.readString(dir.resolve(file)) + String.join("\n", lines) + "\n",
          StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** Loads strictly, expecting failure; returns the formatted errors. */
  static List<String> errors(Path dir) {
    DataException e =
        catchThrowableOfType(
            DataException.class, () -> DatasetLoader.load(dir, TYPES, Mode.STRICT));
    assertThat(e).as("the load must fail").isNotNull();
    return e.errors().stream().map(DataError::format).toList();
  }
}
