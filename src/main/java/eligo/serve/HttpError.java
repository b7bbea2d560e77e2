package eligo.serve;

/**
 * A request ends with this status and a message for the client: the message never holds a path, a
 * token or a stack trace.
 */
final class HttpError extends RuntimeException {
  private static final long serialVersionUID = 1L;
  final int status;

  /** For a 405: the methods the resource takes, as its {@code Allow} header says; else null. */
  final String allow;

  /** For a 429: the seconds to wait, as its {@code Retry-After} header says; else 0. */
  final long retryAfter;

  HttpError(int status, String message) {
    this(status, message, null, 0);
  }

  private HttpError(int status, String message, String allow, long retryAfter) {
    super(message, null, false, false);
    this.status = status;
    this.allow = allow;
    this.retryAfter = retryAfter;
  }

  /** Too many failed sign-ins from the client's address: a 429 with {@code Retry-After}. */
  static HttpError tooManySignIns(long seconds) {
    return new HttpError(
        429,
        "too many wrong tokens from this address: try again in " + seconds + " seconds",
        null,
        seconds);
  }

  /** A 405 that says which methods the resource takes ({@code Allow}, as RFC 9110 requires). */
  static HttpError methodNotAllowed(String message, String... allowed) {
    return new HttpError(405, message, String.join(", ", allowed), 0);
  }

  static HttpError badRequest(String message) {
    return new HttpError(400, message);
  }

  static HttpError unauthorized() {
    return new HttpError(401, "sign in: a valid token is needed");
  }

  static HttpError forbidden() {
    return new HttpError(403, "not allowed for this account");
  }

  static HttpError notFound() {
    return new HttpError(404, "not found");
  }
}
