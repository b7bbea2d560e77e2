package eligo.check;

import static eligo.check.ExprTyper.ERR;

import eligo.check.ExprTyper.T;
import eligo.check.ExprTyper.TErr;
import eligo.check.ExprTyper.TMonth;
import eligo.check.ExprTyper.TNum;
import eligo.check.ExprTyper.TRange;
import eligo.check.Scope.DeclSym;
import eligo.check.Scope.ParamSym;
import eligo.data.Measure;
import eligo.ir.Ir;
import eligo.lang.Ast;
import eligo.lang.Diagnostics;
import eligo.lang.Slips;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

/**
 * Names and calls in expressions, typed for {@link ExprTyper}: what a name stands for (a variable
 * of a binder, a measure of the data, M and window, a parameter, a rate table) and the expansion of
 * definitions and derived measures where they are used: their names are looked up where they are
 * declared, their variables come from the use, and a definition defined in terms of itself is
 * reported. Also TTM(month).
 */
final class NameTyper {
  private final Reporter reporter;
  private final Symbols symbols;
  private final ExprTyper exprs;

  NameTyper(Reporter reporter, Symbols symbols, ExprTyper exprs) {
    this.reporter = reporter;
    this.symbols = symbols;
    this.exprs = exprs;
  }

  T call(Ast.Call c, Env env) {
    String name = c.name().text();
    if (name.equals("TTM") && env.scope.lookup(name) == null) {
      if (c.args().size() != 1) {
        reporter.error(c.span(), "TTM takes one month: TTM(M)");
        return ERR;
      }
      T m = exprs.expr(c.args().get(0), env);
      if (m instanceof TErr) {
        return ERR;
      }
      if (!(m instanceof TMonth month)) {
        reporter.error(
            c.args().get(0).form(),
            "TTM takes a month, such as M or M - 12; this is " + ExprTyper.describe(m));
        return ERR;
      }
      Ir.MonthExpr from = ExprTyper.shift(month.m(), -11);
      if (from == null) {
        reporter.error(c.form(), "TTM takes M or a named month");
        return ERR;
      }
      return new TRange(new Ir.MonthRange(from, month.m()));
    }
    Object sym = env.scope.lookup(name);
    if (sym == null && Slips.missingAggregate(name) != null) {
      reporter.error(c.name().span(), Slips.missingAggregate(name));
      return ERR;
    }
    if (sym == null && env.scope.unknownForBrokenImport(name)) {
      return ERR;
    }
    if (sym == null) {
      String hint =
          Diagnostics.closest(
              name,
              env.scope.namesOf(s -> s instanceof DeclSym d && d.decl() instanceof Ast.DefineDecl));
      reporter.unknown(
          c.name().span(),
          "unknown definition '"
              + name
              + "'"
              + env.scope.unknownHint(name, Reporter.didYouMean(hint)),
          hint);
      return ERR;
    }
    if (symbols.resolveSymbol(sym) == Symbols.ERROR) {
      return ERR;
    }
    if (!(sym instanceof DeclSym d && d.decl() instanceof Ast.DefineDecl def)) {
      reporter.error(
          c.name().span(),
          "'" + name + "' is " + symbols.describeSymbol(sym) + " and takes no arguments");
      return ERR;
    }
    if (def.params().size() != c.args().size()) {
      reporter.error(
          c.span(),
          "'"
              + name
              + "' takes "
              + def.params().size()
              + " argument"
              + (def.params().size() == 1 ? "" : "s")
              + ", not "
              + c.args().size());
      return ERR;
    }
    Scope callScope = new Scope(d.home(), "call of " + name);
    List<Identity> values = new ArrayList<>();
    for (int i = 0; i < c.args().size(); i++) {
      Ast.Param p = def.params().get(i);
      Ast.Expr arg = c.args().get(i);
      Object value = callArgument(p, arg, env);
      if (value == null) {
        return ERR;
      }
      values.add(new Identity(value));
      callScope.symbols.put(
          p.name().text(),
          new ParamSym(p, value, arg instanceof Ast.NameRef n ? n.name().text() : "?"));
    }
    return expand(d, def.body(), env, callScope, values);
  }

  private Object callArgument(Ast.Param p, Ast.Expr arg, Env env) {
    switch (p.type()) {
      case TYPES:
        if (arg instanceof Ast.NameRef n) {
          return symbols.typeSet(new Ast.TypeSetExpr(List.of(n.name()), n.span()), env.scope);
        }
        break;
      case WORKLOADS:
        if (arg instanceof Ast.NameRef n) {
          return symbols.workloadSetOfNames(
              new Ast.TypeSetExpr(List.of(n.name()), n.span()), env.scope);
        }
        break;
      case BAND:
        if (arg instanceof Ast.NameRef n) {
          Object r = symbols.resolveSymbol(env.scope.lookup(n.name().text()));
          if (r instanceof List) {
            return r;
          }
          if (r == Symbols.ERROR) {
            return null;
          }
        }
        break;
      default:
        {
          T v = exprs.expr(arg, env);
          if (v instanceof TErr) {
            return null;
          }
          if (v instanceof TNum n) {
            if (p.type() == Ast.ParamType.MONEY
                && n.kind().category() != Ir.ValueKind.MONEY
                && n.kind().category() != Ir.ValueKind.NUMBER) {
              break;
            }
            return n;
          }
          break;
        }
    }
    reporter.error(
        arg.span(), "parameter '" + p.name().text() + "' takes " + Templates.article(p.type()));
    return null;
  }

  private final Set<DeclSym> expanding = new HashSet<>();

  /**
   * The most definitions (and measures) used inside one another: each may nest up to the parser's
   * limit, and the checker walks the expansion.
   */
  static final int MAX_CHAIN = 64;

  /**
   * What an expansion depends on: the definition, what the use binds (tenant, workload, month,
   * type, named variables, the node's value, inside a net or not) and the arguments (by identity:
   * the typed argument of a parameter is one object wherever the parameter is passed on).
   */
  private record Use(
      DeclSym decl,
      Ir.Var tenant,
      Ir.Var workload,
      Ir.MonthExpr month,
      Ir.Var type,
      Map<String, Ir.Var> locals,
      T value,
      boolean inNet,
      List<Identity> args) {}

  /** An object compared by identity. */
  private record Identity(Object o) {
    @Override
    public boolean equals(Object other) {
      return other instanceof Identity i && i.o == o;
    }

    @Override
    public int hashCode() {
      return System.identityHashCode(o);
    }
  }

  /**
   * The expansions made for the node being typed: a definition used twice with the same bindings is
   * typed once and its IR shared (the tree of a node is then a DAG), so that definitions built on
   * definitions ({@code define d2 = d1 + d1}) cost their text, not their expansion.
   */
  private final Map<Use, T> expansions = new HashMap<>();

  /** Forgets the expansions: the next node numbers its variables afresh. */
  void forgetExpansions() {
    expansions.clear();
  }

  private T expand(DeclSym d, Ast.Expr body, Env env, Scope scope) {
    return expand(d, body, env, scope, List.of());
  }

  /**
   * Elaborates a definition's or measure's body where it is used: names from its home, variables
   * from the use.
   */
  private T expand(DeclSym d, Ast.Expr body, Env env, Scope scope, List<Identity> argValues) {
    if (expanding.size() >= MAX_CHAIN && !expanding.contains(d)) {
      reporter.error(
          d.decl().name().span(),
          "'"
              + d.decl().name().text()
              + "' is used inside more than "
              + MAX_CHAIN
              + " definitions inside one another: Eligo expands no deeper");
      return ERR;
    }
    if (!expanding.add(d)) {
      reporter.error(
          d.decl().name().span(), "'" + d.decl().name().text() + "' is defined in terms of itself");
      return ERR;
    }
    try {
      Use use =
          new Use(
              d,
              env.tenant,
              env.workload,
              env.month,
              env.type,
              env.locals,
              env.value,
              env.inNet,
              argValues);
      T known = expansions.get(use);
      if (known != null) {
        return known;
      }
      T t = exprs.expr(body, env.withScope(scope));
      expansions.put(use, t);
      return t;
    } finally {
      expanding.remove(d);
    }
  }

  T name(Ast.Name n, Env env) {
    String text = n.text();
    Ir.Var local = env.locals.get(text);
    if (local != null) {
      if (local.dim() == Ir.Dim.MONTH) {
        return new TMonth(new Ir.MonthVar(local, 0));
      }
      String each =
          local.dim() == Ir.Dim.TYPE
              ? "association type"
              : local.dim().name().toLowerCase(java.util.Locale.ROOT);
      reporter.error(
          n.span(),
          "'"
              + text
              + "' stands for each "
              + each
              + " of its 'for' or 'where': it is not a number or a condition");
      return ERR;
    }
    Object sym = env.scope.lookup(text);
    if (sym == null) {
      Measure m = Symbols.MEASURES.get(text);
      if (m != null) {
        if (!exprs.needs(env, n.span(), "'" + text + "'", true, true, true)) {
          return ERR;
        }
        Kind k = m.isMoney() ? Kind.MONEY : Kind.quantity(m.column());
        return new TNum(new Ir.MeasureAt(m, env.tenant, env.workload, env.month), k);
      }
      if (text.equals("M")) {
        return new TMonth(new Ir.AsOf(0));
      }
      if (text.equals("window")) {
        return new TRange(new Ir.MonthRange(new Ir.AsOf(-23), new Ir.AsOf(0)));
      }
      if (env.scope.unknownForBrokenImport(text)) {
        return ERR;
      }
      Set<String> candidates = new TreeSet<>(env.scope.namesOf(s -> true));
      candidates.addAll(Symbols.MEASURES.keySet());
      candidates.addAll(env.locals.keySet());
      candidates.add("M");
      candidates.add("window");
      if (env.value != null) {
        candidates.add("value");
      }
      // a node's id: no name to offer in its place (the message says why)
      String hint =
          env.scope.nodeNamed(text) != null ? null : Diagnostics.closest(text, candidates);
      reporter.unknown(
          n.span(),
          "unknown name '" + text + "'" + env.scope.unknownHint(text, Reporter.didYouMean(hint)),
          hint);
      return ERR;
    }
    if (sym instanceof ParamSym p) {
      Object v = p.value();
      if (v == Symbols.ERROR) {
        return ERR;
      }
      if (v instanceof T t) {
        return t;
      }
      reporter.error(
          n.span(),
          "'"
              + text
              + "' is a parameter of "
              + p.param().type().word
              + "; use it after 'in', 'via' or 'within'");
      return ERR;
    }
    DeclSym d = (DeclSym) sym;
    Ast.Decl decl = d.decl();
    if (decl instanceof Ast.Unparsed) {
      return ERR; // its syntax error is reported
    }
    if (decl instanceof Ast.DefineDecl def) {
      if (!def.params().isEmpty()) {
        reporter.error(
            n.span(),
            "'"
                + text
                + "' takes "
                + def.params().size()
                + " argument"
                + (def.params().size() == 1 ? "" : "s")
                + ": "
                + text
                + "(...)");
        return ERR;
      }
      return expand(d, def.body(), env, d.home());
    }
    if (decl instanceof Ast.MeasureDecl md) {
      T t = expand(d, md.expr(), env, d.home());
      // A derived measure carries its own name as its unit ('measure consumption_value =
      // active_users * RATE' counts consumption value, not active users); money stays money, named
      // so too ('measure half_acr = acr * 0.5' is not ACR), and adds to any money.
      if (t instanceof TNum num && num.kind().category() == Ir.ValueKind.NUMBER) {
        return new TNum(num.e(), new Kind(Ir.ValueKind.NUMBER, text));
      }
      if (t instanceof TNum num && num.kind().category() == Ir.ValueKind.QUANTITY) {
        return new TNum(num.e(), Kind.quantity(text));
      }
      if (t instanceof TNum num && num.kind().category() == Ir.ValueKind.MONEY) {
        return new TNum(num.e(), new Kind(Ir.ValueKind.MONEY, text));
      }
      return t;
    }
    if (decl instanceof Ast.AttributeDecl a) {
      Ir.Attribute attribute =
          new Ir.Attribute(a.tenant() ? Ir.Owner.TENANT : Ir.Owner.CUSTOMER, a.name().text());
      if (env.partnerLevel) {
        reporter.error(
            n.span(),
            "'"
                + text
                + "' is an attribute of each "
                + attribute.owner().word
                + "; a partner rule's 'met when' judges the partner's total (use it in 'count"
                + " customer where ...')");
        return ERR;
      }
      if (a.tenant()
          && !exprs.needs(env, n.span(), "tenant attribute '" + text + "'", true, false, false)) {
        return ERR;
      }
      return new ExprTyper.TAttr(attribute, a.tenant() ? env.tenant : null, text);
    }
    if (decl instanceof Ast.TableDecl) {
      Object r = symbols.resolveSymbol(d);
      if (!(r instanceof Ir.RateTable table)) {
        return ERR;
      }
      if (!exprs.needs(env, n.span(), "table '" + text + "'", false, true, false)) {
        return ERR;
      }
      return new TNum(new Ir.Rate(table, env.workload), Kind.NUMBER);
    }
    reporter.error(
        n.span(),
        "'"
            + text
            + "' is "
            + symbols.describeSymbol(sym)
            + "; it cannot stand alone here"
            + usageHint(decl));
    return ERR;
  }

  private static String usageHint(Ast.Decl decl) {
    if (decl instanceof Ast.WorkloadSetDecl) {
      return " (use it as 'workload in " + decl.name().text() + "')";
    }
    if (decl instanceof Ast.TypeSetDecl
        || decl instanceof Ast.TypeMapDecl
        || decl instanceof Ast.TypeDecl) {
      return " (use it as 'via " + decl.name().text() + "')";
    }
    if (decl instanceof Ast.BandDecl) {
      return " (use it as 'within " + decl.name().text() + "')";
    }
    return "";
  }
}
