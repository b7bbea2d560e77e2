package eligo.cases;

import eligo.cases.CaseFile.Association;
import eligo.cases.CaseFile.Case;
import eligo.cases.CaseFile.Customer;
import eligo.cases.CaseFile.Data;
import eligo.cases.CaseFile.Tenant;
import eligo.cases.CaseFile.Usage;
import eligo.cases.CaseFile.Workload;
import eligo.check.DataBinding;
import eligo.check.Frontend;
import eligo.data.Dataset;
import eligo.data.Measure;
import eligo.data.Month;
import eligo.io.CellChecks;
import eligo.io.DataError;
import eligo.io.DataException;
import eligo.io.DataSource;
import eligo.io.DatasetLoader;
import eligo.io.Mode;
import eligo.io.Texts;
import eligo.ir.Ir;
import eligo.lang.Diagnostic;
import eligo.lang.Span;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;

/**
 * Turns a case's inline data into a {@link Dataset} through the real loader: the five CSV files are
 * written in memory and loaded strictly, so a case cannot describe data that {@code eligo run}
 * would reject. The loader's errors come back at the case file's lines, and its messages point at
 * case lines ({@link CaseSource}).
 */
public final class CaseData {
  private CaseData() {}

  /**
   * The dataset, or (null and) the data errors at the lines of the case that wrote them; with
   * criteria, the diagnostics of holding them against the case's data.
   */
  public record Result(Dataset dataset, List<Diagnostic> diagnostics) {}

  public static Result load(Case c, List<String> associationTypes) {
    return load(c, associationTypes, null);
  }

  /**
   * As {@link #load(Case, List)}, with the names of {@code criteria} held against the case's data
   * ({@link DataBinding#checkSample}): a workload or family that differs from one of the case's
   * only in case or spaces is an error at the criteria line; a near miss of a workload of the case
   * is a warning. Association types are not bound here: a type text of a case that the criteria do
   * not declare is the case's slip, reported at the case line by the loader.
   */
  public static Result load(Case c, List<String> associationTypes, Frontend.Compilation criteria) {
    Map<String, String> texts = new LinkedHashMap<>();
    List<Ir.Attribute> declared =
        criteria == null || criteria.program() == null
            ? List.of()
            : criteria.program().attributes();
    Map<String, List<Span>> lines = write(c.data(), declared, texts);
    CaseSource source = new CaseSource(DataSource.ofTexts(texts), lines, c.span());
    List<Diagnostic> figures = new ArrayList<>(figureErrors(c.data().usage()));
    if (criteria != null && criteria.program() != null) {
      figures.addAll(attributeErrors(c.data(), declared));
    }
    try {
      Dataset loaded =
          DatasetLoader.load(source, () -> associationTypes, () -> declared, Mode.STRICT).dataset();
      if (!figures.isEmpty()) {
        return new Result(null, figures);
      }
      List<Diagnostic> bound = List.of();
      if (criteria != null) {
        Map<String, String> families = new LinkedHashMap<>();
        for (Workload w : c.data().workloads()) {
          families.put(w.name(), w.family());
        }
        bound =
            DataBinding.checkSample(criteria.names(), new DataBinding.Catalog(families, Map.of()));
      }
      return new Result(bound.stream().anyMatch(Diagnostic::isError) ? null : loaded, bound);
    } catch (DataException e) {
      List<Diagnostic> out = new ArrayList<>(figures);
      for (DataError error : e.errors()) {
        out.add(
            Diagnostic.error(at(lines.get(error.file()), error.line(), c.span()), error.message()));
      }
      return new Result(null, out);
    }
  }

  /**
   * A case's files in memory, whose messages speak of the case: "at line 12" is the case line that
   * wrote the row, and an id missing from a file "is not declared in this case".
   */
  private record CaseSource(DataSource files, Map<String, List<Span>> lines, Span fallback)
      implements DataSource {
    @Override
    public String unreadable(String file) {
      return files.unreadable(file);
    }

    @Override
    public InputStream open(String file) throws IOException {
      return files.open(file);
    }

    @Override
    public Path path(String file) {
      return files.path(file);
    }

    @Override
    public String line(String file, long line) {
      return "line " + at(lines.get(file), line, fallback).line();
    }

    @Override
    public String place(String file, long line) {
      return line(file, line); // the case's own line: a case file has no workloads.csv
    }

    @Override
    public String notIn(String file) {
      return "is not declared in this case";
    }
  }

  /**
   * Writes the five files' texts into {@code texts}; returns, per file, the span of the case line
   * behind each CSV row.
   */
  private static Map<String, List<Span>> write(
      Data d, List<Ir.Attribute> declared, Map<String, String> texts) {
    Map<String, List<Span>> lines = new LinkedHashMap<>();
    // the declared attributes are columns of every case (empty where a case gives no value), and
    // so is any other a case gives (an error with criteria: attributeErrors; else an extra column)
    List<String> customerColumns =
        columns(declared, Ir.Owner.CUSTOMER, d.customers().stream().map(Customer::attributes));
    List<String> tenantColumns =
        columns(declared, Ir.Owner.TENANT, d.tenants().stream().map(Tenant::attributes));
    List<String> customerHeader =
        new ArrayList<>(List.of("partner_id", "customer_id", "customer_name"));
    customerHeader.addAll(customerColumns);
    file(
        texts,
        DatasetLoader.CUSTOMERS,
        customerHeader,
        d.customers(),
        x -> {
          List<String> row = new ArrayList<>(List.of(x.partner(), x.id(), x.name()));
          customerColumns.forEach(k -> row.add(x.attributes().getOrDefault(k, "")));
          return row;
        },
        Customer::span,
        lines);
    List<String> tenantHeader = new ArrayList<>(List.of("customer_id", "tenant_id", "tenant_name"));
    tenantHeader.addAll(tenantColumns);
    file(
        texts,
        DatasetLoader.TENANTS,
        tenantHeader,
        d.tenants(),
        x -> {
          List<String> row =
              new ArrayList<>(List.of(x.customer() == null ? "" : x.customer(), x.id(), x.id()));
          tenantColumns.forEach(k -> row.add(x.attributes().getOrDefault(k, "")));
          return row;
        },
        Tenant::span,
        lines);
    file(
        texts,
        DatasetLoader.WORKLOADS,
        List.of("workload", "family"),
        d.workloads(),
        x -> List.of(x.name(), x.family()),
        Workload::span,
        lines);
    file(
        texts,
        DatasetLoader.ASSOCIATIONS,
        List.of("tenant_id", "workload", "association_type", "start_month", "end_month"),
        d.associations(),
        x ->
            List.of(
                x.tenant(),
                x.workload(),
                x.type(),
                Month.format(x.start()),
                x.end() == Month.OPEN ? "" : Month.format(x.end())),
        Association::span,
        lines);
    List<String> header = new ArrayList<>(List.of("tenant_id", "workload", "month"));
    for (Measure m : Measure.values()) {
      header.add(m.column());
    }
    file(
        texts,
        DatasetLoader.USAGE,
        header,
        d.usage(),
        x -> {
          List<String> row =
              new ArrayList<>(List.of(x.tenant(), x.workload(), Month.format(x.month())));
          for (Measure m : Measure.values()) {
            String figure = x.figures().getOrDefault(m, "");
            // a bad figure is reported at its own place (figureErrors), not as the row's
            row.add(figureProblem(m, figure) == null ? figure : "");
          }
          return row;
        },
        Usage::span,
        lines);
    return lines;
  }

  /**
   * Each figure the loader would refuse, once (a month range repeats its row), at the number as
   * written and in the case's words ({@code acr}, not the column {@code acr_usd}).
   */
  private static List<Diagnostic> figureErrors(List<Usage> usage) {
    Set<Diagnostic> out = new LinkedHashSet<>();
    for (Usage u : usage) {
      for (Map.Entry<Measure, String> f : u.figures().entrySet()) {
        String problem = figureProblem(f.getKey(), f.getValue());
        if (problem != null) {
          out.add(Diagnostic.error(u.places().getOrDefault(f.getKey(), u.span()), problem));
        }
      }
    }
    return List.copyOf(out);
  }

  /**
   * Each attribute a case gives that no criteria declares for its owner, at the column's name: the
   * criteria would never read it, so a misspelt 'segmnt' would leave the customer's segment empty
   * and the case pass or fail on that without a word.
   */
  private static List<Diagnostic> attributeErrors(Data d, List<Ir.Attribute> declared) {
    List<Diagnostic> out = new ArrayList<>();
    for (Customer x : d.customers()) {
      attributeErrors(
          x.attributes().keySet(), x.places(), x.span(), Ir.Owner.CUSTOMER, declared, out);
    }
    Set<Span> seen = new java.util.HashSet<>(); // 'tenant T1, T2 with ...' gives both the same
    for (Tenant x : d.tenants()) {
      for (String k : x.attributes().keySet()) {
        Span at = x.places().getOrDefault(k, x.span());
        if (seen.add(at)) {
          attributeErrors(List.of(k), x.places(), x.span(), Ir.Owner.TENANT, declared, out);
        }
      }
    }
    return out;
  }

  private static void attributeErrors(
      java.util.Collection<String> given,
      Map<String, Span> places,
      Span fallback,
      Ir.Owner owner,
      List<Ir.Attribute> declared,
      List<Diagnostic> out) {
    List<String> own = new ArrayList<>();
    List<String> other = new ArrayList<>();
    for (Ir.Attribute a : declared) {
      (a.owner() == owner ? own : other).add(a.column());
    }
    for (String k : given) {
      if (own.contains(k)) {
        continue;
      }
      String message;
      if (other.contains(k)) {
        Ir.Owner elsewhere = owner == Ir.Owner.CUSTOMER ? Ir.Owner.TENANT : Ir.Owner.CUSTOMER;
        message =
            "'"
                + k
                + "' is an attribute of a "
                + elsewhere.word
                + ", not of a "
                + owner.word
                + ": give it on the "
                + elsewhere.word
                + " line";
      } else {
        String guess = eligo.lang.Diagnostics.closest(k, own);
        message =
            "no criteria declares a "
                + owner.word
                + " attribute '"
                + k
                + "'"
                + (guess == null ? "" : "; did you mean '" + guess + "'?")
                + (own.isEmpty()
                    ? " (the criteria declare no " + owner.word + " attribute)"
                    : " (" + owner.word + " attributes: " + String.join(", ", own) + ")");
      }
      out.add(Diagnostic.error(places.getOrDefault(k, fallback), message));
    }
  }

  /** Why {@code text} is not a figure of measure {@code m}, in the case's words; null if it is. */
  private static String figureProblem(Measure m, String text) {
    if (text.isEmpty()) {
      return null;
    }
    if (m.isMoney()) {
      return CellChecks.money(text) == CellChecks.BAD
          ? CellChecks.moneyProblem(m.word(), text)
          : null;
    }
    return CellChecks.count(text) == CellChecks.BAD
        ? CellChecks.countProblem(m.word(), text)
        : null;
  }

  /** The declared attributes of {@code owner}, then any other column a case gives, in order. */
  private static List<String> columns(
      List<Ir.Attribute> declared,
      Ir.Owner owner,
      java.util.stream.Stream<Map<String, String>> given) {
    List<String> out = new ArrayList<>();
    for (Ir.Attribute a : declared) {
      if (a.owner() == owner && !out.contains(a.column())) {
        out.add(a.column());
      }
    }
    given.forEach(
        m -> {
          for (String k : m.keySet()) {
            if (!out.contains(k)) {
              out.add(k);
            }
          }
        });
    return out;
  }

  private static <T> void file(
      Map<String, String> texts,
      String name,
      List<String> header,
      List<T> items,
      Function<T, List<String>> row,
      Function<T, Span> span,
      Map<String, List<Span>> lines) {
    StringBuilder sb = new StringBuilder();
    line(sb, header);
    List<Span> spans = new ArrayList<>();
    for (T x : items) {
      line(sb, row.apply(x));
      spans.add(span.apply(x));
    }
    texts.put(name, sb.toString());
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
}
