/* handout.js: the "blank worksheet" handout (the print view itself is print.css and
 * handout.css: it shows the reader's region and values where the steps use them).
 *
 * "Print blank worksheet" (or ?worksheet, which keeps the mode for the page view) sets
 * html.tc-worksheet, under which handout.css prints every box empty and a blank line
 * wherever a region URL or a value goes, including inside text with a placeholder such as
 * https://<companyname>.slack.com, for trainees to fill in by hand.
 */
(function () {
  "use strict";

  var TC = window.TC;
  var MODE = "tc-worksheet";

  function blank() {
    var span = document.createElement("span");
    span.className = "tc-blank";
    return span;
  }

  /* Beside each placeholder text, a copy with a blank line for every token (shown only in the worksheet). */
  function prepare(root) {
    var tokens = Object.keys((TC.pageData() || {}).placeholders || {});
    root.querySelectorAll(".tc-placeholder[data-tc-text]").forEach(function (span) {
      if (span.querySelector(":scope > .tc-placeholder__blank")) return;
      var copy = document.createElement("span");
      copy.className = "tc-placeholder__blank";
      var rest = span.getAttribute("data-tc-text");
      for (;;) {
        var at = -1;
        var token = null;
        tokens.forEach(function (candidate) {
          var found = rest.indexOf(candidate);
          if (found >= 0 && (at < 0 || found < at)) {
            at = found;
            token = candidate;
          }
        });
        if (token === null) break;
        copy.appendChild(document.createTextNode(rest.slice(0, at)));
        copy.appendChild(blank());
        rest = rest.slice(at + token.length);
      }
      copy.appendChild(document.createTextNode(rest));
      span.appendChild(copy);
    });
  }

  function printWorksheet() {
    prepare(document.body);
    var html = document.documentElement;
    var kept = html.classList.contains(MODE);
    html.classList.add(MODE);
    window.addEventListener("afterprint", function () {
      if (!kept) html.classList.remove(MODE);
    }, { once: true });
    window.print();
  }

  function init(root) {
    var wanted = new URLSearchParams(window.location.search).has("worksheet");
    document.documentElement.classList.toggle(MODE, wanted && !!TC.pageData());
    if (wanted) prepare(root);
    var button = root.querySelector("[data-tc-worksheet]");
    if (!button || button.hasAttribute("data-tc-bound")) return;
    button.setAttribute("data-tc-bound", "");
    button.addEventListener("click", printWorksheet);
  }

  TC.register("handout", init);
})();
