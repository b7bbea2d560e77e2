package eligo.runtime;

import eligo.data.Dataset;
import eligo.data.NodeResults;
import eligo.ir.Ir;
import java.io.BufferedWriter;
import java.io.IOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/**
 * The canonical results file of CRITERIA.md: one row per customer, area and node, and one per
 * partner and partner-level node; sorted by partner_id, customer_id, area, node in code point
 * order (the partner rows, with an empty customer_id, first); UTF-8, LF, minimal quoting.
 */
public final class ResultsFile {
  private ResultsFile() {}

  public static final String HEADER = "partner_id,customer_id,area,node,status,value";

  /** Writes to a temporary file beside {@code target}, then moves it into place: never a partial file. */
  public static void write(Outcome outcome, Path target) throws IOException {
    Path dir = target.toAbsolutePath().getParent();
    if (dir != null) {
      Files.createDirectories(dir);
    }
    Path tmp = Files.createTempFile(dir, ".eligo-results", ".tmp");
    try {
      try (Writer w = new BufferedWriter(Files.newBufferedWriter(tmp, StandardCharsets.UTF_8), 1 << 16)) {
        write(outcome, w);
      }
      Files.move(tmp, target, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
    } finally {
      Files.deleteIfExists(tmp);
    }
  }

  public static void write(Outcome outcome, Writer w) throws IOException {
    Dataset data = outcome.data;
    List<Outcome.AreaOutcome> areas = new ArrayList<>(outcome.areas);
    areas.sort(Comparator.comparing(a -> a.area.id(), Texts.CODE_POINT_ORDER));
    List<int[]> nodeOrder = new ArrayList<>();
    List<int[]> ruleOrder = new ArrayList<>();
    for (Outcome.AreaOutcome a : areas) {
      nodeOrder.add(order(a.nodes));
      ruleOrder.add(order(a.partnerNodes));
    }
    Integer[] customers = new Integer[data.customerCount()];
    for (int c = 0; c < customers.length; c++) {
      customers[c] = c;
    }
    java.util.Arrays.sort(customers, Comparator.<Integer, String>comparing(data::partnerId, Texts.CODE_POINT_ORDER).thenComparing(data::customerId, Texts.CODE_POINT_ORDER));
    w.write(HEADER);
    w.write('\n');
    StringBuilder row = new StringBuilder(128);
    int k = 0;
    for (int p = 0; p < outcome.partners.size(); p++) {
      String partner = outcome.partners.get(p);
      String partnerField = Texts.csv(partner);
      for (int ai = 0; ai < areas.size(); ai++) {
        Outcome.AreaOutcome a = areas.get(ai);
        String areaField = Texts.csv(a.area.id());
        for (int j : ruleOrder.get(ai)) {
          Ir.Node n = a.partnerNodes.get(j);
          row.setLength(0);
          row.append(partnerField).append(",,").append(areaField).append(',').append(Texts.csv(n.id())).append(',');
          row.append(a.partnerMet(p, j) ? "met" : "not_met").append(',');
          row.append(Texts.plain(a.partnerTotal(p, j), n.partner().scale())).append('\n');
          w.append(row);
        }
      }
      for (; k < customers.length && data.partnerId(customers[k]).equals(partner); k++) {
        int c = customers[k];
        String customerField = Texts.csv(data.customerId(c));
        for (int ai = 0; ai < areas.size(); ai++) {
          Outcome.AreaOutcome a = areas.get(ai);
          String areaField = Texts.csv(a.area.id());
          for (int i : nodeOrder.get(ai)) {
            Ir.Node n = a.nodes.get(i);
            byte status = a.status(c, i);
            row.setLength(0);
            row.append(partnerField).append(',').append(customerField).append(',').append(areaField).append(',').append(Texts.csv(n.id())).append(',');
            row.append(NodeResults.statusName(status)).append(',');
            if (status != NodeResults.NOT_EVALUATED) {
              row.append(Texts.plain(a.value(c, i), n.scale()));
            }
            row.append('\n');
            w.append(row);
          }
        }
      }
    }
  }

  private static int[] order(List<Ir.Node> nodes) {
    Integer[] idx = new Integer[nodes.size()];
    for (int i = 0; i < idx.length; i++) {
      idx[i] = i;
    }
    java.util.Arrays.sort(idx, Comparator.comparing(i -> nodes.get(i).id(), Texts.CODE_POINT_ORDER));
    int[] out = new int[idx.length];
    for (int i = 0; i < idx.length; i++) {
      out[i] = idx[i];
    }
    return out;
  }
}
