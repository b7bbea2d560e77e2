package eligo.codegen;

import static eligo.codegen.IrKit.*;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import eligo.data.AreaEvaluator;
import eligo.data.Dataset;
import eligo.data.DatasetKit;
import eligo.ir.Ir;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import org.junit.jupiter.api.Test;

class InMemoryCompilerTest {
  @Test
  void generatedCodeHasNoLintWarnings() {
    JavaGenerator g = new JavaGenerator();
    InMemoryCompiler.Result r =
        new InMemoryCompiler()
            .compile(
                List.of(
                    g.generate(Fixtures.azure(), "eligo.generated.lint"),
                    g.generate(Fixtures.misc(), "eligo.generated.lint"),
                    g.generate(Fixtures.small(), "eligo.generated.lint")));
    assertThat(r.warnings()).isEmpty();
    assertThat(r.classes())
        .containsOnlyKeys(
            "eligo.generated.lint.AzureEvaluator",
            "eligo.generated.lint.MiscEvaluator",
            "eligo.generated.lint.SmallAreaEvaluator");
    assertThat(AreaEvaluator.class).isAssignableFrom(r.get("eligo.generated.lint.AzureEvaluator"));
  }

  @Test
  void warningsAreReported() {
    InMemoryCompiler.Result r =
        new InMemoryCompiler()
            .compileSources(
                Map.of(
                    "x.Raw",
                    "package x; public class Raw { java.util.List l = new java.util.ArrayList(); }"));
    assertThat(r.warnings()).anySatisfy(w -> assertThat(w).contains("raw type"));
  }

  @Test
  void errorsThrowWithDiagnostics() {
    assertThatThrownBy(
            () ->
                new InMemoryCompiler()
                    .compileSources(
                        Map.of(
                            "x.Broken",
                            "package x;\npublic class Broken {\n  int f() { return \"no\"; }\n}\n")))
        .isInstanceOf(CompilationException.class)
        .satisfies(
            e ->
                assertThat(((CompilationException) e).diagnostics())
                    .anySatisfy(
                        d -> assertThat(d).contains("x/Broken.java:3").contains("return \"no\";")));
  }

  @Test
  void classPathFindsEligoData() {
    assertThat(InMemoryCompiler.classPath()).isNotEmpty();
  }

  @Test
  void evaluatorsKeepProgramOrderAndSeparateClashingClassNames() {
    Ir.Area ab =
        area("a-b", "A B", 1, branch("", "", 1, metric("n", "N", "", 2, k(1), ge(value(0), k(1)))));
    Ir.Area aDotB =
        area("a.b", "A.B", 1, branch("", "", 1, metric("n", "N", "", 2, k(2), ge(value(0), k(1)))));
    Ir.Program program = new Ir.Program(List.of(ab, aDotB), List.of());
    assertThat(Evaluators.generate(program, "p"))
        .extracting(f -> f.typeSpec().name())
        .containsExactly("ABEvaluator", "ABEvaluator2");
    Map<String, Function<Dataset, AreaEvaluator>> factories = Evaluators.compile(program, "p");
    assertThat(factories).containsOnlyKeys("a-b", "a.b");
    assertThat(factories.keySet()).containsExactly("a-b", "a.b");
    Dataset empty = new DatasetKit().build();
    assertThat(factories.get("a.b").apply(empty).areaId()).isEqualTo("a.b");
  }

  @Test
  void duplicateAreaIdsAreRejected() {
    Ir.Area a =
        area("a", "A", 1, branch("", "", 1, metric("n", "N", "", 2, k(1), ge(value(0), k(1)))));
    assertThatThrownBy(() -> Evaluators.generate(new Ir.Program(List.of(a, a), List.of()), "p"))
        .isInstanceOf(IllegalArgumentException.class);
  }

  @Test
  void inconsistentIrIsRejectedAtGeneration() {
    Ir.Area wrongScale =
        area("s", "S", 1, branch("", "", 1, metric("n", "N", "", 2, k(1, 2), ge(value(0), k(1)))));
    assertThatThrownBy(() -> new JavaGenerator().generate(wrongScale, "p"))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("scale");
    IrKit x = new IrKit();
    Ir.Var t = x.tenant();
    Ir.Var w = x.workload();
    Ir.Node customerDataInPartnerMet =
        withPartner(
            metric("n", "N", "", 2, k(1), ge(value(0), k(1))),
            value(0),
            gt(
                sum(
                    over(forTenant(t), forWorkload(w, new Ir.AllWorkloads())),
                    null,
                    acr(t, w, asOf(0))),
                k(0)));
    assertThatThrownBy(
            () ->
                new JavaGenerator()
                    .generate(area("p", "P", 1, branch("", "", 1, customerDataInPartnerMet)), "p"))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("partner-level");
    IrKit y = new IrKit();
    Ir.Var unbound = y.tenant();
    Ir.Var w2 = y.workload();
    Ir.Node unboundVar =
        metric(
            "u",
            "U",
            "",
            2,
            sum(over(forWorkload(w2, new Ir.AllWorkloads())), null, acr(unbound, w2, asOf(0))),
            ge(value(2), k(1)));
    assertThatThrownBy(
            () ->
                new JavaGenerator().generate(area("u", "U", 1, branch("", "", 1, unboundVar)), "p"))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("unbound");
  }
}
