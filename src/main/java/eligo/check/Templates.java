package eligo.check;

import eligo.check.ExprTyper.TNum;
import eligo.check.Scope.ParamSym;
import eligo.ir.Ir;
import eligo.lang.Ast;
import eligo.lang.Diagnostics;
import eligo.lang.Span;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Templates and their instantiation: registers every template (once per name), and makes an area
 * from a template ({@code area x "X" from t { ... }}): binds the template's area and leaf
 * parameters to the arguments given (each checked against its parameter's type), declares the
 * template's own declarations in the area's scope, and elaborates the template's branches there
 * ({@link NodeElaborator}), so that a problem in the template is reported where it is written.
 */
final class Templates {
  private final Map<String, Ast.Template> templates = new LinkedHashMap<>();
  private final Map<String, Scope> templateHomes = new HashMap<>();
  private final Set<String> usedTemplates = new HashSet<>();
  private final Reporter reporter;
  private final Symbols symbols;
  private final NodeElaborator nodes;
  private final Lints lints;

  Templates(Reporter reporter, Symbols symbols, NodeElaborator nodes, Lints lints) {
    this.reporter = reporter;
    this.symbols = symbols;
    this.nodes = nodes;
    this.lints = lints;
  }

  /** Registers the templates of {@code files}, each in the scope of its file. */
  void register(List<Ast.CriteriaFile> files, Map<Ast.CriteriaFile, Scope> fileScopes) {
    for (Ast.CriteriaFile f : files) {
      for (Ast.Template t : f.templates()) {
        if (templates.containsKey(t.name().text())) {
          reporter.error(
              t.name().span(),
              "template '"
                  + t.name().text()
                  + "' is declared twice (also at "
                  + templates.get(t.name().text()).span().where()
                  + ")");
          continue;
        }
        templates.put(t.name().text(), t);
        templateHomes.put(t.name().text(), fileScopes.get(f));
      }
    }
  }

  /** Warns about each template that no area is made from. */
  void warnUnused() {
    lints.unusedTemplates(templates.values(), usedTemplates);
  }

  /** The area made from a template; null when the template is unknown (reported). */
  Ir.Area area(Ast.InstanceArea inst) {
    Ast.Template t = templates.get(inst.template().text());
    if (t == null) {
      String hint = Diagnostics.closest(inst.template().text(), templates.keySet());
      reporter.unknown(
          inst.template().span(),
          "unknown template '" + inst.template().text() + "'" + Reporter.didYouMean(hint),
          hint);
      return null;
    }
    usedTemplates.add(t.name().text());
    Scope scope = new Scope(templateHomes.get(t.name().text()), "area " + inst.id().text());
    Map<String, Ast.Param> areaParams = new LinkedHashMap<>();
    Map<String, Ast.Param> leafParams = new LinkedHashMap<>();
    for (Ast.Param p : t.params()) {
      (p.leaf() ? leafParams : areaParams).put(p.name().text(), p);
    }
    bindArguments(
        scope,
        areaParams,
        inst.arguments(),
        inst.id().span(),
        t.span(),
        "area '" + inst.id().text() + "'");
    for (Ast.Decl d : t.decls()) {
      symbols.declare(scope, d);
    }
    List<LeafBinding> leaves = new ArrayList<>();
    Set<String> leafIds = new HashSet<>();
    for (Ast.LeafArgs l : inst.leaves()) {
      if (!leafIds.add(l.id().text())) {
        reporter.error(l.id().span(), "leaf '" + l.id().text() + "' is given twice");
        continue;
      }
      if (leafParams.isEmpty()) {
        if (reporter.complete(t.span())) {
          reporter.error(
              l.id().span(),
              "template '"
                  + t.name().text()
                  + "' has no leaf parameters, so its areas take no leaves");
        }
        continue;
      }
      Scope leafScope = new Scope(scope, "leaf " + l.id().text());
      bindArguments(
          leafScope,
          leafParams,
          l.arguments(),
          l.id().span(),
          t.span(),
          "leaf '" + l.id().text() + "'");
      leaves.add(new LeafBinding(l.id().text(), l.title(), leafScope, l.span()));
    }
    if (!leafParams.isEmpty() && inst.leaves().isEmpty() && reporter.complete(inst.span())) {
      reporter.error(
          inst.id().span(),
          "template '"
              + t.name().text()
              + "' has leaf parameters ("
              + String.join(", ", leafParams.keySet())
              + "): give at least one leaf");
    }
    lints.instance = " in area '" + inst.id().text() + "'";
    List<Ir.Branch> branches = nodes.branches(t.branches(), scope, leaves);
    lints.instance = "";
    return new Ir.Area(
        inst.id().text(), inst.title(), NodeElaborator.origin(inst.span()), branches);
  }

  /**
   * A leaf of an area made from a template: its id, title and the scope its leaf parameters are
   * bound in.
   */
  record LeafBinding(String id, String title, Scope scope, Span span) {}

  /** Binds a template's parameters ({@code template} is where the template is written). */
  private void bindArguments(
      Scope scope,
      Map<String, Ast.Param> params,
      List<Ast.Argument> args,
      Span where,
      Span template,
      String what) {
    Set<String> given = new HashSet<>();
    // a misspelt argument is reported once, as unknown, not again as a missing parameter
    Set<String> misspelt = new HashSet<>();
    for (Ast.Argument arg : args) {
      String name = arg.name().text();
      Ast.Param p = params.get(name);
      if (p == null) {
        if (reporter.complete(template)) {
          String hint = Diagnostics.closest(name, params.keySet());
          reporter.unknown(
              arg.name().span(),
              "unknown parameter '" + name + "' for " + what + Reporter.didYouMean(hint),
              hint);
          misspelt.add(hint);
        }
        continue;
      }
      if (!given.add(name)) {
        reporter.error(arg.name().span(), "parameter '" + name + "' is given twice");
        continue;
      }
      Object value = argumentValue(p, arg.value(), scope);
      // a bad argument is bound to ERROR, so its uses stay quiet instead of cascading
      scope.symbols.put(
          name, new ParamSym(p, value == null ? Symbols.ERROR : value, arg.value().text()));
    }
    for (Ast.Param p : params.values()) {
      if (!given.contains(p.name().text())) {
        if (reporter.complete(where) && !misspelt.contains(p.name().text())) {
          reporter.error(
              where,
              what + " does not give parameter '" + p.name().text() + "' (" + p.type().word + ")");
        }
        scope.symbols.put(p.name().text(), new ParamSym(p, Symbols.ERROR, "?"));
      }
    }
  }

  private Object argumentValue(Ast.Param p, Ast.ArgValue v, Scope scope) {
    switch (p.type()) {
      case MONEY:
      case COUNT:
      case NUMBER:
        if (v instanceof Ast.LiteralArg l) {
          Ast.Literal lit = l.literal();
          if (p.type() == Ast.ParamType.MONEY && lit.kind() == Ast.LiteralKind.PERCENT) {
            reporter.error(
                lit.span(),
                "parameter '" + p.name().text() + "' is money: write an amount such as $500");
            return null;
          }
          if (p.type() != Ast.ParamType.MONEY && lit.kind() == Ast.LiteralKind.MONEY) {
            reporter.error(
                lit.span(),
                "parameter '"
                    + p.name().text()
                    + "' is a "
                    + p.type().word
                    + ", not money: leave out the $");
            return null;
          }
          if (p.type() == Ast.ParamType.COUNT && lit.value().stripTrailingZeros().scale() > 0) {
            reporter.error(
                lit.span(), "parameter '" + p.name().text() + "' is a count: write a whole number");
            return null;
          }
          return new TNum(
              ExprTyper.constant(lit.value()),
              p.type() == Ast.ParamType.MONEY ? Kind.MONEY : Kind.NUMBER);
        }
        break;
      case BAND:
        if (v instanceof Ast.BandArg b) {
          return symbols.band(b.band());
        }
        break;
      case TYPES:
        if (v instanceof Ast.TypeSetArg ts) {
          return symbols.typeSet(ts.set(), scope);
        }
        break;
      case WORKLOADS:
        if (v instanceof Ast.TypeSetArg ts) {
          return symbols.workloadSetOfNames(ts.set(), scope);
        }
        break;
      default:
        break;
    }
    reporter.error(
        v.span(),
        "parameter '"
            + p.name().text()
            + "' takes "
            + article(p.type())
            + ", not '"
            + v.text()
            + "'");
    return null;
  }

  static String article(Ast.ParamType t) {
    switch (t) {
      case MONEY:
        return "an amount of money ($)";
      case COUNT:
        return "a whole number";
      case NUMBER:
        return "a number";
      case BAND:
        return "a band such as '> 10 and <= 300'";
      case TYPES:
        return "association types";
      default:
        return "workloads";
    }
  }
}
