package eligo.hostile;

import eligo.cli.Main;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;

/** What the hostile-input tests share: running the command line, writing criteria. */
final class Hostile {
  private Hostile() {}

  /** What a command gave: its exit status, standard output and standard error. */
  record Ran(int code, String out, String err) {}

  static Ran run(String... args) {
    StringWriter out = new StringWriter();
    StringWriter err = new StringWriter();
    int code = Main.execute(args, new PrintWriter(out), new PrintWriter(err));
    return new Ran(code, out.toString(), err.toString());
  }

  /** One area with one metric whose value is {@code value}, after {@code decls}. */
  static String metric(String decls, String value) {
    return decls
        + "area x \"X\" {\n"
        + "  metric m \"M\" {\n"
        + "    criteria \"c\"\n"
        + "    value "
        + value
        + "\n"
        + "    met when value >= 1\n"
        + "  }\n"
        + "}\n";
  }

  /** Writes {@code text} as {@code x.criteria} in a new folder under {@code dir}. */
  static Path criteria(Path dir, String name, String text) {
    try {
      Path folder = Files.createDirectories(dir.resolve(name));
      Files.writeString(folder.resolve("x.criteria"), text);
      return folder;
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
