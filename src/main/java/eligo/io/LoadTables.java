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

  // ---- customers (file order is final order)
  final Map<String, Integer> customerIndex = new HashMap<>();
  final Map<String, Long> customerRejected = new HashMap<>();
  final List<String> partnerIds = new ArrayList<>();
  final List<String> customerIds = new ArrayList<>();
  final List<String> customerNames = new ArrayList<>();
  final IntColumn customerLine = new IntColumn();

  // ---- tenants (index: file order until reordered, then final order)
  final Map<String, Integer> tenantIndex = new HashMap<>();
  final Map<String, Long> tenantRejected = new HashMap<>();
  final List<String> tenantIdList = new ArrayList<>();
  final List<String> tenantNameList = new ArrayList<>();
  final IntColumn tenantCustomer = new IntColumn();
  final IntColumn tenantLine = new IntColumn();
  int[] customerTenantStart;
  String[] tenantIds;
  String[] tenantNames;

  // ---- workloads (file order is final order)
  final Map<String, Integer> workloadIndex = new HashMap<>();
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
    for (int i = 0; i < n; i++) {
      int f = start[tenantCustomer.get(i)]++;
      finalIndex[i] = f;
      tenantIds[f] = tenantIdList.get(i);
      tenantNames[f] = tenantNameList.get(i);
    }
    for (Map.Entry<String, Integer> e : tenantIndex.entrySet()) {
      e.setValue(finalIndex[e.getValue()]);
    }
    tenantIdList.clear();
    tenantNameList.clear();
    tenantCustomer.clear();
    tenantLine.clear();
  }
}
