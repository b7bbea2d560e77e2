package eligo.io;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Random;
import java.util.concurrent.ExecutorService;
import java.util.zip.CRC32C;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class Crc32cPartsTest {
  @TempDir Path dir;

  private static int crc(byte[] b, int from, int length) {
    CRC32C c = new CRC32C();
    c.update(b, from, length);
    return (int) c.getValue();
  }

  @Test
  void theChecksumsOfTwoPartsCombineIntoThatOfBoth() {
    Random random = new Random(23);
    byte[] bytes = new byte[70_000];
    random.nextBytes(bytes);
    for (int i = 0; i < 300; i++) {
      int from = random.nextInt(bytes.length);
      int length = random.nextInt(bytes.length - from + 1);
      int split = i < 10 ? (i % 2 == 0 ? 0 : length) : random.nextInt(length + 1);
      int first = crc(bytes, from, split);
      int second = crc(bytes, from + split, length - split);
      assertThat(Crc32cParts.combine(first, second, length - split))
          .as("%d bytes from %d, split at %d", length, from, split)
          .isEqualTo(crc(bytes, from, length));
    }
  }

  @Test
  void aSpanCheckedInPartsOnSeveralThreadsHasTheChecksumOfItsBytes() throws Exception {
    Random random = new Random(29);
    byte[] bytes = new byte[300_007];
    random.nextBytes(bytes);
    Path file = dir.resolve("bytes");
    Files.write(file, bytes);
    ExecutorService pool = DaemonThreads.pool(3, "test-check");
    try (FileChannel ch = FileChannel.open(file)) {
      for (long part : new long[] {997, 4096, 65_537, 300_007, 1 << 20}) {
        for (int[] span : new int[][] {{0, bytes.length}, {13, 250_000}, {bytes.length, 0}}) {
          Crc32cParts sum = Crc32cParts.start(ch, span[0], span[1], pool, part);
          assertThat(sum.value())
              .as("%d bytes from %d in parts of %d", span[1], span[0], part)
              .isEqualTo(Integer.toUnsignedLong(crc(bytes, span[0], span[1])));
        }
      }
      // a span past the end of the file is an error, never a checksum of fewer bytes
      Crc32cParts past = Crc32cParts.start(ch, bytes.length - 10, 20, pool, 8);
      assertThatThrownBy(past::value)
          .isInstanceOf(IOException.class)
          .hasMessageContaining("shorter than");
    } finally {
      pool.shutdownNow();
    }
  }
}
