package eligo.io;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.DirectoryStream;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.util.Collection;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ThreadLocalRandom;

/**
 * The one way Eligo writes an output file: whole or not at all.
 *
 * <ul>
 *   <li>The bytes go to a new temporary file beside the target ({@code .NAME.eligo-PID-N.tmp},
 *       created exclusively, so a link planted under that name is never followed), which is then
 *       renamed over the target. A rename replaces a link at the target rather than writing through
 *       it, and a stopped run leaves the previous file whole.
 *   <li>The file is created as any program creates one: its mode follows the umask.
 *   <li>A temporary file is removed on every exit path that runs code: errors, and a JVM stopped by
 *       a signal (a shutdown hook). One left by a killed process ({@code kill -9}) is removed by
 *       the next write into that folder, once no live process has that PID.
 *   <li>{@link #refuseInputs} refuses a target that is one of the run's inputs.
 *   <li>A device, a pipe or a socket is never a target: renaming over it would put a plain file in
 *       its place (as root, over {@code /dev/null}), and a pipe would block the command.
 * </ul>
 */
public final class OutputFile {
  private OutputFile() {}

  /** Writes the body of an output file. */
  @FunctionalInterface
  public interface Body {
    void writeTo(OutputStream out) throws IOException;
  }

  private static final String SUFFIX = ".tmp";
  private static final String MARK = ".eligo-";
  private static final Set<Path> OPEN = ConcurrentHashMap.newKeySet();

  static {
    Runtime.getRuntime()
        .addShutdownHook(
            new Thread(
                () -> {
                  for (Path p : OPEN) {
                    try {
                      Files.deleteIfExists(p);
                    } catch (IOException | RuntimeException e) {
                      // the process is ending; the next write into the folder sweeps it
                    }
                  }
                },
                "eligo-temporary-files"));
  }

  /**
   * Writes {@code target} from {@code body}: into a temporary file beside it, then renamed into
   * place. The folder is created when missing.
   */
  public static void write(Path target, Body body) throws IOException {
    write(target, body, false);
  }

  /**
   * Files expected to be at least this large are written with direct I/O ({@link DirectOutput}):
   * the results file of a million customers (2.8 GB) is. Copying it into the page cache cost a core
   * 5 of the 15 s of writing it, the time varied fivefold from run to run, and gigabytes of dirty
   * pages are what the kernel starts writing back at a tenth of the memory
   * (vm.dirty_background_ratio) and slows writers for beyond that. A smaller file goes through the
   * page cache: the command ends without waiting for the disk (100,000 customers, 275 MB: a run
   * took 2.45 s against 2.65 s with direct I/O, eight alternating pairs, the disk taking 320 to 450
   * MB/s).
   */
  public static final long DIRECT_FROM = 1L << 30;

  /**
   * {@link #write(Path, Body)} of a file expected to hold about {@code expectedBytes}: with direct
   * I/O from {@link #DIRECT_FROM} on, where the file system takes it, else through the page cache.
   */
  public static void write(Path target, long expectedBytes, Body body) throws IOException {
    write(target, body, expectedBytes >= DIRECT_FROM);
  }

  private static void write(Path target, Body body, boolean large) throws IOException {
    try (Batch batch = new Batch()) {
      try (OutputStream out = batch.open(target, large)) {
        body.writeTo(out);
      }
      batch.commit();
    }
  }

  /**
   * Several output files written together, each to its temporary file, and renamed into place only
   * by {@link #commit}: a run stopped before then leaves every previous file as it was. Closing the
   * batch removes what was not committed.
   */
  public static final class Batch implements AutoCloseable {
    private final java.util.Map<Path, Path> pending = new java.util.LinkedHashMap<>();

    /** A new stream to the temporary file of {@code target}; the caller closes it. */
    public OutputStream open(Path target) throws IOException {
      return open(target, false);
    }

    /** {@link #open(Path)}, with direct I/O when {@code large} and the file system takes it. */
    OutputStream open(Path target, boolean large) throws IOException {
      Path abs = target.toAbsolutePath().normalize();
      Path dir = abs.getParent();
      Files.createDirectories(dir);
      if (Files.isDirectory(abs, LinkOption.NOFOLLOW_LINKS)) {
        throw new IOException(target + " is a folder");
      }
      String special = special(abs);
      if (special != null) {
        throw new IOException(special);
      }
      if (pending.containsKey(abs)) {
        throw new IllegalArgumentException(target + " is already open in this batch");
      }
      sweep(dir, abs.getFileName().toString());
      Path tmp = createTemporary(dir, abs.getFileName().toString());
      OPEN.add(tmp);
      pending.put(abs, tmp);
      OutputStream direct = large ? DirectOutput.open(tmp) : null;
      return new Naming(
          direct != null ? direct : Files.newOutputStream(tmp, StandardOpenOption.WRITE), target);
    }

    /** Renames every temporary file over its target. */
    public void commit() throws IOException {
      for (var it = pending.entrySet().iterator(); it.hasNext(); ) {
        var e = it.next();
        Files.move(
            e.getValue(),
            e.getKey(),
            StandardCopyOption.REPLACE_EXISTING,
            StandardCopyOption.ATOMIC_MOVE);
        OPEN.remove(e.getValue());
        it.remove();
      }
    }

    /** Removes the temporary files not committed. */
    @Override
    public void close() throws IOException {
      IOException first = null;
      for (Path tmp : pending.values()) {
        try {
          Files.deleteIfExists(tmp);
        } catch (IOException e) {
          first = first == null ? e : first;
        } finally {
          OPEN.remove(tmp);
        }
      }
      pending.clear();
      if (first != null) {
        throw first;
      }
    }
  }

  /**
   * A failure to write an output's bytes (a full disk, a quota, an I/O error), naming the output:
   * the JVM's own says only {@code No space left on device}.
   */
  public static final class WriteFailed extends java.nio.file.FileSystemException {
    private static final long serialVersionUID = 1L;

    /** The system's words, without the file. */
    private final String cause;

    WriteFailed(Path target, IOException e) {
      super(
          target.toString(),
          null,
          "writing it failed ("
              + (e.getMessage() != null ? e.getMessage() : e.getClass().getSimpleName())
              + "); a file there before is left as it was");
      this.cause = e.getMessage() != null ? e.getMessage() : e.getClass().getSimpleName();
      initCause(e);
    }
  }

  /** {@code out}, its failures to write naming {@code target}. */
  static OutputStream naming(OutputStream out, Path target) {
    return new Naming(out, target);
  }

  /** The stream of an output's temporary file, whose failures name the output. */
  private static final class Naming extends java.io.FilterOutputStream {
    private final Path target;

    Naming(OutputStream out, Path target) {
      super(out);
      this.target = target;
    }

    private IOException named(IOException e) {
      return e instanceof java.nio.file.FileSystemException ? e : new WriteFailed(target, e);
    }

    @Override
    public void write(int b) throws IOException {
      try {
        out.write(b);
      } catch (IOException e) {
        throw named(e);
      }
    }

    @Override
    public void write(byte[] b, int off, int len) throws IOException {
      try {
        out.write(b, off, len);
      } catch (IOException e) {
        throw named(e);
      }
    }

    @Override
    public void flush() throws IOException {
      try {
        out.flush();
      } catch (IOException e) {
        throw named(e);
      }
    }

    @Override
    public void close() throws IOException {
      try {
        out.close();
      } catch (IOException e) {
        throw named(e);
      }
    }
  }

  /** Writes {@code target} holding {@code bytes}, as {@link #write(Path, Body)} does. */
  public static void write(Path target, byte[] bytes) throws IOException {
    write(target, out -> out.write(bytes));
  }

  /**
   * Refuses to write {@code target} when it is one of {@code inputs} or lies inside an input
   * folder, or is another output of the same run: an input is never changed by a run.
   *
   * @param what how the command line names the output, e.g. {@code --results}
   * @param inputs files and folders the run reads
   * @param otherOutputs other files the same run writes
   * @return a message saying why, or null when the target may be written
   */
  public static String refuseInputs(
      String what, Path target, Collection<Path> inputs, Collection<Path> otherOutputs) {
    if (Files.isDirectory(target)) {
      return what + " " + target + " is a folder: name a file";
    }
    String special = special(target);
    if (special != null) {
      return what + " " + special;
    }
    Path t = real(target);
    for (Path in : inputs) {
      Path i = real(in);
      if (t.equals(i)) {
        return what + " " + target + " is an input of this run: choose another file";
      }
      if (Files.isDirectory(i) && t.startsWith(i)) {
        return what
            + " "
            + target
            + " lies inside the input folder "
            + in
            + ": choose another file";
      }
    }
    for (Path other : otherOutputs) {
      if (t.equals(real(other))) {
        return what + " " + target + " is also another output of this run: choose another file";
      }
    }
    return null;
  }

  /**
   * What went wrong in {@code e}, a file system's failure (to write an output, or to read a file
   * given), in words: its exceptions carry only the path as their message ({@code /a/b}), so the
   * kind is said too.
   */
  public static String reason(Exception e) {
    if (e instanceof WriteFailed f) {
      return f.cause; // said of the file its message names already
    }
    if (e instanceof java.nio.file.NotDirectoryException f) {
      return f.getFile() + " is not a folder";
    }
    if (e instanceof java.nio.file.NoSuchFileException f) {
      return "no such file or folder: " + f.getFile();
    }
    if (e instanceof java.nio.file.AccessDeniedException f) {
      return "permission denied: " + f.getFile();
    }
    if (e instanceof FileAlreadyExistsException f && f.getFile() != null) {
      // what creating the folders on the way to an output meets where a folder should be
      Path p = Path.of(f.getFile());
      return f.getFile()
          + (Files.exists(p) && !Files.isDirectory(p)
              ? " is a file, not a folder"
              : " already exists");
    }
    if (e instanceof java.nio.file.FileSystemException f) {
      return f.getFile() + ": " + (f.getReason() != null ? f.getReason() : "cannot be written");
    }
    return e.getMessage() != null ? e.getMessage() : e.getClass().getSimpleName();
  }

  /**
   * Why {@code target} cannot be an output when it is a device, a pipe or a socket (a link to one
   * included), else null. An output is written aside and renamed over its target: over a device
   * such as {@code /dev/null} that would put a plain file in the device's place, and a pipe would
   * block the command until a reader came.
   */
  static String special(Path target) {
    try {
      java.nio.file.attribute.BasicFileAttributes a =
          Files.readAttributes(target, java.nio.file.attribute.BasicFileAttributes.class);
      return a.isOther()
          ? target
              + " is a device, a pipe or a socket, not a file: Eligo writes its outputs whole and"
              + " renames them into place, which would replace it; name a regular file"
          : null;
    } catch (IOException missingOrUnreadable) {
      return null;
    }
  }

  /**
   * The real path of {@code p} (links resolved), or of its nearest existing folder with the rest
   * appended when it does not exist yet.
   */
  private static Path real(Path p) {
    Path abs = p.toAbsolutePath().normalize();
    Path rest = abs.getFileSystem().getPath("");
    for (Path at = abs; at != null; at = at.getParent()) {
      try {
        return at.toRealPath().resolve(rest).normalize();
      } catch (IOException e) {
        rest = at.getFileName() == null ? rest : at.getFileName().resolve(rest);
      }
    }
    return abs;
  }

  /**
   * The part of a temporary file's name that comes from its target's {@code name}: the name, or
   * when a temporary name made of it could pass the 255 bytes file systems allow, its first 100
   * characters and a hash of the rest.
   */
  static String temporaryBase(String name) {
    if (name.getBytes(java.nio.charset.StandardCharsets.UTF_8).length <= 180) {
      return name;
    }
    int cut = Character.isHighSurrogate(name.charAt(99)) ? 99 : 100;
    return name.substring(0, cut) + "+" + Integer.toHexString(name.hashCode());
  }

  private static Path createTemporary(Path dir, String name) throws IOException {
    long pid = ProcessHandle.current().pid();
    for (int attempt = 0; ; attempt++) {
      long n = ThreadLocalRandom.current().nextLong(1L << 40);
      Path tmp =
          dir.resolve("." + temporaryBase(name) + MARK + pid + "-" + Long.toString(n, 36) + SUFFIX);
      try {
        return Files.createFile(tmp);
      } catch (FileAlreadyExistsException e) {
        if (attempt > 100) {
          throw e;
        }
      }
    }
  }

  /**
   * Removes the temporary files for {@code name} in {@code dir} that a process no longer alive left
   * behind.
   */
  private static void sweep(Path dir, String name) {
    String prefix = "." + temporaryBase(name) + MARK;
    DirectoryStream.Filter<Path> mine =
        p -> {
          String f = p.getFileName().toString();
          return f.startsWith(prefix) && f.endsWith(SUFFIX);
        };
    try (DirectoryStream<Path> s = Files.newDirectoryStream(dir, mine)) {
      for (Path p : s) {
        String f = p.getFileName().toString();
        String middle = f.substring(prefix.length(), f.length() - SUFFIX.length());
        int dash = middle.indexOf('-');
        if (dash <= 0) {
          continue;
        }
        long pid;
        try {
          pid = Long.parseLong(middle.substring(0, dash));
        } catch (NumberFormatException e) {
          continue;
        }
        if (pid != ProcessHandle.current().pid() && ProcessHandle.of(pid).isEmpty()) {
          Files.deleteIfExists(p);
        }
      }
    } catch (IOException | RuntimeException e) {
      // sweeping is a courtesy: a folder that cannot be listed is reported by the write itself
    }
  }
}
