package eligo.editor;

import eligo.lang.Ast;
import eligo.lang.CriteriaParsing;
import eligo.lang.SourceFile;
import eligo.lang.Span;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The names a criteria file can use and where each is declared: the file's declarations and those
 * of the files it imports, templates and their parameters, areas, branches and definitions with
 * their parameters, each scope with the range of text it covers. Answers "what does this word at
 * this place name?" the way the checker resolves it (innermost scope first), and "what is in scope
 * here?" for completion.
 */
final class Scopes {
  /** A declared name: what it is, where, the whole declaration's range, and its file. */
  record Entry(String name, String what, Span span, TextRange extent, SourceTokens file) {
    Path path() {
      return Path.of(file.source().name());
    }
  }

  /** Names declared for a range of one file. */
  private record Scope(SourceFile file, TextRange extent, List<Entry> entries) {}

  /** An import: the range of its string and the file it names. */
  record ImportRef(TextRange range, Path target) {}

  private final Workspace workspace;
  private final SourceTokens main;
  private final Ast.CriteriaFile ast;
  private final List<Scope> scopes = new ArrayList<>();
  private final List<ImportRef> imports = new ArrayList<>();

  /** Top-level entries of the imported files, in import order. */
  private final List<Entry> imported = new ArrayList<>();

  private final Map<String, Ast.Template> templates = new LinkedHashMap<>();

  /** The file of each imported template (a template without an entry is the main file's). */
  private final Map<Ast.Template, SourceTokens> templateFiles = new LinkedHashMap<>();

  private Scopes(Workspace workspace, SourceFile source) {
    this.workspace = workspace;
    this.main = new SourceTokens(source);
    this.ast = CriteriaParsing.parse(source).file();
  }

  /** The scopes of a criteria file, its open text overriding the disk. */
  static Scopes of(Workspace workspace, Path file) {
    Scopes s = new Scopes(workspace, workspace.source(file));
    s.build(Workspace.normal(file));
    return s;
  }

  Ast.CriteriaFile ast() {
    return ast;
  }

  SourceTokens tokens() {
    return main;
  }

  List<ImportRef> imports() {
    return imports;
  }

  private void build(Path file) {
    Set<Path> seen = new HashSet<>();
    seen.add(file);
    for (Ast.Import i : ast.imports()) {
      Path target = file.resolveSibling(i.path()).normalize();
      imports.add(new ImportRef(TextRange.of(i.span()), target));
      importFile(target, seen);
    }
    List<Entry> top = new ArrayList<>();
    addDecls(main, ast.decls(), top);
    for (Ast.Template t : ast.templates()) {
      templates.put(t.name().text(), t);
      top.add(entry(main, t.name(), "template"));
    }
    for (Ast.Area a : ast.areas()) {
      top.add(entry(main, a.id(), "area"));
    }
    top.addAll(imported);
    SourceFile src = main.source();
    scopes.add(new Scope(src, new TextRange(1, 1, src.lineCount() + 1, 1), top));
    for (Ast.Template t : ast.templates()) {
      List<Entry> inner = new ArrayList<>();
      for (Ast.Param p : t.params()) {
        inner.add(
            new Entry(
                p.name().text(),
                (p.leaf() ? "leaf parameter" : "parameter") + " (" + p.type().word + ")",
                p.name().span(),
                TextRange.of(p.span()),
                main));
      }
      addDecls(main, t.decls(), inner);
      scopes.add(new Scope(src, main.statement(t.name().span()), inner));
      addBranches(t.branches());
    }
    for (Ast.Area a : ast.areas()) {
      if (a instanceof Ast.PlainArea p) {
        List<Entry> inner = new ArrayList<>();
        addDecls(main, p.decls(), inner);
        scopes.add(new Scope(src, main.statement(p.id().span()), inner));
        addBranches(p.branches());
      } else if (a instanceof Ast.InstanceArea i && templates.containsKey(i.template().text())) {
        Ast.Template t = templates.get(i.template().text());
        SourceTokens owner = ownerOf(t);
        List<Entry> params = new ArrayList<>();
        for (Ast.Param p : t.params()) {
          params.add(
              new Entry(
                  p.name().text(),
                  (p.leaf() ? "leaf parameter" : "parameter") + " of template " + t.name().text(),
                  p.name().span(),
                  TextRange.of(p.span()),
                  owner));
        }
        scopes.add(new Scope(src, main.statement(i.id().span()), params));
      }
    }
  }

  private SourceTokens ownerOf(Ast.Template t) {
    return templateFiles.getOrDefault(t, main);
  }

  private void importFile(Path target, Set<Path> seen) {
    if (!seen.add(target)) {
      return;
    }
    String text = workspace.text(target);
    if (text == null) {
      return;
    }
    SourceFile src = new SourceFile(Workspace.display(target), text);
    Ast.CriteriaFile f = CriteriaParsing.parse(src).file();
    SourceTokens tokens = new SourceTokens(src);
    addDecls(tokens, f.decls(), imported);
    for (Ast.Template t : f.templates()) {
      templates.putIfAbsent(t.name().text(), t);
      templateFiles.put(t, tokens);
      imported.add(entry(tokens, t.name(), "template"));
    }
    for (Ast.Import i : f.imports()) {
      importFile(target.resolveSibling(i.path()).normalize(), seen);
    }
  }

  private void addBranches(List<Ast.Branch> branches) {
    for (Ast.Branch b : branches) {
      if (b.id() != null && !b.decls().isEmpty()) {
        List<Entry> inner = new ArrayList<>();
        addDecls(main, b.decls(), inner);
        scopes.add(new Scope(main.source(), main.statement(b.id().span()), inner));
      }
    }
  }

  private void addDecls(SourceTokens file, List<Ast.Decl> decls, List<Entry> out) {
    for (Ast.Decl d : decls) {
      out.add(entry(file, d.name(), d.what()));
      if (d instanceof Ast.DefineDecl def && !def.params().isEmpty() && file == main) {
        List<Entry> params = new ArrayList<>();
        for (Ast.Param p : def.params()) {
          params.add(
              new Entry(
                  p.name().text(),
                  "parameter (" + p.type().word + ") of " + def.name().text(),
                  p.name().span(),
                  TextRange.of(p.span()),
                  main));
        }
        scopes.add(new Scope(main.source(), main.statement(def.name().span()), params));
      }
    }
  }

  private static Entry entry(SourceTokens file, Ast.Name name, String what) {
    return new Entry(name.text(), what, name.span(), file.statement(name.span()), file);
  }

  /** Names in scope at a place, innermost first, each name once. */
  List<Entry> visible(int line, int column) {
    Map<String, Entry> out = new LinkedHashMap<>();
    scopes.stream()
        .filter(s -> s.extent().contains(line, column))
        .sorted(Comparator.comparingInt(s -> s.extent().size()))
        .forEach(s -> s.entries().forEach(e -> out.putIfAbsent(e.name(), e)));
    return List.copyOf(out.values());
  }

  /** What {@code word} names at a place, or null (a built-in, a keyword, an unknown name). */
  Entry resolve(String word, int line, int column) {
    for (Entry e : visible(line, column)) {
      if (e.name().equals(word)) {
        return e;
      }
    }
    return null;
  }
}
