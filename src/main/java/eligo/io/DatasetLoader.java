package eligo.io;

import de.siegmar.fastcsv.reader.CsvParseException;
import de.siegmar.fastcsv.reader.CsvReader;
import eligo.data.Dataset;
import eligo.data.Measure;
import eligo.data.Month;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Loads a dataset folder (DATA.md) into a {@link Dataset}.
 *
 * <p>Every file is read and checked, so one load reports all errors. Rows are checked one by one
 * while reading; usage rows are kept in primitive columns and put in (tenant, workload, month)
 * order by three stable counting sorts, which also finds duplicate rows. Nothing per row is kept as
 * an object.
 */
public final class DatasetLoader {
  public static final String CUSTOMERS = "customers.csv";
  public static final String TENANTS = "tenants.csv";
  public static final String WORKLOADS = "workloads.csv";
  public static final String ASSOCIATIONS = "associations.csv";
  public static final String USAGE = "usage.csv";
  /** The files of a dataset, in the order they are read and errors are listed. */
  public static final List<String> FILES = List.of(CUSTOMERS, TENANTS, WORKLOADS, ASSOCIATIONS, USAGE);

  private static final int F_CUSTOMERS = 0;
  private static final int F_TENANTS = 1;
  private static final int F_WORKLOADS = 2;
  private static final int F_ASSOCIATIONS = 3;
  private static final int F_USAGE = 4;

  private static final String[] CUSTOMER_COLUMNS = {"partner_id", "customer_id", "customer_name"};
  private static final String[] TENANT_COLUMNS = {"customer_id", "tenant_id", "tenant_name"};
  private static final String[] WORKLOAD_COLUMNS = {"workload", "family"};
  private static final String[] ASSOCIATION_COLUMNS = {
    "tenant_id", "workload", "association_type", "start_month", "end_month"
  };
  private static final Measure[] MEASURES = Measure.values();
  private static final String[] USAGE_COLUMNS;

  static {
    USAGE_COLUMNS = new String[3 + MEASURES.length];
    USAGE_COLUMNS[0] = "tenant_id";
    USAGE_COLUMNS[1] = "workload";
    USAGE_COLUMNS[2] = "month";
    for (int k = 0; k < MEASURES.length; k++) {
      USAGE_COLUMNS[3 + k] = MEASURES[k].column();
    }
  }

  /** Returned by the number parsers for text that is not a valid number. */
  static final long BAD = Long.MIN_VALUE;
  /** Cell values longer than this are cut in messages. */
  private static final int MAX_SHOWN = 80;
  /** Usage rows are addressed by int. */
  private static final int MAX_ROWS = Integer.MAX_VALUE - 16;

  private static final Pattern TOO_MANY_DECIMALS = Pattern.compile("-?[0-9]+\\.[0-9]{3,}");
  private static final Pattern TOO_MANY_DIGITS = Pattern.compile("-?[0-9]{17,}(\\.[0-9]{1,2})?");
  private static final Pattern NEGATIVE_COUNT = Pattern.compile("-[0-9]+");
  private static final Pattern DIGITS = Pattern.compile("[0-9]+");
  private static final Pattern PARSE_LINE = Pattern.compile("line (\\d+)");

  // ---- inputs
  private final Path dir;
  private final Mode mode;
  /**
   * The parts associations.csv and usage.csv are cut into to be read in parallel ({@link
   * PlainCsv}); 0: read on one thread.
   */
  private final int chunks;
  /** Given when the loader comes to associations.csv (see {@link #load(Path, Supplier, Mode)}). */
  private final java.util.function.Supplier<List<String>> associationTypes;
  private String[] typeNames;
  private final Map<String, Integer> typeIndex = new HashMap<>();

  // ---- bookkeeping
  private final List<DataError> errors = new ArrayList<>();
  private boolean fatal;
  private final boolean[] broken = new boolean[FILES.size()];
  /** Files whose ids are not all known (broken, or rows skipped for a broken reference). */
  private final boolean[] unsure = new boolean[FILES.size()];
  private final long[] read = new long[FILES.size()];
  private final long[] rejected = new long[FILES.size()];
  private final Problems problems = new Problems();

  // ---- customers (file order is final order)
  private final Map<String, Integer> customerIndex = new HashMap<>();
  private final Map<String, Long> customerRejected = new HashMap<>();
  private final List<String> partnerIds = new ArrayList<>();
  private final List<String> customerIds = new ArrayList<>();
  private final List<String> customerNames = new ArrayList<>();
  private final IntColumn customerLine = new IntColumn();

  // ---- tenants (index: file order until reordered, then final order)
  private final Map<String, Integer> tenantIndex = new HashMap<>();
  private final Map<String, Long> tenantRejected = new HashMap<>();
  private final List<String> tenantIdList = new ArrayList<>();
  private final List<String> tenantNameList = new ArrayList<>();
  private final IntColumn tenantCustomer = new IntColumn();
  private final IntColumn tenantLine = new IntColumn();
  private int[] customerTenantStart;
  private String[] tenantIds;
  private String[] tenantNames;

  // ---- workloads (file order is final order)
  private final Map<String, Integer> workloadIndex = new HashMap<>();
  private final Map<String, Long> workloadRejected = new HashMap<>();
  private final List<String> workloadNames = new ArrayList<>();
  private final List<String> workloadFamilies = new ArrayList<>();
  private final IntColumn workloadLine = new IntColumn();

  // ---- associations (good rows)
  private final IntColumn assocTenant = new IntColumn();
  private final IntColumn assocWorkload = new IntColumn();
  private final IntColumn assocTypeCol = new IntColumn();
  private final IntColumn assocStart = new IntColumn();
  private final IntColumn assocEnd = new IntColumn();

  // ---- usage (rows whose keys resolve; the line is negated when the row has another error)
  // Plain arrays sized up front from a count of the file's lines: in the usual case they become
  // the Dataset's arrays as they are (sorted in place), so the big arrays exist only once.
  private int usageCount;
  private int[] usageTenant = new int[0];
  private int[] usageWorkload = new int[0];
  private int[] usageMonth = new int[0];
  private int[] usageLine = new int[0];
  private long[][] usageMeasures = new long[MEASURES.length][0];
  /**
   * The measures as ints, when read by {@link PlainUsageReader}: a measure is held either here or
   * in {@link #usageMeasures} (the other's entry is null).
   */
  private int[][] usageNarrow = new int[MEASURES.length][];
  private IdIndex tenantLookup;
  private IdIndex workloadLookup;
  /** The files read by {@link PlainCsv}. */
  private final List<String> readInParallel = new ArrayList<>();
  private int minMonth = Integer.MAX_VALUE;
  private int maxMonth = Integer.MIN_VALUE;

  private DatasetLoader(
      Path dir,
      java.util.function.Supplier<List<String>> associationTypes,
      Mode mode,
      int chunks) {
    this.dir = dir;
    this.chunks = chunks;
    this.mode = java.util.Objects.requireNonNull(mode, "mode");
    this.associationTypes = associationTypes;
  }

  /** Takes the association types, when the loader comes to associations.csv. */
  private void takeAssociationTypes() {
    typeNames = associationTypes.get().toArray(new String[0]);
    for (int k = 0; k < typeNames.length; k++) {
      if (typeNames[k] == null || typeNames[k].isEmpty()) {
        throw new IllegalArgumentException("association type " + k + " is empty");
      }
      if (typeIndex.putIfAbsent(typeNames[k], k) != null) {
        throw new IllegalArgumentException("association type '" + typeNames[k] + "' is given twice");
      }
    }
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
   * {@link #load(Path, List, Mode)} with the association types asked for only when the loader
   * comes to associations.csv, after customers.csv, tenants.csv and workloads.csv: the caller
   * may still be working them out (checking the criteria) while those load. An exception thrown
   * by {@code associationTypes} ends the load and is thrown as it is.
   */
  public static LoadResult load(
      Path dir, java.util.function.Supplier<List<String>> associationTypes, Mode mode)
      throws DataException {
    return new DatasetLoader(dir, associationTypes, mode, Runtime.getRuntime().availableProcessors())
        .run();
  }

  /**
   * {@link #load(Path, List, Mode)}, with associations.csv and usage.csv cut into {@code chunks}
   * parts read in parallel when they are plain ({@link PlainCsv}); with 0, they are read on one
   * thread.
   */
  static LoadResult load(Path dir, List<String> associationTypes, Mode mode, int chunks)
      throws DataException {
    return new DatasetLoader(dir, () -> associationTypes, mode, chunks).run();
  }

  private LoadResult run() throws DataException {
    // Cut associations.csv and usage.csv into one chunk per core and count their lines on another
    // thread while the smaller files are read: the counts size the columns.
    int parts = Math.max(1, chunks);
    java.util.concurrent.FutureTask<PlainCsv.Plan> associationPlan =
        new java.util.concurrent.FutureTask<>(() -> PlainCsv.plan(dir.resolve(ASSOCIATIONS), parts));
    java.util.concurrent.FutureTask<PlainCsv.Plan> usagePlan =
        new java.util.concurrent.FutureTask<>(() -> PlainCsv.plan(dir.resolve(USAGE), parts));
    Thread counter =
        new Thread(
            () -> {
              associationPlan.run();
              usagePlan.run();
            },
            "eligo-count-lines");
    counter.setDaemon(true);
    counter.start();
    read(F_CUSTOMERS, CUSTOMER_COLUMNS, this::customerRow);
    read(F_TENANTS, TENANT_COLUMNS, this::tenantRow);
    orderTenants();
    read(F_WORKLOADS, WORKLOAD_COLUMNS, this::workloadRow);
    tenantLookup = new IdIndex(tenantIndex);
    workloadLookup = new IdIndex(workloadIndex);
    takeAssociationTypes();
    if (chunks > 0 && readPlainAssociations(join(associationPlan))) {
      readInParallel.add(ASSOCIATIONS);
    } else {
      read(F_ASSOCIATIONS, ASSOCIATION_COLUMNS, this::associationRow);
    }
    PlainCsv.Plan plan = join(usagePlan);
    int capacity = plan == null ? 0 : (int) Math.min(plan.capacity(), MAX_ROWS);
    Runs runs = chunks > 0 ? readPlainUsage(plan, capacity) : null;
    if (runs != null) {
      readInParallel.add(USAGE);
    } else {
      allocateGeneralColumns(capacity);
      read(F_USAGE, USAGE_COLUMNS, this::usageRow);
      runs = runsInPlace();
    }
    int[] usageOrder = null;
    int keptRows = usageCount;
    if (runs == null) {
      usageOrder = sortUsage();
      keptRows = dropBadAndDuplicateRows(usageOrder);
    }

    errors.sort(
        Comparator.comparingInt((DataError e) -> FILES.indexOf(e.file()))
            .thenComparingLong(DataError::line));
    if (fatal || (mode == Mode.STRICT && !errors.isEmpty())) {
      throw new DataException(errors);
    }
    if (runs == null) {
      runs = sortRows(usageOrder, keptRows);
    }
    Dataset dataset = build(runs, keptRows);
    List<LoadResult.FileCounts> counts = new ArrayList<>();
    for (int f = 0; f < FILES.size(); f++) {
      counts.add(new LoadResult.FileCounts(FILES.get(f), read[f], read[f] - rejected[f], rejected[f]));
    }
    return new LoadResult(dataset, errors, counts, readInParallel);
  }

  // =====================================================================================
  // Reading files

  private interface RowHandler {
    void row(Row row);
  }

  /** The current record of a file, with its required columns found by name. */
  private static final class Row {
    final int file;
    final int[] cols;
    final int width;
    CsvFields rec;
    long line;

    Row(int file, int[] cols, int width) {
      this.file = file;
      this.cols = cols;
      this.width = width;
    }

    /** The cell of required column {@code k}; empty when the row is too short. */
    String get(int k) {
      int i = cols[k];
      return i < rec.count() ? rec.get(i) : "";
    }

    boolean widthOk() {
      return rec.count() == width;
    }

    String widthProblem() {
      String s = "the row has " + rec.count() + " fields, the header has " + width;
      int extraLines = 0;
      char[] chars = rec.chars();
      for (int i = 0; i < rec.count(); i++) {
        int end = rec.end(i);
        for (int j = rec.start(i); j < end; j++) {
          char ch = chars[j];
          if (ch == '\n' || (ch == '\r' && (j + 1 == end || chars[j + 1] != '\n'))) {
            extraLines++;
          }
        }
      }
      if (extraLines > 0) {
        s += " (the record runs over lines " + line + "-" + (line + extraLines)
            + ": is a quote not closed?)";
      }
      return s;
    }
  }

  /**
   * Reads one file, passing each data record to {@code handler}. Returns false (and marks the file
   * broken) on a file-level error.
   */
  private boolean read(int file, String[] columns, RowHandler handler) {
    String name = FILES.get(file);
    Path path = dir.resolve(name);
    if (!Files.exists(path)) {
      return fileError(file, 0, "file is missing (looked for " + path + ")");
    }
    if (!Files.isRegularFile(path)) {
      return fileError(file, 0, "is not a file (" + path + ")");
    }
    CharsetDecoder decoder =
        StandardCharsets.UTF_8
            .newDecoder()
            .onMalformedInput(CodingErrorAction.REPORT)
            .onUnmappableCharacter(CodingErrorAction.REPORT);
    long lastLine = 0;
    CsvFields.Handler fields = new CsvFields.Handler();
    try (Reader in = new InputStreamReader(Bom.open(path), decoder);
        CsvReader<CsvFields> csv =
            CsvReader.builder()
                .allowExtraFields(true)
                .allowMissingFields(true)
                .skipEmptyLines(true)
                .build(fields, in)) {
      Iterator<CsvFields> it = csv.iterator();
      CsvFields header = null;
      while (header == null && it.hasNext()) {
        CsvFields r = it.next();
        if (!isBlank(r)) {
          header = r;
        }
      }
      if (header == null) {
        return fileError(file, 0, "file is empty: the header line is missing");
      }
      lastLine = header.line();
      int[] cols = findColumns(file, header, columns);
      if (cols == null) {
        return false;
      }
      Row row = new Row(file, cols, header.count());
      CsvFields pending = null; // one record behind, to know which is the last
      while (it.hasNext()) {
        CsvFields r = it.next();
        lastLine = r.line();
        if (isBlank(r)) {
          continue;
        }
        if (pending != null) {
          read[file]++;
          row.rec = pending;
          row.line = pending.line();
          handler.row(row);
          if (broken[file]) {
            return false;
          }
        }
        pending = r;
        fields.keep();
      }
      if (pending != null) {
        read[file]++;
        row.rec = pending;
        row.line = pending.line();
        if (spansLines(pending) && endsInsideQuotes(path, row.line)) {
          // FastCSV takes an unclosed quote to the end of the file as one field
          reject(
              row,
              "a quoted field is not closed: the record runs from line "
                  + row.line
                  + " to the end of the file");
        } else {
          handler.row(row);
        }
      }
      return !broken[file];
    } catch (CsvParseException e) {
      long line = lastLine + 1;
      Matcher m = PARSE_LINE.matcher(String.valueOf(e.getMessage()));
      if (m.find()) {
        line = Long.parseLong(m.group(1));
      }
      String why = e.getCause() != null ? e.getCause().getMessage() : e.getMessage();
      return fileError(
          file, line, "the record is not valid CSV (" + why + "); the rest of the file is not read");
    } catch (UncheckedIOException e) {
      return ioError(file, e.getCause());
    } catch (IOException e) {
      return ioError(file, e);
    }
  }

  private static boolean spansLines(CsvFields r) {
    char[] chars = r.chars();
    for (int i = 0; i < r.count(); i++) {
      for (int j = r.start(i); j < r.end(i); j++) {
        if (chars[j] == '\n' || chars[j] == '\r') {
          return true;
        }
      }
    }
    return false;
  }

  /**
   * Whether the text from line {@code fromLine} to the end of the file has an odd number of
   * quotes, that is, ends inside a quoted field. Reads the file again; only called when the last
   * record spans several lines.
   */
  private static boolean endsInsideQuotes(Path path, long fromLine) throws IOException {
    try (java.io.InputStream in =
        new java.io.BufferedInputStream(Files.newInputStream(path), 1 << 16)) {
      long line = 1;
      int prev = -1;
      int quotes = 0;
      int b;
      while ((b = in.read()) >= 0) {
        if (line < fromLine) {
          if (b == '\n' || (prev == '\r' && b != '\n')) {
            line++;
          }
          if (prev == '\r' && b != '\n' && line == fromLine && b == '"') {
            quotes++;
          }
          prev = b;
        } else if (b == '"') {
          quotes++;
        }
      }
      return (quotes & 1) == 1;
    }
  }

  private boolean ioError(int file, IOException e) {
    if (e instanceof CharacterCodingException) {
      return fileError(
          file,
          firstNonUtf8Line(dir.resolve(FILES.get(file))),
          "the text is not valid UTF-8; the rest of the file is not read");
    }
    return fileError(file, 0, "cannot be read: " + e);
  }

  /** The first line (LF-separated) holding bytes that are not UTF-8; 0 when none is found. */
  private static long firstNonUtf8Line(Path path) {
    CharsetDecoder decoder =
        StandardCharsets.UTF_8
            .newDecoder()
            .onMalformedInput(CodingErrorAction.REPORT)
            .onUnmappableCharacter(CodingErrorAction.REPORT);
    try (java.io.InputStream in =
        new java.io.BufferedInputStream(Files.newInputStream(path), 1 << 16)) {
      java.io.ByteArrayOutputStream lineBytes = new java.io.ByteArrayOutputStream();
      long line = 1;
      int b;
      do {
        b = in.read();
        if (b == '\n' || b < 0) {
          try {
            decoder.reset().decode(java.nio.ByteBuffer.wrap(lineBytes.toByteArray()));
          } catch (CharacterCodingException e) {
            return line;
          }
          lineBytes.reset();
          line++;
        } else {
          lineBytes.write(b);
        }
      } while (b >= 0);
    } catch (IOException e) {
      return 0;
    }
    return 0;
  }

  private static boolean isBlank(CsvFields r) {
    return r.count() == 1 && r.get(0).isBlank();
  }

  private int[] findColumns(int file, CsvFields header, String[] columns) {
    List<String> problems = new ArrayList<>();
    int[] cols = columnsOf(header, columns, new ArrayList<>(), problems);
    for (String problem : problems) {
      fileError(file, 0, problem);
    }
    return cols;
  }

  /**
   * The field of each of {@code columns} in the header; null, with {@code problems} added, when one
   * is missing or appears twice. {@code names} gets the header's names.
   */
  private static int[] columnsOf(
      CsvFields header, String[] columns, List<String> names, List<String> problems) {
    int[] cols = new int[columns.length];
    Arrays.fill(cols, -1);
    for (int i = 0; i < header.count(); i++) {
      String n = header.get(i);
      names.add(n);
      for (int k = 0; k < columns.length; k++) {
        if (columns[k].equals(n)) {
          if (cols[k] >= 0) {
            problems.add("column '" + n + "' appears twice in the header");
          }
          cols[k] = i;
        }
      }
    }
    for (int k = 0; k < columns.length; k++) {
      if (cols[k] < 0) {
        problems.add(
            "missing column '" + columns[k] + "' (the header has: " + String.join(", ", names) + ")");
      }
    }
    return problems.isEmpty() ? cols : null;
  }

  /** Records a file-level error; always returns false. */
  private boolean fileError(int file, long line, String message) {
    errors.add(new DataError(FILES.get(file), line, message, ""));
    broken[file] = true;
    unsure[file] = true;
    fatal = true;
    return false;
  }

  private void reject(Row row, String message) {
    errors.add(new DataError(FILES.get(row.file), row.line, message, rawText(row.rec)));
    rejected[row.file]++;
  }

  // =====================================================================================
  // Row checks

  private void customerRow(Row row) {
    String id = row.get(1);
    if (!row.widthOk()) {
      remember(customerRejected, customerIndex, id, row.line);
      reject(row, row.widthProblem());
      return;
    }
    Problems p = problems.clear();
    String partner = row.get(0);
    if (partner.isEmpty()) {
      p.add("partner_id is empty");
    }
    newId(p, "customer_id", id, customerIndex, customerLine, customerRejected);
    if (p.isEmpty()) {
      customerIndex.put(id, customerIds.size());
      partnerIds.add(partner);
      customerIds.add(id);
      customerNames.add(row.get(2));
      customerLine.add(lineInt(row.line));
    } else {
      remember(customerRejected, customerIndex, id, row.line);
      reject(row, p.toString());
    }
  }

  private void tenantRow(Row row) {
    String id = row.get(1);
    if (!row.widthOk()) {
      remember(tenantRejected, tenantIndex, id, row.line);
      reject(row, row.widthProblem());
      return;
    }
    Problems p = problems.clear();
    int c = ref(p, "customer_id", "customer", row.get(0), customerIndex, customerRejected, F_CUSTOMERS);
    newId(p, "tenant_id", id, tenantIndex, tenantLine, tenantRejected);
    if (p.isEmpty() && c >= 0) {
      tenantIndex.put(id, tenantIdList.size());
      tenantIdList.add(id);
      tenantNameList.add(row.get(2));
      tenantCustomer.add(c);
      tenantLine.add(lineInt(row.line));
    } else if (!p.isEmpty()) {
      remember(tenantRejected, tenantIndex, id, row.line);
      reject(row, p.toString());
    } else {
      unsure[F_TENANTS] = true; // its customer could not be checked
    }
  }

  private void workloadRow(Row row) {
    String name = row.get(0);
    if (!row.widthOk()) {
      remember(workloadRejected, workloadIndex, name, row.line);
      reject(row, row.widthProblem());
      return;
    }
    Problems p = problems.clear();
    newId(p, "workload", name, workloadIndex, workloadLine, workloadRejected);
    String family = row.get(1);
    if (family.isEmpty()) {
      p.add("family is empty");
    }
    if (p.isEmpty()) {
      workloadIndex.put(name, workloadNames.size());
      workloadNames.add(name);
      workloadFamilies.add(family);
      workloadLine.add(lineInt(row.line));
    } else {
      remember(workloadRejected, workloadIndex, name, row.line);
      reject(row, p.toString());
    }
  }

  private void associationRow(Row row) {
    if (!row.widthOk()) {
      reject(row, row.widthProblem());
      return;
    }
    Problems p = problems.clear();
    int t = fastRef(row.rec, row.cols[0], tenantLookup);
    if (t < 0) {
      t = ref(p, "tenant_id", "tenant", row.get(0), tenantIndex, tenantRejected, F_TENANTS);
    }
    int w = fastRef(row.rec, row.cols[1], workloadLookup);
    if (w < 0) {
      w = ref(p, "workload", "workload", row.get(1), workloadIndex, workloadRejected, F_WORKLOADS);
    }
    String typeName = row.get(2);
    int type = -1;
    if (typeName.isEmpty()) {
      p.add("association_type is empty");
    } else {
      Integer k = typeIndex.get(typeName);
      if (k == null) {
        p.add(
            "association_type "
                + quote(typeName)
                + " is not a known association type ("
                + (typeNames.length == 0
                    ? "no types are declared"
                    : "known: " + String.join(", ", typeNames))
                + ")");
      } else {
        type = k;
      }
    }
    int start = month(p, "start_month", row.get(3), false);
    int end = month(p, "end_month", row.get(4), true);
    if (start != Month.NONE && end != Month.NONE && start > end) {
      p.add(
          "start_month " + Month.format(start) + " is after end_month " + Month.format(end));
    }
    if (p.isEmpty()) {
      if (t >= 0 && w >= 0) {
        assocTenant.add(t);
        assocWorkload.add(w);
        assocTypeCol.add(type);
        assocStart.add(start);
        assocEnd.add(end);
      }
    } else {
      reject(row, p.toString());
    }
  }

  private void usageRow(Row row) {
    if (!row.widthOk()) {
      reject(row, row.widthProblem());
      return;
    }
    Problems p = problems.clear();
    CsvFields rec = row.rec;
    int[] cols = row.cols;
    int t = fastRef(rec, cols[0], tenantLookup);
    if (t < 0) {
      t = ref(p, "tenant_id", "tenant", rec.get(cols[0]), tenantIndex, tenantRejected, F_TENANTS);
    }
    int w = fastRef(rec, cols[1], workloadLookup);
    if (w < 0) {
      w = ref(p, "workload", "workload", rec.get(cols[1]), workloadIndex, workloadRejected, F_WORKLOADS);
    }
    int m = month(p, "month", rec.view(cols[2]), false);
    long[] values = problems.values;
    char[] chars = rec.chars();
    for (int k = 0; k < MEASURES.length; k++) {
      int f = cols[3 + k];
      long v;
      if (rec.length(f) == 0) {
        v = 0;
      } else if (MEASURES[k].isMoney()) {
        v = parseMoney(chars, rec.start(f), rec.end(f));
        if (v == BAD) {
          p.add(moneyProblem(MEASURES[k].column(), rec.get(f)));
        }
      } else {
        v = parseCount(chars, rec.start(f), rec.end(f));
        if (v == BAD) {
          p.add(countProblem(MEASURES[k].column(), rec.get(f)));
        }
      }
      values[k] = v;
    }
    if (t >= 0 && w >= 0 && m != Month.NONE) {
      if (usageCount == usageTenant.length && !growUsage()) {
        fileError(F_USAGE, row.line, "usage.csv has more rows than the loader can hold (" + MAX_ROWS + ")");
        return;
      }
      // Keep it even when bad, so that a later row with the same key is found as a duplicate.
      int i = usageCount++;
      usageTenant[i] = t;
      usageWorkload[i] = w;
      usageMonth[i] = m;
      int line = lineInt(row.line);
      usageLine[i] = p.isEmpty() ? line : -line;
      for (int k = 0; k < MEASURES.length; k++) {
        usageMeasures[k][i] = values[k];
      }
      if (m < minMonth) {
        minMonth = m;
      }
      if (m > maxMonth) {
        maxMonth = m;
      }
    }
    if (!p.isEmpty()) {
      reject(row, p.toString());
    }
  }

  /** The index of the id in field {@code i}, looked up without making a String; -1 if unknown. */
  private static int fastRef(CsvFields rec, int i, IdIndex lookup) {
    return lookup.get(rec.chars(), rec.start(i), rec.end(i));
  }

  /** Checks that a key cell is filled and not used by an earlier row of the same file. */
  private static void newId(
      Problems p,
      String column,
      String id,
      Map<String, Integer> index,
      IntColumn lines,
      Map<String, Long> rejectedIds) {
    if (id.isEmpty()) {
      p.add(column + " is empty");
      return;
    }
    Integer i = index.get(id);
    Long earlier = i != null ? Long.valueOf(lines.get(i)) : rejectedIds.get(id);
    if (earlier != null) {
      p.add(column + " " + quote(id) + " is already used at line " + earlier);
    }
  }

  /** Remembers the first rejected row of an id that no good row holds. */
  private static void remember(
      Map<String, Long> rejectedIds, Map<String, Integer> index, String id, long line) {
    if (!id.isEmpty() && !index.containsKey(id)) {
      rejectedIds.putIfAbsent(id, line);
    }
  }

  /**
   * Resolves a reference to another file. Returns the index, or -1 with a problem added, or -2
   * without a problem when the other file could not be read (its error is reported already).
   */
  private int ref(
      Problems p,
      String column,
      String what,
      String id,
      Map<String, Integer> index,
      Map<String, Long> rejectedIds,
      int targetFile) {
    if (id.isEmpty()) {
      p.add(column + " is empty");
      return -1;
    }
    Integer i = index.get(id);
    if (i != null) {
      return i;
    }
    Long line = rejectedIds.get(id);
    if (line != null) {
      p.add(what + " " + quote(id) + " was rejected (" + FILES.get(targetFile) + ":" + line + ")");
      return -1;
    }
    if (unsure[targetFile]) {
      return -2;
    }
    p.add(what + " " + quote(id) + " is not in " + FILES.get(targetFile));
    return -1;
  }

  /**
   * Parses a month cell. Returns the month; {@link Month#OPEN} for an empty optional cell; {@link
   * Month#NONE} with a problem added otherwise.
   */
  private static int month(Problems p, String column, CharSequence s, boolean optional) {
    if (s.length() == 0) {
      if (optional) {
        return Month.OPEN;
      }
      p.add(column + " is empty");
      return Month.NONE;
    }
    int m = Month.parse(s);
    if (m == Month.NONE) {
      p.add(column + " " + quote(s.toString()) + " is not a month (YYYY-MM)");
    }
    return m;
  }

  private int lineInt(long line) {
    return line > Integer.MAX_VALUE ? Integer.MAX_VALUE : (int) line;
  }

  // =====================================================================================
  // Numbers

  /**
   * Parses money {@code -?[0-9]+(\.[0-9]{1,2})?} with at most 16 digits before the point into exact
   * cents; {@link #BAD} when the text is not such an amount.
   */
  static long parseMoney(String s) {
    return parseMoney(s.toCharArray(), 0, s.length());
  }

  /** {@link #parseMoney(String)} of {@code c[from..to-1]}. */
  static long parseMoney(byte[] c, int from, int to) {
    int n = to;
    int i = from;
    boolean negative = false;
    if (n > i && c[i] == '-') {
      negative = true;
      i++;
    }
    int intStart = i;
    long units = 0;
    while (i < n) {
      int ch = c[i];
      if (ch < '0' || ch > '9') {
        break;
      }
      if (i - intStart >= 16) {
        return BAD;
      }
      units = units * 10 + (ch - '0');
      i++;
    }
    if (i == intStart) {
      return BAD;
    }
    long cents = units * 100;
    if (i < n) {
      if (c[i] != '.') {
        return BAD;
      }
      i++;
      int fracStart = i;
      int frac = 0;
      while (i < n) {
        int ch = c[i];
        if (ch < '0' || ch > '9' || i - fracStart >= 2) {
          return BAD;
        }
        frac = frac * 10 + (ch - '0');
        i++;
      }
      int digits = i - fracStart;
      if (digits == 0) {
        return BAD;
      }
      cents += digits == 1 ? frac * 10 : frac;
    }
    return negative ? -cents : cents;
  }

  /** Parses a count {@code [0-9]+} that fits a long; {@link #BAD} otherwise. */
  static long parseCount(String s) {
    return parseCount(s.toCharArray(), 0, s.length());
  }

  /** {@link #parseCount(String)} of {@code c[from..to-1]}. */
  static long parseCount(byte[] c, int from, int to) {
    if (to == from) {
      return BAD;
    }
    long v = 0;
    for (int i = from; i < to; i++) {
      int ch = c[i];
      if (ch < '0' || ch > '9') {
        return BAD;
      }
      int d = ch - '0';
      if (v > (Long.MAX_VALUE - d) / 10) {
        return BAD;
      }
      v = v * 10 + d;
    }
    return v;
  }

  /** {@link #parseMoney(String)} of {@code c[from..to-1]}. */
  static long parseMoney(char[] c, int from, int to) {
    return parseMoney(ascii(c, from, to), 0, to - from);
  }

  /** {@link #parseCount(String)} of {@code c[from..to-1]}. */
  static long parseCount(char[] c, int from, int to) {
    return parseCount(ascii(c, from, to), 0, to - from);
  }

  /** The chars {@code c[from..to-1]} as bytes, with any char that is not ASCII made a NUL. */
  private static byte[] ascii(char[] c, int from, int to) {
    byte[] b = new byte[to - from];
    for (int i = from; i < to; i++) {
      b[i - from] = c[i] < 0x80 ? (byte) c[i] : 0;
    }
    return b;
  }

  static String moneyProblem(String column, String s) {
    if (TOO_MANY_DECIMALS.matcher(s).matches()) {
      return column + " " + quote(s) + " has more than 2 decimal places";
    }
    if (TOO_MANY_DIGITS.matcher(s).matches()) {
      return column + " " + quote(s) + " has more than 16 digits before the decimal point";
    }
    return column + " " + quote(s) + " is not an amount (like 1234.56 or -0.5)";
  }

  static String countProblem(String column, String s) {
    if (NEGATIVE_COUNT.matcher(s).matches()) {
      return column + " " + quote(s) + " is negative";
    }
    if (DIGITS.matcher(s).matches()) {
      return column + " " + quote(s) + " is too large";
    }
    return column + " " + quote(s) + " is not a whole number (digits only)";
  }

  /** A cell value for a message: in single quotes, control characters escaped, long ones cut. */
  static String quote(String s) {
    StringBuilder sb = new StringBuilder(s.length() + 2).append('\'');
    int n = Math.min(s.length(), MAX_SHOWN);
    for (int i = 0; i < n; i++) {
      char ch = s.charAt(i);
      switch (ch) {
        case '\n' -> sb.append("\\n");
        case '\r' -> sb.append("\\r");
        case '\t' -> sb.append("\\t");
        default -> sb.append(ch);
      }
    }
    if (s.length() > n) {
      sb.append("...");
    }
    return sb.append('\'').toString();
  }

  /** The record written back as one CSV row (fields quoted where RFC 4180 needs it). */
  static String rawText(CsvFields rec) {
    StringBuilder sb = new StringBuilder();
    for (int i = 0; i < rec.count(); i++) {
      if (i > 0) {
        sb.append(',');
      }
      appendCsvField(sb, rec.get(i));
    }
    return sb.toString();
  }

  static void appendCsvField(StringBuilder sb, String f) {
    boolean quote = false;
    for (int j = 0; j < f.length() && !quote; j++) {
      char ch = f.charAt(j);
      quote = ch == ',' || ch == '"' || ch == '\n' || ch == '\r';
    }
    if (!quote) {
      sb.append(f);
      return;
    }
    sb.append('"');
    for (int j = 0; j < f.length(); j++) {
      char ch = f.charAt(j);
      if (ch == '"') {
        sb.append('"');
      }
      sb.append(ch);
    }
    sb.append('"');
  }

  /** Collects the problems of one row; reused for every row. */
  private static final class Problems {
    private final StringBuilder sb = new StringBuilder();
    final long[] values = new long[MEASURES.length];

    Problems clear() {
      sb.setLength(0);
      return this;
    }

    void add(String problem) {
      if (sb.length() > 0) {
        sb.append("; ");
      }
      sb.append(problem);
    }

    boolean isEmpty() {
      return sb.length() == 0;
    }

    @Override
    public String toString() {
      return sb.toString();
    }
  }

  // =====================================================================================
  // Ordering

  /** Groups tenants per customer (customer order, then file order) and renumbers them. */
  private void orderTenants() {
    int customers = customerIds.size();
    int n = tenantIdList.size();
    int[] start = new int[customers + 1];
    for (int i = 0; i < n; i++) {
      start[tenantCustomer.get(i) + 1]++;
    }
    for (int c = 0; c < customers; c++) {
      start[c + 1] += start[c];
    }
    customerTenantStart = start.clone();
    int[] finalIndex = new int[n];
    tenantIds = new String[n];
    tenantNames = new String[n];
    for (int i = 0; i < n; i++) {
      int f = start[tenantCustomer.get(i)]++;
      finalIndex[i] = f;
      tenantIds[f] = tenantIdList.get(i);
      tenantNames[f] = tenantNameList.get(i);
    }
    for (Map.Entry<String, Integer> e : tenantIndex.entrySet()) {
      e.setValue(finalIndex[e.getValue()]);
    }
    tenantIdList.clear();
    tenantNameList.clear();
    tenantCustomer.clear();
    tenantLine.clear();
  }

  /** Stable counting sort of {@code src[0..n-1]} by {@code key - offset} in {@code [0, range)}. */
  private static void countingSort(int[] src, int[] dst, int n, int[] key, int offset, int range) {
    int[] count = new int[range + 1];
    for (int i = 0; i < n; i++) {
      count[key[src[i]] - offset + 1]++;
    }
    for (int k = 0; k < range; k++) {
      count[k + 1] += count[k];
    }
    for (int i = 0; i < n; i++) {
      int r = src[i];
      dst[count[key[r] - offset]++] = r;
    }
  }

  private static int[] identity(int n) {
    int[] a = new int[n];
    for (int i = 0; i < n; i++) {
      a[i] = i;
    }
    return a;
  }

  /** A file's plan; null when the file cannot be read (reported when it is read). */
  private static PlainCsv.Plan join(java.util.concurrent.FutureTask<PlainCsv.Plan> task) {
    try {
      return task.get();
    } catch (java.util.concurrent.ExecutionException e) {
      return null;
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return null; // the arrays grow as rows come
    }
  }

  /** A plain file's width (fields per row) and where each column it needs is. */
  private record PlainHeader(int width, int[] cols) {}

  /** The header of a plan, or null when the file is not plain or lacks one of {@code columns}. */
  private static PlainHeader plainHeader(PlainCsv.Plan plan, String[] columns) {
    if (plan == null || plan.header() == null) {
      return null;
    }
    try (CsvReader<CsvFields> csv = CsvReader.builder().build(new CsvFields.Handler(), plan.header())) {
      Iterator<CsvFields> it = csv.iterator();
      CsvFields header = it.hasNext() ? it.next() : null;
      int[] cols = header == null ? null : columnsOf(header, columns, new ArrayList<>(), new ArrayList<>());
      return cols == null ? null : new PlainHeader(header.count(), cols);
    } catch (IOException | RuntimeException e) {
      return null;
    }
  }

  /**
   * Reads associations.csv with {@link PlainCsv} on every core when it is plain and every row is
   * good; false otherwise (then nothing is kept and the general reader reads the file).
   */
  private boolean readPlainAssociations(PlainCsv.Plan plan) {
    PlainHeader header = plainHeader(plan, ASSOCIATION_COLUMNS);
    if (header == null || plan.capacity() > MAX_ROWS) {
      return false;
    }
    int[] cols = header.cols();
    int rows = (int) plan.capacity();
    IntColumn[] out = {assocTenant, assocWorkload, assocTypeCol, assocStart, assocEnd};
    for (IntColumn c : out) {
      c.zeros(rows);
    }
    IdIndex types = new IdIndex(typeIndex);
    boolean plain =
        PlainCsv.read(
            dir.resolve(ASSOCIATIONS),
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
                int to = start[cols[4]] == end[cols[4]] ? Month.OPEN : Month.parse(b, start[cols[4]], end[cols[4]]);
                if (t < 0 || w < 0 || type < 0 || from == Month.NONE || to == Month.NONE || from > to) {
                  return false;
                }
                assocTenant.set(i, t);
                assocWorkload.set(i, w);
                assocTypeCol.set(i, type);
                assocStart.set(i, from);
                assocEnd.set(i, to);
                return true;
              };
            });
    if (!plain) {
      for (IntColumn c : out) {
        c.clear();
      }
      return false;
    }
    read[F_ASSOCIATIONS] = rows;
    return true;
  }

  /**
   * Reads usage.csv with {@link PlainUsageReader} on every core, and returns its runs. Null when
   * the file is not plain, its header lacks a column, or a tenant and workload has two runs: then
   * nothing is kept and the general reader reads the file.
   */
  private Runs readPlainUsage(PlainCsv.Plan plan, int capacity) {
    PlainHeader header = plainHeader(plan, USAGE_COLUMNS);
    if (header == null || plan.capacity() > capacity) {
      return null;
    }
    allocateUsage(capacity);
    PlainUsageReader.Columns out = new PlainUsageReader.Columns();
    out.month = usageMonth;
    out.measures = usageNarrow;
    PlainUsageReader reader =
        new PlainUsageReader(
            dir.resolve(USAGE), plan, header.width(), header.cols(), tenantLookup, workloadLookup);
    if (!reader.read(out)) {
      dropUsageColumns();
      return null;
    }
    int rows = (int) plan.capacity();
    for (long[] v : out.wide) {
      int k = (int) v[1];
      if (usageNarrow[k] != null) { // the measure is held as longs from now on
        long[] longs = new long[usageNarrow[k].length];
        for (int i = 0; i < longs.length; i++) {
          longs[i] = usageNarrow[k][i];
        }
        usageMeasures[k] = longs;
        usageNarrow[k] = null;
      }
      usageMeasures[k][(int) v[0]] = v[2];
    }
    Runs runs = sortRuns(out.runTenant, out.runWorkload, out.runStart, out.falling, rows);
    if (runs != null) {
      usageCount = rows;
      read[F_USAGE] = rows;
      minMonth = out.minMonth;
      maxMonth = out.maxMonth;
    } else {
      dropUsageColumns();
    }
    return runs;
  }

  /**
   * Lets go of the columns {@link PlainUsageReader} filled before the general reader reads the
   * file again. A full collection now lets the general reader's columns take the same memory
   * instead of adding to the peak.
   */
  private void dropUsageColumns() {
    usageMonth = new int[0];
    java.util.Arrays.fill(usageNarrow, null);
    java.util.Arrays.fill(usageMeasures, null);
    System.gc();
  }

  /** Sizes the usage months and measures (as ints) for {@code capacity} rows, for {@link PlainUsageReader}. */
  private void allocateUsage(int capacity) {
    usageMonth = new int[capacity];
    for (int k = 0; k < MEASURES.length; k++) {
      usageNarrow[k] = new int[capacity];
      usageMeasures[k] = null;
    }
  }

  /**
   * Sizes the columns the general reader fills for {@code capacity} rows (they grow if more
   * come): months, measures as longs, tenants, workloads and lines.
   */
  private void allocateGeneralColumns(int capacity) {
    usageMonth = new int[capacity];
    for (int k = 0; k < MEASURES.length; k++) {
      usageNarrow[k] = null;
      usageMeasures[k] = new long[capacity];
    }
    usageTenant = new int[capacity];
    usageWorkload = new int[capacity];
    usageLine = new int[capacity];
  }

  /** Makes room for more rows than estimated; false when the limit is reached. */
  private boolean growUsage() {
    int capacity = usageTenant.length;
    if (capacity >= MAX_ROWS) {
      return false;
    }
    int more = (int) Math.min(MAX_ROWS, Math.max(16L, capacity + (capacity >> 1)));
    usageTenant = Arrays.copyOf(usageTenant, more);
    usageWorkload = Arrays.copyOf(usageWorkload, more);
    usageMonth = Arrays.copyOf(usageMonth, more);
    usageLine = Arrays.copyOf(usageLine, more);
    for (int k = 0; k < MEASURES.length; k++) {
      usageMeasures[k] = Arrays.copyOf(usageMeasures[k], more);
    }
    return true;
  }

  /**
   * The usage row indexes in (tenant, workload, month, file line) order, by three stable counting
   * sorts (for rows that {@link #runsInPlace()} cannot leave where they are).
   */
  private int[] sortUsage() {
    int n = usageCount;
    int[] a = identity(n);
    if (n == 0) {
      return a;
    }
    int[] b = new int[n];
    countingSort(a, b, n, usageMonth, minMonth, maxMonth - minMonth + 1);
    countingSort(b, a, n, usageWorkload, 0, workloadNames.size());
    countingSort(a, b, n, usageTenant, 0, tenantIds.length);
    return b;
  }

  /**
   * Finds duplicate (tenant, workload, month) rows (a row repeating an earlier row's key is
   * rejected), then reorders {@code order} to hold the good rows first (still sorted), the others
   * after them; returns the number of good rows.
   */
  private int dropBadAndDuplicateRows(int[] order) {
    int n = usageCount;
    List<long[]> duplicates = new ArrayList<>(); // {row, first row}
    int runStart = 0;
    for (int i = 1; i < n; i++) {
      int r = order[i];
      int q = order[runStart];
      if (usageTenant[r] == usageTenant[q]
          && usageWorkload[r] == usageWorkload[q]
          && usageMonth[r] == usageMonth[q]) {
        duplicates.add(new long[] {r, q});
      } else {
        runStart = i;
      }
    }
    if (!duplicates.isEmpty()) {
      reportDuplicates(duplicates);
    }
    int kept = 0;
    IntColumn dropped = new IntColumn();
    for (int i = 0; i < n; i++) {
      int r = order[i];
      if (usageLine[r] > 0) {
        order[kept++] = r;
      } else {
        dropped.add(r);
      }
    }
    for (int i = 0; i < dropped.size(); i++) {
      order[kept + i] = dropped.get(i);
    }
    return kept;
  }

  private void reportDuplicates(List<long[]> duplicates) {
    Set<Long> lines = new HashSet<>();
    for (long[] d : duplicates) {
      lines.add((long) Math.abs(usageLine[(int) d[0]]));
    }
    Map<Long, String> raw = rawRows(F_USAGE, lines);
    Map<Long, Integer> errorAt = null;
    for (long[] d : duplicates) {
      int r = (int) d[0];
      int q = (int) d[1];
      int line = usageLine[r];
      long absLine = Math.abs((long) line);
      String message =
          "tenant "
              + quote(tenantIds[usageTenant[r]])
              + ", workload "
              + quote(workloadNames.get(usageWorkload[r]))
              + ", month "
              + Month.format(usageMonth[r])
              + " already has a row at line "
              + Math.abs(usageLine[q]);
      if (line > 0) {
        errors.add(new DataError(USAGE, absLine, message, raw.getOrDefault(absLine, "")));
        rejected[F_USAGE]++;
        usageLine[r] = -line;
      } else {
        // already rejected for another reason: add this one to its message
        if (errorAt == null) {
          errorAt = new HashMap<>();
          for (int i = 0; i < errors.size(); i++) {
            if (errors.get(i).file().equals(USAGE)) {
              errorAt.put(errors.get(i).line(), i);
            }
          }
        }
        Integer i = errorAt.get(absLine);
        if (i != null) {
          DataError e = errors.get(i);
          errors.set(i, new DataError(e.file(), e.line(), e.message() + "; " + message, e.row()));
        }
      }
    }
  }

  /** Reads a file again for the raw text of a few rows (only used for error messages). */
  private Map<Long, String> rawRows(int file, Set<Long> lines) {
    Map<Long, String> out = new HashMap<>();
    try (CsvReader<CsvFields> csv =
        CsvReader.builder()
            .allowExtraFields(true)
            .allowMissingFields(true)
            .build(
                new CsvFields.Handler(),
                new InputStreamReader(Bom.open(dir.resolve(FILES.get(file))), StandardCharsets.UTF_8))) {
      for (CsvFields r : csv) {
        if (lines.contains(r.line())) {
          out.put(r.line(), rawText(r));
          if (out.size() == lines.size()) {
            break;
          }
        }
      }
    } catch (IOException | RuntimeException e) {
      // the rows were read once already; without the text the errors still stand
    }
    return out;
  }

  // =====================================================================================
  // Building

  /**
   * Reorders the arrays in place so that position {@code i} holds what was at {@code order[i]},
   * for the permutation {@code order[0..n-1]}; {@code order} is used up.
   */
  private static void permute(int[] order, int n, int[][] ints, long[][] longs) {
    int[] savedInts = new int[ints.length];
    long[] saved = new long[longs.length];
    for (int i = 0; i < n; i++) {
      if (order[i] < 0 || order[i] == i) {
        continue;
      }
      for (int k = 0; k < ints.length; k++) {
        savedInts[k] = ints[k][i];
      }
      for (int k = 0; k < longs.length; k++) {
        saved[k] = longs[k][i];
      }
      int j = i;
      while (true) {
        int from = order[j];
        order[j] = -1; // done
        if (from == i) {
          for (int k = 0; k < ints.length; k++) {
            ints[k][j] = savedInts[k];
          }
          for (int k = 0; k < longs.length; k++) {
            longs[k][j] = saved[k];
          }
          break;
        }
        for (int k = 0; k < ints.length; k++) {
          ints[k][j] = ints[k][from];
        }
        for (int k = 0; k < longs.length; k++) {
          longs[k][j] = longs[k][from];
        }
        j = from;
      }
    }
  }

  /**
   * The usage rows of each tenant and workload: {@code [start[i], end[i])} holds the rows of
   * {@code tenant[i]} and {@code workload[i]} in rising months; in (tenant, workload) order, each
   * key once.
   */
  private record Runs(int[] tenant, int[] workload, int[] start, int[] end) {
    int size() {
      return tenant.length;
    }
  }

  /**
   * The runs of the rows as they are, when every row is good and each tenant and workload's rows
   * are one run of rising or falling months; null otherwise (then the rows are sorted). Falling
   * runs are turned round in place.
   */
  private Runs runsInPlace() {
    int n = usageCount;
    IntColumn tenant = new IntColumn();
    IntColumn workload = new IntColumn();
    IntColumn starts = new IntColumn();
    java.util.BitSet falling = new java.util.BitSet();
    for (int i = 0; i < n; i++) {
      if (usageLine[i] <= 0) {
        return null; // a bad row: sorting finds its duplicates and drops it
      }
      int run = starts.size() - 1;
      if (i > 0 && usageTenant[i] == usageTenant[i - 1] && usageWorkload[i] == usageWorkload[i - 1]) {
        int step = Integer.compare(usageMonth[i], usageMonth[i - 1]);
        if (starts.get(run) == i - 1 && step < 0) {
          falling.set(run); // the second row of a run sets its direction
        } else if (step == 0 || (step < 0) != falling.get(run)) {
          return null;
        }
      } else {
        if (starts.size() > n / 2) {
          return null; // hardly grouped
        }
        tenant.add(usageTenant[i]);
        workload.add(usageWorkload[i]);
        starts.add(i);
      }
    }
    return sortRuns(tenant, workload, starts, falling, n);
  }

  /**
   * The runs in (tenant, workload) order, from runs in file order (see {@link
   * PlainUsageReader.Columns}) over {@code rows} rows; falling runs are turned round in place.
   * Null, with nothing changed, when a tenant and workload has two runs.
   */
  private Runs sortRuns(
      IntColumn runTenant, IntColumn runWorkload, IntColumn runStart, java.util.BitSet falling, int rows) {
    int count = runStart.size();
    int[] tenant = runTenant.toArray();
    int[] workload = runWorkload.toArray();
    int[] a = identity(count);
    int[] b = new int[count];
    countingSort(a, b, count, workload, 0, workloadNames.size());
    countingSort(b, a, count, tenant, 0, tenantIds.length);
    Runs runs = new Runs(new int[count], new int[count], new int[count], new int[count]);
    for (int j = 0; j < count; j++) {
      int r = a[j];
      if (j > 0 && tenant[r] == runs.tenant[j - 1] && workload[r] == runs.workload[j - 1]) {
        return null; // a tenant and workload in two runs
      }
      runs.tenant[j] = tenant[r];
      runs.workload[j] = workload[r];
      runs.start[j] = runStart.get(r);
      runs.end[j] = r + 1 < count ? runStart.get(r + 1) : rows;
    }
    for (int r = falling.nextSetBit(0); r >= 0; r = falling.nextSetBit(r + 1)) {
      int end = r + 1 < count ? runStart.get(r + 1) : rows;
      for (int i = runStart.get(r), j = end - 1; i < j; i++, j--) {
        swap(usageMonth, i, j);
        for (int k = 0; k < MEASURES.length; k++) {
          if (usageNarrow[k] != null) {
            swap(usageNarrow[k], i, j);
          } else {
            long x = usageMeasures[k][i];
            usageMeasures[k][i] = usageMeasures[k][j];
            usageMeasures[k][j] = x;
          }
        }
      }
    }
    return runs;
  }

  private static void swap(int[] a, int i, int j) {
    int x = a[i];
    a[i] = a[j];
    a[j] = x;
  }

  /**
   * Puts the first {@code rows} rows of {@code order} (the good ones, sorted) in that order in
   * place, and returns their runs. {@code order} is used up.
   */
  private Runs sortRows(int[] order, int rows) {
    permute(order, usageCount, new int[][] {usageTenant, usageWorkload, usageMonth}, usageMeasures);
    IntColumn starts = new IntColumn();
    for (int i = 0; i < rows; i++) {
      if (i == 0 || usageTenant[i] != usageTenant[i - 1] || usageWorkload[i] != usageWorkload[i - 1]) {
        starts.add(i);
      }
    }
    int count = starts.size();
    starts.add(rows);
    Runs runs = new Runs(new int[count], new int[count], new int[count], new int[count]);
    for (int j = 0; j < count; j++) {
      int i = starts.get(j);
      runs.tenant[j] = usageTenant[i];
      runs.workload[j] = usageWorkload[i];
      runs.start[j] = i;
      runs.end[j] = starts.get(j + 1);
    }
    return runs;
  }

  /** The dataset of the first {@code rows} usage rows, whose runs are {@code runs}. */
  private Dataset build(Runs runs, int rows) {
    // associations in (tenant, workload, file line) order
    int a = assocTenant.size();
    int[] x = identity(a);
    int[] y = new int[a];
    int[] assocT = assocTenant.toArray();
    int[] assocW = assocWorkload.toArray();
    countingSort(x, y, a, assocW, 0, workloadNames.size());
    countingSort(y, x, a, assocT, 0, tenantIds.length);
    int[] assocOrder = x;

    // pairs: merge the usage runs and the associations of each tenant
    int tenants = tenantIds.length;
    int[] tenantPairStart = new int[tenants + 1];
    IntColumn pairWorkload = new IntColumn();
    IntColumn pairRowStart = new IntColumn();
    IntColumn pairRowEnd = new IntColumn();
    IntColumn pairAssocStart = new IntColumn();
    int ri = 0;
    int ai = 0;
    int runCount = runs.size();
    for (int t = 0; t < tenants; t++) {
      tenantPairStart[t] = pairWorkload.size();
      while (true) {
        int rw = ri < runCount && runs.tenant[ri] == t ? runs.workload[ri] : Integer.MAX_VALUE;
        int aw =
            ai < a && assocT[assocOrder[ai]] == t
                ? assocW[assocOrder[ai]]
                : Integer.MAX_VALUE;
        int w = Math.min(rw, aw);
        if (w == Integer.MAX_VALUE) {
          break;
        }
        pairWorkload.add(w);
        if (rw == w) {
          pairRowStart.add(runs.start[ri]);
          pairRowEnd.add(runs.end[ri]);
          ri++;
        } else {
          pairRowStart.add(0);
          pairRowEnd.add(0);
        }
        pairAssocStart.add(ai);
        while (ai < a
            && assocT[assocOrder[ai]] == t
            && assocW[assocOrder[ai]] == w) {
          ai++;
        }
      }
    }
    tenantPairStart[tenants] = pairWorkload.size();
    pairAssocStart.add(a);

    usageTenant = null;
    usageWorkload = null;
    usageLine = null;
    int[] rowMonth = usageMonth.length == rows ? usageMonth : Arrays.copyOf(usageMonth, rows);
    usageMonth = null;
    long[][] rowMeasures = new long[MEASURES.length][];
    int[][] rowNarrow = new int[MEASURES.length][];
    for (int k = 0; k < MEASURES.length; k++) {
      long[] m = usageMeasures[k];
      int[] n = usageNarrow[k];
      usageMeasures[k] = null;
      usageNarrow[k] = null;
      if (n != null) {
        rowNarrow[k] = n.length == rows ? n : Arrays.copyOf(n, rows);
      } else {
        rowMeasures[k] = m.length == rows ? m : Arrays.copyOf(m, rows);
      }
    }
    int latest = Month.NONE;
    for (int m : rowMonth) {
      if (m > latest) {
        latest = m;
      }
    }

    return new Dataset(
        partnerIds.toArray(new String[0]),
        customerIds.toArray(new String[0]),
        customerNames.toArray(new String[0]),
        customerTenantStart,
        tenantIds,
        tenantNames,
        tenantPairStart,
        workloadNames.toArray(new String[0]),
        workloadFamilies.toArray(new String[0]),
        typeNames.clone(),
        pairWorkload.toArray(),
        pairRowStart.toArray(),
        pairRowEnd.toArray(),
        pairAssocStart.toArray(),
        rowMonth,
        rowMeasures,
        rowNarrow,
        assocTypeCol.gather(assocOrder, a),
        assocStart.gather(assocOrder, a),
        assocEnd.gather(assocOrder, a),
        latest);
  }
}
