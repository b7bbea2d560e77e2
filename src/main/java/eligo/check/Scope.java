package eligo.check;

import eligo.lang.Ast;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.Map;
import java.util.Set;

/**
 * Scopes and the symbols in them: names and what they stand for (a declaration, or a bound
 * template, leaf or definition parameter), each scope inside the one around it. A lookup that finds
 * a declaration marks it used, for the never-used warnings ({@link Lints}).
 */
final class Scope {
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

  final Scope parent;
  final String what;
  final Map<String, Object> symbols = new LinkedHashMap<>();

  /** The declarations that lookups found, shared by a scope and every scope inside it. */
  private final Set<Ast.Decl> used;

  Scope(Scope parent, String what) {
    this(parent, what, parent.used);
  }

  private Scope(Scope parent, String what, Set<Ast.Decl> used) {
    this.parent = parent;
    this.what = what;
    this.used = used;
  }

  /**
   * An outermost scope: its lookups, and those of every scope inside it, add what they find to
   * {@code used}.
   */
  static Scope root(String what, Set<Ast.Decl> used) {
    return new Scope(null, what, used);
  }

  /**
   * Of an outermost scope (a file's imports): the names that files of the folder this file does not
   * import declare, each with such a file's name; and whether one of the file's imports names no
   * file.
   */
  final Map<String, String> elsewhere = new LinkedHashMap<>();

  boolean brokenImport;

  /**
   * Of an area's scope: its gates, metrics and leaves by id (without the branch), each in words
   * ("metric 'steady'"), for an unknown name that is a node's id: a rule cannot read a node.
   */
  final Map<String, String> nodes = new LinkedHashMap<>();

  /** The node {@code name} is the id of, in words, in this scope or one around it; else null. */
  String nodeNamed(String name) {
    for (Scope s = this; s != null; s = s.parent) {
      String n = s.nodes.get(name);
      if (n != null) {
        return n;
      }
    }
    return null;
  }

  /** The outermost scope around this one. */
  Scope root() {
    Scope s = this;
    while (s.parent != null) {
      s = s.parent;
    }
    return s;
  }

  /**
   * Whether an unknown {@code name} is an echo of an import that names no file: another file of the
   * folder declares it (the import error says what to fix).
   */
  boolean unknownForBrokenImport(String name) {
    Scope r = root();
    return r.brokenImport && r.elsewhere.containsKey(name);
  }

  /**
   * For an unknown {@code name} that a file of the folder declares, the words after the message
   * saying to import that file; else {@code otherwise} (the "did you mean" hint).
   */
  String unknownHint(String name, String otherwise) {
    String file = root().elsewhere.get(name);
    String node = nodeNamed(name);
    if (file == null && node != null) {
      return ": it is the id of "
          + node
          + ", and a rule cannot read a node's outcome or value (nor its own): write what both"
          + " need once as a definition ('define NAME = ...') and use it in each";
    }
    if (file == null) {
      return otherwise;
    }
    return "; it is declared in "
        + file
        + ", which this file does not import: add import \""
        + file
        + "\"";
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
