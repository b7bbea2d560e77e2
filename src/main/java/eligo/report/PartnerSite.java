package eligo.report;

import eligo.data.Dataset;
import eligo.data.DatasetSlice;
import eligo.engine.CriteriaFailure;
import eligo.engine.Eligo;
import eligo.engine.Engine;
import eligo.engine.Evaluation;
import eligo.engine.EvaluationFailure;
import eligo.engine.Outcome;
import eligo.engine.OutcomeSlice;
import eligo.io.OutputFolder;
import eligo.ir.Ir;
import eligo.report.html.Html;
import eligo.report.html.Template;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * One partner's site: every view of its customers and nothing of any other partner's. The site is
 * rendered from the outcome of a {@linkplain DatasetSlice slice} of the dataset holding only that
 * partner's customers: for one partner, the slice evaluated at the whole dataset's as-of month,
 * which gives exactly the partner's rows of the whole run; for every partner ({@link #writeEach}),
 * those rows cut from the whole run ({@link OutcomeSlice}). So no other partner's id, customer,
 * count or total can reach any of its files, aggregates included.
 *
 * <p>For a server: {@link #outcome} then {@link SitePages#partner} renders one page at a time;
 * {@link #writeInto} writes a whole site into any folder.
 */
public final class PartnerSite {
  private PartnerSite() {}

  /**
   * The outcome of {@code partner}'s customers of {@code whole}, at month {@code asOf} (the whole
   * dataset's), on one thread.
   *
   * @throws SummaryView.UnknownName when the dataset has no customer of {@code partner}
   */
  public static Outcome outcome(
      Ir.Program program, Engine.Compiled evaluators, Dataset whole, int asOf, String partner)
      throws EvaluationFailure, CriteriaFailure {
    int[] customers = DatasetSlice.customersOf(whole, partner);
    if (customers.length == 0) {
      throw new SummaryView.UnknownName("partner", partner, Eligo.partners(whole));
    }
    return Eligo.evaluate(
        program, evaluators, DatasetSlice.of(whole, customers), asOf, 1, Evaluation.Progress.NONE);
  }

  /** Writes the site of a partner's outcome into {@code dir}, replacing it whole. */
  public static void write(Outcome partnerOutcome, Path dir, Evaluation.Progress progress)
      throws IOException {
    SitePages pages = SitePages.partner(partnerOutcome);
    OutputFolder.write(
        dir,
        tmp -> {
          SiteWriter.writeInto(pages, tmp, true, progress);
          partnerOutcome.data.checkBacking(); // as the program's site
        });
  }

  /** Writes the site of a partner's outcome into {@code dir} as it is (new or empty). */
  public static void writeInto(Outcome partnerOutcome, Path dir, Evaluation.Progress progress)
      throws IOException {
    SiteWriter.writeInto(SitePages.partner(partnerOutcome), dir, true, progress);
  }

  private static final Template SITE_INDEX = SitePages.SITE.get("siteIndex");
  private static final Template LINK = SitePages.SITE.get("link");
  private static final Template LI = SitePages.SITE.get("li");

  /**
   * Writes one site per partner of {@code whole}, each in {@code dir/NAME/} ({@link SiteNames}),
   * with an {@code index.html} beside them that links to each; {@code dir} is replaced whole. Every
   * customer is evaluated once, on {@code threads} threads, and each partner's part of that outcome
   * ({@link OutcomeSlice}) written on as many; {@code progress} counts partners.
   *
   * @return the number of partners, each with its site
   */
  public static int writeEach(
      Ir.Program program,
      Engine.Compiled evaluators,
      Dataset whole,
      int asOf,
      Path dir,
      int threads,
      Evaluation.Progress progress)
      throws IOException, EvaluationFailure, CriteriaFailure {
    Ir.Program chosen = Eligo.inForce(program, asOf);
    Map<String, List<Integer>> byPartner = new LinkedHashMap<>();
    for (String p : Eligo.partners(whole)) {
      byPartner.put(p, new ArrayList<>());
    }
    for (int c = 0; c < whole.customerCount(); c++) {
      byPartner.get(whole.partnerId(c)).add(c);
    }
    // every customer evaluated once, on every thread; each partner's part is cut from it
    Outcome all =
        Eligo.evaluate(chosen, evaluators, whole, asOf, threads, Evaluation.Progress.NONE);
    writeEach(all, dir, threads, progress, byPartner);
    return byPartner.size();
  }

  private static void writeEach(
      Outcome all,
      Path dir,
      int threads,
      Evaluation.Progress progress,
      Map<String, List<Integer>> byPartner)
      throws IOException {
    Dataset whole = all.data;
    int asOf = all.asOf;
    OutputFolder.write(
        dir,
        tmp -> {
          List<Html> items = new ArrayList<>();
          for (String p : byPartner.keySet()) {
            items.add(
                LI.render(
                    "item", LINK.render("href", SiteNames.of(p) + "/index.html", "label", p)));
          }
          SiteWriter.write(
              tmp.resolve("index.html"),
              SitePages.page(
                  "Customer eligibility: one site per partner",
                  "",
                  SITE_INDEX.render(
                      "count",
                      byPartner.size() + Words.plural(" partner", byPartner.size()),
                      "asOf",
                      Formats.month(asOf),
                      "items",
                      Html.join(items))));
          // the first partner's style sheet and script, which every other site links to
          Path shared =
              byPartner.isEmpty()
                  ? null
                  : tmp.resolve(SiteNames.of(byPartner.keySet().iterator().next()));
          if (shared != null) {
            Files.createDirectories(shared);
            SiteWriter.writeAssets(shared, null);
          }
          SiteWriter.writeStyle(tmp, shared); // the index's
          ExecutorService pool = Executors.newFixedThreadPool(Math.max(1, threads));
          AtomicInteger done = new AtomicInteger();
          // each thread's last explainer, whose words of the criteria the next partner's keeps
          ThreadLocal<Explainer> explainers = new ThreadLocal<>();
          try {
            List<Future<?>> jobs = new ArrayList<>();
            for (Map.Entry<String, List<Integer>> e : byPartner.entrySet()) {
              jobs.add(
                  pool.submit(
                      () -> {
                        int[] customers =
                            e.getValue().stream().mapToInt(Integer::intValue).toArray();
                        Outcome o =
                            OutcomeSlice.of(all, customers, DatasetSlice.of(whole, customers));
                        Explainer explainer = Explainer.forSite(o, explainers.get());
                        explainers.set(explainer);
                        SiteWriter.writeInto(
                            SitePages.partner(o),
                            tmp.resolve(SiteNames.of(e.getKey())),
                            explainer,
                            shared);
                        progress.update(done.incrementAndGet(), byPartner.size());
                        return null;
                      }));
            }
            for (Future<?> f : jobs) {
              f.get();
            }
            whole.checkBacking(); // as the program's site
          } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IOException("interrupted", e);
          } catch (ExecutionException e) {
            Throwable cause = e.getCause();
            if (cause instanceof IOException io) {
              throw io;
            }
            if (cause instanceof RuntimeException r) {
              throw r;
            }
            throw new IllegalStateException(cause);
          } finally {
            pool.shutdownNow();
          }
        });
  }
}
