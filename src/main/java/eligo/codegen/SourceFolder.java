package eligo.codegen;

import com.palantir.javapoet.JavaFile;
import eligo.check.Frontend;
import eligo.ir.Ir;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The generated Java of a criteria folder, written into a source folder the way build tools want
 * it: one file per area, files rewritten only when their text changes, files of areas that are
 * gone removed, and nothing done at all when a stamp file says the sources were generated from
 * the same criteria content, package and generator.
 */
public final class SourceFolder {
  /** The stamp file in the output folder: what the sources there were generated from. */
  public static final String STAMP = ".eligo-stamp";

  private SourceFolder() {}

  /**
   * What {@link #generate} did: the compilation (null when the sources were up to date and
   * nothing was compiled; without a program when the criteria have errors, and then nothing was
   * written) and the generated files, relative to the output folder.
   */
  public record Result(Frontend.Compilation compilation, List<String> files) {
    public Result {
      files = List.copyOf(files);
    }

    public boolean upToDate() {
      return compilation == null;
    }
  }

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
   * Compiles the criteria folder {@code criteria} and writes its sources in {@code packageName}
   * under {@code output}, unless the stamp there records the same criteria content, package and
   * {@code generator}. A null {@code generator} (the generating code is not known exactly) always
   * generates.
   */
  public static Result generate(Path criteria, Path output, String packageName, String generator)
      throws IOException {
    Path stampFile = output.resolve(STAMP);
    List<String> stamp = Files.isRegularFile(stampFile) ? Files.readAllLines(stampFile, StandardCharsets.UTF_8) : List.of();
    List<String> previous = stamp.size() > 3 ? stamp.subList(3, stamp.size()) : List.of();
    if (generator != null
        && stamp.size() >= 3
        && stamp.subList(0, 3).equals(header(Frontend.contentHash(criteria), packageName, generator))
        && previous.stream().allMatch(f -> Files.isRegularFile(inside(output, f)))) {
      return new Result(null, previous);
    }
    Frontend.Compilation c = Frontend.compileFolder(criteria);
    if (!c.ok()) {
      return new Result(c, List.of());
    }
    Map<String, String> sources = sources(c.program(), packageName);
    for (String f : previous) {
      if (!sources.containsKey(f)) {
        Files.deleteIfExists(inside(output, f));
      }
    }
    for (Map.Entry<String, String> e : sources.entrySet()) {
      writeIfChanged(inside(output, e.getKey()), e.getValue());
    }
    List<String> lines = new ArrayList<>(header(c.contentHash(), packageName, generator == null ? "unknown" : generator));
    lines.addAll(sources.keySet());
    writeIfChanged(stampFile, String.join("\n", lines) + "\n");
    return new Result(c, List.copyOf(sources.keySet()));
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
    if (file.getParent() != null) {
      Files.createDirectories(file.getParent());
    }
    Files.write(file, bytes);
  }
}
