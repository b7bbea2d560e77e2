package eligo.check;

import eligo.check.Scope.DeclSym;
import eligo.check.Scope.ParamSym;
import eligo.data.Measure;
import eligo.ir.Ir;
import eligo.lang.Ast;
import eligo.lang.Diagnostics;
import eligo.lang.Span;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Declared names and what they stand for: declaring a name in a scope (built-in names and names
 * declared twice are refused), and resolving the declarations that stand for data rather than
 * expressions, once each: association types and type sets, workload sets, rate tables and bands.
 * Measures and definitions resolve to themselves: {@link NameTyper} expands them where they are
 * used. Keeps which declarations were declared and which were looked up, for {@link Lints}.
 */
final class Symbols {
  static final Map<String, Measure> MEASURES = new LinkedHashMap<>();

  static {
    for (String name : Measure.names()) {
      MEASURES.put(name, Measure.byName(name));
    }
  }

  private static final Set<String> BUILTINS = Set.of("M", "window", "TTM");

  /**
   * What a name stands for when it could not be resolved (already reported): its uses stay quiet.
   */
  static final Object ERROR = new Object();

  /** Declarations that were declared (in areas: once per area), and those looked up. */
  final Set<Ast.Decl> declared = new LinkedHashSet<>();

  final Set<Ast.Decl> used = new HashSet<>();
  private final Set<DeclSym> resolving = new HashSet<>();
  private final Map<DeclSym, Object> resolvedDecls = new HashMap<>();
  private final Reporter reporter;
  private final Lints lints;

  Symbols(Reporter reporter, Lints lints) {
    this.reporter = reporter;
    this.lints = lints;
  }

  /** Whether {@code name} is a built-in name: a measure, M, window or TTM. */
  static boolean builtin(String name) {
    return MEASURES.containsKey(name) || BUILTINS.contains(name);
  }

  void declare(Scope s, Ast.Decl d) {
    String name = d.name().text();
    if (MEASURES.containsKey(name) || BUILTINS.contains(name)) {
      reporter.error(
          d.name().span(),
          "'" + name + "' is a built-in name; choose another name for this " + d.what());
      return;
    }
    Object prev = s.symbols.get(name);
    if (prev != null) {
      reporter.error(
          d.name().span(), "'" + name + "' is already declared at " + spanOf(prev).where());
      return;
    }
    s.symbols.put(name, new DeclSym(d, s));
    declared.add(d);
  }

  Ir.TypeSet typeSet(Ast.TypeSetExpr set, Scope scope) {
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
          reporter.error(
              item.span(),
              "'"
                  + item.text()
                  + "' depends on the workload, so it must be used alone, not in a list");
          return null;
        }
        byWorkload = m;
      } else if (sym == null) {
        if (scope.unknownForBrokenImport(item.text())) {
          return null;
        }
        String hint = Diagnostics.closest(item.text(), scope.namesOf(this::isTypeSymbol));
        reporter.unknown(
            item.span(),
            "unknown association type or type set '"
                + item.text()
                + "'"
                + scope.unknownHint(item.text(), Reporter.didYouMean(hint)),
            hint);
        return null;
      } else if (resolved != ERROR) {
        reporter.error(
            item.span(),
            "'" + item.text() + "' is " + describeSymbol(sym) + ", not an association type");
        return null;
      } else {
        return null;
      }
    }
    return byWorkload != null ? byWorkload : new Ir.FixedTypes(types);
  }

  private boolean isTypeSymbol(Object sym) {
    if (sym instanceof DeclSym d) {
      return d.decl() instanceof Ast.TypeDecl
          || d.decl() instanceof Ast.TypeSetDecl
          || d.decl() instanceof Ast.TypeMapDecl;
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

  Ir.WorkloadSet workloadSetOfNames(Ast.TypeSetExpr names, Scope scope) {
    List<Ast.WorkloadTerm> terms = new ArrayList<>();
    for (Ast.Name n : names.items()) {
      terms.add(new Ast.WorkloadRef(n));
    }
    return workloadSet(new Ast.WorkloadSetExpr(terms, List.of(), names.span()), scope);
  }

  Ir.WorkloadSet workloadSet(Ast.WorkloadSetExpr set, Scope scope) {
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
        lints.workloadNames.put(n.span(), n.name());
        if (names.contains(n.name())) {
          reporter.warning(n.span(), "workload \"" + n.name() + "\" is listed twice");
        }
        add(names, n.name());
      } else if (t instanceof Ast.WorkloadFamily f) {
        lints.familyNames.put(f.span(), f.family());
        add(families, f.family());
      } else {
        Ast.Name ref = ((Ast.WorkloadRef) t).name();
        Object sym = scope.lookup(ref.text());
        Object resolved = resolveSymbol(sym);
        if (resolved instanceof Ir.WorkloadSet ws) {
          parts.add(ws);
        } else if (sym == null && scope.unknownForBrokenImport(ref.text())) {
          failed = true;
        } else if (sym == null) {
          String hint = Diagnostics.closest(ref.text(), scope.namesOf(this::isWorkloadSymbol));
          reporter.unknown(
              ref.span(),
              "unknown workload set '"
                  + ref.text()
                  + "'"
                  + scope.unknownHint(
                      ref.text(),
                      Reporter.didYouMean(hint)
                          + (hint == null ? " (a workload's own name is written in quotes)" : "")),
              hint);
          failed = true;
        } else if (resolved != ERROR) {
          reporter.error(
              ref.span(),
              "'" + ref.text() + "' is " + describeSymbol(sym) + ", not a set of workloads");
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

  List<Ast.BandBound> band(Ast.BandExpr band) {
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
          reporter.error(
              band.span(),
              "this band can never hold: no number is "
                  + a.op().symbol
                  + " "
                  + a.limit().text()
                  + " and "
                  + b.op().symbol
                  + " "
                  + b.limit().text());
        }
      }
    }
    return band.bounds();
  }

  /**
   * What a declared name stands for once resolved: a type name (String), an Ir.TypeSet, an
   * Ir.WorkloadSet, an Ir.RateTable, a band (List of bounds), or the symbol itself for measures and
   * definitions (elaborated where used); ERROR when it could not be resolved (reported).
   */
  Object resolveSymbol(Object sym) {
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
      reporter.error(
          d.decl().name().span(), "'" + d.decl().name().text() + "' is defined in terms of itself");
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
          reporter.error(
              c.types().span(),
              "a case of a by-workload type set lists association types, not another by-workload set");
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
        reporter.error(l.span(), "a rate table holds plain numbers; leave out the $");
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
      reporter.warning(
          t.name().span(),
          "table '" + t.name().text() + "' has no 'otherwise': workloads it does not list get 0");
    }
    long otherwise = t.otherwise() == null ? 0 : unscaled(t.otherwise().value(), scale);
    return new Ir.RateTable(t.name().text(), cases, otherwise, scale);
  }

  private static long unscaled(BigDecimal v, int scale) {
    BigDecimal s = v.setScale(scale);
    // a value too large was reported where it stands (Literals); the program has errors
    return Literals.fits(s) ? s.unscaledValue().longValueExact() : 0;
  }

  String describeSymbol(Object sym) {
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
}
