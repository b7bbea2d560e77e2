package eligo.io;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermission;
import java.util.List;
import java.util.Set;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Output files are written whole or not at all, never through a link, never over an input. */
class OutputFileTest {
  @TempDir Path dir;

  private List<String> names() throws IOException {
    try (Stream<Path> s = Files.list(dir)) {
      return s.map(p -> p.getFileName().toString()).sorted().toList();
    }
  }

  /**
   * A full disk says which output it stopped: the JVM's words are only "No space left on device"
   * (eligo run --results on a full file system printed just that).
   */
  @Test
  void aFullDiskNamesTheOutput() {
    Path out = dir.resolve("results.csv");
    OutputStream full =
        OutputFile.naming(
            new OutputStream() {
              @Override
              public void write(int b) throws IOException {
                throw new IOException("No space left on device");
              }
            },
            out);
    assertThatThrownBy(() -> full.write(new byte[] {1, 2}, 0, 2))
        .isInstanceOfSatisfying(
            OutputFile.WriteFailed.class,
            e -> {
              assertThat(e.getFile()).isEqualTo(out.toString());
              assertThat(e.getReason())
                  .isEqualTo(
                      "writing it failed (No space left on device); a file there before is left"
                          + " as it was");
              // a snapshot's "could not be written (...)" names the file itself
              assertThat(OutputFile.reason(e)).isEqualTo("No space left on device");
            });
  }

  @Test
  void aFailedWriteLeavesThePreviousFileWholeAndNoTemporaryFile() throws IOException {
    Path out = dir.resolve("results.csv");
    OutputFile.write(out, "old\n".getBytes(StandardCharsets.UTF_8));
    assertThatThrownBy(
            () ->
                OutputFile.write(
                    out,
                    os -> {
                      os.write("half of the new".getBytes(StandardCharsets.UTF_8));
                      throw new IOException("disk full");
                    }))
        .hasMessage("disk full");
    assertThat(Files.readString(out)).isEqualTo("old\n");
    assertThat(names()).containsExactly("results.csv");
  }

  @Test
  void aLinkPlantedAtTheTargetIsReplacedNotWrittenThrough() throws IOException {
    Path victim = dir.resolve("victim.txt");
    Files.writeString(victim, "precious");
    Path out = dir.resolve("results.csv");
    Files.createSymbolicLink(out, victim);
    OutputFile.write(out, "rows".getBytes(StandardCharsets.UTF_8));
    assertThat(Files.readString(victim)).isEqualTo("precious");
    assertThat(Files.isSymbolicLink(out)).isFalse();
    assertThat(Files.readString(out)).isEqualTo("rows");
  }

  @Test
  void theFileModeFollowsTheUmaskAsAnyNewFile() throws IOException {
    Path plain = Files.createFile(dir.resolve("made-by-java.txt"));
    Path out = dir.resolve("results.csv");
    OutputFile.write(out, new byte[0]);
    Set<PosixFilePermission> expected = Files.getPosixFilePermissions(plain);
    assertThat(Files.getPosixFilePermissions(out, LinkOption.NOFOLLOW_LINKS)).isEqualTo(expected);
    assertThat(expected).contains(PosixFilePermission.OWNER_READ, PosixFilePermission.OWNER_WRITE);
  }

  @Test
  void temporaryFilesOfDeadProcessesAreSweptOthersKept() throws IOException {
    long dead = deadPid();
    Path stale = Files.writeString(dir.resolve(".results.csv.eligo-" + dead + "-abc.tmp"), "x");
    long live = ProcessHandle.current().parent().map(ProcessHandle::pid).orElseThrow();
    Path running = Files.writeString(dir.resolve(".results.csv.eligo-" + live + "-abc.tmp"), "x");
    Path unrelated = Files.writeString(dir.resolve(".other.csv.eligo-" + dead + "-abc.tmp"), "x");
    OutputFile.write(dir.resolve("results.csv"), new byte[] {'r'});
    assertThat(stale).doesNotExist();
    assertThat(running).exists();
    assertThat(unrelated).exists();
  }

  /** A PID that no process has now. */
  private static long deadPid() {
    for (long pid = 4_000_000; ; pid--) {
      if (ProcessHandle.of(pid).isEmpty()) {
        return pid;
      }
    }
  }

  @Test
  void aBatchNotCommittedChangesNothing() throws IOException {
    Path a = dir.resolve("a.csv");
    Files.writeString(a, "before");
    try (OutputFile.Batch batch = new OutputFile.Batch()) {
      try (OutputStream os = batch.open(a)) {
        os.write('x');
      }
      try (OutputStream os = batch.open(dir.resolve("b.csv"))) {
        os.write('y');
      }
    }
    assertThat(names()).containsExactly("a.csv");
    assertThat(Files.readString(a)).isEqualTo("before");
  }

  @Test
  void aBatchCommittedReplacesEveryFile() throws IOException {
    try (OutputFile.Batch batch = new OutputFile.Batch()) {
      for (String name : List.of("a.csv", "b.csv")) {
        try (OutputStream os = batch.open(dir.resolve(name))) {
          os.write(name.getBytes(StandardCharsets.UTF_8));
        }
      }
      batch.commit();
    }
    assertThat(names()).containsExactly("a.csv", "b.csv");
    assertThat(Files.readString(dir.resolve("b.csv"))).isEqualTo("b.csv");
  }

  @Test
  void inputsAndOtherOutputsAreRefusedAsTargets() throws IOException {
    Path data = Files.createDirectories(dir.resolve("data"));
    Path usage = Files.writeString(data.resolve("usage.csv"), "x");
    Path criteria = Files.writeString(dir.resolve("azure.criteria"), "x");
    Path link = Files.createSymbolicLink(dir.resolve("link.csv"), criteria);
    List<Path> inputs = List.of(data, criteria);

    assertThat(OutputFile.refuseInputs("--results", usage, inputs, List.of()))
        .isEqualTo(
            "--results "
                + usage
                + " lies inside the input folder "
                + data
                + ": choose another file");
    assertThat(OutputFile.refuseInputs("--results", link, inputs, List.of()))
        .contains("is an input of this run");
    assertThat(OutputFile.refuseInputs("--results", data.resolve("new.csv"), inputs, List.of()))
        .contains("lies inside the input folder " + data);
    assertThat(OutputFile.refuseInputs("--rejects", criteria, inputs, List.of()))
        .isEqualTo("--rejects " + criteria + " is an input of this run: choose another file");
    Path results = dir.resolve("out/results.csv");
    assertThat(
            OutputFile.refuseInputs(
                "--rejects", dir.resolve("out/../out/results.csv"), inputs, List.of(results)))
        .contains("is also another output of this run");
    assertThat(OutputFile.refuseInputs("--results", results, inputs, List.of(dir.resolve("r.csv"))))
        .isNull();
  }

  @Test
  void aLargeFileHoldsExactlyItsBytesWhateverTheirLengthAgainstTheDisksBlocks() throws IOException {
    java.util.Random random = new java.util.Random(19);
    for (int length : new int[] {0, 1, 4095, 4096, 4097, DirectOutput.BUFFER + 3}) {
      byte[] bytes = new byte[length];
      random.nextBytes(bytes);
      Path out = dir.resolve("large-" + length + ".csv");
      OutputFile.write(
          out,
          OutputFile.DIRECT_FROM,
          os -> {
            // in uneven pieces and single bytes, as a formatter hands them over
            int at = 0;
            for (int piece = 1; at < bytes.length; piece = piece * 3 % 100_003 + 1) {
              int n = Math.min(piece, bytes.length - at);
              if (n == 1) {
                os.write(bytes[at]);
              } else {
                os.write(bytes, at, n);
              }
              at += n;
            }
          });
      assertThat(Files.readAllBytes(out)).as("%d bytes", length).isEqualTo(bytes);
    }
    assertThat(names()).allMatch(n -> n.startsWith("large-"));
  }

  @Test
  void aDirectStreamHoldsExactlyItsBytesAcrossTheBuffersItWritesWhileTheOtherFills()
      throws IOException {
    java.util.Random random = new java.util.Random(23);
    int size = 8192; // two buffers of two blocks take turns
    for (int length :
        new int[] {0, 1, size - 1, size, size + 1, 2 * size, 5 * size + 4097, 64 * size}) {
      Path out = Files.createFile(dir.resolve("direct-" + length));
      OutputStream direct = DirectOutput.open(out, size);
      org.junit.jupiter.api.Assumptions.assumeTrue(
          direct != null, "the temporary folder's file system takes no direct I/O");
      byte[] bytes = new byte[length];
      random.nextBytes(bytes);
      try (direct) {
        int at = 0;
        for (int piece = 1; at < bytes.length; piece = piece * 7 % 20_011 + 1) {
          int n = Math.min(piece, bytes.length - at);
          direct.write(bytes, at, n);
          at += n;
        }
      }
      assertThat(Files.readAllBytes(out)).as("%d bytes", length).isEqualTo(bytes);
    }
  }

  @Test
  void aLargeFileIsWrittenAroundThePageCacheWhereTheFileSystemTakesDirectIo() throws IOException {
    Path probe = Files.createFile(dir.resolve("probe"));
    OutputStream direct = DirectOutput.open(probe);
    // tmpfs and some network file systems refuse O_DIRECT: the writer then goes the usual way
    org.junit.jupiter.api.Assumptions.assumeTrue(
        direct != null, "the temporary folder's file system takes no direct I/O");
    try (direct) {
      direct.write("abc".getBytes(StandardCharsets.UTF_8));
    }
    assertThat(Files.readString(probe)).isEqualTo("abc");
  }

  @Test
  void aDeviceOrAPipeIsNeverReplacedByAnOutput() throws Exception {
    // a link to /dev/null: were the device taken for a file, the rename would replace the link,
    // never the machine's /dev/null
    Path device = Files.createSymbolicLink(dir.resolve("null"), Path.of("/dev/null"));
    Path pipe = dir.resolve("pipe");
    assertThat(new ProcessBuilder("mkfifo", pipe.toString()).start().waitFor()).isZero();
    for (Path target : List.of(device, pipe)) {
      assertThat(OutputFile.refuseInputs("--results", target, List.of(), List.of()))
          .isEqualTo(
              "--results "
                  + target
                  + " is a device, a pipe or a socket, not a file: Eligo writes its outputs whole"
                  + " and renames them into place, which would replace it; name a regular file");
      assertThatThrownBy(() -> OutputFile.write(target, "x".getBytes(StandardCharsets.UTF_8)))
          .isInstanceOf(IOException.class)
          .hasMessageContaining(target + " is a device, a pipe or a socket, not a file");
    }
    assertThat(Files.isSymbolicLink(device)).isTrue();
    assertThat(
            Files.readAttributes(pipe, java.nio.file.attribute.BasicFileAttributes.class).isOther())
        .isTrue();
    assertThat(names()).containsExactly("null", "pipe");
  }

  @Test
  void aFolderIsRefusedAsAnOutputFile() throws IOException {
    assertThat(OutputFile.refuseInputs("--snapshot", dir, List.of(), List.of()))
        .isEqualTo("--snapshot " + dir + " is a folder: name a file");
  }

  @Test
  void aTargetWithTheLongestNameAllowedIsWrittenFileAndFolderAlike() throws IOException {
    // the temporary name beside it, made of the target's, must not pass 255 bytes
    Path file = dir.resolve("f".repeat(250));
    OutputFile.write(file, "x".getBytes(StandardCharsets.UTF_8));
    assertThat(file).hasContent("x");
    Path folder = dir.resolve("d".repeat(250));
    OutputFolder.write(folder, tmp -> Files.writeString(tmp.resolve("index.html"), "y"));
    OutputFolder.write(folder, tmp -> Files.writeString(tmp.resolve("index.html"), "z"));
    assertThat(folder.resolve("index.html")).hasContent("z");
    assertThat(names()).containsExactly("d".repeat(250), "f".repeat(250));
  }

  @Test
  void aSiteSetAsideByAProcessStoppedMidSwapIsPutBackNotSwept() throws IOException {
    Path site = dir.resolve("site");
    OutputFolder.write(site, tmp -> Files.writeString(tmp.resolve("index.html"), "previous"));
    // as a process killed between its two renames leaves it: the new site not yet in place
    Path aside = dir.resolve(".site.eligo-" + Long.MAX_VALUE + "-x.old.tmp");
    Files.move(site, aside);
    assertThatThrownBy(
            () ->
                OutputFolder.write(
                    site,
                    tmp -> {
                      throw new IOException("disk full");
                    }))
        .hasMessage("disk full");
    assertThat(site.resolve("index.html")).hasContent("previous");
    assertThat(names()).containsExactly("site");
  }
}
