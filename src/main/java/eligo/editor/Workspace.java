package eligo.editor;

import eligo.lang.SourceFile;
import java.io.IOException;
import java.nio.charset.CharacterCodingException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.stream.Stream;

/**
 * The files an editor works on: the text of open documents, which overrides what is on disk, and
 * the disk for the rest. Paths are absolute and normalized. Safe to use from several threads.
 */
public final class Workspace {
  private final Map<Path, String> open = new ConcurrentHashMap<>();

  /** Records the current (possibly unsaved) text of an open document. */
  public void open(Path file, String text) {
    open.put(normal(file), text);
  }

  /** Forgets an open document: its text is read from disk again. */
  public void close(Path file) {
    open.remove(normal(file));
  }

  public static Path normal(Path file) {
    return file.toAbsolutePath().normalize();
  }

  /** The name a file is given to the compiler, and in problems: its absolute path with '/'. */
  public static String display(Path file) {
    return normal(file).toString().replace('\\', '/');
  }

  /** The open text of a file, else its content on disk, else null (missing or not UTF-8). */
  public String text(Path file) {
    Path p = normal(file);
    String t = open.get(p);
    if (t != null) {
      return t;
    }
    try {
      return Files.isRegularFile(p) ? SourceFile.decode(Files.readAllBytes(p)) : null;
    } catch (CharacterCodingException e) {
      return null;
    } catch (IOException e) {
      return null;
    }
  }

  /** The file's text as a source, empty when it cannot be read. */
  public SourceFile source(Path file) {
    String t = text(file);
    return new SourceFile(display(file), t == null ? "" : t);
  }

  /**
   * Every {@code *.criteria} file of a folder, on disk or open, by display name in name order: what
   * the compiler checks together (a file sees its folder's files through imports).
   */
  public Map<String, String> criteriaTexts(Path folder) {
    Path dir = normal(folder);
    Map<Path, Boolean> files = new TreeMap<>();
    if (Files.isDirectory(dir)) {
      try (Stream<Path> s = Files.list(dir)) {
        s.filter(p -> isCriteria(p) && Files.isRegularFile(p))
            .forEach(p -> files.put(normal(p), true));
      } catch (IOException e) {
        // unreadable folder: only the open documents count
      }
    }
    for (Path p : open.keySet()) {
      if (dir.equals(p.getParent()) && isCriteria(p)) {
        files.put(p, true);
      }
    }
    Map<String, String> texts = new TreeMap<>();
    for (Path p : files.keySet()) {
      String t = text(p);
      if (t != null) {
        texts.put(display(p), t);
      }
    }
    return texts;
  }

  /** The folders of the open documents, in name order. */
  public java.util.SortedSet<Path> openFolders() {
    java.util.SortedSet<Path> out = new java.util.TreeSet<>();
    for (Path p : open.keySet()) {
      if (p.getParent() != null) {
        out.add(p.getParent());
      }
    }
    return out;
  }

  public static boolean isCriteria(Path file) {
    return file.getFileName() != null && file.getFileName().toString().endsWith(".criteria");
  }

  public static boolean isCases(Path file) {
    return file.getFileName() != null && file.getFileName().toString().endsWith(".cases");
  }
}
