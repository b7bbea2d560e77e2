package eligo.maven;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import eligo.engine.GeneratedSources;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.apache.maven.plugin.MojoFailureException;
import org.apache.maven.plugin.logging.SystemStreamLog;
import org.apache.maven.project.MavenProject;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The goal itself, on a project in a temporary folder (src/it builds real downstream projects). */
class GenerateMojoTest {
  @TempDir Path base;
  Path criteria;
  Path output;
  MavenProject project;
  GenerateMojo mojo;
  final List<String> infos = new ArrayList<>();
  final List<String> warnings = new ArrayList<>();

  @BeforeEach
  void setUp() throws IOException {
    criteria = Files.createDirectories(base.resolve("src/main/criteria"));
    output = base.resolve("target/generated-sources/eligo");
    project = new MavenProject();
    project.setFile(base.resolve("pom.xml").toFile());
    mojo = new GenerateMojo();
    mojo.criteriaDirectory = criteria.toFile();
    mojo.outputDirectory = output.toFile();
    mojo.packageName = "com.example.widgets";
    mojo.project = project;
    mojo.setLog(
        new SystemStreamLog() {
          @Override
          public void info(CharSequence content) {
            infos.add(content.toString());
          }

          @Override
          public void warn(CharSequence content) {
            warnings.add(content.toString());
          }
        });
  }

  @Test
  void generatesAddsTheSourceRootAndLogsWarnings() throws Exception {
    Files.writeString(
        criteria.resolve("widgets.criteria"),
        """
        area widgets "Widgets" {
          metric units "Units" {
            value sum paid_units for tenant, workload in family "Gadgets" at M
            met when value >= 10
          }
        }
        """);
    mojo.execute();
    assertThat(output.resolve("com/example/widgets/WidgetsEvaluator.java")).isRegularFile();
    assertThat(project.getCompileSourceRoots()).containsExactly(output.toString());
    assertThat(infos)
        .containsExactly("eligo: generated 1 evaluator class from " + criteria + " into " + output);
    assertThat(warnings)
        .containsExactly(
            criteria.resolve("widgets.criteria")
                + ":2:10: warning: node 'units' has no criteria text: reports will show it without one\n"
                + "  metric units \"Units\" {\n"
                + "         ^~~~~");
  }

  @Test
  void criteriaErrorsFailTheBuildAtFileLineAndColumn() throws IOException {
    Files.writeString(
        criteria.resolve("widgets.criteria"),
        """
        area widgets "Widgets" {
          metric units "Units" {
            criteria "Units"
            value sum paid_unit for tenant at M
            met when value >= 10
          }
        }
        """);
    assertThatThrownBy(mojo::execute)
        .isInstanceOf(MojoFailureException.class)
        .hasMessageStartingWith(
            "criteria errors:\n" + criteria.resolve("widgets.criteria") + ":4:15: error: ")
        .hasMessageContaining(
            "\n    value sum paid_unit for tenant at M\n              ^~~~~~~~~\n");
    assertThat(output).doesNotExist();
    assertThat(project.getCompileSourceRoots()).isEmpty();
  }

  @Test
  void aMissingFolderOrABadPackageFailsTheBuild() throws IOException {
    mojo.criteriaDirectory = base.resolve("criteria").toFile();
    assertThatThrownBy(mojo::execute)
        .isInstanceOf(MojoFailureException.class)
        .hasMessage(
            "criteria folder "
                + base.resolve("criteria")
                + " does not exist or is not a folder (set criteriaDirectory)");
    mojo.criteriaDirectory = criteria.toFile();
    mojo.packageName = "com.example.2widgets";
    assertThatThrownBy(mojo::execute)
        .isInstanceOf(MojoFailureException.class)
        .hasMessage("packageName 'com.example.2widgets' is not a Java package name");
  }

  @Test
  void aCriteriaFolderWithoutCriteriaFilesFailsTheBuild() throws IOException {
    Files.writeString(criteria.resolve("README.txt"), "criteria go here\n");
    // before: "generated 0 evaluator classes", and the build went on without them
    assertThatThrownBy(mojo::execute)
        .isInstanceOf(MojoFailureException.class)
        .hasMessage(
            "criteria folder " + criteria + " has no *.criteria files (set criteriaDirectory)");
    assertThat(output).doesNotExist();
    assertThat(project.getCompileSourceRoots()).isEmpty();
  }

  @Test
  void aFileThatIsNotUtf8AddedAfterABuildIsNotUpToDate() throws IOException {
    Files.writeString(
        criteria.resolve("a.criteria"),
        """
        area widgets "Widgets" {
          metric units "Units" {
            criteria "Units: at least {met}"
            value sum paid_units for tenant, workload in family "Gadgets" at M
            met when value >= 10
          }
        }
        """);
    String generator = "test generator";
    assertThat(GeneratedSources.generate(criteria, output, "p", generator).upToDate()).isFalse();
    assertThat(GeneratedSources.generate(criteria, output, "p", generator).upToDate()).isTrue();
    Files.write(criteria.resolve("b.criteria"), new byte[] {'#', ' ', (byte) 0xC3, '\n'});
    GeneratedSources.Result r = GeneratedSources.generate(criteria, output, "p", generator);
    // before: the unreadable file was left out of the content hash, so the build said "up to
    // date" and never reported it
    assertThat(r.upToDate()).isFalse();
    assertThat(r.compilation().ok()).isFalse();
    assertThat(r.compilation().diagnostics())
        .extracting(d -> d.span().file().name() + ": " + d.message())
        .singleElement()
        .asString()
        .contains("b.criteria: this file is not valid UTF-8 text");
  }
}
