package eligo.spark;

import eligo.data.AreaEvaluator;
import eligo.data.Dataset;
import eligo.data.Measure;
import eligo.data.NodeResults;
import eligo.engine.Evaluation;
import eligo.io.CellChecks;
import java.nio.ByteBuffer;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Deque;
import java.util.Iterator;
import java.util.List;
import java.util.NoSuchElementException;
import org.apache.spark.api.java.function.MapPartitionsFunction;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;

/**
 * The second step: a partition of {@link Schemas#BY_CUSTOMER} rows sorted by customer id, kind and
 * tenant id is cut into batches of whole customers; each batch becomes an {@link Dataset} of its
 * own (every workload, the customers, their tenants, pairs, usage rows and associations) and the
 * generated evaluators run on it unchanged, customer by customer, as {@code eligo run} runs them.
 * Out comes one {@link Schemas#evaluated} row per customer. A tenant of a customer that
 * customers.csv does not have, and a customer id used twice, are refused here (every one the task
 * meets, {@link BadRows}).
 */
final class CustomerBatch implements MapPartitionsFunction<Row, Row> {
  private static final long serialVersionUID = 1L;

  /** Customers per batch, and usage rows after which a batch ends early. */
  static final int CUSTOMERS = 512;

  static final int ROWS = 1 << 17;

  private final Shipped shipped;
  private final String customersFile;
  private final String tenantsFile;

  CustomerBatch(Shipped shipped, String customersFile, String tenantsFile) {
    this.shipped = shipped;
    this.customersFile = customersFile;
    this.tenantsFile = tenantsFile;
  }

  @Override
  public Iterator<Row> call(Iterator<Row> input) {
    Shipped.Runtime runtime = shipped.runtime();
    TenantRows.Grouped groups = new TenantRows.Grouped(input);
    Deque<Row> out = new ArrayDeque<>();
    BadRows bad = new BadRows();
    return new Iterator<>() {
      @Override
      public boolean hasNext() {
        while (out.isEmpty() && groups.hasNext()) {
          List<List<Row>> batch = new ArrayList<>();
          long rows = 0;
          while (groups.hasNext() && batch.size() < CUSTOMERS && rows < ROWS) {
            List<Row> customer = groups.next();
            try {
              check(customer);
            } catch (DataProblem p) {
              bad.add(p);
              continue;
            }
            for (int i = 1; i < customer.size(); i++) {
              rows += ByteBuffer.wrap((byte[]) customer.get(i).get(5)).getInt(0);
            }
            batch.add(customer);
          }
          if (!bad.any()) {
            evaluate(runtime, batch, out);
          }
        }
        if (out.isEmpty()) {
          bad.check();
        }
        return !out.isEmpty();
      }

      @Override
      public Row next() {
        if (!hasNext()) {
          throw new NoSuchElementException();
        }
        return out.poll();
      }
    };
  }

  private void check(List<Row> customer) {
    Row first = customer.get(0);
    if (first.getInt(1) != Schemas.CUSTOMER) {
      throw new DataProblem(
          tenantsFile,
          "customer " + CellChecks.quote(first.getString(0)) + " is not in " + customersFile,
          CellChecks.csvRow(
              Arrays.asList(first.getString(0), first.getString(4), first.getString(3))));
    }
    if (customer.size() > 1 && customer.get(1).getInt(1) == Schemas.CUSTOMER) {
      Row second = customer.get(1);
      throw new DataProblem(
          customersFile,
          "customer_id " + CellChecks.quote(first.getString(0)) + " is used by two rows",
          CellChecks.csvRow(
              Arrays.asList(second.getString(2), second.getString(0), second.getString(3))));
    }
  }

  /** Evaluates a batch of customers (each: its customer row, then its tenants) into {@code out}. */
  private void evaluate(Shipped.Runtime runtime, List<List<Row>> batch, Deque<Row> out) {
    Dataset data = dataset(shipped, batch);
    int areas = runtime.areas.size();
    AreaEvaluator[] evaluators = new AreaEvaluator[areas];
    NodeResults[] results = new NodeResults[areas];
    for (int a = 0; a < areas; a++) {
      evaluators[a] = runtime.factories.get(a).apply(data);
      results[a] = new NodeResults(runtime.nodes[a], runtime.rules[a]);
    }
    for (int c = 0; c < data.customerCount(); c++) {
      Object[] row = new Object[3 + runtime.totalRules];
      for (int a = 0; a < areas; a++) {
        NodeResults r = results[a];
        r.clear();
        try {
          evaluators[a].evaluate(c, shipped.asOf, r);
        } catch (ArithmeticException e) {
          String area = runtime.areas.get(a).id();
          throw new Evaluation.EvaluationException(
              "customer '"
                  + data.customerId(c)
                  + "', area '"
                  + area
                  + "': an amount is too large to compute exactly ("
                  + e.getMessage()
                  + ")",
              data.customerId(c),
              area,
              e);
        }
        for (int j = 0; j < runtime.rules[a]; j++) {
          row[3 + runtime.ruleOffset[a] + j] =
              r.partnerEvaluated[j] ? r.partnerContribution[j] : 0L;
        }
      }
      row[0] = data.partnerId(c);
      row[1] = data.customerId(c);
      row[2] = Outcomes.pack(results);
      out.add(RowFactory.create(row));
    }
  }

  /**
   * The dataset of a batch of customers: every workload (in workloads.csv order) and association
   * type, the customers in the batch's order, their tenants in tenant id order, and each tenant's
   * pairs (by workload), usage rows (by month) and associations.
   */
  static Dataset dataset(Shipped shipped, List<List<Row>> batch) {
    int customers = batch.size();
    int tenants = 0;
    int usage = 0;
    int associations = 0;
    for (List<Row> c : batch) {
      for (int i = 1; i < c.size(); i++) {
        ByteBuffer b = ByteBuffer.wrap((byte[]) c.get(i).get(5));
        tenants++;
        usage += b.getInt(0);
        associations += b.getInt(4);
      }
    }
    String[] partnerIds = new String[customers];
    String[] customerIds = new String[customers];
    String[] customerNames = new String[customers];
    int[] tenantStart = new int[customers + 1];
    String[] tenantIds = new String[tenants];
    String[] tenantNames = new String[tenants];
    int[] pairStart = new int[tenants + 1];
    int[] pairWorkload = new int[usage + associations];
    int[] pairRowStart = new int[usage + associations];
    int[] pairRowEnd = new int[usage + associations];
    int[] pairAssocStart = new int[usage + associations + 1];
    int[] month = new int[usage];
    long[][] measures = new long[Measure.values().length][usage];
    int[] assocType = new int[associations];
    int[] assocStart = new int[associations];
    int[] assocEnd = new int[associations];
    int t = 0;
    int p = 0;
    int row = 0;
    int assoc = 0;
    for (int c = 0; c < customers; c++) {
      List<Row> rows = batch.get(c);
      Row customer = rows.get(0);
      customerIds[c] = customer.getString(0);
      partnerIds[c] = customer.getString(2);
      customerNames[c] = customer.getString(3);
      tenantStart[c] = t;
      for (int i = 1; i < rows.size(); i++, t++) {
        Row tenant = rows.get(i);
        tenantIds[t] = tenant.getString(4);
        tenantNames[t] = tenant.getString(3);
        pairStart[t] = p;
        ByteBuffer b = ByteBuffer.wrap((byte[]) tenant.get(5));
        int u = b.getInt();
        int n = b.getInt();
        int usageAt = b.position();
        int assocAt = usageAt + u * 48;
        // usage rows come by workload then month, associations by workload: merge the two
        int ui = 0;
        int ai = 0;
        while (ui < u || ai < n) {
          int wu = ui < u ? b.getInt(usageAt + ui * 48) : Integer.MAX_VALUE;
          int wa = ai < n ? b.getInt(assocAt + ai * 16) : Integer.MAX_VALUE;
          int w = Math.min(wu, wa);
          pairWorkload[p] = w;
          pairRowStart[p] = row;
          for (; ui < u && b.getInt(usageAt + ui * 48) == w; ui++, row++) {
            int at = usageAt + ui * 48;
            month[row] = b.getInt(at + 4);
            for (int k = 0; k < 5; k++) {
              measures[k][row] = b.getLong(at + 8 + 8 * k);
            }
          }
          pairRowEnd[p] = row;
          pairAssocStart[p] = assoc;
          for (; ai < n && b.getInt(assocAt + ai * 16) == w; ai++, assoc++) {
            int at = assocAt + ai * 16;
            assocType[assoc] = b.getInt(at + 4);
            assocStart[assoc] = b.getInt(at + 8);
            assocEnd[assoc] = b.getInt(at + 12);
          }
          p++;
        }
      }
    }
    tenantStart[customers] = t;
    pairStart[tenants] = p;
    pairAssocStart[p] = assoc;
    return Dataset.builder()
        .customers(partnerIds, customerIds, customerNames, tenantStart)
        .tenants(tenantIds, tenantNames, pairStart)
        .workloads(shipped.workloadNames, shipped.workloadFamilies)
        .types(shipped.typeNames)
        .pairs(
            Arrays.copyOf(pairWorkload, p),
            Arrays.copyOf(pairRowStart, p),
            Arrays.copyOf(pairRowEnd, p),
            Arrays.copyOf(pairAssocStart, p + 1))
        .rows(month, measures, null)
        .associations(assocType, assocStart, assocEnd)
        .build();
  }
}
