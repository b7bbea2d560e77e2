package eligo.testing;

import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Where the shared spec and conformance data are: {@code $ELIGO_SHARED} (environment variable or
 * system property), else {@code ../shared} beside the project. Tests that read them are marked
 * {@code @Needs(Requirement.SHARED)}, so they are skipped, and said to be, where the folder is
 * missing.
 */
public final class SharedFiles {
  private SharedFiles() {}

  private static Path location() {
    String env = System.getProperty("ELIGO_SHARED", System.getenv("ELIGO_SHARED"));
    Path p = env != null && !env.isEmpty() ? Path.of(env) : Path.of("..", "shared");
    return p.toAbsolutePath().normalize();
  }

  /** Why the shared folder cannot be used here, or null when it can. */
  static String missing() {
    Path p = location();
    return Files.isDirectory(p.resolve("conformance")) ? null : "no conformance/ in " + p;
  }

  public static Path shared() {
    String why = missing();
    if (why != null) {
      throw new IllegalStateException(
          "the shared conformance data are not there ("
              + why
              + "): set ELIGO_SHARED to the folder that holds spec/ and conformance/");
    }
    return location();
  }

  public static Path conformance(String name) {
    return shared().resolve("conformance").resolve(name);
  }
}
