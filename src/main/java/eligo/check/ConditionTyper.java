package eligo.check;

import static eligo.check.ExprTyper.ERR;
import static eligo.check.ExprTyper.constant;
import static eligo.check.ExprTyper.describe;

import eligo.check.ExprTyper.T;
import eligo.check.ExprTyper.TAttr;
import eligo.check.ExprTyper.TBool;
import eligo.check.ExprTyper.TErr;
import eligo.check.ExprTyper.TMonth;
import eligo.check.ExprTyper.TNum;
import eligo.check.ExprTyper.TRange;
import eligo.check.ExprTyper.TTexts;
import eligo.check.Scope.ParamSym;
import eligo.ir.Ir;
import eligo.lang.Ast;
import eligo.lang.Diagnostics;
import java.util.List;
import java.util.Set;

/**
 * Types the conditions that compare: comparisons of numbers, months and attributes with texts,
 * {@code in} (a month in months, an attribute in texts), growth against a baseline, and {@code
 * within} a band; a comparison or band whose outcome is fixed is warned about ({@link Lints}).
 */
final class ConditionTyper {
  private final Reporter reporter;
  private final Symbols symbols;
  private final Lints lints;
  private final ExprTyper typer;
  private final WholeNumbers wholeNumbers;

  ConditionTyper(Reporter reporter, Symbols symbols, Lints lints, ExprTyper typer) {
    this.wholeNumbers = new WholeNumbers(reporter, lints);
    this.reporter = reporter;
    this.symbols = symbols;
    this.lints = lints;
    this.typer = typer;
  }

  T compare(Ast.Compare c, Env env) {
    T l = typer.expr(c.left(), env);
    T r = typer.expr(c.right(), env);
    if (l instanceof TErr || r instanceof TErr) {
      return ERR;
    }
    Ir.CmpOp op = Ir.CmpOp.valueOf(c.op().name());
    if (l instanceof TAttr || r instanceof TAttr || l instanceof TTexts || r instanceof TTexts) {
      return compareText(c, op, l, r);
    }
    if (l instanceof TMonth a && r instanceof TMonth b) {
      return new TBool(new Ir.CompareMonths(op, a.m(), b.m()));
    }
    if (l instanceof TNum a && r instanceof TNum b) {
      if (!Kind.compatible(a.kind(), b.kind())) {
        reporter.error(
            c.span(), "cannot compare " + a.kind().describe() + " with " + b.kind().describe());
        return ERR;
      }
      Ast.Literal lp = percentage(c.left(), env);
      Ast.Literal rp = percentage(c.right(), env);
      if ((lp == null) != (rp == null)) {
        Kind other = lp == null ? a.kind() : b.kind();
        if (other.category() != Ir.ValueKind.NUMBER) {
          Ast.Literal pct = lp != null ? lp : rp;
          reporter.error(
              c.span(),
              "cannot compare "
                  + other.describe()
                  + " with a percentage: "
                  + ((lp != null ? c.left() : c.right()) instanceof Ast.NameRef n
                      ? "'" + n.name().text() + "' is " + pct.text() + ", "
                      : pct.text() + " is ")
                  + "the number "
                  + pct.value().stripTrailingZeros().toPlainString()
                  + " here; to compare with a share of an amount, write '"
                  + pct.text()
                  + " of AMOUNT' (active_users >= "
                  + pct.text()
                  + " of paid_units)");
          return ERR;
        }
      }
      Boolean fixed = lints.fixedOutcome(op, a.e(), b.e());
      if (fixed != null) {
        // a warning still: the differential tests' random programs write such comparisons (a
        // constant against a constant, a count against 0) in about a third of their programs
        reporter.warning(
            c.span(),
            "this comparison "
                + (fixed ? "always holds" : "can never hold")
                + lints.instance
                + lints.because(Lints.constantValue(a.e()) == null ? a : b));
      }
      if (wholeNumbers.slip(c, op, a, c.right(), env)
          || wholeNumbers.slip(c, op.flipped(), b, c.left(), env)) {
        return ERR;
      }
      Kind amount = a.kind().category() == Ir.ValueKind.NUMBER ? b.kind() : a.kind();
      return new TBool(new Ir.Compare(op, a.e(), b.e(), amount.category(), amount.label()));
    }
    reporter.error(c.span(), "cannot compare " + describe(l) + " with " + describe(r));
    return ERR;
  }

  /**
   * The literal {@code e} is as written, or that a define without parameters names, through
   * defines; null for anything else.
   */
  static Ast.Literal written(Ast.Expr e, Env env) {
    Scope scope = env.scope;
    for (int depth = 0; depth < 16; depth++) {
      if (e instanceof Ast.LiteralExpr l) {
        return l.literal();
      }
      if (!(e instanceof Ast.NameRef n)
          || (depth == 0 && env.locals.containsKey(n.name().text()))
          || !(scope.lookup(n.name().text()) instanceof Scope.DeclSym d)
          || !(d.decl() instanceof Ast.DefineDecl def)
          || !def.params().isEmpty()) {
        return null;
      }
      e = def.body();
      scope = d.home();
    }
    return null;
  }

  /**
   * The percentage literal {@code e} is as written ({@code 40%}), or that a define without
   * parameters names, through defines ({@code healthy_share} for {@code define healthy_share =
   * 40%}); null for anything else.
   */
  private static Ast.Literal percentage(Ast.Expr e, Env env) {
    Ast.Literal l = written(e, env);
    return l != null && l.kind() == Ast.LiteralKind.PERCENT ? l : null;
  }

  /**
   * {@code segment == "Enterprise"}, {@code "Enterprise" != segment}: an attribute and one text.
   */
  private T compareText(Ast.Compare c, Ir.CmpOp op, T l, T r) {
    TAttr attr = l instanceof TAttr a ? a : r instanceof TAttr a ? a : null;
    TTexts texts = l instanceof TTexts x ? x : r instanceof TTexts x ? x : null;
    if (attr == null || texts == null) {
      reporter.error(
          c.span(),
          "a text is compared with an attribute ('segment == \"Enterprise\"'); here it is "
              + describe(l)
              + " and "
              + describe(r));
      return ERR;
    }
    if (op != Ir.CmpOp.EQ && op != Ir.CmpOp.NE) {
      reporter.error(
          c.span(),
          "an attribute is a text: compare it with == or != (or 'in (...)'), not " + c.op().symbol);
      return ERR;
    }
    if (texts.values().size() != 1) {
      reporter.error(
          c.span(),
          "'"
              + c.op().symbol
              + "' compares with one text; for several write '"
              + (op == Ir.CmpOp.NE ? "not " : "")
              + attr.name()
              + " in (...)'");
      return ERR;
    }
    return new TBool(
        new Ir.AttributeIn(attr.attribute(), attr.tenant(), texts.values(), op == Ir.CmpOp.NE));
  }

  T growth(Ast.Growth g, Env env) {
    TNum current = typer.expectNum(typer.expr(g.current(), env), g.current().span(), "growth");
    TNum baseline =
        typer.expectNum(typer.expr(g.baseline(), env), g.baseline().span(), "a baseline");
    if (current == null || baseline == null) {
      return ERR;
    }
    if (!Kind.compatible(current.kind(), baseline.kind())) {
      reporter.error(
          g.span(),
          "cannot compare the growth of "
              + current.kind().describe()
              + " with "
              + baseline.kind().describe());
      return ERR;
    }
    if (!(g.percent() instanceof Ast.LiteralExpr pct)
        || pct.literal().kind() != Ast.LiteralKind.PERCENT) {
      String message = growthPercent(g);
      if (g.percent() instanceof Ast.LiteralExpr l
          && l.literal().kind() == Ast.LiteralKind.NUMBER
          && l.literal().value().compareTo(java.math.BigDecimal.ONE) >= 0) {
        // one reading: 20 is 20%
        reporter.error(
            g.percent().span(),
            message,
            l.literal().value().stripTrailingZeros().toPlainString() + "%");
      } else {
        reporter.error(g.percent().span(), message);
      }
      return ERR;
    }
    Ir.Const k = constant(pct.literal().value());
    return new TBool(
        new Ir.Growth(Ir.CmpOp.valueOf(g.op().name()), current.e(), baseline.e(), k, g.whenZero()));
  }

  /**
   * Why the growth of {@code g} is refused, its percentage not written as one: with the percentage
   * a number would be ({@code 20 more than}: 20%; {@code 0.2 more than}: 20% or 0.2%), or for a
   * decline ({@code -10% more than}), the share of the baseline that says it.
   */
  private static String growthPercent(Ast.Growth g) {
    String example = "'value >= 20% more than baseline when zero: not met'";
    if (g.percent() instanceof Ast.Neg neg
        && neg.operand() instanceof Ast.LiteralExpr l
        && l.literal().kind() == Ast.LiteralKind.PERCENT
        && l.literal().value().compareTo(java.math.BigDecimal.ONE) <= 0) {
      String share =
          java.math.BigDecimal.ONE
                  .subtract(l.literal().value())
                  .movePointRight(2)
                  .stripTrailingZeros()
                  .toPlainString()
              + "%";
      return "growth is a percentage of 0% or more, as in "
          + example
          + "; for a decline of at most "
          + l.literal().text()
          + ", compare with a share of the baseline: 'value "
          + g.op().symbol
          + " "
          + share
          + " of baseline'";
    }
    if (g.percent() instanceof Ast.LiteralExpr l && l.literal().kind() == Ast.LiteralKind.NUMBER) {
      java.math.BigDecimal n = l.literal().value();
      String as = n.stripTrailingZeros().toPlainString() + "%";
      if (n.compareTo(java.math.BigDecimal.ONE) < 0 && n.signum() > 0) {
        String fraction = n.movePointRight(2).stripTrailingZeros().toPlainString() + "%";
        return "growth is written as a percentage, as in "
            + example
            + ": write "
            + fraction
            + " if "
            + l.literal().text()
            + " is a fraction, or "
            + as;
      }
      return "growth is written as a percentage, as in " + example + ": write " + as;
    }
    return "growth is a percentage written as a number: " + example;
  }

  T within(Ast.Within w, Env env) {
    TNum subject = typer.expectNum(typer.expr(w.subject(), env), w.subject().span(), "'within'");
    List<Ast.BandBound> bounds;
    if (w.band() != null) {
      bounds = symbols.band(w.band());
    } else {
      Object sym = env.scope.lookup(w.bandName().text());
      Object resolved = symbols.resolveSymbol(sym);
      if (sym == null && env.scope.unknownForBrokenImport(w.bandName().text())) {
        return ERR;
      }
      if (sym == null) {
        Set<String> bands =
            env.scope.namesOf(
                s ->
                    s instanceof ParamSym p
                        ? p.param().type() == Ast.ParamType.BAND
                        : symbols.resolveSymbol(s) instanceof List);
        String hint = Diagnostics.closest(w.bandName().text(), bands);
        reporter.unknown(
            w.bandName().span(),
            "unknown band '"
                + w.bandName().text()
                + "'"
                + env.scope.unknownHint(w.bandName().text(), Reporter.didYouMean(hint)),
            hint);
        return ERR;
      }
      if (!(resolved instanceof List<?> list)) {
        if (resolved != Symbols.ERROR) {
          reporter.error(
              w.bandName().span(),
              "'" + w.bandName().text() + "' is " + symbols.describeSymbol(sym) + ", not a band");
        }
        return ERR;
      }
      @SuppressWarnings("unchecked")
      List<Ast.BandBound> l = (List<Ast.BandBound>) list;
      bounds = l;
    }
    if (subject == null) {
      return ERR;
    }
    Ir.Expr out = null;
    boolean never = false;
    boolean always = true;
    for (Ast.BandBound b : bounds) {
      Ir.Compare cmp =
          new Ir.Compare(
              Ir.CmpOp.valueOf(b.op().name()),
              subject.e(),
              constant(b.limit().value()),
              subject.kind().category(),
              subject.kind().label());
      Boolean holds = lints.fixedOutcome(cmp.op(), cmp.left(), cmp.right());
      never |= Boolean.FALSE.equals(holds);
      always &= Boolean.TRUE.equals(holds);
      out = out == null ? cmp : new Ir.And(out, cmp);
    }
    if (never || always) {
      // never: an error, as bounds joined by 'and' that no value meets are (the rule would count
      // nothing here, whatever the data); always: a warning, as a comparison that always holds is
      String message =
          "this band "
              + (never ? "can never hold here" : "always holds here")
              + lints.instance
              + Lints.becauseNonNegative(subject);
      if (never) {
        reporter.error(w.span(), message);
      } else {
        reporter.warning(w.span(), message);
      }
    }
    return new TBool(out);
  }

  /** {@code month in months}, {@code attribute in ("a", "b")}. */
  T in(Ast.InSet i, Env env) {
    if (i.element() instanceof Ast.Aggregate a
        && !a.binders().isEmpty()
        && a.where() == null
        && i.set() instanceof Ast.NameRef set) {
      Ast.Binder last = a.binders().get(a.binders().size() - 1);
      if (last.dim() == Ast.Dim.TENANT && last.var() == null) {
        // 'count tenant in W' at the end of a line: the parser took it for '(count tenant) in W'
        reporter.error(
            last.span(), eligo.lang.Slips.tenantWithoutASet(set.name().text()), "tenant, workload");
        return ERR;
      }
    }
    T el = typer.expr(i.element(), env);
    T set = typer.expr(i.set(), env);
    if (el instanceof TErr || set instanceof TErr) {
      return ERR;
    }
    if (el instanceof TMonth m && set instanceof TRange r) {
      return new TBool(new Ir.InMonths(m.m(), r.r()));
    }
    if (el instanceof TAttr a && set instanceof TTexts x) {
      return new TBool(new Ir.AttributeIn(a.attribute(), a.tenant(), x.values(), false));
    }
    if (el instanceof TAttr a) {
      reporter.error(
          i.set().span(),
          "'in' after an attribute takes texts: '"
              + a.name()
              + " in (\"Enterprise\", \"Corporate\")'; this is "
              + describe(set));
      return ERR;
    }
    reporter.error(
        i.form(),
        "'in' asks whether a month lies in months (such as TTM(M) or window); here it has "
            + describe(el)
            + " and "
            + describe(set));
    return ERR;
  }
}
