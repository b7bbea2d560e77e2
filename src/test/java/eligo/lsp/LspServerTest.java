package eligo.lsp;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.channels.Channels;
import java.nio.channels.Pipe;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import org.eclipse.lsp4j.CodeAction;
import org.eclipse.lsp4j.CodeActionContext;
import org.eclipse.lsp4j.CodeActionKind;
import org.eclipse.lsp4j.CodeActionParams;
import org.eclipse.lsp4j.Command;
import org.eclipse.lsp4j.CompletionItem;
import org.eclipse.lsp4j.CompletionParams;
import org.eclipse.lsp4j.DefinitionParams;
import org.eclipse.lsp4j.DidChangeTextDocumentParams;
import org.eclipse.lsp4j.DidOpenTextDocumentParams;
import org.eclipse.lsp4j.DocumentFormattingParams;
import org.eclipse.lsp4j.DocumentHighlight;
import org.eclipse.lsp4j.DocumentHighlightKind;
import org.eclipse.lsp4j.DocumentHighlightParams;
import org.eclipse.lsp4j.DocumentSymbol;
import org.eclipse.lsp4j.DocumentSymbolParams;
import org.eclipse.lsp4j.FoldingRange;
import org.eclipse.lsp4j.FoldingRangeKind;
import org.eclipse.lsp4j.FoldingRangeRequestParams;
import org.eclipse.lsp4j.FormattingOptions;
import org.eclipse.lsp4j.Hover;
import org.eclipse.lsp4j.HoverParams;
import org.eclipse.lsp4j.InitializeParams;
import org.eclipse.lsp4j.InitializeResult;
import org.eclipse.lsp4j.InitializedParams;
import org.eclipse.lsp4j.Location;
import org.eclipse.lsp4j.MessageActionItem;
import org.eclipse.lsp4j.MessageParams;
import org.eclipse.lsp4j.Position;
import org.eclipse.lsp4j.PublishDiagnosticsParams;
import org.eclipse.lsp4j.Range;
import org.eclipse.lsp4j.ReferenceContext;
import org.eclipse.lsp4j.ReferenceParams;
import org.eclipse.lsp4j.ShowMessageRequestParams;
import org.eclipse.lsp4j.TextDocumentContentChangeEvent;
import org.eclipse.lsp4j.TextDocumentIdentifier;
import org.eclipse.lsp4j.TextDocumentItem;
import org.eclipse.lsp4j.TextEdit;
import org.eclipse.lsp4j.VersionedTextDocumentIdentifier;
import org.eclipse.lsp4j.WorkspaceSymbol;
import org.eclipse.lsp4j.WorkspaceSymbolParams;
import org.eclipse.lsp4j.jsonrpc.Launcher;
import org.eclipse.lsp4j.jsonrpc.ResponseErrorException;
import org.eclipse.lsp4j.jsonrpc.messages.Either;
import org.eclipse.lsp4j.launch.LSPLauncher;
import org.eclipse.lsp4j.services.LanguageClient;
import org.eclipse.lsp4j.services.LanguageServer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The server in process, driven over piped streams by a real LSP4J client. */
class LspServerTest {
  @TempDir Path dir;
  private final LinkedBlockingQueue<PublishDiagnosticsParams> published =
      new LinkedBlockingQueue<>();
  private CompletableFuture<Integer> status;
  private LanguageServer server;
  private Launcher<LanguageServer> client;
  private OutputStream toServer;
  private Path azure;
  private String uri;

  @BeforeEach
  void start() throws Exception {
    for (String f : List.of("azure.criteria", "common.criteria")) {
      Files.copy(Path.of("criteria", f), dir.resolve(f));
    }
    azure = dir.resolve("azure.criteria").toAbsolutePath();
    uri = azure.toUri().toString();
    start(null);
  }

  /** Starts the server, with the dataset folder {@code data} ({@code eligo lsp --data}) or none. */
  private void start(Path data) throws Exception {
    // java.nio pipes: unlike PipedInputStream, they do not fail when a writing thread ends
    Pipe up = Pipe.open();
    Pipe down = Pipe.open();
    toServer = Channels.newOutputStream(up.sink());
    InputStream serverIn = Channels.newInputStream(up.source());
    OutputStream fromServer = Channels.newOutputStream(down.sink());
    InputStream clientIn = Channels.newInputStream(down.source());
    status = CompletableFuture.supplyAsync(() -> LspServer.serve(serverIn, fromServer, data));
    client = LSPLauncher.createClientLauncher(new Client(), clientIn, toServer);
    client.startListening();
    server = client.getRemoteProxy();
    InitializeResult init = server.initialize(new InitializeParams()).get(10, TimeUnit.SECONDS);
    assertThat(init.getCapabilities().getDefinitionProvider().getLeft()).isTrue();
    assertThat(init.getCapabilities().getReferencesProvider().getLeft()).isTrue();
    assertThat(init.getCapabilities().getRenameProvider().getLeft()).isTrue();
    assertThat(init.getCapabilities().getFoldingRangeProvider().getLeft()).isTrue();
    assertThat(init.getCapabilities().getDocumentHighlightProvider().getLeft()).isTrue();
    assertThat(init.getCapabilities().getWorkspaceSymbolProvider().getLeft()).isTrue();
    assertThat(init.getCapabilities().getCodeLensProvider()).isNotNull();
    assertThat(init.getCapabilities().getCodeActionProvider().getRight().getCodeActionKinds())
        .containsExactly(CodeActionKind.QuickFix);
    server.initialized(new InitializedParams());
  }

  @AfterEach
  void stop() throws IOException {
    if (!status.isDone()) {
      toServer.close();
    }
  }

  private final class Client implements LanguageClient {
    @Override
    public void telemetryEvent(Object object) {}

    @Override
    public void publishDiagnostics(PublishDiagnosticsParams diagnostics) {
      published.add(diagnostics);
    }

    @Override
    public void showMessage(MessageParams messageParams) {}

    @Override
    public CompletableFuture<MessageActionItem> showMessageRequest(
        ShowMessageRequestParams requestParams) {
      return CompletableFuture.completedFuture(null);
    }

    @Override
    public void logMessage(MessageParams message) {}
  }

  /** The next diagnostics published for the file under test. */
  private PublishDiagnosticsParams next() throws InterruptedException {
    while (true) {
      PublishDiagnosticsParams p = published.poll(10, TimeUnit.SECONDS);
      assertThat(p).as("diagnostics published").isNotNull();
      if (p.getUri().equals(uri)) {
        return p;
      }
    }
  }

  private static int lineOf(String text, String needle) {
    String[] lines = text.split("\n", -1);
    for (int i = 0; i < lines.length; i++) {
      if (lines[i].contains(needle)) {
        return i;
      }
    }
    throw new AssertionError(needle);
  }

  private static int charOf(String text, int line, String needle) {
    return text.split("\n", -1)[line].indexOf(needle);
  }

  /** The editor's light bulb: the quick fix of a misspelt keyword, as an edit of the open text. */
  @Test
  void aMisspeltKeywordHasAQuickFixThatWritesTheKeyword() throws Exception {
    String text = Files.readString(azure);
    String broken = text.replaceFirst("    details per workload", "    detials per workload");
    server
        .getTextDocumentService()
        .didOpen(
            new DidOpenTextDocumentParams(new TextDocumentItem(uri, "eligo-criteria", 1, broken)));
    org.eclipse.lsp4j.Diagnostic error = next().getDiagnostics().get(0);
    int line = lineOf(broken, "detials");
    List<Either<Command, CodeAction>> actions =
        server
            .getTextDocumentService()
            .codeAction(
                new CodeActionParams(
                    new TextDocumentIdentifier(uri),
                    new Range(new Position(line, 0), new Position(line, 0)),
                    new CodeActionContext(List.of(error))))
            .get(10, TimeUnit.SECONDS);
    assertThat(actions).hasSize(1);
    CodeAction fix = actions.get(0).getRight();
    assertThat(fix.getKind()).isEqualTo(CodeActionKind.QuickFix);
    assertThat(fix.getTitle()).isEqualTo("Change 'detials' to 'details'");
    TextEdit edit = fix.getEdit().getChanges().get(uri).get(0);
    assertThat(edit.getRange()).isEqualTo(new Range(new Position(line, 4), new Position(line, 11)));
    assertThat(edit.getNewText()).isEqualTo("details");
    // a line with no problem: none
    assertThat(
            server
                .getTextDocumentService()
                .codeAction(
                    new CodeActionParams(
                        new TextDocumentIdentifier(uri),
                        new Range(new Position(0, 0), new Position(0, 0)),
                        new CodeActionContext(List.of())))
                .get(10, TimeUnit.SECONDS))
        .isEmpty();
  }

  @Test
  void anErrorIsPublishedAtItsLineAndClearedByTheFix() throws Exception {
    String text = Files.readString(azure);
    String broken = text.replaceFirst("    details per workload", "    detials per workload");
    server
        .getTextDocumentService()
        .didOpen(
            new DidOpenTextDocumentParams(new TextDocumentItem(uri, "eligo-criteria", 1, broken)));
    PublishDiagnosticsParams errors = next();
    assertThat(errors.getDiagnostics()).isNotEmpty();
    assertThat(errors.getDiagnostics().get(0).getRange().getStart().getLine())
        .isEqualTo(lineOf(broken, "detials"));
    assertThat(errors.getDiagnostics().get(0).getMessage()).contains("details");
    server
        .getTextDocumentService()
        .didChange(
            new DidChangeTextDocumentParams(
                new VersionedTextDocumentIdentifier(uri, 2),
                List.of(new TextDocumentContentChangeEvent(text))));
    assertThat(next().getDiagnostics()).isEmpty();
  }

  @Test
  void formatsSymbolsDefinitionHoverAndCompletion() throws Exception {
    String text = Files.readString(azure);
    String messy =
        text.replace("types AZURE_TYPES = CSP, DPOR, PAL", "types   AZURE_TYPES =CSP,DPOR,  PAL");
    server
        .getTextDocumentService()
        .didOpen(
            new DidOpenTextDocumentParams(new TextDocumentItem(uri, "eligo-criteria", 1, messy)));
    TextDocumentIdentifier doc = new TextDocumentIdentifier(uri);
    List<? extends TextEdit> edits =
        server
            .getTextDocumentService()
            .formatting(new DocumentFormattingParams(doc, new FormattingOptions(2, true)))
            .get(10, TimeUnit.SECONDS);
    assertThat(edits).hasSize(1);
    assertThat(edits.get(0).getNewText()).isEqualTo(text);

    List<DocumentSymbol> symbols =
        server
            .getTextDocumentService()
            .documentSymbol(new DocumentSymbolParams(doc))
            .get(10, TimeUnit.SECONDS)
            .stream()
            .map(e -> e.getRight())
            .toList();
    assertThat(symbols)
        .extracting(DocumentSymbol::getName)
        .containsExactly("common.criteria", "AZURE", "AZURE_TYPES", "qualifying_acr", "azure");
    assertThat(symbols.get(4).getChildren())
        .extracting(DocumentSymbol::getName)
        .contains("net-customer-adds", "usage-growth");

    int use = lineOf(messy, "via AZURE_TYPES for tenant, month");
    Position at = new Position(use, charOf(messy, use, "AZURE_TYPES") + 2);
    List<? extends Location> def =
        server
            .getTextDocumentService()
            .definition(new DefinitionParams(doc, at))
            .get(10, TimeUnit.SECONDS)
            .getLeft();
    assertThat(def).hasSize(1);
    assertThat(def.get(0).getUri()).isEqualTo(uri);
    assertThat(def.get(0).getRange().getStart())
        .isEqualTo(new Position(lineOf(messy, "types   AZURE_TYPES"), 8));

    int types = lineOf(messy, "AZURE_TYPES =CSP");
    Position csp = new Position(types, charOf(messy, types, "CSP,"));
    List<? extends Location> imported =
        server
            .getTextDocumentService()
            .definition(new DefinitionParams(doc, csp))
            .get(10, TimeUnit.SECONDS)
            .getLeft();
    assertThat(imported)
        .extracting(Location::getUri)
        .containsExactly(dir.resolve("common.criteria").toAbsolutePath().toUri().toString());

    // every use of AZURE_TYPES in the open (unsaved, messy) text, and its declaration
    ReferenceParams refs = new ReferenceParams(doc, at, new ReferenceContext(true));
    List<? extends Location> uses =
        server.getTextDocumentService().references(refs).get(10, TimeUnit.SECONDS);
    assertThat(uses).extracting(Location::getUri).containsOnly(uri);
    assertThat(uses)
        .extracting(l -> l.getRange().getStart())
        .contains(
            new Position(lineOf(messy, "types   AZURE_TYPES"), 8),
            new Position(use, charOf(messy, use, "AZURE_TYPES")));
    assertThat(uses.size()).isEqualTo(messy.split("\\bAZURE_TYPES\\b", -1).length - 1);
    // renamed at each of those places; a name written already is refused with why
    org.eclipse.lsp4j.WorkspaceEdit renamed =
        server
            .getTextDocumentService()
            .rename(new org.eclipse.lsp4j.RenameParams(doc, at, "ATTRIBUTED"))
            .get(10, TimeUnit.SECONDS);
    assertThat(renamed.getChanges().get(uri))
        .hasSize(uses.size())
        .allSatisfy(e -> assertThat(e.getNewText()).isEqualTo("ATTRIBUTED"));
    assertThatThrownBy(
            () ->
                server
                    .getTextDocumentService()
                    .rename(new org.eclipse.lsp4j.RenameParams(doc, at, "AZURE"))
                    .get(10, TimeUnit.SECONDS))
        .hasMessageContaining("cannot rename: 'AZURE' is written already");

    String hover =
        server
            .getTextDocumentService()
            .hover(new HoverParams(doc, at))
            .get(10, TimeUnit.SECONDS)
            .getContents()
            .getRight()
            .getValue();
    assertThat(hover).contains("AZURE_TYPES").contains("CSP,DPOR,  PAL");

    List<CompletionItem> items =
        server
            .getTextDocumentService()
            .completion(new CompletionParams(doc, at))
            .get(10, TimeUnit.SECONDS)
            .getRight()
            .getItems();
    // after 'via': the association types and their sets
    assertThat(items)
        .extracting(CompletionItem::getLabel)
        .contains("AZURE_TYPES", "CSP_T1")
        .doesNotContain("AZURE", "acr", "where");
  }

  /** The next diagnostics published for the document {@code docUri}. */
  private PublishDiagnosticsParams nextFor(String docUri) throws InterruptedException {
    while (true) {
      PublishDiagnosticsParams p = published.poll(10, TimeUnit.SECONDS);
      assertThat(p).as("diagnostics published for " + docUri).isNotNull();
      if (p.getUri().equals(docUri)) {
        return p;
      }
    }
  }

  /**
   * A new editor not saved yet (an untitled: URI, criteria pasted in): checked alone, its problems
   * published under its own URI, and its requests answered there; before, every request on it was
   * refused ('only file: URIs are served') and the editor showed no problem at all.
   */
  @Test
  void foldsBlocksAndCommentsAndHighlightsANameWithItsDeclaration() throws Exception {
    String text = Files.readString(azure);
    server
        .getTextDocumentService()
        .didOpen(
            new DidOpenTextDocumentParams(new TextDocumentItem(uri, "eligo-criteria", 1, text)));
    TextDocumentIdentifier doc = new TextDocumentIdentifier(uri);
    List<FoldingRange> folds =
        server
            .getTextDocumentService()
            .foldingRange(new FoldingRangeRequestParams(doc))
            .get(10, TimeUnit.SECONDS);
    // 0-based lines: the header comment, then the area up to the line before its '}'
    int area = lineOf(text, "area azure");
    int end = text.split("\n", -1).length - 2; // the last line is empty, the one before it '}'
    assertThat(folds.get(0))
        .extracting(FoldingRange::getStartLine, FoldingRange::getEndLine, FoldingRange::getKind)
        .containsExactly(0, 1, FoldingRangeKind.Comment);
    assertThat(folds)
        .anySatisfy(
            f -> {
              assertThat(f.getStartLine()).isEqualTo(area);
              assertThat(f.getEndLine()).isEqualTo(end - 1);
              assertThat(f.getKind()).isEqualTo(FoldingRangeKind.Region);
            });

    int declared = lineOf(text, "types AZURE_TYPES");
    int use = lineOf(text, "via AZURE_TYPES for tenant, month");
    List<? extends DocumentHighlight> marks =
        server
            .getTextDocumentService()
            .documentHighlight(
                new DocumentHighlightParams(
                    doc, new Position(use, charOf(text, use, "AZURE_TYPES") + 3)))
            .get(10, TimeUnit.SECONDS);
    assertThat(marks).hasSize(5);
    assertThat(marks.get(0).getRange().getStart())
        .isEqualTo(new Position(declared, charOf(text, declared, "AZURE_TYPES")));
    assertThat(marks.get(0).getKind()).isEqualTo(DocumentHighlightKind.Write);
    assertThat(marks.subList(1, 5))
        .allSatisfy(m -> assertThat(m.getKind()).isEqualTo(DocumentHighlightKind.Read));
    assertThat(marks).anySatisfy(m -> assertThat(m.getRange().getStart().getLine()).isEqualTo(use));
    // go to symbol in workspace: the folder's files, this one's as opened
    List<? extends WorkspaceSymbol> symbols =
        server
            .getWorkspaceService()
            .symbol(new WorkspaceSymbolParams("qualifying_acr"))
            .get(10, TimeUnit.SECONDS)
            .getRight();
    assertThat(symbols).hasSize(1);
    assertThat(symbols.get(0).getName()).isEqualTo("qualifying_acr");
    assertThat(symbols.get(0).getLocation().getLeft().getUri()).isEqualTo(uri);
    assertThat(symbols.get(0).getLocation().getLeft().getRange().getStart().getLine())
        .isEqualTo(lineOf(text, "define qualifying_acr"));
    assertThat(
            server
                .getWorkspaceService()
                .symbol(new WorkspaceSymbolParams("security"))
                .get(10, TimeUnit.SECONDS)
                .getRight())
        .isEmpty(); // only azure.criteria and common.criteria are in this folder
    // a document never opened or sent is a clear error, and the server goes on
    TextDocumentIdentifier unknown = new TextDocumentIdentifier("untitled:Untitled-9");
    assertThatThrownBy(
            () ->
                server
                    .getTextDocumentService()
                    .foldingRange(new FoldingRangeRequestParams(unknown))
                    .get(10, TimeUnit.SECONDS))
        .hasCauseInstanceOf(ResponseErrorException.class);
    assertThat(
            server
                .getTextDocumentService()
                .foldingRange(new FoldingRangeRequestParams(doc))
                .get(10, TimeUnit.SECONDS))
        .isEqualTo(folds);
  }

  @Test
  void codeLensesShowTheImpactOnTheDataOnlyWhenThereAreData() throws Exception {
    String text = Files.readString(azure);
    TextDocumentIdentifier doc = new TextDocumentIdentifier(uri);
    server
        .getTextDocumentService()
        .didOpen(
            new DidOpenTextDocumentParams(new TextDocumentItem(uri, "eligo-criteria", 1, text)));
    assertThat(
            server
                .getTextDocumentService()
                .codeLens(new org.eclipse.lsp4j.CodeLensParams(doc))
                .get(10, TimeUnit.SECONDS))
        .isEmpty();
    stop();
    start(Path.of("examples/sample-data").toAbsolutePath());
    server
        .getTextDocumentService()
        .didOpen(
            new DidOpenTextDocumentParams(new TextDocumentItem(uri, "eligo-criteria", 1, text)));
    List<? extends org.eclipse.lsp4j.CodeLens> lenses =
        server
            .getTextDocumentService()
            .codeLens(new org.eclipse.lsp4j.CodeLensParams(doc))
            .get(30, TimeUnit.SECONDS);
    // 0-based: above the area, its customers; above the first gate, its counts; words only
    int area = lineOf(text, "area azure");
    assertThat(lenses.get(0).getRange().getStart().getLine()).isEqualTo(area);
    assertThat(lenses.get(0).getCommand().getTitle())
        .isEqualTo("Impact on sample-data: 400 customers as of 2026-09");
    assertThat(lenses.get(1).getRange().getStart().getLine())
        .isEqualTo(lineOf(text, "gate workloads"));
    assertThat(lenses.get(1).getCommand().getTitle()).matches("\\d+ met · \\d+ not met");
    assertThat(lenses).allSatisfy(l -> assertThat(l.getCommand().getCommand()).isEmpty());
  }

  @Test
  void anUntitledDocumentIsCheckedAloneUnderItsOwnUri() throws Exception {
    String untitled = "untitled:Untitled-1";
    String text =
        "define threshold = $1000\n\n"
            + "area a \"A\" {\n"
            + "  gate g \"G\" {\n"
            + "    criteria \"At least {threshold}\"\n"
            + "    value sum acr at M for tenant, workload\n"
            + "    met when value >=\n"
            + "  }\n"
            + "}\n";
    server
        .getTextDocumentService()
        .didOpen(
            new DidOpenTextDocumentParams(
                new TextDocumentItem(untitled, "eligo-criteria", 1, text)));
    PublishDiagnosticsParams p = nextFor(untitled);
    assertThat(p.getDiagnostics()).hasSize(1);
    assertThat(p.getDiagnostics().get(0).getMessage())
        .isEqualTo("expected a value after '>=' at the end of the line");
    assertThat(p.getDiagnostics().get(0).getRange().getStart().getLine()).isEqualTo(6);
    // fixed: the problem is cleared under the same URI
    String fixed = text.replace("met when value >=\n", "met when value >= threshold\n");
    server
        .getTextDocumentService()
        .didChange(
            new DidChangeTextDocumentParams(
                new VersionedTextDocumentIdentifier(untitled, 2),
                List.of(new TextDocumentContentChangeEvent(fixed))));
    assertThat(nextFor(untitled).getDiagnostics()).isEmpty();
    // go to the definition of 'threshold': in the untitled document itself
    int line = lineOf(fixed, "met when");
    List<? extends Location> to =
        server
            .getTextDocumentService()
            .definition(
                new DefinitionParams(
                    new TextDocumentIdentifier(untitled),
                    new Position(line, charOf(fixed, line, "threshold") + 2)))
            .get(10, TimeUnit.SECONDS)
            .getLeft();
    assertThat(to).hasSize(1);
    assertThat(to.get(0).getUri()).isEqualTo(untitled);
    assertThat(to.get(0).getRange().getStart().getLine()).isZero();
    // an untitled URI no editor opened is a clear error, and nothing is read for it
    CompletableFuture<Object> unopened =
        client
            .getRemoteEndpoint()
            .request(
                "textDocument/documentSymbol",
                Map.of("textDocument", Map.of("uri", "untitled:../../etc/passwd")));
    assertThatThrownBy(() -> unopened.get(10, TimeUnit.SECONDS))
        .cause()
        .isInstanceOf(ResponseErrorException.class)
        .hasMessageContaining("is not open");
  }

  @Test
  void aMalformedRequestGetsAnErrorAndTheServerGoesOn() throws Exception {
    CompletableFuture<Object> bad =
        client
            .getRemoteEndpoint()
            .request(
                "textDocument/hover", Map.of("textDocument", Map.of("uri", "not a uri at all")));
    assertThatThrownBy(() -> bad.get(10, TimeUnit.SECONDS))
        .isInstanceOf(ExecutionException.class)
        .cause()
        .isInstanceOf(ResponseErrorException.class)
        .satisfies(
            e -> assertThat(((ResponseErrorException) e).getResponseError().getData()).isNull());
    CompletableFuture<Object> noPosition =
        client
            .getRemoteEndpoint()
            .request("textDocument/definition", Map.of("textDocument", Map.of("uri", uri)));
    assertThatThrownBy(() -> noPosition.get(10, TimeUnit.SECONDS))
        .cause()
        .isInstanceOf(ResponseErrorException.class)
        .hasMessageContaining("position");
    CompletableFuture<Object> unknown =
        client.getRemoteEndpoint().request("eligo/nothing", Map.of());
    assertThatThrownBy(() -> unknown.get(10, TimeUnit.SECONDS))
        .cause()
        .isInstanceOf(ResponseErrorException.class);
    List<DocumentSymbol> symbols =
        server
            .getTextDocumentService()
            .documentSymbol(new DocumentSymbolParams(new TextDocumentIdentifier(uri)))
            .get(10, TimeUnit.SECONDS)
            .stream()
            .map(e -> e.getRight())
            .toList();
    assertThat(symbols).isNotEmpty();
  }

  @Test
  void aCaseFileGetsDiagnosticsAndSymbols() throws Exception {
    Path cases = dir.resolve("azure.cases").toAbsolutePath();
    Files.copy(Path.of("criteria", "azure.cases"), cases);
    uri = cases.toUri().toString();
    String text = Files.readString(cases);
    String broken = text.replaceFirst("  tenant T1\n", "  tenat T1\n");
    server
        .getTextDocumentService()
        .didOpen(
            new DidOpenTextDocumentParams(new TextDocumentItem(uri, "eligo-cases", 1, broken)));
    PublishDiagnosticsParams errors = next();
    assertThat(errors.getDiagnostics()).isNotEmpty();
    assertThat(errors.getDiagnostics().get(0).getRange().getStart().getLine())
        .isEqualTo(lineOf(broken, "tenat T1"));
    List<DocumentSymbol> symbols =
        server
            .getTextDocumentService()
            .documentSymbol(new DocumentSymbolParams(new TextDocumentIdentifier(uri)))
            .get(10, TimeUnit.SECONDS)
            .stream()
            .map(e -> e.getRight())
            .toList();
    assertThat(symbols).isNotEmpty();
    assertThat(symbols.get(0).getName()).isEqualTo("exactly $1,000.00 in M qualifies the tenant");
    server
        .getTextDocumentService()
        .didChange(
            new DidChangeTextDocumentParams(
                new VersionedTextDocumentIdentifier(uri, 2),
                List.of(new TextDocumentContentChangeEvent(text))));
    assertThat(next().getDiagnostics()).isEmpty();
  }

  @Test
  void placesAreInUtf16UnitsAndLoneCrEndsALine() throws Exception {
    String text = Files.readString(azure);
    // an emoji is one column for the compiler and two UTF-16 units for the protocol
    String broken =
        text.replaceFirst(
            "    met when value >= 1\n", "    met when value >= 1 + \"\ud83d\ude00\" + valeu\n");
    server
        .getTextDocumentService()
        .didOpen(
            new DidOpenTextDocumentParams(new TextDocumentItem(uri, "eligo-criteria", 1, broken)));
    int line = lineOf(broken, "valeu");
    int valeu = charOf(broken, line, "valeu");
    assertThat(next().getDiagnostics())
        .filteredOn(d -> d.getMessage().contains("valeu"))
        .singleElement()
        .satisfies(
            d -> {
              assertThat(d.getRange().getStart()).isEqualTo(new Position(line, valeu));
              assertThat(d.getRange().getEnd()).isEqualTo(new Position(line, valeu + 5));
            });
    String shifted =
        text.replaceFirst(
            "    met when value >= 1\n",
            "    met when value >= \"\ud83d\ude00\ud83d\ude00\" + qualifying_acr\n");
    server
        .getTextDocumentService()
        .didChange(
            new DidChangeTextDocumentParams(
                new VersionedTextDocumentIdentifier(uri, 2),
                List.of(new TextDocumentContentChangeEvent(shifted))));
    next();
    int use = lineOf(shifted, "+ qualifying_acr");
    int word = charOf(shifted, use, "qualifying_acr");
    Hover hover =
        server
            .getTextDocumentService()
            .hover(new HoverParams(new TextDocumentIdentifier(uri), new Position(use, word + 1)))
            .get(10, TimeUnit.SECONDS);
    assertThat(hover).isNotNull();
    assertThat(hover.getRange())
        .isEqualTo(new Range(new Position(use, word), new Position(use, word + 14)));

    // a lone CR ends a line for the protocol
    String cr = text.replace("\n", "\r");
    server
        .getTextDocumentService()
        .didChange(
            new DidChangeTextDocumentParams(
                new VersionedTextDocumentIdentifier(uri, 3),
                List.of(
                    new TextDocumentContentChangeEvent(
                        cr.replaceFirst(
                            "    met when value >= 1\r", "    met when valeu >= 1\r")))));
    assertThat(next().getDiagnostics())
        .singleElement()
        .satisfies(
            d ->
                assertThat(d.getRange().getStart())
                    .isEqualTo(new Position(lineOf(broken, "valeu"), 13)));
  }

  @Test
  void aNegativePositionIsInvalidParams() throws Exception {
    server
        .getTextDocumentService()
        .didOpen(
            new DidOpenTextDocumentParams(
                new TextDocumentItem(uri, "eligo-criteria", 1, Files.readString(azure))));
    assertThatThrownBy(
            () ->
                server
                    .getTextDocumentService()
                    .hover(new HoverParams(new TextDocumentIdentifier(uri), new Position(-1, 3)))
                    .get(10, TimeUnit.SECONDS))
        .cause()
        .isInstanceOf(ResponseErrorException.class)
        .hasMessageContaining("negative");
  }

  @Test
  void criteriaTextInAHoverStaysCode() throws Exception {
    String text =
        "import \"a` [click](javascript:alert(1)) `.criteria\"\n\n"
            + "area azure \"Azure\" {\n"
            + "  gate g \"G\" {\n"
            + "```\n"
            + "[click](https://evil.example)\n"
            + "    value 1\n"
            + "    met when value >= 1\n"
            + "  }\n"
            + "}\n";
    server
        .getTextDocumentService()
        .didOpen(
            new DidOpenTextDocumentParams(new TextDocumentItem(uri, "eligo-criteria", 1, text)));
    TextDocumentIdentifier doc = new TextDocumentIdentifier(uri);
    String imported =
        server
            .getTextDocumentService()
            .hover(new HoverParams(doc, new Position(0, 10)))
            .get(10, TimeUnit.SECONDS)
            .getContents()
            .getRight()
            .getValue();
    assertThat(imported)
        .isEqualTo("**import** ``a` [click](javascript:alert(1)) `.criteria``: no such file");
    String gate =
        server
            .getTextDocumentService()
            .hover(new HoverParams(doc, new Position(3, 7)))
            .get(10, TimeUnit.SECONDS)
            .getContents()
            .getRight()
            .getValue();
    assertThat(gate).startsWith("**gate** `g`\n\n````eligo\ngate g").endsWith("\n````");
  }

  @Test
  void aFileTooDeepToCheckSaysSo() throws Exception {
    String deep = "define x = 1" + " + 1".repeat(20_000) + "\n";
    server
        .getTextDocumentService()
        .didOpen(
            new DidOpenTextDocumentParams(new TextDocumentItem(uri, "eligo-criteria", 1, deep)));
    PublishDiagnosticsParams p = published.poll(60, TimeUnit.SECONDS);
    assertThat(p).as("diagnostics published").isNotNull();
    assertThat(p.getDiagnostics())
        .singleElement()
        .satisfies(d -> assertThat(d.getMessage()).startsWith("too long: more than 500 operands"));
  }

  @Test
  void incrementalChangesAreAppliedInOrder() throws Exception {
    String text = Files.readString(azure);
    server
        .getTextDocumentService()
        .didOpen(
            new DidOpenTextDocumentParams(new TextDocumentItem(uri, "eligo-criteria", 1, text)));
    assertThat(next().getDiagnostics()).isEmpty();
    int line = lineOf(text, "    met when value >= 1");
    Range value = new Range(new Position(line, 13), new Position(line, 18));
    server
        .getTextDocumentService()
        .didChange(
            new DidChangeTextDocumentParams(
                new VersionedTextDocumentIdentifier(uri, 2),
                List.of(
                    new TextDocumentContentChangeEvent(value, "valeu"),
                    new TextDocumentContentChangeEvent(
                        new Range(new Position(line, 13), new Position(line, 13)),
                        "\"\ud83d\ude00\" + "))));
    assertThat(next().getDiagnostics())
        .filteredOn(d -> d.getMessage().contains("valeu"))
        .singleElement()
        .satisfies(d -> assertThat(d.getRange().getStart()).isEqualTo(new Position(line, 20)));
  }

  @Test
  void aByteOrderMarkIsNoErrorAndKeepsTheColumns() throws Exception {
    String text = "\uFEFF" + Files.readString(azure);
    server
        .getTextDocumentService()
        .didOpen(
            new DidOpenTextDocumentParams(new TextDocumentItem(uri, "eligo-criteria", 1, text)));
    assertThat(next().getDiagnostics()).isEmpty();
    String broken = text.replace("# Solutions Partner", "import \"nowhere.criteria\"\n#");
    server
        .getTextDocumentService()
        .didChange(
            new DidChangeTextDocumentParams(
                new VersionedTextDocumentIdentifier(uri, 2),
                List.of(new TextDocumentContentChangeEvent(broken))));
    assertThat(next().getDiagnostics())
        .singleElement()
        .satisfies(d -> assertThat(d.getRange().getStart()).isEqualTo(new Position(0, 8)));
  }

  @Test
  void shutdownThenExitEndsWithStatusZero() throws Exception {
    server.shutdown().get(10, TimeUnit.SECONDS);
    server.exit();
    assertThat(status.get(10, TimeUnit.SECONDS)).isZero();
  }

  @Test
  void exitWithoutShutdownEndsWithStatusOne() throws Exception {
    server.exit();
    assertThat(status.get(10, TimeUnit.SECONDS)).isEqualTo(1);
  }
}
