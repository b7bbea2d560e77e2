package eligo.hostile;

import static org.assertj.core.api.Assertions.assertThat;

import eligo.cases.CaseData;
import eligo.cases.CaseFile;
import eligo.cases.CaseFiles;
import eligo.hostile.Hostile.Ran;
import eligo.io.DataError;
import eligo.io.DataException;
import eligo.io.DatasetLoader;
import eligo.io.LoadResult;
import eligo.io.Mode;
import eligo.lang.Diagnostic;
import eligo.lang.SourceFile;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The data readers under mutated input, beside the criteria's {@code FrontendFuzzTest}: a slice of
 * the sample dataset (and the shipped criteria test cases) mutated with fixed seeds — bytes
 * flipped, files cut short, quotes, commas, line breaks, byte order marks, control characters,
 * bytes that are not UTF-8, a field over the size limit, a record of too many fields, lines dropped
 * or doubled — and each mutant loaded in strict or lenient mode (drawn by its seed) from a folder
 * (the parallel reader and the general one) and through the case loader. Every mutant ends in a
 * dataset or in data errors located at {@code file:line} of a file of the dataset; no other
 * exception escapes. Some mutants go through {@code eligo run}: exit 0 or 4 (data), never a trace.
 * A failure names the seed and the mutation.
 *
 * <p>{@value #CASES} mutants by default; {@code -Deligo.fuzz.cases=N} runs N (e.g. 100000 for a
 * longer run).
 */
class DataFuzzTest {
  static final int CASES = 80;
  static final long SEED = 20261203L;

  @TempDir Path dir;

  /** Pieces the mutations insert. */
  private static final String[] PIECES = {
    "\"",
    ",",
    "\n",
    "\r",
    "\r\n",
    "\"\"",
    ",,,,",
    "\u0000",
    "\u001b[2J",
    "\u0007",
    "\u202e",
    "\u2028",
    "\uFEFF",
    "-1",
    "99999999999999999999",
    "9999999999999999.99",
    "2025-13",
    "1e5",
    "NaN",
    " ",
    "é",
    "\uD83D\uDE00",
  };

  private static int cases() {
    return Integer.getInteger("eligo.fuzz.cases", CASES);
  }

  @Test
  void mutatedDataLoadsOrYieldsLocatedDataErrors() throws IOException {
    Map<String, byte[]> base = slice(Path.of("examples/sample-data"), 12);
    List<String> types = types(base.get(DatasetLoader.ASSOCIATIONS));
    Path criteria = Hostile.criteria(dir, "criteria", AREA);
    Path data = Files.createDirectories(dir.resolve("data"));
    int n = cases();
    int loaded = 0;
    int failed = 0;
    int cli = 0;
    long start = System.nanoTime();
    for (int i = 0; i < n; i++) {
      long seed = SEED + i;
      SplittableRandom random = new SplittableRandom(seed);
      Map<String, byte[]> files = new LinkedHashMap<>(base);
      List<String> what = new ArrayList<>();
      for (int k = 1 + random.nextInt(3); k > 0; k--) {
        String file = DatasetLoader.FILES.get(random.nextInt(DatasetLoader.FILES.size()));
        files.put(file, mutate(files.get(file), random, file, what));
      }
      String replay = "seed " + seed + ": " + String.join("; ", what);
      for (Map.Entry<String, byte[]> f : files.entrySet()) {
        Files.write(data.resolve(f.getKey()), f.getValue());
      }
      Mode mode = random.nextBoolean() ? Mode.STRICT : Mode.LENIENT;
      try {
        LoadResult r = DatasetLoader.load(data, types, mode);
        loaded++;
        for (DataError e : r.rejects()) {
          assertLocated(e, files, replay, true);
        }
      } catch (DataException e) {
        failed++;
        assertThat(e.errors()).as(replay).isNotEmpty();
        for (DataError error : e.errors()) {
          assertLocated(error, files, replay, false);
        }
      } catch (RuntimeException | Error e) {
        throw new AssertionError("an exception escaped the loader (" + mode + ") for " + replay, e);
      }
      if (i % 100 == 0) {
        cli++;
        Ran r =
            Hostile.run(
                "run",
                "-q",
                "--engine",
                "interpret",
                "--criteria",
                criteria.toString(),
                "--data",
                data.toString());
        assertThat(r.code()).as(replay + ": " + r.err()).isIn(0, 4);
        assertThat(r.err()).as(replay).doesNotContain("\tat ").doesNotContain("Exception");
        if (r.code() == 4) {
          assertThat(r.err()).as(replay).containsPattern("[a-z]+\\.csv(:[0-9]+)?: ");
        }
      }
    }
    long ms = (System.nanoTime() - start) / 1_000_000;
    System.out.printf(
        "data fuzz: %d mutants of a slice of the sample data, each loaded in strict or lenient mode"
            + " (%d ended in a dataset, %d in located data errors; %d through eligo run) in %d ms%n",
        n, loaded, failed, cli, ms);
    assertThat(failed).as("many mutants are broken").isGreaterThan(n / 10);
    assertThat(loaded).as("many mutants still load").isGreaterThan(n / 10);
  }

  @Test
  void mutatedCaseFilesParseAndLoadOrYieldLocatedErrors() throws IOException {
    List<Path> shipped = CaseFiles.find(List.of(Path.of("criteria")));
    assertThat(shipped).isNotEmpty();
    List<String> types =
        List.of(
            "PAL",
            "DPOR",
            "CSP T1",
            "CSP T2",
            "CPOR",
            "CPOR RevRec",
            "CPOR OSA",
            "CPOR OSU",
            "CPOR RevRec Performance");
    int n = Math.max(1, cases() / 4);
    int withData = 0;
    long start = System.nanoTime();
    for (int i = 0; i < n; i++) {
      long seed = SEED + 1_000_000 + i;
      SplittableRandom random = new SplittableRandom(seed);
      Path from = shipped.get(random.nextInt(shipped.size()));
      List<String> what = new ArrayList<>();
      byte[] text = Files.readAllBytes(from);
      for (int k = 1 + random.nextInt(3); k > 0; k--) {
        text = mutate(text, random, from.getFileName().toString(), what);
      }
      String replay = "seed " + seed + ": " + String.join("; ", what);
      Path file = dir.resolve("x.cases");
      Files.write(file, text);
      try {
        CaseFiles.Parsed parsed = CaseFiles.parse(List.of(file));
        for (Diagnostic d : parsed.diagnostics()) {
          assertLocated(d, replay);
        }
        if (parsed.diagnostics().stream().anyMatch(Diagnostic::isError)) {
          continue;
        }
        for (CaseFile f : parsed.files()) {
          for (CaseFile.Case c : f.cases()) {
            CaseData.Result r = CaseData.load(c, types);
            withData++;
            assertThat(
                    r.dataset() != null || r.diagnostics().stream().anyMatch(Diagnostic::isError))
                .as(replay)
                .isTrue();
            for (Diagnostic d : r.diagnostics()) {
              assertLocated(d, replay);
            }
          }
        }
      } catch (RuntimeException | Error e) {
        throw new AssertionError("an exception escaped the case reader for " + replay, e);
      }
    }
    long ms = (System.nanoTime() - start) / 1_000_000;
    System.out.printf(
        "case fuzz: %d mutants of the shipped case files (%d cases loaded through the data loader)"
            + " in %d ms%n",
        n, withData, ms);
    assertThat(withData).as("some mutants still parse").isPositive();
  }

  private static void assertLocated(Diagnostic d, String replay) {
    SourceFile f = d.span().file();
    assertThat(d.span().line()).as("%s: %s", replay, d.render()).isBetween(1, f.lineCount() + 1);
    assertThat(d.message()).as(replay).isNotBlank().doesNotContain("Exception");
  }

  /**
   * A data error names one of the five files, a line inside it (0 only for an error of the whole
   * file), and a reason in words.
   */
  private static void assertLocated(
      DataError e, Map<String, byte[]> files, String replay, boolean rowLevel) {
    assertThat(DatasetLoader.FILES).as("%s: %s", replay, e).contains(e.file());
    long lines = lineCount(files.get(e.file()));
    assertThat(e.line()).as("%s: %s", replay, e).isBetween(rowLevel ? 1L : 0L, lines + 1);
    assertThat(e.message())
        .as("%s: %s", replay, e)
        .isNotBlank()
        .doesNotContain("Exception")
        .doesNotContain("java.");
    assertThat(e.format()).as(replay).startsWith(e.file() + (e.line() > 0 ? ":" + e.line() : ""));
  }

  private static long lineCount(byte[] bytes) {
    long n = 1;
    for (int i = 0; i < bytes.length; i++) {
      if (bytes[i] == '\n'
          || (bytes[i] == '\r' && (i + 1 == bytes.length || bytes[i + 1] != '\n'))) {
        n++;
      }
    }
    return n;
  }

  /** One mutation of {@code bytes}, described in {@code what}. */
  static byte[] mutate(byte[] bytes, SplittableRandom random, String file, List<String> what) {
    int at = random.nextInt(bytes.length + 1);
    ByteArrayOutputStream out = new ByteArrayOutputStream(bytes.length + 16);
    switch (random.nextInt(10)) {
      case 0 -> {
        if (bytes.length == 0) {
          return bytes;
        }
        at = Math.min(at, bytes.length - 1);
        byte[] copy = bytes.clone();
        copy[at] ^= (byte) (1 << random.nextInt(8));
        what.add(file + ": flip a bit of byte " + at);
        return copy;
      }
      case 1 -> {
        what.add(file + ": cut at byte " + at);
        return java.util.Arrays.copyOf(bytes, at);
      }
      case 2, 3, 4 -> {
        String piece = PIECES[random.nextInt(PIECES.length)];
        what.add(file + ": insert " + escape(piece) + " at byte " + at);
        out.write(bytes, 0, at);
        out.writeBytes(piece.getBytes(StandardCharsets.UTF_8));
        out.write(bytes, at, bytes.length - at);
        return out.toByteArray();
      }
      case 5 -> {
        byte[] odd = {(byte) 0xEF, (byte) 0xBB, (byte) 0xBF, (byte) 0xC3, (byte) 0xFF, (byte) 0x80};
        int from = random.nextInt(odd.length);
        int len = 1 + random.nextInt(odd.length - from);
        what.add(file + ": insert bytes " + from + "+" + len + " of EF BB BF C3 FF 80 at " + at);
        out.write(bytes, 0, at);
        out.write(odd, from, len);
        out.write(bytes, at, bytes.length - at);
        return out.toByteArray();
      }
      case 6 -> {
        // a field over the size limit (1 MiB), or a record of more fields than the limit
        boolean wide = random.nextBoolean();
        String piece =
            wide
                ? ",".repeat(1_001 + random.nextInt(50))
                : "x".repeat((1 << 20) + 1 + random.nextInt(9));
        what.add(
            file
                + ": insert "
                + (wide ? "a record of too many fields" : "a huge field")
                + " at "
                + at);
        out.write(bytes, 0, at);
        out.writeBytes(piece.getBytes(StandardCharsets.UTF_8));
        out.write(bytes, at, bytes.length - at);
        return out.toByteArray();
      }
      default -> {
        // whole lines: drop, double or swap one
        List<String> lines =
            new ArrayList<>(List.of(new String(bytes, StandardCharsets.UTF_8).split("\n", -1)));
        int a = random.nextInt(lines.size());
        int b = random.nextInt(lines.size());
        switch (random.nextInt(3)) {
          case 0 -> {
            what.add(file + ": drop line " + (a + 1));
            lines.remove(a);
          }
          case 1 -> {
            what.add(file + ": double line " + (a + 1));
            lines.add(a, lines.get(a));
          }
          default -> {
            what.add(file + ": swap lines " + (a + 1) + " and " + (b + 1));
            String x = lines.get(a);
            lines.set(a, lines.get(b));
            lines.set(b, x);
          }
        }
        return String.join("\n", lines).getBytes(StandardCharsets.UTF_8);
      }
    }
  }

  private static String escape(String s) {
    StringBuilder sb = new StringBuilder("'");
    s.codePoints()
        .forEach(
            c -> {
              if (c < 0x20 || c > 0x7e) {
                sb.append(String.format(java.util.Locale.ROOT, "\\u%04x", c));
              } else {
                sb.append((char) c);
              }
            });
    return sb.append('\'').toString();
  }

  /**
   * The first {@code customers} customers of the dataset in {@code folder}, with their tenants,
   * associations and usage rows, and every workload: a small dataset that loads.
   */
  static Map<String, byte[]> slice(Path folder, int customers) throws IOException {
    List<String> cust = Files.readAllLines(folder.resolve(DatasetLoader.CUSTOMERS));
    List<String> keptCustomers = new ArrayList<>(cust.subList(0, customers + 1));
    Set<String> customerIds = new HashSet<>();
    for (String line : keptCustomers.subList(1, keptCustomers.size())) {
      customerIds.add(line.split(",", -1)[1]);
    }
    Set<String> tenantIds = new LinkedHashSet<>();
    List<String> tenants = keep(folder.resolve(DatasetLoader.TENANTS), 0, customerIds);
    for (String line : tenants.subList(1, tenants.size())) {
      tenantIds.add(line.split(",", -1)[1]);
    }
    Map<String, byte[]> out = new LinkedHashMap<>();
    out.put(DatasetLoader.CUSTOMERS, text(keptCustomers));
    out.put(DatasetLoader.TENANTS, text(tenants));
    out.put(
        DatasetLoader.WORKLOADS, text(Files.readAllLines(folder.resolve(DatasetLoader.WORKLOADS))));
    out.put(
        DatasetLoader.ASSOCIATIONS,
        text(keep(folder.resolve(DatasetLoader.ASSOCIATIONS), 0, tenantIds)));
    out.put(DatasetLoader.USAGE, text(keep(folder.resolve(DatasetLoader.USAGE), 0, tenantIds)));
    return out;
  }

  private static List<String> keep(Path file, int column, Set<String> ids) throws IOException {
    List<String> lines = Files.readAllLines(file);
    List<String> kept = new ArrayList<>();
    kept.add(lines.get(0));
    for (String line : lines.subList(1, lines.size())) {
      if (ids.contains(line.split(",", -1)[column])) {
        kept.add(line);
      }
    }
    return kept;
  }

  private static byte[] text(List<String> lines) {
    return (String.join("\n", lines) + "\n").getBytes(StandardCharsets.UTF_8);
  }

  /** The association type texts of associations.csv. */
  private static List<String> types(byte[] associations) {
    Set<String> types = new LinkedHashSet<>();
    String[] lines = new String(associations, StandardCharsets.UTF_8).split("\n");
    for (int i = 1; i < lines.length; i++) {
      types.add(lines[i].split(",", -1)[2]);
    }
    return List.copyOf(types);
  }

  /** A small area over the sample's workloads, for the runs through the command line. */
  private static final String AREA =
      "area x \"X\" {\n"
          + "  metric m \"M\" {\n    criteria \"c\"\n"
          + "    value sum acr for tenant, workload, month in window\n"
          + "    met when value >= $1\n  }\n}\n";
}
