package eligo.spark;

import static org.junit.jupiter.api.Assertions.fail;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import org.apache.spark.sql.SparkSession;

/**
 * What the tests share: one local Spark session per test JVM (two threads, small shuffles, no UI),
 * the project's folders, and the shared conformance data (skipped where missing, a failure under
 * {@code ELIGO_REQUIRE_ALL=1}, as in the core's tests).
 */
final class SparkTests {
  private SparkTests() {}

  private static SparkSession session;

  static synchronized SparkSession session() {
    if (session == null) {
      session =
          Main.configure(
                  SparkSession.builder()
                      .appName("eligo-spark-tests")
                      .master("local[2]")
                      .config("spark.ui.enabled", "false")
                      .config("spark.sql.shuffle.partitions", "3")
                      .config("spark.default.parallelism", "2")
                      .config("spark.driver.host", "127.0.0.1")
                      .config("spark.sql.adaptive.enabled", "false"))
              .getOrCreate();
      Runtime.getRuntime().addShutdownHook(new Thread(session::stop));
    }
    return session;
  }

  /** The project's root folder (the core's). */
  static Path root() {
    return Path.of(System.getProperty("eligo.root", "..")).toAbsolutePath().normalize();
  }

  static Path criteria() {
    return root().resolve("criteria");
  }

  static Path sampleData() {
    return root().resolve("examples/sample-data");
  }

  /**
   * What to run: {@code criteria} on {@code data} as of {@code asOf} (null: the latest month), the
   * results file {@code results}, the shuffle partitions chosen.
   */
  static SparkRunner.Options options(Path criteria, String data, Path results, Integer asOf) {
    return new SparkRunner.Options(criteria, data, results.toString(), asOf, false, 0);
  }

  /** A copy of the sample data in {@code dir} (created), for a test to change. */
  static Path sampleCopy(Path dir) throws java.io.IOException {
    Files.createDirectories(dir);
    try (java.util.stream.Stream<Path> s = Files.list(sampleData())) {
      for (Path f : s.toList()) {
        Files.copy(f, dir.resolve(f.getFileName()));
      }
    }
    return dir;
  }

  /** The shared conformance folder; the test is skipped (or fails, when all are required). */
  static Path conformance() {
    String env = System.getProperty("ELIGO_SHARED", System.getenv("ELIGO_SHARED"));
    Path shared =
        (env != null && !env.isEmpty() ? Path.of(env) : root().resolve("../shared"))
            .toAbsolutePath()
            .normalize();
    Path conformance = shared.resolve("conformance");
    if (!Files.isDirectory(conformance)) {
      String why =
          "needs the shared conformance data (no conformance/ in "
              + shared
              + "; put the shared folder beside the project as ../shared, or set ELIGO_SHARED)";
      if ("1".equals(System.getenv("ELIGO_REQUIRE_ALL"))) {
        fail(why + ", and ELIGO_REQUIRE_ALL=1 requires it");
      }
      assumeTrue(false, why);
    }
    return conformance;
  }
}
