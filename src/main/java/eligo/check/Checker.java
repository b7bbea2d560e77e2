package eligo.check;

import eligo.data.Measure;
import eligo.lang.Ast;
import eligo.lang.Ast.AggKind;
import eligo.lang.Ast.Dim;
import eligo.lang.Diagnostic;
import eligo.lang.Diagnostics;
import eligo.lang.SourceFile;
import eligo.lang.Span;
import eligo.ir.Ir;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Checks parsed criteria files and elaborates them into the IR: resolves every name, checks types
 * (money, counts, months, sets), instantiates templates, inlines definitions and derived measures,
 * and gives every measure explicit variables. Every problem is reported, each once, in plain words;
 * a problem inside a template or definition is reported at the place it was written. The IR is
 * produced only when there is no error.
 */
public final class Checker {
  /** The program (null when there are errors) and every diagnostic, in reading order. */
  public record Result(Ir.Program program, List<Diagnostic> diagnostics) {
    public boolean ok() {
      return program != null;
    }
  }

  private static final Map<String, Measure> MEASURES = new LinkedHashMap<>();

  static {
    for (String name : Measure.names()) {
      MEASURES.put(name, Measure.byName(name));
    }
  }

  private static final Set<String> BUILTINS = Set.of("M", "window", "TTM");

  private final Set<String> reported = new HashSet<>();
  private final List<Diagnostic> diagnostics = new ArrayList<>();
  private final Map<Ast.CriteriaFile, Scope> fileScopes = new LinkedHashMap<>();
  private final Map<String, Ast.Template> templates = new LinkedHashMap<>();
  private final Map<String, Scope> templateHomes = new HashMap<>();
  private final Set<String> usedTemplates = new HashSet<>();
  private final List<String> vocabulary = new ArrayList<>();
  /** Declarations that were declared (in areas: once per area), and those looked up. */
  private final Set<Ast.Decl> declared = new LinkedHashSet<>();
  private final Set<Ast.Decl> used = new HashSet<>();
  /** Workload and family names as written, by place: near misses of each other are likely typos. */
  private final Map<Span, String> workloadNames = new HashMap<>();
  private final Map<Span, String> familyNames = new HashMap<>();
  /** Whether 'value' is never negative where it is being checked (for always/never warnings). */
  private boolean valueNonNegative;
  /** " in area 'x'" while a template is instantiated for area x, else "": for warnings that depend on arguments. */
  private String instance = "";
  /** The files, by source: where syntax errors left holes, what seems missing may be a hole. */
  private final Map<SourceFile, Ast.CriteriaFile> parsed = new HashMap<>();
  private int varCounter;

  private Checker() {}

  /**
   * Checks {@code files} (every file of a criteria folder, each already parsed). {@code imports}
   * maps an importing file and an import path to the imported file (null when the file was not
   * found: reported here).
   */
  public static Result check(List<Ast.CriteriaFile> files, ImportResolver imports) {
    Checker c = new Checker();
    Ir.Program program = c.run(files, imports);
    List<Diagnostic> out = new ArrayList<>(c.diagnostics);
    out.sort(Diagnostics.ORDER);
    return new Result(Diagnostics.hasErrors(out) ? null : program, out);
  }

  /** Finds the file an import names. */
  public interface ImportResolver {
    Ast.CriteriaFile resolve(Ast.CriteriaFile from, String path);
  }

  // ================================================================ program level

  private Ir.Program run(List<Ast.CriteriaFile> files, ImportResolver imports) {
    // 1. each file's own declarations
    // A file's scope sees its own declarations, then those of the files it imports (step 3).
    Map<Ast.CriteriaFile, Scope> own = new LinkedHashMap<>();
    Map<Ast.CriteriaFile, Scope> importsOf = new LinkedHashMap<>();
    for (Ast.CriteriaFile f : files) {
      parsed.put(f.source(), f);
      Scope importsScope = new Scope(null, "imports of " + f.source().name());
      importsOf.put(f, importsScope);
      Scope s = new Scope(importsScope, "file " + f.source().name());
      for (Ast.Decl d : f.decls()) {
        declare(s, d);
      }
      own.put(f, s);
    }
    // 2. the association type vocabulary, in file then declaration order
    for (Ast.CriteriaFile f : files) {
      for (Ast.Decl d : f.decls()) {
        if (d instanceof Ast.TypeDecl t && !vocabulary.contains(t.typeName())) {
          vocabulary.add(t.typeName());
        }
      }
    }
    // 3. file scopes see their imports
    for (Ast.CriteriaFile f : files) {
      Scope importsScope = importsOf.get(f);
      for (Ast.Import imp : f.imports()) {
        Ast.CriteriaFile target = imports.resolve(f, imp.path());
        if (target == null) {
          error(imp.span(), "cannot find the imported file '" + imp.path() + "' next to " + f.source().name());
          continue;
        }
        if (target == f) {
          error(imp.span(), "a file cannot import itself");
          continue;
        }
        for (Map.Entry<String, Object> e : own.get(target).symbols.entrySet()) {
          importsScope.symbols.putIfAbsent(e.getKey(), e.getValue());
        }
      }
      fileScopes.put(f, own.get(f));
    }
    // 4. templates
    for (Ast.CriteriaFile f : files) {
      for (Ast.Template t : f.templates()) {
        if (templates.containsKey(t.name().text())) {
          error(t.name().span(), "template '" + t.name().text() + "' is declared twice (also at " + templates.get(t.name().text()).span().where() + ")");
          continue;
        }
        templates.put(t.name().text(), t);
        templateHomes.put(t.name().text(), fileScopes.get(f));
      }
    }
    // 5. areas
    List<Ir.Area> areas = new ArrayList<>();
    Map<String, Ast.Area> areaIds = new HashMap<>();
    for (Ast.CriteriaFile f : files) {
      for (Ast.Area a : f.areas()) {
        Ast.Area prev = areaIds.putIfAbsent(a.id().text(), a);
        if (prev != null) {
          error(a.id().span(), "area '" + a.id().text() + "' is declared twice (also at " + prev.span().where() + ")");
          continue;
        }
        Ir.Area area = area(a, fileScopes.get(f));
        if (area != null) {
          areas.add(area);
        }
      }
    }
    for (Ast.Template t : templates.values()) {
      if (!usedTemplates.contains(t.name().text())) {
        warning(t.name().span(), "template '" + t.name().text() + "' is never used by an area");
      }
    }
    nearMisses(workloadNames, "workload");
    nearMisses(familyNames, "workload family");
    // only a whole, error-free program shows for sure what is never used
    if (files.stream().allMatch(f -> f.damaged().isEmpty()) && !Diagnostics.hasErrors(diagnostics)) {
      for (Ast.Decl d : declared) {
        if (!used.contains(d) && !(d instanceof Ast.TypeDecl) && !(d instanceof Ast.Unparsed)) {
          warning(d.name().span(), d.what() + " '" + d.name().text() + "' is never used");
        }
      }
    }
    areas.sort((x, y) -> x.id().compareTo(y.id()));
    return new Ir.Program(areas, vocabulary);
  }

  /**
   * Warns about a name written once or twice that differs a little from one written more often
   * (or as often), such as "Power bi" next to "Power BI": the data compares names exactly.
   */
  private void nearMisses(Map<Span, String> written, String what) {
    Map<String, Integer> counts = new HashMap<>();
    written.values().forEach(n -> counts.merge(n, 1, Integer::sum));
    Map<String, String> hints = new HashMap<>();
    for (String name : counts.keySet()) {
      // a typo: letters in another case, or one edit per 8 letters; never other digits ("W1", "W2")
      int best = name.length() / 8;
      for (String other : counts.keySet()) {
        if (other.equals(name) || counts.get(other) < counts.get(name) || Math.abs(other.length() - name.length()) > best
            || !digits(other).equals(digits(name))) {
          continue;
        }
        int d = Diagnostics.distance(name, other);
        String hint = hints.get(name);
        if (d < best || (d == best && (hint == null || other.compareTo(hint) < 0))) {
          hints.put(name, other);
          best = d;
        }
      }
    }
    List<Span> places = new ArrayList<>(written.keySet());
    places.sort(Diagnostics.SPAN_ORDER);
    for (Span place : places) {
      String name = written.get(place);
      String hint = hints.get(name);
      if (hint != null) {
        warning(place, what + " \"" + name + "\" is written " + (counts.get(name) == 1 ? "only here" : counts.get(name) + " times") + "; did you mean \"" + hint + "\", written " + counts.get(hint) + (counts.get(hint) == 1 ? " time" : " times") + " elsewhere?");
      }
    }
  }

  private static String digits(String s) {
    return s.replaceAll("[^0-9]+", " ");
  }

  private void declare(Scope s, Ast.Decl d) {
    String name = d.name().text();
    if (MEASURES.containsKey(name) || BUILTINS.contains(name)) {
      error(d.name().span(), "'" + name + "' is a built-in name; choose another name for this " + d.what());
      return;
    }
    Object prev = s.symbols.get(name);
    if (prev != null) {
      error(d.name().span(), "'" + name + "' is already declared at " + spanOf(prev).where());
      return;
    }
    s.symbols.put(name, new DeclSym(d, s));
    declared.add(d);
  }

  // ================================================================ areas

  private Ir.Area area(Ast.Area a, Scope fileScope) {
    if (a instanceof Ast.PlainArea p) {
      Scope scope = new Scope(fileScope, "area " + p.id().text());
      for (Ast.Decl d : p.decls()) {
        declare(scope, d);
      }
      List<Ir.Branch> branches = branches(p.branches(), scope, List.of());
      return new Ir.Area(p.id().text(), p.title(), origin(p.span()), branches);
    }
    Ast.InstanceArea inst = (Ast.InstanceArea) a;
    Ast.Template t = templates.get(inst.template().text());
    if (t == null) {
      String hint = Diagnostics.closest(inst.template().text(), templates.keySet());
      error(inst.template().span(), "unknown template '" + inst.template().text() + "'" + didYouMean(hint));
      return null;
    }
    usedTemplates.add(t.name().text());
    Scope scope = new Scope(templateHomes.get(t.name().text()), "area " + inst.id().text());
    Map<String, Ast.Param> areaParams = new LinkedHashMap<>();
    Map<String, Ast.Param> leafParams = new LinkedHashMap<>();
    for (Ast.Param p : t.params()) {
      (p.leaf() ? leafParams : areaParams).put(p.name().text(), p);
    }
    bindArguments(scope, areaParams, inst.arguments(), inst.id().span(), t.span(), "area '" + inst.id().text() + "'");
    for (Ast.Decl d : t.decls()) {
      declare(scope, d);
    }
    List<LeafBinding> leaves = new ArrayList<>();
    Set<String> leafIds = new HashSet<>();
    for (Ast.LeafArgs l : inst.leaves()) {
      if (!leafIds.add(l.id().text())) {
        error(l.id().span(), "leaf '" + l.id().text() + "' is given twice");
        continue;
      }
      if (leafParams.isEmpty()) {
        if (complete(t.span())) {
          error(l.id().span(), "template '" + t.name().text() + "' has no leaf parameters, so its areas take no leaves");
        }
        continue;
      }
      Scope leafScope = new Scope(scope, "leaf " + l.id().text());
      bindArguments(leafScope, leafParams, l.arguments(), l.id().span(), t.span(), "leaf '" + l.id().text() + "'");
      leaves.add(new LeafBinding(l.id().text(), l.title(), leafScope, l.span()));
    }
    if (!leafParams.isEmpty() && inst.leaves().isEmpty() && complete(inst.span())) {
      error(inst.id().span(), "template '" + t.name().text() + "' has leaf parameters (" + String.join(", ", leafParams.keySet()) + "): give at least one leaf");
    }
    instance = " in area '" + inst.id().text() + "'";
    List<Ir.Branch> branches = branches(t.branches(), scope, leaves);
    instance = "";
    return new Ir.Area(inst.id().text(), inst.title(), origin(inst.span()), branches);
  }

  private record LeafBinding(String id, String title, Scope scope, Span span) {}

  /** Binds a template's parameters ({@code template} is where the template is written). */
  private void bindArguments(Scope scope, Map<String, Ast.Param> params, List<Ast.Argument> args, Span where, Span template, String what) {
    Set<String> given = new HashSet<>();
    // a misspelt argument is reported once, as unknown, not again as a missing parameter
    Set<String> misspelt = new HashSet<>();
    for (Ast.Argument arg : args) {
      String name = arg.name().text();
      Ast.Param p = params.get(name);
      if (p == null) {
        if (complete(template)) {
          String hint = Diagnostics.closest(name, params.keySet());
          error(arg.name().span(), "unknown parameter '" + name + "' for " + what + didYouMean(hint));
          misspelt.add(hint);
        }
        continue;
      }
      if (!given.add(name)) {
        error(arg.name().span(), "parameter '" + name + "' is given twice");
        continue;
      }
      Object value = argumentValue(p, arg.value(), scope);
      // a bad argument is bound to ERROR, so its uses stay quiet instead of cascading
      scope.symbols.put(name, new ParamSym(p, value == null ? ERROR : value, arg.value().text()));
    }
    for (Ast.Param p : params.values()) {
      if (!given.contains(p.name().text())) {
        if (complete(where) && !misspelt.contains(p.name().text())) {
          error(where, what + " does not give parameter '" + p.name().text() + "' (" + p.type().word + ")");
        }
        scope.symbols.put(p.name().text(), new ParamSym(p, ERROR, "?"));
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
            error(lit.span(), "parameter '" + p.name().text() + "' is money: write an amount such as $500");
            return null;
          }
          if (p.type() != Ast.ParamType.MONEY && lit.kind() == Ast.LiteralKind.MONEY) {
            error(lit.span(), "parameter '" + p.name().text() + "' is a " + p.type().word + ", not money: leave out the $");
            return null;
          }
          if (p.type() == Ast.ParamType.COUNT && lit.value().stripTrailingZeros().scale() > 0) {
            error(lit.span(), "parameter '" + p.name().text() + "' is a count: write a whole number");
            return null;
          }
          return new TNum(constant(lit.value()), p.type() == Ast.ParamType.MONEY ? Kind.MONEY : Kind.NUMBER);
        }
        break;
      case BAND:
        if (v instanceof Ast.BandArg b) {
          return band(b.band());
        }
        break;
      case TYPES:
        if (v instanceof Ast.TypeSetArg ts) {
          return typeSet(ts.set(), scope);
        }
        break;
      case WORKLOADS:
        if (v instanceof Ast.TypeSetArg ts) {
          return workloadSetOfNames(ts.set(), scope);
        }
        break;
      default:
        break;
    }
    error(v.span(), "parameter '" + p.name().text() + "' takes " + article(p.type()) + ", not '" + v.text() + "'");
    return null;
  }

  private static String article(Ast.ParamType t) {
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

  // ================================================================ branches and nodes

  private List<Ir.Branch> branches(List<Ast.Branch> branches, Scope areaScope, List<LeafBinding> leaves) {
    List<Ir.Branch> out = new ArrayList<>();
    Set<String> ids = new HashSet<>();
    for (Ast.Branch b : branches) {
      Scope scope = areaScope;
      String prefix = "";
      if (b.id() != null) {
        if (!ids.add(b.id().text())) {
          error(b.id().span(), "branch '" + b.id().text() + "' is declared twice in this area");
        }
        scope = new Scope(areaScope, "branch " + b.id().text());
        for (Ast.Decl d : b.decls()) {
          declare(scope, d);
        }
        prefix = b.id().text() + ".";
      }
      List<Ir.Node> nodes = new ArrayList<>();
      Set<String> nodeIds = new HashSet<>();
      boolean sawMetric = false;
      for (Ast.Node n : b.nodes()) {
        if (!nodeIds.add(n.id().text())) {
          error(n.id().span(), "node '" + n.id().text() + "' is declared twice in this " + (b.id() == null ? "area" : "branch"));
          continue;
        }
        if (n.kind() == Ast.NodeKind.GATE && sawMetric) {
          warning(n.id().span(), "gate '" + n.id().text() + "' comes after a metric: gates run first, so write it before the metrics");
        }
        sawMetric |= n.kind() == Ast.NodeKind.METRIC;
        Ir.Node node = node(n, prefix, scope, leaves);
        if (node != null) {
          nodes.add(node);
        }
      }
      if (b.nodes().isEmpty() && complete(b.span())) {
        error(b.span(), (b.id() == null ? "this area" : "branch '" + b.id().text() + "'") + " has no gates or metrics");
      }
      out.add(new Ir.Branch(b.id() == null ? "" : b.id().text(), b.title(), origin(b.span()), nodes));
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
        error(n.id().span(), "a gate cannot have leaves; only metrics do");
        return null;
      }
      if (body.value() != null) {
        error(body.valueSpan(), "metric '" + n.id().text() + "' has leaves, so its value is given per leaf, not here");
      }
      List<Ir.Node> leafNodes = new ArrayList<>();
      if (body.eachLeaf() != null) {
        if (leaves.isEmpty() && complete(body.eachLeafSpan())) {
          error(body.eachLeafSpan(), "'each leaf' needs an area made from a template with leaf parameters");
        }
        for (LeafBinding l : leaves) {
          Ir.Node leaf = evaluatedNode(id + "." + l.id(), Ir.NodeKind.LEAF, l.title(), body.eachLeaf(), l.scope(), n.id().span());
          if (leaf != null) {
            leafNodes.add(leaf);
          }
        }
      }
      Set<String> leafIds = new HashSet<>();
      for (Ast.Leaf l : body.leaves()) {
        if (!leafIds.add(l.id().text())) {
          error(l.id().span(), "leaf '" + l.id().text() + "' is declared twice");
          continue;
        }
        Ir.Node leaf = evaluatedNode(id + "." + l.id().text(), Ir.NodeKind.LEAF, l.title(), l.body(), scope, l.span());
        if (leaf != null) {
          leafNodes.add(leaf);
        }
      }
      String criteria = body.criteria() == null ? "" : interpolate(body.criteria(), scope);
      return new Ir.Node(id, kind, n.title(), criteria, origin(n.span()), details(body), null, null, "", null, null, leafNodes);
    }
    return evaluatedNode(id, kind, n.title(), body, scope, n.span());
  }

  private Ir.Node evaluatedNode(String id, Ir.NodeKind kind, String title, Ast.NodeBody body, Scope scope, Span where) {
    if ((body.value() == null || body.met() == null) && !complete(where)) {
      // the missing line may be a syntax error's hole: check only what is there
      if (body.value() != null) {
        expr(body.value(), Env.root(scope));
      }
      if (body.met() != null) {
        expr(body.met(), Env.root(scope).withValue(ERR));
      }
      return null;
    }
    if (body.value() == null) {
      error(where, "node '" + id + "' has no value: add a line such as 'value count tenant where ...'");
      return null;
    }
    if (body.met() == null) {
      error(where, "node '" + id + "' does not say when it is met: add a line such as 'met when value >= 1'");
      return null;
    }
    if (kind == Ir.NodeKind.GATE && body.partner() != null) {
      error(body.partnerSpan(), "a gate has no partner-level rule; only metrics and leaves do");
    }
    varCounter = 0;
    Env env = Env.root(scope);
    T value = expr(body.value(), env);
    TNum num = expectNum(value, body.value().span(), "a node's value");
    // with a bad value, 'met when' is still checked ('value' in it then stays quiet)
    valueNonNegative = num != null && nonNegative(num.e());
    T met = expr(body.met(), num == null ? env.withValue(ERR) : env.withValue(num));
    expectBool(met, body.met().span(), "'met when'");
    Ir.PartnerRule partner = null;
    if (body.partner() != null && num != null) {
      partner = partnerRule(body.partner(), body.partnerSpan(), scope, num);
    }
    if (num == null || !(met instanceof TBool b)) {
      return null;
    }
    String criteria = body.criteria() == null ? "" : interpolate(body.criteria(), scope);
    if (body.criteria() == null && complete(where)) {
      warning(where, "node '" + id + "' has no criteria text: reports will show it without one");
    }
    return new Ir.Node(id, kind, title, criteria, origin(where), details(body), num.e(), num.kind().category(), num.kind().label(), b.e(), partner, List.of());
  }

  private Ir.PartnerRule partnerRule(Ast.NodeBody body, Span where, Scope scope, TNum nodeValue) {
    if (body.value() == null || body.met() == null) {
      if (complete(where)) {
        error(where, "a partner rule needs a value ('value sum value for customer') and 'met when'");
      }
      return null;
    }
    Ast.Expr v = body.value();
    Ast.Expr perCustomer = null;
    if (v instanceof Ast.Aggregate agg && agg.binders().size() == 1 && agg.binders().get(0).dim() == Dim.CUSTOMER) {
      if (agg.kind() == AggKind.SUM && agg.where() == null) {
        perCustomer = agg.body();
      } else if (agg.kind() == AggKind.COUNT) {
        perCustomer = agg.where();
      }
    }
    if (perCustomer == null && !(v instanceof Ast.Aggregate a2 && a2.kind() == AggKind.COUNT)) {
      error(v.span(), "a partner value adds up the partner's customers: write 'sum value for customer' or 'sum <amount> for customer'");
      return null;
    }
    varCounter = 1000;
    Env env = Env.root(scope).withValue(nodeValue);
    Ir.Expr per;
    Kind kind;
    if (v instanceof Ast.Aggregate agg && agg.kind() == AggKind.COUNT) {
      if (agg.where() == null) {
        per = new Ir.Const(1, 0);
      } else {
        T cond = expr(agg.where(), env);
        if (!(expectBool(cond, agg.where().span(), "a count's 'where'") instanceof TBool b)) {
          return null;
        }
        per = new Ir.If(b.e(), new Ir.Const(1, 0), new Ir.Const(0, 0));
      }
      kind = Kind.count("customers");
    } else {
      TNum n = expectNum(expr(perCustomer, env), perCustomer.span(), "a partner total");
      if (n == null) {
        return null;
      }
      per = n.e();
      kind = n.kind();
    }
    valueNonNegative = nonNegative(per); // the partner's value adds up 'per'
    T met = expr(body.met(), Env.root(scope).withValue(new TNum(per, kind)));
    if (!(expectBool(met, body.met().span(), "'met when'") instanceof TBool b)) {
      return null;
    }
    String criteria = body.criteria() == null ? "" : interpolate(body.criteria(), scope);
    return new Ir.PartnerRule(criteria, origin(where), per, kind.category(), kind.label(), b.e());
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

  private static final Pattern PLACEHOLDER = Pattern.compile("\\{([A-Za-z_][A-Za-z0-9_]*)\\}");

  /** Replaces {@code {param}} in a criteria text with the parameter's argument as written. */
  private String interpolate(Ast.Text text, Scope scope) {
    Matcher m = PLACEHOLDER.matcher(text.value());
    StringBuilder sb = new StringBuilder();
    while (m.find()) {
      Object sym = scope.lookup(m.group(1));
      String replacement;
      if (sym instanceof ParamSym p) {
        replacement = p.text();
      } else {
        if (complete(text.span())) {
          String hint = Diagnostics.closest(m.group(1), scope.namesOf(x -> x instanceof ParamSym));
          warning(text.span(), "'{" + m.group(1) + "}' in this text names no parameter, so it is shown as written" + didYouMean(hint == null ? null : "{" + hint + "}"));
        }
        replacement = m.group();
      }
      m.appendReplacement(sb, Matcher.quoteReplacement(replacement));
    }
    m.appendTail(sb);
    return sb.toString();
  }

  // ================================================================ sets, tables, bands

  private Ir.TypeSet typeSet(Ast.TypeSetExpr set, Scope scope) {
    List<String> types = new ArrayList<>();
    Ir.TypesByWorkload byWorkload = null;
    for (Ast.Name item : set.items()) {
      Object sym = scope.lookup(item.text());
      Object resolved = resolveSymbol(sym);
      if (resolved instanceof String type) {
        add(types, type);
      } else if (resolved instanceof Ir.FixedTypes f) {
        for (String t : f.types()) {
          add(types, t);
        }
      } else if (resolved instanceof Ir.TypesByWorkload m) {
        if (set.items().size() > 1) {
          error(item.span(), "'" + item.text() + "' depends on the workload, so it must be used alone, not in a list");
          return null;
        }
        byWorkload = m;
      } else if (sym == null) {
        String hint = Diagnostics.closest(item.text(), scope.namesOf(this::isTypeSymbol));
        error(item.span(), "unknown association type or type set '" + item.text() + "'" + didYouMean(hint));
        return null;
      } else if (resolved != ERROR) {
        error(item.span(), "'" + item.text() + "' is " + describeSymbol(sym) + ", not an association type");
        return null;
      } else {
        return null;
      }
    }
    return byWorkload != null ? byWorkload : new Ir.FixedTypes(types);
  }

  private boolean isTypeSymbol(Object sym) {
    if (sym instanceof DeclSym d) {
      return d.decl() instanceof Ast.TypeDecl || d.decl() instanceof Ast.TypeSetDecl || d.decl() instanceof Ast.TypeMapDecl;
    }
    return sym instanceof ParamSym p && p.param().type() == Ast.ParamType.TYPES;
  }

  private boolean isWorkloadSymbol(Object sym) {
    if (sym instanceof DeclSym d) {
      return d.decl() instanceof Ast.WorkloadSetDecl;
    }
    return sym instanceof ParamSym p && p.param().type() == Ast.ParamType.WORKLOADS;
  }

  private static void add(List<String> list, String s) {
    if (!list.contains(s)) {
      list.add(s);
    }
  }

  private Ir.WorkloadSet workloadSetOfNames(Ast.TypeSetExpr names, Scope scope) {
    List<Ast.WorkloadTerm> terms = new ArrayList<>();
    for (Ast.Name n : names.items()) {
      terms.add(new Ast.WorkloadRef(n));
    }
    return workloadSet(new Ast.WorkloadSetExpr(terms, List.of(), names.span()), scope);
  }

  private Ir.WorkloadSet workloadSet(Ast.WorkloadSetExpr set, Scope scope) {
    Ir.WorkloadSet include = workloadTerms(set.include(), scope);
    if (include == null) {
      return null;
    }
    if (set.exclude().isEmpty()) {
      return include;
    }
    Ir.WorkloadSet exclude = workloadTerms(set.exclude(), scope);
    return exclude == null ? null : new Ir.Except(include, exclude);
  }

  private Ir.WorkloadSet workloadTerms(List<Ast.WorkloadTerm> terms, Scope scope) {
    List<String> names = new ArrayList<>();
    List<String> families = new ArrayList<>();
    List<Ir.WorkloadSet> parts = new ArrayList<>();
    boolean failed = false;
    for (Ast.WorkloadTerm t : terms) {
      if (t instanceof Ast.WorkloadName n) {
        workloadNames.put(n.span(), n.name());
        if (names.contains(n.name())) {
          warning(n.span(), "workload \"" + n.name() + "\" is listed twice");
        }
        add(names, n.name());
      } else if (t instanceof Ast.WorkloadFamily f) {
        familyNames.put(f.span(), f.family());
        add(families, f.family());
      } else {
        Ast.Name ref = ((Ast.WorkloadRef) t).name();
        Object sym = scope.lookup(ref.text());
        Object resolved = resolveSymbol(sym);
        if (resolved instanceof Ir.WorkloadSet ws) {
          parts.add(ws);
        } else if (sym == null) {
          String hint = Diagnostics.closest(ref.text(), scope.namesOf(this::isWorkloadSymbol));
          error(ref.span(), "unknown workload set '" + ref.text() + "'" + didYouMean(hint) + (hint == null ? " (a workload's own name is written in quotes)" : ""));
          failed = true;
        } else if (resolved != ERROR) {
          error(ref.span(), "'" + ref.text() + "' is " + describeSymbol(sym) + ", not a set of workloads");
          failed = true;
        } else {
          failed = true;
        }
      }
    }
    if (failed) {
      return null;
    }
    List<Ir.WorkloadSet> all = new ArrayList<>();
    if (!names.isEmpty()) {
      all.add(new Ir.Names(names));
    }
    if (!families.isEmpty()) {
      all.add(new Ir.Families(families));
    }
    all.addAll(parts);
    return all.size() == 1 ? all.get(0) : new Ir.Union(all);
  }

  private List<Ast.BandBound> band(Ast.BandExpr band) {
    if (band.bounds().size() == 2) {
      Ast.BandBound a = band.bounds().get(0);
      Ast.BandBound b = band.bounds().get(1);
      BigDecimal lo = null;
      BigDecimal hi = null;
      boolean loStrict = false;
      boolean hiStrict = false;
      for (Ast.BandBound x : List.of(a, b)) {
        if (x.op() == Ast.CmpOp.GT || x.op() == Ast.CmpOp.GE) {
          lo = x.limit().value();
          loStrict = x.op() == Ast.CmpOp.GT;
        } else if (x.op() == Ast.CmpOp.LT || x.op() == Ast.CmpOp.LE) {
          hi = x.limit().value();
          hiStrict = x.op() == Ast.CmpOp.LT;
        }
      }
      if (lo != null && hi != null) {
        int c = lo.compareTo(hi);
        if (c > 0 || (c == 0 && (loStrict || hiStrict))) {
          warning(band.span(), "this band can never hold: no number is " + a.op().symbol + " " + a.limit().text() + " and " + b.op().symbol + " " + b.limit().text());
        }
      }
    }
    return band.bounds();
  }

  private static final Object ERROR = new Object();
  private final Set<DeclSym> resolving = new HashSet<>();
  private final Map<DeclSym, Object> resolvedDecls = new HashMap<>();

  /**
   * What a declared name stands for once resolved: a type name (String), an Ir.TypeSet, an
   * Ir.WorkloadSet, an Ir.RateTable, a band (List of bounds), or the symbol itself for measures and
   * definitions (elaborated where used); ERROR when it could not be resolved (reported).
   */
  private Object resolveSymbol(Object sym) {
    if (sym instanceof ParamSym p) {
      return p.value();
    }
    if (!(sym instanceof DeclSym d)) {
      return sym;
    }
    if (resolvedDecls.containsKey(d)) {
      return resolvedDecls.get(d);
    }
    if (!resolving.add(d)) {
      error(d.decl().name().span(), "'" + d.decl().name().text() + "' is defined in terms of itself");
      return ERROR;
    }
    Object out;
    Ast.Decl decl = d.decl();
    if (decl instanceof Ast.TypeDecl t) {
      out = t.typeName();
    } else if (decl instanceof Ast.TypeSetDecl t) {
      out = typeSet(t.set(), d.home());
    } else if (decl instanceof Ast.TypeMapDecl t) {
      List<Ir.TypeCase> cases = new ArrayList<>();
      boolean ok = true;
      for (Ast.TypeCase c : t.cases()) {
        Ir.WorkloadSet when = workloadSet(c.when(), d.home());
        Ir.TypeSet types = typeSet(c.types(), d.home());
        if (when == null || types == null) {
          ok = false;
        } else if (types instanceof Ir.FixedTypes f) {
          cases.add(new Ir.TypeCase(when, f.types()));
        } else {
          error(c.types().span(), "a case of a by-workload type set lists association types, not another by-workload set");
          ok = false;
        }
      }
      List<String> otherwise = List.of();
      if (t.otherwise() != null) {
        Ir.TypeSet o = typeSet(t.otherwise(), d.home());
        if (o instanceof Ir.FixedTypes f) {
          otherwise = f.types();
        } else {
          ok = false;
        }
      }
      out = ok ? new Ir.TypesByWorkload(cases, otherwise) : null;
    } else if (decl instanceof Ast.WorkloadSetDecl w) {
      out = workloadSet(w.set(), d.home());
    } else if (decl instanceof Ast.TableDecl t) {
      out = table(t, d.home());
    } else if (decl instanceof Ast.BandDecl b) {
      out = band(b.band());
    } else if (decl instanceof Ast.Unparsed) {
      out = null; // its syntax error is reported
    } else {
      out = d; // measures and definitions are elaborated where they are used
    }
    resolving.remove(d);
    if (out == null) {
      out = ERROR;
    }
    resolvedDecls.put(d, out);
    return out;
  }

  private Ir.RateTable table(Ast.TableDecl t, Scope home) {
    int scale = 0;
    List<Ast.Literal> all = new ArrayList<>();
    for (Ast.TableCase c : t.cases()) {
      all.add(c.value());
    }
    if (t.otherwise() != null) {
      all.add(t.otherwise());
    }
    for (Ast.Literal l : all) {
      if (l.kind() == Ast.LiteralKind.MONEY) {
        error(l.span(), "a rate table holds plain numbers; leave out the $");
        return null;
      }
      scale = Math.max(scale, Math.max(0, l.value().stripTrailingZeros().scale()));
    }
    List<Ir.RateCase> cases = new ArrayList<>();
    for (Ast.TableCase c : t.cases()) {
      Ir.WorkloadSet when = workloadSet(c.when(), home);
      if (when == null) {
        return null;
      }
      cases.add(new Ir.RateCase(when, unscaled(c.value().value(), scale)));
    }
    if (t.otherwise() == null) {
      warning(t.name().span(), "table '" + t.name().text() + "' has no 'otherwise': workloads it does not list get 0");
    }
    long otherwise = t.otherwise() == null ? 0 : unscaled(t.otherwise().value(), scale);
    return new Ir.RateTable(t.name().text(), cases, otherwise, scale);
  }

  private static long unscaled(BigDecimal v, int scale) {
    return v.setScale(scale).unscaledValue().longValueExact();
  }

  private static Ir.Const constant(BigDecimal v) {
    BigDecimal s = v.stripTrailingZeros();
    if (s.scale() < 0) {
      s = s.setScale(0);
    }
    return new Ir.Const(s.unscaledValue().longValueExact(), s.scale());
  }

  // ================================================================ expressions

  /** Elaborated expressions. */
  sealed interface T permits TNum, TBool, TMonth, TRange, TErr {}

  record TNum(Ir.Expr e, Kind kind) implements T {}

  record TBool(Ir.Expr e) implements T {}

  record TMonth(Ir.MonthExpr m) implements T {}

  record TRange(Ir.MonthRange r) implements T {}

  /** Already reported: stops cascades. */
  record TErr() implements T {}

  private static final TErr ERR = new TErr();

  private T expr(Ast.Expr e, Env env) {
    if (e instanceof Ast.LiteralExpr l) {
      Ast.Literal lit = l.literal();
      return new TNum(constant(lit.value()), lit.kind() == Ast.LiteralKind.MONEY ? Kind.MONEY : Kind.NUMBER);
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
      error(i.span(), "'in' asks whether a month lies in months (such as TTM(M) or window); here it has " + describe(el) + " and " + describe(set));
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
      error(r.span(), "'..' makes a range of months, such as 'M - 1 .. M'; here it has " + describe(from) + " and " + describe(to));
      return ERR;
    }
    if (e instanceof Ast.Not n) {
      T x = expr(n.operand(), env);
      if (expectBool(x, n.operand().span(), "'not'") instanceof TBool b) {
        return new TBool(new Ir.Not(b.e()));
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
        error(a.month().span(), "'at' takes a month, such as M or M - 12; this is " + describe(month));
        return ERR;
      }
      return expr(a.operand(), env.withMonth(m.m()));
    }
    if (e instanceof Ast.Net n) {
      if (env.inNet) {
        error(n.span(), "'net' inside 'net' would compare a year with a year before it twice; use one 'net'");
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
      Ir.TypeSet types = typeSet(s.via(), env.scope);
      if (types == null || !needs(env, s.span(), "'earliest start'", true, true, false)) {
        return ERR;
      }
      return new TMonth(new Ir.EarliestStart(env.tenant, env.workload, types));
    }
    if (e instanceof Ast.ValueRef v) {
      if (env.value == null) {
        error(v.span(), "'value' is the node's value: it can be used in 'met when' and partner rules, not here");
        return ERR;
      }
      return env.value;
    }
    if (e instanceof Ast.Call c) {
      return call(c, env);
    }
    return name(((Ast.NameRef) e).name(), env);
  }

  private T binary(Ast.Binary b, Env env) {
    T l = expr(b.left(), env);
    T r = expr(b.right(), env);
    if (l instanceof TErr || r instanceof TErr) {
      return ERR;
    }
    switch (b.op()) {
      case AND:
      case OR: {
        TBool x = (TBool) expectBool(l, b.left().span(), "'" + b.op().symbol + "'");
        TBool y = (TBool) expectBool(r, b.right().span(), "'" + b.op().symbol + "'");
        if (x == null || y == null) {
          return ERR;
        }
        return new TBool(b.op() == Ast.BinOp.AND ? new Ir.And(x.e(), y.e()) : new Ir.Or(x.e(), y.e()));
      }
      case DIV:
        error(b.span(), "division is not supported, so that every result stays exact: write a percentage ('40% of paid_units') or a rate table");
        return ERR;
      default:
        break;
    }
    if (l instanceof TMonth m && (b.op() == Ast.BinOp.ADD || b.op() == Ast.BinOp.SUB)) {
      if (r instanceof TNum n && n.e() instanceof Ir.Const k && k.scale() == 0 && n.kind().category() == Ir.ValueKind.NUMBER) {
        int d = (int) (b.op() == Ast.BinOp.ADD ? k.unscaled() : -k.unscaled());
        Ir.MonthExpr shifted = shift(m.m(), d);
        if (shifted == null) {
          error(b.span(), "only M and named months can be moved by a number of months");
          return ERR;
        }
        return new TMonth(shifted);
      }
      error(b.right().span(), "a month can be moved by a whole number of months ('M - 12'); this is " + describe(r));
      return ERR;
    }
    TNum x = expectNum(l, b.left().span(), "'" + b.op().symbol + "'");
    TNum y = expectNum(r, b.right().span(), "'" + b.op().symbol + "'");
    if (x == null || y == null) {
      return ERR;
    }
    if (b.op() == Ast.BinOp.MUL) {
      if (x.kind().category() == Ir.ValueKind.MONEY && y.kind().category() == Ir.ValueKind.MONEY) {
        error(b.span(), "cannot multiply money by money");
        return ERR;
      }
      Kind k = x.kind().category() == Ir.ValueKind.MONEY || y.kind().category() == Ir.ValueKind.MONEY ? Kind.MONEY
          : x.kind().category() == Ir.ValueKind.NUMBER ? y.kind()
          : y.kind().category() == Ir.ValueKind.NUMBER ? x.kind() : Kind.NUMBER;
      return new TNum(new Ir.Arith(Ir.ArithOp.MUL, x.e(), y.e()), k);
    }
    if (!Kind.compatible(x.kind(), y.kind())) {
      error(b.span(), "cannot " + (b.op() == Ast.BinOp.ADD ? "add " : "subtract ") + y.kind().describe() + (b.op() == Ast.BinOp.ADD ? " to " : " from ") + x.kind().describe());
      return ERR;
    }
    return new TNum(new Ir.Arith(b.op() == Ast.BinOp.ADD ? Ir.ArithOp.ADD : Ir.ArithOp.SUB, x.e(), y.e()), Kind.join(x.kind(), y.kind()));
  }

  private static Ir.MonthExpr shift(Ir.MonthExpr m, int d) {
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
    if (l instanceof TMonth a && r instanceof TMonth b) {
      return new TBool(new Ir.CompareMonths(op, a.m(), b.m()));
    }
    if (l instanceof TNum a && r instanceof TNum b) {
      if (!Kind.compatible(a.kind(), b.kind())) {
        error(c.span(), "cannot compare " + a.kind().describe() + " with " + b.kind().describe());
        return ERR;
      }
      Boolean fixed = fixedOutcome(op, a.e(), b.e());
      if (fixed != null) {
        warning(c.span(), "this comparison " + (fixed ? "always holds" : "can never hold") + instance + because(constantValue(a.e()) == null ? a : b));
      }
      return new TBool(new Ir.Compare(op, a.e(), b.e()));
    }
    error(c.span(), "cannot compare " + describe(l) + " with " + describe(r));
    return ERR;
  }

  private T within(Ast.Within w, Env env) {
    TNum subject = expectNum(expr(w.subject(), env), w.subject().span(), "'within'");
    List<Ast.BandBound> bounds;
    if (w.band() != null) {
      bounds = band(w.band());
    } else {
      Object sym = env.scope.lookup(w.bandName().text());
      Object resolved = resolveSymbol(sym);
      if (sym == null) {
        Set<String> bands = env.scope.namesOf(s -> s instanceof ParamSym p ? p.param().type() == Ast.ParamType.BAND : resolveSymbol(s) instanceof List);
        error(w.bandName().span(), "unknown band '" + w.bandName().text() + "'" + didYouMean(Diagnostics.closest(w.bandName().text(), bands)));
        return ERR;
      }
      if (!(resolved instanceof List<?> list)) {
        if (resolved != ERROR) {
          error(w.bandName().span(), "'" + w.bandName().text() + "' is " + describeSymbol(sym) + ", not a band");
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
      Ir.Compare cmp = new Ir.Compare(Ir.CmpOp.valueOf(b.op().name()), subject.e(), constant(b.limit().value()));
      Boolean holds = fixedOutcome(cmp.op(), cmp.left(), cmp.right());
      never |= Boolean.FALSE.equals(holds);
      always &= Boolean.TRUE.equals(holds);
      out = out == null ? cmp : new Ir.And(out, cmp);
    }
    if (never || always) {
      warning(w.span(), "this band " + (never ? "can never hold here" : "always holds here") + instance + because(subject));
    }
    return new TBool(out);
  }

  /**
   * TRUE when a comparison holds whatever the data, FALSE when it never does, null when it
   * depends: two fixed numbers, or something never negative (a count, paid units) against 0 or
   * less ('count tenant >= 0', 'value < 0').
   */
  private Boolean fixedOutcome(Ir.CmpOp op, Ir.Expr left, Ir.Expr right) {
    BigDecimal l = constantValue(left);
    BigDecimal r = constantValue(right);
    if (l != null && r != null) {
      int c = l.compareTo(r);
      switch (op) {
        case GE:
          return c >= 0;
        case GT:
          return c > 0;
        case LE:
          return c <= 0;
        case LT:
          return c < 0;
        case EQ:
          return c == 0;
        default:
          return c != 0;
      }
    }
    if (r != null && r.signum() <= 0 && nonNegative(left)) {
      return againstNonPositive(op, r.signum() < 0);
    }
    if (l != null && l.signum() <= 0 && nonNegative(right)) {
      Ir.CmpOp flipped = op == Ir.CmpOp.GE ? Ir.CmpOp.LE : op == Ir.CmpOp.LE ? Ir.CmpOp.GE : op == Ir.CmpOp.GT ? Ir.CmpOp.LT : op == Ir.CmpOp.LT ? Ir.CmpOp.GT : op;
      return againstNonPositive(flipped, l.signum() < 0);
    }
    return null;
  }

  /** x op k, for x never negative and k 0 (or below 0 when {@code negative}). */
  private static Boolean againstNonPositive(Ir.CmpOp op, boolean negative) {
    switch (op) {
      case GE:
        return true;
      case LT:
        return false;
      case GT:
      case NE:
        return negative ? Boolean.TRUE : null;
      default: // LE, EQ
        return negative ? Boolean.FALSE : null;
    }
  }

  /** Why: {@code side} (the side that is not a fixed number, if any) cannot be negative. */
  private static String because(TNum side) {
    return constantValue(side.e()) != null ? ": it compares fixed numbers" : ": " + side.kind().describe() + " cannot be negative";
  }

  /** The value of a number written in the criteria ({@code 5}, {@code -1}, {@code $0}), else null. */
  private static BigDecimal constantValue(Ir.Expr e) {
    if (e instanceof Ir.Const c) {
      return BigDecimal.valueOf(c.unscaled(), c.scale());
    }
    if (e instanceof Ir.Neg n && n.operand() instanceof Ir.Const c) {
      return BigDecimal.valueOf(-c.unscaled(), c.scale());
    }
    return null;
  }

  /** Whether a number cannot be below 0: counts, count measures, rates, and sums and products of them. */
  private boolean nonNegative(Ir.Expr e) {
    if (e instanceof Ir.Const c) {
      return c.unscaled() >= 0;
    }
    if (e instanceof Ir.MeasureAt m) {
      return !m.measure().isMoney();
    }
    if (e instanceof Ir.Arith a) {
      return a.op() != Ir.ArithOp.SUB && nonNegative(a.left()) && nonNegative(a.right());
    }
    if (e instanceof Ir.If i) {
      return nonNegative(i.then()) && nonNegative(i.otherwise());
    }
    if (e instanceof Ir.Sum sum) {
      return nonNegative(sum.body());
    }
    if (e instanceof Ir.NodeValue) {
      return valueNonNegative;
    }
    return e instanceof Ir.Count || e instanceof Ir.Rate;
  }

  private T via(Ast.Via v, Env env) {
    T x = expr(v.operand(), env);
    Ir.TypeSet types = typeSet(v.types(), env.scope);
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
    error(v.operand().span(), "'via' attributes an amount or a count to association types; this is " + describe(x));
    return ERR;
  }

  private T associated(Ast.Associated a, Env env) {
    Ir.TypeSet types = null;
    if (a.via() != null) {
      types = typeSet(a.via(), env.scope);
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
  private boolean needs(Env env, Span span, String what, boolean tenant, boolean workload, boolean month) {
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
    error(span, what + " needs " + String.join(", ", missing) + ": add " + (missing.size() == 1 ? "it" : "them") + " with 'for'/'where' (e.g. 'sum ... for tenant, workload in X, month in TTM(M)') or 'at M'");
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
        case WORKLOAD: {
          Ir.WorkloadSet set = b.workloads() == null ? new Ir.AllWorkloads() : workloadSet(b.workloads(), env.scope);
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
        case MONTH: {
          T range = expr(b.months(), inner);
          Ir.MonthRange months = new Ir.MonthRange(new Ir.AsOf(0), new Ir.AsOf(0));
          if (range instanceof TRange r) {
            months = r.r();
          } else {
            if (!(range instanceof TErr)) {
              error(b.months().span(), "'month in' takes months, such as 'window', 'TTM(M)' or 'M - 1 .. M'; this is " + describe(range));
            }
            failed = true;
          }
          var = newVar(Ir.Dim.MONTH, b.var());
          binders.add(new Ir.ForMonth(var, months));
          inner = inner.withMonth(new Ir.MonthVar(var, 0));
          dims.add("month");
          break;
        }
        case TYPE: {
          List<String> types = null;
          if (b.types() != null) {
            Ir.TypeSet ts = typeSet(b.types(), env.scope);
            if (ts instanceof Ir.FixedTypes f) {
              types = f.types();
            } else {
              if (ts != null) {
                error(b.types().span(), "this type set depends on the workload; write 'type where ... associated via " + b.types().items().get(0).text() + "'");
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
          error(b.span(), "'customer' can only be used in a partner rule: 'value sum value for customer'");
          failed = true;
          continue;
      }
      if (b.var() != null) {
        inner = inner.withLocal(b.var().text(), var);
      }
    }
    TNum body = a.kind() == AggKind.SUM ? expectNum(expr(a.body(), inner), a.body().span(), "'sum'") : null;
    T where = a.where() == null ? null : expectBool(expr(a.where(), inner), a.where().span(), "'where'");
    if (failed || (a.kind() == AggKind.SUM && body == null) || (a.where() != null && where == null)) {
      return ERR;
    }
    Ir.Expr condition = where == null ? null : ((TBool) where).e();
    switch (a.kind()) {
      case SUM:
        return new TNum(new Ir.Sum(binders, condition, body.e()), body.kind());
      case COUNT:
        return new TNum(new Ir.Count(binders, condition), Kind.count(countLabel(dims)));
      default:
        return new TBool(a.kind() == AggKind.ANY ? new Ir.Exists(binders, condition) : new Ir.ForAll(binders, condition));
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
    String base = name != null ? name.text() : dim == Ir.Dim.TENANT ? "t" : dim == Ir.Dim.WORKLOAD ? "w" : dim == Ir.Dim.MONTH ? "m" : "k";
    return new Ir.Var(++varCounter, dim, base);
  }

  private T call(Ast.Call c, Env env) {
    String name = c.name().text();
    if (name.equals("TTM") && env.scope.lookup(name) == null) {
      if (c.args().size() != 1) {
        error(c.span(), "TTM takes one month: TTM(M)");
        return ERR;
      }
      T m = expr(c.args().get(0), env);
      if (m instanceof TErr) {
        return ERR;
      }
      if (!(m instanceof TMonth month)) {
        error(c.args().get(0).span(), "TTM takes a month, such as M or M - 12; this is " + describe(m));
        return ERR;
      }
      Ir.MonthExpr from = shift(month.m(), -11);
      if (from == null) {
        error(c.span(), "TTM takes M or a named month");
        return ERR;
      }
      return new TRange(new Ir.MonthRange(from, month.m()));
    }
    Object sym = env.scope.lookup(name);
    if (sym == null) {
      String hint = Diagnostics.closest(name, env.scope.namesOf(s -> s instanceof DeclSym d && d.decl() instanceof Ast.DefineDecl));
      error(c.name().span(), "unknown definition '" + name + "'" + didYouMean(hint));
      return ERR;
    }
    if (resolveSymbol(sym) == ERROR) {
      return ERR;
    }
    if (!(sym instanceof DeclSym d && d.decl() instanceof Ast.DefineDecl def)) {
      error(c.name().span(), "'" + name + "' is " + describeSymbol(sym) + " and takes no arguments");
      return ERR;
    }
    if (def.params().size() != c.args().size()) {
      error(c.span(), "'" + name + "' takes " + def.params().size() + " argument" + (def.params().size() == 1 ? "" : "s") + ", not " + c.args().size());
      return ERR;
    }
    Scope callScope = new Scope(d.home(), "call of " + name);
    for (int i = 0; i < c.args().size(); i++) {
      Ast.Param p = def.params().get(i);
      Ast.Expr arg = c.args().get(i);
      Object value = callArgument(p, arg, env);
      if (value == null) {
        return ERR;
      }
      callScope.symbols.put(p.name().text(), new ParamSym(p, value, arg instanceof Ast.NameRef n ? n.name().text() : "?"));
    }
    return expand(d, def.body(), env, callScope);
  }

  private Object callArgument(Ast.Param p, Ast.Expr arg, Env env) {
    switch (p.type()) {
      case TYPES:
        if (arg instanceof Ast.NameRef n) {
          return typeSet(new Ast.TypeSetExpr(List.of(n.name()), n.span()), env.scope);
        }
        break;
      case WORKLOADS:
        if (arg instanceof Ast.NameRef n) {
          return workloadSetOfNames(new Ast.TypeSetExpr(List.of(n.name()), n.span()), env.scope);
        }
        break;
      case BAND:
        if (arg instanceof Ast.NameRef n) {
          Object r = resolveSymbol(env.scope.lookup(n.name().text()));
          if (r instanceof List) {
            return r;
          }
          if (r == ERROR) {
            return null;
          }
        }
        break;
      default: {
        T v = expr(arg, env);
        if (v instanceof TErr) {
          return null;
        }
        if (v instanceof TNum n) {
          if (p.type() == Ast.ParamType.MONEY && n.kind().category() != Ir.ValueKind.MONEY && n.kind().category() != Ir.ValueKind.NUMBER) {
            break;
          }
          return n;
        }
        break;
      }
    }
    error(arg.span(), "parameter '" + p.name().text() + "' takes " + article(p.type()));
    return null;
  }

  private final Set<DeclSym> expanding = new HashSet<>();

  /** Elaborates a definition's or measure's body where it is used: names from its home, variables from the use. */
  private T expand(DeclSym d, Ast.Expr body, Env env, Scope scope) {
    if (!expanding.add(d)) {
      error(d.decl().name().span(), "'" + d.decl().name().text() + "' is defined in terms of itself");
      return ERR;
    }
    try {
      return expr(body, env.withScope(scope));
    } finally {
      expanding.remove(d);
    }
  }

  private T name(Ast.Name n, Env env) {
    String text = n.text();
    Ir.Var local = env.locals.get(text);
    if (local != null) {
      if (local.dim() == Ir.Dim.MONTH) {
        return new TMonth(new Ir.MonthVar(local, 0));
      }
      String each = local.dim() == Ir.Dim.TYPE ? "association type" : local.dim().name().toLowerCase(java.util.Locale.ROOT);
      error(n.span(), "'" + text + "' stands for each " + each + " of its 'for' or 'where': it is not a number or a condition");
      return ERR;
    }
    Object sym = env.scope.lookup(text);
    if (sym == null) {
      Measure m = MEASURES.get(text);
      if (m != null) {
        if (!needs(env, n.span(), "'" + text + "'", true, true, true)) {
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
      Set<String> candidates = new TreeSet<>(env.scope.namesOf(s -> true));
      candidates.addAll(MEASURES.keySet());
      candidates.addAll(env.locals.keySet());
      candidates.add("M");
      candidates.add("window");
      if (env.value != null) {
        candidates.add("value");
      }
      error(n.span(), "unknown name '" + text + "'" + didYouMean(Diagnostics.closest(text, candidates)));
      return ERR;
    }
    if (sym instanceof ParamSym p) {
      Object v = p.value();
      if (v == ERROR) {
        return ERR;
      }
      if (v instanceof T t) {
        return t;
      }
      error(n.span(), "'" + text + "' is a parameter of " + p.param().type().word + "; use it after 'in', 'via' or 'within'");
      return ERR;
    }
    DeclSym d = (DeclSym) sym;
    Ast.Decl decl = d.decl();
    if (decl instanceof Ast.Unparsed) {
      return ERR; // its syntax error is reported
    }
    if (decl instanceof Ast.DefineDecl def) {
      if (!def.params().isEmpty()) {
        error(n.span(), "'" + text + "' takes " + def.params().size() + " argument" + (def.params().size() == 1 ? "" : "s") + ": " + text + "(...)");
        return ERR;
      }
      return expand(d, def.body(), env, d.home());
    }
    if (decl instanceof Ast.MeasureDecl md) {
      T t = expand(d, md.expr(), env, d.home());
      if (t instanceof TNum num && num.kind().category() == Ir.ValueKind.NUMBER) {
        return new TNum(num.e(), new Kind(Ir.ValueKind.NUMBER, text));
      }
      return t;
    }
    if (decl instanceof Ast.TableDecl) {
      Object r = resolveSymbol(d);
      if (!(r instanceof Ir.RateTable table)) {
        return ERR;
      }
      if (!needs(env, n.span(), "table '" + text + "'", false, true, false)) {
        return ERR;
      }
      return new TNum(new Ir.Rate(table, env.workload), Kind.NUMBER);
    }
    error(n.span(), "'" + text + "' is " + describeSymbol(sym) + "; it cannot stand alone here" + usageHint(decl));
    return ERR;
  }

  private static String usageHint(Ast.Decl decl) {
    if (decl instanceof Ast.WorkloadSetDecl) {
      return " (use it as 'workload in " + decl.name().text() + "')";
    }
    if (decl instanceof Ast.TypeSetDecl || decl instanceof Ast.TypeMapDecl || decl instanceof Ast.TypeDecl) {
      return " (use it as 'via " + decl.name().text() + "')";
    }
    if (decl instanceof Ast.BandDecl) {
      return " (use it as 'within " + decl.name().text() + "')";
    }
    return "";
  }

  // ================================================================ helpers

  private TNum expectNum(T t, Span span, String where) {
    if (t instanceof TNum n) {
      return n;
    }
    if (!(t instanceof TErr)) {
      error(span, where + " needs a number or an amount; this is " + describe(t));
    }
    return null;
  }

  private T expectBool(T t, Span span, String where) {
    if (t instanceof TBool) {
      return t;
    }
    if (!(t instanceof TErr)) {
      error(span, where + " needs a condition (yes or no); this is " + describe(t));
    }
    return null;
  }

  private static String describe(T t) {
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
    return "an error";
  }

  private String describeSymbol(Object sym) {
    if (sym instanceof DeclSym d) {
      return "the " + d.decl().what() + " declared at " + d.decl().name().span().where();
    }
    if (sym instanceof ParamSym p) {
      return "a parameter of " + p.param().type().word;
    }
    return "something else";
  }

  private static Span spanOf(Object sym) {
    if (sym instanceof DeclSym d) {
      return d.decl().name().span();
    }
    return ((ParamSym) sym).param().span();
  }

  private static String didYouMean(String hint) {
    return hint == null ? "" : "; did you mean '" + hint + "'?";
  }

  private static Ir.Origin origin(Span span) {
    String name = span.file().name();
    int slash = Math.max(name.lastIndexOf('/'), name.lastIndexOf('\\'));
    return new Ir.Origin(name.substring(slash + 1), span.line());
  }

  /** Whether no syntax error touched the part of its file that holds {@code span}, so nothing there is a hole. */
  private boolean complete(Span span) {
    Ast.CriteriaFile f = parsed.get(span.file());
    return f == null || f.completeAt(span.line());
  }

  private void error(Span span, String message) {
    report(Diagnostic.error(span, message));
  }

  private void warning(Span span, String message) {
    report(Diagnostic.warning(span, message));
  }

  private void report(Diagnostic d) {
    if (reported.add(d.span().where() + "|" + d.severity() + "|" + d.message())) {
      diagnostics.add(d);
    }
  }

  // ================================================================ scopes and environments

  record DeclSym(Ast.Decl decl, Scope home) {
    @Override
    public boolean equals(Object o) {
      return this == o;
    }

    @Override
    public int hashCode() {
      return System.identityHashCode(this);
    }
  }

  /** A bound template, leaf or definition parameter: its resolved value and its text as written. */
  record ParamSym(Ast.Param param, Object value, String text) {}

  /** Names and what they stand for; a lookup that finds a declaration marks it used. */
  final class Scope {
    final Scope parent;
    final String what;
    final Map<String, Object> symbols = new LinkedHashMap<>();

    Scope(Scope parent, String what) {
      this.parent = parent;
      this.what = what;
    }

    Object lookup(String name) {
      for (Scope s = this; s != null; s = s.parent) {
        Object o = s.symbols.get(name);
        if (o instanceof DeclSym d) {
          used.add(d.decl());
        }
        if (o != null) {
          return o;
        }
      }
      return null;
    }

    Set<String> namesOf(java.util.function.Predicate<Object> filter) {
      Set<String> out = new LinkedHashSet<>();
      for (Scope s = this; s != null; s = s.parent) {
        for (Map.Entry<String, Object> e : s.symbols.entrySet()) {
          if (filter.test(e.getValue())) {
            out.add(e.getKey());
          }
        }
      }
      return out;
    }
  }

  /** What is bound where an expression is elaborated. Immutable; each with* returns a copy. */
  static final class Env {
    final Scope scope;
    final Ir.Var tenant;
    final Ir.Var workload;
    final Ir.MonthExpr month;
    final Ir.Var type;
    final Map<String, Ir.Var> locals;
    /** The node's value ({@code value}): a TNum, ERR after an error in it, or null outside 'met when'. */
    final T value;
    final boolean inNet;

    private Env(Scope scope, Ir.Var tenant, Ir.Var workload, Ir.MonthExpr month, Ir.Var type, Map<String, Ir.Var> locals, T value, boolean inNet) {
      this.scope = scope;
      this.tenant = tenant;
      this.workload = workload;
      this.month = month;
      this.type = type;
      this.locals = locals;
      this.value = value;
      this.inNet = inNet;
    }

    static Env root(Scope scope) {
      return new Env(scope, null, null, null, null, Map.of(), null, false);
    }

    Env withScope(Scope s) {
      return new Env(s, tenant, workload, month, type, locals, value, inNet);
    }

    Env withTenant(Ir.Var v) {
      return new Env(scope, v, workload, month, type, locals, value, inNet);
    }

    Env withWorkload(Ir.Var v) {
      return new Env(scope, tenant, v, month, type, locals, value, inNet);
    }

    Env withMonth(Ir.MonthExpr m) {
      return new Env(scope, tenant, workload, m, type, locals, value, inNet);
    }

    Env withType(Ir.Var v) {
      return new Env(scope, tenant, workload, month, v, locals, value, inNet);
    }

    Env withValue(T v) {
      T value = v instanceof TNum n ? new TNum(new Ir.NodeValue(n.e().scale()), n.kind()) : ERR;
      return new Env(scope, tenant, workload, month, type, locals, value, inNet);
    }

    Env inNet() {
      return new Env(scope, tenant, workload, month, type, locals, value, true);
    }

    Env withLocal(String name, Ir.Var v) {
      Map<String, Ir.Var> m = new HashMap<>(locals);
      m.put(name, v);
      return new Env(scope, tenant, workload, month, type, m, value, inNet);
    }
  }
}
