package eligo.bench;

import eligo.check.Frontend;
import eligo.io.DataGenerator;
import java.nio.file.Path;

/**
 * Writes a benchmark dataset: {@code GenerateData DIR CUSTOMERS [SEED]}, with the association types
 * of criteria/, and prints how many usage rows it wrote per second.
 */
public final class GenerateData {
  private GenerateData() {}

  public static void main(String[] args) throws Exception {
    Path dir = Path.of(args[0]);
    int customers = Integer.parseInt(args[1]);
    long seed = args.length > 2 ? Long.parseLong(args[2]) : 42;
    var types = Frontend.compileFolder(Path.of("criteria")).program().associationTypes();
    long start = System.nanoTime();
    DataGenerator.Summary s = DataGenerator.generate(dir, customers, seed, types);
    double seconds = (System.nanoTime() - start) / 1e9;
    System.out.printf(
        "generated %s: %,d customers, %,d tenants, %,d usage rows in %.1f s (%,.0f rows/s)%n",
        dir, s.customers(), s.tenants(), s.usageRows(), seconds, s.usageRows() / seconds);
  }
}
