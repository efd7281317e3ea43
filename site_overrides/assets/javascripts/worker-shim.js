/* worker-shim.js: web workers for a site opened as files (offline bundle, build --offline).
 *
 * Browsers refuse `new Worker(url)` for a file:// script, which would leave mkdocs-material's
 * search without its worker. From file:// only, this replaces Worker with a stand-in that
 * runs the worker script in a hidden same-origin frame: the script's postMessage reaches
 * the page as a "message" event on the stand-in, and the page's postMessage reaches the
 * script as a "message" event on the frame's window. (It does what the `iframe-worker`
 * shim the theme's offline plugin loads from a CDN does; the bundle must not need a network.)
 * Loaded in the page head, before the theme's bundle, by generator/site/offline.py.
 */
(function () {
  "use strict";

  if (window.location.protocol !== "file:") return;

  function IFrameWorker(url) {
    var self = this;
    var events = document.createElement("span");
    var queue = [];
    var ready = false;
    this.addEventListener = events.addEventListener.bind(events);
    this.removeEventListener = events.removeEventListener.bind(events);
    this.dispatchEvent = events.dispatchEvent.bind(events);
    var frame = document.createElement("iframe");
    frame.hidden = true;
    frame.setAttribute("aria-hidden", "true");
    frame.tabIndex = -1;
    (document.body || document.documentElement).appendChild(frame);
    var scope = frame.contentWindow;
    scope.postMessage = function (data) {
      self.dispatchEvent(new MessageEvent("message", { data: data }));
    };
    function deliver(data) {
      scope.dispatchEvent(new scope.MessageEvent("message", { data: data }));
    }
    this.postMessage = function (data) {
      if (ready) deliver(data);
      else queue.push(data);
    };
    this.terminate = function () {
      frame.remove();
    };
    var script = scope.document.createElement("script");
    script.src = new URL(url, window.location.href).href;
    script.onload = function () {
      ready = true;
      queue.splice(0).forEach(deliver);
    };
    script.onerror = function () {
      self.dispatchEvent(new Event("error"));
    };
    scope.document.head.appendChild(script);
  }

  window.IFrameWorker = IFrameWorker;
  window.Worker = IFrameWorker;
})();
