package eligo.engine;

import eligo.data.Month;
import eligo.ir.Ir;
import java.util.List;
import java.util.Map;

/**
 * Why a program has no version in force for a month, in words: the areas with no version in force
 * then, and the version labels asked for that an area does not have, each at its criteria line.
 */
final class VersionsInForce {
  private VersionsInForce() {}

  /** What {@link Eligo#inForce(Ir.Program, int, Map)} refuses, in words; null when nothing. */
  static String refusal(Ir.Program program, int asOf, Map<String, String> labels) {
    List<String> out = new java.util.ArrayList<>();
    for (String id : labels.keySet()) {
      if (program.area(id) == null) {
        out.add("there is no area '" + id + "'");
      }
    }
    for (Ir.Area first : program.missing(asOf, labels)) {
      List<Ir.Area> versions = program.versions(first.id());
      if (labels.containsKey(first.id())) {
        out.add(
            (first.version() == null ? first.origin().toString() : first.version().where())
                + ": area '"
                + first.id()
                + "' has no version \""
                + labels.get(first.id())
                + "\""
                + (first.version() == null
                    ? " (it declares no versions)"
                    : "; its versions: "
                        + String.join(
                            ", ",
                            versions.stream()
                                .map(
                                    v ->
                                        "\""
                                            + v.version().label()
                                            + "\" (from "
                                            + Month.format(v.version().from())
                                            + ")")
                                .toList())));
      } else {
        out.add(
            first.version().where()
                + ": area '"
                + first.id()
                + "' has no version in force at "
                + Month.format(asOf)
                + ": its first version, \""
                + first.version().label()
                + "\", is in force from "
                + Month.format(first.version().from())
                + "; run as of a later month, or give the area a version from an earlier one");
      }
    }
    return out.isEmpty() ? null : String.join("\n", out);
  }
}
