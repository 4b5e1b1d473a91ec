// Parley pages: show the record behind a highlighted span. No data is ever inserted as HTML:
// the records are rendered (escaped) by the server and only shown or hidden here.
"use strict";

(function () {
  function panels() {
    return Array.prototype.slice.call(document.querySelectorAll("#panel .record"));
  }

  function show(refs, focusFirst) {
    var empty = document.getElementById("panel-empty");
    var shown = 0;
    panels().forEach(function (p) { p.hidden = true; p.classList.remove("first"); });
    refs.forEach(function (ref) {
      var cut = ref.indexOf(":");
      if (cut < 0) { return; }
      var el = document.getElementById("rec-" + ref.slice(0, cut) + "-" + ref.slice(cut + 1));
      if (!el) { return; }
      el.hidden = false;
      if (shown === 0) { el.classList.add("first"); }
      el.parentNode.appendChild(el);  // keep the click order: innermost span first
      shown += 1;
    });
    if (empty) { empty.hidden = shown > 0; }
    document.querySelectorAll("mark.hl.selected").forEach(function (m) { m.classList.remove("selected"); });
    document.querySelectorAll("mark.hl[data-refs]").forEach(function (m) {
      var own = (m.getAttribute("data-refs") || "").split(" ");
      if (refs.length && own.indexOf(refs[0]) >= 0) { m.classList.add("selected"); }
    });
    if (focusFirst) {
      var first = document.querySelector("mark.hl.selected");
      if (first) { first.scrollIntoView({ block: "center" }); }
    }
  }

  function fromHash() {
    var h = decodeURIComponent(location.hash || "");
    var m = /^#rec-(actor|event|quote|stance)-(.+)$/.exec(h);
    if (m) { show([m[1] + ":" + m[2]], true); }
  }

  document.addEventListener("DOMContentLoaded", function () {
    var text = document.getElementById("article-text");
    if (!text) { return; }
    var reorder = panels();
    var parent = reorder.length ? reorder[0].parentNode : null;
    function activate(mark) {
      var refs = (mark.getAttribute("data-refs") || "").split(" ").filter(Boolean);
      if (parent) { reorder.forEach(function (p) { parent.appendChild(p); }); }
      show(refs, false);
    }
    text.addEventListener("click", function (ev) {
      var mark = ev.target.closest ? ev.target.closest("mark.hl") : null;
      if (mark) { activate(mark); }
    });
    text.addEventListener("keydown", function (ev) {
      if (ev.key !== "Enter" && ev.key !== " ") { return; }
      var mark = ev.target.closest ? ev.target.closest("mark.hl") : null;
      if (mark) { ev.preventDefault(); activate(mark); }
    });
    window.addEventListener("hashchange", fromHash);
    fromHash();
  });
})();
