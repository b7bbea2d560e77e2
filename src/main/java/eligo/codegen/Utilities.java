package eligo.codegen;

import com.palantir.javapoet.ArrayTypeName;
import com.palantir.javapoet.ClassName;
import com.palantir.javapoet.CodeBlock;
import com.palantir.javapoet.FieldSpec;
import com.palantir.javapoet.MethodSpec;
import com.palantir.javapoet.TypeName;
import eligo.data.Measure;
import eligo.ir.Ir;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import javax.lang.model.element.Modifier;

/**
 * Small fixed helpers for months that may be "no month" ({@link eligo.data.Month#NONE}) and for
 * loops that visit only the workloads a customer has: written into a class only when its criteria
 * need them.
 */
final class Utilities {
  private static final ClassName MEASURE = ClassName.get(Measure.class);
  private static final ClassName EXACT = ClassName.get(eligo.data.Exact.class);

  private final Names members;
  private final Map<String, MethodSpec> methods = new LinkedHashMap<>();
  private String customerWorkloads;
  private final List<String> workloadFlags = new ArrayList<>();
  private final List<String> typeFlags = new ArrayList<>();
  private final List<String[]> workloadSums = new ArrayList<>();

  Utilities(Names members) {
    this.members = members;
  }

  /** {@code measureAt(p, measure, month)}: 0 at "no month", else {@code data.measure}. */
  String measureAt() {
    return get(
        "measureAt",
        name ->
            MethodSpec.methodBuilder(name)
                .addJavadoc(
                    "The measure of pair {@code p} in {@code month}; 0 when {@code month} is no month.\n")
                .addModifiers(Modifier.PRIVATE)
                .returns(TypeName.LONG)
                .addParameter(TypeName.INT, "p")
                .addParameter(MEASURE, "measure")
                .addParameter(TypeName.INT, "month")
                .addStatement(
                    "return month == $T.NONE ? 0L : data.measure(p, measure, month)",
                    AreaWriter.MONTH));
  }

  /** {@code activeAt(p, types, month)}: false at "no month", else {@code data.active}. */
  String activeAt() {
    return get(
        "activeAt",
        name ->
            MethodSpec.methodBuilder(name)
                .addJavadoc(
                    "Whether pair {@code p} has an association of a type in {@code types} active in"
                        + " {@code month};\nfalse when {@code month} is no month.\n")
                .addModifiers(Modifier.PRIVATE)
                .returns(TypeName.BOOLEAN)
                .addParameter(TypeName.INT, "p")
                .addParameter(ArrayTypeName.of(TypeName.BOOLEAN), "types")
                .addParameter(TypeName.INT, "month")
                .addStatement(
                    "return month != $T.NONE && data.active(p, types, month)", AreaWriter.MONTH));
  }

  /** {@code activeTypeAt(p, type, month)}: false at "no month", else {@code data.activeType}. */
  String activeTypeAt() {
    return get(
        "activeTypeAt",
        name ->
            MethodSpec.methodBuilder(name)
                .addJavadoc(
                    "Whether pair {@code p} has an association of type {@code type} active in"
                        + " {@code month};\nfalse when {@code month} is no month.\n")
                .addModifiers(Modifier.PRIVATE)
                .returns(TypeName.BOOLEAN)
                .addParameter(TypeName.INT, "p")
                .addParameter(TypeName.INT, "type")
                .addParameter(TypeName.INT, "month")
                .addStatement(
                    "return month != $T.NONE && data.activeType(p, type, month)",
                    AreaWriter.MONTH));
  }

  /** {@code inMonths(month, from, to)}: false when any of them is "no month". */
  String inMonths() {
    return get(
        "inMonths",
        name ->
            MethodSpec.methodBuilder(name)
                .addJavadoc(
                    "Whether {@code from <= month <= to}; false when any of them is no month.\n")
                .addModifiers(Modifier.PRIVATE, Modifier.STATIC)
                .returns(TypeName.BOOLEAN)
                .addParameter(TypeName.INT, "month")
                .addParameter(TypeName.INT, "from")
                .addParameter(TypeName.INT, "to")
                .addStatement(
                    "return month != $T.NONE && from != $T.NONE && to != $T.NONE &&$Wfrom <= month && month <= to",
                    AreaWriter.MONTH,
                    AreaWriter.MONTH,
                    AreaWriter.MONTH));
  }

  /** {@code monthsGe(a, b)} and the like: false when either is "no month". */
  String compareMonths(Ir.CmpOp op) {
    String key =
        "months" + op.name().charAt(0) + op.name().substring(1).toLowerCase(java.util.Locale.ROOT);
    return get(
        key,
        name ->
            MethodSpec.methodBuilder(name)
                .addJavadoc("Whether {@code a $L b}; false when either is no month.\n", op.javaOp())
                .addModifiers(Modifier.PRIVATE, Modifier.STATIC)
                .returns(TypeName.BOOLEAN)
                .addParameter(TypeName.INT, "a")
                .addParameter(TypeName.INT, "b")
                .addStatement(
                    "return a != $T.NONE && b != $T.NONE && a $L b",
                    AreaWriter.MONTH,
                    AreaWriter.MONTH,
                    op.javaOp()));
  }

  /**
   * {@code growthGe(current, baseline, fraction, scale, whenZero)}: whether {@code current >=
   * baseline * (1 + fraction)} exactly; {@code whenZero} when the baseline is 0 or less.
   */
  String growth(Ir.CmpOp op) {
    String key =
        "growth" + op.name().charAt(0) + op.name().substring(1).toLowerCase(java.util.Locale.ROOT);
    return get(
        key,
        name ->
            MethodSpec.methodBuilder(name)
                .addJavadoc(
                    "Whether {@code current $L baseline * (1 + fraction)}, exactly; {@code whenZero}"
                        + " when the baseline is 0 or less.\n",
                    op.javaOp())
                .addModifiers(Modifier.PRIVATE, Modifier.STATIC)
                .returns(TypeName.BOOLEAN)
                .addParameter(TypeName.LONG, "current")
                .addParameter(TypeName.LONG, "baseline")
                .addParameter(TypeName.LONG, "fraction")
                .addParameter(TypeName.INT, "scale")
                .addParameter(TypeName.BOOLEAN, "whenZero")
                .beginControlFlow("if (baseline <= 0L)")
                .addStatement("return whenZero")
                .endControlFlow()
                .addStatement(
                    "return $T.compareGrowth(current, baseline, fraction, scale) $L 0",
                    EXACT,
                    op.javaOp()));
  }

  /**
   * {@code workloadsOf(c)}: which workloads customer {@code c}'s tenants have data for, in an array
   * field the evaluator reuses (so an evaluator serves one thread).
   */
  String workloadsOf() {
    if (customerWorkloads == null) {
      customerWorkloads = members.allocate("customerWorkloads", "customerWorkloads");
    }
    String field = customerWorkloads;
    return get(
        "workloadsOf",
        name ->
            MethodSpec.methodBuilder(name)
                .addJavadoc(
                    "Which workloads customer {@code c}'s tenants have a usage row or an association for,"
                        + " by\nworkload index. Refilled on every call into the same array: it depends on the"
                        + " customer only,\nso a call nested in a loop over it for the same customer leaves it"
                        + " as it was.\n")
                .addModifiers(Modifier.PRIVATE)
                .returns(ArrayTypeName.of(TypeName.BOOLEAN))
                .addParameter(TypeName.INT, "c")
                .addStatement("$T.fill($N, false)", Masks.ARRAYS, field)
                .beginControlFlow("for (int t = data.tenantStart(c); t < data.tenantEnd(c); t++)")
                .beginControlFlow("for (int p = data.pairStart(t); p < data.pairEnd(t); p++)")
                .addStatement("$N[data.pairWorkload(p)] = true", field)
                .endControlFlow()
                .endControlFlow()
                .addStatement("return $N", field));
  }

  /**
   * A new array field of one flag per workload, for one count of distinct workloads: each count has
   * its own, since one may run inside the loop of another.
   */
  String workloadFlags() {
    String field = members.allocate("counted" + (workloadFlags.size() + 1), "counted");
    workloadFlags.add(field);
    return field;
  }

  /**
   * A new array field of one flag per association type, for one count of distinct types: each count
   * has its own, since one may run inside the loop of another.
   */
  String typeFlags() {
    String field = members.allocate("countedTypes" + (typeFlags.size() + 1), "countedTypes");
    typeFlags.add(field);
    return field;
  }

  /**
   * Two new array fields for one aggregate per workload: {@code [flags, values]}, which workloads
   * have a value yet and their values. Each use has its own.
   */
  String[] workloadSums() {
    int n = workloadSums.size() + 1;
    String[] fields = {
      members.allocate("summed" + n, "summed"), members.allocate("sums" + n, "sums")
    };
    workloadSums.add(fields);
    return fields;
  }

  /** The fields the helpers use: the reused workload and type arrays. */
  List<FieldSpec> fields() {
    List<FieldSpec> out = new ArrayList<>();
    if (customerWorkloads != null) {
      out.add(
          FieldSpec.builder(
                  ArrayTypeName.of(TypeName.BOOLEAN),
                  customerWorkloads,
                  Modifier.PRIVATE,
                  Modifier.FINAL)
              .addJavadoc("Scratch space of {@code workloadsOf}, one flag per workload.\n")
              .build());
    }
    for (String field : workloadFlags) {
      out.add(
          FieldSpec.builder(
                  ArrayTypeName.of(TypeName.BOOLEAN), field, Modifier.PRIVATE, Modifier.FINAL)
              .addJavadoc(
                  "Scratch space of one count of distinct workloads, one flag per workload.\n")
              .build());
    }
    for (String field : typeFlags) {
      out.add(
          FieldSpec.builder(
                  ArrayTypeName.of(TypeName.BOOLEAN), field, Modifier.PRIVATE, Modifier.FINAL)
              .addJavadoc(
                  "Scratch space of one count of distinct association types, one flag per type.\n")
              .build());
    }
    for (String[] fields : workloadSums) {
      out.add(
          FieldSpec.builder(
                  ArrayTypeName.of(TypeName.BOOLEAN), fields[0], Modifier.PRIVATE, Modifier.FINAL)
              .addJavadoc(
                  "Scratch space: which workloads {@code $L} holds a value for, one flag per workload.\n",
                  fields[1])
              .build());
      out.add(
          FieldSpec.builder(
                  ArrayTypeName.of(TypeName.LONG), fields[1], Modifier.PRIVATE, Modifier.FINAL)
              .addJavadoc(
                  "Scratch space of one sum or count per workload, added up over the tenants' own pairs.\n")
              .build());
    }
    return out;
  }

  /** Constructor statements allocating {@link #fields()}. */
  CodeBlock constructorCode() {
    CodeBlock.Builder b = CodeBlock.builder();
    if (customerWorkloads != null) {
      b.addStatement("this.$N = new boolean[data.workloadCount()]", customerWorkloads);
    }
    for (String field : workloadFlags) {
      b.addStatement("this.$N = new boolean[data.workloadCount()]", field);
    }
    for (String field : typeFlags) {
      b.addStatement("this.$N = new boolean[data.typeCount()]", field);
    }
    for (String[] fields : workloadSums) {
      b.addStatement("this.$N = new boolean[data.workloadCount()]", fields[0]);
      b.addStatement("this.$N = new long[data.workloadCount()]", fields[1]);
    }
    return b.build();
  }

  private String get(String key, java.util.function.Function<String, MethodSpec.Builder> make) {
    MethodSpec existing = methods.get(key);
    if (existing != null) {
      return existing.name();
    }
    MethodSpec method = make.apply(members.allocate(key, key)).build();
    methods.put(key, method);
    return method.name();
  }

  List<MethodSpec> methods() {
    return new ArrayList<>(methods.values());
  }
}
