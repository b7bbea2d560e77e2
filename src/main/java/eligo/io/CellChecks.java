package eligo.io;

import eligo.data.Month;
import java.util.List;

/**
 * The checks of single cells of a dataset, in the loader's words, for readers outside this package
 * (the Spark runner reads the files itself): months, amounts, counts, and how a cell and a row
 * appear in a message. What a check finds wrong reads exactly as it does in {@code eligo run}.
 */
public final class CellChecks {
  private CellChecks() {}

  /** What {@link #money} and {@link #count} give for a text that is not one. */
  public static final long BAD = Numbers.BAD;

  /** An amount ({@code -?[0-9]+(\.[0-9]{1,2})?}, at most 16 digits before the point) in cents. */
  public static long money(String text) {
    return Numbers.parseMoney(text);
  }

  /** Why {@code text}, the cell of money column {@code column}, is not an amount. */
  public static String moneyProblem(String column, String text) {
    return Numbers.moneyProblem(column, text);
  }

  /** A count ({@code [0-9]+}, within a long). */
  public static long count(String text) {
    return Numbers.parseCount(text);
  }

  /** Why {@code text}, the cell of count column {@code column}, is not a count. */
  public static String countProblem(String column, String text) {
    return Numbers.countProblem(column, text);
  }

  /** A month {@code YYYY-MM}, or {@link Month#NONE}. */
  public static int month(String text) {
    return Month.parse(text);
  }

  /** Why {@code text}, the cell of month column {@code column}, is not a month. */
  public static String monthProblem(String column, String text) {
    return column + " " + Cells.quote(text) + " is not a month (YYYY-MM)" + MonthHints.of(text);
  }

  /** A cell value for a message: in single quotes, control characters escaped, long ones cut. */
  public static String quote(String text) {
    return Cells.quote(text);
  }

  /** The fields written back as one CSV row (quoted where RFC 4180 needs it), for a message. */
  public static String csvRow(List<String> fields) {
    StringBuilder sb = new StringBuilder();
    for (int i = 0; i < fields.size(); i++) {
      if (i > 0) {
        sb.append(',');
      }
      Cells.appendCsvField(sb, fields.get(i) == null ? "" : fields.get(i));
    }
    return sb.toString();
  }
}
