package eligo.codegen;

import eligo.data.Dataset;
import eligo.data.Measure;
import eligo.data.Month;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/** Builds a small {@link Dataset} through its public array constructor. */
final class DataBuilder {
  private final List<String> workloadNames = new ArrayList<>();
  private final List<String> workloadFamilies = new ArrayList<>();
  private final List<String> typeNames = new ArrayList<>();
  private final List<String[]> customers = new ArrayList<>(); // partner, id
  private final List<List<String>> tenantsByCustomer = new ArrayList<>();
  /** tenant id → workload index → month → measures. */
  private final Map<String, TreeMap<Integer, TreeMap<Integer, long[]>>> usage = new TreeMap<>();
  /** tenant id → workload index → associations (type, start, end). */
  private final Map<String, TreeMap<Integer, List<int[]>>> assocs = new TreeMap<>();

  DataBuilder workload(String name, String family) {
    workloadNames.add(name);
    workloadFamilies.add(family);
    return this;
  }

  DataBuilder types(String... names) {
    typeNames.addAll(List.of(names));
    return this;
  }

  /** Adds a customer with these tenant ids; returns the customer index. */
  int customer(String partner, String id, String... tenants) {
    customers.add(new String[] {partner, id});
    tenantsByCustomer.add(List.of(tenants));
    return customers.size() - 1;
  }

  DataBuilder usage(String tenant, String workload, int month, Measure m, long value) {
    long[] row = usage.computeIfAbsent(tenant, x -> new TreeMap<>())
        .computeIfAbsent(workloadIndex(workload), x -> new TreeMap<>())
        .computeIfAbsent(month, x -> new long[Measure.values().length]);
    row[m.ordinal()] = value;
    return this;
  }

  DataBuilder acr(String tenant, String workload, int month, long cents) {
    return usage(tenant, workload, month, Measure.ACR_USD, cents);
  }

  /** An association; {@code end} {@link Month#OPEN} when open. */
  DataBuilder assoc(String tenant, String workload, String type, int start, int end) {
    int k = typeNames.indexOf(type);
    if (k < 0) {
      throw new IllegalArgumentException("unknown type " + type);
    }
    assocs.computeIfAbsent(tenant, x -> new TreeMap<>())
        .computeIfAbsent(workloadIndex(workload), x -> new ArrayList<>())
        .add(new int[] {k, start, end});
    return this;
  }

  private int workloadIndex(String name) {
    int w = workloadNames.indexOf(name);
    if (w < 0) {
      throw new IllegalArgumentException("unknown workload " + name);
    }
    return w;
  }

  Dataset build() {
    int customerCount = customers.size();
    String[] partnerIds = new String[customerCount];
    String[] customerIds = new String[customerCount];
    int[] customerTenantStart = new int[customerCount + 1];
    List<String> tenants = new ArrayList<>();
    for (int c = 0; c < customerCount; c++) {
      partnerIds[c] = customers.get(c)[0];
      customerIds[c] = customers.get(c)[1];
      customerTenantStart[c] = tenants.size();
      tenants.addAll(tenantsByCustomer.get(c));
    }
    customerTenantStart[customerCount] = tenants.size();
    int[] tenantPairStart = new int[tenants.size() + 1];
    List<Integer> pairWorkload = new ArrayList<>();
    List<Integer> pairRowStart = new ArrayList<>();
    List<Integer> pairAssocStart = new ArrayList<>();
    List<Integer> rowMonth = new ArrayList<>();
    List<long[]> rows = new ArrayList<>();
    List<int[]> assocRows = new ArrayList<>();
    int latest = Month.NONE;
    for (int t = 0; t < tenants.size(); t++) {
      tenantPairStart[t] = pairWorkload.size();
      String id = tenants.get(t);
      TreeMap<Integer, TreeMap<Integer, long[]>> u = usage.getOrDefault(id, new TreeMap<>());
      TreeMap<Integer, List<int[]>> a = assocs.getOrDefault(id, new TreeMap<>());
      java.util.TreeSet<Integer> workloads = new java.util.TreeSet<>(u.keySet());
      workloads.addAll(a.keySet());
      for (int w : workloads) {
        pairWorkload.add(w);
        pairRowStart.add(rowMonth.size());
        pairAssocStart.add(assocRows.size());
        for (Map.Entry<Integer, long[]> r : u.getOrDefault(w, new TreeMap<>()).entrySet()) {
          rowMonth.add(r.getKey());
          rows.add(r.getValue());
          latest = Math.max(latest, r.getKey());
        }
        assocRows.addAll(a.getOrDefault(w, List.of()));
      }
    }
    tenantPairStart[tenants.size()] = pairWorkload.size();
    pairRowStart.add(rowMonth.size());
    pairAssocStart.add(assocRows.size());
    long[][] measures = new long[Measure.values().length][rows.size()];
    for (int r = 0; r < rows.size(); r++) {
      for (int m = 0; m < measures.length; m++) {
        measures[m][r] = rows.get(r)[m];
      }
    }
    int[] assocType = new int[assocRows.size()];
    int[] assocStart = new int[assocRows.size()];
    int[] assocEnd = new int[assocRows.size()];
    for (int i = 0; i < assocRows.size(); i++) {
      assocType[i] = assocRows.get(i)[0];
      assocStart[i] = assocRows.get(i)[1];
      assocEnd[i] = assocRows.get(i)[2];
    }
    return new Dataset(
        partnerIds,
        customerIds,
        customerIds.clone(),
        customerTenantStart,
        tenants.toArray(String[]::new),
        tenants.toArray(String[]::new),
        tenantPairStart,
        workloadNames.toArray(String[]::new),
        workloadFamilies.toArray(String[]::new),
        typeNames.toArray(String[]::new),
        ints(pairWorkload),
        java.util.Arrays.copyOf(ints(pairRowStart), pairWorkload.size()), // a pair's rows follow the one before's
        java.util.Arrays.copyOfRange(ints(pairRowStart), 1, pairWorkload.size() + 1),
        ints(pairAssocStart),
        ints(rowMonth),
        measures,
        new int[measures.length][], // no measure held as ints
        assocType,
        assocStart,
        assocEnd,
        latest);
  }

  private static int[] ints(List<Integer> list) {
    return list.stream().mapToInt(Integer::intValue).toArray();
  }
}
