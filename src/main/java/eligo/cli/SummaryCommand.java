package eligo.cli;

import eligo.engine.Outcome;
import eligo.report.JsonReport;
import eligo.report.SummaryView;
import eligo.report.TextReport;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

@Command(
    name = "summary",
    mixinStandardHelpOptions = true,
    description = {
      "The summary view: customers per group of every node, and partner totals.",
      "Per solution area and node, how many customers are in each group (gates: Met / Not met; metrics: Met / Not met; net values: With growth / In decline / No change; Not evaluated), and each partner's total at partner-level nodes."
    })
final class SummaryCommand implements Callable<Integer> {
  @Spec CommandSpec spec;

  @Mixin ReportInputs inputs;

  @Option(
      names = "--partner",
      paramLabel = "P",
      description = "Only the customers of this partner.")
  String partner;

  @Option(
      names = "--area",
      paramLabel = "A",
      description = "Only this solution area (its id, e.g. azure).")
  String area;

  @Option(
      names = "--node",
      paramLabel = "N",
      description = "Only this node (its id, e.g. net-customer-adds).")
  String node;

  @Option(names = "--list", description = "List each group's customer ids.")
  boolean list;

  @Option(
      names = "--format",
      paramLabel = "FORMAT",
      defaultValue = "text",
      description =
          "text or json (schema: eligo/report/summary.schema.json). Default: ${DEFAULT-VALUE}.")
  Format format;

  enum Format {
    text,
    json
  }

  @Override
  public Integer call() {
    try {
      Outcome outcome = inputs.evaluate(spec);
      SummaryView view;
      try {
        view = SummaryView.of(outcome, partner, area, node);
      } catch (SummaryView.UnknownName e) {
        spec.commandLine().getErr().println("eligo: " + e.getMessage());
        return ExitCodes.USAGE;
      }
      spec.commandLine()
          .getOut()
          .print(
              format == Format.json
                  ? JsonReport.summary(view, outcome.data, list)
                  : TextReport.summary(view, outcome.data, list));
      return ExitCodes.OK;
    } catch (ReportInputs.Stop stop) {
      return stop.code;
    }
  }
}
