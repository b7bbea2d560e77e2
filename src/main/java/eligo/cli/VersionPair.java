package eligo.cli;

import eligo.data.Month;
import eligo.ir.Ir;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The two versions {@code eligo diff --version A --against B} compares: of each area with versions
 * labelled A and B (or of the one {@code --area}), A on one side and B on the other.
 */
final class VersionPair {
  private VersionPair() {}

  /** The areas compared: {@code area}, or every area that has a version of either label. */
  private static List<String> areas(Ir.Program program, String area, String a, String b) {
    if (area != null) {
      return List.of(area);
    }
    List<String> out = new ArrayList<>();
    for (Ir.Area x : program.areas()) {
      if (x.version() != null
          && (x.version().label().equals(a) || x.version().label().equals(b))
          && !out.contains(x.id())) {
        out.add(x.id());
      }
    }
    return out;
  }

  /** Why the pair cannot be compared (an area without one of the versions), or null. */
  static String refused(Ir.Program program, String area, String a, String b) {
    if (area != null && program.area(area) == null) {
      return "there is no area '"
          + area
          + "'; the areas are "
          + String.join(", ", program.areas().stream().map(Ir.Area::id).distinct().toList());
    }
    List<String> ids = areas(program, area, a, b);
    if (ids.isEmpty()) {
      return "no area has a version \"" + a + "\" or \"" + b + "\"" + known(program, null);
    }
    for (String id : ids) {
      for (String label : List.of(a, b)) {
        if (program.versions(id).stream()
            .noneMatch(v -> v.version() != null && v.version().label().equals(label))) {
          return "area '" + id + "' has no version \"" + label + "\"" + known(program, id);
        }
      }
    }
    return null;
  }

  /** Area id to label: {@code side} for each area compared. */
  static Map<String, String> labels(
      Ir.Program program, String area, String a, String b, String side) {
    Map<String, String> out = new LinkedHashMap<>();
    for (String id : areas(program, area, a, b)) {
      out.put(id, side);
    }
    return out;
  }

  /** "; its versions: "2026" (from 2024-01), ..." of area {@code id}, or of every area (null). */
  private static String known(Ir.Program program, String id) {
    List<String> out = new ArrayList<>();
    for (Ir.Area x : program.areas()) {
      if (x.version() != null && (id == null || x.id().equals(id))) {
        out.add(
            (id == null ? x.id() + " " : "")
                + "\""
                + x.version().label()
                + "\" (from "
                + Month.format(x.version().from())
                + ")");
      }
    }
    return out.isEmpty()
        ? (id == null ? "; no area of these criteria declares a version" : " (it has no versions)")
        : (id == null ? "; the versions: " : "; its versions: ") + String.join(", ", out);
  }
}
