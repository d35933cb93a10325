/* newsprism: citation popovers, story filters, removed-text toggle. Shared by report.html and the web app.
   Data comes from the JSON block #np-data (type application/json); text is only ever set with textContent. */
(function () {
  "use strict";
  var data = {};
  var node = document.getElementById("np-data");
  if (node) { try { data = JSON.parse(node.textContent || "{}"); } catch (e) { data = {}; } }
  var support = data.support || {};
  var articleHref = data.article_href || "#article-";

  function el(tag, cls, text) {
    var e = document.createElement(tag);
    if (cls) { e.className = cls; }
    if (text !== undefined && text !== null) { e.textContent = text; }
    return e;
  }

  function showSupport(btn) {
    var info = support[btn.getAttribute("data-key")];
    var box = document.getElementById("support-" + btn.getAttribute("data-story"));
    if (!info || !box) { return; }
    box.textContent = "";
    if (info.sentence) {
      box.appendChild(el("blockquote", "support-sentence", info.sentence));
    } else {
      box.appendChild(el("p", "support-missing", "No single sentence of this article matches; open it to read."));
    }
    var line = el("p", "src-line");
    line.appendChild(document.createTextNode("— [" + info.n + "] " + (info.outlet || "unknown outlet") +
      (info.published ? ", " + info.published : "") + (info.title ? ": " + info.title : "") + " · "));
    var a = el("a", "open-article", "open article");
    a.setAttribute("href", articleHref + info.article_id);
    line.appendChild(a);
    box.appendChild(line);
    box.setAttribute("data-article", info.article_id);
    box.hidden = false;
    var all = document.querySelectorAll("button.cite[data-story='" + btn.getAttribute("data-story") + "']");
    for (var i = 0; i < all.length; i++) { all[i].setAttribute("aria-expanded", all[i] === btn ? "true" : "false"); }
  }

  document.addEventListener("click", function (ev) {
    var t = ev.target;
    if (t && t.closest) {
      var btn = t.closest("button.cite");
      if (btn) { showSupport(btn); }
    }
  });
  var cites = document.querySelectorAll("button.cite");
  for (var i = 0; i < cites.length; i++) {
    cites[i].addEventListener("mouseenter", function (ev) { showSupport(ev.currentTarget); });
    cites[i].addEventListener("focus", function (ev) { showSupport(ev.currentTarget); });
  }

  var toggles = document.querySelectorAll("input.toggle-removed");
  for (var j = 0; j < toggles.length; j++) {
    toggles[j].addEventListener("change", function (ev) {
      var scope = ev.currentTarget.closest("section, main") || document.body;
      scope.classList.toggle("hide-removed", ev.currentTarget.checked);
    });
  }

  var filter = document.getElementById("story-filter");
  var onlyDisputed = document.getElementById("only-disputed");
  function applyFilter() {
    var q = (filter && filter.value || "").toLowerCase();
    var d = onlyDisputed && onlyDisputed.checked;
    var rows = document.querySelectorAll("#stories-table tr.story-row");
    for (var k = 0; k < rows.length; k++) {
      var r = rows[k];
      var ok = (!q || r.textContent.toLowerCase().indexOf(q) >= 0) && (!d || r.getAttribute("data-contested") !== "0");
      r.hidden = !ok;
    }
  }
  if (filter) { filter.addEventListener("input", applyFilter); }
  if (onlyDisputed) { onlyDisputed.addEventListener("change", applyFilter); }
})();
