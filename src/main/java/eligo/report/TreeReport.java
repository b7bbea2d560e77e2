package eligo.report;

import eligo.data.NodeResults;
import eligo.engine.Outcome;
import eligo.ir.Ir;
import java.util.ArrayList;
import java.util.List;

/**
 * An area's condition sequence tree (branches, gates, metrics, leaves, with their criteria text) as
 * indented text, Mermaid or Graphviz DOT; with a run's outcome, each result node is annotated with
 * how many customers are met, not met or not evaluated there (one vocabulary, {@link Words#MET}).
 */
public final class TreeReport {
  private TreeReport() {}

  /** Met / not met / not evaluated counts of a result node; null without a run. */
  static int[] counts(Outcome outcome, Ir.Area area, Ir.Node node) {
    if (outcome == null) {
      return null;
    }
    Outcome.AreaOutcome a = outcome.area(area.id());
    int i = a.nodes.indexOf(node);
    int[] counts = new int[3];
    for (int c = 0; c < outcome.data.customerCount(); c++) {
      byte s = a.status(c, i);
      counts[s == NodeResults.MET ? 0 : s == NodeResults.NOT_MET ? 1 : 2]++;
    }
    return counts;
  }

  static String countText(int[] counts) {
    return counts == null
        ? ""
        : Words.MET
            + " "
            + counts[0]
            + ", "
            + Words.NOT_MET
            + " "
            + counts[1]
            + ", "
            + Words.NOT_EVALUATED
            + " "
            + counts[2];
  }

  /** The schema of {@link #json}. */
  public static final String TREE_SCHEMA = "eligo-tree/1";

  /**
   * The tree as JSON: the area, its branches, each branch's nodes in order (gates, then metrics)
   * with their kind, title, criteria, partner-level criteria, leaves and, with a run, their {@code
   * met}, {@code not_met} and {@code not_evaluated} counts.
   */
  public static String json(Ir.Area area, Outcome outcome) {
    var mapper = new com.fasterxml.jackson.databind.ObjectMapper();
    var root = mapper.createObjectNode();
    root.put("schema", TREE_SCHEMA);
    root.put("area", area.id());
    root.put("title", area.title());
    if (area.version() != null) {
      root.put("version", area.version().label());
      root.put("versionFrom", Formats.month(area.version().from()));
    }
    var branches = root.putArray("branches");
    for (Ir.Branch b : area.branches()) {
      var branch = branches.addObject();
      branch.put("id", b.id());
      branch.put("title", b.title());
      var nodes = branch.putArray("nodes");
      for (Ir.Node n : b.nodes()) {
        jsonNode(nodes.addObject(), area, n, outcome);
      }
    }
    try {
      return mapper.writerWithDefaultPrettyPrinter().writeValueAsString(root) + "\n";
    } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
      throw new IllegalStateException(e);
    }
  }

  private static void jsonNode(
      com.fasterxml.jackson.databind.node.ObjectNode out,
      Ir.Area area,
      Ir.Node n,
      Outcome outcome) {
    out.put("id", n.id());
    out.put("kind", Explainer.kind(n));
    out.put("title", n.title());
    out.put("criteria", n.criteria());
    if (n.partner() != null) {
      out.put("partnerCriteria", n.partner().criteria());
    }
    if (n.leaves().isEmpty() && outcome != null) {
      int[] counts = counts(outcome, area, n);
      var c = out.putObject("counts");
      c.put("met", counts[0]);
      c.put("not_met", counts[1]);
      c.put("not_evaluated", counts[2]);
    }
    if (!n.leaves().isEmpty()) {
      var leaves = out.putArray("leaves");
      for (Ir.Node leaf : n.leaves()) {
        jsonNode(leaves.addObject(), area, leaf, outcome);
      }
    }
  }

  /** One line per branch and node, indented by depth. */
  public static String text(Ir.Area area, Outcome outcome) {
    StringBuilder out = new StringBuilder();
    out.append("area ").append(area.id()).append(": ").append(area.heading()).append('\n');
    for (Ir.Branch b : area.branches()) {
      String indent = "  ";
      if (!b.id().isEmpty()) {
        out.append(indent)
            .append("branch ")
            .append(b.id())
            .append(": ")
            .append(b.title())
            .append('\n');
        indent = "    ";
      }
      for (Ir.Node n : b.nodes()) {
        line(out, indent, area, n, outcome);
        for (Ir.Node leaf : n.leaves()) {
          line(out, indent + "  ", area, leaf, outcome);
        }
      }
    }
    return out.toString();
  }

  private static void line(
      StringBuilder out, String indent, Ir.Area area, Ir.Node n, Outcome outcome) {
    out.append(indent)
        .append(Explainer.kind(n))
        .append(' ')
        .append(n.id())
        .append(": ")
        .append(n.title());
    if (!n.criteria().isEmpty()) {
      out.append(" — ").append(n.criteria());
    }
    if (n.leaves().isEmpty() && outcome != null) {
      out.append(" [").append(countText(counts(outcome, area, n))).append(']');
    }
    out.append('\n');
    if (n.partner() != null) {
      out.append(indent).append("  partner level: ").append(n.partner().criteria()).append('\n');
    }
  }

  /** An edge of the drawn tree: from, to, and a label (empty for none). */
  private record Edge(int from, int to, String label) {}

  /** The drawn tree: node labels (lines) and edges; node 0 is the area. */
  private record Drawing(List<List<String>> labels, List<Edge> edges) {}

  /**
   * Area, branches, then per branch the gates in a chain and the metrics after the last gate,
   * leaves under their metric.
   */
  private static Drawing draw(Ir.Area area, Outcome outcome) {
    List<List<String>> labels = new ArrayList<>();
    List<Edge> edges = new ArrayList<>();
    labels.add(List.of(area.heading()));
    for (Ir.Branch b : area.branches()) {
      int parent = 0;
      if (!b.id().isEmpty()) {
        labels.add(List.of("branch: " + b.title()));
        edges.add(new Edge(0, labels.size() - 1, ""));
        parent = labels.size() - 1;
      }
      int lastGate = parent;
      for (Ir.Node n : b.nodes()) {
        labels.add(nodeLabel(area, n, outcome));
        int id = labels.size() - 1;
        edges.add(new Edge(lastGate, id, lastGate == parent ? "" : "met"));
        if (n.kind() == Ir.NodeKind.GATE) {
          lastGate = id;
        }
        for (Ir.Node leaf : n.leaves()) {
          labels.add(nodeLabel(area, leaf, outcome));
          edges.add(new Edge(id, labels.size() - 1, ""));
        }
      }
    }
    return new Drawing(labels, edges);
  }

  private static List<String> nodeLabel(Ir.Area area, Ir.Node n, Outcome outcome) {
    List<String> lines = new ArrayList<>();
    lines.add(Explainer.kind(n) + ": " + n.title());
    if (!n.criteria().isEmpty()) {
      lines.add(n.criteria());
    }
    if (n.partner() != null) {
      lines.add("partner level: " + n.partner().criteria());
    }
    if (n.leaves().isEmpty() && outcome != null) {
      lines.add(countText(counts(outcome, area, n)));
    }
    return lines;
  }

  /**
   * A Mermaid flowchart; label text is written with Mermaid's entity codes, so no text can break
   * out of its label.
   */
  public static String mermaid(Ir.Area area, Outcome outcome) {
    Drawing d = draw(area, outcome);
    StringBuilder out = new StringBuilder("flowchart TD\n");
    for (int i = 0; i < d.labels().size(); i++) {
      List<String> escaped = new ArrayList<>();
      for (String line : d.labels().get(i)) {
        escaped.add(mermaidText(line));
      }
      out.append("  n")
          .append(i)
          .append("[\"")
          .append(String.join("<br/>", escaped))
          .append("\"]\n");
    }
    for (Edge e : d.edges()) {
      out.append("  n")
          .append(e.from())
          .append(e.label().isEmpty() ? " --> " : " -->|" + e.label() + "| ")
          .append('n')
          .append(e.to())
          .append('\n');
    }
    return out.toString();
  }

  private static String mermaidText(String s) {
    StringBuilder out = new StringBuilder();
    s.codePoints()
        .forEach(
            cp -> {
              if (cp == '#' || cp == '"' || cp == '<' || cp == '>' || cp == '&' || cp == '|'
                  || cp == '[' || cp == ']' || cp == '{' || cp == '}' || cp == '`' || cp < 0x20) {
                out.append('#').append(cp).append(';');
              } else {
                out.appendCodePoint(cp);
              }
            });
    return out.toString();
  }

  /** A Graphviz digraph. */
  public static String dot(Ir.Area area, Outcome outcome) {
    Drawing d = draw(area, outcome);
    StringBuilder out = new StringBuilder("digraph ").append(dotText(area.id())).append(" {\n");
    out.append("  rankdir=TB;\n  node [shape=box, fontname=\"Helvetica\"];\n");
    for (int i = 0; i < d.labels().size(); i++) {
      List<String> escaped = new ArrayList<>();
      for (String line : d.labels().get(i)) {
        escaped.add(dotText(line));
      }
      String label =
          String.join("\\n", escaped.stream().map(x -> x.substring(1, x.length() - 1)).toList());
      out.append("  n").append(i).append(" [label=\"").append(label).append("\"];\n");
    }
    for (Edge e : d.edges()) {
      out.append("  n").append(e.from()).append(" -> n").append(e.to());
      out.append(e.label().isEmpty() ? "" : " [label=" + dotText(e.label()) + "]").append(";\n");
    }
    return out.append("}\n").toString();
  }

  /** A DOT string literal: quotes and backslashes escaped, line breaks as spaces. */
  private static String dotText(String s) {
    return '"'
        + s.replace("\\", "\\\\").replace("\"", "\\\"").replace('\n', ' ').replace('\r', ' ')
        + '"';
  }
}
