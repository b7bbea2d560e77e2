package eligo.check;

import static org.assertj.core.api.Assertions.assertThat;

import eligo.lang.Diagnostic;
import eligo.lang.SourceFile;
import eligo.lang.antlr.CriteriaLexer;
import java.io.IOException;
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

/**
 * Mutates the shipped criteria thousands of times — token deletions, insertions, swaps,
 * replacements, truncation, random characters — with deterministic seeds, and compiles each mutant
 * with the file it imports (or one importing it). Every mutant either compiles or yields errors,
 * each located inside the file it names; no exception escapes {@link Frontend#compile}. A failure
 * names the seed and the mutation, so it can be replayed.
 */
class FrontendFuzzTest {
  static final int CASES = 3000;
  static final long SEED = 20260601L;
  static final String COMMON = "criteria/common.criteria";

  private static final java.util.regex.Pattern INTERNAL =
      java.util.regex.Pattern.compile(
          "\\b(null|Ast|Ir|TNum|TBool|TErr|ctx|Context|Exception|eligo|java|ID|STRING|NUMBER|MONEY|PERCENT|STRAY|UNTERMINATED_STRING|EOF)\\b|[{}<>]");

  /** Characters random edits draw from: syntax, quotes, control characters, non-ASCII. */
  private static final String ODD =
      "{}()\"#$%.,:=<>!-+*/\\\t\r\n\u0000\u00e9\u2028\uFEFF\uD83D\uDE00 0123456789aZ_";

  @Test
  void mutantsCompileOrYieldLocatedDiagnostics() throws IOException {
    Map<String, String> shipped = shipped();
    List<String> names = new ArrayList<>(shipped.keySet());
    Map<String, List<Token>> tokens = new LinkedHashMap<>();
    for (Map.Entry<String, String> e : shipped.entrySet()) {
      tokens.put(e.getKey(), tokens(e.getValue()));
    }
    List<String> vocabulary = new ArrayList<>();
    tokens.values().forEach(ts -> ts.forEach(t -> vocabulary.add(t.getText())));
    vocabulary.addAll(
        List.of(
            "{",
            "}",
            "(",
            ")",
            ",",
            "..",
            "\"",
            "\"unclosed",
            "template",
            "area",
            "leaf",
            "each",
            "partner",
            "value",
            "met",
            "when",
            "$",
            "-1",
            "99999999999999999999",
            "$0.001",
            "1e5"));

    long start = System.nanoTime();
    int compiled = 0;
    int rejected = 0;
    for (int i = 0; i < CASES; i++) {
      long seed = SEED + i;
      SplittableRandom random = new SplittableRandom(seed);
      String file = names.get(random.nextInt(names.size()));
      Mutation m = mutate(shipped.get(file), tokens.get(file), vocabulary, random);
      // the mutant with the file it imports (or, for the shared file, one that imports it)
      String partner = file.equals(COMMON) ? names.get(random.nextInt(names.size())) : COMMON;
      Map<String, String> texts = new LinkedHashMap<>();
      texts.put(partner, shipped.get(partner));
      texts.put(file, m.text());
      String replay = "seed " + seed + ": " + m.what() + " in " + file;
      Frontend.Compilation c;
      try {
        c = Frontend.compile(texts);
      } catch (RuntimeException | StackOverflowError e) {
        throw new AssertionError("an exception escaped the front end for " + replay, e);
      }
      if (c.ok()) {
        compiled++;
        continue;
      }
      rejected++;
      assertThat(c.diagnostics()).as(replay).anyMatch(Diagnostic::isError);
      for (Diagnostic d : c.diagnostics()) {
        assertLocated(d, texts, replay);
      }
    }
    long ms = (System.nanoTime() - start) / 1_000_000;
    System.out.printf(
        "front-end fuzz: %d mutants of the shipped criteria (%d compiled, %d rejected with located errors) in %d ms%n",
        CASES, compiled, rejected, ms);
    assertThat(rejected).as("most mutants are broken").isGreaterThan(CASES / 2);
  }

  private static void assertLocated(Diagnostic d, Map<String, String> texts, String replay) {
    String text = texts.get(d.span().file().name());
    assertThat(text).as("%s: diagnostic in an unknown file: %s", replay, d.span()).isNotNull();
    SourceFile f = new SourceFile(d.span().file().name(), text);
    assertThat(d.span().line())
        .as("%s: line of %s", replay, d.render())
        .isBetween(1, f.lineCount());
    assertThat(d.span().column())
        .as("%s: column of %s", replay, d.render())
        .isBetween(1, f.line(d.span().line()).length() + 1);
    assertThat(d.message()).as(replay).isNotBlank();
    // plain words: no parser token names or Java names outside the quoted parts
    String words = d.message().replaceAll("(?<![A-Za-z])'[^']*'|\"[^\"]*\"", "");
    assertThat(words).as("%s: %s", replay, d.message()).doesNotContainPattern(INTERNAL);
    assertThat(d.render()).as(replay).startsWith(d.span().where() + ": ");
  }

  record Mutation(String text, String what) {}

  static Mutation mutate(
      String text, List<Token> tokens, List<String> vocabulary, SplittableRandom random) {
    int k = random.nextInt(tokens.size());
    Token t = tokens.get(k);
    String pick = vocabulary.get(random.nextInt(vocabulary.size()));
    switch (random.nextInt(7)) {
      case 0:
        return new Mutation(
            splice(text, t, ""), "delete token '" + t.getText() + "' at " + where(t));
      case 1:
        return new Mutation(
            splice(text, t, pick + " " + t.getText()), "insert '" + pick + "' before " + where(t));
      case 2:
        return new Mutation(
            splice(text, t, pick),
            "replace '" + t.getText() + "' at " + where(t) + " by '" + pick + "'");
      case 3:
        {
          Token u = tokens.get(random.nextInt(tokens.size()));
          Token a = t.getStartIndex() <= u.getStartIndex() ? t : u;
          Token b = a == t ? u : t;
          if (a == b || a.getStopIndex() >= b.getStartIndex()) {
            return new Mutation(
                splice(text, a, a.getText() + " " + a.getText()),
                "duplicate '" + a.getText() + "' at " + where(a));
          }
          String swapped =
              text.substring(0, a.getStartIndex())
                  + b.getText()
                  + text.substring(a.getStopIndex() + 1, b.getStartIndex())
                  + a.getText()
                  + text.substring(b.getStopIndex() + 1);
          return new Mutation(
              swapped,
              "swap '"
                  + a.getText()
                  + "' at "
                  + where(a)
                  + " and '"
                  + b.getText()
                  + "' at "
                  + where(b));
        }
      case 4:
        {
          int at = random.nextInt(text.length() + 1);
          return new Mutation(text.substring(0, at), "truncate at offset " + at);
        }
      case 5:
        {
          int at = random.nextInt(text.length() + 1);
          StringBuilder junk = new StringBuilder();
          for (int n = 1 + random.nextInt(3); n > 0; n--) {
            junk.append(ODD.charAt(random.nextInt(ODD.length())));
          }
          return new Mutation(
              text.substring(0, at) + junk + text.substring(at),
              "insert " + escape(junk.toString()) + " at offset " + at);
        }
      default:
        {
          int at = random.nextInt(text.length());
          char ch = ODD.charAt(random.nextInt(ODD.length()));
          return new Mutation(
              text.substring(0, at) + ch + text.substring(at + 1),
              "overwrite offset " + at + " with " + escape(String.valueOf(ch)));
        }
    }
  }

  private static String splice(String text, Token t, String replacement) {
    return text.substring(0, t.getStartIndex())
        + replacement
        + text.substring(t.getStopIndex() + 1);
  }

  private static String where(Token t) {
    return t.getLine() + ":" + (t.getCharPositionInLine() + 1);
  }

  private static String escape(String s) {
    StringBuilder sb = new StringBuilder("'");
    s.chars()
        .forEach(
            ch ->
                sb.append(
                    ch < 0x20 || ch > 0x7e
                        ? String.format("\\u%04x", ch)
                        : String.valueOf((char) ch)));
    return sb.append('\'').toString();
  }

  /** The visible tokens of a text (no comments, spaces or end of file). */
  static List<Token> tokens(String text) {
    CriteriaLexer lexer = new CriteriaLexer(CharStreams.fromString(text));
    lexer.removeErrorListeners();
    List<Token> out = new ArrayList<>();
    for (Token t = lexer.nextToken(); t.getType() != Token.EOF; t = lexer.nextToken()) {
      if (t.getChannel() == Token.DEFAULT_CHANNEL) {
        out.add(t);
      }
    }
    return out;
  }

  /**
   * The shipped criteria, by the names the command line shows ({@code criteria/azure.criteria}).
   */
  static Map<String, String> shipped() throws IOException {
    Map<String, String> out = new LinkedHashMap<>();
    try (Stream<Path> s = Files.list(Path.of("criteria"))) {
      for (Path p : s.filter(p -> p.toString().endsWith(".criteria")).sorted().toList()) {
        out.put("criteria/" + p.getFileName(), Files.readString(p, StandardCharsets.UTF_8));
      }
    }
    assertThat(out).hasSizeGreaterThanOrEqualTo(5);
    return out;
  }
}
