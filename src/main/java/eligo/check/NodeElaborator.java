package eligo.check;

import static eligo.check.ExprTyper.ERR;

import eligo.check.ExprTyper.T;
import eligo.check.ExprTyper.TBool;
import eligo.check.ExprTyper.TNum;
import eligo.check.Templates.LeafBinding;
import eligo.ir.Ir;
import eligo.lang.Ast;
import eligo.lang.Ast.AggKind;
import eligo.lang.Ast.Dim;
import eligo.lang.Span;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The tree of an area, elaborated into the IR: its branches (each with its own declarations), its
 * gates and metrics, their leaves and partner rules. Checks what each node must say (a value, when
 * it is met, leaves only on metrics) and types its value, 'met when' and partner rule with {@link
 * ExprTyper}; fills in criteria texts ({@code {param}} placeholders) and where each part is
 * written.
 */
final class NodeElaborator {
  private final Reporter reporter;
  private final Symbols symbols;
  private final ExprTyper exprs;
  private final Lints lints;
  private final TextValues texts;

  NodeElaborator(Reporter reporter, Symbols symbols, ExprTyper exprs, Lints lints) {
    this.reporter = reporter;
    this.texts = new TextValues(reporter);
    this.symbols = symbols;
    this.exprs = exprs;
    this.lints = lints;
  }

  /**
   * A plain area ({@code area x "X" { ... }}), its declarations in a scope of its own inside its
   * file's.
   */
  Ir.Area area(Ast.PlainArea p, Scope fileScope) {
    Scope scope = new Scope(fileScope, "area " + p.id().text());
    for (Ast.Decl d : p.decls()) {
      symbols.declare(scope, d);
    }
    List<Ir.Branch> branches = branches(p.branches(), scope, List.of());
    return new Ir.Area(p.id().text(), p.title(), origin(p.span()), branches);
  }

  /**
   * The branches of an area (a plain one, or one made from a template with {@code leaves}),
   * elaborated in {@code areaScope}.
   */
  List<Ir.Branch> branches(List<Ast.Branch> branches, Scope areaScope, List<LeafBinding> leaves) {
    List<Ir.Branch> out = new ArrayList<>();
    Map<String, Span> ids = new HashMap<>();
    for (Ast.Branch b : branches) {
      for (Ast.Node n : b.nodes()) {
        areaScope.nodes.putIfAbsent(
            n.id().text(),
            (n.kind() == Ast.NodeKind.GATE ? "gate '" : "metric '") + n.id().text() + "'");
        for (Ast.Leaf l : n.body().leaves()) {
          areaScope.nodes.putIfAbsent(
              l.id().text(), "leaf '" + n.id().text() + "." + l.id().text() + "'");
        }
      }
    }
    for (Ast.Branch b : branches) {
      Scope scope = areaScope;
      String prefix = "";
      if (b.id() != null) {
        Span first = ids.putIfAbsent(b.id().text(), b.id().span());
        if (first != null) {
          reporter.error(
              b.id().span(),
              "branch '"
                  + b.id().text()
                  + "' is declared twice in this area (also at "
                  + first.where()
                  + ")");
        }
        scope = new Scope(areaScope, "branch " + b.id().text());
        for (Ast.Decl d : b.decls()) {
          symbols.declare(scope, d);
        }
        prefix = b.id().text() + ".";
      }
      List<Ir.Node> nodes = new ArrayList<>();
      Map<String, Span> nodeIds = new HashMap<>();
      boolean sawMetric = false;
      for (Ast.Node n : b.nodes()) {
        Span first = nodeIds.putIfAbsent(n.id().text(), n.id().span());
        if (first != null) {
          reporter.error(
              n.id().span(),
              "node '"
                  + n.id().text()
                  + "' is declared twice in this "
                  + (b.id() == null ? "area" : "branch")
                  + " (also at "
                  + first.where()
                  + ")");
          continue;
        }
        if (n.kind() == Ast.NodeKind.GATE && sawMetric) {
          reporter.warning(
              n.id().span(),
              "gate '"
                  + n.id().text()
                  + "' comes after a metric: gates run first, so write it before the metrics");
        }
        sawMetric |= n.kind() == Ast.NodeKind.METRIC;
        Ir.Node node = node(n, prefix, scope, leaves);
        if (node != null) {
          nodes.add(node);
        }
      }
      if (b.nodes().isEmpty() && reporter.complete(b.span())) {
        reporter.error(
            b.span(),
            (b.id() == null ? "this area" : "branch '" + b.id().text() + "'")
                + " has no gates or metrics");
      }
      out.add(
          new Ir.Branch(b.id() == null ? "" : b.id().text(), b.title(), origin(b.span()), nodes));
    }
    return out;
  }

  private Ir.Node node(Ast.Node n, String prefix, Scope scope, List<LeafBinding> leaves) {
    Ast.NodeBody body = n.body();
    String id = prefix + n.id().text();
    Ir.NodeKind kind = n.kind() == Ast.NodeKind.GATE ? Ir.NodeKind.GATE : Ir.NodeKind.METRIC;
    boolean hasLeaves = body.eachLeaf() != null || !body.leaves().isEmpty();
    if (hasLeaves) {
      if (n.kind() == Ast.NodeKind.GATE) {
        // at the leaf (the first), where the slip is: the gate itself is fine without it
        reporter.error(
            body.eachLeaf() != null ? body.eachLeafSpan() : body.leaves().get(0).id().span(),
            "gate '"
                + n.id().text()
                + "' cannot have leaves; only metrics do: make it a metric, or write its rule in"
                + " the gate itself");
        return null;
      }
      if (body.value() != null) {
        reporter.error(
            body.valueSpan(),
            "metric '" + n.id().text() + "' has leaves, so its value is given per leaf, not here");
      }
      List<Ir.Node> leafNodes = new ArrayList<>();
      if (body.eachLeaf() != null) {
        if (leaves.isEmpty() && reporter.complete(body.eachLeafSpan())) {
          reporter.error(
              body.eachLeafSpan(),
              "'each leaf' needs an area made from a template with leaf parameters");
        }
        for (LeafBinding l : leaves) {
          Ir.Node leaf =
              evaluatedNode(
                  id + "." + l.id(),
                  Ir.NodeKind.LEAF,
                  l.title(),
                  body.eachLeaf(),
                  l.scope(),
                  n.id().span());
          if (leaf != null) {
            leafNodes.add(leaf);
          }
        }
      }
      Map<String, Span> leafIds = new HashMap<>();
      for (Ast.Leaf l : body.leaves()) {
        Span first = leafIds.putIfAbsent(l.id().text(), l.id().span());
        if (first != null) {
          reporter.error(
              l.id().span(),
              "leaf '"
                  + l.id().text()
                  + "' is declared twice in metric '"
                  + n.id().text()
                  + "' (also at "
                  + first.where()
                  + ")");
          continue;
        }
        Ir.Node leaf =
            evaluatedNode(
                id + "." + l.id().text(), Ir.NodeKind.LEAF, l.title(), l.body(), scope, l.span());
        if (leaf != null) {
          leafNodes.add(leaf);
        }
      }
      String criteria = body.criteria() == null ? "" : texts.show(body.criteria(), scope, null);
      if (body.criteria() != null && !leafNodes.isEmpty()) {
        List<Ir.Expr> rule = new ArrayList<>();
        for (Ir.Node leaf : leafNodes) {
          rule.addAll(ruleOf(leaf));
        }
        if (texts.sound(body.criteria(), scope)) {
          TextDrift.lint(reporter, body.criteria(), criteria, rule, lints.instance);
        }
      }
      return new Ir.Node(
          id,
          kind,
          n.title(),
          criteria,
          origin(n.span()),
          details(body),
          null,
          null,
          "",
          null,
          null,
          leafNodes);
    }
    return evaluatedNode(id, kind, n.title(), body, scope, n.span());
  }

  private Ir.Node evaluatedNode(
      String id, Ir.NodeKind kind, String title, Ast.NodeBody body, Scope scope, Span where) {
    if ((body.value() == null || body.met() == null) && !reporter.complete(where)) {
      // the missing line may be a syntax error's hole: check only what is there
      if (body.value() != null) {
        exprs.expr(body.value(), Env.root(scope));
      }
      if (body.met() != null) {
        exprs.expr(body.met(), Env.root(scope).withValue(ERR));
      }
      return null;
    }
    if (body.value() == null) {
      reporter.error(
          where,
          "node '" + id + "' has no value: add a line such as 'value count tenant where ...'");
      return null;
    }
    if (body.met() == null) {
      reporter.error(
          where,
          "node '"
              + id
              + "' does not say when it is met: add a line such as 'met when value >= 1'");
      return null;
    }
    if (kind == Ir.NodeKind.GATE && body.partner() != null) {
      reporter.error(
          body.partnerSpan(), "a gate has no partner-level rule; only metrics and leaves do");
    }
    exprs.numberVarsFrom(0);
    Env env = Env.root(scope);
    T value = limited(exprs.expr(body.value(), env), body.value(), "this value");
    TNum num = exprs.expectNum(value, body.value().span(), "a node's value");
    // with a bad value, 'met when' is still checked ('value' in it then stays quiet)
    lints.valueNonNegative = num != null && lints.nonNegative(num.e());
    lints.valueMostPoints = num == null ? null : lints.mostPoints(num.e());
    T met =
        limited(
            exprs.expr(body.met(), num == null ? env.withValue(ERR) : env.withValue(num)),
            body.met(),
            "this condition");
    exprs.expectBool(met, body.met().span(), "'met when'");
    Ir.PartnerRule partner = null;
    if (body.partner() != null && num != null) {
      partner = partnerRule(body.partner(), body.partnerSpan(), scope, num);
    }
    if (num == null || !(met instanceof TBool b)) {
      return null;
    }
    String criteria = body.criteria() == null ? "" : texts.show(body.criteria(), scope, body.met());
    if (body.criteria() != null && texts.sound(body.criteria(), scope)) {
      // a node's text may also state its partner rule's goal
      List<Ir.Expr> rule = new ArrayList<>(List.of(num.e(), b.e()));
      if (partner != null) {
        rule.add(partner.perCustomer());
        rule.add(partner.met());
      }
      TextDrift.lint(reporter, body.criteria(), criteria, rule, lints.instance);
    }
    if (body.criteria() == null && reporter.complete(where)) {
      reporter.warning(
          where, "node '" + id + "' has no criteria text: reports will show it without one");
    }
    return new Ir.Node(
        id,
        kind,
        title,
        criteria,
        origin(where),
        details(body),
        num.e(),
        num.kind().category(),
        num.kind().label(),
        b.e(),
        partner,
        List.of());
  }

  private Ir.PartnerRule partnerRule(Ast.NodeBody body, Span where, Scope scope, TNum nodeValue) {
    if (body.value() == null || body.met() == null) {
      if (reporter.complete(where)) {
        reporter.error(
            where, "a partner rule needs a value ('value sum value for customer') and 'met when'");
      }
      return null;
    }
    Ast.Expr v = body.value();
    Ast.Expr perCustomer = null;
    if (v instanceof Ast.Aggregate agg
        && agg.binders().size() == 1
        && agg.binders().get(0).dim() == Dim.CUSTOMER) {
      if (agg.kind() == AggKind.SUM && agg.where() == null) {
        perCustomer = agg.body();
      } else if (agg.kind() == AggKind.COUNT) {
        perCustomer = agg.where();
      }
    }
    if (perCustomer == null && !(v instanceof Ast.Aggregate a2 && a2.kind() == AggKind.COUNT)) {
      reporter.error(
          v.span(),
          "a partner value adds up the partner's customers: write 'sum value for customer' or 'sum <amount> for customer'");
      return null;
    }
    exprs.numberVarsFrom(1000);
    Env env = Env.root(scope).withValue(nodeValue);
    Ir.Expr per;
    Kind kind;
    if (v instanceof Ast.Aggregate agg && agg.kind() == AggKind.COUNT) {
      if (agg.where() == null) {
        per = new Ir.Const(1, 0);
      } else {
        T cond = exprs.expr(agg.where(), env);
        WhereTail.check(reporter, agg);
        if (!(exprs.expectBool(cond, agg.where().span(), "a count's 'where'") instanceof TBool b)) {
          return null;
        }
        per = new Ir.If(b.e(), new Ir.Const(1, 0), new Ir.Const(0, 0));
      }
      kind = Kind.count("customers");
    } else {
      TNum n =
          exprs.expectNum(
              limited(exprs.expr(perCustomer, env), perCustomer, "this partner total"),
              perCustomer.span(),
              "a partner total");
      if (n == null) {
        return null;
      }
      per = n.e();
      kind = n.kind();
    }
    lints.valueNonNegative = lints.nonNegative(per); // the partner's value adds up 'per'
    lints.valueMostPoints = null;
    T met =
        limited(
            exprs.expr(body.met(), Env.root(scope).withValue(new TNum(per, kind)).partnerLevel()),
            body.met(),
            "this condition");
    if (!(exprs.expectBool(met, body.met().span(), "'met when'") instanceof TBool b)) {
      return null;
    }
    String criteria = body.criteria() == null ? "" : texts.show(body.criteria(), scope, body.met());
    if (body.criteria() != null && texts.sound(body.criteria(), scope)) {
      // the partner's text may state what the customer's value adds up (its months, its amounts)
      TextDrift.lint(
          reporter, body.criteria(), criteria, List.of(nodeValue.e(), per, b.e()), lints.instance);
    }
    return new Ir.PartnerRule(criteria, origin(where), per, kind.category(), kind.label(), b.e());
  }

  /**
   * {@code t}, or ERR after an error at {@code e} when its elaborated expression passes the limits
   * of {@link Sizes} (the code generated for it, and its evaluation, grow with its expansion).
   */
  private T limited(T t, Ast.Expr e, String what) {
    Ir.Expr ir = t instanceof TNum n ? n.e() : t instanceof TBool b ? b.e() : null;
    if (ir == null) {
      return t;
    }
    Sizes.Size size = Sizes.of(ir);
    if (!size.tooLarge()) {
      return t;
    }
    reporter.error(
        e.span(),
        what
            + " is "
            + size.describe()
            + " (a definition counts wherever it is used: one built on itself twice doubles at"
            + " each level)");
    return ERR;
  }

  private static List<Ir.Detail> details(Ast.NodeBody body) {
    List<Ir.Detail> out = new ArrayList<>();
    for (Ast.DetailKind d : body.details()) {
      Ir.Detail x = d == Ast.DetailKind.TENANT ? Ir.Detail.TENANT : Ir.Detail.WORKLOAD;
      if (!out.contains(x)) {
        out.add(x);
      }
    }
    return out;
  }

  /** The expressions of a node's rule: its value, 'met when' and partner rule. */
  private static List<Ir.Expr> ruleOf(Ir.Node n) {
    List<Ir.Expr> out = new ArrayList<>(List.of(n.value(), n.met()));
    if (n.partner() != null) {
      out.add(n.partner().perCustomer());
      out.add(n.partner().met());
    }
    return out;
  }

  static Ir.Origin origin(Span span) {
    String name = span.file().name();
    int slash = Math.max(name.lastIndexOf('/'), name.lastIndexOf('\\'));
    return new Ir.Origin(name.substring(slash + 1), span.line());
  }
}
