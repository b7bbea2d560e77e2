package eligo.io;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The customers, tenants, workloads, association types and associations of one load as they are
 * read: their ids and indexes (with the first line of each rejected id, for messages), and the
 * grouping of tenants per customer. Package-private: a loading aid.
 */
final class LoadTables {
  // ---- association types: given when the loader comes to associations.csv
  String[] typeNames;
  final Map<String, Integer> typeIndex = new HashMap<>();

  // ---- customers (file order until reordered: the order of the results, orderCustomers)
  final IdMap customerIndex = new IdMap();
  final Map<String, Long> customerRejected = new HashMap<>();
  final List<String> partnerIds = new ArrayList<>();

  /** Each partner id once: its customers share it rather than each holding a copy. */
  private final Map<String, String> partners = new HashMap<>();

  final List<String> customerIds = new ArrayList<>();
  final List<String> customerNames = new ArrayList<>();
  final IntColumn customerLine = new IntColumn();
  // the extra columns of customers.csv's header, those read (declared), and their values
  String[] customerColumns = new String[0];
  String[] customerAttrNames = new String[0];
  List<List<String>> customerAttrValues = List.of();

  // ---- tenants (index: file order until reordered, then final order)
  final IdMap tenantIndex = new IdMap();
  final Map<String, Long> tenantRejected = new HashMap<>();
  final List<String> tenantIdList = new ArrayList<>();
  final List<String> tenantNameList = new ArrayList<>();
  final IntColumn tenantCustomer = new IntColumn();
  final IntColumn tenantLine = new IntColumn();
  String[] tenantColumns = new String[0];
  String[] tenantAttrNames = new String[0];
  List<List<String>> tenantAttrValues = List.of(); // file order until reordered
  String[][] tenantAttrs = new String[0][]; // [attribute][tenant], final order
  int[] customerTenantStart;
  String[] tenantIds;
  String[] tenantNames;

  // ---- workloads (file order is final order)
  final IdMap workloadIndex = new IdMap();
  final Map<String, Long> workloadRejected = new HashMap<>();
  final List<String> workloadNames = new ArrayList<>();
  final List<String> workloadFamilies = new ArrayList<>();
  final IntColumn workloadLine = new IntColumn();

  // ---- associations (good rows)
  final IntColumn assocTenant = new IntColumn();
  final IntColumn assocWorkload = new IntColumn();
  final IntColumn assocType = new IntColumn();
  final IntColumn assocStart = new IntColumn();
  final IntColumn assocEnd = new IntColumn();

  // ---- lookups without a String per row, made once tenants and workloads are read
  IdIndex tenantLookup;
  IdIndex workloadLookup;

  /** Takes the association types (the valid {@code association_type} values, in order). */
  void takeAssociationTypes(List<String> types) {
    typeNames = types.toArray(new String[0]);
    for (int k = 0; k < typeNames.length; k++) {
      if (typeNames[k] == null || typeNames[k].isEmpty()) {
        throw new IllegalArgumentException("association type " + k + " is empty");
      }
      if (typeIndex.putIfAbsent(typeNames[k], k) != null) {
        throw new IllegalArgumentException(
            "association type '" + typeNames[k] + "' is given twice");
      }
    }
  }

  /**
   * The extra columns of a header to read: of {@code names} (every extra column, at {@code
   * fields}), those in {@code declared}; records the names and makes a list of values per column
   * read.
   */
  int[] extraColumns(boolean tenants, List<String> names, int[] fields, List<String> declared) {
    List<String> kept = new ArrayList<>();
    List<Integer> keptFields = new ArrayList<>();
    for (int i = 0; i < names.size(); i++) {
      if (declared.contains(names.get(i)) && !kept.contains(names.get(i))) {
        kept.add(names.get(i));
        keptFields.add(fields[i]);
      }
    }
    List<List<String>> values = new ArrayList<>();
    for (int i = 0; i < kept.size(); i++) {
      values.add(new ArrayList<>());
    }
    if (tenants) {
      tenantColumns = names.toArray(new String[0]);
      tenantAttrNames = kept.toArray(new String[0]);
      tenantAttrValues = values;
    } else {
      customerColumns = names.toArray(new String[0]);
      customerAttrNames = kept.toArray(new String[0]);
      customerAttrValues = values;
    }
    return keptFields.stream().mapToInt(Integer::intValue).toArray();
  }

  /** The one copy of partner id {@code id}. */
  String partner(String id) {
    String first = partners.putIfAbsent(id, id);
    return first == null ? id : first;
  }

  /** Makes the lookups of tenant and workload ids, once both files are read. */
  void makeLookups() {
    tenantLookup = new IdIndex(tenantIndex);
    workloadLookup = new IdIndex(workloadIndex);
  }

  int tenantCount() {
    return tenantIds.length;
  }

  int workloadCount() {
    return workloadNames.size();
  }

  /**
   * Puts the customers in the order of the results file ({@link ResultsOrder}: partner, then
   * customer id), once customers.csv is read and before any tenant refers to a customer: a run goes
   * through the customers in this order, and so reads their tenants and pairs front to back rather
   * than all over the memory (a million customers from a snapshot, three alternating pairs:
   * evaluated and written in 7.7 to 9.7 s against 9.7 to 11.1 s). The line of each customer goes
   * with it.
   */
  void orderCustomers() {
    int n = customerIds.size();
    Map<String, Integer> rankOf = new HashMap<>();
    for (String p : partnerIds) {
      rankOf.putIfAbsent(p, 0);
    }
    String[] partners = rankOf.keySet().toArray(new String[0]);
    java.util.Arrays.sort(partners, Texts.CODE_POINT_ORDER);
    for (int r = 0; r < partners.length; r++) {
      rankOf.put(partners[r], r);
    }
    int[] rank = new int[n];
    for (int c = 0; c < n; c++) {
      rank[c] = rankOf.get(partnerIds.get(c));
    }
    int[] order =
        ResultsOrder.sorted(rank, partners.length, customerIds::get, new int[partners.length + 1]);
    boolean same = true;
    for (int k = 0; k < n && same; k++) {
      same = order[k] == k;
    }
    if (same) {
      return;
    }
    permute(partnerIds, order);
    permute(customerIds, order);
    permute(customerNames, order);
    for (List<String> values : customerAttrValues) {
      permute(values, order);
    }
    int[] lines = customerLine.gather(order, n);
    int[] renumbered = new int[n];
    for (int k = 0; k < n; k++) {
      customerLine.set(k, lines[k]);
      renumbered[order[k]] = k;
    }
    // the map holds the customers kept, each at its index: renumbered in place, not put again
    customerIndex.renumber(renumbered);
  }

  private static void permute(List<String> list, int[] order) {
    String[] was = list.toArray(new String[0]);
    for (int k = 0; k < order.length; k++) {
      list.set(k, was[order[k]]);
    }
  }

  /** Groups tenants per customer (customer order, then file order) and renumbers them. */
  void orderTenants() {
    int customers = customerIds.size();
    int n = tenantIdList.size();
    int[] start = new int[customers + 1];
    for (int i = 0; i < n; i++) {
      start[tenantCustomer.get(i) + 1]++;
    }
    for (int c = 0; c < customers; c++) {
      start[c + 1] += start[c];
    }
    customerTenantStart = start.clone();
    int[] finalIndex = new int[n];
    tenantIds = new String[n];
    tenantNames = new String[n];
    tenantAttrs = new String[tenantAttrValues.size()][n];
    for (int i = 0; i < n; i++) {
      int f = start[tenantCustomer.get(i)]++;
      finalIndex[i] = f;
      tenantIds[f] = tenantIdList.get(i);
      tenantNames[f] = tenantNameList.get(i);
      for (int k = 0; k < tenantAttrs.length; k++) {
        tenantAttrs[k][f] = tenantAttrValues.get(k).get(i);
      }
    }
    tenantAttrValues = List.of();
    tenantIndex.renumber(finalIndex);
    tenantIdList.clear();
    tenantNameList.clear();
    tenantCustomer.clear();
    tenantLine.clear();
  }
}
