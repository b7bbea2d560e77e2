package eligo.testing;

import java.nio.file.Files;
import java.nio.file.Path;

/** Where the shared spec and conformance data are: $ELIGO_SHARED, else ../shared beside the project. */
public final class SharedFiles {
  private SharedFiles() {}

  public static Path shared() {
    String env = System.getenv("ELIGO_SHARED");
    Path p = env != null && !env.isEmpty() ? Path.of(env) : Path.of("..", "shared");
    if (!Files.isDirectory(p.resolve("conformance"))) {
      throw new IllegalStateException("the shared conformance data are not at " + p.toAbsolutePath()
          + ": set ELIGO_SHARED to the folder that holds spec/ and conformance/");
    }
    return p;
  }

  public static Path conformance(String name) {
    return shared().resolve("conformance").resolve(name);
  }
}
