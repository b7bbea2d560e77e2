package eligo.cli;

import eligo.engine.Outcome;
import eligo.ir.Ir;
import eligo.report.HtmlSite;
import java.io.IOException;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

@Command(
    name = "report",
    mixinStandardHelpOptions = true,
    description = {
      "Writes the Customer eligibility report as a static HTML site.",
      "The site opens from file:// with no network: the summary with a chart per node, customer lists per",
      "group, a page per customer with the reasons behind every status, and each area's tree."
    })
final class ReportCommand implements Callable<Integer> {
  @Spec CommandSpec spec;

  @Mixin ReportInputs inputs;

  @Option(
      names = "--out",
      required = true,
      paramLabel = "DIR",
      description = "The folder to write the site into (created when missing).")
  Path out;

  @Override
  public Integer call() {
    try {
      Ir.Program program = inputs.program(spec);
      Outcome outcome = inputs.evaluate(spec, program);
      HtmlSite.write(
          outcome, out, TerminalProgress.of("writing customer pages", spec.commandLine().getErr()));
      spec.commandLine()
          .getOut()
          .println(
              "Report written to "
                  + out.resolve("index.html")
                  + " ("
                  + outcome.data.customerCount()
                  + " customer pages)");
      return ExitCodes.OK;
    } catch (ReportInputs.Stop stop) {
      return stop.code;
    } catch (IOException e) {
      spec.commandLine()
          .getErr()
          .println("eligo: cannot write the report into '" + out + "': " + e.getMessage());
      return ExitCodes.FAILURE;
    }
  }
}
