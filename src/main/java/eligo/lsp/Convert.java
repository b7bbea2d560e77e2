package eligo.lsp;

import eligo.editor.Completion;
import eligo.editor.EditorSymbol;
import eligo.editor.Problem;
import eligo.editor.SourceLocation;
import eligo.editor.TextRange;
import java.net.URI;
import java.nio.file.Path;
import java.util.List;
import org.eclipse.lsp4j.CompletionItem;
import org.eclipse.lsp4j.CompletionItemKind;
import org.eclipse.lsp4j.Diagnostic;
import org.eclipse.lsp4j.DiagnosticSeverity;
import org.eclipse.lsp4j.DocumentSymbol;
import org.eclipse.lsp4j.Location;
import org.eclipse.lsp4j.Position;
import org.eclipse.lsp4j.Range;
import org.eclipse.lsp4j.SymbolKind;
import org.eclipse.lsp4j.TextDocumentIdentifier;
import org.eclipse.lsp4j.TextDocumentPositionParams;
import org.eclipse.lsp4j.jsonrpc.ResponseErrorException;
import org.eclipse.lsp4j.jsonrpc.messages.ResponseError;
import org.eclipse.lsp4j.jsonrpc.messages.ResponseErrorCode;

/** Between the language service's records (1-based) and the protocol's (0-based), and URIs. */
final class Convert {
  private Convert() {}

  /** The file a document URI names; a missing or non-file URI is an invalid-params error. */
  static Path path(TextDocumentIdentifier doc) {
    if (doc == null || doc.getUri() == null) {
      throw invalid("textDocument.uri is missing");
    }
    return path(doc.getUri());
  }

  static Path path(String uri) {
    try {
      URI u = URI.create(uri);
      if (!"file".equals(u.getScheme())) {
        throw invalid("only file: URIs are served, not " + uri);
      }
      return Path.of(u).toAbsolutePath().normalize();
    } catch (IllegalArgumentException | java.nio.file.FileSystemNotFoundException e) {
      throw invalid("not a file URI: " + uri);
    }
  }

  /** The 1-based line of a request's position. */
  static int line(TextDocumentPositionParams p) {
    return position(p).getLine() + 1;
  }

  static int column(TextDocumentPositionParams p) {
    return position(p).getCharacter() + 1;
  }

  private static Position position(TextDocumentPositionParams p) {
    if (p == null || p.getPosition() == null) {
      throw invalid("position is missing");
    }
    return p.getPosition();
  }

  static ResponseErrorException invalid(String message) {
    return new ResponseErrorException(
        new ResponseError(ResponseErrorCode.InvalidParams, message, null));
  }

  static Range range(TextRange r) {
    return new Range(
        new Position(r.startLine() - 1, r.startColumn() - 1),
        new Position(r.endLine() - 1, r.endColumn() - 1));
  }

  static Location location(SourceLocation l) {
    return new Location(l.file().toUri().toString(), range(l.range()));
  }

  static Diagnostic diagnostic(Problem p) {
    Diagnostic d = new Diagnostic(range(p.range()), p.message());
    d.setSeverity(
        p.severity() == Problem.Severity.ERROR
            ? DiagnosticSeverity.Error
            : DiagnosticSeverity.Warning);
    d.setSource("eligo");
    d.setCode(p.code());
    return d;
  }

  static DocumentSymbol symbol(EditorSymbol s) {
    List<DocumentSymbol> children = s.children().stream().map(Convert::symbol).toList();
    DocumentSymbol d =
        new DocumentSymbol(
            s.name(), kind(s.kind()), range(s.range()), range(s.selection()), s.detail(), children);
    return d;
  }

  private static SymbolKind kind(EditorSymbol.Kind k) {
    return switch (k) {
      case AREA -> SymbolKind.Module;
      case TEMPLATE -> SymbolKind.Class;
      case BRANCH -> SymbolKind.Namespace;
      case GATE -> SymbolKind.Event;
      case METRIC -> SymbolKind.Method;
      case LEAF -> SymbolKind.Field;
      case ASSOCIATION_TYPE -> SymbolKind.EnumMember;
      case TYPE_SET, WORKLOAD_SET -> SymbolKind.Enum;
      case TABLE -> SymbolKind.Array;
      case MEASURE -> SymbolKind.Property;
      case BAND -> SymbolKind.Interface;
      case DEFINE -> SymbolKind.Function;
      case PARAMETER -> SymbolKind.TypeParameter;
      case IMPORT -> SymbolKind.File;
      case CASE -> SymbolKind.Object;
    };
  }

  static CompletionItem completion(Completion c) {
    CompletionItem item = new CompletionItem(c.label());
    item.setDetail(c.detail());
    item.setKind(
        switch (c.kind()) {
          case KEYWORD -> CompletionItemKind.Keyword;
          case NAME -> CompletionItemKind.Variable;
          case MEASURE -> CompletionItemKind.Field;
          case BUILTIN -> CompletionItemKind.Constant;
          case WORKLOAD -> CompletionItemKind.Value;
          case AREA -> CompletionItemKind.Module;
          case NODE -> CompletionItemKind.Method;
        });
    return item;
  }
}
