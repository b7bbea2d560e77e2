package eligo.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code run --snapshot}: the first run writes it, the next reads it and writes the same results;
 * changed data or a damaged snapshot are noticed and the snapshot written again; a snapshot may not
 * be an input or another output.
 */
class SnapshotRunTest {
  @TempDir Path tmp;

  @Test
  void aSecondRunReadsTheSnapshotAndWritesTheSameResults() throws Exception {
    Path data = copySample();
    Path snap = tmp.resolve("data.snap");
    Run first = run(data, snap, "r1.csv");
    assertThat(first.code).isZero();
    assertThat(first.err).contains("snapshot " + snap + " written (there is none yet)");
    Run second = run(data, snap, "r2.csv");
    assertThat(second.code).isZero();
    assertThat(second.err).contains("data read from snapshot " + snap);
    assertThat(Files.readAllBytes(tmp.resolve("r2.csv")))
        .isEqualTo(Files.readAllBytes(tmp.resolve("r1.csv")));

    // the data change: the snapshot is not used, and is written again
    Path customers = data.resolve("customers.csv");
    Files.writeString(customers, Files.readString(customers).replaceFirst("\nP0", "\nQ0"));
    Run third = run(data, snap, "r3.csv");
    assertThat(third.err)
        .contains(
            "written (the data changed since it was written: customers.csv's modification time"
                + " (the content may be the same))");
    assertThat(Files.readString(tmp.resolve("r3.csv")))
        .isNotEqualTo(Files.readString(tmp.resolve("r1.csv")));
    Run fourth = run(data, snap, "r4.csv");
    assertThat(fourth.err).contains("data read from snapshot");
    assertThat(Files.readAllBytes(tmp.resolve("r4.csv")))
        .isEqualTo(Files.readAllBytes(tmp.resolve("r3.csv")));

    // one byte changed, same size and modification time: the snapshot is read while the files are
    // hashed (their stats match), then dropped once the hashes differ
    Path usage = data.resolve("usage.csv");
    java.nio.file.attribute.FileTime time = Files.getLastModifiedTime(usage);
    byte[] rows = Files.readAllBytes(usage);
    int digit = new String(rows, java.nio.charset.StandardCharsets.ISO_8859_1).lastIndexOf('1');
    rows[digit] = '9';
    Files.write(usage, rows);
    Files.setLastModifiedTime(usage, time);
    Run sameStats = run(data, snap, "r3b.csv");
    assertThat(sameStats.code).isZero();
    assertThat(sameStats.err).contains("written (the data changed since it was written)");
    Run again = run(data, snap, "r3c.csv");
    assertThat(again.err).contains("data read from snapshot");
    assertThat(Files.readAllBytes(tmp.resolve("r3c.csv")))
        .isEqualTo(Files.readAllBytes(tmp.resolve("r3b.csv")));
    rows[digit] = '1';
    Files.write(usage, rows);
    Files.setLastModifiedTime(usage, time);
    assertThat(run(data, snap, "r3d.csv").err)
        .contains("written (the data changed since it was written)");
    assertThat(Files.readAllBytes(tmp.resolve("r3d.csv")))
        .isEqualTo(Files.readAllBytes(tmp.resolve("r3.csv")));

    // damaged: noticed and rebuilt
    byte[] bytes = Files.readAllBytes(snap);
    bytes[bytes.length / 2] ^= 1;
    Files.write(snap, bytes);
    Run fifth = run(data, snap, "r5.csv");
    assertThat(fifth.code).isZero();
    assertThat(fifth.err).contains("written (it is damaged");
    assertThat(Files.readAllBytes(tmp.resolve("r5.csv")))
        .isEqualTo(Files.readAllBytes(tmp.resolve("r3.csv")));
  }

  @Test
  void theViewsAndDiffReadTheSnapshotThatRunWrote() throws Exception {
    Path data = copySample();
    Path snap = tmp.resolve("data.snap");
    assertThat(run(data, snap, "r1.csv").code).isZero();
    long written = Files.getLastModifiedTime(snap).toMillis();
    Run plain = cli("summary", "--criteria", "criteria", "--data", data.toString());
    Run fromSnapshot =
        cli(
            "summary",
            "--criteria",
            "criteria",
            "--data",
            data.toString(),
            "--snapshot",
            snap.toString());
    assertThat(fromSnapshot.code).isZero();
    assertThat(fromSnapshot.out).isEqualTo(plain.out).contains("azure");
    Run diff =
        cli(
            "diff",
            "--old",
            "criteria",
            "--new",
            "criteria",
            "--data",
            data.toString(),
            "--snapshot",
            snap.toString());
    assertThat(diff.code).isZero();
    // read, not written again
    assertThat(Files.getLastModifiedTime(snap).toMillis()).isEqualTo(written);
    assertThat(fromSnapshot.err).isEmpty();
    // an old version that loads the data otherwise (one more association type) loads from the
    // CSV: the snapshot keeps the new version's load instead of being written over each time
    Path older = tmp.resolve("older");
    Files.createDirectories(older);
    try (var files = Files.list(Path.of("criteria"))) {
      for (Path f : files.toList()) {
        Files.copy(f, older.resolve(f.getFileName()));
      }
    }
    Files.writeString(
        older.resolve("common.criteria"),
        Files.readString(older.resolve("common.criteria"))
            + "\nassociation type RETIRED = \"Retired\"\n");
    Run otherTypes =
        cli(
            "diff",
            "--old",
            older.toString(),
            "--new",
            "criteria",
            "--data",
            data.toString(),
            "--snapshot",
            snap.toString());
    assertThat(otherTypes.code).as(otherTypes.err).isZero();
    assertThat(otherTypes.err).isEmpty();
    assertThat(Files.getLastModifiedTime(snap).toMillis()).isEqualTo(written);
    // a damaged snapshot: the view says why it wrote it again, and its output is unchanged
    byte[] bytes = Files.readAllBytes(snap);
    bytes[bytes.length - 30] ^= 1;
    Files.write(snap, bytes);
    Run rebuilt =
        cli(
            "summary",
            "--criteria",
            "criteria",
            "--data",
            data.toString(),
            "--snapshot",
            snap.toString());
    assertThat(rebuilt.out).isEqualTo(plain.out);
    assertThat(rebuilt.err)
        .startsWith("eligo: snapshot " + snap + " written (it is damaged (")
        .endsWith("))\n")
        .hasLineCount(1);
  }

  @Test
  void theCriteriasTypesArePartOfItsKeyAndTheirErrorsEndTheRunAsWithout() throws Exception {
    Path data = copySample();
    Path criteria = Files.createDirectories(tmp.resolve("criteria"));
    try (Stream<Path> files = Files.list(Path.of("criteria"))) {
      for (Path f : files.toList()) {
        Files.copy(f, criteria.resolve(f.getFileName()));
      }
    }
    Path snap = tmp.resolve("data.snap");
    assertThat(run(criteria, data, snap, "r1.csv").err).contains("written (there is none yet)");
    assertThat(run(criteria, data, snap, "r2.csv").err).contains("data read from snapshot");

    // the snapshot is read while the criteria are checked: their association types are compared
    // once it is read, and other types make it written again
    Path common = criteria.resolve("common.criteria");
    String declared = Files.readString(common);
    Files.writeString(common, declared + "association type NEW_TYPE = \"New type\"\n");
    Run otherTypes = run(criteria, data, snap, "r3.csv");
    assertThat(otherTypes.code).isZero();
    assertThat(otherTypes.err)
        .contains(
            "written (it was written for other association types, attributes or bad-rows mode)");
    assertThat(run(criteria, data, snap, "r4.csv").err).contains("data read from snapshot");

    // a criteria error ends the run with its place, as without a snapshot, which stays as it was
    byte[] kept = Files.readAllBytes(snap);
    Files.writeString(common, declared + "association type BROKEN = \n");
    Run broken = run(criteria, data, snap, "r5.csv");
    assertThat(broken.code).isEqualTo(ExitCodes.CRITERIA);
    assertThat(broken.err).contains("common.criteria:").doesNotContain("snapshot");
    assertThat(tmp.resolve("r5.csv")).doesNotExist();
    assertThat(Files.readAllBytes(snap)).isEqualTo(kept);
  }

  @Test
  void aSnapshotThatIsAnInputOrTheResultsIsRefused() throws Exception {
    Path data = copySample();
    Run intoData = run(data, data.resolve("usage.csv"), "r.csv");
    assertThat(intoData.code).isEqualTo(ExitCodes.USAGE);
    assertThat(intoData.err).contains("--snapshot");
    Run onResults = run(data, tmp.resolve("r.csv"), "r.csv");
    assertThat(onResults.code).isEqualTo(ExitCodes.USAGE);
    assertThat(Files.size(data.resolve("usage.csv"))).isPositive();
  }

  private Path copySample() throws IOException {
    Path data = Files.createDirectories(tmp.resolve("data"));
    try (Stream<Path> files = Files.list(Path.of("examples/sample-data"))) {
      for (Path f : files.toList()) {
        Files.copy(f, data.resolve(f.getFileName()));
      }
    }
    return data;
  }

  private record Run(int code, String out, String err) {}

  private static Run cli(String... args) {
    StringWriter out = new StringWriter();
    StringWriter err = new StringWriter();
    int code = Main.execute(args, new PrintWriter(out), new PrintWriter(err));
    return new Run(code, out.toString(), err.toString());
  }

  private Run run(Path data, Path snap, String results) {
    return run(Path.of("criteria"), data, snap, results);
  }

  private Run run(Path criteria, Path data, Path snap, String results) {
    StringWriter out = new StringWriter();
    StringWriter err = new StringWriter();
    int code =
        Main.execute(
            new String[] {
              "run",
              "--criteria",
              criteria.toString(),
              "--data",
              data.toString(),
              "--results",
              tmp.resolve(results).toString(),
              "--snapshot",
              snap.toString()
            },
            new PrintWriter(out),
            new PrintWriter(err));
    return new Run(code, out.toString(), err.toString());
  }
}
