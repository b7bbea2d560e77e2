package eligo.lsp;

import com.google.gson.JsonParseException;
import java.io.Reader;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import org.eclipse.lsp4j.jsonrpc.Endpoint;
import org.eclipse.lsp4j.jsonrpc.MessageConsumer;
import org.eclipse.lsp4j.jsonrpc.MessageIssueException;
import org.eclipse.lsp4j.jsonrpc.RemoteEndpoint;
import org.eclipse.lsp4j.jsonrpc.json.JsonRpcMethod;
import org.eclipse.lsp4j.jsonrpc.json.MessageJsonHandler;
import org.eclipse.lsp4j.jsonrpc.json.StreamMessageConsumer;
import org.eclipse.lsp4j.jsonrpc.messages.Message;
import org.eclipse.lsp4j.jsonrpc.messages.MessageIssue;
import org.eclipse.lsp4j.jsonrpc.messages.NotificationMessage;
import org.eclipse.lsp4j.jsonrpc.messages.RequestMessage;
import org.eclipse.lsp4j.jsonrpc.messages.ResponseError;
import org.eclipse.lsp4j.jsonrpc.messages.ResponseErrorCode;
import org.eclipse.lsp4j.jsonrpc.services.ServiceEndpoints;
import org.eclipse.lsp4j.launch.LSPLauncher;
import org.eclipse.lsp4j.services.LanguageClient;

/**
 * What the server answers before a message reaches its services, as the protocol asks: a request
 * before {@code initialize} is {@code ServerNotInitialized} (-32002) and a notification then is
 * dropped (but {@code exit}); a second {@code initialize}, or a request after {@code shutdown}, is
 * an invalid request; text that is not JSON is a parse error (id null); params missing or of the
 * wrong shape are invalid params. Every message is a plain sentence, never a Java class name or a
 * stack trace.
 */
final class ProtocolGuard extends RemoteEndpoint {
  private final MessageConsumer out;
  private volatile boolean initialized;
  private volatile boolean shutDown;

  private ProtocolGuard(
      MessageConsumer out, Endpoint local, Function<Throwable, ResponseError> errors) {
    super(out, local, errors);
    this.out = out;
  }

  /** The launcher builder that puts the guard between the stream and the server. */
  static final class Builder extends LSPLauncher.Builder<LanguageClient> {
    @Override
    protected MessageJsonHandler createJsonHandler() {
      Map<String, JsonRpcMethod> methods = getSupportedMethods();
      return new MessageJsonHandler(methods, configureGson == null ? gson -> {} : configureGson) {
        @Override
        public Message parseMessage(Reader input) {
          try {
            return super.parseMessage(input);
          } catch (MessageIssueException e) {
            throw e;
          } catch (JsonParseException e) {
            throw new MessageIssueException(
                new RequestMessage(),
                new MessageIssue(
                    "the message is not JSON-RPC: " + firstLine(e),
                    ResponseErrorCode.ParseError.getValue()));
          }
        }
      };
    }

    @Override
    protected RemoteEndpoint createRemoteEndpoint(MessageJsonHandler jsonHandler) {
      MessageConsumer outgoing =
          wrapMessageConsumer(new StreamMessageConsumer(output, jsonHandler));
      Endpoint local = ServiceEndpoints.toEndpoint(localServices);
      ProtocolGuard guard = new ProtocolGuard(outgoing, local, exceptionHandler);
      guard.setJsonHandler(jsonHandler);
      jsonHandler.setMethodProvider(guard);
      return guard;
    }
  }

  @Override
  protected void handleRequest(RequestMessage request) {
    String method = request.getMethod();
    String refused = null;
    ResponseErrorCode code = ResponseErrorCode.InvalidRequest;
    if ("initialize".equals(method) && initialized) {
      refused = "the server is already initialized: 'initialize' is sent once";
    } else if (!"initialize".equals(method) && !initialized) {
      refused = "the server is not initialized: send 'initialize' first, not '" + method + "'";
      code = ResponseErrorCode.ServerNotInitialized;
    } else if (shutDown) {
      refused = "the server is shut down: only 'exit' is taken now, not '" + method + "'";
    } else if (request.getParams() == null && takesParams(method)) {
      refused = "'" + method + "' needs params";
      code = ResponseErrorCode.InvalidParams;
    }
    if (refused != null) {
      out.consume(createErrorResponseMessage(request, new ResponseError(code, refused, null)));
      return;
    }
    if ("initialize".equals(method)) {
      initialized = true;
    } else if ("shutdown".equals(method)) {
      shutDown = true;
    }
    super.handleRequest(request);
  }

  private boolean takesParams(String method) {
    JsonRpcMethod m = getJsonHandler().getJsonRpcMethod(method);
    return m != null && m.getParameterTypes().length > 0;
  }

  @Override
  protected void handleNotification(NotificationMessage notification) {
    String method = notification.getMethod();
    if (!initialized && !"exit".equals(method)) {
      return;
    }
    if (notification.getParams() == null && takesParams(method)) {
      ServerLog.ignored("'" + method + "' came without params: ignored");
      return;
    }
    super.handleNotification(notification);
  }

  @Override
  protected void handleRequestIssues(RequestMessage request, List<MessageIssue> issues) {
    MessageIssue issue = issues.get(0);
    ResponseError error =
        request.getMethod() == null
            ? new ResponseError(issue.getIssueCode(), issue.getText(), null)
            : new ResponseError(
                ResponseErrorCode.InvalidParams,
                "the params of '"
                    + request.getMethod()
                    + "' are not what it takes"
                    + (issue.getCause() == null ? "" : ": " + firstLine(issue.getCause())),
                null);
    out.consume(createErrorResponseMessage(request, error));
  }

  /** An exception's message without its class name or the library's links. */
  private static String firstLine(Throwable t) {
    Throwable cause = t.getCause() != null ? t.getCause() : t;
    String m = cause.getMessage() == null ? "" : cause.getMessage();
    return m.lines().findFirst().orElse("").replaceAll("^[\\w.$]+(Exception|Error): ", "");
  }
}
