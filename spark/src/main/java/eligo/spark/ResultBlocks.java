package eligo.spark;

import de.siegmar.fastcsv.reader.CsvReader;
import de.siegmar.fastcsv.reader.CsvRecord;
import eligo.data.AreaEvaluator;
import eligo.data.Dataset;
import eligo.engine.Evaluation;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import org.apache.spark.api.java.function.FlatMapFunction;
import org.apache.spark.api.java.function.MapPartitionsFunction;
import org.apache.spark.sql.Encoders;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.SaveMode;

/** The blocks of the results file: partners' rows, customers' rows formatted, and the writers. */
final class ResultBlocks {
  private ResultBlocks() {}

  private static final BigDecimal MIN = BigDecimal.valueOf(Long.MIN_VALUE);
  private static final BigDecimal MAX = BigDecimal.valueOf(Long.MAX_VALUE);

  /**
   * The partner-level phase: from each partner's sums of its customers' contributions (one column
   * per rule, all areas in program order), whether it meets each rule, as its rows.
   */
  static final class Partners implements MapPartitionsFunction<Row, Row> {
    private static final long serialVersionUID = 1L;
    private final Shipped shipped;

    Partners(Shipped shipped) {
      this.shipped = shipped;
    }

    @Override
    public Iterator<Row> call(Iterator<Row> input) {
      Shipped.Runtime rt = shipped.runtime();
      Dataset none = CustomerBatch.dataset(shipped, List.of());
      AreaEvaluator[] judges = new AreaEvaluator[rt.areas.size()];
      for (int a = 0; a < judges.length; a++) {
        judges[a] = rt.factories.get(a).apply(none);
      }
      return new Iterator<>() {
        @Override
        public boolean hasNext() {
          return input.hasNext();
        }

        @Override
        public Row next() {
          Row r = input.next();
          String partner = r.getString(0);
          long[][] total = new long[judges.length][];
          boolean[][] met = new boolean[judges.length][];
          for (int a = 0; a < judges.length; a++) {
            total[a] = new long[rt.rules[a]];
            met[a] = new boolean[rt.rules[a]];
            for (int j = 0; j < rt.rules[a]; j++) {
              BigDecimal sum = r.getDecimal(1 + rt.ruleOffset[a] + j);
              if (sum.compareTo(MIN) < 0 || sum.compareTo(MAX) > 0) {
                throw new Evaluation.EvaluationException(
                    "partner '"
                        + partner
                        + "', area '"
                        + rt.areas.get(a).id()
                        + "': a partner total is too large to compute exactly",
                    null,
                    rt.areas.get(a).id(),
                    null);
              }
              total[a][j] = sum.longValueExact();
              met[a][j] = judges[a].partnerMet(j, total[a][j]);
            }
          }
          return RowFactory.create(partner, "", rt.rows.partner(partner, total, met));
        }
      };
    }
  }

  /** Sorted blocks: a customer's packed results formatted as its rows; partners' as they are. */
  static final class Format implements MapPartitionsFunction<Row, Row> {
    private static final long serialVersionUID = 1L;
    private final Shipped shipped;

    Format(Shipped shipped) {
      this.shipped = shipped;
    }

    @Override
    public Iterator<Row> call(Iterator<Row> input) {
      Shipped.Runtime rt = shipped.runtime();
      byte[][] status = new byte[rt.areas.size()][];
      long[][] value = new long[rt.areas.size()][];
      for (int a = 0; a < status.length; a++) {
        status[a] = new byte[rt.nodes[a]];
        value[a] = new long[rt.nodes[a]];
      }
      return new Iterator<>() {
        @Override
        public boolean hasNext() {
          return input.hasNext();
        }

        @Override
        public Row next() {
          Row r = input.next();
          String customer = r.getString(1);
          if (customer.isEmpty()) {
            return r;
          }
          Outcomes.unpack((byte[]) r.get(2), status, value);
          return RowFactory.create(
              r.getString(0), customer, rt.rows.customer(r.getString(0), customer, status, value));
        }
      };
    }
  }

  /**
   * Writes the rows of the sorted blocks as a Parquet table (a folder of part files in the results
   * file's order; columns those of the file, every value as the file writes it), whole or not at
   * all ({@link ResultsTarget#writeTable}).
   */
  static long[] writeParquet(org.apache.spark.sql.Dataset<Row> sorted, String target)
      throws java.io.IOException {
    org.apache.spark.sql.Dataset<Row> rows =
        sorted.flatMap(
            (FlatMapFunction<Row, Row>)
                block -> {
                  List<Row> out = new ArrayList<>();
                  String text = new String((byte[]) block.get(2), StandardCharsets.UTF_8);
                  try (CsvReader<CsvRecord> csv = CsvReader.builder().ofCsvRecord(text)) {
                    for (CsvRecord rec : csv) {
                      List<String> f = rec.getFields();
                      out.add(
                          RowFactory.create(
                              f.get(0), f.get(1), f.get(2), f.get(3), f.get(4), f.get(5)));
                    }
                  }
                  return out.iterator();
                },
            Encoders.row(Schemas.RESULT_ROW));
    ResultsTarget.writeTable(
        sorted.sparkSession(),
        target,
        folder -> rows.write().mode(SaveMode.ErrorIfExists).parquet(folder));
    return new long[] {-1, -1};
  }
}
