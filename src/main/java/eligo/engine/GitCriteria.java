package eligo.engine;

import eligo.check.Frontend;
import eligo.lang.Diagnostic;
import eligo.lang.SourceFile;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;

/**
 * A criteria folder as it was at a git revision ({@code HEAD~1}, a tag, a commit): its {@code
 * *.criteria} files are read with {@code git ls-tree} and {@code git cat-file} and compiled from
 * memory, named {@code REV:path/file.criteria} in diagnostics. Nothing is checked out.
 */
public final class GitCriteria {
  private GitCriteria() {}

  /** Git could not give the folder at that revision; the message says why in git's words. */
  public static final class GitException extends Exception {
    private static final long serialVersionUID = 1L;

    public GitException(String message) {
      super(message);
    }
  }

  /**
   * Compiles the {@code *.criteria} files that {@code folder} (inside a git work tree) held at
   * {@code revision}; a {@link CriteriaFailure} when it held none.
   */
  public static Frontend.Compilation compile(String revision, Path folder)
      throws GitException, IOException, CriteriaFailure {
    if (revision.isEmpty() || revision.startsWith("-")) {
      throw new GitException("'" + revision + "' is not a revision");
    }
    String[] where =
        text(git(folder, "rev-parse", "--show-toplevel", "--show-prefix")).split("\n", -1);
    Path top = Path.of(where[0]);
    String prefix = where.length > 1 ? where[1] : "";
    // a revision that exists, but without the folder, is said so (not 'not a revision')
    try {
      git(top, "rev-parse", "--verify", "--quiet", "--end-of-options", revision + "^{commit}");
    } catch (GitException e) {
      throw new GitException("no commit by that name");
    }
    String tree;
    try {
      tree = text(git(top, "ls-tree", "-z", revision + ":" + prefix));
    } catch (GitException e) {
      throw CriteriaFailure.folder(
          folder, "the folder " + folder + " did not exist at revision '" + revision + "'", null);
    }
    Map<String, String> texts = new LinkedHashMap<>();
    List<Diagnostic> unreadable = new ArrayList<>();
    for (String entry : tree.split("\u0000")) {
      // "<mode> <type> <object>\t<name>"
      int tab = entry.indexOf('\t');
      if (tab < 0) {
        continue;
      }
      String[] meta = entry.substring(0, tab).split(" ");
      String name = entry.substring(tab + 1);
      if (!meta[1].equals("blob") || !name.endsWith(".criteria")) {
        continue;
      }
      String display = revision + ":" + prefix + name;
      byte[] blob = git(top, "cat-file", "blob", meta[2]);
      if (meta[0].equals("120000")) {
        // a symbolic link: its blob is the path it names, and the folder as checked out reads
        // the file there, so the revision's file there is read too
        blob = linked(top, revision, prefix, text(blob), display, folder);
      }
      try {
        texts.put(display, SourceFile.decode(blob));
      } catch (CharacterCodingException e) {
        unreadable.add(SourceFile.notUtf8(display, blob));
      }
    }
    if (texts.isEmpty() && unreadable.isEmpty()) {
      // as a folder without criteria files is refused: an empty program declares no association
      // type, and every row of the data would be called bad
      throw CriteriaFailure.folder(
          folder,
          "the folder " + folder + " held no *.criteria files at revision '" + revision + "'",
          null);
    }
    return Frontend.compile(texts, unreadable);
  }

  /**
   * The bytes, at {@code revision}, of the file that link {@code display} (in the folder {@code
   * prefix} of the repository at {@code top}) names.
   */
  private static byte[] linked(
      Path top, String revision, String prefix, String target, String display, Path folder)
      throws IOException, CriteriaFailure {
    Path resolved = Path.of(prefix.isEmpty() ? "." : prefix).resolve(target).normalize();
    if (target.startsWith("/") || resolved.startsWith("..")) {
      throw CriteriaFailure.folder(
          folder, display + " is a link out of the repository (to " + target + ")", null);
    }
    try {
      return git(top, "cat-file", "blob", revision + ":" + resolved.toString().replace('\\', '/'));
    } catch (GitException e) {
      throw CriteriaFailure.folder(
          folder,
          display + " is a link to " + target + ", which revision '" + revision + "' does not hold",
          null);
    }
  }

  private static byte[] git(Path dir, String... args) throws GitException, IOException {
    List<String> command = new ArrayList<>(List.of("git", "-C", dir.toString()));
    command.addAll(List.of(args));
    Process p = new ProcessBuilder(command).start();
    p.getOutputStream().close();
    CompletableFuture<byte[]> err =
        CompletableFuture.supplyAsync(() -> readAll(p.getErrorStream()));
    byte[] out = p.getInputStream().readAllBytes();
    try {
      int code = p.waitFor();
      if (code != 0) {
        throw new GitException(text(err.join()).strip());
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IOException("interrupted while running git", e);
    }
    return out;
  }

  private static byte[] readAll(InputStream in) {
    try {
      return in.readAllBytes();
    } catch (IOException e) {
      return new byte[0];
    }
  }

  private static String text(byte[] bytes) {
    String s = new String(bytes, StandardCharsets.UTF_8);
    return s.endsWith("\n") ? s.substring(0, s.length() - 1) : s;
  }
}
