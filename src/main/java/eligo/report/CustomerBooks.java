package eligo.report;

import java.nio.charset.StandardCharsets;
import java.util.zip.CRC32;

/**
 * Which page (a <em>book</em>, at the site's top beside {@code index.html}) holds a customer: the
 * customers' pages are sections of a few books, each a section with the customer's id as its anchor
 * ({@link SiteNames}), since a file per customer costs the file system more than its bytes (100,000
 * customers, one site per partner: 160,000 files).
 *
 * <p>A site of {@code n} customers has {@link #count} books, a power of two with about {@value
 * #SIZE} customers or fewer each; a customer's book is the CRC-32 of its id's UTF-8 bytes modulo
 * that count. So a customer's link ({@code cCOUNT-K.html#NAME}) depends only on its id and the
 * site's number of books: after the next run it leads to the same customer, or, when the number of
 * books changed, to no page at all, never to another customer.
 */
final class CustomerBooks {
  private CustomerBooks() {}

  /** Customers per book, at most on average. */
  static final int SIZE = 64;

  /** The number of books of a site of {@code customers} customers: a power of two. */
  static int count(int customers) {
    int books = 1;
    while ((long) books * SIZE < customers) {
      books *= 2;
    }
    return books;
  }

  /**
   * The book (page name, without extension) of customer {@code id}: {@code c}, the count, {@code -}
   * and the book's number. A folder of its own for the books would cost a partner's site a 4 KB
   * directory for one or two pages.
   */
  static String of(String id, int count) {
    CRC32 crc = new CRC32();
    crc.update(id.getBytes(StandardCharsets.UTF_8));
    return "c" + count + "-" + (crc.getValue() & (count - 1));
  }
}
