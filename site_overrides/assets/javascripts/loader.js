/* loader.js: each page view loads the features it uses, when it uses them (after core.js).
 *
 * Every page loads core.js, this file and boot.js. Which other scripts a page needs is read
 * from the page in view (its elements, its data, its address), never from the template, so
 * every tutorial page has the same template and instant navigation works: mkdocs-material
 * swaps the new page in without running the scripts of its template, and boot.js asks
 * TC.loader.prepare(root, start) on every page view, first load or not.
 *
 * FEATURES, in the order their features start (TC.order):
 *   needed(root) true  -> the files load before the page's features start;
 *   zone               -> (training tools) the block is shown, and its files load when the
 *                         reader opens it; a click or change inside it that comes before the
 *                         files is played again once they have started.
 * Files are classic scripts added as <script src> with async=false (they run in the order
 * added, and it works from file://). A feature's own style sheets (what only its script shows)
 * go at the end of <body>: instant navigation makes <head> match the next page's and would
 * drop them there. The built site serves every file minified (generator/site/assets.py).
 */
(function () {
  "use strict";

  var TC = window.TC;
  var self = document.currentScript;
  var base = self ? self.src.replace(/javascripts\/[^/]*$/, "") : "";
  var files = {};  // url -> {done: boolean, waiting: [callback]}
  var busy = 0;

  function data() {
    return TC.pageData() || {};
  }

  function has(selector) {
    return function (root) {
      return root.querySelector(selector) !== null;
    };
  }

  function declared(name) {
    return function () {
      var found = data()[name];
      return !!found && typeof found === "object" && Object.keys(found).length > 0;
    };
  }

  /* A stored tick may need reconciling with a regenerated tutorial (updates.js). */
  function stored(root) {
    var tutorial = data().tutorial;
    if (!root.querySelector("[data-tc-checklist]") || typeof tutorial !== "string") return false;
    return TC.store.read("progress:" + tutorial) !== null || TC.store.read("updated:" + tutorial) !== null;
  }

  /* ?present, ?worksheet and share links (tc-region-*, tc-value-*, tc-ticked) act on arrival. */
  function training() {
    var asked = false;
    new URLSearchParams(window.location.search).forEach(function (value, key) {
      if (key === "present" || key === "worksheet" || key.indexOf("tc-") === 0) asked = true;
    });
    return asked;
  }

  var FEATURES = [
    { names: ["updates"], scripts: ["updates.js"], needed: stored },
    { names: ["checklist"], scripts: ["checklist.js"], needed: has("[data-tc-checklist]") },
    { names: ["catalogue"], scripts: ["catalogue.js"], needed: has("[data-tc-catalogue]") },
    { names: ["lightbox"], scripts: ["lightbox.js"], needed: has("a.tc-lightbox") },
    {
      names: ["certificate"],
      scripts: ["der.js", "certificate-data.js", "certificate.js"],
      needed: has("[data-tc-cert-root]")
    },
    { names: ["regions"], scripts: ["copy.js", "regions.js"], needed: declared("regions") },
    { names: ["values"], scripts: ["copy.js", "values.js"], needed: declared("values") },
    {
      names: ["presenter", "share", "transfer", "handout"],
      scripts: ["copy.js", "setup.js", "presenter.js", "share.js", "transfer.js", "handout.js"],
      styles: ["presenter.css", "handout.css"],
      zone: "[data-tc-training]",
      needed: training
    }
  ];

  TC.order(FEATURES.reduce(function (names, feature) {
    return names.concat(feature.names);
  }, []));

  function element(url) {
    var node;
    if (/\.css$/.test(url)) {
      node = document.createElement("link");
      node.rel = "stylesheet";
      node.href = url;
    } else {
      node = document.createElement("script");
      node.async = false;
      node.src = url;
    }
    return node;
  }

  /* Each url is requested once per document; done() runs when every one has loaded or failed. */
  function fetchAll(urls, done) {
    var left = urls.length + 1;
    function settle() {
      left -= 1;
      if (left === 0) done();
    }
    urls.forEach(function (url) {
      var file = files[url];
      if (file && file.done) return settle();
      if (file) return file.waiting.push(settle);
      file = files[url] = { done: false, waiting: [settle] };
      var node = element(url);
      node.onload = node.onerror = function (event) {
        if (event.type === "error" && window.console) window.console.error("[tc] could not load " + url);
        file.done = true;
        file.waiting.splice(0).forEach(function (callback) { callback(); });
      };
      document.body.appendChild(node);
    });
    settle();
  }

  function urls(features) {
    var found = [];
    features.forEach(function (feature) {
      (feature.styles || []).forEach(function (name) { found.push(base + "stylesheets/" + name); });
      feature.scripts.forEach(function (name) { found.push(base + "javascripts/" + name); });
    });
    return found.filter(function (url, index) { return found.indexOf(url) === index; });
  }

  function load(features, done) {
    busy += 1;
    fetchAll(urls(features), function () {
      busy -= 1;
      done();
    });
  }

  function loaded(feature) {
    return urls([feature]).every(function (url) { return files[url] && files[url].done; });
  }

  /* Show a zone, load its feature when the reader opens it, and replay what came early:
   * a click (held back, then clicked again) or a change (a file chosen: announced again). */
  function arm(zone, feature, start) {
    if (!TC.pageData()) return;
    zone.hidden = false;
    if (zone.hasAttribute("data-tc-armed")) return;
    zone.setAttribute("data-tc-armed", "");
    var early = [];
    var asked = false;  // opening the zone and an early click ask once: the features start once
    function fetchFeature() {
      if (asked || loaded(feature)) return;
      asked = true;
      load([feature], function () {
        start();
        early.splice(0).forEach(function (event) {
          if (!document.contains(event.target)) return;
          if (event.type === "click") event.target.click();
          else event.target.dispatchEvent(new Event(event.type, { bubbles: true }));
        });
      });
    }
    zone.addEventListener("toggle", function () {
      if (zone.open) fetchFeature();
    });
    function holdBack(event) {
      if (loaded(feature) || event.target.closest("summary")) return;
      var target = event.target.closest("button, input, a, label");
      if (!target) return;
      if (event.type === "click") event.preventDefault();
      event.stopImmediatePropagation();
      early.push({ type: event.type, target: target });
      fetchFeature();
    }
    zone.addEventListener("click", holdBack, true);
    zone.addEventListener("change", holdBack, true);
  }

  /* Load what the page in view needs now, then start(); arm the zones of the rest. */
  function prepare(root, start) {
    var now = [];
    FEATURES.forEach(function (feature) {
      var zone = feature.zone ? root.querySelector(feature.zone) : null;
      if (feature.needed(root)) now.push(feature);
      if (zone) arm(zone, feature, start);
    });
    load(now, start);
  }

  TC.loader = {
    prepare: prepare,
    /* True while files are on their way (tests and the benchmark wait for false). */
    loading: function () { return busy > 0; }
  };
})();
