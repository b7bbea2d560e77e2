package eligo.serve;

/**
 * A request ends with this status and a message for the client: the message never holds a path, a
 * token or a stack trace.
 */
final class HttpError extends RuntimeException {
  private static final long serialVersionUID = 1L;
  final int status;

  HttpError(int status, String message) {
    super(message, null, false, false);
    this.status = status;
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
