package eligo.report;

import eligo.ir.Ir;

/** The labels of nodes for people, as every view shows them. */
public final class NodeLabels {
  private NodeLabels() {}

  /**
   * A node's label: its branch title (when the area has several), its parent metric's title (for a
   * leaf) and its own title: {@code Performance · Net customer adds}, {@code Deployments › CPOR}.
   */
  public static String of(Ir.Area area, Ir.Node node) {
    for (Ir.Branch b : area.branches()) {
      String branch = b.id().isEmpty() ? "" : b.title() + " · ";
      for (Ir.Node n : b.nodes()) {
        if (n == node) {
          return branch + n.title();
        }
        for (Ir.Node leaf : n.leaves()) {
          if (leaf == node) {
            return branch + n.title() + " › " + leaf.title();
          }
        }
      }
    }
    return node.title();
  }
}
