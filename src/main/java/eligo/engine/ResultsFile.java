package eligo.engine;

import eligo.data.NodeResults;
import eligo.io.DaemonThreads;
import eligo.io.OutputFile;
import eligo.io.Texts;
import eligo.ir.Ir;
import java.io.IOException;
import java.io.InterruptedIOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.Deque;
import java.util.List;
import java.util.Queue;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Future;

/**
 * The canonical results file of CRITERIA.md: one row per customer, area and node, and one per
 * partner and partner-level node; sorted by partner_id, customer_id, area, node in code point order
 * (the partner rows, with an empty customer_id, first); UTF-8, LF, minimal quoting.
 */
public final class ResultsFile {
  private ResultsFile() {}

  public static final String HEADER = "partner_id,customer_id,area,node,status,value";

  /**
   * Writes to a temporary file beside {@code target}, then moves it into place: never a partial
   * file ({@link OutputFile}).
   */
  public static void write(Outcome outcome, Path target) throws IOException {
    write(outcome, target, Gate.OPEN);
  }

  /**
   * Waits until the customers before a position of {@link Outcome#sorted} are evaluated and their
   * partners' totals added up: the file is written while the evaluation goes on ({@link
   * EvaluationRun#await}).
   */
  interface Gate {
    Gate OPEN = position -> {};

    void await(int position);

    /** The customers before {@code position} of the order are written: never read again. */
    default void written(int position) {}
  }

  /** {@link #write(Outcome, Path)} of an outcome still being evaluated, block by block. */
  static void write(Outcome outcome, Path target, Gate gate) throws IOException {
    Blocks blocks = new Blocks(outcome);
    OutputFile.write(
        target,
        blocks.expectedBytes(),
        os -> {
          write(blocks, blocks.blockCustomers(), os, gate);
          // rows read in place from a snapshot: kept only if it was not written over meanwhile
          outcome.data.checkBacking();
        });
  }

  /** Rows per block (some hundreds of kilobytes): a block has as many customers as fit. */
  private static final int BLOCK_ROWS = 8192;

  /**
   * Streams the rows to {@code os} as UTF-8 ({@code os} is not closed). Every fixed part of a row
   * (area and node ids, statuses, each partner's field) is encoded once; values are written as
   * ASCII digits. The sorted customers are cut into blocks that are formatted on a few threads and
   * written in order, a bounded number ahead: the bytes are those of one thread formatting all.
   */
  public static void write(Outcome outcome, OutputStream os) throws IOException {
    Blocks blocks = new Blocks(outcome);
    write(blocks, blocks.blockCustomers(), os, Gate.OPEN);
  }

  /**
   * {@link #write(Outcome, OutputStream)} with {@code blockCustomers} customers per block (for
   * tests).
   */
  static void write(Outcome outcome, int blockCustomers, OutputStream os) throws IOException {
    write(new Blocks(outcome), blockCustomers, os, Gate.OPEN);
  }

  private static void write(Blocks blocks, int blockCustomers, OutputStream os, Gate gate)
      throws IOException {
    os.write(utf8(HEADER + "\n"));
    int customers = blocks.customers.length;
    int count =
        customers == 0
            ? 1
            : (customers - 1) / blockCustomers + 1; // one block even with no customers
    if (count == 1) {
      gate.await(customers);
      blocks.format(0, customers).writeTo(os);
      return;
    }
    // a few threads format faster than a disk takes the bytes
    int threads = Math.min(count, Math.min(4, Runtime.getRuntime().availableProcessors()));
    ExecutorService pool = DaemonThreads.pool(threads, "eligo-results-writer");
    try {
      Deque<Future<Block>> ahead = new ArrayDeque<>(); // in file order, at most two a thread
      int submitted = 0;
      for (int b = 0; b < count; b++) {
        for (; submitted < count && ahead.size() < 2 * threads; submitted++) {
          int from = submitted * blockCustomers;
          int to = from + Math.min(blockCustomers, customers - from);
          ahead.add(
              pool.submit(
                  () -> {
                    gate.await(blocks.needed(to));
                    return blocks.format(from, to);
                  }));
        }
        Block block = await(ahead.remove());
        block.writeTo(os);
        blocks.free.add(block.buf);
        gate.written(Math.min(customers, (b + 1) * blockCustomers));
      }
    } finally {
      pool.shutdownNow();
    }
  }

  private static Block await(Future<Block> block) throws IOException {
    try {
      return DaemonThreads.result(block);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new InterruptedIOException("interrupted while writing the results");
    }
  }

  /**
   * What every block needs: the areas' encoded fields, the partners' fields and the customers in
   * file order.
   */
  private static final class Blocks {
    final Outcome outcome;
    final List<Outcome.AreaOutcome> areas;
    final List<AreaRows> customerRows = new ArrayList<>();
    final List<AreaRows> partnerRows = new ArrayList<>();
    final byte[][] partners;
    final int[] customers;
    final int rowsPerCustomer;

    /**
     * The buffers of blocks already written, for the next blocks: formatting makes little garbage.
     */
    final Queue<byte[]> free = new ConcurrentLinkedQueue<>();

    Blocks(Outcome outcome) {
      this.outcome = outcome;
      areas = new ArrayList<>(outcome.areas);
      areas.sort(Comparator.comparing(a -> a.area.id(), Texts.CODE_POINT_ORDER));
      int rows = 0;
      for (Outcome.AreaOutcome a : areas) {
        customerRows.add(areaRows(a.area, a.nodes, false));
        partnerRows.add(areaRows(a.area, a.partnerNodes, true));
        rows += a.nodes.size();
      }
      rowsPerCustomer = rows;
      partners = new byte[outcome.partners.size()][];
      for (int p = 0; p < partners.length; p++) {
        partners[p] = utf8(Texts.csv(outcome.partners.get(p)));
      }
      customers = outcome.order.sorted;
    }

    /**
     * About the bytes of the file, for choosing how to write it ({@link OutputFile#DIRECT_FROM}):
     * each customer's rows with values of three digits, and the partners' rows left out; only the
     * fields after the ids when they alone reach the size that decides (the ids of a million
     * customers took 50 ms to go through, before the evaluation could start).
     */
    long expectedBytes() {
      long fixed = 0; // per customer: the area, node and status fields, a value, the newline
      for (AreaRows a : customerRows) {
        for (int i : a.order) {
          fixed += a.fields[i][NodeResults.MET].length + 4;
        }
      }
      if (customers.length * fixed >= OutputFile.DIRECT_FROM) {
        return customers.length * fixed;
      }
      long ids = 0; // per customer: its partner and customer fields and the comma between them
      for (int c : customers) {
        ids += partners[outcome.partnerOf(c)].length + 1 + outcome.data.customerId(c).length();
      }
      return customers.length * fixed + ids * rowsPerCustomer;
    }

    /** Customers per block: some hundreds of kilobytes of rows. */
    int blockCustomers() {
      return Math.max(1, BLOCK_ROWS / Math.max(1, rowsPerCustomer));
    }

    /**
     * The position in the order up to which customers must be evaluated before the block ending at
     * {@code to} is formatted: the end of its last partner's customers, whose totals it writes.
     */
    int needed(int to) {
      return to == customers.length
          ? to
          : outcome.order.partnerStart[outcome.partnerOf(customers[to - 1]) + 1];
    }

    /**
     * The rows of the sorted customers {@code from} to {@code to} (exclusive), each partner's rows
     * before its first customer's; the last block ({@code to} at the end) also has the partners
     * after the last customer's partner.
     */
    Block format(int from, int to) {
      Block out = new Block(free.poll());
      int p =
          from == 0
              ? 0
              : outcome.partnerOf(customers[from - 1]) + 1; // the next partner whose rows are due
      for (int k = from; k < to; k++) {
        int c = customers[k];
        int partner = outcome.partnerOf(c);
        for (; p <= partner; p++) {
          partnerRows(p, out);
        }
        customerRows(k, c, partner, out);
      }
      if (to == customers.length) {
        for (; p < partners.length; p++) {
          partnerRows(p, out);
        }
      }
      return out;
    }

    private void partnerRows(int p, Block out) {
      byte[] partner = partners[p];
      for (int k = 0; k < partnerRows.size(); k++) {
        AreaRows a = partnerRows.get(k);
        Outcome.AreaOutcome o = areas.get(k);
        out.room(a.order.length * (partner.length + a.tailRoom));
        for (int j : a.order) {
          out.bytes(partner);
          out.bytes(a.fields[j][o.partnerMet(p, j) ? NodeResults.MET : NodeResults.NOT_MET]);
          out.value(o.partnerTotal(p, j), a.scales[j]);
          out.newline();
        }
      }
    }

    /** The rows of customer {@code c}, at position {@code at} of the order. */
    private void customerRows(int at, int c, int partner, Block out) {
      byte[] prefix =
          utf8(
              Texts.csv(outcome.partners.get(partner))
                  + ","
                  + Texts.csv(outcome.data.customerId(c)));
      for (int k = 0; k < customerRows.size(); k++) {
        AreaRows a = customerRows.get(k);
        Outcome.AreaOutcome o = areas.get(k);
        out.room(a.order.length * (prefix.length + a.tailRoom));
        for (int i : a.order) {
          byte status = o.statusAt(at, i);
          out.bytes(prefix);
          out.bytes(a.fields[i][status]);
          if (status != NodeResults.NOT_EVALUATED) {
            out.value(o.valueAt(at, i), a.scales[i]);
          }
          out.newline();
        }
      }
    }
  }

  /** The status bytes of {@link NodeResults}, which index {@link AreaRows#fields}. */
  private static final byte[] STATUSES = {
    NodeResults.NOT_EVALUATED, NodeResults.MET, NodeResults.NOT_MET
  };

  /**
   * One area's customer rows (or partner rows): nodes in id order, by node and status byte the
   * {@code ,area,node,status,} bytes ({@code ,,area,node,status,} for partner rows), each node's
   * value scale, and the room a row needs after its partner and customer fields.
   */
  record AreaRows(int[] order, byte[][][] fields, int[] scales, int tailRoom) {}

  static AreaRows areaRows(Ir.Area area, List<Ir.Node> nodes, boolean partner) {
    byte[][][] fields = new byte[nodes.size()][STATUSES.length][];
    int[] scales = new int[nodes.size()];
    int room = 0;
    for (int i = 0; i < nodes.size(); i++) {
      Ir.Node n = nodes.get(i);
      scales[i] = partner ? n.partner().scale() : n.scale();
      for (byte status : STATUSES) {
        fields[i][status] =
            utf8(
                (partner ? ",," : ",")
                    + Texts.csv(area.id())
                    + ","
                    + Texts.csv(n.id())
                    + ","
                    + NodeResults.statusName(status)
                    + ",");
        room = Math.max(room, fields[i][status].length + Texts.plainLength(scales[i]) + 1);
      }
    }
    return new AreaRows(order(nodes), fields, scales, room);
  }

  static byte[] utf8(String s) {
    return s.getBytes(StandardCharsets.UTF_8);
  }

  /** One block's rows in memory; a row's bytes are appended after {@link #room} for all of them. */
  static final class Block {
    private byte[] buf;
    private int pos;

    /** A block in {@code buf}, or in a new buffer when null. */
    Block(byte[] buf) {
      this.buf = buf != null ? buf : new byte[1 << 16];
    }

    void room(int bytes) {
      if (pos + bytes > buf.length) {
        buf = Arrays.copyOf(buf, Math.max(2 * buf.length, pos + bytes));
      }
    }

    void bytes(byte[] b) {
      System.arraycopy(b, 0, buf, pos, b.length);
      pos += b.length;
    }

    void value(long unscaled, int scale) {
      pos = Texts.plain(unscaled, scale, buf, pos);
    }

    void newline() {
      buf[pos++] = '\n';
    }

    void writeTo(OutputStream os) throws IOException {
      os.write(buf, 0, pos);
    }

    byte[] toBytes() {
      return Arrays.copyOf(buf, pos);
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
