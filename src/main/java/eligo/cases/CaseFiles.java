package eligo.cases;

import eligo.lang.Diagnostic;
import eligo.lang.SourceFile;
import java.io.IOException;
import java.nio.charset.CharacterCodingException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.TreeSet;
import java.util.stream.Stream;

/** Finding and reading {@code *.cases} files. */
public final class CaseFiles {
  private CaseFiles() {}

  public static final String EXTENSION = ".cases";

  /**
   * The files named, and every {@code *.cases} file in (the subfolders of) the folders named, in
   * path order.
   */
  public static List<Path> find(List<Path> paths) throws IOException {
    TreeSet<Path> out = new TreeSet<>();
    for (Path p : paths) {
      if (Files.isDirectory(p)) {
        try (Stream<Path> s = Files.walk(p)) {
          s.filter(f -> f.getFileName().toString().endsWith(EXTENSION) && Files.isRegularFile(f))
              .forEach(out::add);
        }
      } else {
        out.add(p);
      }
    }
    return List.copyOf(out);
  }

  /**
   * Every file parsed, in the order given (one that is not UTF-8 as an empty file), and every
   * diagnostic.
   */
  public record Parsed(List<CaseFile> files, List<Diagnostic> diagnostics) {}

  public static Parsed parse(List<Path> files) throws IOException {
    List<CaseFile> out = new ArrayList<>();
    List<Diagnostic> diagnostics = new ArrayList<>();
    for (Path p : files) {
      String name = p.toString().replace('\\', '/');
      byte[] bytes = Files.readAllBytes(p);
      try {
        CaseParsing.Result r = CaseParsing.parse(new SourceFile(name, SourceFile.decode(bytes)));
        out.add(r.file());
        diagnostics.addAll(r.diagnostics());
      } catch (CharacterCodingException e) {
        out.add(new CaseFile(new SourceFile(name, ""), List.of()));
        diagnostics.add(SourceFile.notUtf8(name, bytes));
      }
    }
    return new Parsed(List.copyOf(out), List.copyOf(diagnostics));
  }
}
