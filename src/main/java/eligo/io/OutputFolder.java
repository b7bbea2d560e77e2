package eligo.io;

import java.io.IOException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ThreadLocalRandom;

/**
 * The one way Eligo writes an output folder (a report site): whole, replacing the previous one.
 *
 * <ul>
 *   <li>The files go into a new folder beside the target ({@code .NAME.eligo-PID-N.tmp}, created
 *       exclusively, so nothing planted under that name is written through); when every file is
 *       written, the previous folder is renamed aside, the new one renamed into place, and the
 *       previous one removed. Nothing of an earlier run stays, and a run stopped before the swap
 *       leaves the previous folder as it was. (Two renames: for a moment between them the target is
 *       absent; it is never half-written.)
 *   <li>A folder is only ever replaced when it is empty or holds the {@link #MARKER} file that
 *       every folder written this way holds: {@code --out ~/Documents} is refused, not emptied.
 *   <li>Temporary folders are removed on every exit path that runs code (errors, a shutdown hook
 *       for signals); one left by a killed process is removed by the next write beside it, once no
 *       live process has its PID.
 * </ul>
 */
public final class OutputFolder {
  private OutputFolder() {}

  /** Marks a folder as written by Eligo, and so replaceable by the next run. */
  public static final String MARKER = ".eligo-output";

  private static final String MARK = ".eligo-";
  private static final String SUFFIX = ".tmp";
  private static final Set<Path> OPEN = ConcurrentHashMap.newKeySet();

  static {
    Runtime.getRuntime()
        .addShutdownHook(
            new Thread(
                () -> {
                  for (Path p : OPEN) {
                    try {
                      delete(p);
                    } catch (IOException | RuntimeException e) {
                      // the process is ending; the next write beside it sweeps it
                    }
                  }
                },
                "eligo-temporary-folders"));
  }

  /** Writes the content of an output folder into the (new, empty) folder given. */
  @FunctionalInterface
  public interface Body {
    void writeInto(Path dir) throws IOException;
  }

  /** The target exists and is not a folder this class wrote. */
  public static final class NotOurs extends IOException {
    private static final long serialVersionUID = 1L;

    NotOurs(String message) {
      super(message);
    }
  }

  /**
   * Writes {@code target} whole from {@code body}: into a temporary folder beside it, then swapped
   * in place of the previous one.
   *
   * @throws NotOurs when {@code target} exists and is neither empty nor marked as Eligo's
   */
  public static void write(Path target, Body body) throws IOException {
    Path abs = target.toAbsolutePath().normalize();
    if (abs.getParent() == null) {
      throw new NotOurs("cannot replace the root folder");
    }
    refuseForeign(abs);
    Path parent = abs.getParent();
    Files.createDirectories(parent);
    String name = abs.getFileName().toString();
    sweep(parent, name);
    Path tmp = createTemporary(parent, name, "");
    OPEN.add(tmp);
    try {
      body.writeInto(tmp);
      Files.writeString(tmp.resolve(MARKER), "written by Eligo; replaced whole by the next run\n");
      refuseForeign(abs);
      Path old = null;
      if (Files.exists(abs, LinkOption.NOFOLLOW_LINKS)) {
        old = createTemporary(parent, name, ".old");
        Files.delete(old);
        // not registered for deletion until the new site is in place: a process stopped between
        // the two renames leaves the previous site aside, and the next write puts it back (sweep)
        Files.move(abs, old, StandardCopyOption.ATOMIC_MOVE);
      }
      Files.move(tmp, abs, StandardCopyOption.ATOMIC_MOVE);
      OPEN.remove(tmp);
      if (old != null) {
        OPEN.add(old);
        delete(old);
        OPEN.remove(old);
      }
    } finally {
      if (OPEN.remove(tmp)) {
        delete(tmp);
      }
    }
  }

  /**
   * Why {@code target} cannot be written by {@link #write} (it is a file, or a non-empty folder
   * Eligo did not write), or null: for a command to refuse before it reads anything.
   */
  public static String refused(Path target) {
    try {
      refuseForeign(target.toAbsolutePath().normalize());
      return null;
    } catch (NotOurs e) {
      return e.getMessage();
    } catch (IOException e) {
      return target + " cannot be read: " + e.getMessage();
    }
  }

  /**
   * Why {@code file}, an output of the same command, cannot be inside the folder {@code target}
   * that {@link #write} replaces whole, or null.
   */
  public static String refusedInside(String what, Path file, Path target) {
    Path f = file.toAbsolutePath().normalize();
    Path t = target.toAbsolutePath().normalize();
    return f.startsWith(t)
        ? what
            + " "
            + file
            + " lies inside "
            + target
            + ", which is replaced whole with each report: choose a file outside it"
        : null;
  }

  private static void refuseForeign(Path abs) throws IOException {
    if (!Files.exists(abs, LinkOption.NOFOLLOW_LINKS)) {
      return;
    }
    if (Files.isSymbolicLink(abs)) {
      // the new site would replace the link, not fill the folder it leads to
      throw new NotOurs(abs + " is a link: give the folder itself");
    }
    if (!Files.isDirectory(abs, LinkOption.NOFOLLOW_LINKS)) {
      throw new NotOurs(abs + " exists and is not a folder");
    }
    if (Files.exists(abs.resolve(MARKER), LinkOption.NOFOLLOW_LINKS)) {
      return;
    }
    Path parent = abs.getParent();
    if (parent != null && Files.exists(parent.resolve(MARKER), LinkOption.NOFOLLOW_LINKS)) {
      throw new NotOurs(
          abs
              + " is part of the site "
              + parent
              + " that Eligo wrote: write that site again, or this one elsewhere");
    }
    try (DirectoryStream<Path> s = Files.newDirectoryStream(abs)) {
      if (s.iterator().hasNext()) {
        throw new NotOurs(
            abs
                + " is a folder Eligo did not write (no "
                + MARKER
                + " in it) and is not empty: give a new or empty folder, it is replaced whole");
      }
    }
  }

  private static Path createTemporary(Path dir, String name, String kind) throws IOException {
    long pid = ProcessHandle.current().pid();
    for (int attempt = 0; ; attempt++) {
      long n = ThreadLocalRandom.current().nextLong(1L << 40);
      Path tmp =
          dir.resolve(
              "."
                  + OutputFile.temporaryBase(name)
                  + MARK
                  + pid
                  + "-"
                  + Long.toString(n, 36)
                  + kind
                  + SUFFIX);
      try {
        return Files.createDirectory(tmp);
      } catch (java.nio.file.FileAlreadyExistsException e) {
        if (attempt > 100) {
          throw e;
        }
      }
    }
  }

  /** Removes temporary folders for {@code name} that a process no longer alive left behind. */
  private static void sweep(Path dir, String name) {
    String prefix = "." + OutputFile.temporaryBase(name) + MARK;
    try (DirectoryStream<Path> s =
        Files.newDirectoryStream(
            dir,
            p -> {
              String f = p.getFileName().toString();
              return f.startsWith(prefix) && f.endsWith(SUFFIX);
            })) {
      for (Path p : s) {
        String f = p.getFileName().toString();
        String middle = f.substring(prefix.length());
        int dash = middle.indexOf('-');
        long pid;
        try {
          pid = Long.parseLong(middle.substring(0, Math.max(0, dash)));
        } catch (NumberFormatException e) {
          continue;
        }
        if (ProcessHandle.of(pid).map(ProcessHandle::isAlive).orElse(false)) {
          continue;
        }
        try {
          Path target = dir.resolve(name);
          if (f.endsWith(".old" + SUFFIX) && !Files.exists(target, LinkOption.NOFOLLOW_LINKS)) {
            // the previous site, set aside by a process stopped before the new one was in place
            Files.move(p, target, StandardCopyOption.ATOMIC_MOVE);
            continue;
          }
          delete(p);
        } catch (IOException e) {
          // left for a later sweep
        }
      }
    } catch (IOException e) {
      // nothing to sweep
    }
  }

  /** Deletes a folder tree without following links ({@link FolderDeletion}). */
  static void delete(Path root) throws IOException {
    FolderDeletion.delete(root);
  }
}
