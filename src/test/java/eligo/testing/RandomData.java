package eligo.testing;

import eligo.data.Dataset;
import eligo.data.DatasetColumns;
import eligo.data.DatasetKit;
import eligo.data.Measure;
import eligo.data.Month;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import java.util.function.Predicate;

/**
 * A small random dataset for the workloads and association types of {@link ProgramGenerator} (test
 * helper): a few partners, customers and tenants (some without tenants), usage rows around the
 * as-of month (negative amounts, zeros, rows after the as-of month, pairs without rows) and
 * associations (open and ended, several per pair). Rows are plain values, so that a dataset on
 * which two engines differ can be shrunk by leaving rows out.
 */
public record RandomData(
    List<Customer> customers, List<Tenant> tenants, List<Usage> usage, List<Assoc> assocs) {
  /** The as-of month the data are drawn around. */
  public static final String AS_OF = "2025-06";

  /** {@code seg}: the customer attribute of {@link ProgramGenerator}'s programs. */
  public record Customer(String partner, String id, String seg) {}

  /** {@code ctry}: the tenant attribute of {@link ProgramGenerator}'s programs. */
  public record Tenant(String customer, String id, String ctry) {}

  /** Measures in {@link Measure} order, unscaled (cents for money). */
  public record Usage(String tenant, String workload, String month, long[] measures) {}

  /** {@code end} null when still active. */
  public record Assoc(String tenant, String workload, String type, String start, String end) {}

  public static RandomData generate(long seed) {
    SplittableRandom r = new SplittableRandom(seed);
    // attribute values drawn apart, so the rest of a seed's data stays as before they existed
    SplittableRandom attributes = new SplittableRandom(~seed);
    int asOf = Month.parse(AS_OF);
    List<Customer> customers = new ArrayList<>();
    List<Tenant> tenants = new ArrayList<>();
    List<Usage> usage = new ArrayList<>();
    List<Assoc> assocs = new ArrayList<>();
    int partners = r.nextInt(1, 3);
    for (int c = r.nextInt(1, 6); c > 0; c--) {
      Customer customer =
          new Customer(
              "p" + r.nextInt(partners),
              "c" + customers.size(),
              List.of("A", "B", "").get(attributes.nextInt(3)));
      customers.add(customer);
      for (int t = r.nextInt(0, 4); t > 0; t--) {
        Tenant tenant =
            new Tenant(
                customer.id(),
                "t" + tenants.size(),
                List.of("X", "Y", "").get(attributes.nextInt(3)));
        tenants.add(tenant);
        for (String w : ProgramGenerator.WORKLOADS) {
          if (r.nextInt(3) > 0) {
            continue;
          }
          for (int m = asOf - 30; m <= asOf + 1; m++) {
            if (r.nextInt(3) == 0) {
              long[] v = new long[Measure.values().length];
              v[Measure.ACR_USD.ordinal()] =
                  r.nextInt(8) == 0 ? -r.nextLong(0, 50_000) : r.nextLong(0, 300_000);
              v[Measure.REVENUE_USD.ordinal()] = r.nextInt(3) == 0 ? 0 : r.nextLong(0, 200_000);
              v[Measure.PAID_UNITS.ordinal()] = r.nextLong(0, 400);
              v[Measure.ACTIVE_USERS.ordinal()] = r.nextLong(0, 400);
              v[Measure.PROTECTED_USERS.ordinal()] = r.nextInt(2) == 0 ? 0 : r.nextLong(0, 50);
              usage.add(new Usage(tenant.id(), w, Month.format(m), v));
            }
          }
          for (int a = r.nextInt(0, 4); a > 0; a--) {
            int start = asOf - r.nextInt(0, 40);
            String end = r.nextInt(3) == 0 ? Month.format(start + r.nextInt(0, 20)) : null;
            assocs.add(
                new Assoc(
                    tenant.id(),
                    w,
                    ProgramGenerator.TYPES.get(r.nextInt(ProgramGenerator.TYPES.size())),
                    Month.format(start),
                    end));
          }
        }
      }
    }
    return new RandomData(customers, tenants, usage, assocs);
  }

  public Dataset build() {
    DatasetKit b = new DatasetKit().types(ProgramGenerator.TYPES);
    for (int w = 0; w < ProgramGenerator.WORKLOADS.size(); w++) {
      b.workload(ProgramGenerator.WORKLOADS.get(w), ProgramGenerator.FAMILIES.get(w));
    }
    customers.forEach(c -> b.customer(c.partner(), c.id()));
    tenants.forEach(t -> b.tenant(t.customer(), t.id()));
    for (Usage u : usage) {
      for (Measure m : Measure.values()) {
        b.usage(u.tenant(), u.workload(), u.month(), m, u.measures()[m.ordinal()]);
      }
    }
    assocs.forEach(a -> b.assoc(a.tenant(), a.workload(), a.type(), a.start(), a.end()));
    Dataset d = b.build();
    DatasetColumns c = DatasetColumns.of(d);
    String[] seg = new String[d.customerCount()];
    for (int i = 0; i < seg.length; i++) {
      String id = d.customerId(i);
      seg[i] = customers.stream().filter(x -> x.id().equals(id)).findFirst().orElseThrow().seg();
    }
    String[] ctry = new String[d.tenantCount()];
    for (int i = 0; i < ctry.length; i++) {
      String id = d.tenantId(i);
      ctry[i] = tenants.stream().filter(x -> x.id().equals(id)).findFirst().orElseThrow().ctry();
    }
    return new DatasetColumns(
            c.partnerIds(),
            c.customerIds(),
            c.customerNames(),
            c.customerTenantStart(),
            c.tenantIds(),
            c.tenantNames(),
            c.tenantPairStart(),
            c.workloadNames(),
            c.workloadFamilies(),
            c.typeNames(),
            c.pairWorkload(),
            c.pairRowStart(),
            c.pairRowEnd(),
            c.pairAssocStart(),
            c.rowMonth(),
            c.rowMeasures(),
            c.rowNarrow(),
            c.assocType(),
            c.assocStartMonth(),
            c.assocEndMonth(),
            new String[] {"seg"},
            new String[] {"seg"},
            new String[][] {seg},
            new String[] {"ctry"},
            new String[] {"ctry"},
            new String[][] {ctry})
        .toDataset();
  }

  /**
   * Datasets with one customer, tenant, usage row or association left out (with what depends on
   * it).
   */
  public List<RandomData> smaller() {
    List<RandomData> out = new ArrayList<>();
    for (Customer c : customers) {
      List<String> gone =
          tenants.stream().filter(t -> t.customer().equals(c.id())).map(Tenant::id).toList();
      out.add(
          new RandomData(
              without(customers, c::equals),
              without(tenants, t -> gone.contains(t.id())),
              without(usage, u -> gone.contains(u.tenant())),
              without(assocs, a -> gone.contains(a.tenant()))));
    }
    for (Tenant t : tenants) {
      out.add(
          new RandomData(
              customers,
              without(tenants, t::equals),
              without(usage, u -> u.tenant().equals(t.id())),
              without(assocs, a -> a.tenant().equals(t.id()))));
    }
    for (Usage u : usage) {
      out.add(new RandomData(customers, tenants, without(usage, u::equals), assocs));
    }
    for (Assoc a : assocs) {
      out.add(new RandomData(customers, tenants, usage, without(assocs, a::equals)));
    }
    return out;
  }

  private static <T> List<T> without(List<T> list, Predicate<T> gone) {
    return list.stream().filter(gone.negate()).toList();
  }

  /** The rows, one a line, the way the CSV files would hold them. */
  @Override
  public String toString() {
    StringBuilder sb = new StringBuilder();
    customers.forEach(
        c ->
            sb.append("customer ")
                .append(c.partner())
                .append(',')
                .append(c.id())
                .append(",seg=")
                .append(c.seg())
                .append('\n'));
    tenants.forEach(
        t ->
            sb.append("tenant ")
                .append(t.customer())
                .append(',')
                .append(t.id())
                .append(",ctry=")
                .append(t.ctry())
                .append('\n'));
    for (Usage u : usage) {
      sb.append("usage ")
          .append(u.tenant())
          .append(',')
          .append(u.workload())
          .append(',')
          .append(u.month());
      for (long v : u.measures()) {
        sb.append(',').append(v);
      }
      sb.append('\n');
    }
    assocs.forEach(
        a ->
            sb.append("association ")
                .append(a.tenant())
                .append(',')
                .append(a.workload())
                .append(',')
                .append(a.type())
                .append(',')
                .append(a.start())
                .append(',')
                .append(a.end() == null ? "" : a.end())
                .append('\n'));
    return sb.toString();
  }
}
