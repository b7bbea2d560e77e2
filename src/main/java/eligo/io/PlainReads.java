package eligo.io;

import de.siegmar.fastcsv.reader.CsvReader;
import eligo.data.Month;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.FutureTask;

/**
 * The loader's parallel path: associations.csv and usage.csv read on every core, in chunks, when
 * they are plain ({@link PlainCsv}, {@link PlainUsageReader}), into the loader's tables and usage
 * columns. Each read says when a file is not plain; the loader's general reader then reads it.
 * Package-private: a loading aid of {@link DatasetLoader}.
 */
final class PlainReads {
  private final DataSource source;
  private final int threads;
  private final LoadTables tables;
  private final UsageColumns usage;
  private final RowOrder order;
  private final LoadLog log;

  PlainReads(
      DataSource source,
      int threads,
      LoadTables tables,
      UsageColumns usage,
      RowOrder order,
      LoadLog log) {
    this.source = source;
    this.threads = threads;
    this.tables = tables;
    this.usage = usage;
    this.order = order;
    this.log = log;
  }

  /**
   * How {@code file} is cut for {@code parts} threads, its lines counted ({@code sample} 0) or
   * estimated from samples of {@code sample} bytes ({@link ChunkPlan#estimate}); null when it is
   * not on disk.
   */
  ChunkPlan plan(String file, int parts, int sample) throws IOException {
    Path path = source.path(file);
    if (path == null) {
      return null;
    }
    return sample == 0 ? ChunkPlan.counted(path, parts) : ChunkPlan.estimate(path, parts, sample);
  }

  /** {@code file}'s plan with its lines counted; null when it cannot be read. */
  private ChunkPlan counted(String file) {
    try {
      return plan(file, threads, 0);
    } catch (IOException | RuntimeException e) {
      return null; // the general reader reports it
    }
  }

  /**
   * A file's plan; null when the file cannot be read (reported when it is read) or is not on disk.
   */
  static ChunkPlan join(FutureTask<ChunkPlan> task) {
    try {
      return task.get();
    } catch (ExecutionException e) {
      return null;
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return null; // the arrays grow as rows come
    }
  }

  /** A plain file's width (fields per row) and where each column it needs is. */
  private record PlainHeader(int width, int[] cols) {}

  /** The header of a plan, or null when the file is not plain or lacks one of {@code columns}. */
  private static PlainHeader plainHeader(ChunkPlan plan, String[] columns) {
    if (plan == null || plan.header() == null) {
      return null;
    }
    try (CsvReader<CsvFields> csv =
        CsvReader.builder().build(new CsvFields.Handler(), plan.header())) {
      Iterator<CsvFields> it = csv.iterator();
      CsvFields header = it.hasNext() ? it.next() : null;
      int[] cols =
          header == null
              ? null
              : CsvFileReader.columnsOf(header, columns, new ArrayList<>(), new ArrayList<>());
      return cols == null ? null : new PlainHeader(header.count(), cols);
    } catch (IOException | RuntimeException e) {
      return null;
    }
  }

  /**
   * Reads associations.csv with {@link PlainCsv} on every core when it is plain and every row is
   * good; false otherwise (then nothing is kept and the general reader reads the file).
   */
  boolean associations(ChunkPlan plan) {
    PlainHeader header = plainHeader(plan, DatasetLoader.ASSOCIATION_COLUMNS);
    if (header == null || plan.capacity() > UsageColumns.MAX_ROWS) {
      return false;
    }
    int[] cols = header.cols();
    int rows = (int) plan.capacity();
    IntColumn assocTenant = tables.assocTenant;
    IntColumn assocWorkload = tables.assocWorkload;
    IntColumn assocType = tables.assocType;
    IntColumn assocStart = tables.assocStart;
    IntColumn assocEnd = tables.assocEnd;
    IntColumn[] out = {assocTenant, assocWorkload, assocType, assocStart, assocEnd};
    for (IntColumn c : out) {
      c.zeros(rows);
    }
    IdIndex types = new IdIndex(tables.typeIndex);
    IdIndex tenantLookup = tables.tenantLookup;
    IdIndex workloadLookup = tables.workloadLookup;
    PlainCsv.Outcome outcome =
        PlainCsv.read(
            source.path(DatasetLoader.ASSOCIATIONS),
            plan,
            header.width(),
            cols,
            k -> {
              IdIndex tenantIds = tenantLookup.forAnotherThread();
              IdIndex workloadIds = workloadLookup.forAnotherThread();
              IdIndex typeIds = types.forAnotherThread();
              return (b, start, end, i) -> {
                int t = tenantIds.get(b, start[cols[0]], end[cols[0]]);
                int w = workloadIds.get(b, start[cols[1]], end[cols[1]]);
                int type = typeIds.get(b, start[cols[2]], end[cols[2]]);
                int from = Month.parse(b, start[cols[3]], end[cols[3]]);
                int to =
                    start[cols[4]] == end[cols[4]]
                        ? Month.OPEN
                        : Month.parse(b, start[cols[4]], end[cols[4]]);
                if (t < 0
                    || w < 0
                    || type < 0
                    || from == Month.NONE
                    || to == Month.NONE
                    || from > to) {
                  return false;
                }
                assocTenant.set(i, t);
                assocWorkload.set(i, w);
                assocType.set(i, type);
                assocStart.set(i, from);
                assocEnd.set(i, to);
                return true;
              };
            });
    boolean plain = outcome.plain();
    if (!plain) {
      for (IntColumn c : out) {
        c.clear();
      }
      return false;
    }
    log.read[LoadLog.ASSOCIATIONS] = rows;
    return true;
  }

  /**
   * Makes the columns for reading usage.csv by {@code plan} ahead of the reading ({@link
   * UsageColumns#prepareNarrow}), when the plan has a header and room for no more rows than a load
   * holds; the reading takes them if it reads by this plan.
   */
  void prepareUsage(ChunkPlan plan) {
    if (plan != null && plan.header() != null && plan.capacity() <= UsageColumns.MAX_ROWS) {
      usage.prepareNarrow((int) plan.capacity());
    }
  }

  /**
   * Reads usage.csv with {@link PlainUsageReader} on every core, and returns its runs. Null when
   * the file is not plain, its header lacks a column, or a tenant and workload has two runs: then
   * nothing is kept and the general reader reads the file.
   */
  RowOrder.Runs usage(ChunkPlan plan) {
    PlainHeader header = plainHeader(plan, DatasetLoader.USAGE_COLUMNS);
    if (header == null) {
      return null;
    }
    PlainUsageReader.Columns out = new PlainUsageReader.Columns();
    if (!readUsage(plan, header, out)) {
      if (!out.tooLittleRoom || plan.exact()) {
        return null;
      }
      // the parts together had room for fewer rows than the file has: count them, read again
      ChunkPlan counted = counted(DatasetLoader.USAGE);
      out = new PlainUsageReader.Columns();
      if (counted == null || !readUsage(counted, header, out)) {
        return null;
      }
    }
    int rows = out.rows;
    for (long[] v : out.wide) {
      int k = (int) v[1];
      if (usage.narrow[k] != null) { // the measure is held as longs from now on
        long[] longs = new long[usage.narrow[k].length];
        for (int i = 0; i < longs.length; i++) {
          longs[i] = usage.narrow[k][i];
        }
        usage.measures[k] = longs;
        usage.narrow[k] = null;
      }
      usage.measures[k][(int) v[0]] = v[2];
    }
    RowOrder.Runs runs =
        order.sortRuns(out.runTenant, out.runWorkload, out.runStart, out.falling, rows);
    if (runs != null) {
      usage.count = rows;
      log.read[LoadLog.USAGE] = rows;
      usage.minMonth = out.minMonth;
      usage.maxMonth = out.maxMonth;
    } else {
      usage.drop();
    }
    return runs;
  }

  /**
   * Reads usage.csv by {@code plan} into the loader's columns, sized for it; false when it was not
   * plain (then the columns are let go of, and {@code out} says whether the plan had too little
   * room).
   */
  private boolean readUsage(ChunkPlan plan, PlainHeader header, PlainUsageReader.Columns out) {
    if (plan.capacity() > UsageColumns.MAX_ROWS) {
      return false;
    }
    usage.allocateNarrow((int) plan.capacity(), true);
    out.month = usage.month;
    out.measures = usage.narrow;
    PlainUsageReader plainReader =
        new PlainUsageReader(
            source.path(DatasetLoader.USAGE),
            plan,
            header.width(),
            header.cols(),
            tables.tenantLookup,
            tables.workloadLookup);
    if (!plainReader.read(out)) {
      usage.drop();
      return false;
    }
    return true;
  }
}
