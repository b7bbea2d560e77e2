package eligo.cases;

import eligo.data.NodeResults;

/** A node's outcome as case files and results files write it. */
public enum Status {
  MET("met"),
  NOT_MET("not_met"),
  NOT_EVALUATED("not_evaluated");

  private final String text;

  Status(String text) {
    this.text = text;
  }

  /** {@code met}, {@code not_met} or {@code not_evaluated}. */
  public String text() {
    return text;
  }

  /** The status of a {@link NodeResults} status byte. */
  public static Status of(byte status) {
    switch (status) {
      case NodeResults.MET:
        return MET;
      case NodeResults.NOT_MET:
        return NOT_MET;
      default:
        return NOT_EVALUATED;
    }
  }

  @Override
  public String toString() {
    return text;
  }
}
