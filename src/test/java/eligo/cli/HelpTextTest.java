package eligo.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.util.List;
import org.junit.jupiter.api.Test;
import picocli.CommandLine;

/**
 * Every command's {@code --help} works (exit status 0), its description is whole paragraphs, which
 * picocli wraps to the terminal's width (a line broken by hand in the source would be broken again
 * short of it), and no line of the help is wider than the 80 columns picocli lays it out for.
 */
class HelpTextTest {
  private static String help(String... args) {
    StringWriter out = new StringWriter();
    StringWriter err = new StringWriter();
    int code = Main.execute(args, new PrintWriter(out, true), new PrintWriter(err, true));
    assertThat(code).as(String.join(" ", args) + ": " + err).isZero();
    return out.toString();
  }

  private static List<String> commands() {
    return List.copyOf(Main.commandLine().getSubcommands().keySet());
  }

  @Test
  void descriptionsAreWholeParagraphs() {
    assertThat(commands()).contains("report", "run", "serve");
    for (String name : commands()) {
      CommandLine c = Main.commandLine().getSubcommands().get(name);
      for (String line : c.getCommandSpec().usageMessage().description()) {
        // a line wider than the help is wrapped by picocli: it must end its paragraph, or the
        // next line of the source starts short of the width
        if (line.length() > 78) {
          assertThat(line)
              .as(name + ": a paragraph, not a line cut short")
              .matches("(?s).*[.:;)]$");
        }
      }
    }
  }

  @Test
  void theExitStatusOfFmtDiffIsInTheHelp() {
    assertThat(help("--help").replaceAll("\\s+", " "))
        .contains("1 a test case failed, fmt --check or --diff found unformatted files");
    assertThat(help("fmt", "--help").replaceAll("\\s+", " "))
        .contains("--diff Change nothing; print what formatting would change as a unified diff");
  }

  @Test
  void everyHelpFitsEightyColumnsAndWrapsWholeSentences() {
    for (String name : commands()) {
      String text = help(name, "--help");
      for (String line : text.split("\\R")) {
        assertThat(line.length()).as(name + ": " + line).isLessThanOrEqualTo(80);
      }
    }
    String report = help("report", "--help").replaceAll("\\s+", " ");
    assertThat(report)
        .contains(
            "the summary, with each area's condition sequence tree as a diagram whose counts lead"
                + " to the customers of each outcome");
  }

  @Test
  void aCommandNamedFirstIsTheOnlyOneBuiltAndHelpsAsWhenAllAre() {
    assertThat(Main.commandLine("run", "--criteria", "c").getSubcommands()).containsOnlyKeys("run");
    assertThat(Main.commandLine("help", "run").getSubcommands().keySet())
        .containsExactlyElementsOf(commands());
    assertThat(Main.commandLine("runn").getSubcommands().keySet())
        .as("a mistyped name: every command, for the closest")
        .containsExactlyElementsOf(commands());
    for (String name : commands()) {
      if (!name.equals("help")) {
        assertThat(help(name, "--help")).isEqualTo(help("help", name));
      }
    }
  }
}
