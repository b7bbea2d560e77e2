package eligo.data;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * Builds a small {@link Dataset} from rows written the way the CSV files read (the test kit, on top
 * of {@link Dataset#builder()}). Customers and workloads keep insertion order; tenants are grouped
 * by customer in insertion order; pairs are sorted by workload, usage rows by month, associations
 * keep insertion order. Months are {@code "YYYY-MM"} texts or {@link Month} ints.
 */
public final class DatasetKit {
  private record Customer(String partner, String id, String name) {}

  private record Tenant(String customer, String id, String name) {}

  private record Assoc(int type, int start, int end) {}

  /** One (tenant, workload) pair: usage by month, associations in insertion order. */
  private static final class Pair {
    final TreeMap<Integer, long[]> rows = new TreeMap<>();
    final List<Assoc> assocs = new ArrayList<>();
  }

  private final List<Customer> customers = new ArrayList<>();
  private final List<Tenant> tenants = new ArrayList<>();
  private final Map<String, String> workloads = new LinkedHashMap<>();
  private final List<String> types = new ArrayList<>();

  /** tenant id -> workload name -> pair. */
  private final Map<String, Map<String, Pair>> pairs = new LinkedHashMap<>();

  /** The association types of common.criteria. */
  public static final List<String> COMMON_TYPES =
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

  public DatasetKit types(List<String> names) {
    types.addAll(names);
    return this;
  }

  public DatasetKit types(String... names) {
    return types(List.of(names));
  }

  public DatasetKit workload(String name, String family) {
    workloads.put(name, family);
    return this;
  }

  /** A customer named as its id in lower case. */
  public DatasetKit customer(String partner, String id) {
    customers.add(new Customer(partner, id, id.toLowerCase()));
    return this;
  }

  /** A tenant of {@code customer} named as its id in lower case. */
  public DatasetKit tenant(String customer, String id) {
    tenants.add(new Tenant(customer, id, id.toLowerCase()));
    return this;
  }

  /**
   * A customer with these tenants, each named as its id; returns the customer's index in the
   * dataset.
   */
  public int customerWith(String partner, String id, String... tenantIds) {
    customers.add(new Customer(partner, id, id));
    for (String t : tenantIds) {
      tenants.add(new Tenant(id, t, t));
    }
    return customers.size() - 1;
  }

  /** A usage value, unscaled (cents for money). */
  public DatasetKit usage(String tenant, String workload, String month, Measure m, long unscaled) {
    return usage(tenant, workload, month(month), m, unscaled);
  }

  /** A usage value, unscaled (cents for money). */
  public DatasetKit usage(String tenant, String workload, int month, Measure m, long unscaled) {
    long[] row =
        pair(tenant, workload).rows.computeIfAbsent(month, k -> new long[Measure.values().length]);
    row[m.ordinal()] = unscaled;
    return this;
  }

  /** ACR in dollars as written in usage.csv ({@code "999.99"}, {@code "-500"}). */
  public DatasetKit acr(String tenant, String workload, String month, String dollars) {
    return usage(tenant, workload, month, Measure.ACR_USD, cents(dollars));
  }

  /** ACR in cents. */
  public DatasetKit acr(String tenant, String workload, int month, long cents) {
    return usage(tenant, workload, month, Measure.ACR_USD, cents);
  }

  /** An association; {@code end} null for an open end. */
  public DatasetKit assoc(String tenant, String workload, String type, String start, String end) {
    return assoc(tenant, workload, type, month(start), end == null ? Month.OPEN : month(end));
  }

  /** An association; {@code end} {@link Month#OPEN} for an open end. */
  public DatasetKit assoc(String tenant, String workload, String type, int start, int end) {
    int k = types.indexOf(type);
    if (k < 0) {
      throw new IllegalArgumentException("type not in vocabulary: " + type);
    }
    pair(tenant, workload).assocs.add(new Assoc(k, start, end));
    return this;
  }

  public static long cents(String dollars) {
    return new BigDecimal(dollars).movePointRight(2).longValueExact();
  }

  public static int month(String yyyyMm) {
    int m = Month.parse(yyyyMm);
    if (m == Month.NONE) {
      throw new IllegalArgumentException("not a month: " + yyyyMm);
    }
    return m;
  }

  private Pair pair(String tenant, String workload) {
    if (tenants.stream().noneMatch(t -> t.id().equals(tenant))) {
      throw new IllegalArgumentException("unknown tenant " + tenant);
    }
    if (!workloads.containsKey(workload)) {
      throw new IllegalArgumentException("unknown workload " + workload);
    }
    return pairs
        .computeIfAbsent(tenant, k -> new LinkedHashMap<>())
        .computeIfAbsent(workload, k -> new Pair());
  }

  public Dataset build() {
    int nc = customers.size();
    String[] partnerIds = new String[nc];
    String[] customerIds = new String[nc];
    String[] customerNames = new String[nc];
    int[] customerTenantStart = new int[nc + 1];
    List<Tenant> orderedTenants = new ArrayList<>();
    for (int c = 0; c < nc; c++) {
      Customer cu = customers.get(c);
      partnerIds[c] = cu.partner();
      customerIds[c] = cu.id();
      customerNames[c] = cu.name();
      customerTenantStart[c] = orderedTenants.size();
      for (Tenant t : tenants) {
        if (t.customer().equals(cu.id())) {
          orderedTenants.add(t);
        }
      }
    }
    customerTenantStart[nc] = orderedTenants.size();
    if (orderedTenants.size() != tenants.size()) {
      throw new IllegalArgumentException("a tenant names an unknown customer");
    }

    List<String> workloadNames = new ArrayList<>(workloads.keySet());
    String[] families = new String[workloadNames.size()];
    for (int w = 0; w < families.length; w++) {
      families[w] = workloads.get(workloadNames.get(w));
    }

    int nt = orderedTenants.size();
    String[] tenantIds = new String[nt];
    String[] tenantNames = new String[nt];
    int[] tenantPairStart = new int[nt + 1];
    List<Integer> pairWorkload = new ArrayList<>();
    List<Integer> pairRowStart = new ArrayList<>();
    List<Integer> pairAssocStart = new ArrayList<>();
    List<Integer> rowMonth = new ArrayList<>();
    List<long[]> rowValues = new ArrayList<>();
    List<Integer> assocType = new ArrayList<>();
    List<Integer> assocStart = new ArrayList<>();
    List<Integer> assocEnd = new ArrayList<>();
    for (int t = 0; t < nt; t++) {
      Tenant te = orderedTenants.get(t);
      tenantIds[t] = te.id();
      tenantNames[t] = te.name();
      tenantPairStart[t] = pairWorkload.size();
      Map<String, Pair> byWorkload = pairs.getOrDefault(te.id(), Map.of());
      for (int w = 0; w < workloadNames.size(); w++) {
        Pair p = byWorkload.get(workloadNames.get(w));
        if (p == null) {
          continue;
        }
        pairWorkload.add(w);
        pairRowStart.add(rowMonth.size());
        pairAssocStart.add(assocType.size());
        for (Map.Entry<Integer, long[]> row : p.rows.entrySet()) {
          rowMonth.add(row.getKey());
          rowValues.add(row.getValue());
        }
        for (Assoc a : p.assocs) {
          assocType.add(a.type());
          assocStart.add(a.start());
          assocEnd.add(a.end());
        }
      }
    }
    tenantPairStart[nt] = pairWorkload.size();
    pairRowStart.add(rowMonth.size());
    pairAssocStart.add(assocType.size());

    long[][] measures = new long[Measure.values().length][rowValues.size()];
    for (int r = 0; r < rowValues.size(); r++) {
      for (int m = 0; m < measures.length; m++) {
        measures[m][r] = rowValues.get(r)[m];
      }
    }
    int[] rowStarts = ints(pairRowStart); // a pair's rows follow the one before's
    return Dataset.builder()
        .customers(partnerIds, customerIds, customerNames, customerTenantStart)
        .tenants(tenantIds, tenantNames, tenantPairStart)
        .workloads(workloadNames.toArray(new String[0]), families)
        .types(types.toArray(new String[0]))
        .pairs(
            ints(pairWorkload),
            Arrays.copyOf(rowStarts, pairWorkload.size()),
            Arrays.copyOfRange(rowStarts, 1, pairWorkload.size() + 1),
            ints(pairAssocStart))
        .rows(ints(rowMonth), measures, null)
        .associations(ints(assocType), ints(assocStart), ints(assocEnd))
        .build();
  }

  private static int[] ints(List<Integer> list) {
    return list.stream().mapToInt(Integer::intValue).toArray();
  }
}
