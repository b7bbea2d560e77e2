package eligo.editor;

import eligo.check.Frontend;
import eligo.lang.CriteriaParsing;
import eligo.lang.Diagnostic;
import eligo.lang.Formatter;
import eligo.lang.SourceFile;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * What an editor asks of the criteria language, for {@code *.criteria} and {@code *.cases} files of
 * a {@link Workspace}: every answer a plain record, places 1-based. Each call reads the current
 * texts afresh (files are small: parsing and checking a folder takes milliseconds), so there is no
 * cache to invalidate. Safe to call from several threads.
 */
public final class LanguageService {
  private final Workspace workspace;
  private volatile Path data;
  private final ImpactLenses lenses = new ImpactLenses();

  /**
   * {@code data}: a dataset folder, or null. Its workloads.csv feeds completion and the
   * data-binding checks (every workload and family named is in it).
   */
  public LanguageService(Workspace workspace, Path data) {
    this.workspace = workspace;
    this.data = data;
  }

  public Workspace workspace() {
    return workspace;
  }

  public void setData(Path data) {
    this.data = data;
  }

  /**
   * The problems to show after {@code file} was opened or changed, by file: for a criteria file,
   * every criteria file of its folder (checked together, and against the dataset's workloads when
   * one is configured; an empty list clears a file); for a case file, the file itself.
   */
  public Map<Path, List<Problem>> diagnostics(Path file) {
    Map<Path, List<Problem>> out = new LinkedHashMap<>();
    if (Workspace.isCases(file)) {
      // against the criteria beside it, as 'eligo test' runs the cases under its criteria folder;
      // a case file with none beside it is checked alone (its areas are not known here)
      Map<String, String> beside = workspace.criteriaTexts(Workspace.normal(file).getParent());
      Frontend.Compilation criteria = beside.isEmpty() ? null : Frontend.compile(beside);
      out.put(Workspace.normal(file), Problems.ofCases(workspace.source(file), criteria));
      return out;
    }
    Catalog catalog = Catalog.of(data);
    Problems.ofFolder(workspace, Workspace.normal(file).getParent())
        .forEach(
            (name, problems) -> {
              List<Problem> all = new ArrayList<>(problems);
              if (!catalog.isEmpty()) {
                SourceFile source =
                    new SourceFile(
                        name,
                        java.util.Objects.requireNonNullElse(workspace.text(Path.of(name)), ""));
                all.addAll(DataChecks.check(CriteriaParsing.parse(source).file(), catalog));
              }
              out.put(Path.of(name), all);
            });
    out.putIfAbsent(Workspace.normal(file), List.of());
    return out;
  }

  /**
   * The impact of the criteria of {@code file} on the dataset, as lenses above its areas and nodes
   * ({@link ImpactLenses}); none without a dataset.
   */
  public List<ImpactLenses.Lens> impact(Path file) {
    return lenses.of(workspace, file, data);
  }

  /** A formatted text ({@code eligo fmt}), or null text with the syntax errors that prevent it. */
  public record Formatting(String text, List<Problem> problems) {}

  public Formatting format(Path file) {
    if (!Workspace.isCriteria(file)) {
      return new Formatting(null, List.of());
    }
    Formatter.Result r = Formatter.format(workspace.source(file));
    List<Problem> problems = new ArrayList<>();
    for (Diagnostic d : r.diagnostics()) {
      problems.add(Problem.of(d, "syntax"));
    }
    return new Formatting(r.text(), problems);
  }

  /** The outline of a file. */
  public List<EditorSymbol> symbols(Path file) {
    SourceFile source = workspace.source(file);
    return Workspace.isCases(file) ? Outline.ofCases(source) : Outline.ofCriteria(source);
  }

  /** The lines an editor may fold: blocks, comment runs, import runs ({@link Folding}). */
  public List<Folding.Fold> folding(Path file) {
    SourceFile source = workspace.source(file);
    return Workspace.isCases(file) ? Folding.ofCases(source) : Folding.ofCriteria(source);
  }

  /** A place of this file to mark with the word at the cursor: its declaration, or a use. */
  public record Highlight(TextRange range, boolean declaration) {}

  /**
   * The places of {@code file} that name what the word at a place names ({@link #references},
   * within the file), its declaration marked as such when it is in this file.
   */
  public List<Highlight> highlights(Path file, int line, int column) {
    Path here = Workspace.normal(file);
    List<SourceLocation> declared = definition(file, line, column);
    List<Highlight> out = new ArrayList<>();
    for (SourceLocation l : references(file, line, column, true)) {
      if (!Workspace.normal(l.file()).equals(here)) {
        continue;
      }
      boolean declaration =
          declared.stream()
              .anyMatch(
                  d ->
                      Workspace.normal(d.file()).equals(here)
                          && d.range().startLine() == l.range().startLine()
                          && d.range().startColumn() == l.range().startColumn());
      out.add(new Highlight(l.range(), declaration));
    }
    return out;
  }

  /** A symbol of the workspace: where it is, and the name of the symbol it is in (or null). */
  public record FoundSymbol(EditorSymbol symbol, Path file, String container) {}

  /**
   * The areas, nodes and declarations of the criteria files beside the open documents whose name or
   * title holds the query's letters in order ({@link WorkspaceSymbols}).
   */
  public List<FoundSymbol> workspaceSymbols(String query) {
    return WorkspaceSymbols.of(workspace, query);
  }

  /** Where the word at a place is declared: none, or one place. */
  public List<SourceLocation> definition(Path file, int line, int column) {
    Navigation.Target t = target(file, line, column);
    return t == null || t.location() == null ? List.of() : List.of(t.location());
  }

  /**
   * Every place in the criteria files of the file's folder that names what the word at a place
   * names (a declared name), with its declaration when {@code includeDeclaration}.
   */
  public List<SourceLocation> references(
      Path file, int line, int column, boolean includeDeclaration) {
    return References.of(workspace, file, line, column, includeDeclaration);
  }

  /**
   * The quick fixes of the problems of {@code file} that meet {@code range} ({@link QuickFixes}):
   * each an edit of that file.
   */
  public List<QuickFixes.Fix> quickFixes(Path file, TextRange range) {
    List<Problem> problems = diagnostics(file).getOrDefault(Workspace.normal(file), List.of());
    return QuickFixes.of(workspace.source(file), problems, range);
  }

  /**
   * Renaming the declared name at a place to {@code name}: the places to write it over (its
   * declaration and every use, {@link #references}), or why it is refused.
   */
  public Rename.Plan rename(Path file, int line, int column, String name) {
    return Rename.of(workspace, file, line, column, name);
  }

  /** What the word at a place is, in Markdown. */
  public Optional<HoverText> hover(Path file, int line, int column) {
    Navigation.Target t = target(file, line, column);
    return t == null ? Optional.empty() : Optional.of(new HoverText(t.markdown(), t.word()));
  }

  /** Proposals at a place; the editor filters them by what is typed. */
  public List<Completion> completion(Path file, int line, int column) {
    return Workspace.isCases(file)
        ? CaseCompletions.at(workspace, file, line, column)
        : Completions.inCriteria(workspace, file, line, column, data);
  }

  private Navigation.Target target(Path file, int line, int column) {
    return Workspace.isCases(file)
        ? Navigation.inCases(workspace, file, line, column)
        : Navigation.inCriteria(workspace, file, line, column);
  }
}
