package eligo.lang;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import eligo.lang.antlr.CriteriaParser.FileContext;
import eligo.lang.antlr.CriteriaParser.NodeContext;
import eligo.lang.antlr.CriteriaParser.ValueItemContext;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;
import org.antlr.v4.runtime.CommonToken;
import org.antlr.v4.runtime.ParserRuleContext;
import org.antlr.v4.runtime.Token;
import org.antlr.v4.runtime.tree.ErrorNodeImpl;
import org.antlr.v4.runtime.tree.ParseTree;
import org.junit.jupiter.api.Test;

/**
 * Where a syntax error damaged the parse tree, and what a failure to build the AST there means: a
 * hole left by the syntax error (the part is left out, the error is reported) in a damaged part; a
 * bug, thrown, in a part no syntax error touched, even inside a damaged part.
 */
class ParseDamageTest {
  static final String VALID =
      """
      area a "A" {
        gate g "G" {
          criteria "one tenant"
          value count tenant
          met when value >= 1
        }
        metric m "M" {
          criteria "paid units"
          value sum paid_units for tenant, workload, month in window
          met when value >= 10
        }
      }

      area b "B" {
        gate h "H" {
          criteria "one workload"
          value count workload
          met when value >= 1
        }
      }
      """;

  static CriteriaParsing.Tree tree(String text) {
    return CriteriaParsing.tree(new SourceFile("t.criteria", text));
  }

  static Ast.CriteriaFile build(FileContext tree) {
    return new AstBuilder(new SourceFile("t.criteria", VALID)).file(tree);
  }

  @Test
  void aCleanTreeIsNotDamagedAnywhere() {
    CriteriaParsing.Tree t = tree(VALID);
    assertThat(t.diagnostics()).isEmpty();
    assertThat(ParseDamage.damaged(t.file(), AstBuilder::mayBeEmpty)).isFalse();
    assertThat(ParseDamage.damagedParts(t.file(), AstBuilder::mayBeEmpty)).isEmpty();
    for (ParseTree node : all(t.file())) {
      assertThat(ParseDamage.broken(node, AstBuilder::mayBeEmpty)).as(node.getText()).isFalse();
    }
  }

  @Test
  void anErrorNodeDamagesItsPartAndEveryPartAroundItButNoOther() {
    FileContext file = tree(VALID).file();
    NodeContext g = nodes(file).get(0);
    NodeContext m = nodes(file).get(1);
    g.addErrorNode(new ErrorNodeImpl(new CommonToken(Token.INVALID_TYPE, "?")));
    assertThat(ParseDamage.damaged(g)).isTrue();
    assertThat(ParseDamage.damaged(g.getParent())).isTrue();
    assertThat(ParseDamage.damaged(file)).isTrue();
    assertThat(ParseDamage.damaged(m)).isFalse();
    assertThat(ParseDamage.damaged(file.topDecl(1))).isFalse();
    assertThat(ParseDamage.damagedParts(file, AstBuilder::mayBeEmpty))
        .contains(g, g.getParent(), file)
        .doesNotContain(m, file.topDecl(1));
  }

  @Test
  void aRecognitionErrorOrAnEmptyPartIsDamage() {
    CriteriaParsing.Tree t =
        tree(
            VALID
                .replace("value count tenant", "value count tenant where ((")
                .replace("met when value >= 10", "met when"));
    assertThat(t.diagnostics()).isNotEmpty();
    List<NodeContext> nodes = nodes(t.file());
    assertThat(ParseDamage.damaged(nodes.get(0), AstBuilder::mayBeEmpty)).isTrue();
    assertThat(ParseDamage.damaged(nodes.get(1), AstBuilder::mayBeEmpty)).isTrue();
    assertThat(ParseDamage.damaged(nodes.get(2), AstBuilder::mayBeEmpty)).isFalse();
    // an empty area body is no damage; an empty rule the parser gave up on is
    FileContext empty = tree("area e \"E\" {\n}\n").file();
    assertThat(ParseDamage.damaged(empty, AstBuilder::mayBeEmpty)).isFalse();
    ParserRuleContext gaveUp = new ParserRuleContext(nodes.get(2), 0);
    assertThat(ParseDamage.broken(gaveUp, AstBuilder::mayBeEmpty)).isTrue();
  }

  @Test
  void aFailureInADamagedPartIsAHoleAndAnyOtherIsABug() {
    NodeContext part = nodes(tree(VALID).file()).get(0);
    RuntimeException failure = new NullPointerException("a missing child");
    ParseDamage.holeOrBug(failure, part, true); // returns: the caller leaves the part out
    assertThatThrownBy(() -> ParseDamage.holeOrBug(failure, part, false))
        .isInstanceOf(ParseDamage.BuildBug.class)
        .hasCause(failure)
        .hasMessageContaining("internal error")
        .hasMessageContaining("line 2 of t.criteria");
    ParseDamage.BuildBug inner = new ParseDamage.BuildBug(part, failure);
    assertThatThrownBy(() -> ParseDamage.holeOrBug(inner, part.getParent(), true)).isSameAs(inner);
  }

  @Test
  void theBuilderLeavesOutOnlyWhatASyntaxErrorTouched() {
    String text = VALID.replace("value count tenant\n", "value count tenant where ((\n");
    CriteriaParsing.Result r = CriteriaParsing.parse(new SourceFile("t.criteria", text));
    assertThat(r.diagnostics())
        .isNotEmpty()
        .allSatisfy(d -> assertThat(d.span().line()).isBetween(4, 6));
    assertThat(r.file().areas()).extracting(a -> a.id().text()).containsExactly("a", "b");
    assertThat(r.file().completeAt(4)).isFalse();
    // the nodes no syntax error touched are whole
    Ast.Node m = ((Ast.PlainArea) r.file().areas().get(0)).branches().get(0).nodes().get(1);
    Ast.Node h = ((Ast.PlainArea) r.file().areas().get(1)).branches().get(0).nodes().get(0);
    for (Ast.Node n : List.of(m, h)) {
      assertThat(n.body().criteria()).isNotNull();
      assertThat(n.body().value()).isNotNull();
      assertThat(n.body().met()).isNotNull();
    }
    assertThat(r.file().completeAt(16)).as("area b, which no syntax error touched").isTrue();
  }

  // A builder bug in a file with no syntax error: the parse tree of a valid file loses a child
  // without any mark of damage, as no parse ever does, so building it fails. That must not be
  // taken for a hole left by a syntax error: the part would silently be left out.

  @Test
  void aBuilderFailureOnANodeWithoutSyntaxErrorsIsThrown() {
    FileContext file = tree(VALID).file();
    NodeContext m = nodes(file).get(1);
    m.children.remove(m.STRING());
    assertThatThrownBy(() -> build(file))
        .isInstanceOf(ParseDamage.BuildBug.class)
        .hasMessageContaining("line 7 of t.criteria")
        .hasRootCauseInstanceOf(NullPointerException.class);
  }

  @Test
  void aBuilderFailureOnANodeLineWithoutSyntaxErrorsIsThrown() {
    FileContext file = tree(VALID).file();
    ValueItemContext value = first(nodes(file).get(2), ValueItemContext.class);
    value.children.remove(value.expr());
    assertThatThrownBy(() -> build(file))
        .isInstanceOf(ParseDamage.BuildBug.class)
        .hasMessageContaining("line 17 of t.criteria");
  }

  @Test
  void aBuilderBugInsideAnAreaWithASyntaxErrorElsewhereIsStillThrown() {
    FileContext file = tree(VALID).file();
    List<NodeContext> nodes = nodes(file);
    nodes
        .get(0)
        .addErrorNode(
            new ErrorNodeImpl(new CommonToken(Token.INVALID_TYPE, "?"))); // area a is damaged
    assertThat(ParseDamage.damaged(file.topDecl(0).areaDecl())).isTrue();
    NodeContext m = nodes.get(1); // but its metric m is not
    m.children.remove(m.STRING());
    assertThatThrownBy(() -> build(file))
        .isInstanceOf(ParseDamage.BuildBug.class)
        .hasMessageContaining("line 7 of t.criteria");
  }

  // ---------------------------------------------------------------- the tree

  static List<ParseTree> all(ParseTree tree) {
    List<ParseTree> out = new ArrayList<>();
    out.add(tree);
    for (int i = 0; i < tree.getChildCount(); i++) {
      out.addAll(all(tree.getChild(i)));
    }
    return out;
  }

  static List<NodeContext> nodes(FileContext file) {
    return collect(file, NodeContext.class, Function.identity());
  }

  static <C extends ParserRuleContext> C first(ParseTree tree, Class<C> type) {
    return collect(tree, type, Function.identity()).get(0);
  }

  static <C, R> List<R> collect(ParseTree tree, Class<C> type, Function<C, R> f) {
    List<R> out = new ArrayList<>();
    for (ParseTree t : all(tree)) {
      if (type.isInstance(t)) {
        out.add(f.apply(type.cast(t)));
      }
    }
    return out;
  }
}
