/* boot.js: on each page view, loads what the page needs (loader.js) and runs every
 * registered feature on it (loaded last).
 *
 * mkdocs-material's document$ emits the first page and every page reached by instant
 * navigation. Opened from file:// with instant navigation on, the theme completes
 * document$ without ever emitting; without document$ (theme change) there is none at
 * all: in both cases the DOM-ready event starts the features instead.
 */
(function () {
  "use strict";

  var ran = false;

  function run() {
    ran = true;
    var root = document.body;
    window.TC.loader.prepare(root, function () {
      window.TC.start(root);
    });
  }

  function whenReady() {
    if (document.readyState === "loading") document.addEventListener("DOMContentLoaded", run, { once: true });
    else run();
  }

  if (window.document$ && typeof window.document$.subscribe === "function") {
    window.document$.subscribe({
      next: run,
      complete: function () {
        if (!ran) whenReady();
      }
    });
  } else {
    whenReady();
  }
})();
