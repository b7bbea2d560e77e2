package eligo.lang;

import eligo.lang.Ast.*;
import eligo.lang.antlr.CriteriaLexer;
import eligo.lang.antlr.CriteriaParser;
import eligo.lang.antlr.CriteriaParser.*;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Collections;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Set;
import java.util.function.Supplier;
import org.antlr.v4.runtime.ParserRuleContext;
import org.antlr.v4.runtime.Token;
import org.antlr.v4.runtime.tree.ErrorNode;
import org.antlr.v4.runtime.tree.ParseTree;
import org.antlr.v4.runtime.tree.TerminalNode;

/**
 * Turns the ANTLR parse tree into the {@link Ast}. After syntax errors the tree may have holes: a
 * piece that a syntax error touched is left out (its syntax error was already reported), so the
 * checker still sees everything else and nothing the parser guessed. A piece that no syntax error
 * touched is always built: a failure there is a bug, and propagates ({@link ParseDamage}).
 *
 * <p>Longer than the house's 600 lines on purpose: it is one method per grammar rule, each a few
 * lines that map one rule to one AST record, and reading the grammar beside it is easier when the
 * whole mapping is in one place.
 */
final class AstBuilder {
  private final SourceFile source;
  private final Set<ParseTree> damaged = Collections.newSetFromMap(new IdentityHashMap<>());

  AstBuilder(SourceFile source) {
    this.source = source;
  }

  CriteriaFile file(FileContext ctx) {
    damaged.addAll(ParseDamage.damagedParts(ctx, AstBuilder::mayBeEmpty));
    List<Lines> damaged = new ArrayList<>();
    for (int i = 0; i < ctx.getChildCount(); i++) {
      ParseTree child = ctx.getChild(i);
      if (child instanceof ErrorNode) {
        // the parser skipped text between the top-level parts: anything may be lost
        damaged.add(new Lines(1, Integer.MAX_VALUE));
      } else if (child instanceof ParserRuleContext part && damaged(part)) {
        damaged.add(
            new Lines(
                part.getStart().getLine(),
                part.getStop() == null ? Integer.MAX_VALUE : part.getStop().getLine()));
      }
    }
    List<Import> imports = new ArrayList<>();
    for (ImportDeclContext i : ctx.importDecl()) {
      if (i.STRING() != null) {
        imports.add(new Import(unquote(i.STRING().getText()), span(i.STRING().getSymbol())));
      }
    }
    List<Decl> decls = new ArrayList<>();
    List<Template> templates = new ArrayList<>();
    List<Area> areas = new ArrayList<>();
    for (TopDeclContext t : ctx.topDecl()) {
      if (t.decl() != null) {
        decls.addAll(decls(List.of(t.decl())));
      } else if (t.templateDecl() != null) {
        add(t.templateDecl(), templates, () -> template(t.templateDecl()));
      } else if (t.areaDecl() != null) {
        add(t.areaDecl(), areas, () -> area(t.areaDecl()));
      }
    }
    return new CriteriaFile(source, damaged, imports, decls, templates, areas);
  }

  /**
   * Adds what {@code build} makes of {@code part}, unless it meets a hole left by a syntax error in
   * the part (already reported); any other failure is a bug, and propagates.
   */
  private <T> void add(ParserRuleContext part, List<T> out, Supplier<T> build) {
    try {
      out.add(build.get());
    } catch (RuntimeException failure) {
      ParseDamage.holeOrBug(
          failure, part, damaged(part)); // returns for a hole left by a syntax error
    }
  }

  /**
   * Whether a syntax error touched this part of the tree. Such parts are left out rather than
   * guessed, so that the checker does not report the parser's guesses.
   */
  private boolean damaged(ParseTree tree) {
    return damaged.contains(tree);
  }

  /**
   * The one rule that may hold nothing without a syntax error: an area's body (an area with no
   * nodes, reported by the checker). Any other empty part is one the parser gave up on.
   */
  static boolean mayBeEmpty(ParserRuleContext ctx) {
    return ctx instanceof AreaBodyContext;
  }

  // ---------------------------------------------------------------- declarations

  /** The declarations; a damaged one becomes {@link Unparsed} when its name can still be read. */
  private List<Decl> decls(List<DeclContext> ctxs) {
    List<Decl> out = new ArrayList<>();
    for (DeclContext d : ctxs) {
      if (!damaged(d)) {
        add(d, out, () -> decl(d));
        continue;
      }
      NameContext name = d.getRuleContext(NameContext.class, 0);
      if (name != null && !damaged(name)) {
        add(name, out, () -> new Unparsed(name(name)));
      }
    }
    return out;
  }

  private Decl decl(DeclContext ctx) {
    if (ctx instanceof TypeDeclContext c) {
      return new TypeDecl(
          name(c.name()), unquote(c.STRING().getText()), span(c.STRING().getSymbol()));
    }
    if (ctx instanceof TypeSetDeclContext c) {
      return new TypeSetDecl(name(c.name()), typeSet(c.typeSet()));
    }
    if (ctx instanceof TypeMapDeclContext c) {
      List<TypeCase> cases = new ArrayList<>();
      for (TypeCaseContext tc : c.typeCase()) {
        cases.add(new TypeCase(workloadSet(tc.workloadSet()), typeSet(tc.typeSet())));
      }
      TypeSetExpr otherwise = c.typeDefault() == null ? null : typeSet(c.typeDefault().typeSet());
      return new TypeMapDecl(name(c.name()), cases, otherwise);
    }
    if (ctx instanceof WorkloadSetDeclContext c) {
      return new WorkloadSetDecl(name(c.name()), workloadSet(c.workloadSet()));
    }
    if (ctx instanceof TableDeclContext c) {
      List<TableCase> cases = new ArrayList<>();
      for (TableCaseContext tc : c.tableCase()) {
        cases.add(new TableCase(workloadSet(tc.workloadSet()), literal(tc.literal())));
      }
      Literal otherwise = c.tableDefault() == null ? null : literal(c.tableDefault().literal());
      return new TableDecl(name(c.name()), cases, otherwise);
    }
    if (ctx instanceof MeasureDeclContext c) {
      return new MeasureDecl(name(c.name()), expr(c.expr()));
    }
    if (ctx instanceof BandDeclContext c) {
      return new BandDecl(name(c.name()), band(c.band()));
    }
    if (ctx instanceof DefineDeclContext c) {
      List<Param> params = new ArrayList<>();
      for (ParamContext p : c.param()) {
        params.add(new Param(name(p.name()), paramType(p.paramType()), false, span(p)));
      }
      return new DefineDecl(name(c.name()), params, expr(c.expr()));
    }
    if (ctx instanceof AttributeDeclContext c) {
      return new AttributeDecl(name(c.name()), c.TENANT() != null, span(c));
    }
    throw new IllegalStateException("incomplete declaration");
  }

  private ParamType paramType(ParamTypeContext ctx) {
    if (ctx.MONEY_KW() != null) {
      return ParamType.MONEY;
    }
    if (ctx.COUNT() != null) {
      return ParamType.COUNT;
    }
    if (ctx.NUMBER_KW() != null) {
      return ParamType.NUMBER;
    }
    if (ctx.BAND() != null) {
      return ParamType.BAND;
    }
    if (ctx.TYPES() != null) {
      return ParamType.TYPES;
    }
    if (ctx.WORKLOADS() != null) {
      return ParamType.WORKLOADS;
    }
    throw new IllegalStateException("incomplete parameter type");
  }

  private TypeSetExpr typeSet(TypeSetContext ctx) {
    List<Name> items = new ArrayList<>();
    for (SetNameContext n : ctx.setName()) {
      items.add(name(n));
    }
    return new TypeSetExpr(items, span(ctx));
  }

  private WorkloadSetExpr workloadSet(WorkloadSetContext ctx) {
    List<WorkloadTerm> include = new ArrayList<>();
    List<WorkloadTerm> exclude = new ArrayList<>();
    boolean excepting = false;
    for (int i = 0; i < ctx.getChildCount(); i++) {
      var child = ctx.getChild(i);
      if (child instanceof TerminalNode tn && tn.getSymbol().getType() == CriteriaParser.EXCEPT) {
        excepting = true;
      } else if (child instanceof WorkloadTermContext term) {
        (excepting ? exclude : include).add(workloadTerm(term));
      }
    }
    return new WorkloadSetExpr(include, exclude, span(ctx));
  }

  private WorkloadTerm workloadTerm(WorkloadTermContext ctx) {
    if (ctx instanceof WorkloadNameContext c) {
      return new WorkloadName(unquote(c.STRING().getText()), span(c.STRING().getSymbol()));
    }
    if (ctx instanceof WorkloadFamilyContext c) {
      return new WorkloadFamily(unquote(c.STRING().getText()), span(c));
    }
    if (ctx instanceof WorkloadRefContext c) {
      return new WorkloadRef(name(c.setName()));
    }
    throw new IllegalStateException("incomplete workload");
  }

  private BandExpr band(BandContext ctx) {
    List<BandBound> bounds = new ArrayList<>();
    for (BandBoundContext b : ctx.bandBound()) {
      bounds.add(new BandBound(cmpOp(b.cmpOp()), literal(b.literal())));
    }
    return new BandExpr(bounds, span(ctx));
  }

  // ---------------------------------------------------------------- templates and areas

  private Template template(TemplateDeclContext ctx) {
    List<Param> params = new ArrayList<>();
    for (TemplateParamContext p : ctx.templateParam()) {
      if (!damaged(p)) {
        add(
            p,
            params,
            () -> new Param(name(p.name()), paramType(p.paramType()), p.LEAF() != null, span(p)));
      }
    }
    return new Template(
        name(ctx.name()),
        params,
        decls(ctx.decl()),
        areaBody(ctx.areaBody(), span(ctx)),
        span(ctx.name()));
  }

  private Area area(AreaDeclContext ctx) {
    if (ctx instanceof PlainAreaContext c) {
      return new PlainArea(
          name(c.name()),
          unquote(c.STRING().getText()),
          decls(c.decl()),
          areaBody(c.areaBody(), span(c)),
          span(c.name()),
          areaVersion(c.areaVersion()));
    }
    InstanceAreaContext c = (InstanceAreaContext) ctx;
    List<LeafArgs> leaves = new ArrayList<>();
    for (LeafArgsContext l : c.leafArgs()) {
      add(
          l,
          leaves,
          () ->
              new LeafArgs(
                  name(l.name()),
                  unquote(l.STRING().getText()),
                  arguments(l.argument()),
                  span(l.name())));
    }
    return new InstanceArea(
        name(c.name(0)),
        unquote(c.STRING().getText()),
        name(c.name(1)),
        arguments(c.argument()),
        leaves,
        span(c.name(0)),
        areaVersion(c.areaVersion()));
  }

  /** The version clause of an area, or null when it has none (or a syntax error took it). */
  private AreaVersion areaVersion(AreaVersionContext ctx) {
    if (ctx == null || ctx.STRING() == null || ctx.monthLiteral() == null || damaged(ctx)) {
      return null;
    }
    return new AreaVersion(
        unquote(ctx.STRING().getText()),
        span(ctx.STRING().getSymbol()),
        written(ctx.monthLiteral()),
        span(ctx.monthLiteral()));
  }

  /** The text of {@code ctx} exactly as written, spaces between its tokens included. */
  private static String written(ParserRuleContext ctx) {
    return ctx.getStart()
        .getInputStream()
        .getText(
            org.antlr.v4.runtime.misc.Interval.of(
                ctx.getStart().getStartIndex(), ctx.getStop().getStopIndex()));
  }

  private List<Argument> arguments(List<ArgumentContext> ctxs) {
    List<Argument> out = new ArrayList<>();
    for (ArgumentContext a : ctxs) {
      if (!damaged(a)) {
        add(a, out, () -> argument(a));
      }
    }
    return out;
  }

  private Argument argument(ArgumentContext ctx) {
    ArgValueContext v = ctx.argValue();
    ArgValue value;
    if (v.band() != null) {
      value = new BandArg(band(v.band()), text(v));
    } else if (v.literal() != null) {
      value = new LiteralArg(literal(v.literal()));
    } else {
      value = new TypeSetArg(typeSet(v.typeSet()), text(v));
    }
    return new Argument(name(ctx.name()), value);
  }

  private List<Branch> areaBody(AreaBodyContext ctx, Span where) {
    List<Branch> branches = new ArrayList<>();
    if (ctx == null) {
      return branches;
    }
    if (!ctx.branch().isEmpty()) {
      for (BranchContext b : ctx.branch()) {
        add(
            b,
            branches,
            () ->
                new Branch(
                    name(b.name()),
                    unquote(b.STRING().getText()),
                    decls(b.decl()),
                    nodes(b.node()),
                    span(b.name())));
      }
    } else {
      branches.add(new Branch(null, "", List.of(), nodes(ctx.node()), where));
    }
    return branches;
  }

  private List<Node> nodes(List<NodeContext> ctxs) {
    List<Node> out = new ArrayList<>();
    for (NodeContext n : ctxs) {
      NodeKind kind = n.GATE() != null ? NodeKind.GATE : NodeKind.METRIC;
      add(
          n,
          out,
          () ->
              new Node(
                  kind,
                  name(n.name()),
                  unquote(n.STRING().getText()),
                  body(n.nodeItem()),
                  span(n.name())));
    }
    return out;
  }

  /** A node's items; a damaged line (criteria, details, value, met) is left out. */
  private NodeBody body(List<NodeItemContext> items) {
    Text criteria = null;
    List<DetailKind> details = new ArrayList<>();
    Expr value = null;
    Span valueSpan = null;
    Expr met = null;
    Span metSpan = null;
    NodeBody partner = null;
    Span partnerSpan = null;
    NodeBody eachLeaf = null;
    Span eachLeafSpan = null;
    List<Leaf> leaves = new ArrayList<>();
    for (NodeItemContext item : items) {
      boolean line =
          item instanceof CriteriaItemContext
              || item instanceof DetailsItemContext
              || item instanceof ValueItemContext
              || item instanceof MetItemContext;
      if (line && damaged(item)) {
        continue;
      }
      try {
        if (item instanceof CriteriaItemContext c) {
          criteria = new Text(unquote(c.STRING().getText()), span(c.STRING().getSymbol()));
        } else if (item instanceof DetailsItemContext c) {
          for (DetailKindContext d : c.detailKind()) {
            details.add(d.TENANT() != null ? DetailKind.TENANT : DetailKind.WORKLOAD);
          }
        } else if (item instanceof ValueItemContext c) {
          value = expr(c.expr());
          valueSpan = span(c.VALUE().getSymbol());
        } else if (item instanceof MetItemContext c) {
          met = expr(c.expr());
          metSpan = span(c.MET().getSymbol());
        } else if (item instanceof PartnerItemContext c) {
          partner = body(c.nodeItem());
          partnerSpan = span(c.PARTNER().getSymbol());
        } else if (item instanceof EachLeafItemContext c) {
          eachLeaf = body(c.nodeItem());
          eachLeafSpan = span(c.EACH().getSymbol());
        } else if (item instanceof LeafItemContext c) {
          leaves.add(
              new Leaf(
                  name(c.name()),
                  unquote(c.STRING().getText()),
                  body(c.nodeItem()),
                  span(c.name())));
        }
      } catch (RuntimeException failure) {
        ParseDamage.holeOrBug(
            failure, item, damaged(item)); // returns for a hole left by a syntax error
      }
    }
    return new NodeBody(
        criteria,
        details,
        value,
        valueSpan,
        met,
        metSpan,
        partner,
        partnerSpan,
        eachLeaf,
        eachLeafSpan,
        leaves);
  }

  // ---------------------------------------------------------------- expressions

  Expr expr(ExprContext ctx) {
    return or(ctx.orExpr());
  }

  private Expr or(OrExprContext ctx) {
    Expr e = and(ctx.andExpr(0));
    for (int i = 1; i < ctx.andExpr().size(); i++) {
      Expr r = and(ctx.andExpr(i));
      e =
          new Binary(
              BinOp.OR,
              e,
              r,
              join(e.span(), r.span()),
              i == 1 ? label(ctx.andExpr(0)) : null,
              label(ctx.andExpr(i)));
    }
    return e;
  }

  private Expr and(AndExprContext ctx) {
    Expr e = not(ctx.notExpr(0));
    for (int i = 1; i < ctx.notExpr().size(); i++) {
      Expr r = not(ctx.notExpr(i));
      e =
          new Binary(
              BinOp.AND,
              e,
              r,
              join(e.span(), r.span()),
              i == 1 ? label(ctx.notExpr(0)) : null,
              label(ctx.notExpr(i)));
    }
    return e;
  }

  private Expr not(NotExprContext ctx) {
    if (ctx.NOT() != null) {
      return new Not(not(ctx.notExpr()), span(ctx), label(ctx.notExpr()));
    }
    return cmp(ctx.cmpExpr());
  }

  private Expr cmp(CmpExprContext ctx) {
    Expr left = range(ctx.rangeExpr(0));
    if (ctx.MORE_KW() != null && ctx.rangeExpr().size() == 3 && ctx.zeroOutcome() != null) {
      return new Growth(
          cmpOp(ctx.cmpOp()),
          left,
          range(ctx.rangeExpr(1)),
          range(ctx.rangeExpr(2)),
          ctx.zeroOutcome() != null && ctx.zeroOutcome().NOT() == null,
          span(ctx.cmpOp()));
    }
    if (ctx.cmpOp() != null) {
      return new Compare(cmpOp(ctx.cmpOp()), left, range(ctx.rangeExpr(1)), span(ctx.cmpOp()));
    }
    if (ctx.WITHIN() != null) {
      Span at = span(ctx.WITHIN().getSymbol());
      return ctx.band() != null
          ? new Within(left, band(ctx.band()), null, at)
          : new Within(left, null, name(ctx.name()), at);
    }
    if (ctx.IN() != null) {
      return new InSet(left, range(ctx.rangeExpr(1)), span(ctx.IN().getSymbol()));
    }
    return left;
  }

  private Expr range(RangeExprContext ctx) {
    Expr from = add(ctx.addExpr(0));
    if (ctx.DOTDOT() == null) {
      return from;
    }
    Expr to = add(ctx.addExpr(1));
    return new Range(from, to, join(from.span(), to.span()));
  }

  private Expr add(AddExprContext ctx) {
    Expr e = mul(ctx.mulExpr(0));
    int operand = 1;
    for (int i = 0; i < ctx.getChildCount(); i++) {
      if (ctx.getChild(i) instanceof TerminalNode tn) {
        BinOp op = tn.getSymbol().getType() == CriteriaParser.PLUS ? BinOp.ADD : BinOp.SUB;
        Expr r = mul(ctx.mulExpr(operand++));
        e = new Binary(op, e, r, span(tn.getSymbol()));
      }
    }
    return e;
  }

  private Expr mul(MulExprContext ctx) {
    Expr e = unary(ctx.unaryExpr(0));
    int operand = 1;
    for (int i = 0; i < ctx.getChildCount(); i++) {
      if (ctx.getChild(i) instanceof TerminalNode tn) {
        BinOp op = tn.getSymbol().getType() == CriteriaParser.STAR ? BinOp.MUL : BinOp.DIV;
        Expr r = unary(ctx.unaryExpr(operand++));
        e = new Binary(op, e, r, span(tn.getSymbol()));
      }
    }
    return e;
  }

  private Expr unary(UnaryExprContext ctx) {
    if (ctx.MINUS() != null) {
      return new Neg(unary(ctx.unaryExpr()), span(ctx));
    }
    return postfix(ctx.postfixExpr());
  }

  private Expr postfix(PostfixExprContext ctx) {
    Expr e = primary(ctx.primary());
    for (PostfixOpContext op : ctx.postfixOp()) {
      if (op instanceof ViaOpContext v) {
        e = new Via(e, typeSet(v.typeSet()), span(v.VIA().getSymbol()));
      } else {
        AtOpContext a = (AtOpContext) op;
        e = new At(e, primary(a.primary()), span(a.AT().getSymbol()));
      }
    }
    return e;
  }

  private Expr primary(PrimaryContext ctx) {
    if (ctx instanceof LiteralExprContext c) {
      return new LiteralExpr(literal(c.literal()));
    }
    if (ctx instanceof PercentOfContext c) {
      return new PercentOf(literal(c.PERCENT().getSymbol()), postfix(c.postfixExpr()), span(c));
    }
    if (ctx instanceof ParensContext c) {
      return expr(c.expr());
    }
    if (ctx instanceof TextExprContext c) {
      return new TextExpr(List.of(unquote(c.STRING().getText())), span(c.STRING().getSymbol()));
    }
    if (ctx instanceof TextListExprContext c) {
      List<String> values = new ArrayList<>();
      for (TerminalNode t : c.STRING()) {
        values.add(unquote(t.getText()));
      }
      return new TextExpr(values, span(c));
    }
    if (ctx instanceof NetExprContext c) {
      return new Net(primary(c.primary()), span(c.NET().getSymbol()));
    }
    if (ctx instanceof SumExprContext c) {
      return new Aggregate(
          AggKind.SUM,
          postfix(c.postfixExpr()),
          binders(c.binder()),
          c.expr() == null ? null : expr(c.expr()),
          span(c.SUM().getSymbol()));
    }
    if (ctx instanceof StatExprContext c) {
      Token word = c.getStart();
      return new Aggregate(
          word.getType() == CriteriaLexer.AVERAGE
              ? AggKind.AVERAGE
              : word.getType() == CriteriaLexer.MINIMUM ? AggKind.MINIMUM : AggKind.MAXIMUM,
          postfix(c.postfixExpr()),
          binders(c.binder()),
          c.expr() == null ? null : expr(c.expr()),
          span(word));
    }
    if (ctx instanceof CountExprContext c) {
      return new Aggregate(
          AggKind.COUNT,
          null,
          binders(c.binder()),
          c.expr() == null ? null : expr(c.expr()),
          span(c.COUNT().getSymbol()));
    }
    if (ctx instanceof AnyExprContext c) {
      return new Aggregate(
          AggKind.ANY, null, binders(c.binder()), expr(c.expr()), span(c.ANY().getSymbol()));
    }
    if (ctx instanceof AllExprContext c) {
      return new Aggregate(
          AggKind.ALL, null, binders(c.binder()), expr(c.expr()), span(c.ALL().getSymbol()));
    }
    if (ctx instanceof AtLeastExprContext c) {
      List<AtLeastPart> parts = new ArrayList<>();
      for (ExprContext part : c.expr()) {
        parts.add(new AtLeastPart(expr(part), label(part), span(part)));
      }
      return new AtLeast(
          c.NUMBER().getText(),
          span(c.NUMBER().getSymbol()),
          List.copyOf(parts),
          join(span(c.AT().getSymbol()), span(c.LEAST().getSymbol())));
    }
    if (ctx instanceof PointsExprContext c) {
      List<PointsPart> parts = new ArrayList<>();
      for (PointsPartContext part : c.pointsPart()) {
        parts.add(
            new PointsPart(
                expr(part.expr()),
                label(part.expr()),
                (part.MINUS() == null ? "" : "-") + part.NUMBER().getText(),
                part.MINUS() == null
                    ? span(part.NUMBER().getSymbol())
                    : join(span(part.MINUS().getSymbol()), span(part.NUMBER().getSymbol())),
                span(part.expr())));
      }
      return new Points(List.copyOf(parts), span(c.POINTS().getSymbol()));
    }
    if (ctx instanceof AssociatedExprContext c) {
      return new Associated(
          c.typeSet() == null ? null : typeSet(c.typeSet()), span(c.ASSOCIATED().getSymbol()));
    }
    if (ctx instanceof EarliestStartExprContext c) {
      return new EarliestStart(typeSet(c.typeSet()), span(c.EARLIEST().getSymbol()));
    }
    if (ctx instanceof ValueRefContext c) {
      return new ValueRef(span(c.VALUE().getSymbol()));
    }
    if (ctx instanceof NameExprContext c) {
      if (c.LPAREN() == null) {
        return new NameRef(name(c.refName()));
      }
      List<Expr> args = new ArrayList<>();
      for (ExprContext a : c.expr()) {
        args.add(expr(a));
      }
      return new Call(name(c.refName()), args, span(c.refName()));
    }
    throw new IllegalStateException("incomplete expression");
  }

  private List<Binder> binders(List<BinderContext> ctxs) {
    List<Binder> out = new ArrayList<>();
    for (BinderContext b : ctxs) {
      if (b instanceof TenantBinderContext c) {
        out.add(
            new Binder(
                Dim.TENANT, optName(c.name()), null, null, null, span(c.TENANT().getSymbol())));
      } else if (b instanceof WorkloadBinderContext c) {
        out.add(
            new Binder(
                Dim.WORKLOAD,
                optName(c.name()),
                c.workloadSet() == null ? null : workloadSet(c.workloadSet()),
                null,
                null,
                span(c.WORKLOAD().getSymbol())));
      } else if (b instanceof MonthBinderContext c) {
        out.add(
            new Binder(
                Dim.MONTH,
                optName(c.name()),
                null,
                range(c.rangeExpr()),
                null,
                span(c.MONTH().getSymbol())));
      } else if (b instanceof TypeBinderContext c) {
        out.add(
            new Binder(
                Dim.TYPE,
                optName(c.name()),
                null,
                null,
                c.typeSet() == null ? null : typeSet(c.typeSet()),
                span(c.TYPE().getSymbol())));
      } else if (b instanceof CustomerBinderContext c) {
        out.add(new Binder(Dim.CUSTOMER, null, null, null, null, span(c.CUSTOMER().getSymbol())));
      }
    }
    return out;
  }

  // ---------------------------------------------------------------- leaves

  private Literal literal(LiteralContext ctx) {
    if (ctx.NUMBER() != null) {
      return literal(ctx.NUMBER().getSymbol());
    }
    if (ctx.MONEY() != null) {
      return literal(ctx.MONEY().getSymbol());
    }
    return literal(ctx.PERCENT().getSymbol());
  }

  private Literal literal(Token t) {
    String text = t.getText();
    if (t.getType() == CriteriaParser.MONEY) {
      return new Literal(new BigDecimal(text.substring(1)), LiteralKind.MONEY, text, span(t));
    }
    if (t.getType() == CriteriaParser.PERCENT) {
      return new Literal(
          new BigDecimal(text.substring(0, text.length() - 1)).movePointLeft(2),
          LiteralKind.PERCENT,
          text,
          span(t));
    }
    return new Literal(new BigDecimal(text), LiteralKind.NUMBER, text, span(t));
  }

  private static CmpOp cmpOp(CmpOpContext ctx) {
    switch (ctx.getStart().getType()) {
      case CriteriaParser.GE:
        return CmpOp.GE;
      case CriteriaParser.GT:
        return CmpOp.GT;
      case CriteriaParser.LE:
        return CmpOp.LE;
      case CriteriaParser.LT:
        return CmpOp.LT;
      case CriteriaParser.EQEQ:
        return CmpOp.EQ;
      default:
        return CmpOp.NE;
    }
  }

  private Name optName(NameContext ctx) {
    return ctx == null ? null : name(ctx);
  }

  private Name name(ParserRuleContext ctx) {
    if (ctx == null || damaged(ctx)) {
      throw new IllegalStateException("incomplete name");
    }
    return new Name(ctx.getText(), span(ctx.getStart()));
  }

  /**
   * A part as written, for criteria texts ({@code {seat_band}} shows {@code > 10 and <= 300}): its
   * tokens with one space between them and none before a comma, so that the layout of the file
   * (which {@code eligo fmt} may change) never changes a text.
   */
  private static String text(ParserRuleContext ctx) {
    StringBuilder sb = new StringBuilder();
    for (int i = 0; i < ctx.getChildCount(); i++) {
      ParseTree child = ctx.getChild(i);
      String part = child instanceof ParserRuleContext c ? text(c) : child.getText();
      if (sb.length() > 0 && !part.equals(",")) {
        sb.append(' ');
      }
      sb.append(part);
    }
    return sb.toString();
  }

  private static String unquote(String s) {
    return Tokens.unquote(s);
  }

  /** A part's text as written, its tokens joined by one space (no comments, no line breaks). */
  private static String label(ParserRuleContext ctx) {
    StringBuilder out = new StringBuilder();
    collectTokens(ctx, out);
    return out.toString();
  }

  private static void collectTokens(ParseTree t, StringBuilder out) {
    collectTokens(t, out, new int[] {Token.INVALID_TYPE});
  }

  /** As the formatter lays them out: no space inside parentheses, before , or :, or a call's (. */
  private static void collectTokens(ParseTree t, StringBuilder out, int[] previous) {
    if (t instanceof TerminalNode n) {
      int type = n.getSymbol().getType();
      if (type == Token.EOF) {
        return;
      }
      boolean glue =
          out.length() == 0
              || type == CriteriaLexer.RPAREN
              || type == CriteriaLexer.COMMA
              || type == CriteriaLexer.COLON
              || previous[0] == CriteriaLexer.LPAREN
              || (type == CriteriaLexer.LPAREN && previous[0] == CriteriaLexer.ID);
      if (!glue) {
        out.append(' ');
      }
      out.append(n.getText());
      previous[0] = type;
      return;
    }
    for (int i = 0; i < t.getChildCount(); i++) {
      collectTokens(t.getChild(i), out, previous);
    }
  }

  private Span span(Token t) {
    return Tokens.span(source, t);
  }

  private Span span(ParserRuleContext ctx) {
    return Tokens.span(source, ctx);
  }

  private static Span join(Span a, Span b) {
    if (a.line() == b.line() && b.column() >= a.column()) {
      return new Span(a.file(), a.line(), a.column(), b.column() + b.length() - a.column());
    }
    return a;
  }
}
