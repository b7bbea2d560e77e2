package eligo.cli;

import eligo.engine.EngineFailure;
import eligo.engine.Outcome;
import eligo.io.OutputFolder;
import eligo.report.HtmlSite;
import eligo.report.PartnerSite;
import eligo.report.SummaryView;
import java.io.IOException;
import java.io.PrintWriter;
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
      "The site opens from file:// with no network: the summary, with each area's condition sequence tree as a diagram whose counts lead to the customers of each outcome; the lists of customers by outcome, with CSV downloads; and each customer's outcome at every node with the reasons behind it.",
      "By default the site of the whole program (every partner); with --partner one partner's site, with --per-partner one site per partner: nothing of any other partner in it. The folder is replaced whole (written beside it, then swapped in)."
    })
final class ReportCommand implements Callable<Integer> {
  @Spec CommandSpec spec;

  @Mixin ReportInputs inputs;

  @Option(
      names = "--out",
      required = true,
      paramLabel = "DIR",
      description =
          "The folder to write the site into: new, empty, or a site Eligo wrote (it is replaced whole).")
  Path out;

  @Option(
      names = "--partner",
      paramLabel = "P",
      description = "Only partner P's site: its customers, nothing of any other partner.")
  String partner;

  @Option(
      names = "--per-partner",
      description =
          "One site per partner, each in a folder of DIR named from the partner's id (safely encoded: partner P001 in DIR/_p001/), and DIR/index.html linking to each.")
  boolean perPartner;

  @Override
  public Integer call() {
    PrintWriter err = spec.commandLine().getErr();
    if (partner != null && perPartner) {
      err.println("eligo: give either --partner P or --per-partner, not both");
      return ExitCodes.USAGE;
    }
    // refused before anything is read: a folder that is not ours, or the snapshot inside it
    String refused = eligo.io.OutputFolder.refused(out);
    if (refused == null && inputs.snapshot.file != null) {
      refused = eligo.io.OutputFolder.refusedInside("--snapshot", inputs.snapshot.file, out);
    }
    if (refused != null) {
      err.println("eligo: cannot write the report: " + refused);
      return ExitCodes.USAGE;
    }
    try {
      if (partner == null && !perPartner) {
        Outcome outcome = inputs.evaluate(spec);
        HtmlSite.write(outcome, out, TerminalProgress.of("writing customer pages", err));
        spec.commandLine()
            .getOut()
            .println(
                "Report written to "
                    + out.resolve("index.html")
                    + " ("
                    + outcome.data.customerCount()
                    + " customers)");
        return ExitCodes.OK;
      }
      ReportInputs.Ready loaded = inputs.start(spec);
      if (perPartner) {
        int partners =
            PartnerSite.writeEach(
                loaded.program(),
                loaded.evaluators(),
                loaded.dataset(),
                loaded.asOf(),
                out,
                Runtime.getRuntime().availableProcessors(),
                TerminalProgress.of("writing partner sites", err));
        spec.commandLine()
            .getOut()
            .println(
                "Reports written to "
                    + out
                    + ": one site per partner ("
                    + partners
                    + " partners, "
                    + loaded.dataset().customerCount()
                    + " customers), index at "
                    + out.resolve("index.html"));
        return ExitCodes.OK;
      }
      Outcome outcome;
      try {
        outcome =
            PartnerSite.outcome(
                loaded.program(), loaded.evaluators(), loaded.dataset(), loaded.asOf(), partner);
      } catch (SummaryView.UnknownName e) {
        err.println("eligo: " + e.getMessage());
        return ExitCodes.USAGE;
      }
      PartnerSite.write(outcome, out, TerminalProgress.of("writing customer pages", err));
      spec.commandLine()
          .getOut()
          .println(
              "Report of partner "
                  + partner
                  + " written to "
                  + out.resolve("index.html")
                  + " ("
                  + outcome.data.customerCount()
                  + " customers)");
      return ExitCodes.OK;
    } catch (ReportInputs.Stop stop) {
      return stop.code;
    } catch (EngineFailure f) {
      return Failures.report(f, spec);
    } catch (OutputFolder.NotOurs e) {
      err.println("eligo: cannot write the report: " + e.getMessage());
      return ExitCodes.USAGE;
    } catch (IOException e) {
      err.println(
          "eligo: cannot write the report into '" + out + "': " + eligo.io.OutputFile.reason(e));
      return ExitCodes.FAILURE;
    }
  }
}
