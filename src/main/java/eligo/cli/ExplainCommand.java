package eligo.cli;

import eligo.data.Dataset;
import eligo.engine.Outcome;
import eligo.report.CustomerView;
import eligo.report.Explainer;
import eligo.report.JsonReport;
import eligo.report.TextReport;
import java.io.PrintWriter;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

@Command(
    name = "explain",
    mixinStandardHelpOptions = true,
    description = {
      "The by-customer view: one customer's statuses and why.",
      "Every solution area and node of one customer with its status, criteria, current value and, for a node not met or not evaluated, why."
    })
final class ExplainCommand implements Callable<Integer> {
  private static final int MAX_CANDIDATES = 20;

  @Spec CommandSpec spec;

  @Mixin ReportInputs inputs;

  @Parameters(
      paramLabel = "CUSTOMER",
      description =
          "A customer id, or a part of the customer's name that only one customer has (case-insensitive).")
  String customer;

  @Option(
      names = "--format",
      paramLabel = "FORMAT",
      defaultValue = "text",
      description =
          "text or json (schema: eligo/report/customer.schema.json). Default: ${DEFAULT-VALUE}.")
  SummaryCommand.Format format;

  @Override
  public Integer call() {
    try {
      Outcome outcome = inputs.evaluate(spec);
      List<Integer> found = find(outcome.data, customer);
      PrintWriter err = spec.commandLine().getErr();
      if (found.isEmpty()) {
        err.println("eligo: no customer has the id '" + customer + "' or a name containing it");
        return ExitCodes.USAGE;
      }
      if (found.size() > 1) {
        err.println(
            "eligo: " + found.size() + " customers match '" + customer + "'; name one by its id:");
        for (int c : found.subList(0, Math.min(MAX_CANDIDATES, found.size()))) {
          err.println("  " + outcome.data.customerId(c) + "  " + outcome.data.customerName(c));
        }
        if (found.size() > MAX_CANDIDATES) {
          err.println("  ... and " + (found.size() - MAX_CANDIDATES) + " more");
        }
        return ExitCodes.USAGE;
      }
      CustomerView view = new Explainer(outcome).explain(found.get(0));
      spec.commandLine()
          .getOut()
          .print(
              format == SummaryCommand.Format.json
                  ? JsonReport.customer(view)
                  : TextReport.customer(view));
      return ExitCodes.OK;
    } catch (ReportInputs.Stop stop) {
      return stop.code;
    }
  }

  /**
   * The customer with exactly this id; else every customer whose name contains it, ignoring case,
   * by id in code point order.
   */
  static List<Integer> find(Dataset data, String text) {
    List<Integer> found = new ArrayList<>();
    for (int c = 0; c < data.customerCount(); c++) {
      if (data.customerId(c).equals(text)) {
        return List.of(c);
      }
    }
    String part = text.toLowerCase(Locale.ROOT);
    for (int c = 0; c < data.customerCount(); c++) {
      if (data.customerName(c).toLowerCase(Locale.ROOT).contains(part)) {
        found.add(c);
      }
    }
    found.sort(
        (a, b) -> eligo.io.Texts.CODE_POINT_ORDER.compare(data.customerId(a), data.customerId(b)));
    return found;
  }
}
