package eligo.check;

import eligo.check.Scope.DeclSym;
import eligo.check.Scope.ParamSym;
import eligo.lang.Ast;
import eligo.lang.Diagnostics;
import eligo.lang.Span;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The values a criteria text shows: {@code {name}} in a text is replaced by the value that name has
 * where the node is written, so the number a reader sees is the number that runs. A name may be a
 * template or leaf parameter, a definition that is a number ({@code define qualifying_acr =
 * $1000}), a band, a set of association types or a set of workloads. Numbers are shown for readers:
 * money with a thousands separator and cents only when there are some ({@code $1,000}, {@code
 * $0.50}), counts and numbers with a thousands separator ({@code 2,500}), percentages as written.
 */
final class TextValues {
  private static final Pattern PLACEHOLDER = Pattern.compile("\\{([A-Za-z_][A-Za-z0-9_-]*)\\}");

  private final Reporter reporter;

  TextValues(Reporter reporter) {
    this.reporter = reporter;
  }

  /**
   * The text with each {@code {name}} replaced by the value it shows; {@code {met}} shows the value
   * that {@code met} (the node's 'met when', or null) compares 'value' with.
   */
  String show(Ast.Text text, Scope scope, Ast.Expr met) {
    Matcher m = PLACEHOLDER.matcher(text.value());
    StringBuilder sb = new StringBuilder();
    while (m.find()) {
      String replacement;
      if (m.group(1).equals("met")) {
        replacement = threshold(met, scope);
        if (replacement == null && reporter.complete(text.span())) {
          reporter.warning(
              text.span(),
              "'{met}' shows the value that 'met when' compares 'value' with, as in 'met when"
                  + " value >= 1'; this node's 'met when' is not such a comparison, so it is shown"
                  + " as written");
        }
        String words =
            replacement == null || !(met instanceof Ast.Compare c)
                ? null
                : BoundWords.disagree(
                    text.value().substring(0, m.start()),
                    text.value().substring(m.end()),
                    c,
                    replacement);
        if (words != null && reporter.complete(text.span())) {
          reporter.warning(text.span(), words);
        }
        m.appendReplacement(
            sb, Matcher.quoteReplacement(replacement == null ? m.group() : replacement));
        continue;
      }
      Object sym = scope.lookup(m.group(1));
      replacement = sym == null ? null : shown(sym);
      if (replacement == null) {
        if (reporter.complete(text.span())) {
          String hint = Diagnostics.closest(m.group(1), scope.namesOf(s -> shown(s) != null));
          String message =
              "'{"
                  + m.group(1)
                  + "}' in this text names "
                  + (sym == null ? "nothing" : "no value a text can show")
                  + " (a parameter, a definition that is a number, a band or a set), so it is"
                  + " shown as written"
                  + Reporter.didYouMean(hint == null ? null : "{" + hint + "}");
          Span at = hint == null ? null : placeOf(text, m.group(), m.start());
          if (at == null) {
            reporter.warning(text.span(), message);
          } else {
            // the quick fix writes the name meant over the one written, inside the text
            reporter.warning(text.span(), message, at, "{" + hint + "}");
          }
        }
        replacement = m.group();
      }
      m.appendReplacement(sb, Matcher.quoteReplacement(replacement));
    }
    m.appendTail(sb);
    return sb.toString();
  }

  /**
   * Where {@code piece}, found at {@code index} of the text's value, stands in the source: the same
   * occurrence in the quoted text as written (braces and names are never escaped, so the
   * occurrences come in the same order); null when the text does not stand on one line as its span
   * says.
   */
  private static Span placeOf(Ast.Text text, String piece, int index) {
    int nth = 0;
    for (int i = text.value().indexOf(piece); i >= 0 && i < index; ) {
      nth++;
      i = text.value().indexOf(piece, i + 1);
    }
    Span s = text.span();
    String line = s.file().line(s.line());
    int from = s.column() - 1;
    if (from < 0 || from + s.length() > line.length()) {
      return null;
    }
    String raw = line.substring(from, from + s.length());
    int at = raw.indexOf(piece);
    for (int k = 0; k < nth && at >= 0; k++) {
      at = raw.indexOf(piece, at + 1);
    }
    return at < 0 ? null : new Span(s.file(), s.line(), s.column() + at, piece.length());
  }

  /**
   * The value a 'met when' of the form {@code value OP x} compares with ({@code x} a number, or a
   * name that shows one), for readers; null for any other form.
   */
  private static String threshold(Ast.Expr met, Scope scope) {
    if (!(met instanceof Ast.Compare c) || !(c.left() instanceof Ast.ValueRef)) {
      return null;
    }
    if (c.right() instanceof Ast.LiteralExpr l) {
      return number(l.literal().value(), l.literal().kind());
    }
    if (c.right() instanceof Ast.Neg n && n.operand() instanceof Ast.LiteralExpr l) {
      return number(l.literal().value().negate(), l.literal().kind());
    }
    if (c.right() instanceof Ast.NameRef r) {
      Object sym = scope.lookup(r.name().text());
      return sym == null ? null : shown(sym);
    }
    return null;
  }

  /**
   * Whether every value {@code text} shows is sound: none is an argument already reported as wrong
   * (a lint on such a text would only echo that error).
   */
  boolean sound(Ast.Text text, Scope scope) {
    Matcher m = PLACEHOLDER.matcher(text.value());
    while (m.find()) {
      if (scope.lookup(m.group(1)) instanceof ParamSym p && p.value() == Symbols.ERROR) {
        return false;
      }
    }
    return true;
  }

  /** What a symbol shows in a text, or null when it is nothing a text can show. */
  static String shown(Object sym) {
    if (sym instanceof ParamSym p) {
      switch (p.param().type()) {
        case MONEY:
        case COUNT:
        case NUMBER:
          return writtenNumber(p.text());
        case TYPES:
          // 'CSP, CPOR' as written: any of them counts, so a reader's list ('CSP or CPOR')
          return anyOf(java.util.Arrays.stream(p.text().split(",")).map(String::trim).toList());
        default:
          return p.text();
      }
    }
    if (!(sym instanceof DeclSym d)) {
      return null;
    }
    if (d.decl() instanceof Ast.DefineDecl def
        && def.params().isEmpty()
        && def.body() instanceof Ast.LiteralExpr l) {
      return number(l.literal().value(), l.literal().kind());
    }
    if (d.decl() instanceof Ast.BandDecl b) {
      return band(b.band());
    }
    if (d.decl() instanceof Ast.TypeSetDecl t) {
      return anyOf(t.set().items().stream().map(Ast.Name::text).toList());
    }
    if (d.decl() instanceof Ast.WorkloadSetDecl w) {
      return workloads(w.set());
    }
    return null;
  }

  /**
   * Association types for readers, any of which counts: {@code CSP}, {@code CSP or CPOR}, {@code
   * CSP, DPOR or PAL}.
   */
  static String anyOf(List<String> names) {
    if (names.size() < 2) {
      return String.join("", names);
    }
    return String.join(", ", names.subList(0, names.size() - 1))
        + " or "
        + names.get(names.size() - 1);
  }

  /** A band for readers: {@code > 10 and <= 300}. */
  static String band(Ast.BandExpr band) {
    List<String> parts = new ArrayList<>();
    for (Ast.BandBound b : band.bounds()) {
      parts.add(b.op().symbol + " " + number(b.limit().value(), b.limit().kind()));
    }
    return String.join(" and ", parts);
  }

  private static String workloads(Ast.WorkloadSetExpr set) {
    String out = terms(set.include());
    return set.exclude().isEmpty() ? out : out + " except " + terms(set.exclude());
  }

  private static String terms(List<Ast.WorkloadTerm> terms) {
    List<String> parts = new ArrayList<>();
    for (Ast.WorkloadTerm t : terms) {
      if (t instanceof Ast.WorkloadName n) {
        parts.add(n.name());
      } else if (t instanceof Ast.WorkloadFamily f) {
        parts.add("the " + f.family() + " family");
      } else if (t instanceof Ast.WorkloadRef r) {
        parts.add(r.name().text());
      }
    }
    return String.join(", ", parts);
  }

  /** A number as written in an argument ({@code $1500}, {@code 40%}, {@code 2000}), for readers. */
  private static String writtenNumber(String written) {
    Ast.LiteralKind kind =
        written.startsWith("$")
            ? Ast.LiteralKind.MONEY
            : written.endsWith("%") ? Ast.LiteralKind.PERCENT : Ast.LiteralKind.NUMBER;
    try {
      BigDecimal v = new BigDecimal(written.replace("$", "").replace("%", ""));
      return number(kind == Ast.LiteralKind.PERCENT ? v.movePointLeft(2) : v, kind);
    } catch (NumberFormatException notANumber) {
      return written;
    }
  }

  /**
   * A value for readers: {@code $1,000}, {@code $0.50}, {@code 2,500}, {@code 0.2}, {@code 40%}
   * ({@code value} is the literal's value: 0.4 for 40%).
   */
  static String number(BigDecimal value, Ast.LiteralKind kind) {
    BigDecimal v = value.stripTrailingZeros();
    if (v.scale() < 0) {
      v = v.setScale(0);
    }
    switch (kind) {
      case MONEY:
        return (v.signum() < 0 ? "-$" : "$")
            + grouped(v.scale() > 0 ? v.abs().setScale(Math.max(2, v.scale())) : v.abs());
      case PERCENT:
        BigDecimal p = v.movePointRight(2).stripTrailingZeros();
        return (p.scale() < 0 ? p.setScale(0) : p).toPlainString() + "%";
      default:
        return (v.signum() < 0 ? "-" : "") + grouped(v.abs());
    }
  }

  private static String grouped(BigDecimal v) {
    String plain = v.toPlainString();
    int dot = plain.indexOf('.');
    String whole = dot < 0 ? plain : plain.substring(0, dot);
    StringBuilder sb = new StringBuilder();
    for (int i = 0; i < whole.length(); i++) {
      if (i > 0 && (whole.length() - i) % 3 == 0) {
        sb.append(',');
      }
      sb.append(whole.charAt(i));
    }
    return sb + (dot < 0 ? "" : plain.substring(dot));
  }
}
