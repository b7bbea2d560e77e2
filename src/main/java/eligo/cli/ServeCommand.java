package eligo.cli;

import eligo.engine.EngineFailure;
import eligo.serve.Server;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

@Command(
    name = "serve",
    mixinStandardHelpOptions = true,
    description = {
      "Serves the criteria workbench (staff) and each partner's pages over HTTP.",
      "Loads the data once and keeps it in memory; prints 'listening on http://HOST:PORT/' when ready. Without --access it listens on loopback only and the one local user is staff."
    })
final class ServeCommand implements Callable<Integer> {
  @Spec CommandSpec spec;

  @Option(
      names = "--criteria",
      required = true,
      paramLabel = "DIR",
      description = "Folder of *.criteria (and *.cases) files: the workbench edits and saves them.")
  Path criteria;

  @Option(
      names = "--data",
      required = true,
      paramLabel = "DIR",
      description = "Dataset folder, loaded once.")
  Path data;

  @Option(
      names = "--bind",
      paramLabel = "HOST",
      defaultValue = "127.0.0.1",
      description = "The address to listen on. Default: ${DEFAULT-VALUE}.")
  String bind;

  @Option(
      names = "--port",
      paramLabel = "PORT",
      defaultValue = "8080",
      description = "The port (0: any free port). Default: ${DEFAULT-VALUE}.")
  int port;

  @Option(
      names = "--access",
      paramLabel = "FILE",
      description =
          "CSV with header token,partner_id: who may sign in; partner_id * is program staff."
              + " Needed for a --bind other than loopback.")
  Path access;

  @Option(
      names = "--trusted-proxy",
      paramLabel = "ADDR",
      split = ",",
      description =
          "A reverse proxy in front (an IP address or network, such as 10.0.0.0/8; repeatable):"
              + " a request from it counts wrong tokens for the client its X-Forwarded-For names,"
              + " not for the proxy.")
  List<String> trustedProxies = new ArrayList<>();

  @Mixin SnapshotOption snapshot;

  @Override
  public Integer call() throws InterruptedException {
    List<Path> inputs = new ArrayList<>(List.of(criteria, data));
    if (access != null) {
      inputs.add(access);
    }
    Integer refused = snapshot.refused(inputs, List.of(), spec.commandLine().getErr());
    if (refused != null) {
      return refused;
    }
    Server server;
    try {
      server =
          Server.start(
              new Server.Options(
                  criteria, data, bind, port, access, snapshot.file, trustedProxies));
    } catch (Server.Refused e) {
      spec.commandLine().getErr().println("eligo: " + e.getMessage());
      return ExitCodes.USAGE;
    } catch (EngineFailure f) {
      return Failures.report(f, spec);
    } catch (IOException e) {
      spec.commandLine().getErr().println("eligo: cannot serve: " + eligo.io.OutputFile.reason(e));
      return ExitCodes.FAILURE;
    }
    if (server.snapshot() != null) {
      spec.commandLine().getErr().println(server.snapshot().describe());
      spec.commandLine().getErr().flush();
    }
    if (server.asOfWarning() != null) {
      spec.commandLine().getErr().println("eligo: warning: " + server.asOfWarning());
      spec.commandLine().getErr().flush();
    }
    server.announce(spec.commandLine().getOut());
    CountDownLatch stopped = new CountDownLatch(1);
    Runtime.getRuntime().addShutdownHook(new Thread(server::close));
    stopped.await(); // until the process is stopped
    return ExitCodes.OK;
  }
}
