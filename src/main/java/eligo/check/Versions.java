package eligo.check;

import eligo.data.Month;
import eligo.ir.Ir;
import eligo.lang.Ast;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Versions of an area ({@code area azure "Azure" version "2027" from 2027-01 { ... }}): an area may
 * be written several times, once per version, each in force from its month. Holds the rules: when
 * an area is written more than once, every block names its version; no two versions of an area from
 * the same month or with the same label; each month written {@code YYYY-MM}. The order the blocks
 * are written in does not matter.
 */
final class Versions {
  private final Reporter reporter;

  /** The blocks of each area id, in reading order. */
  private final Map<String, List<Ast.Area>> blocks = new LinkedHashMap<>();

  /** The month of each version clause whose month is well formed. */
  private final Map<Ast.AreaVersion, Integer> months = new HashMap<>();

  Versions(Reporter reporter) {
    this.reporter = reporter;
  }

  /**
   * Notes block {@code a} of its area and reports what is wrong with it so far; returns whether it
   * is to be elaborated (not a second block of an area without versions, nor a version with a month
   * or label taken or malformed).
   */
  boolean admit(Ast.Area a) {
    List<Ast.Area> earlier = blocks.computeIfAbsent(a.id().text(), k -> new ArrayList<>());
    earlier.add(a);
    Ast.AreaVersion v = a.version();
    boolean ok = v == null || month(v);
    if (earlier.size() == 1) {
      return ok;
    }
    Ast.Area first = earlier.get(0);
    if (v == null || first.version() == null) {
      reporter.error(
          a.id().span(),
          "area '"
              + a.id().text()
              + "' is declared twice (also at "
              + first.span().where()
              + ")"
              + (v != null || first.version() != null
                  ? "; to keep several versions of one area, give each block a version: version"
                      + " \"2027\" from 2027-01"
                  : ""));
      return false;
    }
    for (Ast.Area e : earlier.subList(0, earlier.size() - 1)) {
      Ast.AreaVersion ev = e.version();
      if (ev == null) {
        continue;
      }
      if (ev.label().equals(v.label())) {
        reporter.error(
            v.labelSpan(),
            "area '"
                + a.id().text()
                + "' has two versions labelled \""
                + v.label()
                + "\" (also at "
                + ev.labelSpan().where()
                + ")");
        return false;
      }
      if (ok && months.get(ev) != null && months.get(ev).equals(months.get(v))) {
        reporter.error(
            v.monthSpan(),
            "area '"
                + a.id().text()
                + "' has two versions in force from "
                + v.month()
                + ": \""
                + ev.label()
                + "\" (at "
                + ev.monthSpan().where()
                + ") and \""
                + v.label()
                + "\"; give each version its own month");
        return false;
      }
    }
    return ok;
  }

  /** Reads the month of {@code v}, reporting it when it is not written YYYY-MM. */
  private boolean month(Ast.AreaVersion v) {
    int m = Month.parse(v.month());
    if (m == Month.NONE || !Month.format(m).equals(v.month())) {
      reporter.error(
          v.monthSpan(),
          "'"
              + v.month()
              + "' is not a month: write the month a version is in force from as YYYY-MM, e.g."
              + " 2027-01");
      return false;
    }
    if (v.label().isBlank()) {
      reporter.error(v.labelSpan(), "a version needs a label: version \"2027\" from " + v.month());
      return false;
    }
    months.put(v, m);
    return true;
  }

  /** {@code area} (the IR of block {@code a}) with the version {@code a} declares. */
  Ir.Area versioned(Ast.Area a, Ir.Area area) {
    Ast.AreaVersion v = a.version();
    if (v == null || area == null) {
      return area;
    }
    return area.withVersion(
        new Ir.Version(
            v.label(),
            months.get(v),
            NodeElaborator.origin(v.monthSpan()),
            v.monthSpan().column()));
  }
}
