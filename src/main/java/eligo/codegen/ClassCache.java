package eligo.codegen;

import eligo.data.AreaEvaluator;
import java.io.ByteArrayOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.PosixFilePermission;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Stream;

/**
 * Compiled evaluator classes kept on disk across processes, by content: the key of an area's
 * classes is a SHA-256 of its generated source, the compiler options, the Java version and the
 * build of Eligo that generated it (the code it links against). A process that compiles criteria
 * whose generated source some earlier process compiled loads those classes instead of starting
 * javac, the slow part of a cold compile.
 *
 * <p>The cache is off unless a front door turns it on ({@link #configure}: {@code bin/eligo} does,
 * with the system property {@value #PROPERTY}), so tests and library users never write to a user's
 * home. The folder is made readable by its owner only, and a folder that others can write into is
 * not used: cached classes are code this process runs. An entry that cannot be read or loaded is
 * compiled again; writes go to a temporary file renamed into place.
 */
public final class ClassCache {
  /** The system property naming the cache folder ({@code off} or empty: no cache). */
  public static final String PROPERTY = "eligo.classCache";

  private static volatile ClassCache configured;

  private final Path dir;
  private final String build;

  private ClassCache(Path dir, String build) {
    this.dir = dir;
    this.build = build;
  }

  /**
   * Turns the cache on for this process in the folder that {@value #PROPERTY} names, when it does
   * and the folder is fit for it; otherwise leaves it off.
   *
   * @return the folder in use, or null when off
   */
  public static Path configure() {
    String named = System.getProperty(PROPERTY, "");
    if (named.isBlank() || named.equals("off")) {
      configured = null;
      return null;
    }
    configured = open(Path.of(named));
    return configured == null ? null : configured.dir;
  }

  /** The cache turned on by {@link #configure}, or null. */
  static ClassCache current() {
    return configured;
  }

  /** A cache in {@code dir}, or null when it cannot be made or others may write into it. */
  static ClassCache open(Path dir) {
    try {
      Files.createDirectories(dir);
      if (!privateFolder(dir)) {
        return null;
      }
      return new ClassCache(dir, buildId());
    } catch (IOException | RuntimeException e) {
      return null;
    }
  }

  /** Owned by this user, and (made) readable and writable by them only. */
  private static boolean privateFolder(Path dir) throws IOException {
    if (!Files.isDirectory(dir, LinkOption.NOFOLLOW_LINKS)) {
      return false;
    }
    if (!Files.getOwner(dir, LinkOption.NOFOLLOW_LINKS)
        .getName()
        .equals(System.getProperty("user.name"))) {
      return false;
    }
    try {
      Set<PosixFilePermission> mode = Files.getPosixFilePermissions(dir, LinkOption.NOFOLLOW_LINKS);
      if (!mode.equals(PosixFilePermissions.fromString("rwx------"))) {
        Files.setPosixFilePermissions(dir, PosixFilePermissions.fromString("rwx------"));
      }
    } catch (UnsupportedOperationException e) {
      // no POSIX permissions (Windows): the folder is in the user's own profile
    }
    return true;
  }

  /**
   * What the generated code links against: the bytes of this build's own classes (its jar, or the
   * classes folder of a development build), so classes compiled by another build are never used.
   */
  private static String buildId() throws IOException {
    MessageDigest sha = sha256();
    sha.update(System.getProperty("java.version", "").getBytes(StandardCharsets.UTF_8));
    try {
      Path home =
          Path.of(AreaEvaluator.class.getProtectionDomain().getCodeSource().getLocation().toURI());
      if (Files.isRegularFile(home)) {
        sha.update(
            (Files.size(home) + "," + Files.getLastModifiedTime(home).toMillis())
                .getBytes(StandardCharsets.UTF_8));
      } else {
        try (Stream<Path> files = Files.walk(home.resolve("eligo"))) {
          for (Path f : files.filter(Files::isRegularFile).sorted().toList()) {
            sha.update(
                (f + "," + Files.size(f) + "," + Files.getLastModifiedTime(f).toMillis())
                    .getBytes(StandardCharsets.UTF_8));
          }
        }
      }
    } catch (URISyntaxException | NullPointerException | SecurityException e) {
      throw new IOException("cannot tell which build of Eligo this is", e);
    }
    return HexFormat.of().formatHex(sha.digest());
  }

  /** The key of one area's classes. */
  String key(String binaryName, String source, List<String> options) {
    MessageDigest sha = sha256();
    for (String part : List.of(build, String.join(" ", options), binaryName, source)) {
      byte[] b = part.getBytes(StandardCharsets.UTF_8);
      sha.update(
          new byte[] {
            (byte) (b.length >>> 24),
            (byte) (b.length >>> 16),
            (byte) (b.length >>> 8),
            (byte) b.length
          });
      sha.update(b);
    }
    return HexFormat.of().formatHex(sha.digest());
  }

  /** The classes (binary name to bytes) kept under {@code key}, or null. */
  Map<String, byte[]> get(String key) {
    Path f = dir.resolve(key + ".classes");
    try (InputStream raw = Files.newInputStream(f, LinkOption.NOFOLLOW_LINKS);
        DataInputStream in = new DataInputStream(raw)) {
      if (!in.readUTF().equals(key)) {
        return null;
      }
      int n = in.readInt();
      if (n < 1 || n > 10_000) {
        return null;
      }
      Map<String, byte[]> classes = new LinkedHashMap<>();
      for (int i = 0; i < n; i++) {
        String name = in.readUTF();
        int length = in.readInt();
        if (length < 0 || length > (64 << 20)) {
          return null;
        }
        classes.put(name, in.readNBytes(length));
      }
      return in.read() == -1 ? classes : null;
    } catch (IOException | RuntimeException e) {
      return null;
    }
  }

  /** Keeps {@code classes} under {@code key}; a failure to write only costs a compile later. */
  void put(String key, Map<String, byte[]> classes) {
    Path tmp = null;
    try {
      ByteArrayOutputStream bytes = new ByteArrayOutputStream();
      try (DataOutputStream out = new DataOutputStream(bytes)) {
        out.writeUTF(key);
        out.writeInt(classes.size());
        for (Map.Entry<String, byte[]> e : classes.entrySet()) {
          out.writeUTF(e.getKey());
          out.writeInt(e.getValue().length);
          out.write(e.getValue());
        }
      }
      tmp = Files.createTempFile(dir, "." + key.substring(0, 16), ".tmp");
      Files.write(tmp, bytes.toByteArray());
      Files.move(
          tmp,
          dir.resolve(key + ".classes"),
          StandardCopyOption.ATOMIC_MOVE,
          StandardCopyOption.REPLACE_EXISTING);
      tmp = null;
    } catch (IOException | RuntimeException e) {
      // the cache is an optimisation
    } finally {
      if (tmp != null) {
        try {
          Files.deleteIfExists(tmp);
        } catch (IOException e) {
          // nothing more to do
        }
      }
    }
  }

  private static MessageDigest sha256() {
    try {
      return MessageDigest.getInstance("SHA-256");
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
  }
}
