package eligo.check;

import eligo.ir.Ir;
import eligo.lang.Ast;
import eligo.lang.Diagnostic;
import eligo.lang.Diagnostics;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Checks parsed criteria files and elaborates them into the IR: resolves every name, checks types
 * (money, counts, months, sets), instantiates templates, inlines definitions and derived measures,
 * and gives every measure explicit variables. Every problem is reported, each once, in plain words;
 * a problem inside a template or definition is reported at the place it was written. The IR is
 * produced only when there is no error.
 *
 * <p>The entry point: composes the parts, each with one concern: {@link Imports} (file scopes and
 * imports), {@link Symbols} and {@link Scope} (what names stand for), {@link Templates} (areas made
 * from templates), {@link NodeElaborator} (an area's tree), {@link ExprTyper} and {@link NameTyper}
 * (expressions), {@link Lints} (warnings) and {@link Reporter} (the diagnostics).
 */
public final class Checker {
  /** The program (null when there are errors) and every diagnostic, in reading order. */
  public record Result(Ir.Program program, List<Diagnostic> diagnostics) {
    public boolean ok() {
      return program != null;
    }
  }

  private final Reporter reporter = new Reporter();
  private final Lints lints = new Lints(reporter);
  private final Symbols symbols = new Symbols(reporter, lints);
  private final ExprTyper exprs = new ExprTyper(reporter, symbols, lints);
  private final NodeElaborator nodes = new NodeElaborator(reporter, symbols, exprs, lints);
  private final Templates templates = new Templates(reporter, symbols, nodes, lints);
  private final Imports imports = new Imports(reporter, symbols);

  private Checker() {}

  /**
   * Checks {@code files} (every file of a criteria folder, each already parsed). {@code imports}
   * maps an importing file and an import path to the imported file (null when the file was not
   * found: reported here).
   */
  public static Result check(List<Ast.CriteriaFile> files, ImportResolver imports) {
    return check(files, imports, false);
  }

  /**
   * {@link #check(List, ImportResolver)}, told whether errors were found before (in the literals):
   * then nothing is reported as never used, which only an error-free program shows for sure.
   */
  static Result check(List<Ast.CriteriaFile> files, ImportResolver imports, boolean errorsBefore) {
    Checker c = new Checker();
    c.lints.errorsBefore = errorsBefore;
    Ir.Program program = c.run(files, imports);
    List<Diagnostic> out = new ArrayList<>(c.reporter.diagnostics());
    out.sort(Diagnostics.ORDER);
    return new Result(Diagnostics.hasErrors(out) ? null : program, out);
  }

  /** Finds the file an import names. */
  public interface ImportResolver {
    Ast.CriteriaFile resolve(Ast.CriteriaFile from, String path);
  }

  private Ir.Program run(List<Ast.CriteriaFile> files, ImportResolver resolver) {
    // 1. file scopes: each file's own declarations, then its imports
    Map<Ast.CriteriaFile, Scope> fileScopes = imports.fileScopes(files, resolver);
    // 2. the association type vocabulary, in file then declaration order
    List<String> vocabulary = new ArrayList<>();
    for (Ast.CriteriaFile f : files) {
      for (Ast.Decl d : f.decls()) {
        if (d instanceof Ast.TypeDecl t && !vocabulary.contains(t.typeName())) {
          vocabulary.add(t.typeName());
        }
      }
    }
    // 2b. the attributes of customers and tenants the criteria declare (at a file's top level:
    // every run reads them, whichever areas it evaluates)
    List<Ir.Attribute> attributes = new ArrayList<>();
    for (Ast.CriteriaFile f : files) {
      for (Ast.Decl d : f.decls()) {
        if (d instanceof Ast.AttributeDecl a) {
          Ir.Attribute attribute =
              new Ir.Attribute(a.tenant() ? Ir.Owner.TENANT : Ir.Owner.CUSTOMER, a.name().text());
          if (!attributes.contains(attribute)) {
            attributes.add(attribute);
          }
        }
      }
      for (Ast.Template t : f.templates()) {
        nested(t.decls());
        for (Ast.Branch b : t.branches()) {
          nested(b.decls());
        }
      }
      for (Ast.Area a : f.areas()) {
        if (a instanceof Ast.PlainArea p) {
          nested(p.decls());
          for (Ast.Branch b : p.branches()) {
            nested(b.decls());
          }
        }
      }
    }
    // 3. templates
    templates.register(files, fileScopes);
    // 4. areas
    List<Ir.Area> areas = new ArrayList<>();
    Versions versions = new Versions(reporter);
    for (Ast.CriteriaFile f : files) {
      for (Ast.Area a : f.areas()) {
        if (!versions.admit(a)) {
          continue;
        }
        Ir.Area area =
            versions.versioned(
                a,
                a instanceof Ast.PlainArea p
                    ? nodes.area(p, fileScopes.get(f))
                    : templates.area((Ast.InstanceArea) a));
        if (area != null) {
          areas.add(area);
        }
      }
    }
    // 5. warnings about the whole program
    templates.warnUnused();
    lints.nearMisses();
    lints.unusedDeclarations(files, symbols.declared, symbols.used);
    // by id, the versions of an area in order of their months
    areas.sort(
        java.util.Comparator.comparing(Ir.Area::id)
            .thenComparingInt(a -> a.version() == null ? Integer.MIN_VALUE : a.version().from()));
    return new Ir.Program(areas, vocabulary, attributes);
  }

  /** An attribute declared inside an area, branch or template: an error at the declaration. */
  private void nested(List<Ast.Decl> decls) {
    for (Ast.Decl d : decls) {
      if (d instanceof Ast.AttributeDecl a) {
        reporter.error(
            a.span(),
            "declare "
                + a.what()
                + " '"
                + a.name().text()
                + "' at the top of a file, outside areas: the data are read with it for every area");
      }
    }
  }
}
