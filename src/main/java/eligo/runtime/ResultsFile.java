package eligo.runtime;

import eligo.data.Dataset;
import eligo.data.NodeResults;
import eligo.ir.Ir;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.Arrays;
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
      try (OutputStream os = Files.newOutputStream(tmp)) {
        write(outcome, os);
      }
      Files.move(tmp, target, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
    } finally {
      Files.deleteIfExists(tmp);
    }
  }

  /**
   * Streams the rows to {@code os} as UTF-8 (buffered here; {@code os} is not closed). Every
   * fixed part of a row (area and node ids, statuses, each partner's and customer's field) is
   * encoded once; values are written as ASCII digits.
   */
  public static void write(Outcome outcome, OutputStream os) throws IOException {
    Dataset data = outcome.data;
    List<Outcome.AreaOutcome> areas = new ArrayList<>(outcome.areas);
    areas.sort(Comparator.comparing(a -> a.area.id(), Texts.CODE_POINT_ORDER));
    List<AreaRows> customerRows = new ArrayList<>();
    List<AreaRows> partnerRows = new ArrayList<>();
    for (Outcome.AreaOutcome a : areas) {
      customerRows.add(areaRows(a, a.nodes, false));
      partnerRows.add(areaRows(a, a.partnerNodes, true));
    }
    int[] customers = sortedCustomers(outcome);
    Rows out = new Rows(os);
    out.bytes(utf8(HEADER + "\n"));
    int k = 0;
    for (int p = 0; p < outcome.partners.size(); p++) {
      byte[] partner = utf8(Texts.csv(outcome.partners.get(p)));
      for (AreaRows a : partnerRows) {
        for (int j : a.order) {
          out.bytes(partner);
          out.bytes(a.nodeFields[j]);
          out.bytes(a.outcome.partnerMet(p, j) ? STATUS[NodeResults.MET] : STATUS[NodeResults.NOT_MET]);
          out.value(a.outcome.partnerTotal(p, j), a.scales[j]);
          out.newline();
        }
      }
      for (; k < customers.length && outcome.partnerOf(customers[k]) == p; k++) {
        int c = customers[k];
        byte[] customer = utf8(Texts.csv(data.customerId(c)));
        for (AreaRows a : customerRows) {
          for (int i : a.order) {
            byte status = a.outcome.status(c, i);
            out.bytes(partner);
            out.bytes(COMMA);
            out.bytes(customer);
            out.bytes(a.nodeFields[i]);
            out.bytes(STATUS[status]);
            if (status != NodeResults.NOT_EVALUATED) {
              out.value(a.outcome.value(c, i), a.scales[i]);
            }
            out.newline();
          }
        }
      }
    }
    out.flush();
  }

  private static final byte[] COMMA = {','};
  /** By status byte: the status field and its comma. */
  private static final byte[][] STATUS = new byte[3][];

  static {
    STATUS[NodeResults.NOT_EVALUATED] = utf8(NodeResults.statusName(NodeResults.NOT_EVALUATED) + ",");
    STATUS[NodeResults.MET] = utf8(NodeResults.statusName(NodeResults.MET) + ",");
    STATUS[NodeResults.NOT_MET] = utf8(NodeResults.statusName(NodeResults.NOT_MET) + ",");
  }

  /**
   * One area's customer rows (or partner rows): nodes in id order, each node's {@code
   * ,area,node,} bytes ({@code ,,area,node,} for partner rows) and value scale.
   */
  private record AreaRows(Outcome.AreaOutcome outcome, int[] order, byte[][] nodeFields, int[] scales) {}

  private static AreaRows areaRows(Outcome.AreaOutcome a, List<Ir.Node> nodes, boolean partner) {
    byte[][] fields = new byte[nodes.size()][];
    int[] scales = new int[nodes.size()];
    for (int i = 0; i < nodes.size(); i++) {
      Ir.Node n = nodes.get(i);
      fields[i] = utf8((partner ? ",," : ",") + Texts.csv(a.area.id()) + "," + Texts.csv(n.id()) + ",");
      scales[i] = partner ? n.partner().scale() : n.scale();
    }
    return new AreaRows(a, order(nodes), fields, scales);
  }

  /** Customer indexes by partner (the outcome's partner order), then customer id in code point order. */
  private static int[] sortedCustomers(Outcome outcome) {
    Dataset data = outcome.data;
    Integer[] idx = new Integer[data.customerCount()];
    for (int c = 0; c < idx.length; c++) {
      idx[c] = c;
    }
    Arrays.sort(idx, (a, b) -> {
      int byPartner = Integer.compare(outcome.partnerOf(a), outcome.partnerOf(b));
      return byPartner != 0 ? byPartner : Texts.CODE_POINT_ORDER.compare(data.customerId(a), data.customerId(b));
    });
    int[] out = new int[idx.length];
    for (int c = 0; c < idx.length; c++) {
      out[c] = idx[c];
    }
    return out;
  }

  private static byte[] utf8(String s) {
    return s.getBytes(StandardCharsets.UTF_8);
  }

  /** A buffered byte sink for rows. */
  private static final class Rows {
    private final OutputStream os;
    private final byte[] buf = new byte[1 << 16];
    private int pos;

    Rows(OutputStream os) {
      this.os = os;
    }

    void bytes(byte[] b) throws IOException {
      if (pos + b.length > buf.length) {
        flush();
        if (b.length > buf.length) {
          os.write(b);
          return;
        }
      }
      System.arraycopy(b, 0, buf, pos, b.length);
      pos += b.length;
    }

    void value(long unscaled, int scale) throws IOException {
      if (pos + Texts.plainLength(scale) > buf.length) {
        flush();
      }
      pos = Texts.plain(unscaled, scale, buf, pos);
    }

    void newline() throws IOException {
      if (pos == buf.length) {
        flush();
      }
      buf[pos++] = '\n';
    }

    void flush() throws IOException {
      os.write(buf, 0, pos);
      pos = 0;
    }
  }

  private static int[] order(List<Ir.Node> nodes) {
    Integer[] idx = new Integer[nodes.size()];
    for (int i = 0; i < idx.length; i++) {
      idx[i] = i;
    }
    Arrays.sort(idx, Comparator.comparing(i -> nodes.get(i).id(), Texts.CODE_POINT_ORDER));
    int[] out = new int[idx.length];
    for (int i = 0; i < idx.length; i++) {
      out[i] = idx[i];
    }
    return out;
  }
}
