package eligo.engine;

import eligo.check.Frontend;
import eligo.codegen.Evaluators;
import eligo.codegen.SourceFolder;
import eligo.data.AreaEvaluator;
import eligo.data.Dataset;
import eligo.lang.Diagnostics;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Stream;

/**
 * Evaluators compiled into this jar when it was built: the build runs {@link #main} on the
 * project's {@code criteria/} folder (see pom.xml), compiles the sources it writes and keeps the
 * criteria's content hash as a resource. {@link #evaluators} gives them only for criteria of that
 * very content, so they are never stale.
 */
public final class Prebuilt {
  /** The package of the prebuilt evaluator classes. */
  public static final String PACKAGE = "eligo.generated.prebuilt";

  /** The class path resource that holds the content hash of the criteria they were built from. */
  public static final String HASH_RESOURCE = "eligo/generated/prebuilt/criteria.sha256";

  private Prebuilt() {}

  /**
   * The prebuilt evaluators of {@code c}'s program, by area id, or null when none were built from
   * criteria with {@code c}'s content hash.
   */
  public static Map<String, Function<Dataset, AreaEvaluator>> evaluators(Frontend.Compilation c) {
    return matches(c.contentHash())
        ? Evaluators.factories(c.program(), PACKAGE, Prebuilt.class.getClassLoader())
        : null;
  }

  /** Whether evaluators were built into this jar from criteria with this content hash. */
  public static boolean matches(String contentHash) {
    try (InputStream in = Prebuilt.class.getClassLoader().getResourceAsStream(HASH_RESOURCE)) {
      return in != null
          && new String(in.readAllBytes(), StandardCharsets.UTF_8).strip().equals(contentHash);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /**
   * Run by the build: {@code Prebuilt CRITERIA_DIR SOURCES_DIR CLASSES_DIR} writes the evaluator
   * sources of {@code CRITERIA_DIR} into {@code SOURCES_DIR} (package {@value #PACKAGE}) and the
   * content hash to {@value #HASH_RESOURCE} under {@code CLASSES_DIR}, and deletes the package's
   * class files there, so that the build compiles them again against this build's classes even when
   * their sources did not change. Criteria errors fail the build with the rendered diagnostics.
   */
  public static void main(String[] args) throws IOException {
    if (args.length != 3) {
      throw new IllegalArgumentException("usage: Prebuilt CRITERIA_DIR SOURCES_DIR CLASSES_DIR");
    }
    GeneratedSources.Result r =
        GeneratedSources.generate(Path.of(args[0]), Path.of(args[1]), PACKAGE, null);
    Frontend.Compilation c = r.compilation();
    if (!c.ok()) {
      throw new IllegalStateException(
          "the criteria do not compile:\n" + Diagnostics.render(c.diagnostics()));
    }
    System.err.print(Diagnostics.render(c.diagnostics()));
    Path hash = Path.of(args[2]).resolve(HASH_RESOURCE);
    if (Files.isDirectory(hash.getParent())) {
      try (Stream<Path> files = Files.list(hash.getParent())) {
        for (Path f : files.filter(f -> f.toString().endsWith(".class")).toList()) {
          Files.delete(f);
        }
      }
    }
    SourceFolder.writeIfChanged(hash, c.contentHash() + "\n");
  }
}
