package eligo.serve;

import de.siegmar.fastcsv.reader.CsvReader;
import de.siegmar.fastcsv.reader.CsvRecord;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * Who may sign in: the access file, a CSV with header {@code token,partner_id}, where a {@code
 * partner_id} of {@code *} marks program staff. Tokens are kept as SHA-256 digests and a presented
 * token is compared with every entry in constant time (no early exit, {@link
 * MessageDigest#isEqual}), so the time of a check says nothing of how much of a token was right.
 */
final class Access {
  /** Tokens shorter than this are refused when the file is read: they could be guessed. */
  static final int MIN_TOKEN_LENGTH = 16;

  private record Entry(byte[] digest, Principal principal) {}

  private final List<Entry> entries;

  private Access(List<Entry> entries) {
    this.entries = List.copyOf(entries);
  }

  /** A bad access file: the message names the line, never a token. */
  static final class BadFile extends Exception {
    private static final long serialVersionUID = 1L;

    BadFile(String message) {
      super(message);
    }
  }

  static Access read(Path file) throws IOException, BadFile {
    List<Entry> entries = new ArrayList<>();
    Set<String> seen = new HashSet<>();
    try (CsvReader<CsvRecord> csv = CsvReader.builder().ofCsvRecord(file)) {
      boolean header = true;
      for (CsvRecord r : csv) {
        long line = r.getStartingLineNumber();
        if (header) {
          header = false;
          if (r.getFieldCount() != 2
              || !r.getField(0).strip().equals("token")
              || !r.getField(1).strip().equals("partner_id")) {
            throw new BadFile("line 1: the header must be token,partner_id");
          }
          continue;
        }
        if (r.getFieldCount() == 1 && r.getField(0).isBlank()) {
          continue;
        }
        if (r.getFieldCount() != 2) {
          throw new BadFile("line " + line + ": expected 2 fields (token,partner_id)");
        }
        String token = r.getField(0).strip();
        String partner = r.getField(1).strip();
        if (token.length() < MIN_TOKEN_LENGTH) {
          throw new BadFile(
              "line " + line + ": a token needs at least " + MIN_TOKEN_LENGTH + " characters");
        }
        if (partner.isEmpty()) {
          throw new BadFile("line " + line + ": partner_id is empty (use * for program staff)");
        }
        if (!seen.add(token)) {
          throw new BadFile("line " + line + ": this token is given twice");
        }
        entries.add(
            new Entry(
                digest(token), partner.equals("*") ? Principal.STAFF : new Principal(partner)));
      }
    } catch (UncheckedIOException e) {
      throw e.getCause();
    }
    if (entries.isEmpty()) {
      throw new BadFile("no tokens: add lines token,partner_id");
    }
    return new Access(entries);
  }

  /**
   * The principal of a token, or null when no entry has it. Constant time in the token. White space
   * around it is not part of it (as in the access file): a token pasted into the sign-in form with
   * a space after it is the token.
   */
  Principal find(String token) {
    if (token == null) {
      return null;
    }
    byte[] d = digest(token.strip());
    Principal found = null;
    for (Entry e : entries) {
      if (MessageDigest.isEqual(d, e.digest()) & found == null) {
        found = e.principal();
      }
    }
    return found;
  }

  static byte[] digest(String token) {
    try {
      return MessageDigest.getInstance("SHA-256").digest(token.getBytes(StandardCharsets.UTF_8));
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
  }
}
