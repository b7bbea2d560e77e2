package eligo.io;

import eligo.data.Dataset;
import java.io.IOException;
import java.lang.ref.Cleaner;
import java.nio.Buffer;
import java.nio.ByteBuffer;
import java.nio.LongBuffer;
import java.nio.channels.FileChannel;
import java.util.IdentityHashMap;
import java.util.Map;

/**
 * The usage rows' columns of a snapshot mapped from its file, and that file, open, to read them by
 * offset: a thread evaluating a chunk of customers reads their rows so ({@link
 * Dataset.Backing#readRows}) rather than through the mapping. On this project's virtual machines
 * mapping a page costs more than copying it: 2 GB of a snapshot in the page cache went through a
 * fresh mapping at 2.0 to 2.2 GB/s, through reads of 256 KB at 8.5 to 9.2 GB/s (a small Java
 * program). The channel is the one the snapshot was read and mapped from, so a file put in its
 * place by a rename is never read; it is closed once the dataset is unreachable.
 */
final class SnapshotRows implements Dataset.Backing {
  private static final Cleaner CLEANER = Cleaner.create();

  private final FileChannel ch;
  private final Dataset.Backing check;

  /** By column (by identity): the offset of its first item in the file. */
  private final Map<Buffer, Long> offsets;

  /**
   * Rows of columns {@code offsets} read from {@code ch}, which it closes when it is unreachable;
   * {@code check} says whether the file is still the one read.
   */
  SnapshotRows(FileChannel ch, Dataset.Backing check, IdentityHashMap<Buffer, Long> offsets) {
    this.ch = ch;
    this.check = check;
    this.offsets = offsets;
    CLEANER.register(this, () -> close(ch));
  }

  private static void close(FileChannel ch) {
    try {
      ch.close();
    } catch (IOException e) {
      // nothing more to do with a channel no longer used
    }
  }

  @Override
  public void check() throws IOException {
    check.check();
  }

  @Override
  public boolean readRows(Buffer column, int from, int n, ByteBuffer into) {
    Long at = offsets.get(column);
    if (at == null) {
      return false;
    }
    int width = column instanceof LongBuffer ? 8 : 4;
    into.clear().limit(n * width);
    long offset = at + (long) from * width;
    try {
      while (into.hasRemaining()) {
        if (ch.read(into, offset + into.position()) < 0) {
          return false; // cut short since it was read: the mapping says so, as it did before
        }
      }
    } catch (IOException e) {
      return false; // closed, by an interrupt of another thread's read: the mapping still serves
    }
    into.flip();
    return true;
  }
}
