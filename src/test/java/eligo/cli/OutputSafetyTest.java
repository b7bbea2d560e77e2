package eligo.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** `run` never writes an output over one of its inputs, nor two outputs to one file. */
class OutputSafetyTest {
  @TempDir Path tmp;
  Path data;

  @BeforeEach
  void copyTheSample() throws IOException {
    data = Files.createDirectories(tmp.resolve("data"));
    try (Stream<Path> s = Files.list(Path.of("examples/sample-data"))) {
      for (Path p : s.toList()) {
        Files.copy(p, data.resolve(p.getFileName()));
      }
    }
  }

  private int run(StringWriter err, String... args) {
    return Main.execute(args, new PrintWriter(new StringWriter()), new PrintWriter(err));
  }

  @Test
  void resultsNamingAnInputFileAreRefusedAndTheInputStaysWhole() throws IOException {
    Path usage = data.resolve("usage.csv");
    byte[] before = Files.readAllBytes(usage);
    StringWriter err = new StringWriter();
    int code =
        run(
            err,
            "run",
            "-q",
            "--criteria",
            "criteria",
            "--data",
            data.toString(),
            "--results",
            usage.toString());
    assertThat(code).isEqualTo(ExitCodes.USAGE);
    assertThat(err.toString())
        .isEqualTo(
            "eligo: --results "
                + usage
                + " lies inside the input folder "
                + data
                + ": choose another file\n");
    assertThat(Files.readAllBytes(usage)).isEqualTo(before);
  }

  @Test
  void rejectsNamingTheResultsOrACriteriaFileAreRefused() throws IOException {
    Path results = tmp.resolve("out.csv");
    StringWriter err = new StringWriter();
    int code =
        run(
            err,
            "run",
            "-q",
            "--criteria",
            "criteria",
            "--data",
            data.toString(),
            "--results",
            results.toString(),
            "--on-bad-rows=skip",
            "--rejects",
            tmp.resolve("./out.csv").toString());
    assertThat(code).isEqualTo(ExitCodes.USAGE);
    assertThat(err.toString()).contains("is also another output of this run");
    Path criteriaFile = Path.of("criteria", "azure.criteria");
    byte[] before = Files.readAllBytes(criteriaFile);
    err = new StringWriter();
    code =
        run(
            err,
            "run",
            "-q",
            "--criteria",
            "criteria",
            "--data",
            data.toString(),
            "--on-bad-rows=skip",
            "--rejects",
            criteriaFile.toString());
    assertThat(code).isEqualTo(ExitCodes.USAGE);
    assertThat(err.toString()).contains("lies inside the input folder criteria");
    assertThat(Files.readAllBytes(criteriaFile)).isEqualTo(before);
    assertThat(results).doesNotExist();
  }

  @Test
  void diffOutNamingAnInputOrTheSnapshotIsRefusedAndAGoodOneIsWrittenWhole() throws IOException {
    Path criteriaFile = Path.of("criteria", "azure.criteria");
    byte[] before = Files.readAllBytes(criteriaFile);
    StringWriter err = new StringWriter();
    int code =
        run(
            err,
            "diff",
            "--old",
            "criteria",
            "--new",
            "criteria",
            "--data",
            data.toString(),
            "--out",
            criteriaFile.toString());
    assertThat(code).isEqualTo(ExitCodes.USAGE);
    assertThat(err.toString()).contains("--out criteria").contains("lies inside the input folder");
    assertThat(Files.readAllBytes(criteriaFile)).isEqualTo(before);

    Path snap = tmp.resolve("data.snapshot");
    err = new StringWriter();
    code =
        run(
            err,
            "diff",
            "--old",
            "criteria",
            "--new",
            "criteria",
            "--data",
            data.toString(),
            "--snapshot",
            snap.toString(),
            "--out",
            snap.toString());
    assertThat(code).isEqualTo(ExitCodes.USAGE);
    assertThat(err.toString()).contains("is also another output of this run");
    assertThat(snap).doesNotExist();

    Path report = tmp.resolve("new-folder/impact.json");
    err = new StringWriter();
    code =
        run(
            err,
            "diff",
            "--old",
            "criteria",
            "--new",
            "criteria",
            "--data",
            data.toString(),
            "--format",
            "json",
            "--out",
            report.toString());
    assertThat(code).as(err.toString()).isZero();
    assertThat(Files.readString(report)).startsWith("{").endsWith("}\n");
    try (Stream<Path> s = Files.list(report.getParent())) {
      assertThat(s.map(p -> p.getFileName().toString()).toList()).containsExactly("impact.json");
    }
  }

  @Test
  void aDefaultRejectsFileThatNoRunWroteIsKept() throws IOException {
    Path results = tmp.resolve("out/results.csv");
    Path rejects = Files.createDirectories(results.getParent()).resolve("rejects.csv");
    Files.writeString(rejects, "my own notes,kept\n");
    StringWriter err = new StringWriter();
    String[] args = {
      "run",
      "-q",
      "--criteria",
      "criteria",
      "--data",
      data.toString(),
      "--results",
      results.toString(),
      "--on-bad-rows=skip"
    };
    int code = run(err, args);
    assertThat(code).isEqualTo(ExitCodes.USAGE);
    assertThat(err.toString())
        .contains("the default rejects file " + rejects)
        .contains("is not a rejects file of an earlier run")
        .contains("--rejects");
    assertThat(Files.readString(rejects)).isEqualTo("my own notes,kept\n");
    assertThat(results).doesNotExist();

    // a rejects file an earlier run wrote is replaced
    Files.writeString(rejects, "file,line,reason,row\nusage.csv,9,old,\"x\"\n");
    err = new StringWriter();
    code = run(err, args);
    assertThat(code).as(err.toString()).isZero();
    assertThat(Files.readString(rejects)).isEqualTo("file,line,reason,row\n");
    assertThat(results).exists();
  }
}
