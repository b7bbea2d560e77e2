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
   * and the generated files, relative to the output folder; {@code reasons}, why sources of the
   * same criteria, package and generator were generated again (a generated file missing or edited
   * by hand); {@code unexpected}, the {@code .java} files in the output folder that eligo did not
   * generate (see {@link SourceFolder.Check}).
   */
  public record Result(
      Frontend.Compilation compilation,
      List<String> files,
      List<String> reasons,
      List<String> unexpected) {
    public Result {
      files = List.copyOf(files);
      reasons = List.copyOf(reasons);
      unexpected = List.copyOf(unexpected);
    }

    public boolean upToDate() {
      return compilation == null;
    }
  }

  /**
   * Compiles the criteria folder {@code criteria} and writes its sources in {@code packageName}
   * under {@code output}, unless the stamp there records the same criteria content, package and
   * {@code generator} and every file it lists is there with the bytes it was written with. A null
   * {@code generator} (the generating code is not known exactly) always generates.
   */
  public static Result generate(Path criteria, Path output, String packageName, String generator)
      throws IOException {
    return generate(criteria, output, SourceFolder.STAMP, packageName, generator);
  }

  /**
   * {@link #generate(Path, Path, String, String)} with the stamp file {@code stampName} ({@link
   * SourceFolder#stampName}: one per execution of the Maven goal); a file that another stamp in
   * {@code output} lists is a {@link SourceFolder.Clash}.
   */
  public static Result generate(
      Path criteria, Path output, String stampName, String packageName, String generator)
      throws IOException {
    SourceFolder.Check check =
        SourceFolder.check(
            output, stampName, Frontend.contentHash(criteria), packageName, generator);
    if (check.files() != null) {
      return new Result(null, check.files(), List.of(), check.unexpected());
    }
    Frontend.Compilation c = Frontend.compileFolder(criteria);
    if (!c.ok()) {
      return new Result(c, List.of(), check.reasons(), check.unexpected());
    }
    List<String> files =
        SourceFolder.write(output, stampName, c.program(), c.contentHash(), packageName, generator);
    List<String> unexpected = check.unexpected().stream().filter(f -> !files.contains(f)).toList();
    return new Result(c, files, check.reasons(), unexpected);
  }
}
