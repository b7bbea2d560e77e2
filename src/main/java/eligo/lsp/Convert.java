package eligo.lsp;

import eligo.editor.Completion;
import eligo.editor.EditorSymbol;
import eligo.editor.Folding;
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
import org.eclipse.lsp4j.FoldingRange;
import org.eclipse.lsp4j.FoldingRangeKind;
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
        throw invalid("only file: and untitled: URIs are served, not " + uri);
      }
      return Path.of(u).toAbsolutePath().normalize();
    } catch (IllegalArgumentException | java.nio.file.FileSystemNotFoundException e) {
      throw invalid("not a file URI: " + uri);
    }
  }

  /**
   * The service's 1-based line and column, {@code {line, column}}, of a request's position in the
   * text {@code at}; a missing or negative position is an invalid-params error.
   */
  static int[] place(TextDocumentPositionParams p, TextPositions at) {
    if (p == null || p.getPosition() == null) {
      throw invalid("position is missing");
    }
    Position pos = p.getPosition();
    if (pos.getLine() < 0 || pos.getCharacter() < 0) {
      throw invalid(
          "position line "
              + pos.getLine()
              + ", character "
              + pos.getCharacter()
              + ": neither may be negative");
    }
    return at.toService(pos);
  }

  static ResponseErrorException invalid(String message) {
    return new ResponseErrorException(
        new ResponseError(ResponseErrorCode.InvalidParams, message, null));
  }

  /** The protocol range of a range of the text {@code at}. */
  static Range range(TextRange r, TextPositions at) {
    return new Range(
        at.toProtocol(r.startLine(), r.startColumn()), at.toProtocol(r.endLine(), r.endColumn()));
  }

  /**
   * A place of the service's as the protocol's, in the document the client knows as {@code uri}.
   */
  static Location location(SourceLocation l, String uri, TextPositions at) {
    return new Location(uri, range(l.range(), at));
  }

  static Diagnostic diagnostic(Problem p, TextPositions at) {
    Diagnostic d = new Diagnostic(range(p.range(), at), p.message());
    d.setSeverity(
        p.severity() == Problem.Severity.ERROR
            ? DiagnosticSeverity.Error
            : DiagnosticSeverity.Warning);
    d.setSource("eligo");
    d.setCode(p.code());
    return d;
  }

  static DocumentSymbol symbol(EditorSymbol s, TextPositions at) {
    List<DocumentSymbol> children = s.children().stream().map(c -> symbol(c, at)).toList();
    DocumentSymbol d =
        new DocumentSymbol(
            s.name(),
            kind(s.kind()),
            range(s.range(), at),
            range(s.selection(), at),
            s.detail(),
            children);
    return d;
  }

  static SymbolKind kind(EditorSymbol.Kind k) {
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

  /** A fold: 0-based lines, as the protocol counts them (line numbers need no text positions). */
  static FoldingRange folding(Folding.Fold f) {
    FoldingRange r = new FoldingRange(f.startLine() - 1, f.endLine() - 1);
    r.setKind(
        switch (f.kind()) {
          case REGION -> FoldingRangeKind.Region;
          case COMMENT -> FoldingRangeKind.Comment;
          case IMPORTS -> FoldingRangeKind.Imports;
        });
    return r;
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
