package eligo.spark;

import eligo.check.Frontend;
import eligo.codegen.Evaluators;
import eligo.data.AreaEvaluator;
import eligo.data.Dataset;
import eligo.engine.Engine;
import eligo.engine.Prebuilt;
import eligo.engine.ResultsRows;
import eligo.ir.Ir;
import java.io.Serializable;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Function;

/**
 * What every task needs, sent from the driver: the criteria texts, the evaluator classes (null when
 * the jar's prebuilt classes match the criteria; else the class files compiled on the driver, so no
 * executor needs a Java compiler), the workloads (all of them, in the order of workloads.csv), the
 * association types and the as-of month. {@link #runtime()} turns it, once per executor JVM, into
 * the program and the evaluator factories.
 */
final class Shipped implements Serializable {
  private static final long serialVersionUID = 1L;

  final LinkedHashMap<String, String> criteria;
  final String contentHash;
  final LinkedHashMap<String, byte[]> bytecode;
  final String[] workloadNames;
  final String[] workloadFamilies;
  final String[] typeNames;
  final int asOf;

  Shipped(
      Frontend.Compilation compiled,
      boolean prebuilt,
      String[] workloadNames,
      String[] workloadFamilies,
      int asOf) {
    this.criteria = new LinkedHashMap<>();
    compiled.sources().forEach(s -> criteria.put(s.name(), s.text()));
    this.contentHash = compiled.contentHash();
    this.bytecode =
        prebuilt
            ? null
            : new LinkedHashMap<>(
                Evaluators.bytecode(compiled.program(), Engine.GENERATED_PACKAGE));
    this.workloadNames = workloadNames;
    this.workloadFamilies = workloadFamilies;
    this.typeNames = compiled.program().associationTypes().toArray(new String[0]);
    this.asOf = asOf;
  }

  /** Whether the jar's prebuilt evaluators match these criteria. */
  static boolean prebuiltMatches(Frontend.Compilation compiled) {
    return Prebuilt.matches(compiled.contentHash());
  }

  /** The program and evaluators in this JVM, made once per criteria and evaluator classes. */
  static final class Runtime {
    final Ir.Program program;
    final List<Ir.Area> areas;
    final List<Function<Dataset, AreaEvaluator>> factories = new ArrayList<>();
    final ResultsRows rows;

    /** Result nodes and partner rules per area, program order. */
    final int[] nodes;

    final int[] rules;

    /** The first contribution column of each area. */
    final int[] ruleOffset;

    final int totalRules;

    Runtime(Shipped s) {
      Frontend.Compilation c = Frontend.compile(s.criteria);
      if (!c.ok()) {
        throw new IllegalStateException("the criteria shipped to this executor do not compile");
      }
      // of each area, the version in force at the as-of month (the driver checked there is one),
      // as the engine chooses it; the evaluators are those of every version, by key
      program = c.program().inForce(s.asOf);
      areas = program.areas();
      Map<String, Function<Dataset, AreaEvaluator>> byArea =
          s.bytecode == null
              ? Prebuilt.evaluators(c)
              : Evaluators.factories(
                  c.program(), Engine.GENERATED_PACKAGE, new ShippedClasses(s.bytecode));
      if (byArea == null) {
        throw new IllegalStateException("no prebuilt evaluators for these criteria here");
      }
      nodes = new int[areas.size()];
      rules = new int[areas.size()];
      ruleOffset = new int[areas.size()];
      int total = 0;
      for (int a = 0; a < areas.size(); a++) {
        factories.add(byArea.get(areas.get(a).key()));
        nodes[a] = areas.get(a).resultNodes().size();
        rules[a] = areas.get(a).partnerNodes().size();
        ruleOffset[a] = total;
        total += rules[a];
      }
      totalRules = total;
      rows = new ResultsRows(program);
    }
  }

  private static final Map<String, Runtime> RUNTIMES = new ConcurrentHashMap<>();

  /** This JVM's runtime for these criteria (made on first use). */
  Runtime runtime() {
    // the as-of month too: runs at two months may run two versions of an area
    String key = contentHash + (bytecode == null ? "/prebuilt" : "/shipped") + "@" + asOf;
    return RUNTIMES.computeIfAbsent(key, k -> new Runtime(this));
  }
}
