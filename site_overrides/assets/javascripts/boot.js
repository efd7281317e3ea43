/* boot.js: runs every registered feature on each page view (loaded last).
 *
 * mkdocs-material's document$ emits the first page and every page reached by instant
 * navigation; without it (offline bundle, theme change) the DOM-ready event does.
 */
(function () {
  "use strict";

  function run() {
    window.TC.start(document.body);
  }

  if (window.document$ && typeof window.document$.subscribe === "function") {
    window.document$.subscribe(run);
  } else if (document.readyState === "loading") {
    document.addEventListener("DOMContentLoaded", run);
  } else {
    run();
  }
})();
