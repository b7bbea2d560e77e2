package eligo.io;

import eligo.data.Dataset;
import eligo.data.Measure;
import eligo.ir.Ir;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.FutureTask;
import java.util.function.Supplier;

/**
 * Loads a dataset (DATA.md) from a folder or from memory ({@link DataSource}) into a {@link
 * Dataset}: the entry point, and the order of the work.
 *
 * <p>Every file is read and checked, so one load reports all errors. associations.csv and usage.csv
 * are read on every core when they are plain ({@link PlainReads}: {@link PlainCsv}, {@link
 * PlainUsageReader}); otherwise, and for the three small files, {@link CsvFileReader} reads them
 * and {@link RowChecks} checks each row in the words of DATA.md. Usage rows are kept in primitive
 * columns ({@link UsageColumns}), put in (tenant, workload, month) order by {@link RowOrder}, which
 * also finds duplicate rows, and {@link DatasetAssembly} makes the dataset. Nothing per row is kept
 * as an object.
 */
public final class DatasetLoader {
  public static final String CUSTOMERS = "customers.csv";
  public static final String TENANTS = "tenants.csv";
  public static final String WORKLOADS = "workloads.csv";
  public static final String ASSOCIATIONS = "associations.csv";
  public static final String USAGE = "usage.csv";

  /** The files of a dataset, in the order they are read and errors are listed. */
  public static final List<String> FILES =
      List.of(CUSTOMERS, TENANTS, WORKLOADS, ASSOCIATIONS, USAGE);

  private static final String[] CUSTOMER_COLUMNS = {"partner_id", "customer_id", "customer_name"};
  private static final String[] TENANT_COLUMNS = {"customer_id", "tenant_id", "tenant_name"};
  private static final String[] WORKLOAD_COLUMNS = {"workload", "family"};
  static final String[] ASSOCIATION_COLUMNS = {
    "tenant_id", "workload", "association_type", "start_month", "end_month"
  };
  static final String[] USAGE_COLUMNS;

  static {
    Measure[] measures = Measure.values();
    USAGE_COLUMNS = new String[3 + measures.length];
    USAGE_COLUMNS[0] = "tenant_id";
    USAGE_COLUMNS[1] = "workload";
    USAGE_COLUMNS[2] = "month";
    for (int k = 0; k < measures.length; k++) {
      USAGE_COLUMNS[3 + k] = measures[k].column();
    }
  }

  // ---- inputs
  private final DataSource source;
  private final Mode mode;

  /**
   * The threads that read associations.csv and usage.csv in parallel, in chunks ({@link PlainCsv});
   * 0: the general reader, on one thread.
   */
  private final int threads;

  /**
   * Bytes of each sample from which the rows of each part of usage.csv are estimated ({@link
   * ChunkPlan#estimate}); 0: its lines are counted.
   */
  private int sample = ChunkPlan.SAMPLE;

  /** Given when the loader comes to associations.csv (see {@link #load(Path, Supplier, Mode)}). */
  private final Supplier<List<String>> associationTypes;

  /**
   * The attributes the criteria declare: asked for only when customers.csv or tenants.csv has extra
   * columns (then the loader reads those declared, and no other).
   */
  private Supplier<List<Ir.Attribute>> attributes = List::of;

  // ---- the state of the load
  private final LoadLog log = new LoadLog();
  private final LoadTables tables = new LoadTables();
  private final UsageColumns usage = new UsageColumns();
  private final CsvFileReader reader;
  private final RowChecks checks;
  private final RowOrder order;
  private final PlainReads plain;

  /** The files read by {@link PlainCsv}. */
  private final List<String> readInParallel = new ArrayList<>();

  private DatasetLoader(
      DataSource source, Supplier<List<String>> associationTypes, Mode mode, int threads) {
    this.source = source;
    this.threads = threads;
    this.mode = Objects.requireNonNull(mode, "mode");
    this.associationTypes = associationTypes;
    this.reader = new CsvFileReader(source, log);
    this.checks = new RowChecks(tables, usage, log, source);
    this.order = new RowOrder(usage, tables, log, reader, source);
    this.plain = new PlainReads(source, threads, tables, usage, order, log);
  }

  /** Loads {@code dir} in {@link Mode#STRICT} mode. */
  public static LoadResult load(Path dir, List<String> associationTypes) throws DataException {
    return load(dir, associationTypes, Mode.STRICT);
  }

  /**
   * Loads the dataset folder {@code dir}.
   *
   * @param associationTypes the valid {@code association_type} values; they become the dataset's
   *     types, in this order
   * @param mode {@link Mode#STRICT}: any error throws; {@link Mode#LENIENT}: bad rows (and rows
   *     depending on them) are left out and returned as rejects
   * @throws DataException with every error found: in strict mode on any error, in lenient mode on
   *     file-level errors only (a missing file or column, broken quoting, text that is not UTF-8)
   */
  public static LoadResult load(Path dir, List<String> associationTypes, Mode mode)
      throws DataException {
    return load(dir, associationTypes, mode, Runtime.getRuntime().availableProcessors());
  }

  /**
   * {@link #load(Path, List, Mode)} with the association types asked for only when the loader comes
   * to associations.csv, after customers.csv, tenants.csv and workloads.csv: the caller may still
   * be working them out (checking the criteria) while those load. An exception thrown by {@code
   * associationTypes} ends the load and is thrown as it is.
   */
  public static LoadResult load(Path dir, Supplier<List<String>> associationTypes, Mode mode)
      throws DataException {
    return load(DataSource.folder(dir), associationTypes, mode);
  }

  /**
   * {@link #load(Path, List, Mode)} of the files of {@code source}, e.g. {@link
   * DataSource#inMemory}: the same checks and the same messages, naming the same files ({@code
   * usage.csv:12: ...}); the source words where a message points at another row ({@link
   * DataSource#line}, {@link DataSource#notIn}). Files not on disk are read on one thread.
   */
  public static LoadResult load(DataSource source, List<String> associationTypes, Mode mode)
      throws DataException {
    return load(source, () -> associationTypes, mode);
  }

  /** {@link #load(Path, Supplier, Mode)} of the files of {@code source}. */
  public static LoadResult load(
      DataSource source, Supplier<List<String>> associationTypes, Mode mode) throws DataException {
    return new DatasetLoader(
            source, associationTypes, mode, Runtime.getRuntime().availableProcessors())
        .run();
  }

  /**
   * {@code loaded} (of the folder {@code dir}) with the customers of {@code reasons} (customer id
   * to the reason) rejected after the load, as an evaluation that overflowed rejects them in
   * lenient mode: each customer's row of customers.csv joins the rejects at its line (customers.csv
   * is read again to find it), with its reason, and customers.csv's counts move it from used to
   * rejected. {@code kept} is the dataset without those customers. A customer whose row is not
   * found (the file changed since) is listed at line 0.
   */
  public static LoadResult rejectCustomers(
      LoadResult loaded, Dataset kept, Path dir, Map<String, String> reasons) {
    if (reasons.isEmpty()) {
      return loaded;
    }
    Map<String, DataError> found = new HashMap<>();
    LoadLog scan = new LoadLog();
    new CsvFileReader(DataSource.folder(dir), scan)
        .read(
            LoadLog.CUSTOMERS,
            CUSTOMER_COLUMNS,
            row -> {
              String id = row.get(1);
              String reason = reasons.get(id);
              if (reason != null && !found.containsKey(id)) {
                found.put(id, new DataError(CUSTOMERS, row.line, reason, Cells.rawText(row.rec)));
              }
            });
    List<DataError> rejects = new ArrayList<>(loaded.rejects());
    reasons.forEach(
        (id, reason) ->
            rejects.add(found.getOrDefault(id, new DataError(CUSTOMERS, 0, reason, id))));
    rejects.sort(
        Comparator.comparingInt((DataError e) -> FILES.indexOf(e.file()))
            .thenComparingLong(DataError::line));
    List<LoadResult.FileCounts> counts = new ArrayList<>();
    for (LoadResult.FileCounts c : loaded.counts()) {
      counts.add(
          c.file().equals(CUSTOMERS)
              ? new LoadResult.FileCounts(
                  c.file(), c.read(), c.used() - reasons.size(), c.rejected() + reasons.size())
              : c);
    }
    return new LoadResult(kept, rejects, counts, loaded.readInParallel(), loaded.typesInData());
  }

  /**
   * {@link #load(Path, List, Mode)}, with associations.csv and usage.csv read in chunks by {@code
   * threads} threads when they are plain ({@link PlainCsv}); with 0, they are read on one thread by
   * the general reader.
   */
  static LoadResult load(Path dir, List<String> associationTypes, Mode mode, int threads)
      throws DataException {
    return new DatasetLoader(DataSource.folder(dir), () -> associationTypes, mode, threads).run();
  }

  /**
   * {@link #load(Path, List, Mode, int)}, the rows of each part of usage.csv estimated from samples
   * of {@code sample} bytes ({@link ChunkPlan#estimate}), or counted (0).
   */
  static LoadResult load(
      Path dir, List<String> associationTypes, Mode mode, int threads, int sample)
      throws DataException {
    DatasetLoader loader =
        new DatasetLoader(DataSource.folder(dir), () -> associationTypes, mode, threads);
    loader.sample = sample;
    return loader.run();
  }

  private LoadResult run() throws DataException {
    // Cut associations.csv and usage.csv into chunks for a thread per core on another thread while
    // the smaller files are read: the lines of associations.csv are counted, those of usage.csv
    // estimated from samples. The plans size the columns.
    int parts = Math.max(1, threads);
    FutureTask<ChunkPlan> associationPlan =
        new FutureTask<>(() -> plain.plan(ASSOCIATIONS, parts, 0));
    FutureTask<ChunkPlan> usagePlan = new FutureTask<>(() -> plain.plan(USAGE, parts, sample));
    // Then, on the same thread, the columns for usage.csv are made: the first touch of their
    // memory (a million customers: 1.4 GB, 2.8 CPU-s of the kernel zeroing pages) is done where
    // this core would wait for the one reading customers.csv and tenants.csv.
    FutureTask<Void> usageRoom =
        new FutureTask<>(
            () -> {
              if (threads > 0) {
                plain.prepareUsage(PlainReads.join(usagePlan));
              }
              return null;
            });
    Thread counter =
        new Thread(
            () -> {
              associationPlan.run();
              usagePlan.run();
              usageRoom.run();
            },
            "eligo-count-lines");
    counter.setDaemon(true);
    counter.start();
    reader.read(
        LoadLog.CUSTOMERS,
        CUSTOMER_COLUMNS,
        checks::customerRow,
        (names, fields) -> extraColumns(Ir.Owner.CUSTOMER, names, fields));
    tables.orderCustomers();
    reader.read(
        LoadLog.TENANTS,
        TENANT_COLUMNS,
        checks::tenantRow,
        (names, fields) -> extraColumns(Ir.Owner.TENANT, names, fields));
    tables.orderTenants();
    reader.read(LoadLog.WORKLOADS, WORKLOAD_COLUMNS, checks::workloadRow);
    tables.makeLookups();
    tables.takeAssociationTypes(associationTypes.get());
    if (threads > 0 && plain.associations(PlainReads.join(associationPlan))) {
      readInParallel.add(ASSOCIATIONS);
    } else {
      reader.read(LoadLog.ASSOCIATIONS, ASSOCIATION_COLUMNS, checks::associationRow);
    }
    // The associations are ordered on another thread while usage.csv is read: on its own after
    // the reading, it kept one core idle (a million customers: 0.8 s).
    FutureTask<DatasetAssembly.Associations> associations =
        new FutureTask<>(() -> DatasetAssembly.orderAssociations(tables));
    Thread orderer = new Thread(associations, "eligo-order-associations");
    orderer.setDaemon(true);
    orderer.start();
    ChunkPlan plan = PlainReads.join(usagePlan);
    prepared(usageRoom);
    int capacity = plan == null ? 0 : (int) Math.min(plan.capacity(), UsageColumns.MAX_ROWS);
    RowOrder.Runs runs = threads > 0 ? plain.usage(plan) : null;
    if (runs != null) {
      readInParallel.add(USAGE);
    } else {
      usage.allocateGeneral(capacity);
      reader.read(LoadLog.USAGE, USAGE_COLUMNS, checks::usageRow);
      runs = order.runsInPlace();
    }
    int[] usageOrder = null;
    int keptRows = usage.count;
    if (runs == null) {
      usageOrder = order.sortUsage();
      keptRows = order.dropBadAndDuplicateRows(usageOrder);
    }

    log.sort();
    if (log.fatal || (mode == Mode.STRICT && !log.errors.isEmpty())) {
      throw new DataException(log.errors, log.typesInData());
    }
    if (runs == null) {
      runs = order.sortRows(usageOrder, keptRows);
    }
    Dataset dataset = DatasetAssembly.build(tables, ordered(associations), usage, runs, keptRows);
    return new LoadResult(dataset, log.errors, log.counts(), readInParallel, log.typesInData());
  }

  /** The fields of the declared attributes among a header's extra columns. */
  private int[] extraColumns(Ir.Owner owner, List<String> names, int[] fields) {
    if (names.isEmpty()) {
      return new int[0];
    }
    List<String> declared = new ArrayList<>();
    for (Ir.Attribute a : attributes.get()) {
      if (a.owner() == owner) {
        declared.add(a.column());
      }
    }
    return tables.extraColumns(owner == Ir.Owner.TENANT, names, fields, declared);
  }

  /**
   * {@link #load(DataSource, Supplier, Mode)}, reading the extra columns of customers.csv and
   * tenants.csv that {@code attributes} declare (asked for only when a header has extra columns; an
   * exception it throws ends the load and is thrown as it is). A declared column the file lacks is
   * not an error here: the dataset lists the extra columns each file has ({@link
   * Dataset#customerColumns()}), for the criteria to be held against.
   */
  public static LoadResult load(
      DataSource source,
      Supplier<List<String>> associationTypes,
      Supplier<List<Ir.Attribute>> attributes,
      Mode mode)
      throws DataException {
    DatasetLoader loader =
        new DatasetLoader(
            source, associationTypes, mode, Runtime.getRuntime().availableProcessors());
    loader.attributes = attributes;
    return loader.run();
  }

  /** {@link #load(DataSource, Supplier, Supplier, Mode)} of the folder {@code dir}. */
  public static LoadResult load(
      Path dir,
      Supplier<List<String>> associationTypes,
      Supplier<List<Ir.Attribute>> attributes,
      Mode mode)
      throws DataException {
    return load(DataSource.folder(dir), associationTypes, attributes, mode);
  }

  /**
   * Waits for the columns made ahead for usage.csv; its failure (out of memory) is the load's. It
   * waits on when this thread is interrupted (the columns are not to be made twice at once), and
   * then leaves this thread interrupted.
   */
  private static void prepared(FutureTask<Void> task) {
    boolean interrupted = false;
    while (true) {
      try {
        DaemonThreads.result(task);
        break;
      } catch (InterruptedException e) {
        interrupted = true;
      }
    }
    if (interrupted) {
      Thread.currentThread().interrupt();
    }
  }

  /**
   * The associations ordered on their own thread; its failure (out of memory) is the load's. When
   * this thread is interrupted, they are ordered here.
   */
  private DatasetAssembly.Associations ordered(FutureTask<DatasetAssembly.Associations> task) {
    try {
      return DaemonThreads.result(task);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return DatasetAssembly.orderAssociations(tables);
    }
  }
}
