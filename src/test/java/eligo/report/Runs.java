package eligo.report;

import eligo.check.Frontend;
import eligo.data.Dataset;
import eligo.engine.Engine;
import eligo.engine.Evaluation;
import eligo.engine.Outcome;
import eligo.io.DatasetLoader;
import eligo.io.Mode;
import eligo.ir.Ir;
import eligo.testing.SharedFiles;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/** Runs of the shipped criteria (generated engine) over shared or hand-made datasets. */
final class Runs {
  private Runs() {}

  private static Ir.Program program;
  private static java.util.Map<
          String, java.util.function.Function<Dataset, eligo.data.AreaEvaluator>>
      evaluators;

  /** The shipped criteria, compiled once for all tests. */
  static synchronized Ir.Program program() {
    if (program == null) {
      Frontend.Compilation c = compile();
      program = c.program();
      evaluators = Engine.generated.compile(c).factories();
    }
    return program;
  }

  private static Frontend.Compilation compile() {
    try {
      Frontend.Compilation c = Frontend.compileFolder(Path.of("criteria"));
      if (!c.ok()) {
        throw new IllegalStateException("the shipped criteria do not compile: " + c.diagnostics());
      }
      return c;
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  static Outcome run(Path dataDir) {
    Ir.Program program = program();
    Dataset data;
    try {
      data = DatasetLoader.load(dataDir, program.associationTypes(), Mode.STRICT).dataset();
    } catch (eligo.io.DataException e) {
      throw new IllegalStateException(e.getMessage(), e);
    }
    return Evaluation.run(
        program, evaluators, data, data.latestUsageMonth(), 2, Evaluation.Progress.NONE);
  }

  /** The outcome of one partner's customers of {@code whole}, through {@link PartnerSite}. */
  static Outcome partner(Outcome whole, String partner) {
    program();
    try {
      return PartnerSite.outcome(
          program, new Engine.Compiled(evaluators, "generated"), whole.data, whole.asOf, partner);
    } catch (eligo.engine.EvaluationFailure | eligo.engine.CriteriaFailure e) {
      throw new IllegalStateException(e);
    }
  }

  /**
   * The summary page ({@code index.html}, quoted: {@link Markup}) of the site of partner {@code
   * partner} of the sample data, written into {@code dir}.
   */
  static String sampleSummary(Path dir, String partner) throws IOException {
    Outcome mine = partner(run(Path.of("examples/sample-data")), partner);
    PartnerSite.write(mine, dir, Evaluation.Progress.NONE);
    return Markup.read(dir.resolve("index.html"));
  }

  static Outcome conformance(String set) {
    return run(SharedFiles.conformance(set).resolve("data"));
  }

  static int customer(Outcome o, String id) {
    for (int c = 0; c < o.data.customerCount(); c++) {
      if (o.data.customerId(c).equals(id)) {
        return c;
      }
    }
    throw new IllegalArgumentException("no customer " + id);
  }

  static CustomerView.Node node(CustomerView v, String area, String node) {
    for (CustomerView.Area a : v.areas()) {
      if (a.id().equals(area)) {
        for (CustomerView.Node n : a.nodes()) {
          if (n.id().equals(node)) {
            return n;
          }
        }
      }
    }
    throw new IllegalArgumentException("no node " + area + " " + node);
  }

  /**
   * The rows of a conformance set's expected.csv: partner, customer, area, node, status, value (its
   * ids need no quoting).
   */
  static List<String[]> expected(String set) {
    try {
      List<String[]> rows = new ArrayList<>();
      List<String> lines =
          Files.readAllLines(
              SharedFiles.conformance(set).resolve("expected.csv"), StandardCharsets.UTF_8);
      for (String line : lines.subList(1, lines.size())) {
        rows.add(line.split(",", -1));
      }
      return rows;
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** The standard output of the command line {@code args}, which must exit with 0. */
  static String cli(String... args) {
    java.io.StringWriter out = new java.io.StringWriter();
    java.io.StringWriter err = new java.io.StringWriter();
    int code =
        eligo.cli.Main.execute(args, new java.io.PrintWriter(out), new java.io.PrintWriter(err));
    org.assertj.core.api.Assertions.assertThat(code).as(err.toString()).isZero();
    return out.toString();
  }

  /**
   * Runs {@code eligo report} on the sample data and the shipped criteria into {@code out}, with
   * {@code more} ({@code --partner P}, {@code --per-partner}), which must exit with 0.
   */
  static Path sampleReport(Path out, String... more) {
    List<String> args =
        new ArrayList<>(
            List.of(
                "report",
                "--criteria",
                "criteria",
                "--data",
                "examples/sample-data",
                "--out",
                out.toString()));
    args.addAll(List.of(more));
    cli(args.toArray(String[]::new));
    return out;
  }

  /** The output of {@code eligo explain CUSTOMER} on {@code engine}, which must exit with 0. */
  static String explain(Path criteria, Path data, String engine, String customer) {
    return cli(
        "explain",
        "--criteria",
        criteria.toString(),
        "--data",
        data.toString(),
        "--engine",
        engine,
        customer);
  }

  /** Writes {@code text} into {@code dir/name} in UTF-8. */
  static void write(Path dir, String name, String text) throws IOException {
    Files.writeString(dir.resolve(name), text, StandardCharsets.UTF_8);
  }
}
