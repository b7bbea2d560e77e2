package eligo.editor;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class LanguageServiceTest {
  @TempDir Path dir;
  private LanguageService service;
  private Path azure;
  private Path common;

  @BeforeEach
  void copyCriteria() throws IOException {
    try (Stream<Path> s = Files.list(Path.of("criteria"))) {
      for (Path p : s.toList()) {
        Files.copy(p, dir.resolve(p.getFileName()));
      }
    }
    azure = dir.resolve("azure.criteria").toAbsolutePath();
    common = dir.resolve("common.criteria").toAbsolutePath();
    service = new LanguageService(new Workspace(), null);
  }

  private static int lineOf(String text, String needle) {
    String[] lines = text.split("\n", -1);
    for (int i = 0; i < lines.length; i++) {
      if (lines[i].contains(needle)) {
        return i + 1;
      }
    }
    throw new AssertionError("no line with " + needle);
  }

  private static int columnOf(String text, int line, String needle) {
    return text.split("\n", -1)[line - 1].indexOf(needle) + 1;
  }

  @Test
  void unsavedTextOverridesTheDiskAndEveryFileOfTheFolderIsReported() throws IOException {
    String text = Files.readString(azure);
    assertThat(service.diagnostics(azure).get(azure)).isEmpty();
    String broken =
        text.replace(
            "    met when value >= 1\n  }\n\n  gate association",
            "    mett when value >= 1\n  }\n\n  gate association");
    service.workspace().open(azure, broken);
    Map<Path, List<Problem>> problems = service.diagnostics(azure);
    assertThat(problems).containsKey(common);
    assertThat(problems.get(common)).isEmpty();
    List<Problem> errors = problems.get(azure);
    assertThat(errors).isNotEmpty();
    assertThat(errors.get(0).range().startLine()).isEqualTo(lineOf(broken, "mett"));
    assertThat(errors.get(0).code()).isEqualTo("syntax");
    assertThat(errors.get(0).file()).isEqualTo(Workspace.display(azure));
    service.workspace().close(azure);
    assertThat(service.diagnostics(azure).get(azure)).isEmpty();
  }

  @Test
  void anUnknownNameIsACheckerProblemWithItsCode() throws IOException {
    String text =
        Files.readString(azure)
            .replace("types AZURE_TYPES = CSP, DPOR, PAL", "types AZURE_TYPES = CSP, DPORR, PAL");
    service.workspace().open(azure, text);
    List<Problem> problems = service.diagnostics(azure).get(azure);
    int line = lineOf(text, "DPORR");
    assertThat(problems)
        .anySatisfy(
            p -> {
              assertThat(p.code()).isEqualTo("unknown-name");
              assertThat(p.message()).contains("DPOR");
              assertThat(p.range())
                  .isEqualTo(
                      new TextRange(
                          line,
                          columnOf(text, line, "DPORR"),
                          line,
                          columnOf(text, line, "DPORR") + 5));
            });
  }

  @Test
  void withADataFolderWorkloadNamesAreCheckedAgainstItsCatalog() throws IOException {
    service.setData(Path.of("examples/sample-data"));
    assertThat(service.diagnostics(azure).get(azure)).isEmpty();
    String text =
        Files.readString(azure)
            .replace("except \"Virtual Machines\"", "except \"Virtual Machine\"");
    service.workspace().open(azure, text);
    List<Problem> problems = service.diagnostics(azure).get(azure);
    assertThat(problems)
        .singleElement()
        .satisfies(
            p -> {
              assertThat(p.code()).isEqualTo("data");
              // a letter from the data's name: a misspelling, an error
              assertThat(p.severity()).isEqualTo(Problem.Severity.ERROR);
              assertThat(p.message())
                  .contains("\"Virtual Machine\"")
                  .contains("did you mean \"Virtual Machines\"");
              assertThat(p.range().startLine())
                  .isEqualTo(lineOf(text, "except \"Virtual Machine\""));
            });
  }

  @Test
  void formatsOnlyAFileWithoutSyntaxErrors() {
    service.workspace().open(azure, "workloads   AZURE =family \"Azure\"\n");
    assertThat(service.format(azure).text()).isEqualTo("workloads AZURE = family \"Azure\"\n");
    service.workspace().open(azure, "workloads AZURE = \n");
    LanguageService.Formatting broken = service.format(azure);
    assertThat(broken.text()).isNull();
    assertThat(broken.problems()).isNotEmpty();
  }

  @Test
  void symbolsNestAreasNodesAndDeclarations() throws IOException {
    List<EditorSymbol> symbols = service.symbols(azure);
    assertThat(symbols)
        .extracting(EditorSymbol::name)
        .containsExactly("common.criteria", "AZURE", "AZURE_TYPES", "qualifying_acr", "azure");
    EditorSymbol area = symbols.get(4);
    assertThat(area.kind()).isEqualTo(EditorSymbol.Kind.AREA);
    assertThat(area.children())
        .extracting(EditorSymbol::name)
        .containsExactly(
            "workloads", "association", "net-customer-adds", "deployments", "usage-growth");
    assertThat(area.children().get(0).kind()).isEqualTo(EditorSymbol.Kind.GATE);
    String text = Files.readString(azure);
    EditorSymbol deployments = area.children().get(3);
    assertThat(deployments.range().startLine()).isEqualTo(lineOf(text, "metric deployments"));
    assertThat(deployments.range().endLine()).isEqualTo(lineOf(text, "metric usage-growth") - 2);
    assertThat(area.range().endLine()).isEqualTo(text.split("\n").length);
  }

  @Test
  void templatesListParametersAndLeaves() {
    Path ba = dir.resolve("business-applications.criteria").toAbsolutePath();
    List<EditorSymbol> symbols = service.symbols(ba);
    EditorSymbol template =
        symbols.stream()
            .filter(s -> s.kind() == EditorSymbol.Kind.TEMPLATE)
            .findFirst()
            .orElseThrow();
    assertThat(template.children()).anyMatch(s -> s.kind() == EditorSymbol.Kind.PARAMETER);
    assertThat(symbols.stream().filter(s -> s.kind() == EditorSymbol.Kind.AREA))
        .hasSizeGreaterThanOrEqualTo(2);
  }

  @Test
  void definitionCrossesAnImport() throws IOException {
    String text = Files.readString(azure);
    int line = lineOf(text, "via AZURE_TYPES for tenant, month");
    List<SourceLocation> def =
        service.definition(azure, line, columnOf(text, line, "AZURE_TYPES") + 3);
    assertThat(def)
        .containsExactly(
            new SourceLocation(
                azure,
                new TextRange(
                    lineOf(text, "types AZURE_TYPES"), 7, lineOf(text, "types AZURE_TYPES"), 18)));
    int csp = lineOf(text, "types AZURE_TYPES");
    String commonText = Files.readString(common);
    List<SourceLocation> inCommon = service.definition(azure, csp, columnOf(text, csp, "CSP") + 1);
    assertThat(inCommon)
        .containsExactly(
            new SourceLocation(
                common,
                new TextRange(
                    lineOf(commonText, "types CSP"), 7, lineOf(commonText, "types CSP"), 10)));
    int imp = lineOf(text, "import");
    assertThat(service.definition(azure, imp, 10))
        .extracting(SourceLocation::file)
        .containsExactly(common);
  }

  /** Where {@code word} stands on the first line holding {@code needle} of a file of the folder. */
  private SourceLocation at(String file, String needle, String word) throws IOException {
    Path f = dir.resolve(file).toAbsolutePath();
    String text = Files.readString(f);
    int line = lineOf(text, needle);
    String written = text.split("\n", -1)[line - 1];
    int column = written.indexOf(word, written.indexOf(needle)) + 1;
    return new SourceLocation(f, new TextRange(line, column, line, column + word.length()));
  }

  @Test
  void referencesFindEveryUseOfADeclarationInTheFolderAndOnlyOfIt() throws IOException {
    String text = Files.readString(azure);
    int line = lineOf(text, "types AZURE_TYPES");
    int column = columnOf(text, line, "CSP") + 1;
    SourceLocation declaration = at("common.criteria", "types CSP", "CSP");
    List<SourceLocation> uses =
        List.of(
            at("azure.criteria", "types AZURE_TYPES", "CSP"),
            at("business-applications.criteria", "types PERFORMANCE_TYPES", "CSP"),
            at("modern-work.criteria", "association_types = CSP", "CSP"),
            at("modern-work.criteria", "leaf_types = CSP", "CSP"));
    List<SourceLocation> all = new java.util.ArrayList<>(uses);
    all.add(2, declaration); // reading order: azure, business-applications, common, modern-work
    assertThat(service.references(azure, line, column, true)).containsExactlyElementsOf(all);
    assertThat(service.references(azure, line, column, false)).containsExactlyElementsOf(uses);
    // from the declaration, the same
    assertThat(
            service.references(
                common, declaration.range().startLine(), declaration.range().startColumn(), true))
        .containsExactlyElementsOf(all);
    // an unsaved use in an open document counts; a keyword names nothing
    String mw = Files.readString(dir.resolve("modern-work.criteria"));
    Path modernWork = dir.resolve("modern-work.criteria").toAbsolutePath();
    service
        .workspace()
        .open(modernWork, mw.replace("association_types = CSP, CPOR", "association_types = CPOR"));
    assertThat(service.references(azure, line, column, false))
        .hasSize(3)
        .doesNotContain(uses.get(2));
    assertThat(service.references(azure, line, 1, true)).isEmpty();
  }

  /** The text after the quick fixes at the first line holding {@code needle} are applied. */
  private String fixed(String text, String needle) {
    service.workspace().open(azure, text);
    int line = lineOf(text, needle);
    List<QuickFixes.Fix> fixes =
        service.quickFixes(
            azure, new TextRange(line, 1, line, text.split("\n", -1)[line - 1].length() + 1));
    String[] lines = text.split("\n", -1);
    for (QuickFixes.Fix f : fixes) {
      assertThat(f.range().startLine()).isEqualTo(line);
      String l = lines[line - 1];
      lines[line - 1] =
          l.substring(0, f.range().startColumn() - 1)
              + f.text()
              + l.substring(f.range().endColumn() - 1);
    }
    return String.join("\n", lines);
  }

  @Test
  void quickFixesWriteWhatTheMessageNamesAndNothingElse() throws IOException {
    String text = Files.readString(azure);
    // a misspelt set, a misspelt keyword, '=>' and 'at M - 12': each fixed as its message says
    String typo =
        text.replace("via AZURE_TYPES for tenant, month", "via AZUR_TYPES for tenant, month");
    assertThat(fixed(typo, "via AZUR_TYPES")).isEqualTo(text);
    String keyword =
        text.replace(
            "    met when value >= 1\n  }\n\n  gate association",
            "    met wehn value >= 1\n  }\n\n  gate association");
    assertThat(keyword).isNotEqualTo(text);
    assertThat(fixed(keyword, "met wehn")).isEqualTo(text);
    String arrow =
        text.replace(
            "    met when value >= 1\n  }\n\n  gate association",
            "    met when value => 1\n  }\n\n  gate association");
    assertThat(fixed(arrow, "value => 1")).isEqualTo(text);
    assertThat(fixed(arrow.replace("value => 1", "value =< 1"), "value =< 1"))
        .isEqualTo(arrow.replace("value => 1", "value <= 1"));
    assertThat(fixed(arrow.replace("value => 1", "value = 1"), "value = 1"))
        .isEqualTo(arrow.replace("value => 1", "value == 1"));
    String at =
        text.replace(
            "value net sum acr via AZURE_TYPES for tenant, workload in AZURE, month in TTM(M)",
            "value sum acr via AZURE_TYPES for tenant, workload in AZURE at M - 12");
    assertThat(at).isNotEqualTo(text);
    assertThat(fixed(at, "in AZURE at M - 12"))
        .isEqualTo(at.replace("in AZURE at M - 12", "in AZURE at (M - 12)"));
    // a misspelt import: the file of the folder the message names, as a quoted text
    String imported = text.replace("import \"common.criteria\"", "import \"comon.criteria\"");
    assertThat(imported).isNotEqualTo(text);
    assertThat(fixed(imported, "import \"comon")).isEqualTo(text);
    // a misspelt name shown in a criteria text: the name meant, inside the text, the second
    // '{...}' of the text being the one written over
    String shown = text.replace("with {qualifying_acr} of", "with {qualifying_acx} of");
    assertThat(shown).isNotEqualTo(text);
    assertThat(fixed(shown, "{qualifying_acx}")).isEqualTo(text);
    // after an escaped quote, which the text's value holds as one character, the same place
    String quoted = text.replace("\"Net qualified tenants", "\"Net \\\"qualified\\\" tenants");
    assertThat(fixed(quoted.replace("{qualifying_acr} of", "{qualifying_acx} of"), "\\\"qualified"))
        .isEqualTo(quoted);
    // 'tenant in AZURE': the workloads bound as well
    String tenantIn =
        text.replace(
            "for tenant, workload in AZURE, month in TTM(M)",
            "for tenant in AZURE, month in TTM(M)");
    assertThat(tenantIn).isNotEqualTo(text);
    assertThat(fixed(tenantIn, "for tenant in AZURE")).isEqualTo(text);
    // a comparison in words: the operator, over the whole phrase
    String worded =
        text.replace(
            "    met when value >= 1\n  }\n\n  gate association",
            "    met when value is at least 1\n  }\n\n  gate association");
    assertThat(worded).isNotEqualTo(text);
    assertThat(fixed(worded, "value is at least 1")).isEqualTo(text);
    // a criteria text without its quotes, and the last 12 months in words
    String unquoted =
        text.replace(
            "criteria \"Azure services, other than virtual machines, with attributed ACR in the last"
                + " 12 months: at least {met}\"",
            "criteria Azure services, other than virtual machines, with attributed ACR in the last"
                + " 12 months: at least {met}");
    assertThat(unquoted).isNotEqualTo(text);
    assertThat(fixed(unquoted, "criteria Azure services")).isEqualTo(text);
    String lastMonths =
        text.replace(
            "workload in AZURE, month in TTM(M)", "workload in AZURE, month in last 12 months");
    assertThat(lastMonths).isNotEqualTo(text);
    assertThat(fixed(lastMonths, "month in last 12 months")).isEqualTo(text);
    // no problem, no fix; a range away from the problem, none
    service.workspace().open(azure, text);
    assertThat(service.quickFixes(azure, new TextRange(1, 1, lineOf(text, "area azure"), 1)))
        .isEmpty();
    service.workspace().open(azure, typo);
    assertThat(service.quickFixes(azure, new TextRange(1, 1, 1, 1))).isEmpty();
  }

  /** Writes {@code name} over every place of {@code plan}, in the workspace's open texts. */
  private void apply(Rename.Plan plan, String name) throws IOException {
    Map<Path, List<SourceLocation>> byFile = new java.util.TreeMap<>();
    plan.places()
        .forEach(l -> byFile.computeIfAbsent(l.file(), f -> new java.util.ArrayList<>()).add(l));
    for (Map.Entry<Path, List<SourceLocation>> e : byFile.entrySet()) {
      String[] lines = service.workspace().text(e.getKey()).split("\n", -1);
      List<SourceLocation> places = new java.util.ArrayList<>(e.getValue());
      places.sort(
          java.util.Comparator.comparingInt((SourceLocation l) -> l.range().startLine())
              .thenComparingInt(l -> -l.range().startColumn()));
      for (SourceLocation l : places) {
        String line = lines[l.range().startLine() - 1];
        lines[l.range().startLine() - 1] =
            line.substring(0, l.range().startColumn() - 1)
                + name
                + line.substring(l.range().endColumn() - 1);
      }
      service.workspace().open(e.getKey(), String.join("\n", lines));
    }
  }

  @Test
  void renameWritesTheNewNameAtEveryUseAndInTextsAndRefusesWhatWouldChangeMeaning()
      throws IOException {
    String text = Files.readString(azure);
    int line = lineOf(text, "define qualifying_acr");
    int column = columnOf(text, line, "qualifying_acr");
    Rename.Plan plan = service.rename(azure, line, column, "monthly_acr");
    assertThat(plan.refused()).isNull();
    // the declaration, the rule's use and the '{qualifying_acr}' of the criteria text
    assertThat(plan.places()).hasSize(3);
    apply(plan, "monthly_acr");
    String renamed = service.workspace().text(azure);
    assertThat(renamed)
        .doesNotContain("qualifying_acr")
        .contains("define monthly_acr = $1000")
        .contains("{monthly_acr} of attributed ACR")
        .contains(">= monthly_acr");
    assertThat(service.diagnostics(azure).values()).allSatisfy(p -> assertThat(p).isEmpty());
    // a set of the imported file, used in four files
    int types = lineOf(renamed, "types AZURE_TYPES");
    Rename.Plan csp = service.rename(azure, types, columnOf(renamed, types, "CSP"), "CSP_TYPES");
    assertThat(csp.places())
        .extracting(l -> l.file().getFileName().toString())
        .contains(
            "azure.criteria",
            "business-applications.criteria",
            "common.criteria",
            "modern-work.criteria");
    apply(csp, "CSP_TYPES");
    assertThat(service.diagnostics(azure).values()).allSatisfy(p -> assertThat(p).isEmpty());
    // refused, with why: a name written already, a keyword, a built-in, not a name
    int def = lineOf(renamed, "define monthly_acr");
    int at = columnOf(renamed, def, "monthly_acr");
    assertThat(service.rename(azure, def, at, "AZURE").refused())
        .contains("written already at azure.criteria:");
    assertThat(service.rename(azure, def, at, "when").refused()).contains("keyword");
    assertThat(service.rename(azure, def, at, "acr").refused()).contains("built in");
    assertThat(service.rename(azure, def, at, "2x").refused()).contains("not a name");
    assertThat(service.rename(azure, 1, 1, "x").refused()).contains("no declared name");
  }

  @Test
  void hoverShowsASetsMembersABuiltinAndANode() throws IOException {
    String text = Files.readString(azure);
    int line = lineOf(text, "via AZURE_TYPES for tenant, month");
    assertThat(
            service
                .hover(azure, line, columnOf(text, line, "AZURE_TYPES"))
                .orElseThrow()
                .markdown())
        .contains("association type set")
        .contains("types AZURE_TYPES = CSP, DPOR, PAL");
    int types = lineOf(text, "types AZURE_TYPES");
    assertThat(service.hover(azure, types, columnOf(text, types, "CSP")).orElseThrow().markdown())
        .contains("common.criteria")
        .contains("CSP_T1, CSP_T2");
    assertThat(service.hover(azure, line, columnOf(text, line, "acr")).orElseThrow().markdown())
        .contains("acr_usd");
    int node = lineOf(text, "metric deployments");
    String md =
        service.hover(azure, node, columnOf(text, node, "deployments")).orElseThrow().markdown();
    assertThat(md)
        .contains("Azure services, other than virtual machines")
        .contains("met when value >= 1");
  }

  @Test
  void hoverOnAKeywordSaysWhatItMeans() throws IOException {
    String text = Files.readString(azure);
    int line = lineOf(text, "value net count tenant");
    assertThat(service.hover(azure, line, columnOf(text, line, "net") + 1).orElseThrow().markdown())
        .startsWith("**keyword** `net`")
        .contains("X at M minus X at M - 12");
    assertThat(service.hover(azure, line, columnOf(text, line, "count")).orElseThrow().markdown())
        .contains("the number of distinct bindings");
    int via = lineOf(text, "where sum acr via AZURE_TYPES for workload in AZURE");
    assertThat(service.hover(azure, via, columnOf(text, via, "via")).orElseThrow().markdown())
        .contains("association of those types is active");
    int gate = lineOf(text, "gate workloads");
    assertThat(service.hover(azure, gate, columnOf(text, gate, "gate")).orElseThrow().markdown())
        .contains("runs first");
    // a node named as a keyword is the node, not the keyword
    assertThat(
            service.hover(azure, gate, columnOf(text, gate, "workloads")).orElseThrow().markdown())
        .doesNotContain("**keyword**")
        .contains("Azure services");
    // a number, an operator: nothing
    int met = lineOf(text, "met when value >= 1");
    assertThat(service.hover(azure, met, columnOf(text, met, ">="))).isEmpty();
  }

  @Test
  void aNameShownInACriteriaTextHasItsHoverAndDefinition() throws IOException {
    String text = Files.readString(azure);
    int line = lineOf(text, "with {qualifying_acr} of attributed ACR");
    int column = columnOf(text, line, "qualifying_acr}");
    int define = lineOf(text, "define qualifying_acr");
    for (int c : new int[] {column - 1, column, column + 5, column + "qualifying_acr".length()}) {
      // on the '{', inside the name, on the '}'
      HoverText h = service.hover(azure, line, c).orElseThrow();
      assertThat(h.markdown()).as("column %d", c).contains("`qualifying_acr`").contains("$1000");
      assertThat(h.range())
          .isEqualTo(new TextRange(line, column, line, column + "qualifying_acr".length()));
      assertThat(service.definition(azure, line, c))
          .singleElement()
          .satisfies(l -> assertThat(l.range().startLine()).isEqualTo(define));
    }
    // the words of the text around it, and '{met}', which no declaration names: nothing
    assertThat(service.hover(azure, line, column - 3)).isEmpty();
    int met = columnOf(text, line, "{met}");
    assertThat(service.hover(azure, line, met + 1)).isEmpty();
  }

  @Test
  void completionOffersNamesInScopeBuiltinsKeywordsAndWorkloads() throws IOException {
    String text = Files.readString(azure);
    int line = lineOf(text, "via AZURE_TYPES for tenant, month");
    int column = columnOf(text, line, "tenant");
    List<Completion> items = service.completion(azure, line, column);
    assertThat(items)
        .extracting(Completion::label)
        .contains("AZURE", "AZURE_TYPES", "CSP", "PAL", "acr", "TTM", "where");
    assertThat(items).extracting(Completion::label).doesNotContain("\"Virtual Machines\"");
    service.setData(Path.of("examples/sample-data"));
    assertThat(service.completion(azure, line, column))
        .extracting(Completion::label)
        .contains("\"Virtual Machines\"");
  }

  /** The labels proposed at the '|' of {@code edited} (azure.criteria's text with one '|'). */
  private List<String> proposedAt(String edited) {
    int at = edited.indexOf('|');
    String before = edited.substring(0, at);
    int line = (int) before.chars().filter(c -> c == '\n').count() + 1;
    int column = at - (before.lastIndexOf('\n') + 1) + 1;
    service.workspace().open(azure, edited.substring(0, at) + edited.substring(at + 1));
    return service.completion(azure, line, column).stream().map(Completion::label).toList();
  }

  @Test
  void completionProposesWhatFitsWhereTheCursorStands() throws IOException {
    String text = Files.readString(azure);
    String node = "    met when value >= 1\n  }\n\n  gate association";
    assertThat(text).contains(node);
    // a new line in a gate: the lines a gate holds (no leaves: only metrics have them), not the
    // names of expressions
    assertThat(
            proposedAt(
                text.replace(node, "    met when value >= 1\n    |\n  }\n\n  gate association")))
        .contains("criteria", "details per", "value", "met when")
        .doesNotContain("leaf", "each leaf", "area", "import", "gate", "acr", "AZURE");
    // in a metric, leaves too
    assertThat(
            proposedAt(
                text.replace(
                    "  metric deployments \"Deployments\" {\n",
                    "  metric deployments \"Deployments\" {\n    |\n")))
        .contains("criteria", "value", "leaf", "each leaf");
    // a new line in the area, between two nodes: what an area holds
    assertThat(
            proposedAt(
                text.replace(node, "    met when value >= 1\n  }\n  |\n\n  gate association")))
        .contains("gate", "metric", "branch", "define")
        .doesNotContain("value", "import", "acr", "where");
    // a new line at the top of the file
    assertThat(proposedAt(text.replace("define qualifying_acr", "|\ndefine qualifying_acr")))
        .contains("area", "define", "workloads", "template")
        .doesNotContain("gate", "acr", "where");
    // after 'details per' and after 'met'
    assertThat(
            proposedAt(
                text.replace(
                    "    details per workload\n    value count workload",
                    "    details per |\n    value count workload")))
        .containsExactlyInAnyOrder("tenant", "workload");
    assertThat(proposedAt(text.replace(node, "    met |\n  }\n\n  gate association")))
        .containsExactly("when");
    // after 'via': association types and their sets only
    assertThat(
            proposedAt(
                text.replace("via AZURE_TYPES for tenant, month", "via | for tenant, month")))
        .contains("AZURE_TYPES", "CSP", "PAL", "CPOR_REVREC")
        .doesNotContain("AZURE", "acr", "qualifying_acr", "where");
    // a name being declared, a comment, a node's title: nothing
    assertThat(proposedAt(text.replace("define qualifying_acr", "define qua|lifying_acr")))
        .isEmpty();
    assertThat(proposedAt(text.replace("# The attributed ACR", "# The attri|buted ACR"))).isEmpty();
    assertThat(proposedAt(text.replace("\"Deployments\"", "\"Deploy|ments\""))).isEmpty();
    // after '{' in a criteria text: what a text can show
    assertThat(proposedAt(text.replace("with {qualifying_acr} of", "with {qual| of")))
        .contains("met", "qualifying_acr", "AZURE_TYPES", "AZURE")
        .doesNotContain("acr", "where", "azure");
    // in an import: the other criteria files of the folder
    assertThat(proposedAt(text.replace("import \"common.criteria\"", "import \"co|")))
        .contains("common.criteria", "security.criteria")
        .doesNotContain("azure.criteria");
    // the line after a 'value' may go on with it: the words of expressions too
    assertThat(
            proposedAt(
                text.replace(
                    "    value count workload in AZURE except",
                    "    value count workload in AZURE\n      |\n      except")))
        .contains("where", "and", "met when")
        .doesNotContain("acr", "AZURE");
    // in an expression: names, measures and the words of expressions, not those of statements
    assertThat(proposedAt(text.replace("where acr > 0", "where a| > 0")))
        .contains("acr", "AZURE", "qualifying_acr", "where", "and", "sum")
        .doesNotContain("metric", "import", "criteria", "azure");
  }

  /** The labels proposed at the '|' of {@code edited}, a case file's text with one '|'. */
  private List<String> proposedInCases(Path cases, String edited) {
    int at = edited.indexOf('|');
    String before = edited.substring(0, at);
    int line = (int) before.chars().filter(c -> c == '\n').count() + 1;
    int column = at - (before.lastIndexOf('\n') + 1) + 1;
    service.workspace().open(cases, edited.substring(0, at) + edited.substring(at + 1));
    return service.completion(cases, line, column).stream().map(Completion::label).toList();
  }

  @Test
  void completionInACaseFileProposesAreasThenTheirNodesThenOutcomes() throws IOException {
    Path cases = dir.resolve("azure.cases").toAbsolutePath();
    String text = Files.readString(cases);
    String line = "  expect azure workloads met 1\n";
    assertThat(text).contains(line);
    // before: the same areas and keywords everywhere, never a node
    assertThat(proposedInCases(cases, text.replace(line, "  expect |\n")))
        .contains("azure", "security", "partner")
        .doesNotContain("workloads", "met", "usage");
    assertThat(proposedInCases(cases, text.replace(line, "  expect azure wo|\n")))
        .containsExactly(
            "workloads", "association", "net-customer-adds", "deployments", "usage-growth");
    assertThat(proposedInCases(cases, text.replace(line, "  expect partner modern-work-smb |\n")))
        .contains("usage-growth.cpor")
        .doesNotContain("deployments.cpor");
    assertThat(proposedInCases(cases, text.replace(line, "  expect azure workloads |\n")))
        .containsExactly("met", "not_met", "not_evaluated");
    assertThat(proposedInCases(cases, text.replace(line, "  |\n")))
        .contains("customer", "tenant", "usage", "expect")
        .doesNotContain("case", "azure");
    assertThat(
            proposedInCases(
                cases, text.replace(line, "  usage T1 \"Azure SQL Database\" 2026-08 |\n")))
        .contains("acr", "active_users");
    assertThat(proposedInCases(cases, "# a |comment\n" + text)).isEmpty();
    assertThat(proposedInCases(cases, "|\n" + text))
        .contains("case", "as of")
        .doesNotContain("expect");
  }

  @Test
  void caseFilesHaveSymbolsAndLeadToTheirNodes() throws IOException {
    Path cases = dir.resolve("azure.cases").toAbsolutePath();
    String text = Files.readString(cases);
    List<EditorSymbol> symbols = service.symbols(cases);
    assertThat(symbols).isNotEmpty().allMatch(s -> s.kind() == EditorSymbol.Kind.CASE);
    assertThat(symbols.get(0).name()).isEqualTo("exactly $1,000.00 in M qualifies the tenant");
    int line = lineOf(text, "expect azure deployments");
    List<SourceLocation> def =
        service.definition(cases, line, columnOf(text, line, "deployments") + 2);
    String azureText = Files.readString(azure);
    assertThat(def)
        .extracting(l -> l.range().startLine())
        .containsExactly(lineOf(azureText, "metric deployments"));
    assertThat(service.diagnostics(cases).get(cases)).isEmpty();
    service
        .workspace()
        .open(cases, text.replace("intent \"A tenant qualifies", "intnt \"A tenant qualifies"));
    assertThat(service.diagnostics(cases).get(cases)).isNotEmpty();
    // what eligo test says before it runs a case, at its line: a node the area does not have
    String typo =
        text.replaceFirst(
            "expect azure net-customer-adds met 1", "expect azure net-customer-ads met 1");
    service.workspace().open(cases, typo);
    List<Problem> problems = service.diagnostics(cases).get(cases);
    assertThat(problems).hasSize(1);
    assertThat(problems.get(0).code()).isEqualTo("case");
    assertThat(problems.get(0).range().startLine()).isEqualTo(lineOf(typo, "net-customer-ads"));
    assertThat(problems.get(0).message()).contains("did you mean 'net-customer-adds'");
    // a mistake in the rows every case shares is one problem, not one per case (as eligo test)
    String shared =
        text.replaceFirst("\nworkloads ", "\nworkloads \"Spare\" family \"\"\nworkloads ");
    service.workspace().open(cases, shared);
    assertThat(service.diagnostics(cases).get(cases))
        .singleElement()
        .satisfies(p -> assertThat(p.message()).isEqualTo("family is empty"))
        .satisfies(p -> assertThat(p.range().startLine()).isEqualTo(lineOf(shared, "\"Spare\"")));
    // a case file with no criteria beside it: its own problems only, no unknown areas
    Path elsewhere = Files.createDirectories(dir.resolve("tests")).resolve("azure.cases");
    Files.writeString(elsewhere, text);
    assertThat(service.diagnostics(elsewhere).get(elsewhere.toAbsolutePath())).isEmpty();
  }
}
