package eligo.codegen;

import com.palantir.javapoet.JavaFile;
import eligo.ir.Ir;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.HashSet;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * The generated Java of a program, written into a source folder the way build tools want it: one
 * file per area, files rewritten only when their text changes, files of areas that are gone
 * removed, and a stamp file that records the criteria content, package and generator they were
 * generated from and each file's SHA-256, so that a build can see that nothing needs to be
 * generated (and that a generated file was edited or deleted since: then it does) (compiling the
 * criteria folder is done above this package, by the engine).
 */
public final class SourceFolder {
  /** The stamp file in the output folder: what the sources there were generated from. */
  public static final String STAMP = ".eligo-stamp";

  private static final Pattern HEX = Pattern.compile("[0-9a-f]{64}");

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
   * What {@link #check} found in an output folder: {@code files}, the generated files listed in the
   * stamp (relative to the folder), when they are up to date, else null, meaning generate; {@code
   * reasons}, why the sources are generated again although the criteria, package and generator are
   * the same (a generated file missing, or changed since it was written); {@code unexpected}, the
   * {@code .java} files in the folder that no eligo stamp there lists (they are compiled with the
   * generated sources; eligo never deletes a file it did not write).
   */
  public record Check(List<String> files, List<String> reasons, List<String> unexpected) {
    public Check {
      files = files == null ? null : List.copyOf(files);
      reasons = List.copyOf(reasons);
      unexpected = List.copyOf(unexpected);
    }
  }

  /**
   * The generated files listed in the stamp in {@code output} (relative to it) when the stamp
   * records criteria of {@code contentHash}, {@code packageName} and {@code generator} and the
   * files are all there with the bytes they were written with; else null, meaning generate. A null
   * {@code generator} (the generating code is not known exactly) or {@code contentHash} (criteria
   * that cannot be read) is never up to date.
   */
  public static List<String> upToDate(
      Path output, String contentHash, String packageName, String generator) throws IOException {
    return check(output, STAMP, contentHash, packageName, generator).files();
  }

  /**
   * {@link #upToDate} by the stamp file {@code stampName} in {@code output} (see {@link
   * #stampName}), with why not and the files in {@code output} that eligo did not write.
   */
  public static Check check(
      Path output, String stampName, String contentHash, String packageName, String generator)
      throws IOException {
    List<String> stamp = stamp(output, stampName);
    Map<String, String> previous = listed(stamp);
    List<String> reasons = new ArrayList<>();
    for (Map.Entry<String, String> e : previous.entrySet()) {
      Path file = inside(output, e.getKey());
      if (!Files.isRegularFile(file)) {
        reasons.add(e.getKey() + " is missing");
      } else if (!sha256(Files.readAllBytes(file)).equals(e.getValue())) {
        reasons.add(e.getKey() + " was changed after it was generated");
      }
    }
    List<String> unexpected = unexpected(output, stampName);
    // the same criteria, package and generator (an unknown generator, as it was written): the
    // reasons are why they generate again all the same
    boolean same =
        contentHash != null
            && stamp.size() >= 3
            && stamp
                .subList(0, 3)
                .equals(
                    header(contentHash, packageName, generator == null ? "unknown" : generator));
    return new Check(
        same && generator != null && reasons.isEmpty() ? List.copyOf(previous.keySet()) : null,
        same ? reasons : List.of(),
        unexpected);
  }

  /**
   * Writes the sources of {@code program} (compiled from criteria with {@code contentHash}) in
   * {@code packageName} under {@code output}, deletes the files of the previous stamp that are not
   * generated any more, and writes the stamp {@code stampName}; returns the generated files,
   * relative to {@code output}. A file that another stamp there lists (another execution of the
   * goal writes it into the same folder) is a {@link Clash}, and then nothing is written.
   */
  public static List<String> write(
      Path output,
      String stampName,
      Ir.Program program,
      String contentHash,
      String packageName,
      String generator)
      throws IOException {
    Path stampFile = output.resolve(stampName);
    Set<String> previous = listed(stamp(output, stampName)).keySet();
    Map<String, String> sources = sources(program, packageName);
    Map<String, String> others = owners(output, stampName);
    for (String f : sources.keySet()) {
      if (others.containsKey(f)) {
        throw new Clash(
            "the execution '"
                + execution(others.get(f))
                + "' of eligo:generate writes "
                + f
                + " into "
                + output
                + " too: give each execution a packageName or an outputDirectory of its own (or,"
                + " when that execution is gone, clean the folder)");
      }
    }
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
    for (Map.Entry<String, String> e : sources.entrySet()) {
      lines.add(sha256(e.getValue().getBytes(StandardCharsets.UTF_8)) + " " + e.getKey());
    }
    writeIfChanged(stampFile, String.join("\n", lines) + "\n");
    return List.copyOf(sources.keySet());
  }

  /**
   * The stamp file of the execution {@code executionId} of the Maven goal: {@link #STAMP} for the
   * default execution (or none), {@code .eligo-stamp-ID} for another, so that two executions that
   * generate into one folder keep their own stamps and never delete each other's files.
   */
  public static String stampName(String executionId) {
    return executionId == null || executionId.equals("default")
        ? STAMP
        : STAMP + "-" + executionId.replaceAll("[^A-Za-z0-9._-]", "_");
  }

  private static String execution(String stampName) {
    return stampName.equals(STAMP) ? "default" : stampName.substring(STAMP.length() + 1);
  }

  /** Two executions of the goal that generate the same file into one folder. */
  public static final class Clash extends RuntimeException {
    private static final long serialVersionUID = 1L;

    Clash(String message) {
      super(message);
    }
  }

  private static List<String> stamp(Path output, String stampName) throws IOException {
    Path stampFile = output.resolve(stampName);
    return Files.isRegularFile(stampFile)
        ? Files.readAllLines(stampFile, StandardCharsets.UTF_8)
        : List.of();
  }

  /**
   * The files a stamp lists, relative to its folder, with the SHA-256 of the bytes written ("" for
   * a line of a stamp written before the hashes were: never the same as the file).
   */
  private static Map<String, String> listed(List<String> stamp) {
    Map<String, String> files = new LinkedHashMap<>();
    for (String line : stamp.size() > 3 ? stamp.subList(3, stamp.size()) : List.<String>of()) {
      int space = line.indexOf(' ');
      if (space == 64 && HEX.matcher(line.substring(0, space)).matches()) {
        files.put(line.substring(space + 1), line.substring(0, space));
      } else {
        files.put(line, "");
      }
    }
    return files;
  }

  /** The files that the stamps in {@code output} other than {@code stampName} list: by whose. */
  private static Map<String, String> owners(Path output, String stampName) throws IOException {
    Map<String, String> owners = new HashMap<>();
    if (Files.isDirectory(output)) {
      try (Stream<Path> list = Files.list(output)) {
        for (Path p : list.filter(Files::isRegularFile).toList()) {
          String name = p.getFileName().toString();
          if (name.startsWith(STAMP) && !name.equals(stampName)) {
            for (String f : listed(Files.readAllLines(p, StandardCharsets.UTF_8)).keySet()) {
              owners.putIfAbsent(f, name);
            }
          }
        }
      }
    }
    return owners;
  }

  /** The {@code .java} files under {@code output} that no eligo stamp there lists, sorted. */
  private static List<String> unexpected(Path output, String stampName) throws IOException {
    if (!Files.isDirectory(output)) {
      return List.of();
    }
    Set<String> known = new HashSet<>(owners(output, stampName).keySet());
    known.addAll(listed(stamp(output, stampName)).keySet());
    try (Stream<Path> walk = Files.walk(output)) {
      return walk.filter(p -> p.getFileName().toString().endsWith(".java"))
          .filter(Files::isRegularFile)
          .map(p -> output.relativize(p).toString().replace('\\', '/'))
          .filter(f -> !known.contains(f))
          .sorted()
          .toList();
    }
  }

  private static String sha256(byte[] bytes) {
    try {
      return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
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
