package eligo.engine;

import com.palantir.javapoet.JavaFile;
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
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.List;
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

  /**
   * The class path resource that lists, per area, the SHA-256 of the source generated for it in
   * {@link Engine#GENERATED_PACKAGE} (what an edited folder's areas are compiled from) and the
   * simple name of its prebuilt class: one line each, {@code HASH NAME}.
   */
  public static final String AREAS_RESOURCE = "eligo/generated/prebuilt/areas.sha256";

  private static volatile Map<String, String> areas;

  private Prebuilt() {}

  /**
   * The prebuilt class of an area whose source generated in {@link Engine#GENERATED_PACKAGE} is
   * {@code source}, or null when no area built into the jar had that very source: after an edit,
   * the areas the edit left alone need no compiling.
   */
  public static Class<?> classFor(String source) {
    String name = areas().get(sha256(source));
    if (name == null) {
      return null;
    }
    try {
      return Class.forName(PACKAGE + "." + name, false, Prebuilt.class.getClassLoader());
    } catch (ClassNotFoundException | LinkageError e) {
      return null; // compiled in memory instead
    }
  }

  private static Map<String, String> areas() {
    Map<String, String> known = areas;
    if (known == null) {
      known = new HashMap<>();
      try (InputStream in = Prebuilt.class.getClassLoader().getResourceAsStream(AREAS_RESOURCE)) {
        if (in != null) {
          for (String line : new String(in.readAllBytes(), StandardCharsets.UTF_8).split("\n")) {
            String[] parts = line.strip().split(" ");
            if (parts.length == 2) {
              known.put(parts[0], parts[1]);
            }
          }
        }
      } catch (IOException e) {
        known.clear(); // none known: every area is compiled in memory
      }
      areas = known;
    }
    return known;
  }

  private static String sha256(String text) {
    try {
      return HexFormat.of()
          .formatHex(
              MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8)));
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
  }

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
    StringBuilder lines = new StringBuilder();
    Map<String, String> names = Evaluators.classNames(c.program());
    List<JavaFile> files = Evaluators.generate(c.program(), Engine.GENERATED_PACKAGE);
    for (int i = 0; i < files.size(); i++) {
      lines
          .append(sha256(files.get(i).toString()))
          .append(' ')
          .append(names.get(c.program().areas().get(i).key()))
          .append('\n');
    }
    SourceFolder.writeIfChanged(Path.of(args[2]).resolve(AREAS_RESOURCE), lines.toString());
  }
}
