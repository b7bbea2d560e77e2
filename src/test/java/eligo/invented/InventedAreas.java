package eligo.invented;

import eligo.cli.Main;
import eligo.engine.Engine;
import eligo.engine.Outcome;
import eligo.engine.ResultsFile;
import eligo.testing.CriteriaCases;
import java.io.ByteArrayOutputStream;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicContainer;
import org.junit.jupiter.api.DynamicNode;

/** What the tests of the invented areas under {@code examples/} share. */
final class InventedAreas {
  private InventedAreas() {}

  /** The cases of the area folder {@code area}, once per engine. */
  static Stream<DynamicNode> casesWithBothEngines(Path area) {
    return Stream.of(Engine.values())
        .map(
            engine ->
                DynamicContainer.dynamicContainer(
                    engine.name(), CriteriaCases.dynamicTests(area, engine, List.of(area))));
  }

  /** What a command line gave: its exit code, standard output and standard error. */
  record Result(int code, String out, String err) {}

  /** Runs {@code eligo ARGS} in this JVM. */
  static Result cli(String... args) {
    StringWriter out = new StringWriter();
    StringWriter err = new StringWriter();
    int code = Main.execute(args, new PrintWriter(out), new PrintWriter(err));
    return new Result(code, out.toString(), err.toString());
  }

  /** {@code eligo check --criteria AREA --data DATA --warnings-as-errors}. */
  static Result strictCheck(Path area, Path data) {
    return cli(
        "check", "--criteria", area.toString(), "--data", data.toString(), "--warnings-as-errors");
  }

  /** {@code eligo explain} with {@code engine} and {@code rest} (a customer, options), exit 0. */
  static Result explain(Path criteria, Path data, String engine, String... rest) {
    List<String> args =
        new java.util.ArrayList<>(
            List.of(
                "explain",
                "--criteria",
                criteria.toString(),
                "--data",
                data.toString(),
                "--engine",
                engine));
    args.addAll(List.of(rest));
    Result r = cli(args.toArray(String[]::new));
    org.assertj.core.api.Assertions.assertThat(r.code()).as(r.err()).isZero();
    return r;
  }

  /** The canonical results file of {@code o}, as text. */
  static String results(Outcome o) throws Exception {
    ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    ResultsFile.write(o, bytes);
    return bytes.toString(StandardCharsets.UTF_8);
  }
}
