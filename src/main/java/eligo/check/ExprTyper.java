package eligo.check;

import eligo.ir.Ir;
import eligo.lang.Ast;
import eligo.lang.Span;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;

/**
 * Expression typing: elaborates an expression of the criteria into an IR expression and its type (a
 * number of a {@link Kind}, a condition, a month, a range of months), reporting each type error
 * once (a {@link TErr} stops cascades). This class holds the types, dispatches on the kind of
 * expression, and types the small forms itself (literals, percentages, ranges of months, 'not',
 * '-', 'at', 'net', 'value', texts); the others go to the typer of their concern: {@link
 * OperatorTyper} (and, or, arithmetic, moved months), {@link ConditionTyper} (comparisons, 'in',
 * growth, bands), {@link AttributionTyper} ('via', 'associated', 'earliest start'), {@link
 * AggregateTyper} (aggregates with their binders), {@link AtLeastTyper} ('at least', points) and
 * {@link NameTyper} (names and calls: measures, parameters, definitions, tables).
 */
final class ExprTyper {
  /** Elaborated expressions. */
  sealed interface T permits TNum, TBool, TMonth, TRange, TAttr, TTexts, TErr {}

  record TNum(Ir.Expr e, Kind kind) implements T {}

  record TBool(Ir.Expr e) implements T {}

  record TMonth(Ir.MonthExpr m) implements T {}

  record TRange(Ir.MonthRange r) implements T {}

  /** An attribute of the customer ({@code tenant} null) or of the tenant in scope: a text. */
  record TAttr(Ir.Attribute attribute, Ir.Var tenant, String name) implements T {}

  /** Texts as written: {@code "Enterprise"}, {@code ("Enterprise", "Corporate")}. */
  record TTexts(List<String> values) implements T {}

  /** Already reported: stops cascades. */
  record TErr() implements T {}

  static final TErr ERR = new TErr();

  private final Reporter reporter;
  private final NameTyper names;
  private final AtLeastTyper atLeast;
  private final OperatorTyper operators;
  private final ConditionTyper conditions;
  private final AttributionTyper attribution;
  private final AggregateTyper aggregates;

  ExprTyper(Reporter reporter, Symbols symbols, Lints lints) {
    this.reporter = reporter;
    this.names = new NameTyper(reporter, symbols, this);
    this.atLeast = new AtLeastTyper(reporter, this);
    this.operators = new OperatorTyper(reporter, lints, this);
    this.conditions = new ConditionTyper(reporter, symbols, lints, this);
    this.attribution = new AttributionTyper(reporter, symbols, this);
    this.aggregates = new AggregateTyper(reporter, symbols, this);
  }

  /**
   * Numbers the variables of the next binders from {@code last} + 1 (a node's value and its partner
   * rule's apart).
   */
  void numberVarsFrom(int last) {
    aggregates.numberVarsFrom(last);
    names.forgetExpansions();
  }

  T expr(Ast.Expr e, Env env) {
    if (e instanceof Ast.LiteralExpr l) {
      Ast.Literal lit = l.literal();
      return new TNum(
          constant(lit.value()), lit.kind() == Ast.LiteralKind.MONEY ? Kind.MONEY : Kind.NUMBER);
    }
    if (e instanceof Ast.PercentOf p) {
      T of = expr(p.of(), env);
      TNum n = expectNum(of, p.of().span(), "a percentage's 'of'");
      if (n == null) {
        return ERR;
      }
      return new TNum(new Ir.Arith(Ir.ArithOp.MUL, constant(p.percent().value()), n.e()), n.kind());
    }
    if (e instanceof Ast.Binary b) {
      return operators.binary(b, env);
    }
    if (e instanceof Ast.Compare c) {
      return conditions.compare(c, env);
    }
    if (e instanceof Ast.Growth g) {
      return conditions.growth(g, env);
    }
    if (e instanceof Ast.AtLeast a) {
      return atLeast.type(a, env);
    }
    if (e instanceof Ast.Points p) {
      return atLeast.points(p, env);
    }
    if (e instanceof Ast.Within w) {
      return conditions.within(w, env);
    }
    if (e instanceof Ast.InSet i) {
      return conditions.in(i, env);
    }
    if (e instanceof Ast.Range r) {
      T from = expr(r.from(), env);
      T to = expr(r.to(), env);
      if (from instanceof TErr || to instanceof TErr) {
        return ERR;
      }
      if (from instanceof TMonth a && to instanceof TMonth b) {
        boolean comparable =
            a.m() instanceof Ir.AsOf && b.m() instanceof Ir.AsOf
                || a.m() instanceof Ir.MonthVar x
                    && b.m() instanceof Ir.MonthVar y
                    && x.var().equals(y.var());
        int after = offset(a.m()) - offset(b.m());
        if (comparable && after > 0) {
          reporter.error(
              r.form(),
              "this range of months is empty: its first month comes "
                  + (after == 1 ? "1 month" : after + " months")
                  + " after its last; write the earlier month first");
          return ERR;
        }
        String empty = MonthUse.emptyForLaterMonths(a.m(), b.m(), env);
        if (empty == null) {
          empty = MonthUse.emptyForEarlierMonths(a.m(), b.m(), env);
        }
        if (empty != null) {
          reporter.error(r.form(), empty);
          return ERR;
        }
        return new TRange(new Ir.MonthRange(a.m(), b.m()));
      }
      reporter.error(
          r.form(),
          "'..' makes a range of months, such as 'M - 1 .. M'; here it has "
              + describe(from)
              + " and "
              + describe(to));
      return ERR;
    }
    if (e instanceof Ast.Not n) {
      T x = expr(n.operand(), env);
      if (expectBool(x, n.operand().span(), "'not'") instanceof TBool b) {
        return new TBool(new Ir.Not(b.e(), n.label()));
      }
      return ERR;
    }
    if (e instanceof Ast.Neg n) {
      TNum x = expectNum(expr(n.operand(), env), n.operand().span(), "'-'");
      return x == null ? ERR : new TNum(new Ir.Neg(x.e()), x.kind());
    }
    if (e instanceof Ast.Via v) {
      return attribution.via(v, env);
    }
    if (e instanceof Ast.At a) {
      T month = expr(a.month(), env);
      if (month instanceof TErr) {
        return ERR;
      }
      if (!(month instanceof TMonth m)) {
        reporter.error(
            a.month().form(),
            "'at' takes a month, such as M or M - 12; this is " + describe(month));
        return ERR;
      }
      T x = expr(a.operand(), env.withMonth(m.m()));
      String noOp = x instanceof TErr ? null : MonthUse.atChangesNothing(x, m.m());
      if (noOp != null && reporter.complete(a.span())) { // else a syntax error may have cut x
        // an error: the run would report x as written, not at the month meant
        reporter.error(WrittenForms.at(a.span()), noOp);
      }
      return x;
    }
    if (e instanceof Ast.Net n) {
      if (env.inNet) {
        reporter.error(
            n.form(),
            "'net' inside 'net' would compare a year with a year before it twice; use one 'net'");
        return ERR;
      }
      TNum x = expectNum(expr(n.operand(), env.inNet()), n.operand().span(), "'net'");
      if (x == null) {
        return ERR;
      }
      String zero = MonthUse.netIsZero(x.e());
      if (zero != null && reporter.complete(n.span())) { // else a syntax error may have cut x
        // an error: a 'net' metric would say "no change" for every customer
        reporter.error(WrittenForms.net(n.span()), zero);
      }
      return new TNum(new Ir.Net(x.e()), x.kind());
    }
    if (e instanceof Ast.Aggregate a) {
      return aggregates.aggregate(a, env);
    }
    if (e instanceof Ast.Associated a) {
      return attribution.associated(a, env);
    }
    if (e instanceof Ast.EarliestStart s) {
      return attribution.earliestStart(s, env);
    }
    if (e instanceof Ast.ValueRef v) {
      if (env.value == null) {
        reporter.error(
            v.span(),
            "'value' is the node's value: it can be used in 'met when' and partner rules, not here");
        return ERR;
      }
      return env.value;
    }
    if (e instanceof Ast.Call c) {
      return names.call(c, env);
    }
    if (e instanceof Ast.TextExpr x) {
      return new TTexts(x.values());
    }
    return names.name(((Ast.NameRef) e).name(), env);
  }

  /**
   * How far a month may be moved from M or a named month: a range of months is walked month by
   * month for every customer, so a shift of millions of months would run for hours.
   */
  static final int MAX_MONTHS = 1200;

  /** The months {@code m} lies from M or its named month (0 for any other month). */
  static int offset(Ir.MonthExpr m) {
    if (m instanceof Ir.AsOf a) {
      return a.offset();
    }
    return m instanceof Ir.MonthVar v ? v.offset() : 0;
  }

  /**
   * The last month {@code m} can be, as an offset from M: its own for a moved M, its variable's
   * last plus its move for a named month; null when the data decide it (an association's start).
   */
  static Integer last(Ir.MonthExpr m, Env env) {
    if (m instanceof Ir.AsOf a) {
      return a.offset();
    }
    if (m instanceof Ir.MonthVar v && env.monthEnd(v.var()) != null) {
      return env.monthEnd(v.var()) + v.offset();
    }
    return null;
  }

  /**
   * The first month {@code m} can be, as an offset from M, as {@link #last}; null when not fixed.
   */
  static Integer first(Ir.MonthExpr m, Env env) {
    if (m instanceof Ir.AsOf a) {
      return a.offset();
    }
    if (m instanceof Ir.MonthVar v && env.monthStart(v.var()) != null) {
      return env.monthStart(v.var()) + v.offset();
    }
    return null;
  }

  /** A month {@code offset} months from M, as written: {@code M}, {@code M - 1}, {@code M + 2}. */
  static String monthText(int offset) {
    return offset == 0 ? "M" : offset < 0 ? "M - " + -(long) offset : "M + " + offset;
  }

  static Ir.MonthExpr shift(Ir.MonthExpr m, int d) {
    if (m instanceof Ir.AsOf a) {
      return new Ir.AsOf(a.offset() + d);
    }
    if (m instanceof Ir.MonthVar v) {
      return new Ir.MonthVar(v.var(), v.offset() + d);
    }
    return null;
  }

  /** Reports what a construct needs that no binder gives; true when everything is bound. */
  boolean needs(Env env, Span span, String what, boolean tenant, boolean workload, boolean month) {
    List<String> missing = new ArrayList<>();
    if (tenant && env.tenant == null) {
      missing.add("a tenant");
    }
    if (workload && env.workload == null) {
      missing.add("a workload");
    }
    if (month && env.month == null) {
      missing.add("a month");
    }
    if (missing.isEmpty()) {
      return true;
    }
    reporter.error(
        span,
        what
            + " needs "
            + String.join(", ", missing)
            + ": add "
            + (missing.size() == 1 ? "it" : "them")
            + " with 'for'/'where' (e.g. 'sum ... for tenant, workload in X, month in TTM(M)') or 'at M'");
    return false;
  }

  TNum expectNum(T t, Span span, String where) {
    if (t instanceof TNum n) {
      return n;
    }
    if (!(t instanceof TErr)) {
      reporter.error(span, where + " needs a number or an amount; this is " + describe(t));
    }
    return null;
  }

  T expectBool(T t, Span span, String where) {
    if (t instanceof TBool) {
      return t;
    }
    if (!(t instanceof TErr)) {
      reporter.error(span, where + " needs a condition (yes or no); this is " + describe(t));
    }
    return null;
  }

  static String describe(T t) {
    if (t instanceof TNum n) {
      return n.kind().describe();
    }
    if (t instanceof TBool) {
      return "a condition";
    }
    if (t instanceof TMonth) {
      return "a month";
    }
    if (t instanceof TRange) {
      return "a range of months";
    }
    if (t instanceof TAttr a) {
      return "the " + a.attribute().owner().word + " attribute '" + a.name() + "' (a text)";
    }
    if (t instanceof TTexts x) {
      return x.values().size() == 1 ? "a text" : "a list of texts";
    }
    return "an error";
  }

  static Ir.Const constant(BigDecimal v) {
    BigDecimal s = v.stripTrailingZeros();
    if (s.scale() < 0) {
      s = s.setScale(0);
    }
    if (!Literals.fits(s)) {
      return new Ir.Const(0, 0); // Literals reported it where it stands; the program has errors
    }
    return new Ir.Const(s.unscaledValue().longValueExact(), s.scale());
  }
}
