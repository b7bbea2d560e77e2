package eligo.ir;

import eligo.data.Measure;
import java.util.ArrayList;
import java.util.List;

/**
 * The condition sequence tree: the one hand-off from the front end to every back end (Java
 * generation, interpreter, renderers). Everything here is resolved, typed and expanded: templates
 * are instantiated, definitions inlined, names resolved to workload/type names, every measure reads
 * explicit variables. Immutable records only.
 *
 * <p>Numbers are exact decimals held as a {@code long} unscaled value with a static scale ({@link
 * Expr#scale()}): money measures have scale 2, counts scale 0, {@code 0.2} scale 1, a product adds
 * scales, a sum takes the larger. Months are {@link eligo.data.Month} ints.
 *
 * <p>Longer than most classes (about 850 lines) on purpose: it is the whole IR in one place, the
 * sealed hierarchies with every record beside its traversal ({@link Expr#children()}, {@link
 * Expr#accept}), so that a new kind of expression is written, and its walks fixed, in one file.
 */
public final class Ir {
  private Ir() {}

  /**
   * A whole compiled criteria folder. An area with versions ({@link Area#version()}) is here once
   * per version, in order of their months; {@link #inForce} chooses, for a run, the version of each
   * area in force at the as-of month. {@code chosen}: this program holds one version of each area,
   * already chosen for a run (so {@link #inForce} gives it as it is). {@code attributes}: the
   * columns of customers.csv and tenants.csv the criteria declare.
   */
  public record Program(
      List<Area> areas, List<String> associationTypes, List<Attribute> attributes, boolean chosen) {
    public Program {
      areas = List.copyOf(areas);
      associationTypes = List.copyOf(associationTypes);
      attributes = List.copyOf(attributes);
    }

    /** A program whose criteria declare no attribute. */
    public Program(List<Area> areas, List<String> associationTypes) {
      this(areas, associationTypes, List.of());
    }

    /** A program as compiled: chosen unless some area declares a version. */
    public Program(List<Area> areas, List<String> associationTypes, List<Attribute> attributes) {
      this(areas, associationTypes, attributes, areas.stream().allMatch(a -> a.version() == null));
    }

    /** The columns of {@code owner}'s file that the criteria declare, in declaration order. */
    public List<String> attributeColumns(Owner owner) {
      List<String> out = new ArrayList<>();
      for (Attribute a : attributes) {
        if (a.owner() == owner && !out.contains(a.column())) {
          out.add(a.column());
        }
      }
      return List.copyOf(out);
    }

    /** The area {@code id} (of an area with versions: its first version), or null. */
    public Area area(String id) {
      for (Area a : areas) {
        if (a.id().equals(id)) {
          return a;
        }
      }
      return null;
    }

    /** Every version of area {@code id}, in order of their months (one, null version: none). */
    public List<Area> versions(String id) {
      return areas.stream().filter(a -> a.id().equals(id)).toList();
    }

    /** Whether some area of this program declares a version. */
    public boolean versioned() {
      return areas.stream().anyMatch(a -> a.version() != null);
    }

    /**
     * The program run at month {@code month}: of each area the version in force then (the one with
     * the latest month not after {@code month}), or, for an area in {@code labels} (area id to
     * version label), the version so labelled. An area with no such version is left out: {@link
     * #missing} names them.
     */
    public Program inForce(int month, java.util.Map<String, String> labels) {
      if (chosen && labels.isEmpty()) {
        return this;
      }
      List<Area> out = new ArrayList<>();
      for (Area a : areas) {
        if (a == chosen(a.id(), month, labels)) { // one of the versions of the areas above
          out.add(a);
        }
      }
      return new Program(out, associationTypes, attributes, true);
    }

    /** {@link #inForce(int, java.util.Map)} with no version named. */
    public Program inForce(int month) {
      return inForce(month, java.util.Map.of());
    }

    /**
     * The areas that {@link #inForce(int, java.util.Map)} leaves out, by id in program order: for
     * each, its first version (none is in force at {@code month}, or none has the label asked).
     */
    public List<Area> missing(int month, java.util.Map<String, String> labels) {
      List<Area> out = new ArrayList<>();
      if (chosen && labels.isEmpty()) {
        return out; // inForce gives it as it is
      }
      for (Area a : areas) {
        if (out.stream().noneMatch(o -> o.id().equals(a.id()))
            && chosen(a.id(), month, labels) == null) {
          out.add(a);
        }
      }
      return out;
    }

    private Area chosen(String id, int month, java.util.Map<String, String> labels) {
      Area best = null;
      for (Area a : versions(id)) {
        if (labels.containsKey(id)) {
          if (a.version() != null && a.version().label().equals(labels.get(id))) {
            return a;
          }
        } else if (a.version() == null) {
          return a;
        } else if (a.version().from() <= month
            && (best == null || a.version().from() > best.version().from())) {
          best = a;
        }
      }
      return best;
    }
  }

  /**
   * Where a construct was written: criteria file (as given, e.g. {@code azure.criteria}) and line.
   */
  public record Origin(String file, int line) {
    @Override
    public String toString() {
      return file + ":" + line;
    }
  }

  /**
   * A solution area: an ordered list of branches; {@code version} when its criteria say which
   * version of the area this is (else null).
   */
  public record Area(
      String id, String title, Origin origin, List<Branch> branches, Version version) {
    public Area {
      branches = List.copyOf(branches);
    }

    public Area(String id, String title, Origin origin, List<Branch> branches) {
      this(id, title, origin, branches, null);
    }

    /** This area as version {@code v}. */
    public Area withVersion(Version v) {
      return new Area(id, title, origin, branches, v);
    }

    /**
     * What tells this version from the area's others: the area id, and {@code @YYYY-MM} for a
     * version ({@code azure@2027-01}); evaluators are found by it.
     */
    public String key() {
      return version == null ? id : id + "@" + eligo.data.Month.format(version.from());
    }

    /**
     * The area's title as views show it: with the version when it has one ({@code Azure, version
     * 2027, in force from 2027-01}).
     */
    public String heading() {
      return version == null ? title : title + ", " + version.words();
    }

    /**
     * The nodes that carry a status and a value, in evaluation and result order: per branch its
     * gates, then its metrics (a metric with leaves contributes its leaves instead of itself).
     * Index {@code i} here is index {@code i} of {@link eligo.data.NodeResults}.
     */
    public List<Node> resultNodes() {
      List<Node> out = new ArrayList<>();
      for (Branch b : branches) {
        for (Node n : b.nodes()) {
          if (n.leaves().isEmpty()) {
            out.add(n);
          } else {
            out.addAll(n.leaves());
          }
        }
      }
      return out;
    }

    /** The result nodes that have a partner rule, in result order. */
    public List<Node> partnerNodes() {
      List<Node> out = new ArrayList<>();
      for (Node n : resultNodes()) {
        if (n.partner() != null) {
          out.add(n);
        }
      }
      return out;
    }
  }

  /**
   * {@code version "2027" from 2027-01}: the label, the month it is in force from, where the clause
   * was written (file, line, and the column of its month).
   */
  public record Version(String label, int from, Origin origin, int column) {
    /** {@code version 2027, in force from 2027-01}. */
    public String words() {
      return "version " + label + ", in force from " + eligo.data.Month.format(from);
    }

    /** {@code azure.criteria:3:30}: where its month is written. */
    public String where() {
      return origin + ":" + column;
    }
  }

  /**
   * A branch: gates first, then metrics, in order. {@code id} is empty for an area's only branch.
   */
  public record Branch(String id, String title, Origin origin, List<Node> nodes) {
    public Branch {
      nodes = List.copyOf(nodes);
    }
  }

  public enum NodeKind {
    GATE,
    METRIC,
    LEAF
  }

  public enum Detail {
    TENANT,
    WORKLOAD
  }

  /**
   * The unit of money ({@link ValueKind#MONEY}): a node or partner rule of money has it, but for a
   * derived measure of money ({@code measure half_acr = acr * 0.5}), whose unit is its own name.
   */
  public static final String MONEY_UNIT = "USD";

  /** What a value counts or measures, for people: drives formatting in reports. */
  public enum ValueKind {
    MONEY,
    COUNT,
    QUANTITY,
    NUMBER
  }

  /**
   * A gate, a metric or a leaf. {@code id} is the full, stable node id of results files (branch and
   * metric prefixes included: {@code performance.workloads}, {@code deployments.cpor}). A metric
   * with leaves has no value or condition of its own ({@code value} and {@code met} null).
   */
  public record Node(
      String id,
      NodeKind kind,
      String title,
      String criteria,
      Origin origin,
      List<Detail> details,
      Expr value,
      ValueKind valueKind,
      String unit,
      Expr met,
      PartnerRule partner,
      List<Node> leaves) {
    public Node {
      details = List.copyOf(details);
      leaves = List.copyOf(leaves);
    }

    /** The value's scale (decimal places of the unscaled long). */
    public int scale() {
      return value.scale();
    }

    /** Whether the value is a {@link Net}: a count or amount at M minus the same at M-12. */
    public boolean isNet() {
      return value instanceof Net;
    }
  }

  /**
   * A partner-level rule of a node: the partner's value is the sum, over the partner's customers
   * for which the node was evaluated, of {@code perCustomer} (which may read the customer's node
   * value through {@link NodeValue}); the partner meets it when {@code met} holds ({@link
   * NodeValue} there is the partner's value).
   */
  public record PartnerRule(
      String criteria,
      Origin origin,
      Expr perCustomer,
      ValueKind valueKind,
      String unit,
      Expr met) {
    public int scale() {
      return perCustomer.scale();
    }
  }

  // ---------------------------------------------------------------- attributes

  /** Whose attribute: a column of customers.csv or of tenants.csv. */
  public enum Owner {
    CUSTOMER("customer", "customers.csv"),
    TENANT("tenant", "tenants.csv");

    public final String word;
    public final String file;

    Owner(String word, String file) {
      this.word = word;
      this.file = file;
    }
  }

  /**
   * An attribute the criteria declare ({@code attribute customer segment: text}): the extra column
   * {@code column} of the owner's file, text compared exactly as written.
   */
  public record Attribute(Owner owner, String column) {}

  // ---------------------------------------------------------------- variables and sets

  public enum Dim {
    TENANT,
    WORKLOAD,
    MONTH,
    TYPE
  }

  /** A bound variable. Ids are unique within one node's expressions. */
  public record Var(int id, Dim dim, String name) {}

  /** A set of workloads, decided per workload by name or family. */
  public sealed interface WorkloadSet permits Names, Families, Union, Except, AllWorkloads {}

  public record Names(List<String> names) implements WorkloadSet {
    public Names {
      names = List.copyOf(names);
    }
  }

  public record Families(List<String> families) implements WorkloadSet {
    public Families {
      families = List.copyOf(families);
    }
  }

  public record Union(List<WorkloadSet> parts) implements WorkloadSet {
    public Union {
      parts = List.copyOf(parts);
    }
  }

  public record Except(WorkloadSet base, WorkloadSet minus) implements WorkloadSet {}

  public record AllWorkloads() implements WorkloadSet {}

  /**
   * Which association types count. Either a fixed list of type names, or one that depends on the
   * workload: the first case whose workload set holds the workload decides, else {@code otherwise}
   * (empty when absent).
   */
  public sealed interface TypeSet permits FixedTypes, TypesByWorkload {}

  public record FixedTypes(List<String> types) implements TypeSet {
    public FixedTypes {
      types = List.copyOf(types);
    }
  }

  public record TypeCase(WorkloadSet when, List<String> types) {
    public TypeCase {
      types = List.copyOf(types);
    }
  }

  public record TypesByWorkload(List<TypeCase> cases, List<String> otherwise) implements TypeSet {
    public TypesByWorkload {
      cases = List.copyOf(cases);
      otherwise = List.copyOf(otherwise);
    }
  }

  /** A lookup table by workload: first matching case, else {@code otherwise}. */
  public record RateCase(WorkloadSet when, long unscaled) {}

  public record RateTable(String name, List<RateCase> cases, long otherwise, int scale) {
    public RateTable {
      cases = List.copyOf(cases);
    }
  }

  // ---------------------------------------------------------------- months

  /** A month-valued expression. */
  public sealed interface MonthExpr permits AsOf, MonthVar, EarliestStart {}

  /** The as-of month M plus {@code offset} (inside {@link Net}, M is shifted for the baseline). */
  public record AsOf(int offset) implements MonthExpr {}

  /** A bound month variable plus {@code offset}. */
  public record MonthVar(Var var, int offset) implements MonthExpr {}

  /**
   * The earliest start month of the associations of (tenant, workload) whose type is in {@code
   * types}, ended ones included; "no month" when there is none (then every comparison with it is
   * false and measures at it are 0).
   */
  public record EarliestStart(Var tenant, Var workload, TypeSet types) implements MonthExpr {}

  /** Months {@code from .. to}, both included. */
  public record MonthRange(MonthExpr from, MonthExpr to) {}

  // ---------------------------------------------------------------- binders

  /** What an aggregate ranges over. */
  public sealed interface Binder permits ForTenant, ForWorkload, ForMonth, ForType {
    Var var();
  }

  /** The customer's tenants. */
  public record ForTenant(Var var) implements Binder {}

  /** Every workload of the dataset in {@code set}. */
  public record ForWorkload(Var var, WorkloadSet set) implements Binder {}

  public record ForMonth(Var var, MonthRange range) implements Binder {}

  /** Every association type of the vocabulary in {@code types} (all of them when null). */
  public record ForType(Var var, List<String> types) implements Binder {}

  // ---------------------------------------------------------------- expressions

  public enum Type {
    BOOL,
    NUM
  }

  public sealed interface Expr
      permits Const,
          MeasureAt,
          Rate,
          Arith,
          Neg,
          If,
          Quantified,
          Net,
          NodeValue,
          Compare,
          Growth,
          AtLeast,
          Points,
          CompareMonths,
          InMonths,
          And,
          Or,
          Not,
          Associated,
          AttributeIn {
    Type type();

    /** Decimal places of a NUM expression; 0 for BOOL. */
    int scale();

    /**
     * The direct sub-expressions, in the order of the record's fields ({@code where} before a sum's
     * {@code body}); an absent (null) one is left out. Month expressions, binders and sets are not
     * expressions and are not included. This is the one list every walk of the IR uses.
     */
    List<Expr> children();

    /** Calls the method of {@code v} for this record's kind with {@code p}. */
    <R, P> R accept(Visitor<R, P> v, P p);
  }

  /** An aggregate or quantifier: an expression that ranges over the bindings of its binders. */
  public sealed interface Quantified extends Expr permits Sum, Reduce, Count, Exists, ForAll {
    /** What it ranges over, nested in order (first outermost). */
    List<Binder> binders();

    /** The condition a binding must satisfy; null when every binding counts. */
    Expr where();
  }

  /**
   * One method per expression record, called by {@link Expr#accept} with the record and a parameter
   * of type {@code P} (a scope, a context; {@code Void} when none): a walk that dispatches on every
   * kind of expression implements it, so a new record is a compile error in each such walk instead
   * of a silent fall-through.
   *
   * @param <R> what a visit returns
   * @param <P> what a visit is given besides the expression
   */
  public interface Visitor<R, P> {
    R visit(Const e, P p);

    R visit(MeasureAt e, P p);

    R visit(Rate e, P p);

    R visit(Arith e, P p);

    R visit(Neg e, P p);

    R visit(If e, P p);

    R visit(Sum e, P p);

    R visit(Reduce e, P p);

    R visit(Count e, P p);

    R visit(Net e, P p);

    R visit(NodeValue e, P p);

    R visit(Compare e, P p);

    R visit(Growth e, P p);

    R visit(AtLeast e, P p);

    R visit(Points e, P p);

    R visit(CompareMonths e, P p);

    R visit(InMonths e, P p);

    R visit(And e, P p);

    R visit(Or e, P p);

    R visit(Not e, P p);

    R visit(Exists e, P p);

    R visit(ForAll e, P p);

    R visit(Associated e, P p);

    R visit(AttributeIn e, P p);
  }

  /** The expressions given, nulls left out. */
  private static List<Expr> present(Expr... es) {
    List<Expr> out = new ArrayList<>(es.length);
    for (Expr e : es) {
      if (e != null) {
        out.add(e);
      }
    }
    return List.copyOf(out);
  }

  public record Const(long unscaled, int scale) implements Expr {
    public Type type() {
      return Type.NUM;
    }

    @Override
    public List<Expr> children() {
      return List.of();
    }

    @Override
    public <R, P> R accept(Visitor<R, P> v, P p) {
      return v.visit(this, p);
    }
  }

  /**
   * A measure of (tenant, workload) in a month: cents for money, counts otherwise; 0 when no row.
   */
  public record MeasureAt(Measure measure, Var tenant, Var workload, MonthExpr month)
      implements Expr {
    public Type type() {
      return Type.NUM;
    }

    public int scale() {
      return measure.scale();
    }

    @Override
    public List<Expr> children() {
      return List.of();
    }

    @Override
    public <R, P> R accept(Visitor<R, P> v, P p) {
      return v.visit(this, p);
    }
  }

  /** The rate of a table for a workload. */
  public record Rate(RateTable table, Var workload) implements Expr {
    public Type type() {
      return Type.NUM;
    }

    public int scale() {
      return table.scale();
    }

    @Override
    public List<Expr> children() {
      return List.of();
    }

    @Override
    public <R, P> R accept(Visitor<R, P> v, P p) {
      return v.visit(this, p);
    }
  }

  public enum ArithOp {
    ADD,
    SUB,
    MUL
  }

  /**
   * Exact arithmetic; ADD/SUB align scales to the larger, MUL adds them. Overflow is an error. The
   * scale is worked out once, when made: a definition used twice is one shared object, so a walk
   * that asked the operands each time would cost the expansion, not the text.
   */
  public record Arith(ArithOp op, Expr left, Expr right, int scale) implements Expr {
    public Arith(ArithOp op, Expr left, Expr right) {
      this(
          op,
          left,
          right,
          op == ArithOp.MUL ? left.scale() + right.scale() : Math.max(left.scale(), right.scale()));
    }

    public Type type() {
      return Type.NUM;
    }

    @Override
    public List<Expr> children() {
      return present(left, right);
    }

    @Override
    public <R, P> R accept(Visitor<R, P> v, P p) {
      return v.visit(this, p);
    }
  }

  public record Neg(Expr operand) implements Expr {
    public Type type() {
      return Type.NUM;
    }

    public int scale() {
      return operand.scale();
    }

    @Override
    public List<Expr> children() {
      return present(operand);
    }

    @Override
    public <R, P> R accept(Visitor<R, P> v, P p) {
      return v.visit(this, p);
    }
  }

  /** {@code cond ? then : otherwise} (both NUM); used for attribution ("acr via PAL"). */
  public record If(Expr cond, Expr then, Expr otherwise, int scale) implements Expr {
    /** The scale is worked out once, when made (see {@link Arith}). */
    public If(Expr cond, Expr then, Expr otherwise) {
      this(cond, then, otherwise, Math.max(then.scale(), otherwise.scale()));
    }

    public Type type() {
      return Type.NUM;
    }

    @Override
    public List<Expr> children() {
      return present(cond, then, otherwise);
    }

    @Override
    public <R, P> R accept(Visitor<R, P> v, P p) {
      return v.visit(this, p);
    }
  }

  /**
   * Sum of {@code body} over every binding of the binders (nested in order) where {@code where}
   * holds (null: always).
   */
  public record Sum(List<Binder> binders, Expr where, Expr body) implements Quantified {
    public Sum {
      binders = List.copyOf(binders);
    }

    public Type type() {
      return Type.NUM;
    }

    public int scale() {
      return body.scale();
    }

    @Override
    public List<Expr> children() {
      return present(where, body);
    }

    @Override
    public <R, P> R accept(Visitor<R, P> v, P p) {
      return v.visit(this, p);
    }
  }

  /** What a {@link Reduce} makes of the terms of its bindings. */
  public enum ReduceOp {
    /**
     * Their sum divided by their number, rounded half-even at the term's scale ({@code $0.005} to
     * the even cent): {@link eligo.data.Exact#divideHalfEven}.
     */
    AVERAGE,
    MINIMUM,
    MAXIMUM
  }

  /**
   * The average, minimum or maximum of {@code body} over every binding of the binders (nested in
   * order) where {@code where} holds (null: always), at the body's scale. Over no binding at all it
   * is 0, as a sum over none is.
   */
  public record Reduce(ReduceOp op, List<Binder> binders, Expr where, Expr body)
      implements Quantified {
    public Reduce {
      binders = List.copyOf(binders);
    }

    public Type type() {
      return Type.NUM;
    }

    public int scale() {
      return body.scale();
    }

    @Override
    public List<Expr> children() {
      return present(where, body);
    }

    @Override
    public <R, P> R accept(Visitor<R, P> v, P p) {
      return v.visit(this, p);
    }
  }

  /** Number of distinct bindings of the binders where {@code where} holds (null: always). */
  public record Count(List<Binder> binders, Expr where) implements Quantified {
    public Count {
      binders = List.copyOf(binders);
    }

    public Type type() {
      return Type.NUM;
    }

    public int scale() {
      return 0;
    }

    @Override
    public List<Expr> children() {
      return present(where);
    }

    @Override
    public <R, P> R accept(Visitor<R, P> v, P p) {
      return v.visit(this, p);
    }
  }

  /** {@code body} at as-of M minus {@code body} at M-12 (every {@link AsOf} in body shifts). */
  public record Net(Expr body) implements Expr {
    public Type type() {
      return Type.NUM;
    }

    public int scale() {
      return body.scale();
    }

    @Override
    public List<Expr> children() {
      return present(body);
    }

    @Override
    public <R, P> R accept(Visitor<R, P> v, P p) {
      return v.visit(this, p);
    }
  }

  /**
   * The value of the node being judged: in a node's {@code met}, its own value; in a partner rule's
   * {@code perCustomer}, the customer's node value; in a partner rule's {@code met}, the partner's
   * value.
   */
  public record NodeValue(int scale) implements Expr {
    public Type type() {
      return Type.NUM;
    }

    @Override
    public List<Expr> children() {
      return List.of();
    }

    @Override
    public <R, P> R accept(Visitor<R, P> v, P p) {
      return v.visit(this, p);
    }
  }

  /**
   * A comparison operator: what it means ({@link #test}), for every back end, and how Java writes
   * it ({@link #javaOp}).
   */
  public enum CmpOp {
    GE(">="),
    GT(">"),
    LE("<="),
    LT("<"),
    EQ("=="),
    NE("!=");

    /** How the IR printer writes it; the same text as the Java operator. */
    public final String symbol;

    CmpOp(String symbol) {
      this.symbol = symbol;
    }

    /** Whether {@code a <op> b}. */
    public boolean test(long a, long b) {
      return test(Long.compare(a, b));
    }

    /**
     * Whether {@code a <op> b}, given how {@code a} compares with {@code b}: negative, zero or
     * positive, as {@link Long#compare} says.
     */
    public boolean test(int compareResult) {
      switch (this) {
        case GE:
          return compareResult >= 0;
        case GT:
          return compareResult > 0;
        case LE:
          return compareResult <= 0;
        case LT:
          return compareResult < 0;
        case EQ:
          return compareResult == 0;
        case NE:
          return compareResult != 0;
        default:
          throw new IllegalStateException("unknown comparison " + this);
      }
    }

    /** This operator with its sides swapped: {@code 2 < x} is {@code x > 2}. */
    public CmpOp flipped() {
      return switch (this) {
        case GE -> LE;
        case LE -> GE;
        case GT -> LT;
        case LT -> GT;
        default -> this;
      };
    }

    /** The Java operator: {@code >=}, {@code >}, {@code <=}, {@code <}, {@code ==}, {@code !=}. */
    public String javaOp() {
      return symbol;
    }

    /** Whether it is {@code ==} or {@code !=}: in Java, of lower precedence than the others. */
    public boolean isEquality() {
      return this == EQ || this == NE;
    }

    /** Whether it holds for a large enough left side ({@code >=}, {@code >}): a lower bound. */
    public boolean isLowerBound() {
      return this == GE || this == GT;
    }

    /** Whether it holds for a small enough left side ({@code <=}, {@code <}): an upper bound. */
    public boolean isUpperBound() {
      return this == LE || this == LT;
    }
  }

  /**
   * Relative growth: whether {@code current <op> baseline * (1 + fraction)}, exactly ({@code
   * fraction} is 0.2 for "20% more than"); when the baseline is 0 or less, {@code whenZero}, the
   * outcome the author stated. Both sides are evaluated, current first, then compared at the larger
   * of their scales ({@link eligo.data.Exact#compareGrowth}).
   */
  public record Growth(CmpOp op, Expr current, Expr baseline, Const fraction, boolean whenZero)
      implements Expr {
    public Type type() {
      return Type.BOOL;
    }

    public int scale() {
      return 0;
    }

    /** The scale both sides are compared at. */
    public int sidesScale() {
      return Math.max(current.scale(), baseline.scale());
    }

    @Override
    public List<Expr> children() {
      return present(current, baseline);
    }

    @Override
    public <R, P> R accept(Visitor<R, P> v, P p) {
      return v.visit(this, p);
    }
  }

  /**
   * {@code at least k of (parts)}: whether at least {@code k} of the conditions hold. Every part is
   * evaluated, in order, whatever the count so far (so an explanation can say which held and which
   * did not, and both engines fail alike on a part that cannot be evaluated). {@code labels} are
   * the parts' criteria texts, for explanations only: they never become code.
   */
  public record AtLeast(int k, List<Expr> parts, List<String> labels) implements Expr {
    public AtLeast {
      parts = List.copyOf(parts);
      labels = List.copyOf(labels);
      if (k < 1 || k > parts.size() || labels.size() != parts.size()) {
        throw new IllegalArgumentException("at least " + k + " of " + parts.size());
      }
    }

    public Type type() {
      return Type.BOOL;
    }

    public int scale() {
      return 0;
    }

    @Override
    public List<Expr> children() {
      return parts;
    }

    @Override
    public <R, P> R accept(Visitor<R, P> v, P p) {
      return v.visit(this, p);
    }
  }

  /**
   * {@code points (c1: 2, c2: 1)}: the sum of {@code points} of the conditions that hold, a whole
   * number. Every part is evaluated, in order. {@code labels} are for explanations only.
   */
  public record Points(List<Expr> parts, List<Long> points, List<String> labels) implements Expr {
    public Points {
      parts = List.copyOf(parts);
      points = List.copyOf(points);
      labels = List.copyOf(labels);
      if (parts.isEmpty() || points.size() != parts.size() || labels.size() != parts.size()) {
        throw new IllegalArgumentException("points of " + parts.size() + " conditions");
      }
    }

    public Type type() {
      return Type.NUM;
    }

    public int scale() {
      return 0;
    }

    @Override
    public List<Expr> children() {
      return parts;
    }

    @Override
    public <R, P> R accept(Visitor<R, P> v, P p) {
      return v.visit(this, p);
    }
  }

  /**
   * Numeric comparison (scales aligned exactly). {@code kind} and {@code unit} are what the checker
   * knew of the compared amount (the left side, or the right when the left is a plain number), for
   * words only: a derived measure's own name ({@code consumption_value}, not the {@code
   * active_users} it is made of); null when not known. Evaluation ignores them.
   */
  public record Compare(CmpOp op, Expr left, Expr right, ValueKind kind, String unit)
      implements Expr {
    /** A comparison whose amount's kind and unit are not known. */
    public Compare(CmpOp op, Expr left, Expr right) {
      this(op, left, right, null, null);
    }

    public Type type() {
      return Type.BOOL;
    }

    public int scale() {
      return 0;
    }

    @Override
    public List<Expr> children() {
      return present(left, right);
    }

    @Override
    public <R, P> R accept(Visitor<R, P> v, P p) {
      return v.visit(this, p);
    }
  }

  /** Month comparison; false when either side is "no month". */
  public record CompareMonths(CmpOp op, MonthExpr left, MonthExpr right) implements Expr {
    public Type type() {
      return Type.BOOL;
    }

    public int scale() {
      return 0;
    }

    @Override
    public List<Expr> children() {
      return List.of();
    }

    @Override
    public <R, P> R accept(Visitor<R, P> v, P p) {
      return v.visit(this, p);
    }
  }

  /** Whether a month lies in a range; false for "no month". */
  public record InMonths(MonthExpr month, MonthRange range) implements Expr {
    public Type type() {
      return Type.BOOL;
    }

    public int scale() {
      return 0;
    }

    @Override
    public List<Expr> children() {
      return List.of();
    }

    @Override
    public <R, P> R accept(Visitor<R, P> v, P p) {
      return v.visit(this, p);
    }
  }

  /**
   * Both conditions; the right one is evaluated only when the left holds. {@code leftLabel} and
   * {@code rightLabel} are the parts' criteria texts as written (null where the criteria did not
   * write them: a part of a longer chain, a condition Eligo made), for explanations only.
   */
  public record And(Expr left, Expr right, String leftLabel, String rightLabel) implements Expr {
    public And(Expr left, Expr right) {
      this(left, right, null, null);
    }

    public Type type() {
      return Type.BOOL;
    }

    public int scale() {
      return 0;
    }

    @Override
    public List<Expr> children() {
      return present(left, right);
    }

    @Override
    public <R, P> R accept(Visitor<R, P> v, P p) {
      return v.visit(this, p);
    }
  }

  /**
   * Either condition; the right one is evaluated only when the left does not hold. Labels as And's.
   */
  public record Or(Expr left, Expr right, String leftLabel, String rightLabel) implements Expr {
    public Or(Expr left, Expr right) {
      this(left, right, null, null);
    }

    public Type type() {
      return Type.BOOL;
    }

    public int scale() {
      return 0;
    }

    @Override
    public List<Expr> children() {
      return present(left, right);
    }

    @Override
    public <R, P> R accept(Visitor<R, P> v, P p) {
      return v.visit(this, p);
    }
  }

  /**
   * The operand does not hold; {@code label} its criteria text (null when not written), as And's.
   */
  public record Not(Expr operand, String label) implements Expr {
    public Not(Expr operand) {
      this(operand, null);
    }

    public Type type() {
      return Type.BOOL;
    }

    public int scale() {
      return 0;
    }

    @Override
    public List<Expr> children() {
      return present(operand);
    }

    @Override
    public <R, P> R accept(Visitor<R, P> v, P p) {
      return v.visit(this, p);
    }
  }

  /** Whether some binding of the binders satisfies {@code where}. */
  public record Exists(List<Binder> binders, Expr where) implements Quantified {
    public Exists {
      binders = List.copyOf(binders);
    }

    public Type type() {
      return Type.BOOL;
    }

    public int scale() {
      return 0;
    }

    @Override
    public List<Expr> children() {
      return present(where);
    }

    @Override
    public <R, P> R accept(Visitor<R, P> v, P p) {
      return v.visit(this, p);
    }
  }

  /** Whether every binding of the binders satisfies {@code where}. */
  public record ForAll(List<Binder> binders, Expr where) implements Quantified {
    public ForAll {
      binders = List.copyOf(binders);
    }

    public Type type() {
      return Type.BOOL;
    }

    public int scale() {
      return 0;
    }

    @Override
    public List<Expr> children() {
      return present(where);
    }

    @Override
    public <R, P> R accept(Visitor<R, P> v, P p) {
      return v.visit(this, p);
    }
  }

  /**
   * Whether (tenant, workload) has an association active in {@code month} whose type is the bound
   * {@code typeVar} variable (when not null) and is in {@code types} (when not null; a by-workload
   * set is read for the bound workload).
   */
  public record Associated(Var tenant, Var workload, MonthExpr month, Var typeVar, TypeSet types)
      implements Expr {
    public Type type() {
      return Type.BOOL;
    }

    public int scale() {
      return 0;
    }

    @Override
    public List<Expr> children() {
      return List.of();
    }

    @Override
    public <R, P> R accept(Visitor<R, P> v, P p) {
      return v.visit(this, p);
    }
  }

  /**
   * Whether an attribute of the customer ({@code tenant} null) or of the bound tenant is one of
   * {@code values} (compared exactly, as written; an empty cell is ""), or with {@code negated}, is
   * none of them.
   */
  public record AttributeIn(Attribute attribute, Var tenant, List<String> values, boolean negated)
      implements Expr {
    public AttributeIn {
      values = List.copyOf(values);
      if ((attribute.owner() == Owner.TENANT) != (tenant != null)) {
        throw new IllegalArgumentException("a tenant attribute reads a bound tenant, only it");
      }
    }

    public Type type() {
      return Type.BOOL;
    }

    public int scale() {
      return 0;
    }

    @Override
    public List<Expr> children() {
      return List.of();
    }

    @Override
    public <R, P> R accept(Visitor<R, P> v, P p) {
      return v.visit(this, p);
    }
  }
}
