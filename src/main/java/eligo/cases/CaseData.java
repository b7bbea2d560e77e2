package eligo.cases;

import eligo.cases.CaseFile.Association;
import eligo.cases.CaseFile.Case;
import eligo.cases.CaseFile.Customer;
import eligo.cases.CaseFile.Data;
import eligo.cases.CaseFile.Tenant;
import eligo.cases.CaseFile.Usage;
import eligo.cases.CaseFile.Workload;
import eligo.data.Dataset;
import eligo.data.Measure;
import eligo.data.Month;
import eligo.lang.Diagnostic;
import eligo.lang.Span;
import eligo.io.DataError;
import eligo.io.DataException;
import eligo.io.DatasetLoader;
import eligo.io.Mode;
import eligo.io.Texts;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * Turns a case's inline data into a {@link Dataset} through the real loader: the five CSV files
 * are written to a temporary folder and loaded strictly, so a case cannot describe data that
 * {@code eligo run} would reject. The loader's errors come back at the case file's lines.
 */
public final class CaseData {
  private CaseData() {}

  /** The dataset, or (null and) the data errors at the lines of the case that wrote them. */
  public record Result(Dataset dataset, List<Diagnostic> diagnostics) {}

  private static final Pattern NOT_IN_FILE = Pattern.compile(" is not in \\w+\\.csv");
  private static final Pattern AT_LINE = Pattern.compile(" at line (\\d+)");

  public static Result load(Case c, List<String> associationTypes) {
    try {
      Path dir = Files.createTempDirectory("eligo-case");
      try {
        Map<String, List<Span>> lines = write(c.data(), dir);
        try {
          return new Result(DatasetLoader.load(dir, associationTypes, Mode.STRICT).dataset(), List.of());
        } catch (DataException e) {
          List<Diagnostic> out = new ArrayList<>();
          for (DataError error : e.errors()) {
            List<Span> spans = lines.get(error.file());
            out.add(Diagnostic.error(at(spans, error.line(), c.span()), message(error.message(), spans, c.span())));
          }
          return new Result(null, out);
        }
      } finally {
        deleteTree(dir);
      }
    } catch (IOException e) {
      throw new UncheckedIOException("cannot write the data of case \"" + c.name() + "\" to a temporary folder", e);
    }
  }

  /** Writes the five files; returns, per file, the span of the case line behind each CSV row. */
  private static Map<String, List<Span>> write(Data d, Path dir) throws IOException {
    Map<String, List<Span>> lines = new LinkedHashMap<>();
    file(dir, DatasetLoader.CUSTOMERS, List.of("partner_id", "customer_id", "customer_name"), d.customers(),
        x -> List.of(x.partner(), x.id(), x.name()), Customer::span, lines);
    file(dir, DatasetLoader.TENANTS, List.of("customer_id", "tenant_id", "tenant_name"), d.tenants(),
        x -> List.of(x.customer() == null ? "" : x.customer(), x.id(), x.id()), Tenant::span, lines);
    file(dir, DatasetLoader.WORKLOADS, List.of("workload", "family"), d.workloads(),
        x -> List.of(x.name(), x.family()), Workload::span, lines);
    file(dir, DatasetLoader.ASSOCIATIONS, List.of("tenant_id", "workload", "association_type", "start_month", "end_month"), d.associations(),
        x -> List.of(x.tenant(), x.workload(), x.type(), Month.format(x.start()), x.end() == Month.OPEN ? "" : Month.format(x.end())),
        Association::span, lines);
    List<String> header = new ArrayList<>(List.of("tenant_id", "workload", "month"));
    for (Measure m : Measure.values()) {
      header.add(m.column());
    }
    file(dir, DatasetLoader.USAGE, header, d.usage(), x -> {
      List<String> row = new ArrayList<>(List.of(x.tenant(), x.workload(), Month.format(x.month())));
      for (Measure m : Measure.values()) {
        row.add(x.figures().getOrDefault(m, ""));
      }
      return row;
    }, Usage::span, lines);
    return lines;
  }

  private static <T> void file(Path dir, String name, List<String> header, List<T> items, Function<T, List<String>> row, Function<T, Span> span, Map<String, List<Span>> lines) throws IOException {
    StringBuilder sb = new StringBuilder();
    line(sb, header);
    List<Span> spans = new ArrayList<>();
    for (T x : items) {
      line(sb, row.apply(x));
      spans.add(span.apply(x));
    }
    Files.writeString(dir.resolve(name), sb, StandardCharsets.UTF_8);
    lines.put(name, spans);
  }

  private static void line(StringBuilder sb, List<String> fields) {
    for (int i = 0; i < fields.size(); i++) {
      sb.append(i == 0 ? "" : ",").append(Texts.csv(fields.get(i)));
    }
    sb.append('\n');
  }

  /** The case line behind CSV line {@code line} (line 1 is the header). */
  private static Span at(List<Span> spans, long line, Span fallback) {
    long row = line - 2;
    return spans != null && row >= 0 && row < spans.size() ? spans.get((int) row) : fallback;
  }

  /** The loader's message in the words of a case file: case lines instead of CSV lines. */
  private static String message(String message, List<Span> spans, Span fallback) {
    String s = NOT_IN_FILE.matcher(message).replaceAll(" is not declared in this case");
    Matcher m = AT_LINE.matcher(s);
    StringBuilder sb = new StringBuilder();
    while (m.find()) {
      m.appendReplacement(sb, " at line " + at(spans, Long.parseLong(m.group(1)), fallback).line());
    }
    m.appendTail(sb);
    return sb.toString();
  }

  private static void deleteTree(Path dir) throws IOException {
    try (Stream<Path> s = Files.walk(dir)) {
      for (Path p : s.sorted(Comparator.reverseOrder()).toList()) {
        Files.deleteIfExists(p);
      }
    }
  }
}
