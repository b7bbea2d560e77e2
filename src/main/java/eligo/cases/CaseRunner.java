package eligo.cases;

import eligo.cases.CaseFile.Case;
import eligo.cases.CaseFile.Customer;
import eligo.cases.CaseFile.Expectation;
import eligo.cases.CaseFile.Word;
import eligo.check.Frontend;
import eligo.data.Dataset;
import eligo.engine.Eligo;
import eligo.engine.Engine;
import eligo.engine.Evaluation;
import eligo.engine.EvaluationFailure;
import eligo.engine.Outcome;
import eligo.ir.Ir;
import eligo.lang.Diagnostic;
import eligo.lang.Diagnostics;
import eligo.report.CustomerView;
import eligo.report.Explainer;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * Runs cases through the real evaluation path: the case's data through the loader, every area
 * through the chosen engine ({@link Eligo#evaluate}, customers then partners), then each
 * expectation compared with the outcome. The evaluators are compiled once per runner, on its first
 * run.
 */
public final class CaseRunner {
  private final Frontend.Compilation compilation;
  private final Ir.Program program;
  private final Engine engine;

  /**
   * Compiled on the first run, so that preparing cases (and finding their errors) compiles nothing.
   */
  private Engine.Compiled compiled;

  /** A runner for criteria compiled without errors. */
  public CaseRunner(Frontend.Compilation compilation, Engine engine) {
    this.compilation = compilation;
    this.program = compilation.program();
    this.engine = engine;
  }

  /** A case ready to run (its dataset loaded, its expectations naming real nodes), or why not. */
  public record Prepared(Case c, Dataset data, List<Diagnostic> diagnostics) {
    public boolean ok() {
      return !Diagnostics.hasErrors(diagnostics);
    }
  }

  /**
   * What one expectation found. {@code value} is null when the node was not evaluated; {@code
   * current} and {@code baseline} are the two sides of a net value (null otherwise).
   */
  /**
   * One expectation against the outcome. {@code explanation} is, for a failed customer-level check,
   * the actual outcome in words from the report's explainer (its value for people, why it was not
   * met, its details rows); else null.
   */
  public record Check(
      Expectation expected,
      String area,
      Ir.Node node,
      Status status,
      BigDecimal value,
      BigDecimal current,
      BigDecimal baseline,
      List<String> explanation) {
    public boolean passed() {
      return status == expected.status()
          && (expected.value() == null
              || (value != null && value.compareTo(expected.value()) == 0));
    }
  }

  /** A case's checks, in the order of its expectations; or the evaluation error that stopped it. */
  public record Result(Case c, List<Check> checks, String error) {
    public Result {
      checks = List.copyOf(checks);
    }

    public boolean passed() {
      return error == null && checks.stream().allMatch(Check::passed);
    }
  }

  public Ir.Program program() {
    return program;
  }

  /**
   * Loads the case's data and checks that its expectations name areas, nodes and subjects that
   * exist.
   */
  public Prepared prepare(Case c) {
    CaseData.Result loaded = CaseData.load(c, program.associationTypes(), compilation);
    List<Diagnostic> out = new ArrayList<>(loaded.diagnostics());
    if (c.data().customers().isEmpty()) {
      // said once for the case, not as 'say which with for ID' at each expectation
      out.add(
          Diagnostic.error(
              c.span(),
              "case \""
                  + c.name()
                  + "\" has no customer for its expectations to check: add 'customer ID' (and its"
                  + " tenants)"));
    }
    for (Expectation e : c.expectations()) {
      resolve(c, e, out);
    }
    out.addAll(CaseMonths.unread(program, c));
    out.sort(Diagnostics.ORDER);
    return new Prepared(c, loaded.dataset(), List.copyOf(out));
  }

  public Result run(Prepared p) {
    if (!p.ok()) {
      throw new IllegalArgumentException("case \"" + p.c().name() + "\" has errors and cannot run");
    }
    Case c = p.c();
    Outcome outcome;
    try {
      outcome =
          Eligo.evaluate(program, compiled(), p.data(), c.asOf(), 1, Evaluation.Progress.NONE);
    } catch (EvaluationFailure | eligo.engine.CriteriaFailure e) {
      return new Result(c, List.of(), e.getMessage());
    }
    List<Check> checks = new ArrayList<>();
    for (Expectation e : c.expectations()) {
      checks.add(check(c, e, outcome));
    }
    return new Result(c, checks, null);
  }

  private synchronized Engine.Compiled compiled() {
    if (compiled == null) {
      compiled = engine.compile(compilation);
    }
    return compiled;
  }

  /** How the evaluators were made ("interpret engine", "generated engine, prebuilt"). */
  public String engineDescription() {
    return compiled().description();
  }

  private Check check(Case c, Expectation e, Outcome outcome) {
    Outcome.AreaOutcome a = outcome.area(e.area().text());
    if (e.partner()) {
      int rule = index(a.partnerNodes, e.node().text());
      Ir.Node node = a.partnerNodes.get(rule);
      int partner = outcome.partners.indexOf(subject(e, partners(c)));
      Status status = a.partnerMet(partner, rule) ? Status.MET : Status.NOT_MET;
      return new Check(
          e,
          a.area.id(),
          node,
          status,
          BigDecimal.valueOf(a.partnerTotal(partner, rule), node.partner().scale()),
          null,
          null,
          null);
    }
    int i = a.nodeIndex(e.node().text());
    Ir.Node node = a.nodes.get(i);
    int customer = customerIndex(outcome, subject(e, customers(c)));
    Status status = Status.of(a.status(customer, i));
    BigDecimal value = null;
    BigDecimal current = null;
    BigDecimal baseline = null;
    if (status != Status.NOT_EVALUATED) {
      value = BigDecimal.valueOf(a.value(customer, i), node.scale());
      current = node.isNet() ? BigDecimal.valueOf(a.current(customer, i), node.scale()) : null;
      baseline = node.isNet() ? BigDecimal.valueOf(a.baseline(customer, i), node.scale()) : null;
    }
    Check check = new Check(e, a.area.id(), node, status, value, current, baseline, null);
    if (check.passed()) {
      return check;
    }
    return new Check(
        e,
        a.area.id(),
        node,
        status,
        value,
        current,
        baseline,
        explanation(outcome, customer, a.area.id(), node.id()));
  }

  /** The explainer's words for one node of one customer: its value, why, and its details rows. */
  private static List<String> explanation(Outcome outcome, int customer, String area, String node) {
    for (CustomerView.Area va : new Explainer(outcome).explain(customer).areas()) {
      if (!va.id().equals(area)) {
        continue;
      }
      for (CustomerView.Node vn : va.nodes()) {
        if (vn.id().equals(node)) {
          List<String> lines = new ArrayList<>();
          lines.add(
              "shown as  "
                  + (vn.current() == null || vn.current().isEmpty()
                      ? "not evaluated"
                      : vn.current()));
          if (vn.why() != null) {
            lines.add("why       " + vn.why());
          }
          for (CustomerView.Detail d : vn.details()) {
            lines.add(
                vn.detailsBy()
                    + "    "
                    + d.key()
                    + ": "
                    + d.now()
                    + (d.yearEarlier() == null ? "" : " | a year earlier: " + d.yearEarlier()));
          }
          if (vn.detailsLeftOut() > 0) {
            lines.add(vn.detailsBy() + "    and " + vn.detailsLeftOut() + " more");
          }
          return lines;
        }
      }
    }
    return List.of();
  }

  // ---------------------------------------------------------------- resolution

  private void resolve(Case c, Expectation e, List<Diagnostic> out) {
    // of an area with versions, the version in force at the case's month
    Ir.Area area = program.inForce(c.asOf()).area(e.area().text());
    Ir.Area first = program.area(e.area().text());
    if (area == null && first != null) {
      out.add(
          Diagnostic.error(
              e.area().span(),
              "area '"
                  + first.id()
                  + "' has no version in force at "
                  + eligo.data.Month.format(c.asOf())
                  + " (its first version, \""
                  + first.version().label()
                  + "\", is in force from "
                  + eligo.data.Month.format(first.version().from())
                  + ")"));
      return;
    }
    if (area == null) {
      List<String> ids = program.areas().stream().map(Ir.Area::id).distinct().toList();
      out.add(
          Diagnostic.error(
              e.area().span(),
              "unknown area '"
                  + e.area().text()
                  + "'"
                  + guess(e.area().text(), ids)
                  + " (areas: "
                  + String.join(", ", ids)
                  + ")"));
      return;
    }
    List<Ir.Node> nodes = e.partner() ? area.partnerNodes() : area.resultNodes();
    List<String> ids = nodes.stream().map(Ir.Node::id).toList();
    if (!ids.contains(e.node().text())) {
      boolean customerLevel =
          e.partner() && area.resultNodes().stream().anyMatch(n -> n.id().equals(e.node().text()));
      String message =
          customerLevel
              ? "node '"
                  + e.node().text()
                  + "' of area '"
                  + area.id()
                  + "' has no partner-level rule"
              : "area '"
                  + area.id()
                  + "' has no "
                  + (e.partner() ? "partner-level " : "")
                  + "node '"
                  + e.node().text()
                  + "'"
                  + guess(e.node().text(), ids);
      out.add(
          Diagnostic.error(
              e.node().span(),
              message
                  + (ids.isEmpty()
                      ? ""
                      : " ("
                          + (e.partner() ? "partner-level nodes" : "nodes")
                          + ": "
                          + String.join(", ", ids)
                          + ")")));
    }
    List<String> subjects = e.partner() ? partners(c) : customers(c);
    String what = e.partner() ? "partner" : "customer";
    if (c.data().customers().isEmpty()) {
      return; // said once for the case
    }
    if (e.subject() == null) {
      if (subjects.size() != 1) {
        out.add(
            Diagnostic.error(
                e.span(),
                "this case has "
                    + subjects.size()
                    + " "
                    + what
                    + "s"
                    + (subjects.isEmpty() ? "" : " (" + String.join(", ", subjects) + ")")
                    + ": say which with 'for ID' at the end"));
      }
    } else if (!subjects.contains(e.subject().text()) && owner(c, e) != null) {
      out.add(Diagnostic.error(e.subject().span(), owner(c, e)));
    } else if (!subjects.contains(e.subject().text())) {
      out.add(
          Diagnostic.error(
              e.subject().span(),
              "no "
                  + what
                  + " '"
                  + e.subject().text()
                  + "' in this case"
                  + guess(e.subject().text(), subjects)));
    }
  }

  /**
   * When the subject of {@code e} names a tenant (for a customer's node) or a customer (for a
   * partner's): the error that says whose it is and what to write; else null.
   */
  private static String owner(Case c, Expectation e) {
    String id = e.subject().text();
    if (!e.partner()) {
      for (CaseFile.Tenant t : c.data().tenants()) {
        if (t.id().equals(id) && t.customer() != null) {
          return "'"
              + id
              + "' is a tenant of customer "
              + t.customer()
              + ": an expectation is about a customer: write 'for "
              + t.customer()
              + "'";
        }
      }
      return null;
    }
    for (CaseFile.Customer k : c.data().customers()) {
      if (k.id().equals(id)) {
        return "'"
            + id
            + "' is a customer of partner "
            + k.partner()
            + ": a partner-level expectation is about a partner: write 'for "
            + k.partner()
            + "'";
      }
    }
    return null;
  }

  private static String subject(Expectation e, List<String> subjects) {
    Word w = e.subject();
    return w == null ? subjects.get(0) : w.text();
  }

  /** The dataset index of customer {@code id} (the loader orders customers as the results). */
  private static int customerIndex(Outcome outcome, String id) {
    for (int c = 0; c < outcome.data.customerCount(); c++) {
      if (outcome.data.customerId(c).equals(id)) {
        return c;
      }
    }
    throw new IllegalStateException("customer '" + id + "' is not in the case's data");
  }

  /** The case's customers, each once (one written twice is an error of its own, at its line). */
  private static List<String> customers(Case c) {
    return c.data().customers().stream().map(Customer::id).distinct().toList();
  }

  private static List<String> partners(Case c) {
    Set<String> out = new LinkedHashSet<>();
    for (Customer x : c.data().customers()) {
      out.add(x.partner());
    }
    return List.copyOf(out);
  }

  private static int index(List<Ir.Node> nodes, String id) {
    for (int i = 0; i < nodes.size(); i++) {
      if (nodes.get(i).id().equals(id)) {
        return i;
      }
    }
    throw new IllegalStateException("node " + id + " was resolved before the run");
  }

  private static String guess(String word, List<String> candidates) {
    String g = Diagnostics.closest(word, candidates);
    return g == null ? "" : "; did you mean '" + g + "'?";
  }
}
