package eligo.check;

import eligo.lang.Ast;
import eligo.lang.AstSearch;
import eligo.lang.Diagnostic;
import java.util.ArrayList;
import java.util.List;

/**
 * An item a node body has once, written twice ({@code met when} twice in one metric): an error at
 * the second, naming the first. The builder keeps the last one written, so without this the first
 * was dropped without a word, and the node ran on a rule its author did not see as its own.
 */
final class RepeatedItems {
  private RepeatedItems() {}

  /** The errors of the repeated items of {@code file}, in the order written. */
  static List<Diagnostic> check(Ast.CriteriaFile file) {
    List<Diagnostic> out = new ArrayList<>();
    AstSearch.each(
        file,
        node -> {
          if (node instanceof Ast.NodeBody body) {
            for (Ast.Repeat r : body.repeats()) {
              out.add(Diagnostic.error(r.at(), message(r)));
            }
          }
        });
    out.sort(
        (a, b) ->
            a.span().line() != b.span().line()
                ? Integer.compare(a.span().line(), b.span().line())
                : Integer.compare(a.span().column(), b.span().column()));
    return out;
  }

  static String message(Ast.Repeat r) {
    String fix =
        switch (r.item()) {
          case "met when" -> "keep one, or join the two conditions with 'and'";
          case "each leaf" -> "write every item of the leaves in one 'each leaf' block";
          case "partner" -> "write the partner rule in one 'partner' block";
          default -> "keep one";
        };
    return "this "
        + r.owner()
        + " has '"
        + r.item()
        + "' twice (the first at line "
        + r.first().line()
        + "), and the second would replace the first: "
        + fix;
  }
}
