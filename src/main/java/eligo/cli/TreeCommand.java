package eligo.cli;

import eligo.engine.Outcome;
import eligo.ir.Ir;
import eligo.lang.Diagnostics;
import eligo.report.TreeReport;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

@Command(
    name = "tree",
    mixinStandardHelpOptions = true,
    description = {
      "An area's condition sequence tree as text, JSON, Mermaid or DOT.",
      "Gates, metrics and leaves with their criteria text; with --data, each node shows how many customers are met, not met or not evaluated there."
    })
final class TreeCommand implements Callable<Integer> {
  @Spec CommandSpec spec;

  @Mixin ReportInputs inputs;

  @Parameters(paramLabel = "AREA", description = "The area id, e.g. azure.")
  String area;

  @Option(
      names = "--format",
      paramLabel = "FORMAT",
      defaultValue = "text",
      description = "text (indented), json, mermaid or dot (Graphviz). Default: ${DEFAULT-VALUE}.")
  Format format;

  enum Format {
    text,
    json,
    mermaid,
    dot
  }

  @Override
  public Integer call() {
    try {
      Ir.Program program = inputs.program(spec);
      List<Ir.Area> versions = program.versions(area);
      // of an area with versions: the one in force at --as-of, else the latest (data: the one that
      // ran)
      Ir.Area a =
          inputs.asOf != null && inputs.data == null
              ? program.inForce(inputs.asOf).area(area)
              : versions.isEmpty() ? null : versions.get(versions.size() - 1);
      if (a == null && !versions.isEmpty()) {
        spec.commandLine()
            .getErr()
            .println(
                "eligo: area '"
                    + area
                    + "' has no version in force at "
                    + eligo.data.Month.format(inputs.asOf)
                    + "; its first version, \""
                    + versions.get(0).version().label()
                    + "\", is in force from "
                    + eligo.data.Month.format(versions.get(0).version().from()));
        return ExitCodes.CRITERIA;
      }
      if (a == null) {
        List<String> ids = program.areas().stream().map(Ir.Area::id).distinct().toList();
        String close = Diagnostics.closest(area, ids);
        spec.commandLine()
            .getErr()
            .println(
                "eligo: no area '"
                    + area
                    + "'"
                    + (close != null
                        ? ": did you mean '" + close + "'?"
                        : "; the areas are " + String.join(", ", ids)));
        return ExitCodes.USAGE;
      }
      Outcome outcome = inputs.data == null ? null : inputs.evaluateChecked(spec);
      if (outcome != null) {
        a = outcome.area(area).area;
      }
      String out =
          switch (format) {
            case text -> TreeReport.text(a, outcome);
            case json -> TreeReport.json(a, outcome);
            case mermaid -> TreeReport.mermaid(a, outcome);
            case dot -> TreeReport.dot(a, outcome);
          };
      spec.commandLine().getOut().print(out);
      return ExitCodes.OK;
    } catch (ReportInputs.Stop stop) {
      return stop.code;
    }
  }
}
