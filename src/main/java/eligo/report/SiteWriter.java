package eligo.report;

import eligo.engine.Evaluation;
import eligo.report.html.Html;
import eligo.report.html.PageBytes;
import eligo.report.html.Templates;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.IntStream;

/**
 * Writes every page of a site ({@link SitePages}) into a folder, as it is: the caller makes the
 * folder new and swaps it in ({@link eligo.io.OutputFolder}), so the files themselves are written
 * plainly. Layout:
 *
 * <ul>
 *   <li>{@code index.html}: the summary, each area as its condition sequence tree with the counts
 *       of each node; {@code site.css} and {@code site.js} shared by the pages;
 *   <li>{@code partners.html} and {@code p/NAME.html} (the program's site only): each partner's
 *       standing and summary;
 *   <li>{@code lists/AREA.NODE.GROUP[.PAGE].html}: a group's customers, {@value
 *       SitePages#PAGE_SIZE} a page (a small site: {@code lists/AREA.NODE.html}, its groups), and
 *       {@code lists/AREA.csv}: every list of the area; on a partner's site of at most {@value
 *       SitePages#PAGE_SIZE} customers {@code lists.html} instead, every list of every area (its
 *       script in {@code site.js}, its download {@code results.csv});
 *   <li>{@code cN-K.html}: the customers' pages, a section each, a few to a page ({@link
 *       CustomerBooks}); {@code customers[.PAGE].html} with the search over the customers' index,
 *       in {@code customers.html} when it is the only such page, else {@code search-index.js};
 *   <li>{@code results.csv}: every customer's status and value at every node.
 * </ul>
 *
 * Names come from ids ({@link SiteNames}).
 */
public final class SiteWriter {
  private SiteWriter() {}

  /** The style sheet and script of every site, in UTF-8: each site writes the same bytes. */
  static final byte[] STYLE =
      Templates.asset(SitePages.class, "site.css", Templates.Lines.KEPT)
          .markup()
          .getBytes(StandardCharsets.UTF_8);

  private static final byte[] SCRIPT =
      Templates.asset(SitePages.class, "site.js", Templates.Lines.SCRIPT)
          .markup()
          .getBytes(StandardCharsets.UTF_8);

  private static final Set<StandardOpenOption> CREATE =
      Set.of(
          StandardOpenOption.CREATE,
          StandardOpenOption.WRITE,
          StandardOpenOption.TRUNCATE_EXISTING);

  /**
   * Writes the site of {@code pages} into {@code dir} (which should be new and empty); customer
   * pages on every core when {@code parallel}; {@code progress} counts customers written.
   */
  public static void writeInto(
      SitePages pages, Path dir, boolean parallel, Evaluation.Progress progress)
      throws IOException {
    ThreadLocal<Explainer> explainers =
        ThreadLocal.withInitial(() -> Explainer.forSite(pages.model.outcome));
    writeInto(pages, dir, parallel, progress, explainers::get, null);
  }

  /**
   * Writes the site of {@code pages} into {@code dir} on this thread, its customers explained by
   * {@code explainer} (an {@link Explainer#forSite} of the pages' outcome), its style sheet and
   * script hard links to those of the site in {@code shared} ({@link #writeAssets}): one of many
   * sites side by side.
   */
  static void writeInto(SitePages pages, Path dir, Explainer explainer, Path shared)
      throws IOException {
    writeInto(pages, dir, false, Evaluation.Progress.NONE, () -> explainer, shared);
  }

  /** The files every site holds the same: its style sheet and script. */
  private static final List<Map.Entry<String, byte[]>> ASSETS =
      List.of(Map.entry("site.css", STYLE), Map.entry("site.js", SCRIPT));

  /**
   * Writes the style sheet and script into {@code dir}; when {@code shared} is another site's
   * folder (not null), as hard links to its copies, since every site's are the same bytes: at 3,000
   * partners, 6,000 files and 24 MB not written again.
   */
  static void writeAssets(Path dir, Path shared) throws IOException {
    for (Map.Entry<String, byte[]> asset : ASSETS) {
      put(dir, asset.getKey(), asset.getValue(), shared);
    }
  }

  /** Writes the style sheet alone into {@code dir}, as {@link #writeAssets}. */
  static void writeStyle(Path dir, Path shared) throws IOException {
    put(dir, "site.css", STYLE, shared);
  }

  /**
   * Writes {@code bytes} as {@code dir/name}, a hard link to {@code shared/name} when {@code
   * shared} is not null; where a link cannot be made (a file system without hard links, another
   * device, an inode's limit of links), a copy.
   */
  private static void put(Path dir, String name, byte[] bytes, Path shared) throws IOException {
    Path file = dir.resolve(name);
    if (shared != null) {
      try {
        Files.createLink(file, shared.resolve(name));
        return;
      } catch (IOException | UnsupportedOperationException e) {
        // a copy, below
      }
    }
    write(file, bytes);
  }

  private static void writeInto(
      SitePages pages,
      Path dir,
      boolean parallel,
      Evaluation.Progress progress,
      java.util.function.Supplier<Explainer> explainers,
      Path sharedAssets)
      throws IOException {
    SiteModel model = pages.model;
    Files.createDirectories(dir);
    if (!pages.lists.listsPerArea()) {
      Files.createDirectories(dir.resolve("lists"));
    }
    if (!dir.equals(sharedAssets)) { // the site that holds them has them
      writeAssets(dir, sharedAssets);
    }
    PageBytes summary = PageBytes.start();
    pages.writeSummaryPage(summary);
    write(dir.resolve("index.html"), summary.done());
    if (model.face == SiteModel.Face.PROGRAM) {
      Files.createDirectories(dir.resolve("p"));
      write(dir.resolve("partners.html"), new SummaryPage(pages).partners());
      for (String partner : model.outcome.partners) {
        PageBytes out = PageBytes.start();
        new SummaryPage(pages).writePartnerSummary(out, partner);
        write(dir.resolve("p").resolve(SiteNames.of(partner) + ".html"), out.done());
      }
    }
    for (int ai = 0; ai < model.all.areas().size() && !pages.lists.listsPerArea(); ai++) {
      SummaryView.Area a = model.all.areas().get(ai);
      Path lists = dir.resolve("lists");
      write(lists.resolve(ListPages.listCsv(a)), SiteCsv.results(model, ai));
      for (int ni = 0; ni < a.nodes().size(); ni++) {
        SummaryView.Node n = a.nodes().get(ni);
        if (pages.lists.listsPerNode()) {
          write(
              lists.resolve(pages.lists.listFile(ai, ni, 0, 1)), pages.lists.nodeListPage(ai, ni));
          continue;
        }
        for (int gi = 0; gi < n.groups().size(); gi++) {
          for (int p = 1; p <= pages.lists.listPages(ai, ni, gi); p++) {
            write(
                lists.resolve(pages.lists.listFile(ai, ni, gi, p)),
                pages.lists.listPage(ai, ni, gi, p));
          }
        }
      }
    }
    if (pages.lists.listsPerArea()) {
      // its CSV is the site's results.csv: each area's columns are a part of it
      PageBytes out = PageBytes.start();
      pages.lists.writeListsPage(out);
      write(dir.resolve("lists.html"), out.done());
    }
    if (!pages.searchIndexInline()) {
      write(dir.resolve("search-index.js"), pages.searchIndex());
    }
    for (int p = 1; p <= pages.customerIndexPages(); p++) {
      PageBytes out = PageBytes.start();
      pages.writeCustomerIndexPage(out, p);
      write(dir.resolve(SitePages.customerIndexName(p)), out.done());
    }
    write(dir.resolve("results.csv"), SiteCsv.results(model, -1));
    List<Map.Entry<String, int[]>> books = new ArrayList<>(model.books.entrySet());
    AtomicInteger done = new AtomicInteger();
    int customers = model.order.length;
    IntStream range = IntStream.range(0, books.size());
    try {
      (parallel ? range.parallel() : range)
          .forEach(
              k -> {
                Map.Entry<String, int[]> book = books.get(k);
                try {
                  PageBytes out = PageBytes.start();
                  CustomerPage.book(out, pages, book.getValue(), explainers.get());
                  write(dir.resolve(book.getKey() + ".html"), out.done());
                } catch (IOException e) {
                  throw new UncheckedIOException(e);
                }
                int before = done.getAndAdd(book.getValue().length);
                int n = before + book.getValue().length;
                if (n / 1000 != before / 1000 || n == customers) {
                  progress.update(n, customers);
                }
              });
    } catch (UncheckedIOException e) {
      throw e.getCause();
    }
  }

  /** Writes {@code text} in UTF-8. */
  static void write(Path file, String text) throws IOException {
    write(file, PageBytes.of(text));
  }

  /** Writes {@code page} in UTF-8, made in this thread's buffer ({@link PageBytes}). */
  static void write(Path file, Html page) throws IOException {
    write(file, PageBytes.of(page));
  }

  /** Writes {@code bytes}, whole. */
  static void write(Path file, byte[] bytes) throws IOException {
    write(file, ByteBuffer.wrap(bytes));
  }

  /** Writes {@code bytes}, from its position to its limit. */
  static void write(Path file, ByteBuffer bytes) throws IOException {
    try (FileChannel out = FileChannel.open(file, CREATE)) {
      while (bytes.hasRemaining()) {
        out.write(bytes);
      }
    }
  }
}
