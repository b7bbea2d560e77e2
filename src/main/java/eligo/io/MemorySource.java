package eligo.io;

import java.io.ByteArrayInputStream;
import java.io.InputStream;
import java.nio.file.Path;
import java.util.Map;

/** The files of a dataset held in memory ({@link DataSource#inMemory}): file name to bytes. */
record MemorySource(Map<String, byte[]> files) implements DataSource {
  @Override
  public String unreadable(String file) {
    return files.containsKey(file) ? null : "file is missing (not among the files given)";
  }

  @Override
  public InputStream open(String file) {
    return new ByteArrayInputStream(files.get(file));
  }

  @Override
  public Path path(String file) {
    return null;
  }
}
