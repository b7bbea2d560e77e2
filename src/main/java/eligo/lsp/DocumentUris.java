package eligo.lsp;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.eclipse.lsp4j.TextDocumentIdentifier;

/**
 * Between the client's document URIs and the files the language service works on. A {@code file:}
 * URI is its file. An {@code untitled:} URI (an editor not saved yet, as a program manager pastes
 * criteria into) is given a file of its own, in a folder of its own that is never made on disk: it
 * is checked alone, as a folder of one file (an import finds nothing beside it), and nothing of the
 * URI becomes a path (the folder is named by a hash of it). Its kind, criteria or test cases, is
 * the language the client opened it in.
 */
final class DocumentUris {
  private final Path untitledRoot;

  /** The file of each untitled document opened. */
  private final Map<String, Path> untitled = new ConcurrentHashMap<>();

  /** The URI each open document was given by the client, so answers go back under it. */
  private final Map<Path, String> uris = new ConcurrentHashMap<>();

  /** {@code untitledRoot}: an absolute folder that does not exist, under which untitled go. */
  DocumentUris(Path untitledRoot) {
    this.untitledRoot = untitledRoot.toAbsolutePath().normalize();
  }

  /** Untitled documents under a folder of the temporary directory named for this process. */
  static DocumentUris ofThisProcess() {
    return new DocumentUris(
        Path.of(System.getProperty("java.io.tmpdir"))
            .resolve("eligo-untitled-" + ProcessHandle.current().pid()));
  }

  /** The file of a document the client opens in {@code languageId}, now known by its URI. */
  Path opened(String uri, String languageId) {
    Path p;
    if (isUntitled(uri)) {
      String kind = "eligo-cases".equals(languageId) ? ".cases" : ".criteria";
      p = untitledRoot.resolve(hash(uri)).resolve("untitled" + kind);
      untitled.put(uri, p);
    } else {
      p = Convert.path(uri);
    }
    uris.put(p, uri);
    return p;
  }

  /** Forgets the URI of a closed file; an untitled document's stays, to clear its problems. */
  void closed(Path p) {
    if (!p.startsWith(untitledRoot)) {
      uris.remove(p);
    }
  }

  Path path(TextDocumentIdentifier doc) {
    if (doc == null || doc.getUri() == null) {
      throw Convert.invalid("textDocument.uri is missing");
    }
    return path(doc.getUri());
  }

  /**
   * The file of {@code uri}; an untitled document not opened, or another scheme, is an
   * invalid-params error.
   */
  Path path(String uri) {
    if (isUntitled(uri)) {
      Path p = untitled.get(uri);
      if (p == null) {
        throw Convert.invalid("the untitled document " + uri + " is not open");
      }
      return p;
    }
    return Convert.path(uri);
  }

  /** Whether the client opened a document as file {@code p} (and did not close a file so). */
  boolean known(Path p) {
    return uris.containsKey(p);
  }

  /** The URI of file {@code p} for the client: the one it opened it under, else its file URI. */
  String uri(Path p) {
    String u = uris.get(p);
    return u != null ? u : p.toUri().toString();
  }

  private static boolean isUntitled(String uri) {
    return uri != null && uri.regionMatches(true, 0, "untitled:", 0, "untitled:".length());
  }

  private static String hash(String uri) {
    try {
      byte[] d = MessageDigest.getInstance("SHA-256").digest(uri.getBytes(StandardCharsets.UTF_8));
      return HexFormat.of().formatHex(d, 0, 12);
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("SHA-256 is missing from this Java", e);
    }
  }
}
