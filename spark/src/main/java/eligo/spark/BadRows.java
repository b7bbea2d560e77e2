package eligo.spark;

import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.NoSuchElementException;
import org.apache.spark.api.java.function.Function;
import org.apache.spark.api.java.function.MapPartitionsFunction;
import org.apache.spark.sql.Row;

/**
 * The bad rows one task finds, as the loader lists them: each refused row is set aside and the task
 * reads on, and when its input ends it fails with all of them, one a line (the first {@link #LIMIT}
 * in words, then how many more). The job stops at the first task that fails, so the list is that
 * task's share of the data's problems.
 */
final class BadRows {
  /** How many problems a task's message lists. */
  static final int LIMIT = 100;

  private final List<String> shown = new ArrayList<>();
  private long more;

  void add(DataProblem p) {
    if (shown.size() < LIMIT) {
      shown.add(p.getMessage());
    } else {
      more++;
    }
  }

  boolean any() {
    return !shown.isEmpty();
  }

  /** Ends the task with its problems, if it found any. */
  void check() {
    if (!shown.isEmpty()) {
      throw new DataProblem(
          String.join("\n", shown) + (more > 0 ? "\n... and " + more + " more" : ""));
    }
  }

  /** A conversion of rows that may refuse some ({@link RowParse}), applied to a whole partition. */
  static final class Checked implements MapPartitionsFunction<Row, Row> {
    private static final long serialVersionUID = 1L;
    private final Function<Row, Row> f;

    Checked(Function<Row, Row> f) {
      this.f = f;
    }

    @Override
    public Iterator<Row> call(Iterator<Row> input) {
      BadRows bad = new BadRows();
      return new Iterator<>() {
        private Row next;

        @Override
        public boolean hasNext() {
          while (next == null && input.hasNext()) {
            Row r = input.next();
            try {
              next = f.call(r);
            } catch (DataProblem p) {
              bad.add(p);
            } catch (RuntimeException e) {
              throw e;
            } catch (Exception e) {
              throw new IllegalStateException(e);
            }
          }
          if (next == null) {
            bad.check();
          }
          return next != null;
        }

        @Override
        public Row next() {
          if (!hasNext()) {
            throw new NoSuchElementException();
          }
          Row r = next;
          next = null;
          return r;
        }
      };
    }
  }
}
