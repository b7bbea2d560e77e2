package eligo.lang;

import static org.assertj.core.api.Assertions.assertThat;

import eligo.cli.Main;
import eligo.lang.antlr.CriteriaLexer;
import eligo.testing.ProgramGenerator;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.stream.Stream;
import org.antlr.v4.runtime.CharStreams;
import org.antlr.v4.runtime.Token;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code eligo fmt}: formatting never changes what a file means (the parsed tree, positions aside,
 * is the same), keeps every comment, and formatting a formatted file changes nothing — for the
 * shipped criteria, the baseline cases and generated programs laid out at random.
 */
class FormatterTest {
  static final int GENERATED = 150;
  static final long SEED = 77_000L;

  @TempDir Path tmp;

  @Test
  void theShippedCriteriaAndTheExamplesAreFormatted() throws IOException {
    List<String> args = new java.util.ArrayList<>(List.of("fmt", "--check", "criteria"));
    try (Stream<Path> s = Files.list(Path.of("examples"))) {
      s.filter(Files::isDirectory).sorted().forEach(d -> args.add(d.toString()));
    }
    assertThat(args).as("the example folders").hasSizeGreaterThan(5);
    StringWriter out = new StringWriter();
    StringWriter err = new StringWriter();
    int code =
        Main.execute(args.toArray(String[]::new), new PrintWriter(out), new PrintWriter(err));
    assertThat(out.toString()).as("files that 'eligo fmt --write' would change").isEmpty();
    assertThat(code).as(err.toString()).isZero();
  }

  @Test
  void aMessyFileGetsTheCanonicalLayout() {
    String messy =
        """


        # shared   \t
        import "common.criteria"
        association type PAL = "PAL"   # the partner admin link
        association type CSP_T1   =   "CSP T1"      # tier 1
        workloads   W = "Teams" ,"EXO",
                     "SPO"
        define f( kinds :types ) =associated via kinds



        area a "A" {
        \tgate g "G" { criteria "x"  value count tenant , workload in W
        where paid_units at M>-1 and f( PAL ) at (M-1)
                met when value>=1 }
        \t  }
        """;
    String expected =
        """
        # shared
        import "common.criteria"
        association type PAL    = "PAL"     # the partner admin link
        association type CSP_T1 = "CSP T1"  # tier 1
        workloads W = "Teams", "EXO",
          "SPO"
        define f(kinds: types) = associated via kinds

        area a "A" {
          gate g "G" { criteria "x"  value count tenant, workload in W
              where paid_units at M > -1 and f(PAL) at (M - 1)
            met when value >= 1 }
        }
        """;
    Formatter.Result r = Formatter.format(new SourceFile("messy.criteria", messy));
    assertThat(r.diagnostics()).isEmpty();
    assertThat(r.text()).isEqualTo(expected);
    assertThat(Formatter.format(new SourceFile("x", r.text())).text()).isEqualTo(expected);
  }

  @Test
  void aFileWithSyntaxErrorsIsNotFormatted() {
    Formatter.Result r =
        Formatter.format(
            new SourceFile(
                "bad.criteria",
                "area a \"A\" {\n  gate g \"G\" {\n    value count tenant\n    met when value >=\n  }\n}\n"));
    assertThat(r.ok()).isFalse();
    assertThat(r.diagnostics())
        .extracting(Diagnostic::render)
        .containsExactly(
            "bad.criteria:4:20: error: expected a value after '>=' at the end of the line\n    met when value >=\n                   ^~");
  }

  @Test
  void aLoneCarriageReturnEndsALineSoNoCommentIsLost() {
    // old Mac line ends: each comment stops at a CR, which only LF-counting took for a space
    String text =
        "# first\r# second\rassociation type PAL = \"PAL\"  # third\rtypes S = PAL # fourth\r";
    Formatter.Result r = Formatter.format(new SourceFile("cr.criteria", text));
    assertThat(r.ok()).isTrue();
    assertThat(r.text())
        .isEqualTo(
            "# first\n# second\nassociation type PAL = \"PAL\"  # third\ntypes S = PAL "
                + "                # fourth\n");
    assertThat(comments(r.text())).isEqualTo(comments(text));
    assertThat(tree(r.text())).isEqualTo(tree(text));
  }

  @Test
  void formattingKeepsTheMeaningAndCommentsAndIsIdempotent() throws IOException {
    Map<String, String> inputs = new LinkedHashMap<>();
    for (Path dir : List.of(Path.of("criteria"), Path.of("src/test/resources/baselines"))) {
      try (Stream<Path> s = Files.list(dir)) {
        for (Path p : s.filter(p -> p.toString().endsWith(".criteria")).sorted().toList()) {
          inputs.put(p.toString(), Files.readString(p, StandardCharsets.UTF_8));
        }
      }
    }
    for (long seed = SEED; seed < SEED + GENERATED; seed++) {
      String text = ProgramGenerator.generate(seed).text();
      inputs.put("generated " + seed, text);
      inputs.put(
          "generated " + seed + ", laid out at random", relayout(text, new SplittableRandom(seed)));
    }
    int formatted = 0;
    for (Map.Entry<String, String> e : inputs.entrySet()) {
      SourceFile source = new SourceFile("x.criteria", e.getValue());
      Formatter.Result once = Formatter.format(source);
      if (!once.ok()) {
        assertThat(e.getKey())
            .as("only baseline cases have syntax errors")
            .startsWith("src/test/resources/baselines");
        continue;
      }
      formatted++;
      assertThat(tree(once.text()))
          .as("the meaning of %s", e.getKey())
          .isEqualTo(tree(e.getValue()));
      assertThat(comments(once.text()))
          .as("the comments of %s", e.getKey())
          .isEqualTo(comments(e.getValue()));
      assertThat(Formatter.format(new SourceFile("x.criteria", once.text())).text())
          .as("formatting %s twice", e.getKey())
          .isEqualTo(once.text());
    }
    assertThat(formatted).isGreaterThan(2 * GENERATED);
  }

  @Test
  void checkListsWriteRewritesAndTheDefaultPrints() throws IOException {
    Path messy = tmp.resolve("messy.criteria");
    Path tidy = tmp.resolve("tidy.criteria");
    Files.writeString(messy, "workloads   W = \"Teams\"\n");
    Files.writeString(tidy, "workloads W = \"Teams\"\n");

    StringWriter out = new StringWriter();
    assertThat(
            Main.execute(
                new String[] {"fmt", "--check", tmp.toString()},
                new PrintWriter(out),
                new PrintWriter(new StringWriter())))
        .isEqualTo(1);
    assertThat(out.toString()).isEqualTo(messy + System.lineSeparator());

    out = new StringWriter();
    assertThat(
            Main.execute(
                new String[] {"fmt", messy.toString()},
                new PrintWriter(out),
                new PrintWriter(new StringWriter())))
        .isZero();
    assertThat(out.toString()).isEqualTo("workloads W = \"Teams\"\n");
    assertThat(Files.readString(messy)).isEqualTo("workloads   W = \"Teams\"\n");

    out = new StringWriter();
    assertThat(
            Main.execute(
                new String[] {"fmt", "--write", tmp.toString()},
                new PrintWriter(out),
                new PrintWriter(new StringWriter())))
        .isZero();
    assertThat(out.toString()).isEqualTo("formatted " + messy + System.lineSeparator());
    assertThat(Files.readString(messy)).isEqualTo("workloads W = \"Teams\"\n");
    assertThat(
            Main.execute(
                new String[] {"fmt", "--check", tmp.toString()},
                new PrintWriter(new StringWriter()),
                new PrintWriter(new StringWriter())))
        .isZero();

    Files.writeString(tmp.resolve("broken.criteria"), "workloads W = \"Teams\n");
    StringWriter err = new StringWriter();
    assertThat(
            Main.execute(
                new String[] {"fmt", "--check", tmp.toString()},
                new PrintWriter(new StringWriter()),
                new PrintWriter(err)))
        .isEqualTo(3);
    assertThat(err.toString())
        .contains("broken.criteria:1:15: error: this text has no closing quote");
  }

  @Test
  void writeReplacesTheFileByARenameKeepingItsModeAndAnyLinkToIt() throws IOException {
    Path real = Files.createDirectory(tmp.resolve("real")).resolve("a.criteria");
    Files.writeString(real, "workloads   W = \"Teams\"\n");
    java.nio.file.attribute.PosixFileAttributeView view =
        Files.getFileAttributeView(real, java.nio.file.attribute.PosixFileAttributeView.class);
    org.junit.jupiter.api.Assumptions.assumeTrue(view != null, "a POSIX file system");
    view.setPermissions(java.nio.file.attribute.PosixFilePermissions.fromString("rw-r-----"));
    Object before =
        Files.readAttributes(real, java.nio.file.attribute.BasicFileAttributes.class).fileKey();
    Path link = Files.createSymbolicLink(tmp.resolve("link.criteria"), real);

    StringWriter out = new StringWriter();
    assertThat(
            Main.execute(
                new String[] {"fmt", "--write", link.toString()},
                new PrintWriter(out),
                new PrintWriter(new StringWriter())))
        .isZero();
    assertThat(out.toString()).isEqualTo("formatted " + link + System.lineSeparator());
    assertThat(Files.isSymbolicLink(link)).as("the link is still a link").isTrue();
    assertThat(Files.readString(real)).isEqualTo("workloads W = \"Teams\"\n");
    assertThat(
            java.nio.file.attribute.PosixFilePermissions.toString(
                Files.getPosixFilePermissions(real)))
        .isEqualTo("rw-r-----");
    Object after =
        Files.readAttributes(real, java.nio.file.attribute.BasicFileAttributes.class).fileKey();
    if (before != null) {
      // a new file renamed into place, never the old one cut short and written again
      assertThat(after).isNotEqualTo(before);
    }
    try (Stream<Path> s = Files.list(real.getParent())) {
      assertThat(s.map(p -> p.getFileName().toString())).containsExactly("a.criteria");
    }
  }

  @Test
  void writeKeepsAByteOrderMarkAndCheckPassesAFormattedFileThatHasOne() throws IOException {
    byte[] bom = {(byte) 0xEF, (byte) 0xBB, (byte) 0xBF};
    Path messy = tmp.resolve("bom.criteria");
    Files.write(messy, concat(bom, "workloads   W = \"Teams\"\n".getBytes(StandardCharsets.UTF_8)));
    StringWriter out = new StringWriter();
    assertThat(
            Main.execute(
                new String[] {"fmt", "--write", messy.toString()},
                new PrintWriter(out),
                new PrintWriter(new StringWriter())))
        .isZero();
    assertThat(out.toString()).isEqualTo("formatted " + messy + System.lineSeparator());
    assertThat(Files.readAllBytes(messy))
        .isEqualTo(concat(bom, "workloads W = \"Teams\"\n".getBytes(StandardCharsets.UTF_8)));
    out = new StringWriter();
    assertThat(
            Main.execute(
                new String[] {"fmt", "--check", messy.toString()},
                new PrintWriter(out),
                new PrintWriter(new StringWriter())))
        .isZero();
    assertThat(out.toString()).isEmpty();
  }

  private static byte[] concat(byte[] a, byte[] b) {
    byte[] out = java.util.Arrays.copyOf(a, a.length + b.length);
    System.arraycopy(b, 0, out, a.length, b.length);
    return out;
  }

  @Test
  void aFolderWithoutCriteriaFilesIsAUsageErrorNotASilentPass() throws IOException {
    Path empty = Files.createDirectory(tmp.resolve("empty"));
    Files.writeString(empty.resolve("notes.txt"), "not criteria\n");
    StringWriter out = new StringWriter();
    StringWriter err = new StringWriter();
    assertThat(
            Main.execute(
                new String[] {"fmt", "--check", empty.toString()},
                new PrintWriter(out),
                new PrintWriter(err)))
        .isEqualTo(2);
    assertThat(out.toString()).isEmpty();
    assertThat(err.toString())
        .isEqualTo(
            "eligo: no *.criteria files in ["
                + empty
                + "]: name criteria files or folders"
                + System.lineSeparator());
  }

  @Test
  void aCaseFileIsRefusedByNameNotParsedAsCriteria() throws IOException {
    Path cases = Files.writeString(tmp.resolve("a.cases"), "as of 2026-08\n");
    StringWriter err = new StringWriter();
    assertThat(
            Main.execute(
                new String[] {"fmt", cases.toString()},
                new PrintWriter(new StringWriter()),
                new PrintWriter(err)))
        .isEqualTo(2);
    assertThat(err.toString())
        .isEqualTo(
            "eligo: '"
                + cases
                + "' is a case file: fmt formats *.criteria files only"
                + System.lineSeparator());
    assertThat(Files.readString(cases)).isEqualTo("as of 2026-08\n");
  }

  /** The parsed tree without positions. */
  private static String tree(String text) {
    CriteriaParsing.Result r = CriteriaParsing.parse(new SourceFile("x.criteria", text));
    assertThat(r.diagnostics()).isEmpty();
    return AstPrinter.print(r.file()).replaceAll("@\\d+:\\d+", "");
  }

  private static List<String> comments(String text) {
    List<String> out = new ArrayList<>();
    for (Token t : lex(text)) {
      if (t.getType() == CriteriaLexer.COMMENT) {
        out.add(t.getText().strip());
      }
    }
    return out;
  }

  private static List<? extends Token> lex(String text) {
    CriteriaLexer lexer = new CriteriaLexer(CharStreams.fromString(text));
    lexer.removeErrorListeners();
    return lexer.getAllTokens();
  }

  /**
   * The same tokens and comments with random space, tabs, line breaks and blank lines between them.
   */
  /**
   * Whether token {@code i} continues a month written as one word ({@code 2027-01}: a number, a
   * minus and a number with no space), which a space would make another text.
   */
  private static boolean inMonth(List<Token> tokens, int i) {
    Token t = tokens.get(i);
    Token before = i > 0 ? tokens.get(i - 1) : null;
    if (before == null || before.getStopIndex() + 1 != t.getStartIndex()) {
      return false;
    }
    return t.getType() == CriteriaLexer.MINUS && before.getType() == CriteriaLexer.NUMBER
        || t.getType() == CriteriaLexer.NUMBER && before.getType() == CriteriaLexer.MINUS;
  }

  static String relayout(String text, SplittableRandom random) {
    String[] gaps = {" ", "  ", "\t", "\n", "\n\n\n", " \n    ", "\n\t\t"};
    StringBuilder sb = new StringBuilder();
    List<Token> tokens =
        lex(text).stream()
            .filter(t -> t.getType() != CriteriaLexer.WS)
            .map(t -> (Token) t)
            .toList();
    for (int i = 0; i < tokens.size(); i++) {
      Token t = tokens.get(i);
      if (sb.length() > 0 && !inMonth(tokens, i)) {
        sb.append(gaps[random.nextInt(gaps.length)]);
      }
      sb.append(t.getText());
      if (t.getType() == CriteriaLexer.COMMENT) {
        sb.append('\n');
      } else if (random.nextInt(40) == 0 && !(i + 1 < tokens.size() && inMonth(tokens, i + 1))) {
        sb.append(" # note ").append(random.nextInt(100)).append('\n');
      }
    }
    return sb.append('\n').toString();
  }
}
