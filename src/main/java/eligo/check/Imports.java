package eligo.check;

import eligo.lang.Ast;
import eligo.lang.Diagnostics;
import java.util.ArrayList;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;

/**
 * File scopes and imports: each file's own declarations in a scope of the file, and what the files
 * it imports declare in a scope around it (its own declarations come first). Reports an import that
 * names no file of the folder, and a file that imports itself.
 */
final class Imports {
  private final Reporter reporter;
  private final Symbols symbols;

  Imports(Reporter reporter, Symbols symbols) {
    this.reporter = reporter;
    this.symbols = symbols;
  }

  /**
   * The scope of each file, by the file itself (identity: a file's record hash would walk its whole
   * syntax tree at every look-up).
   */
  Map<Ast.CriteriaFile, Scope> fileScopes(
      List<Ast.CriteriaFile> files, Checker.ImportResolver imports) {
    // 1. each file's own declarations
    // A file's scope sees its own declarations, then those of the files it imports (step 2).
    Map<Ast.CriteriaFile, Scope> own = new IdentityHashMap<>();
    Map<Ast.CriteriaFile, Scope> importsOf = new IdentityHashMap<>();
    for (Ast.CriteriaFile f : files) {
      reporter.parsed(f);
      Scope importsScope = Scope.root("imports of " + f.source().name(), symbols.used);
      importsOf.put(f, importsScope);
      Scope s = new Scope(importsScope, "file " + f.source().name());
      for (Ast.Decl d : f.decls()) {
        symbols.declare(s, d);
      }
      own.put(f, s);
    }
    // 2. file scopes see their imports
    Map<Ast.CriteriaFile, Scope> fileScopes = new IdentityHashMap<>();
    for (Ast.CriteriaFile f : files) {
      Scope importsScope = importsOf.get(f);
      for (Ast.Import imp : f.imports()) {
        Ast.CriteriaFile target = imports.resolve(f, imp.path());
        if (target == null) {
          importsScope.brokenImport = true;
          List<String> nextTo = new ArrayList<>();
          for (Ast.CriteriaFile other : files) {
            if (other != f && folder(other).equals(folder(f))) {
              nextTo.add(fileName(other));
            }
          }
          String closest = Diagnostics.closest(imp.path(), nextTo);
          String message =
              "cannot find the imported file '"
                  + imp.path()
                  + "' next to "
                  + f.source().name()
                  + Reporter.didYouMean(closest);
          if (closest == null) {
            reporter.error(imp.span(), message);
          } else {
            // the quick fix writes the file's name as the quoted text the import holds
            reporter.error(imp.span(), message, quoted(closest));
          }
          continue;
        }
        if (target == f) {
          reporter.error(imp.span(), "a file cannot import itself");
          continue;
        }
        for (Map.Entry<String, Object> e : own.get(target).symbols.entrySet()) {
          importsScope.symbols.putIfAbsent(e.getKey(), e.getValue());
        }
      }
      fileScopes.put(f, own.get(f));
    }
    // 3. what the files of the folder that a file does not import declare, for its unknown names
    for (Ast.CriteriaFile f : files) {
      Scope importsScope = importsOf.get(f);
      for (Ast.CriteriaFile other : files) {
        if (other == f || !folder(other).equals(folder(f))) {
          continue;
        }
        for (String name : own.get(other).symbols.keySet()) {
          if (!own.get(f).symbols.containsKey(name) && !importsScope.symbols.containsKey(name)) {
            importsScope.elsewhere.putIfAbsent(name, fileName(other));
          }
        }
      }
    }
    return fileScopes;
  }

  /** A file name as a criteria text: in quotes, a quote or backslash escaped. */
  private static String quoted(String name) {
    return "\"" + name.replace("\\", "\\\\").replace("\"", "\\\"") + "\"";
  }

  /** The folder part of a file's display name ("" when none). */
  private static String folder(Ast.CriteriaFile f) {
    String name = f.source().name();
    int slash = name.lastIndexOf('/');
    return slash < 0 ? "" : name.substring(0, slash);
  }

  /** A file's display name without its folder. */
  private static String fileName(Ast.CriteriaFile f) {
    String name = f.source().name();
    return name.substring(name.lastIndexOf('/') + 1);
  }
}
