package eligo.codegen;

import com.palantir.javapoet.JavaFile;
import eligo.ir.Ir;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The generated Java of a program, written into a source folder the way build tools want it: one
 * file per area, files rewritten only when their text changes, files of areas that are gone
 * removed, and a stamp file that records the criteria content, package and generator they were
 * generated from, so that a build can see that nothing needs to be generated (compiling the
 * criteria folder is done above this package, by the engine).
 */
public final class SourceFolder {
  /** The stamp file in the output folder: what the sources there were generated from. */
  public static final String STAMP = ".eligo-stamp";

  private SourceFolder() {}

  /**
   * The generated sources of {@code program}, by path relative to a source root ({@code
   * eligo/generated/AzureEvaluator.java}, '/'-separated), in program order.
   */
  public static Map<String, String> sources(Ir.Program program, String packageName) {
    Map<String, String> sources = new LinkedHashMap<>();
    for (JavaFile file : Evaluators.generate(program, packageName)) {
      String dir = file.packageName().isEmpty() ? "" : file.packageName().replace('.', '/') + "/";
      sources.put(dir + file.typeSpec().name() + ".java", file.toString());
    }
    return sources;
  }

  /**
   * The generated files listed in the stamp in {@code output} (relative to it) when the stamp
   * records criteria of {@code contentHash}, {@code packageName} and {@code generator} and the
   * files are all there; else null, meaning generate. A null {@code generator} (the generating code
   * is not known exactly) or {@code contentHash} (criteria that cannot be read) is never up to
   * date.
   */
  public static List<String> upToDate(
      Path output, String contentHash, String packageName, String generator) throws IOException {
    List<String> stamp = stamp(output);
    List<String> previous = stamp.size() > 3 ? stamp.subList(3, stamp.size()) : List.of();
    if (generator != null
        && contentHash != null
        && stamp.size() >= 3
        && stamp.subList(0, 3).equals(header(contentHash, packageName, generator))
        && previous.stream().allMatch(f -> Files.isRegularFile(inside(output, f)))) {
      return previous;
    }
    return null;
  }

  /**
   * Writes the sources of {@code program} (compiled from criteria with {@code contentHash}) in
   * {@code packageName} under {@code output}, deletes the files of the previous stamp that are not
   * generated any more, and writes the stamp; returns the generated files, relative to {@code
   * output}.
   */
  public static List<String> write(
      Path output, Ir.Program program, String contentHash, String packageName, String generator)
      throws IOException {
    Path stampFile = output.resolve(STAMP);
    List<String> stamp = stamp(output);
    List<String> previous = stamp.size() > 3 ? stamp.subList(3, stamp.size()) : List.of();
    Map<String, String> sources = sources(program, packageName);
    for (String f : previous) {
      if (!sources.containsKey(f)) {
        Files.deleteIfExists(inside(output, f));
      }
    }
    for (Map.Entry<String, String> e : sources.entrySet()) {
      writeIfChanged(inside(output, e.getKey()), e.getValue());
    }
    List<String> lines =
        new ArrayList<>(
            header(contentHash, packageName, generator == null ? "unknown" : generator));
    lines.addAll(sources.keySet());
    writeIfChanged(stampFile, String.join("\n", lines) + "\n");
    return List.copyOf(sources.keySet());
  }

  private static List<String> stamp(Path output) throws IOException {
    Path stampFile = output.resolve(STAMP);
    return Files.isRegularFile(stampFile)
        ? Files.readAllLines(stampFile, StandardCharsets.UTF_8)
        : List.of();
  }

  private static List<String> header(String contentHash, String packageName, String generator) {
    return List.of("criteria " + contentHash, "package " + packageName, "generator " + generator);
  }

  /** {@code output/relative}, refusing a path that leads out of {@code output}. */
  private static Path inside(Path output, String relative) {
    Path p = output.resolve(relative).normalize();
    if (!p.startsWith(output.normalize())) {
      throw new IllegalArgumentException("not inside " + output + ": " + relative);
    }
    return p;
  }

  /** Writes {@code text} as UTF-8 unless the file already holds exactly those bytes. */
  public static void writeIfChanged(Path file, String text) throws IOException {
    byte[] bytes = text.getBytes(StandardCharsets.UTF_8);
    if (Files.isRegularFile(file) && Arrays.equals(Files.readAllBytes(file), bytes)) {
      return;
    }
    Path dir = file.toAbsolutePath().getParent();
    Files.createDirectories(dir);
    // written beside it, then renamed over it: a build stopped meanwhile leaves the old file whole
    // (a '.tmp' name that no compiler reads, removed by the next write of that file)
    Path temp = dir.resolve("." + file.getFileName() + ".tmp");
    try {
      Files.write(temp, bytes);
      Files.move(temp, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
    } finally {
      Files.deleteIfExists(temp);
    }
  }
}
