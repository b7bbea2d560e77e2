package eligo.check;

import eligo.ir.Ir;
import eligo.lang.Ast;
import eligo.lang.CriteriaParsing;
import eligo.lang.Diagnostic;
import eligo.lang.Diagnostics;
import eligo.lang.NameUse;
import eligo.lang.SourceFile;
import java.io.IOException;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Stream;

/**
 * The front end in one call: reads every {@code *.criteria} file of a folder, parses each, checks
 * them together and elaborates them into the IR. Composes {@link CriteriaParsing} and {@link
 * Checker}; adds nothing of its own but file handling.
 */
public final class Frontend {
  private Frontend() {}

  /**
   * The result of compiling a criteria folder: the program (null when there are errors), every
   * diagnostic in reading order, a SHA-256 of the files' names and contents (what a prebuilt
   * evaluator was built from), and the names the criteria take from the data, where written ({@link
   * DataBinding} holds them against a dataset).
   */
  public record Compilation(
      Ir.Program program,
      List<Diagnostic> diagnostics,
      List<SourceFile> sources,
      String contentHash,
      List<NameUse> names) {
    public boolean ok() {
      return program != null;
    }

    public boolean hasWarnings() {
      return diagnostics.stream().anyMatch(d -> !d.isError());
    }
  }

  /** Compiles every {@code *.criteria} file of {@code dir} (not its subfolders), in name order. */
  public static Compilation compileFolder(Path dir) throws IOException {
    Folder folder = read(dir);
    return compile(folder.texts(), folder.readErrors());
  }

  /**
   * Compiles {@code texts} (by display name) as {@link #compile(Map)} does, with {@code
   * readErrors}: files that could not be read as text (each located at its first bad byte).
   */
  public static Compilation compile(Map<String, String> texts, List<Diagnostic> readErrors) {
    Compilation c = compile(texts);
    if (readErrors.isEmpty()) {
      return c;
    }
    List<Diagnostic> all = new ArrayList<>(readErrors);
    all.addAll(c.diagnostics());
    all.sort(Diagnostics.ORDER);
    return new Compilation(null, all, c.sources(), c.contentHash(), c.names());
  }

  /**
   * The {@link Compilation#contentHash() content hash} that {@link #compileFolder} would give,
   * without parsing: what a build checks to know whether its generated code is up to date. Null
   * when a file is not UTF-8 text: its error is the compilation's, so nothing is up to date.
   */
  public static String contentHash(Path dir) throws IOException {
    Folder folder = read(dir);
    return folder.readErrors().isEmpty() ? hash(folder.texts()) : null;
  }

  private record Folder(Map<String, String> texts, List<Diagnostic> readErrors) {}

  private static Folder read(Path dir) throws IOException {
    List<Path> paths;
    try (Stream<Path> s = Files.list(dir)) {
      paths =
          s.filter(p -> p.getFileName().toString().endsWith(".criteria") && Files.isRegularFile(p))
              .sorted()
              .toList();
    }
    Map<String, String> texts = new LinkedHashMap<>();
    List<Diagnostic> readErrors = new ArrayList<>();
    for (Path p : paths) {
      String display = display(dir, p);
      byte[] bytes = Files.readAllBytes(p);
      try {
        texts.put(display, SourceFile.decode(bytes));
      } catch (CharacterCodingException e) {
        readErrors.add(SourceFile.notUtf8(display, bytes));
      }
    }
    return new Folder(texts, readErrors);
  }

  private static String display(Path dir, Path p) {
    return dir.resolve(p.getFileName()).toString().replace('\\', '/');
  }

  /**
   * Compiles criteria given as texts: display name (e.g. {@code criteria/azure.criteria}) to
   * content. Imports are resolved against the display names: {@code import "common.criteria"} in
   * {@code criteria/azure.criteria} names {@code criteria/common.criteria}.
   */
  public static Compilation compile(Map<String, String> texts) {
    List<SourceFile> sources = new ArrayList<>();
    List<Ast.CriteriaFile> files = new ArrayList<>();
    List<Diagnostic> diagnostics = new ArrayList<>();
    List<NameUse> names = new ArrayList<>();
    Map<String, Ast.CriteriaFile> byName = new LinkedHashMap<>();
    for (Map.Entry<String, String> e : texts.entrySet()) {
      SourceFile source = new SourceFile(e.getKey(), e.getValue());
      sources.add(source);
      CriteriaParsing.Result r = CriteriaParsing.parse(source);
      diagnostics.addAll(r.diagnostics());
      files.add(r.file());
      diagnostics.addAll(Literals.check(r.file()));
      diagnostics.addAll(RepeatedItems.check(r.file()));
      names.addAll(NameUse.of(r.file()));
      byName.put(e.getKey(), r.file());
    }
    Checker.Result checked =
        Checker.check(
            files,
            (from, path) -> byName.get(sibling(from.source().name(), path)),
            Diagnostics.hasErrors(diagnostics));
    // on a line with a syntax error, what the checker finds is the parser's guess: leave it out
    Set<String> syntaxLines = new HashSet<>();
    for (Diagnostic d : diagnostics) {
      syntaxLines.add(d.span().file().name() + ":" + d.span().line());
    }
    for (Diagnostic d : checked.diagnostics()) {
      if (!syntaxLines.contains(d.span().file().name() + ":" + d.span().line())) {
        diagnostics.add(d);
      }
    }
    diagnostics.sort(Diagnostics.ORDER);
    Ir.Program program = Diagnostics.hasErrors(diagnostics) ? null : checked.program();
    return new Compilation(
        program, List.copyOf(diagnostics), List.copyOf(sources), hash(texts), List.copyOf(names));
  }

  private static String sibling(String from, String path) {
    int slash = from.lastIndexOf('/');
    return slash < 0 ? path : from.substring(0, slash + 1) + path;
  }

  /** SHA-256 over file names (without folders) and contents, in name order. */
  static String hash(Map<String, String> texts) {
    try {
      MessageDigest md = MessageDigest.getInstance("SHA-256");
      texts.entrySet().stream()
          .sorted(Map.Entry.comparingByKey())
          .forEach(
              e -> {
                String name = e.getKey().substring(e.getKey().lastIndexOf('/') + 1);
                md.update(name.getBytes(StandardCharsets.UTF_8));
                md.update((byte) 0);
                md.update(e.getValue().getBytes(StandardCharsets.UTF_8));
                md.update((byte) 0);
              });
      return HexFormat.of().formatHex(md.digest());
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
  }
}
