package eligo.io;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Where the five files of a dataset ({@link DatasetLoader#FILES}) are read from: a folder, or
 * memory (file name to bytes), so that data written inline elsewhere (a criteria test case) loads
 * through the same checks. A source also says how messages point at a row of one of its files: by
 * default {@code "line 12"} and {@code "is not in tenants.csv"}, the words of a folder.
 */
public interface DataSource {
  /** The files of folder {@code dir}. */
  static DataSource folder(Path dir) {
    return new FolderSource(dir);
  }

  /**
   * Files held in memory: file name (e.g. {@code usage.csv}) to its bytes, UTF-8 as in a folder. A
   * file not in the map is missing. The bytes are not copied.
   */
  static DataSource inMemory(Map<String, byte[]> files) {
    return new MemorySource(Map.copyOf(files));
  }

  /** {@link #inMemory(Map)} of texts, encoded as UTF-8. */
  static DataSource ofTexts(Map<String, String> files) {
    Map<String, byte[]> bytes = new LinkedHashMap<>();
    files.forEach((name, text) -> bytes.put(name, text.getBytes(StandardCharsets.UTF_8)));
    return inMemory(bytes);
  }

  /**
   * Why {@code file} cannot be read, as the message of a file-level error (e.g. {@code file is
   * missing (looked for data/usage.csv)}); null when it can be read.
   */
  String unreadable(String file);

  /** The bytes of {@code file} from its start (a byte-order mark included). */
  InputStream open(String file) throws IOException;

  /**
   * The file on disk, which may then be read on every core ({@link PlainCsv}); null when it is not
   * on disk (it is then read on one thread, with the same checks and results).
   */
  Path path(String file);

  /**
   * How a message points at line {@code line} of {@code file}, as in {@code customer_id 'C1' is
   * already used at line 3}.
   */
  default String line(String file, long line) {
    return "line " + line;
  }

  /**
   * How a message points at line {@code line} of another file, {@code file}, as in {@code workload
   * 'Sales' was rejected (workloads.csv:4)}.
   */
  default String place(String file, long line) {
    return file + ":" + line;
  }

  /** How a message says that an id is not in {@code file}: {@code is not in tenants.csv}. */
  default String notIn(String file) {
    return "is not in " + file;
  }
}
