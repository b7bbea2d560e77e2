package eligo.io;

import de.siegmar.fastcsv.reader.CsvReader;
import de.siegmar.fastcsv.reader.NamedCsvRecord;
import eligo.data.Measure;
import eligo.data.Month;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Writes a deterministic, realistic dataset in the DATA.md format: same arguments, same bytes, on
 * every machine. Rows are streamed to disk, so memory does not grow with the number of customers.
 *
 * <p>The workload catalogue (workload, family, and which usage measures a workload reports) is the
 * resource {@code eligo/generate/workloads.csv}; the association types are given by the caller.
 * Usage covers {@link #MONTHS} months ending at {@link #LAST_MONTH}, with boundary-ish values (ACR
 * near 1000.00, revenue near 500.00, seats 10/11/300/301, active users at 40% of seats), months
 * without a row, negative ACR credits, and customer names with commas, quotes, formulas, line
 * breaks and non-ASCII text.
 */
public final class DataGenerator {
  /** The last month of generated usage: 2026-09. */
  public static final int LAST_MONTH = Month.of(2026, 9);

  /** How many months of usage are generated (2024-06 .. 2026-09). */
  public static final int MONTHS = 28;

  /** The first month of generated usage. */
  public static final int FIRST_MONTH = LAST_MONTH - MONTHS + 1;

  private static final String CATALOGUE = "/eligo/generate/workloads.csv";
  private static final Measure[] MEASURES = Measure.values();

  private static final String[] NAMES = {
    "Contoso Ltd",
    "Fabrikam, Inc.",
    "Northwind \"Traders\"",
    "Tailspin Toys",
    "Alpine Ski House",
    "Müller & Söhne GmbH",
    "Société Générale des Études",
    "株式会社サンプル",
    "Ωmega Λtd",
    "=HYPERLINK(\"http://example.com\")",
    "<b>Bold</b> & Co",
    "Café ☕, \"Ltd\"",
    "  Spaced  Out  ",
    "+cmd|' /C calc'!A0",
    "Woodgrove Bank",
    "Wide World Importers",
  };
  private static final String MULTI_LINE_NAME = "Two\nLines Corp";

  private static final long[] MONEY_BOUNDARIES = {
    99_999, 100_000, 100_001, 49_999, 50_000, 50_001, 0, 1, 99_900, 1_000_000
  };
  private static final int[] SEATS = {1, 5, 9, 10, 11, 20, 25, 50, 100, 299, 300, 301, 500, 1000};

  /** How many rows of each file were written. */
  public record Summary(
      int partners,
      int customers,
      long tenants,
      int workloads,
      long associations,
      long usageRows) {}

  private record Workload(String name, String family, Set<Measure> measures) {}

  private final List<Workload> catalogue;
  private final List<String> families;
  private final int[][] workloadsOfFamily;
  private final String[] types;
  private final SplitMix64 rng;

  private DataGenerator(long seed, List<String> types) {
    this.catalogue = loadCatalogue();
    this.types = types.toArray(new String[0]);
    this.rng = new SplitMix64(seed);
    Map<String, List<Integer>> byFamily = new LinkedHashMap<>();
    for (int w = 0; w < catalogue.size(); w++) {
      byFamily.computeIfAbsent(catalogue.get(w).family(), f -> new ArrayList<>()).add(w);
    }
    this.families = List.copyOf(byFamily.keySet());
    this.workloadsOfFamily = new int[families.size()][];
    for (int f = 0; f < families.size(); f++) {
      workloadsOfFamily[f] = byFamily.get(families.get(f)).stream().mapToInt(i -> i).toArray();
    }
  }

  /**
   * Writes customers.csv, tenants.csv, workloads.csv, associations.csv and usage.csv into {@code
   * outDir} (created if needed; files replaced).
   *
   * @param customers how many customers (about 3 partners per 100 customers, at least 1)
   * @param seed the same seed gives the same bytes
   * @param types the association type vocabulary to draw from (an empty list gives no associations)
   */
  public static Summary generate(Path outDir, int customers, long seed, List<String> types)
      throws IOException {
    if (customers < 0) {
      throw new IllegalArgumentException("customers must not be negative: " + customers);
    }
    Files.createDirectories(outDir);
    return new DataGenerator(seed, types).write(outDir, customers);
  }

  /** The catalogue's workload names and families, as written to workloads.csv. */
  public static Map<String, String> catalogue() {
    Map<String, String> out = new LinkedHashMap<>();
    for (Workload w : loadCatalogue()) {
      out.put(w.name(), w.family());
    }
    return out;
  }

  private static List<Workload> loadCatalogue() {
    try (InputStream in = DataGenerator.class.getResourceAsStream(CATALOGUE)) {
      if (in == null) {
        throw new IllegalStateException("resource " + CATALOGUE + " is missing");
      }
      List<Workload> out = new ArrayList<>();
      try (CsvReader<NamedCsvRecord> csv =
          CsvReader.builder().ofNamedCsvRecord(in, StandardCharsets.UTF_8)) {
        for (NamedCsvRecord r : csv) {
          Set<Measure> measures = EnumSet.noneOf(Measure.class);
          for (String column : r.getField("measures").split(" ")) {
            Measure m = Measure.byColumn(column);
            if (m == null) {
              throw new IllegalStateException(CATALOGUE + ": unknown measure '" + column + "'");
            }
            measures.add(m);
          }
          out.add(new Workload(r.getField("workload"), r.getField("family"), measures));
        }
      }
      return List.copyOf(out);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  // =====================================================================================

  private Summary write(Path dir, int customers) throws IOException {
    int partners = Math.max(1, (int) Math.round(customers * 3 / 100.0));
    int partnerWidth = Math.max(3, Integer.toString(partners).length());
    byte[][] workloadField = new byte[catalogue.size()][];
    for (int w = 0; w < catalogue.size(); w++) {
      workloadField[w] = CsvOut.csvField(catalogue.get(w).name());
    }
    byte[][] monthText = new byte[MONTHS + 48][];
    for (int i = 0; i < monthText.length; i++) {
      monthText[i] = Month.format(FIRST_MONTH - 12 + i).getBytes(StandardCharsets.US_ASCII);
    }
    long tenants = 0;
    long associations = 0;
    long usageRows = 0;
    // The five files appear together when all are written, each replacing the file before it.
    try (OutputFile.Batch batch = new OutputFile.Batch()) {
      try (CsvOut cust = new CsvOut(batch.open(dir.resolve(DatasetLoader.CUSTOMERS)));
          CsvOut ten = new CsvOut(batch.open(dir.resolve(DatasetLoader.TENANTS)));
          CsvOut wl = new CsvOut(batch.open(dir.resolve(DatasetLoader.WORKLOADS)));
          CsvOut assoc = new CsvOut(batch.open(dir.resolve(DatasetLoader.ASSOCIATIONS)));
          CsvOut usage = new CsvOut(batch.open(dir.resolve(DatasetLoader.USAGE)))) {
        cust.text("partner_id,customer_id,customer_name\n");
        ten.text("customer_id,tenant_id,tenant_name\n");
        wl.text("workload,family\n");
        for (Workload w : catalogue) {
          wl.field(w.name()).comma().field(w.family()).nl();
        }
        assoc.text("tenant_id,workload,association_type,start_month,end_month\n");
        usage.text("tenant_id,workload,month");
        for (Measure m : MEASURES) {
          usage.comma().text(m.column());
        }
        usage.nl();

        boolean[] chosen = new boolean[catalogue.size()];
        int[] picks = new int[catalogue.size()];
        long[] values = new long[MEASURES.length];
        for (int c = 0; c < customers; c++) {
          byte[] customerId = ("C" + pad(c, 7)).getBytes(StandardCharsets.US_ASCII);
          String base = rng.chance(0.001) ? MULTI_LINE_NAME : NAMES[rng.nextInt(NAMES.length)];
          cust.text("P").text(pad(1 + rng.nextInt(partners), partnerWidth)).comma();
          cust.bytes(customerId).comma().field(base + " " + c).nl();

          int tenantCount = pickTenantCount();
          for (int k = 0; k < tenantCount; k++) {
            byte[] tenantId = ("T" + pad(tenants, 8)).getBytes(StandardCharsets.US_ASCII);
            tenants++;
            ten.bytes(customerId).comma().bytes(tenantId).comma();
            ten.field(k == 0 ? base : base + " (" + (k + 1) + ")").nl();

            int pairCount = pickWorkloads(chosen, picks);
            for (int i = 0; i < pairCount; i++) {
              int w = picks[i];
              chosen[w] = false;
              // associations
              int firstUsage = rng.chance(0.5) ? 0 : rng.nextInt(MONTHS);
              int assocCount = types.length == 0 ? 0 : pickAssociationCount();
              for (int a = 0; a < assocCount; a++) {
                int start = Math.max(-12, firstUsage + rng.nextInt(MONTHS + 6) - 12);
                start = Math.min(start, MONTHS - 1);
                assoc.bytes(tenantId).comma().bytes(workloadField[w]).comma();
                assoc.field(types[rng.nextInt(types.length)]).comma();
                assoc.bytes(monthText[start + 12]).comma();
                if (rng.chance(0.3)) {
                  int end = Math.min(start + rng.nextInt(24), MONTHS + 35);
                  assoc.bytes(monthText[end + 12]);
                }
                assoc.nl();
                associations++;
              }
              // usage
              if (assocCount > 0 && rng.chance(0.08)) {
                continue; // an association without usage
              }
              int lastUsage =
                  rng.chance(0.85) ? MONTHS - 1 : firstUsage + rng.nextInt(MONTHS - firstUsage);
              Workload wk = catalogue.get(w);
              PairProfile profile = new PairProfile(rng, wk.measures());
              boolean descending = rng.chance(0.1);
              int n = lastUsage - firstUsage + 1;
              for (int j = 0; j < n; j++) {
                int month = descending ? lastUsage - j : firstUsage + j;
                if (rng.chance(0.06)) {
                  continue; // a month without a row
                }
                profile.values(rng, month - firstUsage, values);
                usage.bytes(tenantId).comma().bytes(workloadField[w]).comma();
                usage.bytes(monthText[month + 12]);
                for (int k2 = 0; k2 < MEASURES.length; k2++) {
                  usage.comma();
                  writeMeasure(
                      usage, MEASURES[k2], wk.measures().contains(MEASURES[k2]), values[k2]);
                }
                usage.nl();
                usageRows++;
              }
            }
          }
        }
      }
      batch.commit();
    }
    return new Summary(partners, customers, tenants, catalogue.size(), associations, usageRows);
  }

  private int pickTenantCount() {
    int r = rng.nextInt(100);
    return r < 10 ? 0 : r < 55 ? 1 : r < 80 ? 2 : r < 92 ? 3 : 4;
  }

  private int pickAssociationCount() {
    int r = rng.nextInt(100);
    return r < 25 ? 0 : r < 75 ? 1 : r < 92 ? 2 : 3;
  }

  /** Picks distinct workloads, most from one family; returns how many (in {@code picks}). */
  private int pickWorkloads(boolean[] chosen, int[] picks) {
    int[] sizes = {1, 1, 1, 2, 2, 3, 3, 4, 5, 6, 8};
    int want = sizes[rng.nextInt(sizes.length)];
    int[] family = workloadsOfFamily[rng.nextInt(families.size())];
    int count = 0;
    for (int attempt = 0; attempt < want * 4 && count < want; attempt++) {
      int w = rng.chance(0.7) ? family[rng.nextInt(family.length)] : rng.nextInt(catalogue.size());
      if (!chosen[w]) {
        chosen[w] = true;
        picks[count++] = w;
      }
    }
    return count;
  }

  /** Per (tenant, workload): a level and a trend for each measure the workload reports. */
  private static final class PairProfile {
    final boolean[] reports = new boolean[MEASURES.length];
    final long moneyBase;
    final double moneyGrowth;
    final int seats;
    final double activeShare;
    final double activeDrift;
    final int plainUsers;
    final double protectedShare;

    PairProfile(SplitMix64 rng, Set<Measure> measures) {
      for (Measure m : measures) {
        reports[m.ordinal()] = true;
      }
      int tier = rng.nextInt(5);
      moneyBase =
          switch (tier) {
            case 0 -> rng.nextInt(50_000); // up to 500.00
            case 1 -> 80_000 + rng.nextInt(40_000); // around 1000.00
            case 2 -> 100_000 + rng.nextInt(1_000_000);
            case 3 -> 1_000_000 + rng.nextInt(10_000_000);
            default -> 40_000 + rng.nextInt(20_000); // around 500.00
          };
      moneyGrowth = (rng.nextInt(41) - 10) / 400.0; // -2.5% .. +7.5% a month
      seats = rng.chance(0.7) ? SEATS[rng.nextInt(SEATS.length)] : 1 + rng.nextInt(2000);
      double[] shares = {0.4, 0.4, 0.39, 0.41, 0.1, 0.75, 1.0};
      activeShare = rng.chance(0.7) ? shares[rng.nextInt(shares.length)] : rng.nextDouble();
      // half the pairs keep their share (exact boundaries), the others drift -1% .. +2% a month
      activeDrift = rng.chance(0.5) ? 0 : (rng.nextInt(31) - 10) / 1000.0;
      int[] users = {1, 4, 5, 6, 10, 20, 50, 120};
      plainUsers = rng.chance(0.6) ? users[rng.nextInt(users.length)] : rng.nextInt(500);
      protectedShare = 0.5 + rng.nextDouble() / 2;
    }

    /** The measures of the {@code age}-th month of usage. */
    void values(SplitMix64 rng, int age, long[] out) {
      for (int k = 0; k < MEASURES.length; k++) {
        out[k] = 0;
      }
      int seatsNow = seats;
      if (rng.chance(0.1)) {
        seatsNow = Math.max(0, seats + rng.nextInt(7) - 3);
      }
      long active =
          reports[Measure.PAID_UNITS.ordinal()]
              ? Math.round(seatsNow * Math.min(1, Math.max(0, activeShare + activeDrift * age)))
              : Math.max(0, plainUsers + (rng.chance(0.2) ? rng.nextInt(5) - 2 : 0) + age / 6);
      for (Measure m : MEASURES) {
        if (!reports[m.ordinal()]) {
          continue;
        }
        long v =
            switch (m) {
              case ACR_USD, REVENUE_USD -> money(rng, age, m == Measure.ACR_USD);
              case PAID_UNITS -> seatsNow;
              case ACTIVE_USERS -> active;
              case PROTECTED_USERS -> Math.round(seatsNow * protectedShare);
            };
        out[m.ordinal()] = v;
      }
    }

    private long money(SplitMix64 rng, int age, boolean credits) {
      if (rng.chance(0.12)) {
        return MONEY_BOUNDARIES[rng.nextInt(MONEY_BOUNDARIES.length)];
      }
      if (credits && rng.chance(0.02)) {
        return -(1 + rng.nextInt(50_000)); // a credit
      }
      double trend = Math.max(0.05, 1 + moneyGrowth * age);
      double noise = 0.85 + rng.nextDouble() * 0.3;
      return Math.round(moneyBase * trend * noise);
    }
  }

  private void writeMeasure(CsvOut out, Measure m, boolean reported, long v) throws IOException {
    if (!reported) {
      if (rng.chance(0.1)) {
        out.put((byte) '0');
      }
      return;
    }
    if (v == 0 && rng.chance(0.2)) {
      return; // an empty cell means 0
    }
    if (!m.isMoney()) {
      out.number(v);
      return;
    }
    // money: usually two decimals; sometimes one or none when the value allows
    long abs = Math.abs(v);
    if (v < 0) {
      out.put((byte) '-');
    }
    out.number(abs / 100);
    long cents = abs % 100;
    if (cents == 0 && rng.chance(0.5)) {
      return;
    }
    if (cents % 10 == 0 && rng.chance(0.3)) {
      out.put((byte) '.').number(cents / 10);
      return;
    }
    out.put((byte) '.').number(cents / 10).number(cents % 10);
  }

  private static String pad(long v, int width) {
    String s = Long.toString(v);
    return s.length() >= width ? s : "0".repeat(width - s.length()) + s;
  }
}
