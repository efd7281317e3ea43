/* catalogue.js: the reader's own progress on each tutorial, and filter-as-you-type.
 *
 * Progress comes from the checklist's store entries ("progress:<tutorial>"); a corrupt
 * or foreign entry shows as not started.
 */
(function () {
  "use strict";

  var TC = window.TC;

  function progressOf(key, total) {
    var saved = TC.store.read("progress:" + key);
    if (!saved || typeof saved !== "object" || !Array.isArray(saved.ticked)) return "";
    var done = Math.min(saved.ticked.filter(function (id) {
      return typeof id === "string";
    }).length, total);
    if (done === 0) return "";
    return done === total ? "Done (" + total + " of " + total + ")" : done + " of " + total + " steps";
  }

  function showProgress(rows) {
    rows.forEach(function (row) {
      var cell = row.querySelector("[data-tc-entry-progress]");
      var total = parseInt(row.getAttribute("data-tc-steps"), 10) || 0;
      var text = progressOf(row.getAttribute("data-tc-entry"), total);
      cell.textContent = text || "Not started";
      row.classList.toggle("tc-entry--started", !!text);
    });
  }

  function filter(rows, query, status) {
    var words = query.toLowerCase().split(/\s+/).filter(Boolean);
    var shown = 0;
    rows.forEach(function (row) {
      var text = row.getAttribute("data-tc-text") || "";
      var match = words.every(function (word) {
        return text.indexOf(word) !== -1;
      });
      row.hidden = !match;
      if (match) shown++;
    });
    status.textContent = words.length ? shown + " of " + rows.length + " tutorials match" : "";
  }

  function init(root) {
    var catalogue = root.querySelector("[data-tc-catalogue]");
    if (!catalogue || catalogue.hasAttribute("data-tc-ready")) return;
    catalogue.setAttribute("data-tc-ready", "");
    var rows = Array.prototype.slice.call(catalogue.querySelectorAll("[data-tc-entry]"));
    showProgress(rows);
    var box = catalogue.querySelector("[data-tc-filter-box]");
    var input = catalogue.querySelector("[data-tc-filter]");
    var status = catalogue.querySelector("[data-tc-filter-status]");
    box.hidden = false;
    input.addEventListener("input", function () {
      filter(rows, input.value, status);
    });
    if (input.value) filter(rows, input.value, status);
  }

  TC.register("catalogue", init);
})();
