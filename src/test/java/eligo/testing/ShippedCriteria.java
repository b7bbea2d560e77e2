package eligo.testing;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.stream.Stream;

/**
 * The shipped criteria ({@code criteria/*.criteria}) as texts keyed {@code criteria/NAME}, for
 * tests that change one piece of text and compile, or write the result to a folder.
 */
public final class ShippedCriteria {
  private ShippedCriteria() {}

  /** Every shipped criteria file, in name order. */
  public static Map<String, String> texts() {
    Map<String, String> texts = new LinkedHashMap<>();
    try (Stream<Path> s = Files.list(Path.of("criteria"))) {
      for (Path p : s.filter(p -> p.toString().endsWith(".criteria")).sorted().toList()) {
        texts.put("criteria/" + p.getFileName(), Files.readString(p));
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return texts;
  }

  /**
   * The shipped criteria with the first {@code from} of {@code file} (a name) replaced by {@code
   * to}.
   */
  public static Map<String, String> with(String file, String from, String to) {
    Map<String, String> texts = texts();
    String key = "criteria/" + file;
    String text = texts.get(key);
    assertThat(text).as(key).contains(from);
    int at = text.indexOf(from);
    texts.put(key, text.substring(0, at) + to + text.substring(at + from.length()));
    return texts;
  }

  /**
   * Writes {@code texts} into {@code dir} (file names without the {@code criteria/}); returns it.
   */
  public static Path write(Map<String, String> texts, Path dir) throws IOException {
    Files.createDirectories(dir);
    for (Map.Entry<String, String> e : texts.entrySet()) {
      Files.writeString(dir.resolve(Path.of(e.getKey()).getFileName()), e.getValue());
    }
    return dir;
  }
}
