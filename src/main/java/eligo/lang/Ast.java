package eligo.lang;

import java.math.BigDecimal;
import java.util.List;

/**
 * The abstract syntax tree of a criteria file: immutable records, each with the {@link Span} where
 * it was written. Built from the ANTLR parse tree by {@link AstBuilder}; nothing here is resolved
 * or checked yet.
 */
public final class Ast {
  private Ast() {}

  public record Name(String text, Span span) {
    @Override
    public String toString() {
      return text;
    }
  }

  /**
   * One file. {@code damaged} lists the lines of the top-level parts that have syntax errors:
   * pieces of them that could not be parsed are missing (a declaration whose name could be read
   * stays as {@link Unparsed}), so that what seems missing there may be a syntax error's hole.
   */
  public record CriteriaFile(
      SourceFile source,
      List<Lines> damaged,
      List<Import> imports,
      List<Decl> decls,
      List<Template> templates,
      List<Area> areas) {
    /** Whether no syntax error touched the part of the file that holds {@code line}. */
    public boolean completeAt(int line) {
      return damaged.stream().noneMatch(d -> d.from() <= line && line <= d.to());
    }
  }

  /** Lines {@code from} to {@code to}, both included. */
  public record Lines(int from, int to) {}

  public record Import(String path, Span span) {}

  // ------------------------------------------------------------ declarations

  public sealed interface Decl
      permits TypeDecl,
          TypeSetDecl,
          TypeMapDecl,
          WorkloadSetDecl,
          TableDecl,
          MeasureDecl,
          BandDecl,
          DefineDecl,
          AttributeDecl,
          Unparsed {
    Name name();

    /** What kind of thing this declares, in words ("workload set"). */
    String what();
  }

  /** {@code association type PAL = "PAL"}. */
  public record TypeDecl(Name name, String typeName, Span typeNameSpan) implements Decl {
    public String what() {
      return "association type";
    }
  }

  /** {@code types CSP = CSP_T1, CSP_T2}. */
  public record TypeSetDecl(Name name, TypeSetExpr set) implements Decl {
    public String what() {
      return "association type set";
    }
  }

  /** {@code types S by workload { family "Power Platform": PAL otherwise: DPOR }}. */
  public record TypeMapDecl(Name name, List<TypeCase> cases, TypeSetExpr otherwise)
      implements Decl {
    public String what() {
      return "association type set";
    }
  }

  public record TypeCase(WorkloadSetExpr when, TypeSetExpr types) {}

  /** {@code workloads AZURE = family "Azure"}. */
  public record WorkloadSetDecl(Name name, WorkloadSetExpr set) implements Decl {
    public String what() {
      return "workload set";
    }
  }

  /** {@code table RATE by workload { "Business Central": 1000 otherwise: 100 }}. */
  public record TableDecl(Name name, List<TableCase> cases, Literal otherwise) implements Decl {
    public String what() {
      return "table";
    }
  }

  public record TableCase(WorkloadSetExpr when, Literal value) {}

  /** {@code measure mcv = active_users * MCV_RATE}. */
  public record MeasureDecl(Name name, Expr expr) implements Decl {
    public String what() {
      return "measure";
    }
  }

  /** {@code band SMB_SEATS = > 10 and <= 300}. */
  public record BandDecl(Name name, BandExpr band) implements Decl {
    public String what() {
      return "band";
    }
  }

  /** {@code define healthy = ...} or {@code define pre_existing(kinds: types) = ...}. */
  public record DefineDecl(Name name, List<Param> params, Expr body) implements Decl {
    public String what() {
      return "definition";
    }
  }

  /** {@code attribute customer segment: text}: an extra column of customers.csv or tenants.csv. */
  public record AttributeDecl(Name name, boolean tenant, Span span) implements Decl {
    public String what() {
      return tenant ? "tenant attribute" : "customer attribute";
    }
  }

  /**
   * A declaration with a syntax error: only its name is known. It is declared, so that its uses are
   * not reported as unknown names on top of the syntax error.
   */
  public record Unparsed(Name name) implements Decl {
    public String what() {
      return "declaration";
    }
  }

  public enum ParamType {
    MONEY("money"),
    COUNT("count"),
    NUMBER("number"),
    BAND("band"),
    TYPES("types"),
    WORKLOADS("workloads");

    public final String word;

    ParamType(String word) {
      this.word = word;
    }
  }

  public record Param(Name name, ParamType type, boolean leaf, Span span) {}

  public record TypeSetExpr(List<Name> items, Span span) {}

  public record WorkloadSetExpr(
      List<WorkloadTerm> include, List<WorkloadTerm> exclude, Span span) {}

  public sealed interface WorkloadTerm permits WorkloadName, WorkloadFamily, WorkloadRef {
    Span span();
  }

  public record WorkloadName(String name, Span span) implements WorkloadTerm {}

  public record WorkloadFamily(String family, Span span) implements WorkloadTerm {}

  public record WorkloadRef(Name name) implements WorkloadTerm {
    public Span span() {
      return name.span();
    }
  }

  public record BandExpr(List<BandBound> bounds, Span span) {}

  public record BandBound(CmpOp op, Literal limit) {}

  public enum LiteralKind {
    NUMBER,
    MONEY,
    PERCENT
  }

  /** {@code 1000}, {@code 0.2}, {@code $1000.00}, {@code 40%} (value 0.40). */
  public record Literal(BigDecimal value, LiteralKind kind, String text, Span span) {}

  // ------------------------------------------------------------ areas and templates

  public record Template(
      Name name, List<Param> params, List<Decl> decls, List<Branch> branches, Span span) {}

  public sealed interface Area permits PlainArea, InstanceArea {
    Name id();

    String title();

    Span span();

    /** The version this block of the area is, or null when it declares none. */
    AreaVersion version();
  }

  /**
   * {@code version "2027" from 2027-01}: a block of an area in force from a month. {@code month} is
   * the month as written ({@code 2027-01}; the checker holds its form).
   */
  public record AreaVersion(String label, Span labelSpan, String month, Span monthSpan) {}

  public record PlainArea(
      Name id,
      String title,
      List<Decl> decls,
      List<Branch> branches,
      Span span,
      AreaVersion version)
      implements Area {
    public PlainArea(Name id, String title, List<Decl> decls, List<Branch> branches, Span span) {
      this(id, title, decls, branches, span, null);
    }
  }

  public record InstanceArea(
      Name id,
      String title,
      Name template,
      List<Argument> arguments,
      List<LeafArgs> leaves,
      Span span,
      AreaVersion version)
      implements Area {
    public InstanceArea(
        Name id,
        String title,
        Name template,
        List<Argument> arguments,
        List<LeafArgs> leaves,
        Span span) {
      this(id, title, template, arguments, leaves, span, null);
    }
  }

  public sealed interface ArgValue permits BandArg, LiteralArg, TypeSetArg {
    Span span();

    /** The argument as written, for criteria texts ({@code {seat_band}}). */
    String text();
  }

  public record BandArg(BandExpr band, String text) implements ArgValue {
    public Span span() {
      return band.span();
    }
  }

  public record LiteralArg(Literal literal) implements ArgValue {
    public Span span() {
      return literal.span();
    }

    public String text() {
      return literal.text();
    }
  }

  public record TypeSetArg(TypeSetExpr set, String text) implements ArgValue {
    public Span span() {
      return set.span();
    }
  }

  public record Argument(Name name, ArgValue value) {}

  public record LeafArgs(Name id, String title, List<Argument> arguments, Span span) {}

  /**
   * A branch; {@code id} is null for the implicit single branch of an area written without
   * branches.
   */
  public record Branch(Name id, String title, List<Decl> decls, List<Node> nodes, Span span) {}

  public enum NodeKind {
    GATE,
    METRIC
  }

  public enum DetailKind {
    TENANT,
    WORKLOAD
  }

  public record Node(NodeKind kind, Name id, String title, NodeBody body, Span span) {}

  /** A string with its place, e.g. a criteria text. */
  public record Text(String value, Span span) {}

  /** What a node, leaf or partner block says. Absent parts are null / empty. */
  public record NodeBody(
      Text criteria,
      List<DetailKind> details,
      Expr value,
      Span valueSpan,
      Expr met,
      Span metSpan,
      NodeBody partner,
      Span partnerSpan,
      NodeBody eachLeaf,
      Span eachLeafSpan,
      List<Leaf> leaves,
      List<Repeat> repeats) {}

  /**
   * An item written a second time in one node body ({@code met when} twice): {@code owner} the body
   * in words ("metric"), {@code item} the item's words, {@code at} the second, {@code first} the
   * first. The builder keeps the last; the checker refuses it, since one of the two would be lost.
   */
  public record Repeat(String owner, String item, Span at, Span first) {}

  public record Leaf(Name id, String title, NodeBody body, Span span) {}

  // ------------------------------------------------------------ expressions

  public enum CmpOp {
    GE(">="),
    GT(">"),
    LE("<="),
    LT("<"),
    EQ("=="),
    NE("!=");

    public final String symbol;

    CmpOp(String symbol) {
      this.symbol = symbol;
    }
  }

  public enum BinOp {
    OR("or"),
    AND("and"),
    ADD("+"),
    SUB("-"),
    MUL("*"),
    DIV("/");

    public final String symbol;

    BinOp(String symbol) {
      this.symbol = symbol;
    }
  }

  public enum AggKind {
    SUM,
    /** The mean of a term over the bindings, rounded half-even to the term's decimals. */
    AVERAGE,
    MINIMUM,
    MAXIMUM,
    COUNT,
    ANY,
    ALL
  }

  public sealed interface Expr
      permits LiteralExpr,
          PercentOf,
          Binary,
          Compare,
          Growth,
          AtLeast,
          Points,
          Within,
          InSet,
          Range,
          Not,
          Neg,
          Via,
          At,
          Net,
          Aggregate,
          Associated,
          EarliestStart,
          ValueRef,
          Call,
          NameRef,
          TextExpr {
    Span span();

    /**
     * The whole form as written, from its first token to its last (but for the parentheses around
     * it), for a diagnostic about all of it: {@code M - 1000 - 1000}, {@code acr at (M - 1) via
     * CSP}; on one line (a form that goes on to later lines ends with its first line). The forms
     * that keep it are {@link Binary}, {@link Compare}, {@link InSet}, {@link Range}, {@link At},
     * {@link Via}, {@link Net} and {@link Call}; any other gives its {@link #span()}.
     */
    default Span form() {
      return span();
    }
  }

  /**
   * {@code "Enterprise"} or {@code ("Enterprise", "Corporate")}: texts, compared with an attribute.
   */
  public record TextExpr(List<String> values, Span span) implements Expr {}

  public record LiteralExpr(Literal literal) implements Expr {
    public Span span() {
      return literal.span();
    }
  }

  /** {@code 40% of paid_units}. */
  public record PercentOf(Literal percent, Expr of, Span span) implements Expr {}

  /**
   * {@code leftLabel} and {@code rightLabel}: the operands' texts as written (as {@link
   * AtLeastPart}'s label) for 'and' and 'or', for explanations; null when not kept (a part of a
   * longer chain is labelled where it stands, arithmetic is not). {@code span} is the operator,
   * {@code form} the whole ({@link Expr#form}); {@code parens} the parentheses written around it
   * ({@code (x + y)}, from '(' to ')'), or null: the tree keeps no parentheses, and a diagnostic
   * may depend on them (a 'where' condition followed by '+ sum ...').
   */
  public record Binary(
      BinOp op,
      Expr left,
      Expr right,
      Span span,
      String leftLabel,
      String rightLabel,
      Span form,
      Span parens)
      implements Expr {
    public Binary(BinOp op, Expr left, Expr right, Span span, Span form) {
      this(op, left, right, span, null, null, form, null);
    }

    /** This form as written in the parentheses {@code parens}. */
    public Binary parenthesized(Span parens) {
      return new Binary(op, left, right, span, leftLabel, rightLabel, form, parens);
    }
  }

  /**
   * {@code left op right}: {@code span} is the operator, {@code form} the whole ({@link
   * Expr#form}); {@code parens} the parentheses written around it, or null (as {@link Binary}'s).
   */
  public record Compare(CmpOp op, Expr left, Expr right, Span span, Span form, Span parens)
      implements Expr {
    /** This comparison as written in the parentheses {@code parens}. */
    public Compare parenthesized(Span parens) {
      return new Compare(op, left, right, span, form, parens);
    }
  }

  /**
   * {@code current >= 20% more than baseline when zero: not met}: {@code current op baseline * (1 +
   * percent)}, exactly; {@code whenZero} is the outcome the author stated for a baseline of 0 or
   * less. {@code percent} is as parsed: the checker requires a percentage written as a number.
   */
  public record Growth(
      CmpOp op, Expr current, Expr percent, Expr baseline, boolean whenZero, Span span)
      implements Expr {}

  /**
   * {@code at least 2 of (c1, c2, c3)}: met when at least {@code k} of the parts hold. {@code k} is
   * the number as written (the checker requires a whole number from 1 to the number of parts).
   */
  public record AtLeast(String k, Span kSpan, List<AtLeastPart> parts, Span span) implements Expr {}

  /** {@code points (c1: 2, c2: 1)}: the sum of the points of the conditions that hold. */
  public record Points(List<PointsPart> parts, Span span) implements Expr {}

  /**
   * One condition of {@link Points} and its points as written ({@code points}, with a leading
   * {@code -} when written so: the checker refuses it), {@code label} as {@link AtLeastPart}'s.
   */
  public record PointsPart(
      Expr condition, String label, String points, Span pointsSpan, Span span) {}

  /**
   * One condition of an {@link AtLeast}: {@code label} is its text as written, one space between
   * tokens (as the formatter lays them out), for explanations; {@code span} locates the whole part.
   */
  public record AtLeastPart(Expr condition, String label, Span span) {}

  /** {@code paid_units within seat_band}: either a band written in place or a band's name. */
  public record Within(Expr subject, BandExpr band, Name bandName, Span span) implements Expr {}

  /** {@code x in TTM(M)}: {@code span} is 'in', {@code form} the whole ({@link Expr#form}). */
  public record InSet(Expr element, Expr set, Span span, Span form) implements Expr {}

  /** {@code M - 1 .. M}; {@code form} as {@link Expr#form}. */
  public record Range(Expr from, Expr to, Span span, Span form) implements Expr {}

  /** {@code label}: the operand's text as written, for explanations (null when not kept). */
  public record Not(Expr operand, Span span, String label) implements Expr {
    public Not(Expr operand, Span span) {
      this(operand, span, null);
    }
  }

  public record Neg(Expr operand, Span span) implements Expr {}

  /**
   * {@code acr via CSP, DPOR}: the value where an association of those types is active, else 0;
   * {@code span} is 'via', {@code form} the whole.
   */
  public record Via(Expr operand, TypeSetExpr types, Span span, Span form) implements Expr {}

  /**
   * {@code paid_units at M}: the operand with the month set to a month; {@code span} is 'at',
   * {@code form} the whole ({@link Expr#form}).
   */
  public record At(Expr operand, Expr month, Span span, Span form) implements Expr {}

  /** {@code net E}: E at M minus E at M-12; {@code span} is 'net', {@code form} the whole. */
  public record Net(Expr operand, Span span, Span form) implements Expr {}

  public record Aggregate(AggKind kind, Expr body, List<Binder> binders, Expr where, Span span)
      implements Expr {}

  /** {@code associated} or {@code associated via S}. */
  public record Associated(TypeSetExpr via, Span span) implements Expr {}

  /** {@code earliest start via S}. */
  public record EarliestStart(TypeSetExpr via, Span span) implements Expr {}

  /** {@code value}: the node's value. */
  public record ValueRef(Span span) implements Expr {}

  /**
   * {@code TTM(M)}, {@code pre_existing(CSP)}: {@code span} is the name, {@code form} the whole, to
   * the closing parenthesis ({@link Expr#form}).
   */
  public record Call(Name name, List<Expr> args, Span span, Span form) implements Expr {}

  public record NameRef(Name name) implements Expr {
    public Span span() {
      return name.span();
    }
  }

  public enum Dim {
    TENANT("tenant"),
    WORKLOAD("workload"),
    MONTH("month"),
    TYPE("type"),
    CUSTOMER("customer");

    public final String word;

    Dim(String word) {
      this.word = word;
    }
  }

  /**
   * {@code tenant}, {@code workload in AZURE}, {@code month m in window}, {@code type in S}, {@code
   * customer}. Exactly one of the set fields is used, by dimension.
   */
  public record Binder(
      Dim dim, Name var, WorkloadSetExpr workloads, Expr months, TypeSetExpr types, Span span) {}
}
