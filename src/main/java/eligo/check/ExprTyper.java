package eligo.check;

import eligo.check.Scope.ParamSym;
import eligo.ir.Ir;
import eligo.lang.Ast;
import eligo.lang.Ast.AggKind;
import eligo.lang.Diagnostics;
import eligo.lang.Span;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/**
 * Expression typing: elaborates an expression of the criteria into an IR expression and its type (a
 * number of a {@link Kind}, a condition, a month, a range of months), reporting each type error
 * once (a {@link TErr} stops cascades). Operators, comparisons, bands, attribution ('via',
 * 'associated'), 'at', 'net' and aggregates with their binders are typed here; names and calls
 * (measures, parameters, definitions, tables) by {@link NameTyper}.
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
  private final Symbols symbols;
  private final Lints lints;
  private final NameTyper names;
  private final AtLeastTyper atLeast;
  private int varCounter;

  ExprTyper(Reporter reporter, Symbols symbols, Lints lints) {
    this.reporter = reporter;
    this.symbols = symbols;
    this.lints = lints;
    this.names = new NameTyper(reporter, symbols, this);
    this.atLeast = new AtLeastTyper(reporter, this);
  }

  /**
   * Numbers the variables of the next binders from {@code last} + 1 (a node's value and its partner
   * rule's apart).
   */
  void numberVarsFrom(int last) {
    varCounter = last;
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
      return binary(b, env);
    }
    if (e instanceof Ast.Compare c) {
      return compare(c, env);
    }
    if (e instanceof Ast.Growth g) {
      return growth(g, env);
    }
    if (e instanceof Ast.AtLeast a) {
      return atLeast.type(a, env);
    }
    if (e instanceof Ast.Points p) {
      return atLeast.points(p, env);
    }
    if (e instanceof Ast.Within w) {
      return within(w, env);
    }
    if (e instanceof Ast.InSet i) {
      T el = expr(i.element(), env);
      T set = expr(i.set(), env);
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
          i.span(),
          "'in' asks whether a month lies in months (such as TTM(M) or window); here it has "
              + describe(el)
              + " and "
              + describe(set));
      return ERR;
    }
    if (e instanceof Ast.Range r) {
      T from = expr(r.from(), env);
      T to = expr(r.to(), env);
      if (from instanceof TErr || to instanceof TErr) {
        return ERR;
      }
      if (from instanceof TMonth a && to instanceof TMonth b) {
        return new TRange(new Ir.MonthRange(a.m(), b.m()));
      }
      reporter.error(
          r.span(),
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
      return via(v, env);
    }
    if (e instanceof Ast.At a) {
      T month = expr(a.month(), env);
      if (month instanceof TErr) {
        return ERR;
      }
      if (!(month instanceof TMonth m)) {
        reporter.error(
            a.month().span(),
            "'at' takes a month, such as M or M - 12; this is " + describe(month));
        return ERR;
      }
      return expr(a.operand(), env.withMonth(m.m()));
    }
    if (e instanceof Ast.Net n) {
      if (env.inNet) {
        reporter.error(
            n.span(),
            "'net' inside 'net' would compare a year with a year before it twice; use one 'net'");
        return ERR;
      }
      TNum x = expectNum(expr(n.operand(), env.inNet()), n.operand().span(), "'net'");
      return x == null ? ERR : new TNum(new Ir.Net(x.e()), x.kind());
    }
    if (e instanceof Ast.Aggregate a) {
      return aggregate(a, env);
    }
    if (e instanceof Ast.Associated a) {
      return associated(a, env);
    }
    if (e instanceof Ast.EarliestStart s) {
      Ir.TypeSet types = symbols.typeSet(s.via(), env.scope);
      if (types == null || !needs(env, s.span(), "'earliest start'", true, true, false)) {
        return ERR;
      }
      return new TMonth(new Ir.EarliestStart(env.tenant, env.workload, types));
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

  private T binary(Ast.Binary b, Env env) {
    T l = expr(b.left(), env);
    T r = expr(b.right(), env);
    if (l instanceof TErr || r instanceof TErr) {
      return ERR;
    }
    switch (b.op()) {
      case AND:
      case OR:
        {
          TBool x = (TBool) expectBool(l, b.left().span(), "'" + b.op().symbol + "'");
          TBool y = (TBool) expectBool(r, b.right().span(), "'" + b.op().symbol + "'");
          if (x == null || y == null) {
            return ERR;
          }
          return new TBool(
              b.op() == Ast.BinOp.AND
                  ? new Ir.And(x.e(), y.e(), b.leftLabel(), b.rightLabel())
                  : new Ir.Or(x.e(), y.e(), b.leftLabel(), b.rightLabel()));
        }
      case DIV:
        reporter.error(
            b.span(),
            "division is not supported, so that every result stays exact: write a percentage ('40% of paid_units') or a rate table");
        return ERR;
      default:
        break;
    }
    if (l instanceof TMonth m && (b.op() == Ast.BinOp.ADD || b.op() == Ast.BinOp.SUB)) {
      if (r instanceof TNum n
          && n.e() instanceof Ir.Const k
          && k.scale() == 0
          && n.kind().category() == Ir.ValueKind.NUMBER) {
        int d = (int) (b.op() == Ast.BinOp.ADD ? k.unscaled() : -k.unscaled());
        Ir.MonthExpr shifted = shift(m.m(), d);
        if (shifted == null) {
          reporter.error(b.span(), "only M and named months can be moved by a number of months");
          return ERR;
        }
        return new TMonth(shifted);
      }
      reporter.error(
          b.right().span(),
          "a month can be moved by a whole number of months ('M - 12'); this is " + describe(r));
      return ERR;
    }
    TNum x = expectNum(l, b.left().span(), "'" + b.op().symbol + "'");
    TNum y = expectNum(r, b.right().span(), "'" + b.op().symbol + "'");
    if (x == null || y == null) {
      return ERR;
    }
    if (b.op() == Ast.BinOp.MUL) {
      if (x.kind().category() == Ir.ValueKind.MONEY && y.kind().category() == Ir.ValueKind.MONEY) {
        reporter.error(b.span(), "cannot multiply money by money");
        return ERR;
      }
      Kind k =
          x.kind().category() == Ir.ValueKind.MONEY || y.kind().category() == Ir.ValueKind.MONEY
              ? Kind.MONEY
              : x.kind().category() == Ir.ValueKind.NUMBER
                  ? y.kind()
                  : y.kind().category() == Ir.ValueKind.NUMBER ? x.kind() : Kind.NUMBER;
      return new TNum(new Ir.Arith(Ir.ArithOp.MUL, x.e(), y.e()), k);
    }
    if (!Kind.compatible(x.kind(), y.kind())) {
      reporter.error(
          b.span(),
          "cannot "
              + (b.op() == Ast.BinOp.ADD ? "add " : "subtract ")
              + y.kind().describe()
              + (b.op() == Ast.BinOp.ADD ? " to " : " from ")
              + x.kind().describe());
      return ERR;
    }
    return new TNum(
        new Ir.Arith(b.op() == Ast.BinOp.ADD ? Ir.ArithOp.ADD : Ir.ArithOp.SUB, x.e(), y.e()),
        Kind.join(x.kind(), y.kind()));
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

  private T compare(Ast.Compare c, Env env) {
    T l = expr(c.left(), env);
    T r = expr(c.right(), env);
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
      Boolean fixed = lints.fixedOutcome(op, a.e(), b.e());
      if (fixed != null) {
        reporter.warning(
            c.span(),
            "this comparison "
                + (fixed ? "always holds" : "can never hold")
                + lints.instance
                + lints.because(Lints.constantValue(a.e()) == null ? a : b));
      }
      return new TBool(new Ir.Compare(op, a.e(), b.e()));
    }
    reporter.error(c.span(), "cannot compare " + describe(l) + " with " + describe(r));
    return ERR;
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

  private T growth(Ast.Growth g, Env env) {
    TNum current = expectNum(expr(g.current(), env), g.current().span(), "growth");
    TNum baseline = expectNum(expr(g.baseline(), env), g.baseline().span(), "a baseline");
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
      reporter.error(
          g.percent().span(),
          "growth is a percentage written as a number: 'value >= 20% more than baseline when"
              + " zero: not met'");
      return ERR;
    }
    Ir.Const k = constant(pct.literal().value());
    return new TBool(
        new Ir.Growth(Ir.CmpOp.valueOf(g.op().name()), current.e(), baseline.e(), k, g.whenZero()));
  }

  private T within(Ast.Within w, Env env) {
    TNum subject = expectNum(expr(w.subject(), env), w.subject().span(), "'within'");
    List<Ast.BandBound> bounds;
    if (w.band() != null) {
      bounds = symbols.band(w.band());
    } else {
      Object sym = env.scope.lookup(w.bandName().text());
      Object resolved = symbols.resolveSymbol(sym);
      if (sym == null) {
        Set<String> bands =
            env.scope.namesOf(
                s ->
                    s instanceof ParamSym p
                        ? p.param().type() == Ast.ParamType.BAND
                        : symbols.resolveSymbol(s) instanceof List);
        reporter.error(
            w.bandName().span(),
            "unknown band '"
                + w.bandName().text()
                + "'"
                + Reporter.didYouMean(Diagnostics.closest(w.bandName().text(), bands)));
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
          new Ir.Compare(Ir.CmpOp.valueOf(b.op().name()), subject.e(), constant(b.limit().value()));
      Boolean holds = lints.fixedOutcome(cmp.op(), cmp.left(), cmp.right());
      never |= Boolean.FALSE.equals(holds);
      always &= Boolean.TRUE.equals(holds);
      out = out == null ? cmp : new Ir.And(out, cmp);
    }
    if (never || always) {
      reporter.warning(
          w.span(),
          "this band "
              + (never ? "can never hold here" : "always holds here")
              + lints.instance
              + Lints.becauseNonNegative(subject));
    }
    return new TBool(out);
  }

  private T via(Ast.Via v, Env env) {
    T x = expr(v.operand(), env);
    Ir.TypeSet types = symbols.typeSet(v.types(), env.scope);
    if (x instanceof TErr || types == null) {
      return ERR;
    }
    if (!needs(env, v.span(), "'via' (attribution)", true, true, true)) {
      return ERR;
    }
    Ir.Expr assoc = new Ir.Associated(env.tenant, env.workload, env.month, null, types);
    if (x instanceof TNum n) {
      return new TNum(new Ir.If(assoc, n.e(), new Ir.Const(0, 0)), n.kind());
    }
    if (x instanceof TBool b) {
      return new TBool(new Ir.And(assoc, b.e()));
    }
    reporter.error(
        v.operand().span(),
        "'via' attributes an amount or a count to association types; this is " + describe(x));
    return ERR;
  }

  private T associated(Ast.Associated a, Env env) {
    Ir.TypeSet types = null;
    if (a.via() != null) {
      types = symbols.typeSet(a.via(), env.scope);
      if (types == null) {
        return ERR;
      }
    }
    if (!needs(env, a.span(), "'associated'", true, true, true)) {
      return ERR;
    }
    if (types == null && env.type == null) {
      // any association at all
      return new TBool(new Ir.Associated(env.tenant, env.workload, env.month, null, null));
    }
    return new TBool(new Ir.Associated(env.tenant, env.workload, env.month, env.type, types));
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

  private T aggregate(Ast.Aggregate a, Env env) {
    Env inner = env;
    List<Ir.Binder> binders = new ArrayList<>();
    List<String> dims = new ArrayList<>();
    // after a bad binder, the rest is still checked (with a stand-in set) and ERR returned
    boolean failed = false;
    for (Ast.Binder b : a.binders()) {
      Ir.Var var = null;
      switch (b.dim()) {
        case TENANT:
          var = newVar(Ir.Dim.TENANT, b.var());
          binders.add(new Ir.ForTenant(var));
          inner = inner.withTenant(var);
          dims.add("tenant");
          break;
        case WORKLOAD:
          {
            Ir.WorkloadSet set =
                b.workloads() == null
                    ? new Ir.AllWorkloads()
                    : symbols.workloadSet(b.workloads(), env.scope);
            if (set == null) {
              failed = true;
              set = new Ir.AllWorkloads();
            }
            var = newVar(Ir.Dim.WORKLOAD, b.var());
            binders.add(new Ir.ForWorkload(var, set));
            inner = inner.withWorkload(var);
            dims.add("workload");
            break;
          }
        case MONTH:
          {
            T range = expr(b.months(), inner);
            Ir.MonthRange months = new Ir.MonthRange(new Ir.AsOf(0), new Ir.AsOf(0));
            if (range instanceof TRange r) {
              months = r.r();
            } else {
              if (!(range instanceof TErr)) {
                reporter.error(
                    b.months().span(),
                    "'month in' takes months, such as 'window', 'TTM(M)' or 'M - 1 .. M'; this is "
                        + describe(range));
              }
              failed = true;
            }
            var = newVar(Ir.Dim.MONTH, b.var());
            binders.add(new Ir.ForMonth(var, months));
            inner = inner.withMonth(new Ir.MonthVar(var, 0));
            dims.add("month");
            break;
          }
        case TYPE:
          {
            List<String> types = null;
            if (b.types() != null) {
              Ir.TypeSet ts = symbols.typeSet(b.types(), env.scope);
              if (ts instanceof Ir.FixedTypes f) {
                types = f.types();
              } else {
                if (ts != null) {
                  reporter.error(
                      b.types().span(),
                      "this type set depends on the workload; write 'type where ... associated via "
                          + b.types().items().get(0).text()
                          + "'");
                }
                failed = true;
              }
            }
            var = newVar(Ir.Dim.TYPE, b.var());
            binders.add(new Ir.ForType(var, types));
            inner = inner.withType(var);
            dims.add("association type");
            break;
          }
        default:
          reporter.error(
              b.span(),
              "'customer' can only be used in a partner rule: 'value sum value for customer'");
          failed = true;
          continue;
      }
      if (b.var() != null) {
        inner = inner.withLocal(b.var().text(), var);
      }
    }
    boolean takesTerm = a.body() != null;
    TNum body =
        takesTerm
            ? expectNum(
                expr(a.body(), inner),
                a.body().span(),
                "'" + a.kind().name().toLowerCase(java.util.Locale.ROOT) + "'")
            : null;
    T where =
        a.where() == null ? null : expectBool(expr(a.where(), inner), a.where().span(), "'where'");
    if (failed || (takesTerm && body == null) || (a.where() != null && where == null)) {
      return ERR;
    }
    Ir.Expr condition = where == null ? null : ((TBool) where).e();
    switch (a.kind()) {
      case SUM:
        return new TNum(new Ir.Sum(binders, condition, body.e()), body.kind());
      case AVERAGE:
        return new TNum(
            new Ir.Reduce(Ir.ReduceOp.AVERAGE, binders, condition, body.e()), body.kind());
      case MINIMUM:
        return new TNum(
            new Ir.Reduce(Ir.ReduceOp.MINIMUM, binders, condition, body.e()), body.kind());
      case MAXIMUM:
        return new TNum(
            new Ir.Reduce(Ir.ReduceOp.MAXIMUM, binders, condition, body.e()), body.kind());
      case COUNT:
        return new TNum(new Ir.Count(binders, condition), Kind.count(countLabel(dims)));
      default:
        return new TBool(
            a.kind() == AggKind.ANY
                ? new Ir.Exists(binders, condition)
                : new Ir.ForAll(binders, condition));
    }
  }

  private static String countLabel(List<String> dims) {
    if (dims.equals(List.of("tenant", "workload"))) {
      return "tenant workloads";
    }
    if (dims.size() == 1) {
      return dims.get(0) + "s";
    }
    return String.join(" and ", dims) + " combinations";
  }

  private Ir.Var newVar(Ir.Dim dim, Ast.Name name) {
    String base =
        name != null
            ? name.text()
            : dim == Ir.Dim.TENANT
                ? "t"
                : dim == Ir.Dim.WORKLOAD ? "w" : dim == Ir.Dim.MONTH ? "m" : "k";
    return new Ir.Var(++varCounter, dim, base);
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
