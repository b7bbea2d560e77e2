package eligo.io;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;

/** The files of a dataset folder ({@link DataSource#folder}). */
record FolderSource(Path dir) implements DataSource {
  @Override
  public String unreadable(String file) {
    Path path = dir.resolve(file);
    if (!Files.exists(path)) {
      return "file is missing (looked for " + path + ")";
    }
    if (!Files.isRegularFile(path)) {
      return "is not a file (" + path + ")";
    }
    return null;
  }

  @Override
  public InputStream open(String file) throws IOException {
    return Files.newInputStream(dir.resolve(file));
  }

  @Override
  public Path path(String file) {
    return dir.resolve(file);
  }
}
