/* share.js: "Share setup" builds a link to this tutorial carrying the region, the values the
 * data marks shareable (never a secret one) and, if asked, the ticked steps; opening such a
 * link applies it, asking first when it would replace anything the reader has of their own.
 *
 * Link parameters: tc-region-<family>=<region id>, tc-value-<name>=<text>,
 * tc-ticked=<step id>,<step id>... (a link with tc-ticked= and nothing after it means
 * "no step ticked"). They are checked against the page data like any other input
 * (TC.setup.clean) and removed from the address once handled, so a reload does not ask again.
 */
(function () {
  "use strict";

  var TC = window.TC;
  var REGION = "tc-region-";
  var VALUE = "tc-value-";
  var TICKED = "tc-ticked";
  var refreshLink = function () {};  // the open share panel of this page view shows the current setup

  function linkFor(includeTicks) {
    var setup = TC.setup.current();
    var url = new URL(window.location.href);
    url.search = "";
    url.hash = "";
    Object.keys(setup.regions).forEach(function (fid) {
      url.searchParams.set(REGION + fid, setup.regions[fid]);
    });
    var shareable = TC.setup.clean({ values: setup.values }, { shareableOnly: true }).setup.values;
    Object.keys(shareable).forEach(function (name) {
      url.searchParams.set(VALUE + name, shareable[name]);
    });
    if (includeTicks) url.searchParams.set(TICKED, setup.ticked.join(","));
    return url.href;
  }

  /* What the address carries, or null when it is not a share link. */
  function fromAddress() {
    var params = new URLSearchParams(window.location.search);
    var raw = { regions: {}, values: {} };
    var found = false;
    params.forEach(function (value, key) {
      if (key.indexOf(REGION) === 0) raw.regions[key.slice(REGION.length)] = value;
      else if (key.indexOf(VALUE) === 0) raw.values[key.slice(VALUE.length)] = value;
      else if (key === TICKED) raw.ticked = value ? value.split(",") : [];
      else return;
      found = true;
    });
    return found ? raw : null;
  }

  function forgetAddress() {
    var url = new URL(window.location.href);
    var keys = [];
    url.searchParams.forEach(function (value, key) {
      if (key.indexOf(REGION) === 0 || key.indexOf(VALUE) === 0 || key === TICKED) keys.push(key);
    });
    keys.forEach(function (key) { url.searchParams.delete(key); });
    window.history.replaceState(window.history.state, "", url.href);
  }

  function sameSet(a, b) {
    return a.length === b.length && a.every(function (id) { return b.indexOf(id) >= 0; });
  }

  /* What the shared setup would replace: readable "yours -> shared" lines. */
  function conflicts(shared) {
    var mine = TC.setup.current();
    var lines = [];
    Object.keys(shared.regions).forEach(function (fid) {
      var own = mine.regions[fid];
      if (own && own !== shared.regions[fid]) {
        lines.push(TC.pageData().regions[fid].label + ": " + TC.setup.regionLabel(fid, own) +
          " → " + TC.setup.regionLabel(fid, shared.regions[fid]));
      }
    });
    Object.keys(shared.values).forEach(function (name) {
      var own = mine.values[name];
      if (own && own !== shared.values[name]) {
        lines.push(TC.pageData().values[name].label + ": " + own + " → " + shared.values[name]);
      }
    });
    if (shared.ticked && mine.ticked.length && !sameSet(mine.ticked, shared.ticked)) {
      lines.push("Ticked steps: " + mine.ticked.length + " → " + shared.ticked.length);
    }
    return lines;
  }

  function el(tag, className, text) {
    var node = document.createElement(tag);
    if (className) node.className = className;
    if (text !== undefined) node.textContent = text;
    return node;
  }

  function list(lines) {
    var ul = el("ul", "tc-ask__list");
    lines.forEach(function (line) { ul.appendChild(el("li", "", line)); });
    return ul;
  }

  /* A modal question: answer(true) to use the shared setup, answer(false) to keep one's own. */
  function ask(lines, answer) {
    var dialog = el("dialog", "tc-ask md-typeset");
    dialog.setAttribute("aria-labelledby", "tc-ask-title");
    dialog.appendChild(el("h2", "tc-ask__title", "Use the shared setup?"));
    dialog.lastChild.id = "tc-ask-title";
    dialog.appendChild(el("p", "", "This link comes with a setup for this tutorial. It would replace what you have:"));
    dialog.appendChild(list(lines));
    var actions = el("p", "tc-ask__actions");
    var use = el("button", "md-button md-button--primary tc-button", "Use the shared setup");
    var keep = el("button", "md-button tc-button", "Keep mine");
    use.type = keep.type = "button";
    actions.appendChild(use);
    actions.appendChild(document.createTextNode(" "));
    actions.appendChild(keep);
    dialog.appendChild(actions);
    var answered = false;
    function close(choice) {
      if (answered) return;
      answered = true;
      if (dialog.open) dialog.close();
      dialog.remove();
      answer(choice);
    }
    use.addEventListener("click", function () { close(true); });
    keep.addEventListener("click", function () { close(false); });
    dialog.addEventListener("close", function () { close(false); });
    document.body.appendChild(dialog);
    dialog.showModal();
    keep.focus();
  }

  function applied(setup, skipped) {
    var lines = TC.setup.describe(setup);
    var text = lines.length ? "Set up from the shared link: " + lines.join("; ") + "." : "The shared link had nothing for this tutorial.";
    if (skipped) text += " " + skipped + (skipped === 1 ? " part of it does" : " parts of it do") + " not fit this page and " + (skipped === 1 ? "was" : "were") + " left out.";
    TC.setup.say(text);
  }

  function openLink() {
    var raw = fromAddress();
    if (!raw) return;
    forgetAddress();
    var cleaned = TC.setup.clean(raw, { shareableOnly: true });
    var lines = conflicts(cleaned.setup);
    if (!lines.length) {
      TC.setup.apply(cleaned.setup);
      applied(cleaned.setup, cleaned.skipped);
      return;
    }
    ask(lines, function (use) {
      if (use) {
        TC.setup.apply(cleaned.setup);
        applied(cleaned.setup, cleaned.skipped);
      } else {
        TC.setup.say("You kept your own setup; the shared link changed nothing.");
      }
    });
  }

  function bind(root) {
    var toggle = root.querySelector("[data-tc-share-toggle]");
    var panel = root.querySelector("[data-tc-share-panel]");
    if (!toggle || !panel || toggle.hasAttribute("data-tc-bound")) return;
    toggle.setAttribute("data-tc-bound", "");
    var field = panel.querySelector("[data-tc-share-url]");
    var progress = panel.querySelector("[data-tc-share-progress]");
    function refresh() {
      if (!panel.hidden && document.contains(panel)) field.value = linkFor(progress.checked);
    }
    toggle.addEventListener("click", function () {
      panel.hidden = !panel.hidden;
      toggle.setAttribute("aria-expanded", String(!panel.hidden));
      refresh();
    });
    progress.addEventListener("change", refresh);
    field.addEventListener("focus", function () { field.select(); });
    panel.querySelector("[data-tc-share-copy]").addEventListener("click", function () {
      refresh();
      TC.copyText(field.value, function (ok) {
        TC.setup.say(ok ? "Link copied." : "Select the link and copy it.");
      });
    });
    refreshLink = refresh;
  }

  function init(root) {
    if (!root.querySelector("[data-tc-checklist]") || !TC.pageData()) return;
    bind(root);
    openLink();
  }

  ["region-changed", "values-changed", "progress-changed"].forEach(function (event) {
    TC.on(event, function () { refreshLink(); });
  });
  TC.register("share", init);
})();
