package eligo.codegen;

import com.palantir.javapoet.ArrayTypeName;
import com.palantir.javapoet.ClassName;
import com.palantir.javapoet.CodeBlock;
import com.palantir.javapoet.FieldSpec;
import com.palantir.javapoet.ParameterizedTypeName;
import com.palantir.javapoet.TypeName;
import eligo.ir.Ir;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import javax.lang.model.element.Modifier;

/**
 * The per-dataset tables an evaluator precomputes in its constructor: workload masks, type masks,
 * per-workload type masks and per-workload rates. Each distinct set or table gets one field,
 * registered on first use (so the field order follows the criteria).
 */
final class Masks {
  static final ClassName LIST = ClassName.get(List.class);
  static final ClassName ARRAYS = ClassName.get(java.util.Arrays.class);
  static final ClassName SET = ClassName.get(java.util.Set.class);
  private static final TypeName BOOLEANS = ArrayTypeName.of(TypeName.BOOLEAN);
  private static final TypeName BOOLEANS_BY_WORKLOAD = ArrayTypeName.of(BOOLEANS);
  private static final TypeName LONGS = ArrayTypeName.of(TypeName.LONG);

  private final Names members;
  private final Map<Ir.WorkloadSet, String> workloadSets = new LinkedHashMap<>();
  private final Map<List<String>, String> typeLists = new LinkedHashMap<>();
  private final Map<Ir.TypesByWorkload, String> byWorkload = new LinkedHashMap<>();
  private final Map<Ir.RateTable, String> rateTables = new LinkedHashMap<>();
  private final Map<List<Object>, String> attributes = new LinkedHashMap<>();
  private final List<FieldSpec> fields = new ArrayList<>();

  /**
   * The constant of each list of workload or family names a test reads with {@code contains}
   * ({@link #anyEquals}), and those constants' fields: made as the tests are, at the latest when
   * the fields are asked for.
   */
  private final Map<List<String>, String> nameSets = new LinkedHashMap<>();

  private final List<FieldSpec> constants = new ArrayList<>();
  private boolean fieldsTaken;
  private String allTypes;

  /**
   * Lists of names at least this long are tested with a set's {@code contains} (one hash lookup per
   * workload) rather than a chain of {@code equals}: a site per partner makes 6 evaluators for each
   * of 3,000 partners, and the chains were 2 % of its work.
   */
  static final int SET_FROM = 3;

  Masks(Names members) {
    this.members = members;
  }

  /** The mask field of a workload set; null for every workload (no mask needed). */
  String workloads(Ir.WorkloadSet set) {
    if (set instanceof Ir.AllWorkloads) {
      return null;
    }
    String name = workloadSets.get(set);
    if (name == null) {
      name = members.allocate("workloads" + (workloadSets.size() + 1), "workloads");
      workloadSets.put(set, name);
      fields.add(field(BOOLEANS, name, "Workloads: " + describe(set) + "."));
    }
    return name;
  }

  /**
   * The field of an attribute test: for each customer (or tenant), whether the attribute is one of
   * the values (the test's own negation is left to the caller).
   */
  String attribute(Ir.AttributeIn test) {
    List<Object> key = List.of(test.attribute(), test.values());
    String name = attributes.get(key);
    if (name == null) {
      String whose = test.attribute().owner() == Ir.Owner.CUSTOMER ? "customers" : "tenants";
      name = members.allocate(whose + "In" + (attributes.size() + 1), whose + "In");
      attributes.put(key, name);
      fields.add(
          field(
              BOOLEANS,
              name,
              "By "
                  + test.attribute().owner().word
                  + ": whether its attribute \""
                  + test.attribute().column()
                  + "\" is one of "
                  + quoted(test.values())
                  + "."));
    }
    return name;
  }

  /** The mask field of a fixed list of association types. */
  String types(List<String> types) {
    String name = typeLists.get(types);
    if (name == null) {
      name = members.allocate("types" + (typeLists.size() + 1), "types");
      typeLists.put(List.copyOf(types), name);
      fields.add(field(BOOLEANS, name, "Association types: " + quoted(types) + "."));
    }
    return name;
  }

  /** A mask of every association type. */
  String allTypes() {
    if (allTypes == null) {
      allTypes = members.allocate("allTypes", "allTypes");
      fields.add(field(BOOLEANS, allTypes, "Every association type."));
    }
    return allTypes;
  }

  /** The type mask of a type set as read for workload {@code workload} (a local name). */
  CodeBlock typeRow(Ir.TypeSet set, String workload) {
    if (set instanceof Ir.FixedTypes fixed) {
      return CodeBlock.of("$N", types(fixed.types()));
    }
    Ir.TypesByWorkload by = (Ir.TypesByWorkload) set;
    String name = byWorkload.get(by);
    if (name == null) {
      for (Ir.TypeCase c : by.cases()) {
        types(c.types());
        workloadTest(c.when()); // validates
      }
      types(by.otherwise());
      name = members.allocate("typesByWorkload" + (byWorkload.size() + 1), "typesByWorkload");
      byWorkload.put(by, name);
      fields.add(
          field(
              BOOLEANS_BY_WORKLOAD,
              name,
              "Association types by workload, [workload][type]: " + describe(by) + "."));
    }
    return CodeBlock.of("$N[$N]", name, workload);
  }

  /** The per-workload rate field of a rate table (unscaled at the table's scale). */
  String rates(Ir.RateTable table) {
    String name = rateTables.get(table);
    if (name == null) {
      name = members.allocate("rates" + (rateTables.size() + 1), "rates");
      rateTables.put(table, name);
      fields.add(
          field(
              LONGS,
              name,
              "Rates of table "
                  + table.name()
                  + " by workload, unscaled at scale "
                  + table.scale()
                  + ": "
                  + describe(table)
                  + "."));
    }
    return name;
  }

  List<FieldSpec> fields() {
    nameConstants();
    fieldsTaken = true;
    List<FieldSpec> all = new ArrayList<>(constants);
    all.addAll(fields);
    return List.copyOf(all);
  }

  /** Makes the constants of the name lists that the constructor's tests read. */
  private void nameConstants() {
    for (Ir.WorkloadSet set : workloadSets.keySet()) {
      workloadTest(set);
    }
    for (Ir.TypesByWorkload by : byWorkload.keySet()) {
      for (Ir.TypeCase c : by.cases()) {
        workloadTest(c.when());
      }
    }
    for (Ir.RateTable table : rateTables.keySet()) {
      for (Ir.RateCase c : table.cases()) {
        workloadTest(c.when());
      }
    }
  }

  /** Constructor statements filling every registered field from {@code data}. */
  CodeBlock constructorCode() {
    nameConstants();
    CodeBlock.Builder b = CodeBlock.builder();
    for (Map.Entry<List<String>, String> e : typeLists.entrySet()) {
      b.addStatement("this.$N = data.typeMask($L)", e.getValue(), listOf(e.getKey()));
    }
    if (allTypes != null) {
      b.addStatement("this.$N = new boolean[data.typeCount()]", allTypes);
      b.addStatement("$T.fill($N, true)", ARRAYS, allTypes);
    }
    for (Map.Entry<List<Object>, String> e : attributes.entrySet()) {
      Ir.Attribute attribute = (Ir.Attribute) e.getKey().get(0);
      @SuppressWarnings("unchecked")
      List<String> values = (List<String>) e.getKey().get(1);
      b.addStatement(
          "this.$N = data.$N($L, $L)",
          e.getValue(),
          attribute.owner() == Ir.Owner.CUSTOMER ? "customerAttributeMask" : "tenantAttributeMask",
          JavaExpr.stringLiteral(attribute.column()),
          listOf(values));
    }
    if (workloadSets.isEmpty() && byWorkload.isEmpty() && rateTables.isEmpty()) {
      return b.build();
    }
    b.addStatement("int workloadCount = data.workloadCount()");
    for (String name : workloadSets.values()) {
      b.addStatement("this.$N = new boolean[workloadCount]", name);
    }
    for (String name : byWorkload.values()) {
      b.addStatement("this.$N = new boolean[workloadCount][]", name);
    }
    for (String name : rateTables.values()) {
      b.addStatement("this.$N = new long[workloadCount]", name);
    }
    b.beginControlFlow("for (int w = 0; w < workloadCount; w++)");
    b.addStatement("String name = data.workloadName(w)");
    b.addStatement("String family = data.workloadFamily(w)");
    for (Map.Entry<Ir.WorkloadSet, String> e : workloadSets.entrySet()) {
      b.addStatement("$N[w] = $L", e.getValue(), workloadTest(e.getKey()).code());
    }
    for (Map.Entry<Ir.TypesByWorkload, String> e : byWorkload.entrySet()) {
      List<CodeBlock> tests = new ArrayList<>();
      List<CodeBlock> values = new ArrayList<>();
      for (Ir.TypeCase c : e.getKey().cases()) {
        tests.add(workloadTest(c.when()).code());
        values.add(CodeBlock.of("$N", types(c.types())));
      }
      firstMatch(b, e.getValue(), tests, values, CodeBlock.of("$N", types(e.getKey().otherwise())));
    }
    for (Map.Entry<Ir.RateTable, String> e : rateTables.entrySet()) {
      List<CodeBlock> tests = new ArrayList<>();
      List<CodeBlock> values = new ArrayList<>();
      for (Ir.RateCase c : e.getKey().cases()) {
        tests.add(workloadTest(c.when()).code());
        values.add(JavaExpr.longLiteral(c.unscaled()).code());
      }
      firstMatch(
          b, e.getValue(), tests, values, JavaExpr.longLiteral(e.getKey().otherwise()).code());
    }
    b.endControlFlow();
    return b.build();
  }

  /** {@code field[w] = } the value of the first case whose test holds, else {@code otherwise}. */
  private static void firstMatch(
      CodeBlock.Builder b,
      String field,
      List<CodeBlock> tests,
      List<CodeBlock> values,
      CodeBlock otherwise) {
    if (tests.isEmpty()) {
      b.addStatement("$N[w] = $L", field, otherwise);
      return;
    }
    for (int i = 0; i < tests.size(); i++) {
      if (i == 0) {
        b.beginControlFlow("if ($L)", tests.get(i));
      } else {
        b.nextControlFlow("else if ($L)", tests.get(i));
      }
      b.addStatement("$N[w] = $L", field, values.get(i));
    }
    b.nextControlFlow("else");
    b.addStatement("$N[w] = $L", field, otherwise);
    b.endControlFlow();
  }

  /**
   * Whether workload {@code w} is in the set, as a boolean expression over the constructor's locals
   * {@code name} and {@code family}. Every name is a {@code $S} literal.
   */
  JavaExpr workloadTest(Ir.WorkloadSet set) {
    if (set instanceof Ir.AllWorkloads) {
      return JavaExpr.atom(CodeBlock.of("true"));
    }
    if (set instanceof Ir.Names names) {
      return anyEquals("name", names.names());
    }
    if (set instanceof Ir.Families families) {
      return anyEquals("family", families.families());
    }
    if (set instanceof Ir.Union union) {
      if (union.parts().isEmpty()) {
        return JavaExpr.atom(CodeBlock.of("false"));
      }
      List<CodeBlock> parts = new ArrayList<>();
      for (Ir.WorkloadSet part : union.parts()) {
        parts.add(workloadTest(part).operandOfOr());
      }
      return parts.size() == 1
          ? workloadTest(union.parts().get(0))
          : new JavaExpr(CodeBlock.join(parts, " ||$W"), JavaExpr.OR);
    }
    if (set instanceof Ir.Except except) {
      CodeBlock base = workloadTest(except.base()).operand(JavaExpr.AND);
      CodeBlock minus = workloadTest(except.minus()).operand(JavaExpr.UNARY);
      return new JavaExpr(CodeBlock.of("$L &&$W!$L", base, minus), JavaExpr.AND);
    }
    throw new IllegalArgumentException("unknown workload set: " + set);
  }

  private JavaExpr anyEquals(String local, List<String> texts) {
    if (texts.isEmpty()) {
      return JavaExpr.atom(CodeBlock.of("false"));
    }
    List<String> distinct = List.copyOf(new LinkedHashSet<>(texts));
    if (distinct.size() >= SET_FROM) {
      return JavaExpr.atom(CodeBlock.of("$N.contains($N)", nameSet(local, distinct), local));
    }
    List<CodeBlock> parts = new ArrayList<>();
    for (String text : texts) {
      parts.add(CodeBlock.of("$N.equals($L)", local, JavaExpr.stringLiteral(text)));
    }
    return parts.size() == 1
        ? JavaExpr.atom(parts.get(0))
        : new JavaExpr(CodeBlock.join(parts, " ||$W"), JavaExpr.OR);
  }

  /** The constant set of {@code names}, of workload names ({@code local} "name") or families. */
  private String nameSet(String local, List<String> names) {
    List<String> key = new ArrayList<>(names);
    key.add(0, local); // a workload's name and a family of the same words are not one set
    String name = nameSets.get(key);
    if (name == null) {
      if (fieldsTaken) {
        throw new IllegalStateException("a set of names made after the fields were taken");
      }
      boolean workloads = local.equals("name");
      int k = 1;
      for (List<String> known : nameSets.keySet()) {
        k += known.get(0).equals(local) ? 1 : 0;
      }
      name = members.allocate((workloads ? "WORKLOAD_NAMES_" : "FAMILIES_") + k, "NAMES_");
      nameSets.put(List.copyOf(key), name);
      CodeBlock.Builder args = CodeBlock.builder();
      for (int i = 0; i < names.size(); i++) {
        args.add(i == 0 ? "$L" : ",$W$L", JavaExpr.stringLiteral(names.get(i)));
      }
      constants.add(
          FieldSpec.builder(
                  ParameterizedTypeName.get(SET, ClassName.get(String.class)),
                  name,
                  Modifier.PRIVATE,
                  Modifier.STATIC,
                  Modifier.FINAL)
              .addJavadoc(
                  "$L\n",
                  workloads
                      ? "The workload names a test of the constructor looks each workload's name up in."
                      : "The families a test of the constructor looks each workload's family up in.")
              .initializer("$T.of($L)", SET, args.build())
              .build());
    }
    return name;
  }

  static CodeBlock listOf(List<String> texts) {
    List<CodeBlock> args = new ArrayList<>();
    for (String text : texts) {
      args.add(JavaExpr.stringLiteral(text));
    }
    return CodeBlock.of("$T.of($L)", LIST, CodeBlock.join(args, ", "));
  }

  private static FieldSpec field(TypeName type, String name, String doc) {
    return FieldSpec.builder(type, name, Modifier.PRIVATE, Modifier.FINAL)
        .addJavadoc("$L\n", CommentText.wrapped(doc, 90))
        .build();
  }

  // ---- descriptions for Javadoc (escaped by the caller through CommentText)

  static String describe(Ir.WorkloadSet set) {
    if (set instanceof Ir.AllWorkloads) {
      return "every workload";
    }
    if (set instanceof Ir.Names names) {
      return names.names().isEmpty() ? "no workload" : quoted(names.names());
    }
    if (set instanceof Ir.Families families) {
      return families.families().isEmpty()
          ? "no workload"
          : (families.families().size() == 1 ? "family " : "families ")
              + quoted(families.families());
    }
    if (set instanceof Ir.Union union) {
      return union.parts().isEmpty()
          ? "no workload"
          : union.parts().stream()
              .map(Masks::describe)
              .collect(Collectors.joining(" or ", "(", ")"));
    }
    Ir.Except except = (Ir.Except) set;
    return describe(except.base()) + " except " + describe(except.minus());
  }

  private static String describe(Ir.TypesByWorkload by) {
    StringBuilder b = new StringBuilder();
    for (Ir.TypeCase c : by.cases()) {
      b.append("for ")
          .append(describe(c.when()))
          .append(": ")
          .append(quoted(c.types()))
          .append("; ");
    }
    return b.append("otherwise ").append(quoted(by.otherwise())).toString();
  }

  private static String describe(Ir.RateTable table) {
    StringBuilder b = new StringBuilder();
    for (Ir.RateCase c : table.cases()) {
      b.append(describe(c.when())).append(": ").append(c.unscaled()).append("; ");
    }
    return b.append("otherwise ").append(table.otherwise()).toString();
  }

  static String quoted(List<String> texts) {
    return texts.isEmpty()
        ? "none"
        : texts.stream().map(t -> "\"" + t + "\"").collect(Collectors.joining(", "));
  }
}
