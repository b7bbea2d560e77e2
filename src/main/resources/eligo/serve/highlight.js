// Syntax highlighting of *.criteria and *.cases text for the workbench, after the TextMate
// grammars in editors/vscode/syntaxes (the same keyword lists and token kinds). Builds DOM nodes
// only (text nodes in spans): no markup from the text is ever parsed.
"use strict";
(function () {
  var CRITERIA = {
    decl: "import association types type workloads table measure band define template parameter area from branch by otherwise family except",
    node: "gate metric leaf partner each",
    item: "criteria details per value met when",
    op: "or and not within in via at of net sum count any all for where associated earliest start",
    type: "money number",
    measure: "acr revenue paid_units active_users protected_users",
    dim: "tenant workload month customer",
    builtin: "M window TTM"
  };
  var CASES = {
    decl: "case intent",
    item: "as of workloads workload family customer partner tenant association usage from to for",
    node: "expect",
    status: "met not_met not_evaluated not evaluated",
    measure: "acr revenue paid_units active_users protected_users acr_usd revenue_usd"
  };
  function table(words) {
    var t = {};
    Object.keys(words).forEach(function (kind) {
      words[kind].split(" ").forEach(function (w) { t[w] = kind; });
    });
    return t;
  }
  var TABLES = { criteria: table(CRITERIA), cases: table(CASES) };
  var TOKEN = /(#.*)|("(?:[^"\\\n]|\\.)*"?)|(\$[0-9]+(?:\.[0-9]+)?|\b[0-9]+(?:\.[0-9]+)?%?|\b[0-9]{4}-[0-9]{2}\b)|([A-Za-z_][A-Za-z0-9_]*(?:-[A-Za-z][A-Za-z0-9_]*)*)|(>=|<=|!=|==|\.\.|[<>=+\-*\/])/g;

  // Fills `target` with the highlighted `text`; lines in `marked` (1-based line -> severity)
  // get a class so errors show at their line.
  function highlight(target, text, kind, marked) {
    var words = TABLES[kind] || TABLES.criteria;
    while (target.firstChild) { target.removeChild(target.firstChild); }
    var lines = text.split("\n");
    for (var i = 0; i < lines.length; i++) {
      var line = document.createElement("span");
      line.className = "line";
      line.setAttribute("data-line", String(i + 1));
      if (marked && marked[i + 1]) { line.className += " mark-" + marked[i + 1]; }
      var s = lines[i];
      var last = 0;
      var m;
      TOKEN.lastIndex = 0;
      while ((m = TOKEN.exec(s)) !== null) {
        if (m.index > last) { line.appendChild(document.createTextNode(s.slice(last, m.index))); }
        var cls = m[1] ? "tok-comment" : m[2] ? "tok-string" : m[3] ? "tok-number"
          : m[4] ? (words[m[4]] ? "tok-" + words[m[4]] : null) : "tok-operator";
        if (cls) {
          var span = document.createElement("span");
          span.className = cls;
          span.textContent = m[0];
          line.appendChild(span);
        } else {
          line.appendChild(document.createTextNode(m[0]));
        }
        last = m.index + m[0].length;
        if (m[0].length === 0) { TOKEN.lastIndex++; }
      }
      if (last < s.length) { line.appendChild(document.createTextNode(s.slice(last))); }
      line.appendChild(document.createTextNode("\n"));
      target.appendChild(line);
    }
  }
  window.EligoHighlight = { highlight: highlight };
})();
