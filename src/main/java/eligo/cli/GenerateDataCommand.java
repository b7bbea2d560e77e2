package eligo.cli;

import eligo.check.Frontend;
import eligo.engine.CriteriaFailure;
import eligo.engine.Eligo;
import eligo.io.DataGenerator;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.util.Locale;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

@Command(
    name = "generate-data",
    mixinStandardHelpOptions = true,
    description = {
      "Writes a deterministic, realistic dataset of any size.",
      "The same arguments give the same bytes on every machine. Association types are the ones the criteria declare; workloads come from the bundled workload catalogue."
    })
final class GenerateDataCommand implements Callable<Integer> {
  @Spec CommandSpec spec;

  @Option(
      names = "--customers",
      required = true,
      paramLabel = "N",
      description = "Number of customers.")
  int customers;

  @Option(
      names = "--seed",
      defaultValue = "1",
      paramLabel = "S",
      description = "Random seed (default: ${DEFAULT-VALUE}).")
  long seed;

  @Option(
      names = "--out",
      required = true,
      paramLabel = "DIR",
      description = "Folder to write the five CSV files to (created if missing).")
  Path out;

  @Option(
      names = "--replace",
      description =
          "Write over a dataset already in the folder (without it, a folder holding any of the"
              + " five files is refused, so that real data are never replaced by generated ones).")
  boolean replace;

  @Option(
      names = "--criteria",
      defaultValue = "criteria",
      paramLabel = "DIR",
      description = "Criteria folder whose association types to use (default: ${DEFAULT-VALUE}).")
  Path criteria;

  @Override
  public Integer call() throws Exception {
    if (customers < 0) {
      spec.commandLine().getErr().println("eligo: --customers must not be negative");
      return ExitCodes.USAGE;
    }
    if (!replace) {
      java.util.List<String> there =
          eligo.io.DatasetLoader.FILES.stream()
              .filter(f -> java.nio.file.Files.exists(out.resolve(f), LinkOption.NOFOLLOW_LINKS))
              .toList();
      if (!there.isEmpty()) {
        spec.commandLine()
            .getErr()
            .println(
                "eligo: "
                    + out
                    + " already holds a dataset ("
                    + String.join(", ", there)
                    + "): give another folder, or --replace to write over it with generated data");
        return ExitCodes.USAGE;
      }
    }
    Frontend.Compilation c;
    try {
      c = Eligo.compileCriteria(criteria);
    } catch (CriteriaFailure f) {
      return Failures.report(f, spec);
    }
    long start = System.nanoTime();
    DataGenerator.Summary s =
        DataGenerator.generate(out, customers, seed, c.program().associationTypes());
    double seconds = (System.nanoTime() - start) / 1e9;
    spec.commandLine()
        .getOut()
        .printf(
            Locale.ROOT,
            "%s: %d partners, %d customers, %d tenants, %d workloads, %d associations, %d usage rows in %.1f s%n",
            out,
            s.partners(),
            s.customers(),
            s.tenants(),
            s.workloads(),
            s.associations(),
            s.usageRows(),
            seconds);
    return ExitCodes.OK;
  }
}
