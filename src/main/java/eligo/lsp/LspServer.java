package eligo.lsp;

import eligo.editor.LanguageService;
import eligo.editor.Workspace;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Future;
import org.eclipse.lsp4j.CompletionOptions;
import org.eclipse.lsp4j.InitializeParams;
import org.eclipse.lsp4j.InitializeResult;
import org.eclipse.lsp4j.ServerCapabilities;
import org.eclipse.lsp4j.ServerInfo;
import org.eclipse.lsp4j.SymbolInformation;
import org.eclipse.lsp4j.TextDocumentSyncKind;
import org.eclipse.lsp4j.WorkspaceSymbol;
import org.eclipse.lsp4j.WorkspaceSymbolParams;
import org.eclipse.lsp4j.jsonrpc.Launcher;
import org.eclipse.lsp4j.jsonrpc.ResponseErrorException;
import org.eclipse.lsp4j.jsonrpc.messages.Either;
import org.eclipse.lsp4j.jsonrpc.messages.ResponseError;
import org.eclipse.lsp4j.jsonrpc.messages.ResponseErrorCode;
import org.eclipse.lsp4j.services.LanguageClient;
import org.eclipse.lsp4j.services.LanguageClientAware;
import org.eclipse.lsp4j.services.LanguageServer;
import org.eclipse.lsp4j.services.TextDocumentService;
import org.eclipse.lsp4j.services.WorkspaceService;

/**
 * The Eligo language server: initialize, the text document services of {@link CriteriaDocuments},
 * and a clean end ({@code shutdown} then {@code exit}: status 0; {@code exit} without {@code
 * shutdown}, or the input closed: 1). A request that fails gets an error response with a plain
 * message, never a stack trace, and the server goes on serving; {@link ProtocolGuard} answers what
 * must not reach the services, and {@link ServerLog} keeps the log to one line a record.
 */
public final class LspServer implements LanguageServer, LanguageClientAware {
  /** How long after the last change diagnostics are computed and published. */
  public static final long DEBOUNCE_MILLIS = 200;

  private final CriteriaDocuments documents;
  private volatile LanguageClient client;
  private volatile boolean shutdownRequested;
  private final CompletableFuture<Integer> exit = new CompletableFuture<>();

  public LspServer(LanguageService service, long debounceMillis) {
    this.documents = new CriteriaDocuments(service, () -> client, debounceMillis);
  }

  /**
   * Serves one client over the streams until it sends {@code exit} or closes its input; returns the
   * exit status. {@code data}: a dataset folder for workload completion, or null.
   */
  public static int serve(InputStream in, OutputStream out, Path data) {
    ServerLog.install(System.err);
    LspServer server = new LspServer(new LanguageService(new Workspace(), data), DEBOUNCE_MILLIS);
    Launcher<LanguageClient> launcher =
        new ProtocolGuard.Builder()
            .setLocalService(server)
            .setRemoteInterface(LanguageClient.class)
            .setInput(in)
            .setOutput(out)
            .setExceptionHandler(LspServer::plainError)
            .create();
    server.connect(launcher.getRemoteProxy());
    Future<Void> listening = launcher.startListening();
    Thread watcher =
        new Thread(
            () -> {
              try {
                listening.get();
              } catch (InterruptedException
                  | ExecutionException
                  | java.util.concurrent.CancellationException e) {
                // the input ended or broke: the session is over either way
              }
              server.exit.complete(server.shutdownRequested ? 0 : 1);
            },
            "eligo-lsp-input");
    watcher.setDaemon(true);
    watcher.start();
    int status = server.exit.join();
    listening.cancel(true);
    server.documents.shutdown();
    return status;
  }

  /**
   * The error response for a failure: its own for a {@link ResponseErrorException}, else a plain
   * message.
   */
  static ResponseError plainError(Throwable t) {
    Throwable cause = t;
    while ((cause instanceof java.util.concurrent.CompletionException
            || cause instanceof ExecutionException)
        && cause.getCause() != null) {
      cause = cause.getCause();
    }
    if (cause instanceof ResponseErrorException r) {
      return r.getResponseError();
    }
    String what =
        cause.getMessage() == null ? cause.getClass().getSimpleName() : cause.getMessage();
    return new ResponseError(
        ResponseErrorCode.InternalError, "eligo could not answer this request: " + what, null);
  }

  @Override
  public void connect(LanguageClient client) {
    this.client = client;
  }

  @Override
  public CompletableFuture<InitializeResult> initialize(InitializeParams params) {
    ServerCapabilities caps = new ServerCapabilities();
    caps.setTextDocumentSync(TextDocumentSyncKind.Incremental);
    caps.setDocumentFormattingProvider(true);
    caps.setDocumentSymbolProvider(true);
    caps.setDefinitionProvider(true);
    caps.setReferencesProvider(true);
    caps.setRenameProvider(true);
    caps.setCodeActionProvider(
        new org.eclipse.lsp4j.CodeActionOptions(
            List.of(org.eclipse.lsp4j.CodeActionKind.QuickFix)));
    caps.setHoverProvider(true);
    caps.setFoldingRangeProvider(true);
    caps.setDocumentHighlightProvider(true);
    caps.setWorkspaceSymbolProvider(true);
    caps.setCodeLensProvider(new org.eclipse.lsp4j.CodeLensOptions(false));
    caps.setCompletionProvider(new CompletionOptions(false, List.of()));
    String version = LspServer.class.getPackage().getImplementationVersion();
    return CompletableFuture.completedFuture(
        new InitializeResult(
            caps, new ServerInfo("eligo", version == null ? "development" : version)));
  }

  @Override
  public CompletableFuture<Object> shutdown() {
    shutdownRequested = true;
    documents.shutdown();
    return CompletableFuture.completedFuture(null);
  }

  @Override
  public void exit() {
    exit.complete(shutdownRequested ? 0 : 1);
  }

  @Override
  public TextDocumentService getTextDocumentService() {
    return documents;
  }

  @Override
  public WorkspaceService getWorkspaceService() {
    return new WorkspaceService() {
      @Override
      public void didChangeConfiguration(org.eclipse.lsp4j.DidChangeConfigurationParams params) {}

      @Override
      public void didChangeWatchedFiles(org.eclipse.lsp4j.DidChangeWatchedFilesParams params) {}

      @Override
      public CompletableFuture<
              Either<List<? extends SymbolInformation>, List<? extends WorkspaceSymbol>>>
          symbol(WorkspaceSymbolParams params) {
        return CompletableFuture.supplyAsync(() -> Either.forRight(documents.symbols(params)));
      }
    };
  }
}
