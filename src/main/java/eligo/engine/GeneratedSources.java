package eligo.engine;

import eligo.check.Frontend;
import eligo.codegen.SourceFolder;
import java.io.IOException;
import java.nio.file.Path;
import java.util.List;

/**
 * A criteria folder compiled into Java sources in a source folder, for a build (the Maven goal, the
 * prebuilt evaluators of this jar): nothing is compiled at all when the {@link SourceFolder#STAMP
 * stamp} there says the sources were generated from the same criteria content, package and
 * generator.
 */
public final class GeneratedSources {
  private GeneratedSources() {}

  /**
   * What {@link #generate} did: the compilation (null when the sources were up to date and nothing
   * was compiled; without a program when the criteria have errors, and then nothing was written)
   * and the generated files, relative to the output folder.
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
   * Compiles the criteria folder {@code criteria} and writes its sources in {@code packageName}
   * under {@code output}, unless the stamp there records the same criteria content, package and
   * {@code generator}. A null {@code generator} (the generating code is not known exactly) always
   * generates.
   */
  public static Result generate(Path criteria, Path output, String packageName, String generator)
      throws IOException {
    List<String> upToDate =
        SourceFolder.upToDate(output, Frontend.contentHash(criteria), packageName, generator);
    if (upToDate != null) {
      return new Result(null, upToDate);
    }
    Frontend.Compilation c = Frontend.compileFolder(criteria);
    if (!c.ok()) {
      return new Result(c, List.of());
    }
    return new Result(
        c, SourceFolder.write(output, c.program(), c.contentHash(), packageName, generator));
  }
}
