package eligo.cli;

import eligo.io.OutputFile;
import eligo.lang.Diagnostics;
import eligo.lang.Formatter;
import eligo.lang.SourceFile;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFileAttributeView;
import java.nio.file.attribute.PosixFilePermission;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.Callable;
import java.util.stream.Stream;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

@Command(
    name = "fmt",
    mixinStandardHelpOptions = true,
    description = {
      "Formats criteria files canonically.",
      "Indentation, spaces and aligned comments change; every comment and line break is kept.",
      "Prints the formatted text unless --check, --diff or --write is given."
    })
final class FmtCommand implements Callable<Integer> {
  @Spec CommandSpec spec;

  @Parameters(
      arity = "1..*",
      paramLabel = "FILE|DIR",
      description = "Criteria files, or folders whose *.criteria files to format.")
  List<Path> paths;

  @Option(
      names = "--check",
      description =
          "Change nothing; list the files that are not formatted and exit with "
              + ExitCodes.UNFORMATTED
              + " if there are any.")
  boolean check;

  @Option(
      names = "--diff",
      description =
          "Change nothing; print what formatting would change as a unified diff (patch -p0"
              + " applies it) and exit with "
              + ExitCodes.UNFORMATTED
              + " if there is any.")
  boolean diff;

  @Option(names = "--write", description = "Rewrite the files that are not formatted, in place.")
  boolean write;

  @Override
  public Integer call() throws IOException {
    PrintWriter out = spec.commandLine().getOut();
    PrintWriter err = spec.commandLine().getErr();
    if ((check ? 1 : 0) + (diff ? 1 : 0) + (write ? 1 : 0) > 1) {
      err.println("eligo: give one of --check, --diff and --write");
      return ExitCodes.USAGE;
    }
    List<Path> files = new ArrayList<>();
    for (Path p : paths) {
      if (Files.isDirectory(p)) {
        try (Stream<Path> s = Files.list(p)) {
          s.filter(f -> f.getFileName().toString().endsWith(".criteria") && Files.isRegularFile(f))
              .sorted()
              .forEach(files::add);
        }
      } else if (Files.isRegularFile(p) && p.getFileName().toString().endsWith(".cases")) {
        // a case file is not criteria: parsed as criteria, it drew a syntax error at 'as of'
        err.println("eligo: '" + p + "' is a case file: fmt formats *.criteria files only");
        return ExitCodes.USAGE;
      } else if (Files.isRegularFile(p)) {
        files.add(p);
      } else {
        err.println("eligo: '" + p + "' is not a file or folder");
        return ExitCodes.USAGE;
      }
    }
    if (files.isEmpty()) {
      // a mistyped folder must not pass --check unseen (as eligo test says of *.cases files)
      err.println("eligo: no *.criteria files in " + paths + ": name criteria files or folders");
      return ExitCodes.USAGE;
    }
    int status = ExitCodes.OK;
    for (Path file : files) {
      String text;
      byte[] bytes = Files.readAllBytes(file);
      try {
        text = SourceFile.decode(bytes);
      } catch (CharacterCodingException e) {
        err.println(SourceFile.notUtf8(file.toString().replace('\\', '/'), bytes).render());
        status = ExitCodes.CRITERIA;
        continue;
      }
      Formatter.Result r =
          Formatter.format(new SourceFile(file.toString().replace('\\', '/'), text));
      if (!r.ok()) {
        err.print(Diagnostics.render(r.diagnostics()));
        status = ExitCodes.CRITERIA;
        continue;
      }
      boolean changed = !r.text().equals(text);
      if (check) {
        if (changed) {
          out.println(file);
          status = Math.max(status, ExitCodes.UNFORMATTED);
        }
      } else if (diff) {
        if (changed) {
          out.print(UnifiedDiff.of(file.toString().replace('\\', '/'), text, r.text()));
          status = Math.max(status, ExitCodes.UNFORMATTED);
        }
      } else if (write) {
        if (changed) {
          // a byte order mark stays (as a spreadsheet or Notepad wrote it): formatting changes
          // layout only
          rewrite(file, (hasBom(bytes) ? "\uFEFF" : "") + r.text());
          out.println("formatted " + file);
        }
      } else {
        out.print(r.text());
      }
    }
    err.flush();
    return status;
  }

  private static boolean hasBom(byte[] bytes) {
    return bytes.length >= 3
        && (bytes[0] & 0xFF) == 0xEF
        && (bytes[1] & 0xFF) == 0xBB
        && (bytes[2] & 0xFF) == 0xBF;
  }

  /**
   * Replaces the file as every output is written ({@link OutputFile}: a whole new file renamed into
   * place, so a stopped command never leaves a criteria file cut short), at the file a link names
   * (the link stays a link), with the mode the file had.
   */
  private static void rewrite(Path file, String text) throws IOException {
    Path target = file.toRealPath();
    Set<PosixFilePermission> mode =
        Files.getFileAttributeView(target, PosixFileAttributeView.class) == null
            ? null
            : Files.getPosixFilePermissions(target);
    OutputFile.write(target, text.getBytes(StandardCharsets.UTF_8));
    if (mode != null) {
      Files.setPosixFilePermissions(target, mode);
    }
  }
}
