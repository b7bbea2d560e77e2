package eligo.lang;

import java.util.ArrayList;
import java.util.List;

/**
 * A name that criteria take from the data, where it was written: a workload name, a workload
 * family, or the text of an association type. These must match the data exactly, or the rules that
 * use them silently count nothing; {@code check.DataBinding} holds them against a dataset.
 */
public record NameUse(Kind kind, String text, Span span, String attribute) {
  /** A use of a name that is not an attribute's value. */
  public NameUse(Kind kind, String text, Span span) {
    this(kind, text, span, null);
  }

  /** What the name stands for in the data. */
  public enum Kind {
    /** A workload of {@code workloads.csv}: {@code "Teams"}. */
    WORKLOAD,
    /** A family of {@code workloads.csv}: {@code family "Azure"}. */
    FAMILY,
    /** The text of a declared association type: {@code association type PAL = "PAL"}. */
    TYPE_TEXT,
    /** A column of {@code customers.csv}: {@code attribute customer segment: text}. */
    CUSTOMER_ATTRIBUTE,
    /** A column of {@code tenants.csv}: {@code attribute tenant country: text}. */
    TENANT_ATTRIBUTE,
    /**
     * A text compared with a name ({@code segment == "Enterprise"}, {@code country in ("DE")}):
     * {@code attribute} is the name, a value of that attribute when the criteria declare one so
     * named.
     */
    ATTRIBUTE_VALUE
  }

  /** Every name use of {@code file}, in the order written. */
  public static List<NameUse> of(Ast.CriteriaFile file) {
    List<NameUse> out = new ArrayList<>();
    walk(file, out);
    out.sort(
        (a, b) ->
            a.span.line() != b.span.line()
                ? Integer.compare(a.span.line(), b.span.line())
                : Integer.compare(a.span.column(), b.span.column()));
    return out;
  }

  private static void walk(Ast.CriteriaFile file, List<NameUse> out) {
    AstSearch.each(
        file,
        node -> {
          if (node instanceof Ast.WorkloadName w) {
            out.add(new NameUse(Kind.WORKLOAD, w.name(), w.span()));
          } else if (node instanceof Ast.WorkloadFamily f) {
            out.add(new NameUse(Kind.FAMILY, f.family(), f.span()));
          } else if (node instanceof Ast.TypeDecl t) {
            out.add(new NameUse(Kind.TYPE_TEXT, t.typeName(), t.typeNameSpan()));
          } else if (node instanceof Ast.Compare c) {
            values(c.left(), c.right(), out);
            values(c.right(), c.left(), out);
          } else if (node instanceof Ast.InSet i) {
            values(i.element(), i.set(), out);
          } else if (node instanceof Ast.AttributeDecl a) {
            out.add(
                new NameUse(
                    a.tenant() ? Kind.TENANT_ATTRIBUTE : Kind.CUSTOMER_ATTRIBUTE,
                    a.name().text(),
                    a.name().span()));
          }
        });
  }

  /** The texts of {@code texts} as values of the name {@code name}, when they are so written. */
  private static void values(Ast.Expr name, Ast.Expr texts, List<NameUse> out) {
    if (name instanceof Ast.NameRef n && texts instanceof Ast.TextExpr t) {
      for (String v : t.values()) {
        out.add(new NameUse(Kind.ATTRIBUTE_VALUE, v, t.span(), n.name().text()));
      }
    }
  }
}
