package eligo.spark;

import eligo.data.NodeResults;
import java.io.ByteArrayOutputStream;

/**
 * A customer's results packed small for the sort that puts customers in the file's order: per area
 * (program order) and result node, the status byte and, when evaluated, the value as a zigzag
 * variable-length long. {@link #unpack} gives them back for {@link
 * eligo.engine.ResultsRows#customer}.
 */
final class Outcomes {
  private Outcomes() {}

  static byte[] pack(NodeResults[] areas) {
    ByteArrayOutputStream out = new ByteArrayOutputStream(64);
    for (NodeResults r : areas) {
      for (int i = 0; i < r.status.length; i++) {
        out.write(r.status[i]);
        if (r.status[i] != NodeResults.NOT_EVALUATED) {
          long v = (r.value[i] << 1) ^ (r.value[i] >> 63);
          while ((v & ~0x7FL) != 0) {
            out.write((int) ((v & 0x7F) | 0x80));
            v >>>= 7;
          }
          out.write((int) v);
        }
      }
    }
    return out.toByteArray();
  }

  /** Fills {@code status[a][i]} and {@code value[a][i]} (sized by the program) from {@code b}. */
  static void unpack(byte[] b, byte[][] status, long[][] value) {
    int pos = 0;
    for (int a = 0; a < status.length; a++) {
      for (int i = 0; i < status[a].length; i++) {
        byte s = b[pos++];
        status[a][i] = s;
        long v = 0;
        if (s != NodeResults.NOT_EVALUATED) {
          int shift = 0;
          long x;
          do {
            x = b[pos++];
            v |= (x & 0x7F) << shift;
            shift += 7;
          } while ((x & 0x80) != 0);
          v = (v >>> 1) ^ -(v & 1);
        }
        value[a][i] = v;
      }
    }
  }
}
