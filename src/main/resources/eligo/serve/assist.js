// The workbench's help at the cursor: hover (what the word under the caret is) and suggestions
// (Ctrl+Space, or the Suggest button), from the language server's answers (POST /api/hover,
// /api/complete). Writes text nodes only, never markup. workbench.js gives it what it shares: the
// text area, the workbench's state (the file shown, the sequence number that makes an answer
// stale), how to call the API, and what to do after a suggestion is typed in.
"use strict";
window.EligoAssist = function (w) {
  var source = w.source, state = w.state, api = w.api, el = w.el, clear = w.clear;
  var edited = w.edited, onInput = w.onInput;
  var box = document.getElementById("suggest-box");
  var list = document.getElementById("suggestions");
  var hoverLine = document.getElementById("hover");
  var hoverTimer = null;
  var offered = { items: [], at: 0, prefix: "", selected: 0 };

  function caret() {
    var lines = source.value.slice(0, source.selectionStart).split("\n");
    var text = lines[lines.length - 1];
    // the server counts columns in characters (code points), the browser in UTF-16 units: an
    // emoji is one of the former and two of the latter
    return { line: lines.length, column: Array.from(text).length + 1, text: text };
  }

  // what is typed of the word being completed: inside a string, what follows its quote
  function typedPrefix(lineText) {
    var quotes = (lineText.match(/"/g) || []).length;
    if (quotes % 2 === 1) { return lineText.slice(lineText.lastIndexOf('"') + 1); }
    var m = /[A-Za-z0-9_]*$/.exec(lineText);
    return m ? m[0] : "";
  }

  function hoverSoon() {
    clearTimeout(hoverTimer);
    hoverTimer = setTimeout(hover, 300);
  }

  function hover() {
    if (!state.file) { return; }
    var at = caret();
    var seq = state.seq;
    api("POST", "/api/hover", { files: edited(), file: state.file, line: at.line, column: at.column })
      .then(function (r) {
        if (seq !== state.seq) { return; }
        hoverLine.textContent = r.status === 200 ? (r.body.markdown || "") : r.body.error;
      });
  }

  function suggest() {
    if (!state.file) { return; }
    var at = caret();
    var prefix = typedPrefix(at.text);
    var where = source.selectionStart;
    api("POST", "/api/complete", {
      files: edited(), file: state.file, line: at.line, column: at.column, prefix: prefix
    }).then(function (r) {
      if (r.status !== 200) { hoverLine.textContent = r.body.error; return; }
      offered = { items: r.body.items, at: where, prefix: prefix, selected: 0 };
      clear(list);
      r.body.items.forEach(function (item, i) {
        var li = el("li", item.label, "suggestion");
        li.setAttribute("role", "option");
        li.appendChild(el("span", " " + item.kind + (item.detail ? ": " + item.detail : ""), "detail"));
        li.addEventListener("mousedown", function (e) { e.preventDefault(); accept(i); });
        list.appendChild(li);
      });
      document.getElementById("suggest-more").textContent =
        r.body.items.length === 0 ? "no suggestion here" : (r.body.more ? "… and " + r.body.more + " more: type more of the name" : "");
      box.hidden = false;
      select(0);
    });
  }

  function select(i) {
    var options = list.querySelectorAll("li");
    if (options.length === 0) { return; }
    offered.selected = (i + options.length) % options.length;
    options.forEach(function (li, k) { li.setAttribute("aria-selected", String(k === offered.selected)); });
    options[offered.selected].scrollIntoView({ block: "nearest" });
  }

  function accept(i) {
    var item = offered.items[i];
    if (!item) { return; }
    source.setRangeText(item.label, offered.at - offered.prefix.length, offered.at, "end");
    closeSuggestions();
    source.focus();
    onInput();
  }

  function closeSuggestions() { box.hidden = true; clear(list); }

  function onKey(e) {
    if (e.ctrlKey && (e.key === " " || e.code === "Space")) { e.preventDefault(); suggest(); return; }
    if (box.hidden) { return; }
    if (e.key === "ArrowDown") { e.preventDefault(); select(offered.selected + 1); }
    else if (e.key === "ArrowUp") { e.preventDefault(); select(offered.selected - 1); }
    else if (e.key === "Enter" || e.key === "Tab") { e.preventDefault(); accept(offered.selected); }
    else if (e.key === "Escape") { e.preventDefault(); closeSuggestions(); }
  }

  return {
    hoverSoon: hoverSoon,
    suggest: suggest,
    onKey: onKey,
    close: closeSuggestions,
    open: function () { return !box.hidden; }
  };
};
