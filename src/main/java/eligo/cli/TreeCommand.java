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
      "Gates, metrics and leaves with their criteria text; with --data, each node shows how many customers",
      "are met, not met or not evaluated there."
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
      Ir.Area a = program.area(area);
      if (a == null) {
        List<String> ids = program.areas().stream().map(Ir.Area::id).toList();
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
      Outcome outcome = inputs.data == null ? null : inputs.evaluate(spec, program);
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
