package eligo.lsp;

import eligo.editor.LanguageService;
import eligo.editor.Problem;
import eligo.editor.Workspace;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;
import org.eclipse.lsp4j.CodeAction;
import org.eclipse.lsp4j.CodeActionParams;
import org.eclipse.lsp4j.Command;
import org.eclipse.lsp4j.CompletionItem;
import org.eclipse.lsp4j.CompletionList;
import org.eclipse.lsp4j.CompletionParams;
import org.eclipse.lsp4j.DefinitionParams;
import org.eclipse.lsp4j.DidChangeTextDocumentParams;
import org.eclipse.lsp4j.DidCloseTextDocumentParams;
import org.eclipse.lsp4j.DidOpenTextDocumentParams;
import org.eclipse.lsp4j.DidSaveTextDocumentParams;
import org.eclipse.lsp4j.DocumentFormattingParams;
import org.eclipse.lsp4j.DocumentHighlight;
import org.eclipse.lsp4j.DocumentHighlightKind;
import org.eclipse.lsp4j.DocumentHighlightParams;
import org.eclipse.lsp4j.DocumentSymbol;
import org.eclipse.lsp4j.DocumentSymbolParams;
import org.eclipse.lsp4j.FoldingRange;
import org.eclipse.lsp4j.FoldingRangeRequestParams;
import org.eclipse.lsp4j.Hover;
import org.eclipse.lsp4j.HoverParams;
import org.eclipse.lsp4j.Location;
import org.eclipse.lsp4j.LocationLink;
import org.eclipse.lsp4j.MarkupContent;
import org.eclipse.lsp4j.MarkupKind;
import org.eclipse.lsp4j.Position;
import org.eclipse.lsp4j.PublishDiagnosticsParams;
import org.eclipse.lsp4j.Range;
import org.eclipse.lsp4j.ReferenceParams;
import org.eclipse.lsp4j.RenameParams;
import org.eclipse.lsp4j.SymbolInformation;
import org.eclipse.lsp4j.TextDocumentContentChangeEvent;
import org.eclipse.lsp4j.TextDocumentItem;
import org.eclipse.lsp4j.TextEdit;
import org.eclipse.lsp4j.WorkspaceEdit;
import org.eclipse.lsp4j.WorkspaceSymbol;
import org.eclipse.lsp4j.WorkspaceSymbolParams;
import org.eclipse.lsp4j.jsonrpc.messages.Either;
import org.eclipse.lsp4j.services.LanguageClient;
import org.eclipse.lsp4j.services.TextDocumentService;

/**
 * The text document half of the server: keeps the open documents in the {@link Workspace},
 * publishes diagnostics a moment after the last change (debounced), and answers formatting,
 * symbols, definition, hover, completion, folding, highlights and impact lenses from the {@link
 * LanguageService}.
 */
final class CriteriaDocuments implements TextDocumentService {
  private final LanguageService service;
  private final Supplier<LanguageClient> client;
  private final long debounceMillis;
  private final ScheduledExecutorService scheduler =
      Executors.newSingleThreadScheduledExecutor(
          r -> {
            Thread t = new Thread(r, "eligo-lsp-diagnostics");
            t.setDaemon(true);
            return t;
          });
  private final Map<Path, ScheduledFuture<?>> pending = new ConcurrentHashMap<>();

  /** The files of the client's documents, and back. */
  private final DocumentUris uris = DocumentUris.ofThisProcess();

  /** Files that were last sent problems, to clear them when they have none. */
  private final Set<Path> shown = ConcurrentHashMap.newKeySet();

  CriteriaDocuments(LanguageService service, Supplier<LanguageClient> client, long debounceMillis) {
    this.service = service;
    this.client = client;
    this.debounceMillis = debounceMillis;
  }

  void shutdown() {
    scheduler.shutdownNow();
  }

  @Override
  public void didOpen(DidOpenTextDocumentParams params) {
    TextDocumentItem doc = params.getTextDocument();
    if (doc == null || doc.getUri() == null || doc.getText() == null) {
      throw Convert.invalid("didOpen needs textDocument.uri and textDocument.text");
    }
    Path p = uris.opened(doc.getUri(), doc.getLanguageId());
    service.workspace().open(p, withoutByteOrderMark(doc.getText()));
    schedule(p);
  }

  @Override
  public void didChange(DidChangeTextDocumentParams params) {
    Path p = uris.path(params.getTextDocument());
    List<TextDocumentContentChangeEvent> changes = params.getContentChanges();
    if (changes != null && !changes.isEmpty()) {
      String text = service.workspace().text(p);
      for (TextDocumentContentChangeEvent change : changes) {
        text = applied(text == null ? "" : text, change);
      }
      service.workspace().open(p, withoutByteOrderMark(text));
    }
    schedule(p);
  }

  /**
   * A document's text for the service: a leading byte-order mark (which a file read from disk
   * loses, and the compiler would take for a stray character) becomes a space, so the columns stay
   * the client's.
   */
  static String withoutByteOrderMark(String text) {
    return text.startsWith("\uFEFF") ? " " + text.substring(1) : text;
  }

  /**
   * The text after a change: the whole new text, or a range replaced (the range clamped into the
   * text, its ends in order).
   */
  static String applied(String text, TextDocumentContentChangeEvent change) {
    if (change == null || change.getText() == null) {
      throw Convert.invalid("didChange needs contentChanges[].text");
    }
    Range r = change.getRange();
    if (r == null) {
      return change.getText();
    }
    if (r.getStart() == null || r.getEnd() == null) {
      throw Convert.invalid("didChange: a range needs a start and an end");
    }
    TextPositions at = new TextPositions(text);
    int start = at.offset(r.getStart());
    int end = at.offset(r.getEnd());
    return text.substring(0, Math.min(start, end))
        + change.getText()
        + text.substring(Math.max(start, end));
  }

  @Override
  public void didClose(DidCloseTextDocumentParams params) {
    Path p = uris.path(params.getTextDocument());
    service.workspace().close(p);
    schedule(p);
    uris.closed(p);
  }

  @Override
  public void didSave(DidSaveTextDocumentParams params) {
    schedule(uris.path(params.getTextDocument()));
  }

  private void schedule(Path file) {
    ScheduledFuture<?> previous =
        pending.put(
            file, scheduler.schedule(() -> publish(file), debounceMillis, TimeUnit.MILLISECONDS));
    if (previous != null) {
      previous.cancel(false);
    }
  }

  private void publish(Path file) {
    LanguageClient c = client.get();
    if (c == null) {
      return;
    }
    try {
      Map<Path, List<Problem>> problems = service.diagnostics(file);
      Set<Path> now = new HashSet<>();
      for (Map.Entry<Path, List<Problem>> e : problems.entrySet()) {
        if (!e.getValue().isEmpty() || shown.contains(e.getKey()) || uris.known(e.getKey())) {
          TextPositions at = positions(e.getKey());
          List<org.eclipse.lsp4j.Diagnostic> list =
              e.getValue().stream().map(d -> Convert.diagnostic(d, at)).toList();
          c.publishDiagnostics(new PublishDiagnosticsParams(uri(e.getKey()), list));
        }
        if (!e.getValue().isEmpty()) {
          now.add(e.getKey());
        }
      }
      shown.removeAll(problems.keySet());
      shown.addAll(now);
    } catch (StackOverflowError e) {
      // an expression nested or chained too deep for the checker: say so where the user looks
      org.eclipse.lsp4j.Diagnostic d =
          new org.eclipse.lsp4j.Diagnostic(
              new Range(new Position(0, 0), new Position(0, 0)),
              "this file nests too deeply to be checked (stack overflow): split a long expression"
                  + " into several with 'define'");
      d.setSeverity(org.eclipse.lsp4j.DiagnosticSeverity.Error);
      d.setSource("eligo");
      d.setCode("syntax");
      c.publishDiagnostics(new PublishDiagnosticsParams(uri(file), List.of(d)));
      shown.add(file);
    } catch (RuntimeException e) {
      // a bug in checking must not stop the server: the next change tries again
      ServerLog.ignored("cannot check " + file + ": " + e);
    }
  }

  /** The positions of a file's text as the service reads it (open, else on disk). */
  private TextPositions positions(Path p) {
    return new TextPositions(service.workspace().text(p));
  }

  private String uri(Path p) {
    return uris.uri(p);
  }

  @Override
  public CompletableFuture<List<? extends TextEdit>> formatting(DocumentFormattingParams params) {
    return CompletableFuture.supplyAsync(
        () -> {
          Path p = uris.path(params.getTextDocument());
          LanguageService.Formatting f = service.format(p);
          String old = service.workspace().text(p);
          if (f.text() == null || old == null || f.text().equals(old)) {
            return List.of();
          }
          Range whole = new Range(new Position(0, 0), new TextPositions(old).end());
          return List.of(new TextEdit(whole, f.text()));
        });
  }

  @Override
  public CompletableFuture<List<Either<SymbolInformation, DocumentSymbol>>> documentSymbol(
      DocumentSymbolParams params) {
    return CompletableFuture.supplyAsync(
        () -> {
          Path p = uris.path(params.getTextDocument());
          TextPositions at = positions(p);
          List<Either<SymbolInformation, DocumentSymbol>> out = new ArrayList<>();
          service.symbols(p).forEach(s -> out.add(Either.forRight(Convert.symbol(s, at))));
          return out;
        });
  }

  @Override
  public CompletableFuture<Either<List<? extends Location>, List<? extends LocationLink>>>
      definition(DefinitionParams params) {
    return CompletableFuture.supplyAsync(
        () -> {
          Path p = uris.path(params.getTextDocument());
          int[] place = Convert.place(params, positions(p));
          List<Location> out =
              service.definition(p, place[0], place[1]).stream()
                  .map(l -> Convert.location(l, uris.uri(l.file()), positions(l.file())))
                  .toList();
          return Either.forLeft(out);
        });
  }

  @Override
  public CompletableFuture<List<? extends Location>> references(ReferenceParams params) {
    return CompletableFuture.supplyAsync(
        () -> EditRequests.references(service, uris, this::positions, params));
  }

  @Override
  public CompletableFuture<List<Either<Command, CodeAction>>> codeAction(CodeActionParams params) {
    return CompletableFuture.supplyAsync(
        () -> EditRequests.quickFixes(service, uris, this::positions, params));
  }

  @Override
  public CompletableFuture<WorkspaceEdit> rename(RenameParams params) {
    return CompletableFuture.supplyAsync(
        () -> EditRequests.rename(service, uris, this::positions, params));
  }

  /** Go to symbol in workspace: the symbols of the criteria beside the open documents. */
  List<WorkspaceSymbol> symbols(WorkspaceSymbolParams params) {
    String query = params == null ? "" : params.getQuery();
    List<WorkspaceSymbol> out = new ArrayList<>();
    for (LanguageService.FoundSymbol f : service.workspaceSymbols(query)) {
      Location at =
          new Location(
              uris.uri(f.file()), Convert.range(f.symbol().selection(), positions(f.file())));
      WorkspaceSymbol w =
          new WorkspaceSymbol(
              f.symbol().name(),
              Convert.kind(f.symbol().kind()),
              Either.forLeft(at),
              f.container());
      out.add(w);
    }
    return out;
  }

  @Override
  public CompletableFuture<List<FoldingRange>> foldingRange(FoldingRangeRequestParams params) {
    return CompletableFuture.supplyAsync(
        () -> {
          Path p = uris.path(params.getTextDocument());
          return service.folding(p).stream().map(Convert::folding).toList();
        });
  }

  @Override
  public CompletableFuture<List<? extends DocumentHighlight>> documentHighlight(
      DocumentHighlightParams params) {
    return CompletableFuture.supplyAsync(
        () -> {
          Path p = uris.path(params.getTextDocument());
          TextPositions at = positions(p);
          int[] place = Convert.place(params, at);
          return service.highlights(p, place[0], place[1]).stream()
              .map(
                  h ->
                      new DocumentHighlight(
                          Convert.range(h.range(), at),
                          h.declaration()
                              ? DocumentHighlightKind.Write
                              : DocumentHighlightKind.Read))
              .toList();
        });
  }

  /**
   * Above each area and node, its impact on the dataset of {@code --data} ({@link
   * eligo.editor.ImpactLenses}): words only, with no command to run.
   */
  @Override
  public CompletableFuture<List<? extends org.eclipse.lsp4j.CodeLens>> codeLens(
      org.eclipse.lsp4j.CodeLensParams params) {
    return CompletableFuture.supplyAsync(
        () -> {
          Path p = uris.path(params.getTextDocument());
          TextPositions at = positions(p);
          return service.impact(p).stream()
              .map(
                  l -> {
                    org.eclipse.lsp4j.Range line =
                        Convert.range(new eligo.editor.TextRange(l.line(), 1, l.line(), 1), at);
                    return new org.eclipse.lsp4j.CodeLens(
                        line, new org.eclipse.lsp4j.Command(l.title(), ""), null);
                  })
              .toList();
        });
  }

  @Override
  public CompletableFuture<Hover> hover(HoverParams params) {
    return CompletableFuture.supplyAsync(
        () -> {
          Path p = uris.path(params.getTextDocument());
          TextPositions at = positions(p);
          int[] place = Convert.place(params, at);
          return service
              .hover(p, place[0], place[1])
              .map(
                  h ->
                      new Hover(
                          new MarkupContent(MarkupKind.MARKDOWN, h.markdown()),
                          Convert.range(h.range(), at)))
              .orElse(null);
        });
  }

  @Override
  public CompletableFuture<Either<List<CompletionItem>, CompletionList>> completion(
      CompletionParams params) {
    return CompletableFuture.supplyAsync(
        () -> {
          Path p = uris.path(params.getTextDocument());
          int[] place = Convert.place(params, positions(p));
          List<CompletionItem> items =
              service.completion(p, place[0], place[1]).stream().map(Convert::completion).toList();
          return Either.forRight(new CompletionList(false, items));
        });
  }
}
