package eligo.codegen;

import static org.assertj.core.api.Assertions.assertThat;

import com.palantir.javapoet.JavaFile;
import eligo.ir.Ir;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The exact emitted source, against checked-in golden files. To refresh them after an intended
 * change: {@code ELIGO_UPDATE_GOLDEN=1 mvn test -Dtest=GeneratedSourceTest}, then review the {@code
 * git diff}.
 */
class GeneratedSourceTest {
  static final Path GOLDEN = Path.of("src/test/resources/eligo/codegen/golden");
  static final String PACKAGE = "eligo.generated";

  @Test
  void smallAreaMatchesGolden() throws IOException {
    assertGolden(Fixtures.small(), "SmallAreaEvaluator.java.txt");
  }

  @Test
  void azureAreaMatchesGolden() throws IOException {
    assertGolden(Fixtures.azure(), "AzureEvaluator.java.txt");
  }

  @Test
  void miscAreaMatchesGolden() throws IOException {
    assertGolden(Fixtures.misc(), "MiscEvaluator.java.txt");
  }

  private static void assertGolden(Ir.Area area, String file) throws IOException {
    String source = new JavaGenerator().generate(area, PACKAGE).toString();
    Path golden = GOLDEN.resolve(file);
    if ("1".equals(System.getenv("ELIGO_UPDATE_GOLDEN"))) {
      Files.createDirectories(GOLDEN);
      Files.writeString(golden, source, StandardCharsets.UTF_8);
    }
    assertThat(golden).as("golden file; set ELIGO_UPDATE_GOLDEN=1 to write it").exists();
    assertThat(source).isEqualTo(Files.readString(golden, StandardCharsets.UTF_8));
  }

  @Test
  void sameIrGivesSameBytes() {
    for (int round = 0; round < 2; round++) {
      // fresh IR objects and fresh generators each time
      List<Ir.Area> first =
          List.of(Fixtures.azure(), Fixtures.misc(), Fixtures.small(), HostileTextTest.hostile());
      List<Ir.Area> second =
          List.of(Fixtures.azure(), Fixtures.misc(), Fixtures.small(), HostileTextTest.hostile());
      for (int i = 0; i < first.size(); i++) {
        byte[] a =
            new JavaGenerator()
                .generate(first.get(i), PACKAGE)
                .toString()
                .getBytes(StandardCharsets.UTF_8);
        byte[] b =
            new JavaGenerator()
                .generate(second.get(i), PACKAGE)
                .toString()
                .getBytes(StandardCharsets.UTF_8);
        assertThat(a).isEqualTo(b);
      }
    }
    Ir.Program program = new Ir.Program(List.of(Fixtures.azure(), Fixtures.misc()), List.of());
    assertThat(Evaluators.generate(program, PACKAGE).toString())
        .isEqualTo(Evaluators.generate(program, PACKAGE).toString());
  }

  @Test
  void classNamesComeFromAreaIds() {
    assertThat(JavaGenerator.className("azure")).isEqualTo("AzureEvaluator");
    assertThat(JavaGenerator.className("bizapps-smb")).isEqualTo("BizappsSmbEvaluator");
    assertThat(JavaGenerator.className("modern-work-enterprise"))
        .isEqualTo("ModernWorkEnterpriseEvaluator");
    assertThat(JavaGenerator.className("365")).isEqualTo("Area365Evaluator");
    assertThat(JavaGenerator.className("\"); System.exit(1); //"))
        .isEqualTo("SystemExit1Evaluator");
  }

  @Test
  void memberNamesComeFromNodeIds() {
    assertThat(Names.camel("net-customer-adds", false)).isEqualTo("netCustomerAdds");
    assertThat(Names.camel("performance.net-customer-adds", false))
        .isEqualTo("performanceNetCustomerAdds");
    assertThat(Names.camel("usage-growth.cpor", false)).isEqualTo("usageGrowthCpor");
    assertThat(Names.camel("m365.usage-growth", false)).isEqualTo("m365UsageGrowth");
    assertThat(Names.camel("*/ \\u000a", false)).isEqualTo("u000a");
    Names names = new Names().reserve("c");
    assertThat(names.fromId("c", "node")).isEqualTo("c2");
    assertThat(names.fromId("class", "node")).isEqualTo("class2");
    assertThat(names.fromId("yield", "node")).isEqualTo("yield2");
    assertThat(names.fromId("1st", "node")).isEqualTo("node1st");
    assertThat(names.fromId("", "node")).isEqualTo("node");
    assertThat(names.fromId("a-b", "node")).isEqualTo("aB");
    assertThat(names.fromId("a.b", "node")).isEqualTo("aB2");
  }

  @Test
  void generatedCodeUsesNoFloatingPointReflectionOrBoxing() {
    for (Ir.Area area : List.of(Fixtures.azure(), Fixtures.misc(), Fixtures.small())) {
      JavaFile file = new JavaGenerator().generate(area, PACKAGE);
      String code = file.toString();
      assertThat(code)
          .doesNotContain(
              "double", "float", "BigDecimal", "reflect", "Long.valueOf", "Long ", "Integer ");
    }
  }
}
