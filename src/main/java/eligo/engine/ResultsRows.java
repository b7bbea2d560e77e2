package eligo.engine;

import eligo.data.NodeResults;
import eligo.io.Texts;
import eligo.ir.Ir;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/**
 * The rows of the canonical results file ({@link ResultsFile}) one customer or one partner at a
 * time, for a runner that holds no whole {@link Outcome} (the Spark runner formats each customer
 * where it was evaluated). The bytes are those {@link ResultsFile} writes for that customer or
 * partner: areas and nodes in code point order of their ids, values as plain decimals. Putting the
 * blocks in the file's order (partner id, then customer id in code point order, each partner's own
 * rows before its customers') is the caller's part.
 *
 * <p>Areas are indexed in program order ({@code program.areas()}), nodes in each area's {@link
 * Ir.Area#resultNodes()} order and partner rules in its {@link Ir.Area#partnerNodes()} order, as an
 * {@link eligo.data.AreaEvaluator} writes them into {@link NodeResults}.
 */
public final class ResultsRows {
  /** The header line of the file, with its line feed. */
  public static final byte[] HEADER = (ResultsFile.HEADER + "\n").getBytes(StandardCharsets.UTF_8);

  /** Program-order area indexes, sorted by area id. */
  private final int[] areaOrder;

  private final List<ResultsFile.AreaRows> customerRows = new ArrayList<>();
  private final List<ResultsFile.AreaRows> partnerRows = new ArrayList<>();

  public ResultsRows(Ir.Program program) {
    List<Ir.Area> areas = program.areas();
    areaOrder =
        java.util.stream.IntStream.range(0, areas.size())
            .boxed()
            .sorted(Comparator.comparing(i -> areas.get(i).id(), Texts.CODE_POINT_ORDER))
            .mapToInt(Integer::intValue)
            .toArray();
    for (Ir.Area a : areas) {
      customerRows.add(ResultsFile.areaRows(a, a.resultNodes(), false));
      partnerRows.add(ResultsFile.areaRows(a, a.partnerNodes(), true));
    }
  }

  /**
   * One customer's rows: {@code status[a][i]} and {@code value[a][i]} (unscaled) of area {@code a}
   * (program order) and result node {@code i}, as {@link NodeResults#status} and {@link
   * NodeResults#value} hold them.
   */
  public byte[] customer(String partnerId, String customerId, byte[][] status, long[][] value) {
    byte[] prefix = ResultsFile.utf8(Texts.csv(partnerId) + "," + Texts.csv(customerId));
    ResultsFile.Block out = new ResultsFile.Block(null);
    for (int k : areaOrder) {
      ResultsFile.AreaRows a = customerRows.get(k);
      out.room(a.order().length * (prefix.length + a.tailRoom()));
      for (int i : a.order()) {
        byte s = status[k][i];
        out.bytes(prefix);
        out.bytes(a.fields()[i][s]);
        if (s != NodeResults.NOT_EVALUATED) {
          out.value(value[k][i], a.scales()[i]);
        }
        out.newline();
      }
    }
    return out.toBytes();
  }

  /**
   * One partner's rows: {@code total[a][j]} (unscaled) and {@code met[a][j]} of area {@code a}
   * (program order) and partner rule {@code j}; empty when no area has partner rules.
   */
  public byte[] partner(String partnerId, long[][] total, boolean[][] met) {
    byte[] partner = ResultsFile.utf8(Texts.csv(partnerId));
    ResultsFile.Block out = new ResultsFile.Block(null);
    for (int k : areaOrder) {
      ResultsFile.AreaRows a = partnerRows.get(k);
      out.room(a.order().length * (partner.length + a.tailRoom()));
      for (int j : a.order()) {
        out.bytes(partner);
        out.bytes(a.fields()[j][met[k][j] ? NodeResults.MET : NodeResults.NOT_MET]);
        out.value(total[k][j], a.scales()[j]);
        out.newline();
      }
    }
    return out.toBytes();
  }
}
