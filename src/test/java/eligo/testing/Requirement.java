package eligo.testing;

import java.nio.file.Files;
import java.nio.file.Path;

/** Something a test needs that a machine with only Java and Maven lacks. */
public enum Requirement {
  /** The shared spec and conformance data ({@code $ELIGO_SHARED}, else {@code ../shared}). */
  SHARED(
      "the shared conformance data",
      "put the shared folder beside the project as ../shared, or set ELIGO_SHARED to it") {
    @Override
    String missing() {
      return SharedFiles.missing();
    }
  },
  /** Headless Chromium at {@code /usr/bin/chromium}, for the HTML report as a browser sees it. */
  CHROMIUM("headless Chromium", "apt-get install -y chromium (.ci/run installs it)") {
    @Override
    String missing() {
      return Files.isExecutable(CHROMIUM_PATH) ? null : "no executable at " + CHROMIUM_PATH;
    }
  };

  /** Where the browser tests look for Chromium. */
  public static final Path CHROMIUM_PATH = Path.of("/usr/bin/chromium");

  /** The switch that turns a missing requirement into a failure (set by .ci/run). */
  public static final String REQUIRE_ALL = "ELIGO_REQUIRE_ALL";

  final String what;
  final String howToGet;

  Requirement(String what, String howToGet) {
    this.what = what;
    this.howToGet = howToGet;
  }

  /** Why it is missing on this machine, or null when it is there. */
  abstract String missing();

  /** Whether missing requirements must fail the run rather than skip tests. */
  static boolean requireAll() {
    String v = System.getenv(REQUIRE_ALL);
    if (v == null) {
      v = System.getProperty("eligo.requireAll");
    }
    return v != null && !v.isEmpty() && !v.equals("0") && !v.equalsIgnoreCase("false");
  }
}
