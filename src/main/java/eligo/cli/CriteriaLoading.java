package eligo.cli;

import eligo.check.Frontend;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import picocli.CommandLine.Model.CommandSpec;

/** Reading a criteria folder for a command, with plain messages for a missing folder. */
final class CriteriaLoading {
  private CriteriaLoading() {}

  /** The compilation, or null after printing why the folder could not be read. */
  static Frontend.Compilation compile(Path dir, CommandSpec spec) {
    if (!Files.isDirectory(dir)) {
      spec.commandLine().getErr().println("eligo: criteria folder '" + dir + "' does not exist or is not a folder");
      return null;
    }
    try {
      Frontend.Compilation c = Frontend.compileFolder(dir);
      if (c.sources().isEmpty()) {
        spec.commandLine().getErr().println("eligo: criteria folder '" + dir + "' has no *.criteria files");
        return null;
      }
      return c;
    } catch (IOException e) {
      spec.commandLine().getErr().println("eligo: cannot read criteria folder '" + dir + "': " + e.getMessage());
      return null;
    }
  }

  /**
   * The compilation when the criteria have no errors; else null after printing why (the folder,
   * or every diagnostic with its line and caret).
   */
  static Frontend.Compilation compileWithoutErrors(Path dir, CommandSpec spec) {
    Frontend.Compilation c = compile(dir, spec);
    if (c != null && !c.ok()) {
      spec.commandLine().getErr().print(eligo.lang.Diagnostics.render(c.diagnostics()));
      return null;
    }
    return c;
  }
}
