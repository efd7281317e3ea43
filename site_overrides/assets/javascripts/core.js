/* core.js: the window.TC namespace every feature script uses (loaded first).
 *
 * TC.store   localStorage as JSON under versioned keys "tc:v1:<key>"; every access is
 *            wrapped, so a full, disabled, throwing or corrupt store reads as null and a
 *            failed write returns false: features never throw because of storage.
 * TC.register(name, init)  init(root) runs on every page view (boot.js calls TC.start),
 *            also after mkdocs-material's instant navigation; it must be idempotent.
 * TC.order(names)  the order features start in (loader.js's table): scripts arrive in the
 *            order pages need them, but the updates feature must still run before the checklist.
 * TC.on / TC.emit  a tiny event bus ("progress-changed", "region-changed", "values-changed").
 * TC.pageData()   the page's JSON data (<template id="tc-page-data">), or null. Not a <script>:
 *                 material's instant navigation re-runs scripts in the new page without their
 *                 attributes, which would execute the JSON and drop its id.
 *
 * Classic script, no modules: the offline bundle must work from file://.
 */
(function () {
  "use strict";

  var PREFIX = "tc:v1:";
  var features = [];
  var ranks = {};
  var listeners = {};
  var cachedDataElement = null;
  var cachedData = null;

  function storage() {
    try {
      return window.localStorage || null;
    } catch (error) {
      return null;
    }
  }

  var store = {
    read: function (key) {
      try {
        var area = storage();
        var raw = area ? area.getItem(PREFIX + key) : null;
        return raw === null ? null : JSON.parse(raw);
      } catch (error) {
        return null;
      }
    },
    write: function (key, value) {
      try {
        var area = storage();
        if (!area) return false;
        area.setItem(PREFIX + key, JSON.stringify(value));
        return true;
      } catch (error) {
        return false;
      }
    },
    remove: function (key) {
      try {
        var area = storage();
        if (area) area.removeItem(PREFIX + key);
      } catch (error) {
        /* nothing to remove from a store we cannot reach */
      }
    }
  };

  function register(name, init) {
    for (var i = 0; i < features.length; i++) {
      if (features[i].name === name) {
        features[i].init = init;
        return;
      }
    }
    features.push({ name: name, init: init });
  }

  function order(names) {
    names.forEach(function (name, index) {
      ranks[name] = index;
    });
  }

  function rank(feature) {
    return feature.name in ranks ? ranks[feature.name] : Object.keys(ranks).length;  // unranked: after, as registered
  }

  /* Run every feature on root, in TC.order; one failing feature must not stop the others. */
  function start(root) {
    features.slice().sort(function (a, b) {
      return rank(a) - rank(b);
    }).forEach(function (feature) {
      try {
        feature.init(root);
      } catch (error) {
        if (window.console) window.console.error("[tc] " + feature.name + " failed", error);
      }
    });
  }

  function on(event, fn) {
    (listeners[event] = listeners[event] || []).push(fn);
  }

  function emit(event, detail) {
    (listeners[event] || []).slice().forEach(function (fn) {
      try {
        fn(detail);
      } catch (error) {
        if (window.console) window.console.error("[tc] listener for " + event + " failed", error);
      }
    });
  }

  /* Parsed once per page view: instant navigation swaps the element, which resets the cache. */
  function pageData() {
    var element = document.getElementById("tc-page-data");
    if (!element) return null;
    if (element !== cachedDataElement) {
      cachedDataElement = element;
      try {
        var text = element.content ? element.content.textContent : element.textContent;
        cachedData = JSON.parse(text || "null");
      } catch (error) {
        cachedData = null;
      }
    }
    return cachedData;
  }

  window.TC = {
    store: store,
    register: register,
    order: order,
    start: start,
    on: on,
    emit: emit,
    pageData: pageData
  };
})();
