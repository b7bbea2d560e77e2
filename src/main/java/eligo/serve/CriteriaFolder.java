package eligo.serve;

import eligo.io.OutputFile;
import eligo.lang.SourceFile;
import java.io.IOException;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.Map;
import java.util.TreeMap;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * The {@code --criteria} folder: its {@code *.criteria} and {@code *.cases} files (not subfolders)
 * by file name. A name from a request is only ever looked up among these names, never resolved as a
 * path, so no request reaches another file.
 */
final class CriteriaFolder {
  static final Pattern NAME = Pattern.compile("[A-Za-z0-9][A-Za-z0-9_.-]{0,99}\\.(criteria|cases)");

  final Path dir;

  CriteriaFolder(Path dir) {
    this.dir = dir;
  }

  /** Every file's text by name, in name order; a file that is not UTF-8 is an error. */
  Map<String, String> read() throws IOException {
    Map<String, String> texts = new TreeMap<>();
    try (Stream<Path> s = Files.list(dir)) {
      for (Path p : s.sorted().toList()) {
        String name = p.getFileName().toString();
        if (NAME.matcher(name).matches() && Files.isRegularFile(p)) {
          try {
            texts.put(name, SourceFile.decode(Files.readAllBytes(p)));
          } catch (CharacterCodingException e) {
            throw new IOException(name + " is not valid UTF-8 text");
          }
        }
      }
    }
    return texts;
  }

  /**
   * Writes one file whole or not at all ({@link OutputFile}); a byte order mark the file began with
   * stays (the editor edits the text, which {@link #read} gives without it).
   */
  void write(String name, String text) throws IOException {
    if (!NAME.matcher(name).matches()) {
      throw new IllegalArgumentException("not a criteria or case file name");
    }
    Path file = dir.resolve(name);
    boolean bom = startsWithBom(file);
    OutputFile.write(
        file,
        out -> {
          if (bom && !text.startsWith("\uFEFF")) {
            out.write(BOM);
          }
          out.write(text.getBytes(StandardCharsets.UTF_8));
        });
  }

  private static final byte[] BOM = {(byte) 0xEF, (byte) 0xBB, (byte) 0xBF};

  private static boolean startsWithBom(Path file) throws IOException {
    if (!Files.isRegularFile(file)) {
      return false;
    }
    byte[] head = new byte[BOM.length];
    try (java.io.InputStream in = Files.newInputStream(file)) {
      return in.readNBytes(head, 0, head.length) == head.length
          && java.util.Arrays.equals(head, BOM);
    }
  }

  static boolean isCriteria(String name) {
    return name.endsWith(".criteria");
  }

  /** A file's version: the start of the SHA-256 of its text (the ETag of the file). */
  static String version(String text) {
    try {
      byte[] d = MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8));
      return HexFormat.of().formatHex(d, 0, 12);
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
  }
}
