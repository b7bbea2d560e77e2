// The lines that differ between two texts, for the workbench's conflict panel (a file saved by
// someone else while it was being edited): their saved text against the edit in the page.
// EligoLineDiff.lines(theirs, mine) gives rows {sign, line, text}: sign "-" a line of theirs only,
// "+" a line of mine only, " " a line of both shown around a change (two before and after), "…"
// lines of both left out; line is its number in theirs ("-", " ") or mine ("+").
"use strict";
window.EligoLineDiff = (function () {
  var CONTEXT = 2;
  // the middle that differs is matched line by line (longest common subsequence) up to this many
  // pairs of lines; past it, all of its lines are shown as changed
  var MAX_PAIRS = 4000000;

  function split(text) { return text.split(/\r\n|\r|\n/); }

  // the edit script of a[0..n) against b[0..m): "=", "-" and "+" steps
  function script(a, b) {
    var n = a.length, m = b.length, steps = [], i, j;
    if (n * m > MAX_PAIRS) {
      for (i = 0; i < n; i++) { steps.push("-"); }
      for (j = 0; j < m; j++) { steps.push("+"); }
      return steps;
    }
    // common[i][j]: the length of the longest common subsequence of a[i..n) and b[j..m)
    var common = [];
    for (i = 0; i <= n; i++) { common.push(new Int32Array(m + 1)); }
    for (i = n - 1; i >= 0; i--) {
      for (j = m - 1; j >= 0; j--) {
        common[i][j] = a[i] === b[j] ? common[i + 1][j + 1] + 1
          : Math.max(common[i + 1][j], common[i][j + 1]);
      }
    }
    i = 0; j = 0;
    while (i < n || j < m) {
      if (i < n && j < m && a[i] === b[j]) { steps.push("="); i++; j++; }
      else if (j < m && (i === n || common[i][j + 1] >= common[i + 1][j])) { steps.push("+"); j++; }
      else { steps.push("-"); i++; }
    }
    return steps;
  }

  function lines(theirs, mine) {
    var a = split(theirs), b = split(mine);
    var head = 0;
    while (head < a.length && head < b.length && a[head] === b[head]) { head++; }
    var tail = 0;
    while (tail < a.length - head && tail < b.length - head &&
           a[a.length - 1 - tail] === b[b.length - 1 - tail]) { tail++; }
    var steps = [];
    var k;
    for (k = 0; k < head; k++) { steps.push("="); }
    steps = steps.concat(script(a.slice(head, a.length - tail), b.slice(head, b.length - tail)));
    for (k = 0; k < tail; k++) { steps.push("="); }
    // each step with its line, then the lines of both kept only near a change
    var all = [], i = 0, j = 0;
    steps.forEach(function (s) {
      if (s === "=") { all.push({ sign: " ", line: i + 1, text: a[i] }); i++; j++; }
      else if (s === "-") { all.push({ sign: "-", line: i + 1, text: a[i] }); i++; }
      else { all.push({ sign: "+", line: j + 1, text: b[j] }); j++; }
    });
    var near = all.map(function () { return false; });
    all.forEach(function (r, x) {
      if (r.sign === " ") { return; }
      for (var y = Math.max(0, x - CONTEXT); y <= Math.min(all.length - 1, x + CONTEXT); y++) { near[y] = true; }
    });
    var rows = [];
    all.forEach(function (r, x) {
      if (near[x]) { rows.push(r); }
      else if (rows.length === 0 || rows[rows.length - 1].sign !== "…") { rows.push({ sign: "…", line: 0, text: "" }); }
    });
    return rows;
  }

  return { lines: lines };
})();
