package eligo.lsp;

import eligo.editor.LanguageService;
import eligo.editor.QuickFixes;
import eligo.editor.Rename;
import eligo.editor.SourceLocation;
import eligo.editor.TextRange;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.Function;
import org.eclipse.lsp4j.CodeAction;
import org.eclipse.lsp4j.CodeActionKind;
import org.eclipse.lsp4j.CodeActionParams;
import org.eclipse.lsp4j.Command;
import org.eclipse.lsp4j.Location;
import org.eclipse.lsp4j.Range;
import org.eclipse.lsp4j.ReferenceParams;
import org.eclipse.lsp4j.RenameParams;
import org.eclipse.lsp4j.TextEdit;
import org.eclipse.lsp4j.WorkspaceEdit;
import org.eclipse.lsp4j.jsonrpc.ResponseErrorException;
import org.eclipse.lsp4j.jsonrpc.messages.Either;
import org.eclipse.lsp4j.jsonrpc.messages.ResponseError;
import org.eclipse.lsp4j.jsonrpc.messages.ResponseErrorCode;

/**
 * The requests about every place a name stands and the edits of it ({@link CriteriaDocuments}
 * answers them here): find references, quick fixes, rename. {@code positions} gives a file's text
 * as the protocol counts it (open documents, else the disk).
 */
final class EditRequests {
  private EditRequests() {}

  static List<Location> references(
      LanguageService service,
      DocumentUris uris,
      Function<Path, TextPositions> positions,
      ReferenceParams params) {
    Path p = uris.path(params.getTextDocument());
    int[] place = Convert.place(params, positions.apply(p));
    boolean declaration = params.getContext() != null && params.getContext().isIncludeDeclaration();
    return service.references(p, place[0], place[1], declaration).stream()
        .map(l -> Convert.location(l, uris.uri(l.file()), positions.apply(l.file())))
        .toList();
  }

  /** The quick fixes on the lines of the request's range, each an edit of its document. */
  static List<Either<Command, CodeAction>> quickFixes(
      LanguageService service,
      DocumentUris uris,
      Function<Path, TextPositions> positions,
      CodeActionParams params) {
    Path p = uris.path(params.getTextDocument());
    TextPositions at = positions.apply(p);
    Range r = params.getRange();
    if (r == null || r.getStart() == null || r.getEnd() == null) {
      throw Convert.invalid("range is missing");
    }
    int[] start = at.toService(r.getStart());
    int[] end = at.toService(r.getEnd());
    String uri = uris.uri(p);
    List<Either<Command, CodeAction>> out = new ArrayList<>();
    for (QuickFixes.Fix f :
        service.quickFixes(p, new TextRange(start[0], start[1], end[0], end[1]))) {
      CodeAction a = new CodeAction(f.title());
      a.setKind(CodeActionKind.QuickFix);
      a.setEdit(
          new WorkspaceEdit(
              Map.of(uri, List.of(new TextEdit(Convert.range(f.range(), at), f.text())))));
      out.add(Either.forRight(a));
    }
    return out;
  }

  /** The new name at every place of the renamed one; a refused rename is a request failure. */
  static WorkspaceEdit rename(
      LanguageService service,
      DocumentUris uris,
      Function<Path, TextPositions> positions,
      RenameParams params) {
    Path p = uris.path(params.getTextDocument());
    int[] place = Convert.place(params, positions.apply(p));
    Rename.Plan plan = service.rename(p, place[0], place[1], params.getNewName());
    if (plan.refused() != null) {
      throw new ResponseErrorException(
          new ResponseError(
              ResponseErrorCode.RequestFailed, "cannot rename: " + plan.refused(), null));
    }
    Map<String, List<TextEdit>> edits = new TreeMap<>();
    for (SourceLocation l : plan.places()) {
      edits
          .computeIfAbsent(uris.uri(l.file()), k -> new ArrayList<>())
          .add(
              new TextEdit(
                  Convert.range(l.range(), positions.apply(l.file())), params.getNewName()));
    }
    return new WorkspaceEdit(edits);
  }
}
