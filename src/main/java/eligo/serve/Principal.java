package eligo.serve;

/**
 * Who a request comes from: program staff ({@code partner} null), or one partner, which reaches
 * only its own customers.
 */
record Principal(String partner) {
  static final Principal STAFF = new Principal(null);

  boolean staff() {
    return partner == null;
  }

  /** Whether this principal may see partner {@code p}'s data. */
  boolean mayRead(String p) {
    return staff() || partner.equals(p);
  }
}
