// The criteria workbench: open a file, edit it with highlighting, see the compiler's diagnostics
// as you type, and the impact of the edit on the loaded data; run the cases, explain a customer,
// show an area's tree; save. Talks to the JSON API only (README "eligo serve"); writes text nodes
// only, never markup.
"use strict";
(function () {
  var csrf = document.querySelector('meta[name="csrf-token"]').getAttribute("content");
  var source = document.getElementById("source");
  var shown = document.getElementById("highlight");
  var statusLine = document.getElementById("status");
  var saveButton = document.getElementById("save");
  var state = { file: null, wanted: null, versions: {}, saved: {}, edits: {}, marks: {}, seq: 0 };
  var checkTimer = null;
  var impactTimer = null;

  function el(tag, text, cls) {
    var e = document.createElement(tag);
    if (text !== undefined && text !== null) { e.textContent = String(text); }
    if (cls) { e.className = cls; }
    return e;
  }
  function clear(e) { while (e.firstChild) { e.removeChild(e.firstChild); } }
  function kind(name) { return /\.cases$/.test(name) ? "cases" : "criteria"; }

  // a request refused for its CSRF token (the session ended, and was signed in again in another
  // tab) is sent again once with the new session's token; signed out, it says how to go on
  // without losing the edits
  function api(method, path, body) {
    return send(method, path, body).then(function (r) {
      if (r.status === 401) {
        r.body.error = "you are signed out (the session ended, or the server restarted): sign in " +
          "again in another tab, then come back and try again; your edits are kept in this page";
        return r;
      }
      if (r.status !== 403 || !/CSRF/.test(r.body.error || "")) { return r; }
      return send("GET", "/api/session").then(function (s) {
        if (s.status !== 200 || !s.body.csrf || s.body.csrf === csrf) { return r; }
        csrf = s.body.csrf;
        return send(method, path, body);
      });
    });
  }

  function send(method, path, body) {
    var init = { method: method, headers: { "X-CSRF-Token": csrf }, credentials: "same-origin" };
    if (body !== undefined) {
      init.headers["Content-Type"] = "application/json";
      init.body = JSON.stringify(body);
    }
    // every answer settles as {status, body.error}: a server that is stopped, or an answer that
    // is not JSON (a proxy's page), says so where the answer was awaited ("checking…",
    // "saving…"), not nothing, for ever
    return fetch(path, init).then(function (r) {
      return r.json().then(function (j) { return { status: r.status, body: j }; }, function () {
        return { status: r.status, body: { error: "the server answered " + r.status + " without saying why: try again" } };
      });
    }, function () {
      return { status: 0, body: { error: "the server does not answer (stopped, or the network is down): " +
        "your edits are kept in this page; try again when it is back" } };
    });
  }

  function edited() {
    var files = {};
    Object.keys(state.edits).forEach(function (f) { files[f] = state.edits[f]; });
    return files;
  }

  function paint() {
    window.EligoHighlight.highlight(shown, source.value, kind(state.file || ""), state.marks[state.file]);
    shown.scrollTop = source.scrollTop;
    shown.scrollLeft = source.scrollLeft;
  }

  function markFiles() {
    document.querySelectorAll("button.file").forEach(function (b) {
      var f = b.getAttribute("data-file");
      b.classList.toggle("active", f === state.file);
      b.classList.toggle("edited", state.edits[f] !== undefined);
    });
  }

  // the file last asked for is the one shown: a slower answer for a file asked for before (the
  // first file, opened on load, then another clicked at once) is kept but not shown
  function open(name) {
    state.wanted = name;
    if (state.saved[name] !== undefined) { show(name); return; }
    api("GET", "/api/files/" + encodeURIComponent(name)).then(function (r) {
      if (r.status !== 200) { statusLine.textContent = r.body.error; return; }
      state.saved[name] = r.body.text;
      state.versions[name] = r.body.version;
      if (state.wanted === name) { show(name); }
    });
  }

  function show(name) {
    var shownFile = state.file;
    state.file = name;
    document.getElementById("file-name").textContent = name;
    source.disabled = false;
    document.getElementById("suggest").disabled = false;
    var text = state.edits[name] !== undefined ? state.edits[name] : state.saved[name];
    // the file shown again with the same text (a second answer for it, after the first was shown
    // and typed in) keeps the caret: setting the text moves it to the end
    if (shownFile !== name || source.value !== text) { source.value = text; }
    saveButton.disabled = state.edits[name] === undefined;
    markFiles();
    paint();
    check();
  }

  function onInput() {
    var f = state.file;
    if (source.value === state.saved[f]) { delete state.edits[f]; } else { state.edits[f] = source.value; }
    saveButton.disabled = state.edits[f] === undefined;
    markFiles();
    paint();
    // answers about the text before this keystroke are stale from now on
    state.seq++;
    clearTimeout(impactTimer);
    clearTimeout(checkTimer);
    checkTimer = setTimeout(check, 250);
  }

  // help at the cursor, hover and suggestions (assist.js)
  var assist = window.EligoAssist({
    source: source, state: state, api: api, el: el, clear: clear, edited: edited, onInput: onInput
  });

  function check() {
    var seq = ++state.seq;
    statusLine.textContent = "checking…";
    api("POST", "/api/check", { files: edited() }).then(function (r) {
      if (seq !== state.seq) { return; }
      if (r.status !== 200) { statusLine.textContent = r.body.error; return; }
      showDiagnostics(r.body.diagnostics);
      var errors = r.body.diagnostics.filter(function (d) { return d.severity === "error"; });
      statusLine.textContent = errors.length ? errors.length + " error(s)" : "no errors";
      clearTimeout(impactTimer);
      if (!errors.length) { impactTimer = setTimeout(impact, 300); } else { staleImpact(); }
    });
  }

  // an edit with errors has no impact: what is shown, if anything, is of an earlier text
  function staleImpact() {
    var out = document.getElementById("impact");
    document.getElementById("impact-headline").textContent = out.firstChild
      ? "The edit has errors (see Diagnostics): the impact below is of the last edit without errors, not of this text."
      : "The edit has errors (see Diagnostics): no impact until they are fixed.";
    out.classList.add("stale");
  }

  function showDiagnostics(list) {
    var ul = document.getElementById("diagnostics");
    clear(ul);
    state.marks = {};
    list.forEach(function (d) {
      var li = el("li", d.file + ":" + d.line + ":" + d.column + ": " + d.severity + ": " + d.message, d.severity);
      li.setAttribute("data-line", d.line);
      li.setAttribute("data-file", d.file);
      ul.appendChild(li);
      var m = state.marks[d.file] || (state.marks[d.file] = {});
      if (m[d.line] !== "error") { m[d.line] = d.severity; }
    });
    if (!list.length) { ul.appendChild(el("li", "No problems.", "none")); }
    paint();
  }

  function table(head, rows) {
    var t = el("table");
    var tr = el("tr");
    head.forEach(function (h) { tr.appendChild(el("th", h)); });
    t.appendChild(tr);
    rows.forEach(function (r) {
      var row = el("tr");
      r.forEach(function (c) { row.appendChild(el("td", c === null || c === undefined ? "—" : c)); });
      t.appendChild(row);
    });
    return t;
  }
  // the report's words for outcomes; "(none)" where a version has no such node
  function outcomeWord(s) {
    return { met: "Met", not_met: "Not met", not_evaluated: "Not evaluated" }[s] || "(none)";
  }

  function row(r) { return r ? (r.value ? outcomeWord(r.status) + " " + r.value : outcomeWord(r.status)) : "(none)"; }

  function impact() {
    var seq = state.seq;
    var headline = document.getElementById("impact-headline");
    var out = document.getElementById("impact");
    if (!Object.keys(state.edits).length) {
      headline.textContent = "No edits: the criteria are as saved.";
      clear(out);
      out.classList.remove("stale");
      return;
    }
    headline.textContent = "computing the impact…";
    // what is shown until the answer comes is of the text before: dimmed, as with errors
    out.classList.add("stale");
    api("POST", "/api/impact", { files: edited() }).then(function (r) {
      if (seq !== state.seq) { return; }
      clear(out);
      out.classList.remove("stale");
      if (r.status !== 200) {
        headline.textContent = r.body.error;
        if (r.body.diagnostics) { showDiagnostics(r.body.diagnostics); }
        return;
      }
      var d = r.body;
      // every customer that changes, not only the listed ones (the first 50)
      var changed = d.customersChanged !== undefined ? d.customersChanged : d.customers.length;
      // an edit of a comment, a title or a text: say so, instead of three empty tables
      if (changed === 0 && !d.partners.length) {
        headline.textContent = "No customer changes: on the loaded data this edit changes no " +
          "node's outcome or value for any of the " + d.customerCount + " customers, nor any " +
          "partner's.";
        return;
      }
      headline.textContent = changed + " of " + d.customerCount + " customers change (" +
        d.customers.length + " listed below); " + d.partners.length + " partner rows change.";
      // titles for people, ids as the criteria write them
      var titles = d.titles || {};
      var areaTitle = function (a) { return titles[a] ? titles[a].title : a; };
      var nodeLabel = function (a, n) {
        var t = titles[a] && titles[a].nodes[n];
        return t ? t + " (" + n + ")" : n;
      };
      out.appendChild(el("h3", "Per node"));
      out.appendChild(table(["Area", "Node", "Customers changed", "Moves"], d.nodes.map(function (n) {
        return [areaTitle(n.area), nodeLabel(n.area, n.node), n.customersChanged, n.transitions.map(function (t) {
          return outcomeWord(t.from) + " → " + outcomeWord(t.to) + ": " + t.customers;
        }).join("; ") + (n.valueOnly ? "; value only: " + n.valueOnly : "")];
      })));
      out.appendChild(el("h3", "Per partner"));
      out.appendChild(table(["Partner", "Area", "Node", "Before", "After"], d.partners.map(function (p) {
        return [p.partner, areaTitle(p.area), nodeLabel(p.area, p.node), row(p.before), row(p.after)];
      })));
      out.appendChild(el("h3", "Per customer"));
      var shownRows = [];
      d.customers.forEach(function (c) {
        c.changes.forEach(function (x) {
          shownRows.push([c.partner, c.customer, c.name, areaTitle(x.area) + " · " + nodeLabel(x.area, x.node),
            x.explainedBefore, x.explainedAfter]);
        });
      });
      out.appendChild(table(["Partner", "Customer", "Name", "Node", "Before (why)", "After (why)"], shownRows));
      if (d.customersChanged > d.customers.length) {
        out.appendChild(el("p", "… and " + (d.customersChanged - d.customers.length) +
          " more customers changed: the Explain tab shows any of them, and the JSON API lists more" +
          " (\"customers\": N)."));
      }
    });
  }

  function save() {
    var f = state.file;
    if (state.edits[f] === undefined) { return; }
    var text = state.edits[f];
    statusLine.textContent = "saving…";
    api("PUT", "/api/files/" + encodeURIComponent(f), { text: text, version: state.versions[f] }).then(function (r) {
      if (r.status === 200) {
        state.saved[f] = text;
        state.versions[f] = r.body.version;
        delete state.edits[f];
        conflictPanel.hidden = true;
        saveButton.disabled = state.edits[state.file] === undefined;
        markFiles();
        statusLine.textContent = "saved";
        check();
      } else if (r.status === 409) {
        conflict(f);
      } else {
        statusLine.textContent = r.body.error;
        if (r.body.diagnostics) { showDiagnostics(r.body.diagnostics); }
      }
    });
  }

  // Someone saved the file since this page read it: their text, and the lines where it and the
  // edit in this page differ; the edit stays in the editor until the user chooses to save it over
  // theirs (from their version on) or to take theirs.
  var conflictPanel = document.getElementById("conflict");
  var conflictOf = null;
  function conflict(f) {
    statusLine.textContent = "not saved: someone saved " + f + " since you opened it";
    api("GET", "/api/files/" + encodeURIComponent(f)).then(function (r) {
      if (r.status !== 200) { statusLine.textContent = r.body.error; return; }
      conflictOf = { file: f, text: r.body.text, version: r.body.version };
      var mine = state.edits[f] !== undefined ? state.edits[f] : state.saved[f];
      var rows = window.EligoLineDiff.lines(r.body.text, mine);
      document.getElementById("conflict-what").textContent = "Someone saved " + f +
        " since you opened it. Your edit is still in the editor, not saved. Where the two differ" +
        " (− their saved text, + your edit; the line numbers are each text's own):";
      var diff = document.getElementById("conflict-diff");
      clear(diff);
      rows.forEach(function (x) {
        var text = x.sign === "…" ? "…" : x.sign + " " + String(x.line).padStart(4) + "  " + x.text;
        diff.appendChild(el("span", text + "\n", x.sign === "-" ? "theirs" : x.sign === "+" ? "mine" : ""));
      });
      conflictPanel.hidden = false;
    });
  }
  function keepMine() {
    if (!conflictOf) { return; }
    var f = conflictOf.file;
    state.saved[f] = conflictOf.text;
    state.versions[f] = conflictOf.version;
    conflictOf = null;
    conflictPanel.hidden = true;
    if (state.file !== f) { show(f); }
    if (state.edits[f] === undefined) { statusLine.textContent = "saved (your edit and theirs are the same)"; markFiles(); return; }
    save();
  }
  function takeTheirs() {
    if (!conflictOf) { return; }
    var f = conflictOf.file;
    state.saved[f] = conflictOf.text;
    state.versions[f] = conflictOf.version;
    delete state.edits[f];
    conflictOf = null;
    conflictPanel.hidden = true;
    show(f);
    statusLine.textContent = "their saved text is in the editor";
  }

  function tab(name) {
    document.querySelectorAll(".tabbar button").forEach(function (b) {
      b.classList.toggle("active", b.getAttribute("data-tab") === name);
      b.setAttribute("aria-selected", String(b.getAttribute("data-tab") === name));
    });
    document.querySelectorAll(".tab").forEach(function (t) { t.hidden = t.id !== "tab-" + name; });
  }

  function runCases() {
    var out = document.getElementById("cases");
    clear(out);
    out.appendChild(el("p", "running…"));
    api("POST", "/api/cases", { files: edited() }).then(function (r) {
      clear(out);
      if (r.status !== 200) {
        out.appendChild(el("p", r.body.error, "problem"));
        if (r.body.diagnostics) { showDiagnostics(r.body.diagnostics); }
        return;
      }
      out.appendChild(el("p", r.body.passed + " passed, " + r.body.failed + " failed"));
      out.appendChild(table(["File", "Case", "Verdict"], r.body.results.map(function (c) {
        return [c.file, c.case, c.verdict];
      })));
      out.appendChild(el("pre", r.body.coverage, "tree"));
    });
  }

  function customerView(title, doc) {
    var box = el("div");
    box.appendChild(el("h3", title));
    doc.areas.forEach(function (a) {
      box.appendChild(el("h4", a.title));
      box.appendChild(table(["Node", "Status", "Current", "Why"], a.nodes.map(function (n) {
        return [n.title, n.status, n.current, n.why];
      })));
    });
    return box;
  }

  function runExplain() {
    var out = document.getElementById("explain");
    clear(out);
    api("POST", "/api/explain", { files: edited(), customer: document.getElementById("customer").value })
      .then(function (r) {
        clear(out);
        if (r.status !== 200) { out.appendChild(el("p", r.body.error, "problem")); return; }
        var grid = el("div", null, "side-by-side");
        grid.appendChild(customerView("Saved criteria", r.body.saved));
        grid.appendChild(customerView("Edited criteria", r.body.edited));
        out.appendChild(grid);
      });
  }

  function runTree() {
    var out = document.getElementById("tree");
    clear(out);
    api("POST", "/api/tree", { files: edited(), area: document.getElementById("area").value })
      .then(function (r) {
        clear(out);
        if (r.status !== 200) { out.appendChild(el("p", r.body.error, "problem")); return; }
        var grid = el("div", null, "side-by-side");
        var a = el("div"); a.appendChild(el("h3", "Saved")); a.appendChild(el("pre", r.body.saved || "(no such area)", "tree"));
        var b = el("div"); b.appendChild(el("h3", "Edited")); b.appendChild(el("pre", r.body.edited || "(no such area)", "tree"));
        grid.appendChild(a); grid.appendChild(b);
        out.appendChild(grid);
      });
  }

  document.querySelectorAll("button.file").forEach(function (b) {
    b.addEventListener("click", function () { open(b.getAttribute("data-file")); });
  });
  document.querySelectorAll(".tabbar button").forEach(function (b) {
    b.addEventListener("click", function () { tab(b.getAttribute("data-tab")); });
  });
  source.addEventListener("input", onInput);
  source.addEventListener("scroll", function () {
    shown.scrollTop = source.scrollTop;
    shown.scrollLeft = source.scrollLeft;
  });
  saveButton.addEventListener("click", save);
  document.getElementById("keep-mine").addEventListener("click", keepMine);
  document.getElementById("take-theirs").addEventListener("click", takeTheirs);
  // unsaved edits live in this page only: a reload, a partner's link or closing the tab asks first
  window.addEventListener("beforeunload", function (e) {
    if (Object.keys(state.edits).length) { e.preventDefault(); e.returnValue = ""; }
  });
  document.getElementById("run-cases").addEventListener("click", runCases);
  document.getElementById("run-explain").addEventListener("click", runExplain);
  document.getElementById("run-tree").addEventListener("click", runTree);
  document.getElementById("suggest").addEventListener("click", function () { assist.suggest(); source.focus(); });
  source.addEventListener("keydown", assist.onKey);
  source.addEventListener("keyup", function (e) { if (!/^Arrow|^Enter$|^Escape$/.test(e.key) || !assist.open()) { assist.hoverSoon(); } });
  source.addEventListener("click", function () { assist.close(); assist.hoverSoon(); });
  // the criteria come first: the first *.criteria file, else the first file
  var first = document.querySelector("button.file[data-file$='.criteria']") || document.querySelector("button.file");
  if (first) { open(first.getAttribute("data-file")); }
})();
