package eligo.io;

import eligo.ir.Ir;
import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Future;
import java.util.zip.CRC32C;

/**
 * What a loaded dataset was loaded from, decided by content: for each of the five files its size,
 * modification time and a CRC-32C over all its bytes, and the association types and mode of the
 * load. Two loads with the same fingerprint load the same dataset, whatever the folder is called.
 *
 * <p>The bytes are hashed in chunks of {@value #CHUNK} bytes on every core (CRC-32C is computed by
 * the processor's own instruction), so hashing costs a fraction of parsing the same bytes.
 */
public final class DataFingerprint {
  static final int CHUNK = 64 << 20;

  private DataFingerprint() {}

  /**
   * The fingerprint of a load of {@code dir} with {@code associationTypes} in {@code mode}, as one
   * line of text. A missing file is part of the fingerprint ({@code missing}), not an error: the
   * load that follows reports it.
   */
  public static String of(Path dir, List<String> associationTypes, Mode mode) throws IOException {
    return of(ofFiles(dir), associationTypes, mode);
  }

  /**
   * The fingerprint of a load in {@code mode} with {@code associationTypes}, of the files given.
   */
  public static String of(String files, List<String> associationTypes, Mode mode) {
    StringBuilder key = new StringBuilder();
    key.append("mode=").append(mode.name().toLowerCase(Locale.ROOT));
    key.append(";types=").append(associationTypes.size());
    for (String t : associationTypes) {
      key.append(':').append(t.length()).append(':').append(t);
    }
    return key.append(';').append(files).toString();
  }

  /**
   * The fingerprint of a load in {@code mode} with {@code associationTypes} and the declared {@code
   * attributes} (the extra columns read), of the files given. With no attribute it is {@link
   * #of(String, List, Mode)}'s.
   */
  public static String of(
      String files, List<String> associationTypes, List<Ir.Attribute> attributes, Mode mode) {
    if (attributes.isEmpty()) {
      return of(files, associationTypes, mode);
    }
    StringBuilder key = new StringBuilder("attributes=").append(attributes.size());
    for (Ir.Attribute a : attributes) {
      key.append(':')
          .append(a.owner().word)
          .append(':')
          .append(a.column().length())
          .append(':')
          .append(a.column());
    }
    return key.append(';').append(of(files, associationTypes, mode)).toString();
  }

  /**
   * {@link #ofFiles}'s part without the hashes: each file's size and modification time, which take
   * no reading. Two folders whose stats differ have different fingerprints, so a snapshot of other
   * data is known at once, before the hashing ends ({@link #withoutHashes}).
   */
  public static String statsOf(Path dir) {
    StringBuilder key = new StringBuilder();
    for (String name : DatasetLoader.FILES) {
      Path f = dir.resolve(name);
      String stat;
      try {
        stat = Files.size(f) + "," + Files.getLastModifiedTime(f).toMillis();
      } catch (IOException e) {
        stat = "missing";
      }
      key.append(key.length() == 0 ? "" : ";").append(name).append('=').append(stat);
    }
    return key.toString();
  }

  /**
   * {@code fingerprint} without its files' hashes. Of two fingerprints of the same load, one with
   * {@link #ofFiles}'s part and one with {@link #statsOf}'s part of the same files, both give the
   * same; two that give different ones are of different data.
   */
  public static String withoutHashes(String fingerprint) {
    return HASH.matcher(fingerprint).replaceAll("");
  }

  /**
   * Whether {@code withoutHashes}, a fingerprint without its hashes ({@link #withoutHashes}), is of
   * files whose sizes and modification times are {@code stats} ({@link #statsOf}): its files' part,
   * which comes last, is {@code stats}. The load's other parts are not compared.
   */
  public static boolean sameFiles(String withoutHashes, String stats) {
    return withoutHashes.endsWith(";" + stats);
  }

  /**
   * Which files of {@code stats} ({@link #statsOf}) are not as {@code withoutHashes}, a snapshot's
   * fingerprint without its hashes, records them, and how: {@code usage.csv's size and modification
   * time, customers.csv's modification time}; empty when the files' parts agree.
   */
  public static String changedFiles(String withoutHashes, String stats) {
    java.util.Map<String, String[]> before = fileStats(withoutHashes);
    List<String> changed = new ArrayList<>();
    for (var now : fileStats(stats).entrySet()) {
      String[] was = before.get(now.getKey());
      String[] is = now.getValue();
      if (was == null || java.util.Arrays.equals(was, is)) {
        continue;
      }
      String how =
          was.length < 2 || is.length < 2
              ? (is.length < 2 ? " is missing" : " is new")
              : !was[0].equals(is[0])
                  ? "'s size" + (was[1].equals(is[1]) ? "" : " and modification time")
                  : "'s modification time (the content may be the same)";
      changed.add(now.getKey() + how);
    }
    return String.join(", ", changed);
  }

  private static final java.util.regex.Pattern FILE_STAT =
      java.util.regex.Pattern.compile("(?:^|;)([a-z]+\\.csv)=(\\d{1,19},-?\\d{1,19}|missing)");

  private static java.util.Map<String, String[]> fileStats(String key) {
    java.util.Map<String, String[]> out = new java.util.LinkedHashMap<>();
    java.util.regex.Matcher m = FILE_STAT.matcher(key);
    while (m.find()) {
      out.put(m.group(1), m.group(2).split(","));
    }
    return out;
  }

  /** A file's hash, after its size and modification time. */
  private static final java.util.regex.Pattern HASH =
      java.util.regex.Pattern.compile(
          "(?<=\\.csv=(?:\\d{1,19},-?\\d{1,19}|missing)),[0-9a-f]{1,8}(?=;|$)");

  /** The part of the fingerprint that the five files of {@code dir} give. */
  public static String ofFiles(Path dir) throws IOException {
    StringBuilder key = new StringBuilder();
    List<Path> files = new ArrayList<>();
    for (String name : DatasetLoader.FILES) {
      files.add(dir.resolve(name));
    }
    int threads = Math.max(1, Runtime.getRuntime().availableProcessors());
    ExecutorService pool = DaemonThreads.pool(threads, "eligo-fingerprint");
    // each chunk read through its thread's one buffer (Crc32cParts.crc): a new direct buffer per
    // chunk of 64 MB was zeroed, page by page, for each of the 70 chunks of a million customers'
    // files
    try {
      List<List<Future<Integer>>> chunks = new ArrayList<>();
      List<String> stats = new ArrayList<>();
      for (Path f : files) {
        List<Future<Integer>> mine = new ArrayList<>();
        long size;
        try {
          size = Files.size(f);
          stats.add(size + "," + Files.getLastModifiedTime(f).toMillis());
        } catch (NoSuchFileException e) {
          stats.add("missing");
          chunks.add(mine);
          continue;
        }
        for (long at = 0; at < size; at += CHUNK) {
          long from = at;
          long length = Math.min(CHUNK, size - at);
          mine.add(pool.submit(() -> crc(f, from, length)));
        }
        chunks.add(mine);
      }
      for (int i = 0; i < files.size(); i++) {
        CRC32C whole = new CRC32C();
        for (Future<Integer> chunk : chunks.get(i)) {
          int c = chunk.get();
          whole.update(
              new byte[] {(byte) (c >>> 24), (byte) (c >>> 16), (byte) (c >>> 8), (byte) c});
        }
        key.append(i == 0 ? "" : ";")
            .append(DatasetLoader.FILES.get(i))
            .append('=')
            .append(stats.get(i))
            .append(',')
            .append(Long.toHexString(whole.getValue()));
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IOException("interrupted while hashing the data", e);
    } catch (ExecutionException e) {
      throw e.getCause() instanceof IOException io ? io : new IOException(e.getCause());
    } finally {
      pool.shutdownNow();
    }
    return key.toString();
  }

  /**
   * The CRC-32C of {@code length} bytes of {@code f} from {@code from}, read through the thread's
   * buffer ({@link Crc32cParts#crc(FileChannel, long, long)}).
   */
  private static int crc(Path f, long from, long length) throws IOException {
    try (FileChannel ch = FileChannel.open(f, StandardOpenOption.READ)) {
      long crc = Crc32cParts.crc(ch, from, length);
      if (crc == Crc32cParts.SHORT) {
        throw new IOException(
            f + " changed while it was hashed (shorter than " + (from + length) + " bytes)");
      }
      return (int) crc;
    }
  }
}
