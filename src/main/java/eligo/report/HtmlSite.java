package eligo.report;

import eligo.engine.Evaluation;
import eligo.engine.Outcome;
import eligo.io.OutputFolder;
import java.io.IOException;
import java.nio.file.Path;

/**
 * The Customer eligibility report as a static site that opens from {@code file://} with no network,
 * for program staff: every partner ({@link SitePages#program}). A partner's own site is {@link
 * PartnerSite}. The pages are rendered by {@link SitePages} and written by {@link SiteWriter}; the
 * folder is replaced whole ({@link OutputFolder}).
 */
public final class HtmlSite {
  private HtmlSite() {}

  /**
   * Writes the program's site into {@code dir}, replacing the previous site whole; {@code progress}
   * counts customer pages.
   *
   * @throws OutputFolder.NotOurs when {@code dir} is a non-empty folder Eligo did not write
   */
  public static void write(Outcome outcome, Path dir, Evaluation.Progress progress)
      throws IOException {
    SitePages pages = SitePages.program(outcome);
    OutputFolder.write(
        dir,
        tmp -> {
          SiteWriter.writeInto(pages, tmp, true, progress);
          outcome.data.checkBacking(); // kept only if the snapshot read in place is unchanged
        });
  }
}
