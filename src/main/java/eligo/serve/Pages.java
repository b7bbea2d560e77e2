package eligo.serve;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;

/**
 * The server's own pages: sign-in and the staff's workbench, and their static files (style sheet,
 * scripts) from the jar's resources beside this class. No page has inline script: the scripts are
 * files of this server (the Content-Security-Policy allows nothing else), and every text put into
 * markup is escaped.
 */
final class Pages {
  private Pages() {}

  record Asset(String type, byte[] bytes) {}

  private static final Map<String, String> ASSETS =
      Map.of(
          "serve.css", "text/css; charset=utf-8",
          "workbench.js", "text/javascript; charset=utf-8",
          "highlight.js", "text/javascript; charset=utf-8",
          "linediff.js", "text/javascript; charset=utf-8",
          "assist.js", "text/javascript; charset=utf-8");

  /** A static file by name, or null: only the names listed are served. */
  static Asset asset(String name) {
    String type = ASSETS.get(name);
    if (type == null) {
      return null;
    }
    try (InputStream in = Pages.class.getResourceAsStream(name)) {
      if (in == null) {
        return null;
      }
      return new Asset(type, in.readAllBytes());
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  static String escape(String s) {
    StringBuilder b = new StringBuilder(s.length() + 16);
    for (int i = 0; i < s.length(); i++) {
      char c = s.charAt(i);
      switch (c) {
        case '&' -> b.append("&amp;");
        case '<' -> b.append("&lt;");
        case '>' -> b.append("&gt;");
        case '"' -> b.append("&quot;");
        case '\'' -> b.append("&#39;");
        default -> b.append(c);
      }
    }
    return b.toString();
  }

  /** A text as one percent-encoded path segment. */
  static String urlSegment(String s) {
    return URLEncoder.encode(s, StandardCharsets.UTF_8).replace("+", "%20");
  }

  private static String head(String title) {
    return "<!DOCTYPE html>\n<html lang=\"en\"><head><meta charset=\"utf-8\">"
        + "<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">"
        + "<title>"
        + escape(title)
        + "</title><link rel=\"stylesheet\" href=\"/assets/serve.css\">";
  }

  /** A page for an error of a page request: the status, what went wrong, and a way back. */
  static String error(int status, String message) {
    return head("Eligo: " + status)
        + "</head><body class=\"login\"><main><h1>"
        + status
        + "</h1><p class=\"problem\" role=\"alert\">"
        + escape(message)
        + "</p><p><a href=\"/\">Back to the start page</a></p></main></body></html>\n";
  }

  /** The sign-out page: one button, posting the session's CSRF token. */
  static String signOut(String csrf) {
    return head("Eligo: sign out")
        + "</head><body class=\"login\"><main><h1>Sign out</h1>"
        + "<form method=\"post\" action=\"/logout\" class=\"signout\">"
        + "<input type=\"hidden\" name=\"csrf\" value=\""
        + escape(csrf)
        + "\"><button type=\"submit\" id=\"sign-out\">Sign out of Eligo</button></form>"
        + "<p><a href=\"/\">Back to the start page</a></p></main></body></html>\n";
  }

  /** The sign-in page; {@code next}: the page to go to once signed in (a checked path), or null. */
  static String login(String problem, boolean local, String next) {
    StringBuilder b = new StringBuilder(head("Eligo: sign in"));
    b.append("</head><body class=\"login\"><main><h1>Eligo</h1>");
    if (problem != null) {
      b.append("<p class=\"problem\" role=\"alert\">").append(escape(problem)).append("</p>");
    }
    b.append("<form method=\"post\" action=\"/login\">");
    if (next != null) {
      b.append("<input type=\"hidden\" name=\"next\" value=\"").append(escape(next)).append("\">");
    }
    if (local) {
      b.append("<p>This server runs on this machine only: you are program staff.</p>");
    } else {
      b.append(
          "<label for=\"token\">Access token</label>"
              + "<input id=\"token\" name=\"token\" type=\"password\" autocomplete=\"off\""
              + " required>");
    }
    b.append(
        "<button type=\"submit\" id=\"sign-in\">Sign in</button></form></main></body></html>\n");
    return b.toString();
  }

  /**
   * The workbench: a file list, the editor (a text area under a highlighted copy of its text), the
   * diagnostics, and tabs for the impact, the cases, explain and the tree; the partners' pages
   * linked. {@code csrf}: the session's token, which the script sends with every change.
   */
  static String workbench(String csrf, List<String> partners, List<String> files, boolean signOut) {
    StringBuilder b = new StringBuilder(head("Eligo: criteria workbench"));
    b.append("<meta name=\"csrf-token\" content=\"").append(escape(csrf)).append("\">");
    b.append("<script src=\"/assets/highlight.js\" defer></script>");
    b.append("<script src=\"/assets/linediff.js\" defer></script>");
    b.append("<script src=\"/assets/assist.js\" defer></script>");
    b.append("<script src=\"/assets/workbench.js\" defer></script>");
    b.append("</head><body class=\"workbench\"><header><h1>Criteria workbench</h1>");
    if (signOut) {
      b.append("<form method=\"post\" action=\"/logout\" class=\"signout\">")
          .append("<input type=\"hidden\" name=\"csrf\" value=\"")
          .append(escape(csrf))
          .append("\"><button type=\"submit\">Sign out</button></form>");
    }
    b.append("</header><nav id=\"files\" aria-label=\"Files\"><h2>Files</h2><ul>");
    for (String f : files) {
      b.append("<li><button type=\"button\" class=\"file\" data-file=\"")
          .append(escape(f))
          .append("\">")
          .append(escape(f))
          .append("</button></li>");
    }
    b.append("</ul><h2>Partners</h2><ul class=\"partners\">");
    for (String p : partners) {
      b.append("<li><a href=\"/p/")
          .append(escape(urlSegment(p)))
          .append("/index.html\">")
          .append(escape(p))
          .append("</a></li>");
    }
    b.append("</ul></nav>");
    b.append(
        """
        <main>
        <div class="toolbar"><span id="file-name">(choose a file)</span>
        <span id="status" role="status"></span>
        <button type="button" id="suggest" title="Ctrl+Space" disabled>Suggest</button>
        <button type="button" id="save" disabled>Save</button></div>
        <section id="conflict" hidden aria-labelledby="conflict-title"><h2 id="conflict-title">Saved by \
        someone else</h2><p id="conflict-what"></p><pre id="conflict-diff"></pre>\
        <button type="button" id="keep-mine">Save my edit over theirs</button> \
        <button type="button" id="take-theirs">Take theirs (drop my edit)</button></section>
        <div class="editor"><pre id="highlight" aria-hidden="true"></pre>\
        <textarea id="source" spellcheck="false" autocomplete="off" \
        aria-label="File text" disabled></textarea></div>
        <section id="assist-panel" aria-label="At the cursor"><div id="suggest-box" hidden>        <ul id="suggestions" role="listbox" aria-label="Suggestions"></ul>        <p id="suggest-more"></p></div><p id="hover" aria-live="polite"></p></section>
        <section id="diagnostics-panel"><h2>Diagnostics</h2><ul id="diagnostics"></ul></section>
        <section id="tabs">
        <div class="tabbar" role="tablist">
        <button type="button" role="tab" data-tab="impact" aria-controls="tab-impact" aria-selected="true" class="active">Impact</button>
        <button type="button" role="tab" data-tab="cases" aria-controls="tab-cases" aria-selected="false">Cases</button>
        <button type="button" role="tab" data-tab="explain" aria-controls="tab-explain" aria-selected="false">Explain</button>
        <button type="button" role="tab" data-tab="tree" aria-controls="tab-tree" aria-selected="false">Tree</button></div>
        <div id="tab-impact" class="tab" role="tabpanel"><p id="impact-headline">Edit a criteria file: \
        the impact on the loaded data shows here.</p><div id="impact"></div></div>
        <div id="tab-cases" class="tab" role="tabpanel" hidden><button type="button" id="run-cases">Run the \
        cases</button><div id="cases"></div></div>
        <div id="tab-explain" class="tab" role="tabpanel" hidden><label>Customer id <input id="customer" \
        autocomplete="off"></label> <button type="button" id="run-explain">Explain</button>\
        <div id="explain"></div></div>
        <div id="tab-tree" class="tab" role="tabpanel" hidden><label>Area <input id="area" \
        autocomplete="off"></label> <button type="button" id="run-tree">Show</button>\
        <div id="tree"></div></div>
        </section>
        </main></body></html>
        """);
    return b.toString();
  }
}
