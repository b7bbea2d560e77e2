package eligo.serve;

import eligo.engine.Evaluation;
import eligo.engine.Outcome;
import eligo.engine.ResultsFile;
import eligo.report.Explainer;
import eligo.report.JsonReport;
import eligo.report.PartnerSite;
import eligo.report.SummaryView;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.stream.Stream;

/**
 * The partner face, the one place the server renders through {@code eligo.report}: a partner's run
 * (its slice of the data, see {@link Snapshot#partner}) as the static report's site ({@link
 * PartnerSite}, the partner site of eligo report --partner, written once per snapshot and partner
 * into a folder of the server's own), the summary and explain JSON documents ({@link JsonReport})
 * and the results CSV ({@link ResultsFile}). Switching the partner face to another renderer changes
 * this class only.
 */
final class PartnerPages {
  private final Path root;

  /** The folder of each written site, by snapshot generation and partner. */
  private final Map<String, Path> sites = new ConcurrentHashMap<>();

  PartnerPages(Path root) {
    this.root = root;
  }

  static PartnerPages inTemporaryFolder() throws IOException {
    Path root = Files.createTempDirectory("eligo-serve-");
    Runtime.getRuntime().addShutdownHook(new Thread(() -> delete(root)));
    return new PartnerPages(root);
  }

  /**
   * The document of {@code eligo summary --partner P --format json} ({@code list}: with each
   * group's customer ids, as {@code --list}).
   */
  static String summaryJson(Outcome partnerRun, String partner, boolean list) {
    return JsonReport.summary(
        SummaryView.of(partnerRun, partner, null, null), partnerRun.data, list);
  }

  /**
   * The document of {@code eligo explain C --format json} for a customer of the partner's run, or
   * null when the run has no customer with this id.
   */
  static String customerJson(Outcome partnerRun, String customer) {
    for (int c = 0; c < partnerRun.data.customerCount(); c++) {
      if (partnerRun.data.customerId(c).equals(customer)) {
        return JsonReport.customer(new Explainer(partnerRun).explain(c));
      }
    }
    return null;
  }

  /** The partner's rows of the results file ({@code eligo run}'s CSV). */
  static byte[] resultsCsv(Outcome partnerRun) throws IOException {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    ResultsFile.write(partnerRun, out);
    return out.toByteArray();
  }

  /**
   * A file of the partner's site, or null when the site has no such file. {@code path}: segments
   * already checked by {@link Exchange#segments} (no {@code ..}, no separators).
   */
  byte[] page(long generation, int partnerIndex, Outcome partnerRun, List<String> path)
      throws IOException {
    Path site = site(generation, partnerIndex, partnerRun);
    Path file = site;
    for (String s : path) {
      file = file.resolve(s);
    }
    file = file.normalize();
    if (!file.startsWith(site) || !Files.isRegularFile(file)) {
      return null;
    }
    try {
      return Files.readAllBytes(file);
    } catch (java.nio.file.NoSuchFileException e) {
      return null; // a site of an older snapshot, deleted meanwhile (keepOnly)
    }
  }

  private Path site(long generation, int partnerIndex, Outcome partnerRun) throws IOException {
    String key = generation + "-" + partnerIndex;
    try {
      return sites.computeIfAbsent(
          key,
          k -> {
            Path dir = root.resolve(k);
            try {
              PartnerSite.write(partnerRun, dir, Evaluation.Progress.NONE);
            } catch (IOException e) {
              throw new UncheckedIOException(e);
            }
            return dir.toAbsolutePath().normalize();
          });
    } catch (UncheckedIOException e) {
      throw e.getCause();
    }
  }

  /**
   * The page with {@code nonce} on each of its script elements (the Content-Security-Policy allows
   * only scripts with the nonce or from the server). Markup from the data is escaped by the report,
   * so every {@code <script} here is the report's own.
   */
  static String withNonce(byte[] page, String nonce) {
    return new String(page, StandardCharsets.UTF_8)
        .replace("<script>", "<script nonce=\"" + nonce + "\">")
        .replace("<script src=", "<script nonce=\"" + nonce + "\" src=");
  }

  /**
   * The page with a Sign out link (to {@code GET /logout}, whose button signs out) at the end of
   * its first navigation, where every page of the report's site starts: a partner signed in with
   * the form has a way out on every page. A page without that navigation is left as it is.
   */
  static String withSignOut(String page) {
    int nav = page.indexOf("<body><nav>");
    int end = nav < 0 ? -1 : page.indexOf("</nav>", nav);
    if (end < 0) {
      return page;
    }
    return page.substring(0, end) + "<a href=\"/logout\">Sign out</a>" + page.substring(end);
  }

  /**
   * Forgets the sites of older snapshots and deletes their folders: a server that saves all day
   * keeps on disk only the sites of its current criteria. A request still reading an old site then
   * finds no file (a 404); one that asks for an old site afterwards writes it again, deleted at the
   * next save.
   */
  void keepOnly(long generation) {
    for (Map.Entry<String, Path> e : sites.entrySet()) {
      if (!e.getKey().startsWith(generation + "-") && sites.remove(e.getKey(), e.getValue())) {
        delete(e.getValue());
      }
    }
  }

  private static void delete(Path root) {
    try (Stream<Path> s = Files.walk(root)) {
      s.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
    } catch (IOException | UncheckedIOException e) {
      // a temporary folder: the system cleans it up
    }
  }
}
