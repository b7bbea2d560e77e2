package eligo.cases;

import eligo.data.Measure;
import eligo.lang.SourceFile;
import eligo.lang.Span;
import java.math.BigDecimal;
import java.util.List;
import java.util.Map;

/**
 * A parsed {@code *.cases} file: cases, each a small dataset written inline and the outcomes the
 * criteria must give it. Every piece keeps the span it was written at, so that data errors and
 * failures point at the case file's line.
 */
public record CaseFile(SourceFile source, List<Case> cases) {
  public CaseFile {
    cases = List.copyOf(cases);
  }

  /** One case: a name, a sentence of intent, an as-of month, data and expectations. */
  public record Case(
      String name, String intent, Span span, int asOf, Data data, List<Expectation> expectations) {
    public Case {
      expectations = List.copyOf(expectations);
    }
  }

  /** The inline dataset of a case, row by row (a usage month range is one row per month). */
  public record Data(
      List<Workload> workloads,
      List<Customer> customers,
      List<Tenant> tenants,
      List<Association> associations,
      List<Usage> usage) {
    public Data {
      workloads = List.copyOf(workloads);
      customers = List.copyOf(customers);
      tenants = List.copyOf(tenants);
      associations = List.copyOf(associations);
      usage = List.copyOf(usage);
    }
  }

  public record Workload(String name, String family, Span span) {}

  /**
   * {@code attributes}: the values written with 'with' (column to value, in order); {@code places}:
   * where each column's name is written.
   */
  public record Customer(
      String partner,
      String id,
      String name,
      Map<String, String> attributes,
      Span span,
      Map<String, Span> places) {
    public Customer(
        String partner, String id, String name, Map<String, String> attributes, Span span) {
      this(partner, id, name, attributes, span, Map.of());
    }

    public Customer(String partner, String id, String name, Span span) {
      this(partner, id, name, Map.of(), span);
    }
  }

  public record Tenant(
      String customer,
      String id,
      Map<String, String> attributes,
      Span span,
      Map<String, Span> places) {
    public Tenant(String customer, String id, Map<String, String> attributes, Span span) {
      this(customer, id, attributes, span, Map.of());
    }

    public Tenant(String customer, String id, Span span) {
      this(customer, id, Map.of(), span);
    }
  }

  /** {@code end} is {@link eligo.data.Month#OPEN} when the association is still active. */
  public record Association(
      String tenant, String workload, String type, int start, int end, Span span) {}

  /**
   * The figures as written (checked as the loader checks them); measures not given are 0. {@code
   * places}: where each figure's number is written, so that a bad one is shown there.
   */
  public record Usage(
      String tenant,
      String workload,
      int month,
      Map<Measure, String> figures,
      Map<Measure, Span> places,
      Span span) {
    public Usage {
      figures = Map.copyOf(figures);
      places = Map.copyOf(places);
    }
  }

  /** A name as written, with its place. */
  public record Word(String text, Span span) {}

  /**
   * {@code expect [partner] AREA NODE STATUS [VALUE] [for ID]}: the outcome of a customer's node,
   * or with {@code partner} of a partner-level node. {@code subject} is the customer or partner id,
   * null for the case's only one; {@code value} is null when only the status is expected.
   */
  public record Expectation(
      Span span,
      boolean partner,
      Word subject,
      Word area,
      Word node,
      Status status,
      BigDecimal value) {
    /** The expectation as written in the case file (without a comment after it). */
    public String text() {
      String line = span.file().line(span.line());
      int from = Math.min(span.column() - 1, line.length());
      return line.substring(from, Math.min(line.length(), from + span.length()));
    }
  }
}
