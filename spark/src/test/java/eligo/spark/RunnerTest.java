package eligo.spark;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import eligo.engine.Eligo;
import eligo.engine.Engine;
import eligo.engine.Outcome;
import eligo.engine.ResultsFile;
import eligo.engine.Stages;
import eligo.io.Mode;
import java.io.ByteArrayOutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.apache.spark.sql.SparkSession;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;
import org.junit.jupiter.api.io.TempDir;

/** The Spark runner's results file against the conformance sets and against {@code eligo run}. */
class RunnerTest {
  private final SparkSession spark = SparkTests.session();

  @TempDir Path tmp;

  private byte[] run(Path criteria, Path data, Integer asOf) throws Exception {
    Path out = tmp.resolve("results-" + System.nanoTime() + ".csv");
    SparkRunner.run(spark, SparkTests.options(criteria, data.toString(), out, asOf));
    return Files.readAllBytes(out);
  }

  /** What {@code eligo run} writes (the core's engine in this JVM). */
  static byte[] eligoRun(Path criteria, Path data, Integer asOf) throws Exception {
    eligo.engine.Started s =
        Eligo.start(criteria, data, Mode.STRICT, Engine.generated, Stages.NONE);
    Outcome o =
        Eligo.evaluate(
            s.criteria().program(),
            s.evaluators(),
            s.loaded().dataset(),
            Eligo.asOf(asOf, s.loaded().dataset()),
            2,
            eligo.engine.Evaluation.Progress.NONE);
    ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    ResultsFile.write(o, bytes);
    return bytes.toByteArray();
  }

  @TestFactory
  Stream<DynamicTest> everyConformanceSetGivesItsExpectedResults() throws Exception {
    Path conformance;
    try {
      conformance = SparkTests.conformance();
    } catch (org.opentest4j.TestAbortedException e) {
      // one skipped test in the reports (an aborted factory leaves none), which the build's
      // SKIPPED block counts
      return Stream.of(
          DynamicTest.dynamicTest(
              "conformance sets",
              () -> {
                throw e;
              }));
    }
    List<Path> sets;
    try (Stream<Path> s = Files.list(conformance)) {
      sets = s.filter(p -> Files.isRegularFile(p.resolve("expected.csv"))).sorted().toList();
    }
    assertThat(sets).hasSizeGreaterThanOrEqualTo(5);
    return sets.stream()
        .map(
            set ->
                DynamicTest.dynamicTest(
                    set.getFileName().toString(),
                    () ->
                        assertThat(
                                new String(run(SparkTests.criteria(), set.resolve("data"), null)))
                            .isEqualTo(Files.readString(set.resolve("expected.csv")))));
  }

  @Test
  void sampleDataGivesTheBytesOfEligoRun() throws Exception {
    byte[] expected = eligoRun(SparkTests.criteria(), SparkTests.sampleData(), null);
    assertThat(run(SparkTests.criteria(), SparkTests.sampleData(), null)).isEqualTo(expected);
  }

  @Test
  void anEarlierAsOfMonthWithLaterDataPresentGivesTheBytesOfEligoRun() throws Exception {
    int asOf = eligo.data.Month.parse("2025-11");
    byte[] expected = eligoRun(SparkTests.criteria(), SparkTests.sampleData(), asOf);
    assertThat(run(SparkTests.criteria(), SparkTests.sampleData(), asOf)).isEqualTo(expected);
  }

  @Test
  void editedCriteriaAreCompiledOnTheDriverAndShippedAsBytecode() throws Exception {
    Path criteria = tmp.resolve("criteria");
    Files.createDirectories(criteria);
    try (Stream<Path> s = Files.list(SparkTests.criteria())) {
      for (Path f : s.filter(p -> p.toString().endsWith(".criteria")).toList()) {
        String text = Files.readString(f);
        // a threshold changed: the prebuilt classes no longer match, and the results differ
        Files.writeString(
            criteria.resolve(f.getFileName()), text.replace("$1000", "$900") + "\n# edited\n");
      }
    }
    assertThat(Shipped.prebuiltMatches(Eligo.compileCriteria(criteria))).isFalse();
    byte[] expected = eligoRun(criteria, SparkTests.sampleData(), null);
    assertThat(expected)
        .isNotEqualTo(eligoRun(SparkTests.criteria(), SparkTests.sampleData(), null));
    assertThat(run(criteria, SparkTests.sampleData(), null)).isEqualTo(expected);
  }

  @Test
  void criteriaWithAttributesAreRefusedAtTheirDeclaration() throws Exception {
    Path criteria = tmp.resolve("with-attributes");
    Files.createDirectories(criteria);
    Files.writeString(
        criteria.resolve("a.criteria"),
        "attribute customer segment: text\n"
            + "area a \"A\" {\n"
            + "  metric m \"M\" {\n"
            + "    value count tenant\n"
            + "    met when value >= 1 and segment == \"Enterprise\"\n"
            + "  }\n"
            + "}\n");
    org.assertj.core.api.Assertions.assertThatThrownBy(
            () -> run(criteria, SparkTests.sampleData(), null))
        .isInstanceOf(eligo.engine.CriteriaFailure.class)
        .hasMessageContaining("a.criteria:1:20")
        .hasMessageContaining("the Spark runner cannot read attributes");
  }

  @Test
  void eachAsOfMonthRunsTheVersionInForceThenAsEligoRunDoes() throws Exception {
    Path criteria = tmp.resolve("versioned");
    Files.createDirectories(criteria);
    try (Stream<Path> s = Files.list(SparkTests.criteria())) {
      for (Path f : s.filter(p -> p.toString().endsWith(".criteria")).toList()) {
        Files.copy(f, criteria.resolve(f.getFileName()));
      }
    }
    // azure in two versions: the second, from 2025-11, asks $900 of a qualifying tenant
    String azure = Files.readString(criteria.resolve("azure.criteria"));
    String area = azure.substring(azure.indexOf("area azure"));
    Files.writeString(
        criteria.resolve("azure.criteria"),
        azure.replace(
                "area azure \"Azure\" {", "area azure \"Azure\" version \"v1\" from 2020-01 {")
            + "\n"
            + area.replace(
                    "area azure \"Azure\" {", "area azure \"Azure\" version \"v2\" from 2025-11 {")
                .replace(">= qualifying_acr", ">= $900"));
    int before = eligo.data.Month.parse("2025-10");
    int from = eligo.data.Month.parse("2025-11");
    byte[] v1 = eligoRun(criteria, SparkTests.sampleData(), before);
    byte[] v2 = eligoRun(criteria, SparkTests.sampleData(), from);
    assertThat(run(criteria, SparkTests.sampleData(), before)).isEqualTo(v1);
    assertThat(run(criteria, SparkTests.sampleData(), from)).isEqualTo(v2);
    // the month before the second version runs the shipped azure, the month it starts the edit
    assertThat(v1).isEqualTo(eligoRun(SparkTests.criteria(), SparkTests.sampleData(), before));
    assertThat(v2).isNotEqualTo(eligoRun(SparkTests.criteria(), SparkTests.sampleData(), from));
    assertThatThrownBy(
            () -> run(criteria, SparkTests.sampleData(), eligo.data.Month.parse("2019-12")))
        .isInstanceOf(eligo.engine.CriteriaFailure.class)
        .hasMessageContaining("area 'azure' has no version in force at 2019-12");
  }
}
