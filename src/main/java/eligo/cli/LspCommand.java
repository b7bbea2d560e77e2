package eligo.cli;

import eligo.lsp.LspServer;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

@Command(
    name = "lsp",
    mixinStandardHelpOptions = true,
    description = {
      "Runs the language server over stdin and stdout (Language Server Protocol) for editors: diagnostics, formatting, symbols, go to definition, find references, rename, hover, completion, quick fixes, folding, highlights, workspace symbols and, with --data, impact lenses in *.criteria and *.cases files.",
      "Exit status 0 after the client's shutdown and exit."
    })
final class LspCommand implements Callable<Integer> {
  @Option(
      names = "--data",
      paramLabel = "DIR",
      description =
          "A dataset folder: its workloads.csv names complete in criteria, and lenses above each area and node say how many of its customers meet it.")
  Path data;

  @Override
  public Integer call() {
    return LspServer.serve(System.in, System.out, data);
  }
}
