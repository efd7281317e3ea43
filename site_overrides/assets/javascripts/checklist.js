/* checklist.js: ticking steps, progress counters, next/reset controls, deep links.
 *
 * Rules (also in the README):
 * - Every checkbox counts, steps and sub-steps alike ("N of M steps"; the seed has 37).
 * - A step with sub-steps is ticked exactly when all its sub-steps are: ticking its last
 *   open sub-step ticks it, unticking any sub-step unticks it, and ticking or unticking
 *   the step itself does the same to all its sub-steps. Partly done shows as indeterminate.
 * - Progress is stored per tutorial under TC.store key "progress:<tutorial>" as
 *   {"ticked": [step ids], "fingerprints": {id: fingerprint when ticked}, "updated": ISO date}
 *   (updates.js unticks a step whose content changed since). Step ids come from the step text, not its
 *   number, so ticks survive a regeneration that renumbers steps. Anything else found under
 *   that key (corrupt or foreign) is ignored, with a notice; it is replaced on the next tick.
 * - Other scripts tick a step by setting the box's "checked" and dispatching a bubbling
 *   "change" event on it; every change emits TC "progress-changed" {tutorial, done, total}.
 *   A script that writes the stored progress itself emits "progress-stored" to have it shown.
 */
(function () {
  "use strict";

  var TC = window.TC;
  var current = null;

  function Checklist(container, data) {
    this.container = container;
    this.tutorial = data.tutorial;
    this.key = "progress:" + data.tutorial;
    this.boxes = Array.prototype.slice.call(container.querySelectorAll("input[data-tc-box]"));
    this.byId = {};
    this.parentOf = {};
    this.children = {};
    this.notice = container.querySelector("[data-tc-notice]");
    this.toolbar = container.querySelector("[data-tc-toolbar]");
    this.sections = [];
    this.index();
  }

  Checklist.prototype.index = function () {
    var self = this;
    this.boxes.forEach(function (box) {
      var id = box.getAttribute("data-tc-box");
      var parent = box.closest("[data-tc-step]").getAttribute("data-tc-parent");
      self.byId[id] = box;
      if (parent) {
        self.parentOf[id] = parent;
        (self.children[parent] = self.children[parent] || []).push(id);
      }
    });
    var sections = this.container.querySelectorAll("[data-tc-section]");
    Array.prototype.forEach.call(sections, function (section) {
      var meter = section.querySelector("[data-tc-progress='section']");
      if (meter) {
        var boxes = Array.prototype.slice.call(section.querySelectorAll("input[data-tc-box]"));
        self.sections.push({ element: section, meter: meter, boxes: boxes });
      }
    });
    this.meter = this.container.querySelector("[data-tc-progress='tutorial']");
  };

  Checklist.prototype.load = function () {
    var saved = TC.store.read(this.key);
    var ticked = {};
    var valid = saved === null || (saved && typeof saved === "object" && Array.isArray(saved.ticked));
    if (saved && valid) {
      saved.ticked.forEach(function (id) {
        if (typeof id === "string") ticked[id] = true;
      });
    }
    this.boxes.forEach(function (box) {
      box.checked = ticked[box.getAttribute("data-tc-box")] === true;
    });
    /* Parents follow their sub-steps, whatever was stored. */
    var self = this;
    Object.keys(this.children).forEach(function (parent) {
      self.settle(parent);
    });
    if (!valid) this.say("Saved progress for this tutorial could not be read and was ignored.");
  };

  Checklist.prototype.save = function () {
    var ticked = this.boxes.filter(function (box) {
      return box.checked;
    }).map(function (box) {
      return box.getAttribute("data-tc-box");
    });
    var fingerprints = {};
    ((TC.pageData() || {}).steps || []).forEach(function (step) {
      if (ticked.indexOf(step.id) >= 0) fingerprints[step.id] = step.fingerprint;
    });
    var ok = TC.store.write(this.key, { ticked: ticked, fingerprints: fingerprints, updated: new Date().toISOString() });
    if (!ok) {
      this.say("Your progress cannot be saved in this browser (storage is unavailable or full); " +
        "ticks will be lost when you leave this page.");
    }
  };

  Checklist.prototype.setTree = function (id, checked) {
    var box = this.byId[id];
    if (box) box.checked = checked;
    var self = this;
    (this.children[id] || []).forEach(function (child) {
      self.setTree(child, checked);
    });
  };

  /* A parent is ticked exactly when all its sub-steps are. */
  Checklist.prototype.settle = function (parent) {
    var self = this;
    var kids = this.children[parent] || [];
    if (kids.length && this.byId[parent]) {
      this.byId[parent].checked = kids.every(function (id) {
        return self.byId[id].checked;
      });
    }
  };

  Checklist.prototype.changed = function (box) {
    var id = box.getAttribute("data-tc-box");
    this.setTree(id, box.checked);
    for (var parent = this.parentOf[id]; parent; parent = this.parentOf[parent]) this.settle(parent);
    this.save();
    this.render();
  };

  Checklist.prototype.render = function () {
    var self = this;
    var done = 0;
    this.boxes.forEach(function (box) {
      if (box.checked) done++;
      var id = box.getAttribute("data-tc-box");
      var kids = self.children[id];
      box.indeterminate = !!kids && !box.checked && kids.some(function (kid) {
        return self.byId[kid].checked || self.byId[kid].indeterminate;
      });
      box.closest("[data-tc-step]").classList.toggle("tc-step--done", box.checked);
    });
    this.sections.forEach(function (section) {
      var count = section.boxes.filter(function (box) {
        return box.checked;
      }).length;
      showCount(section.meter, count, section.boxes.length);
      section.element.classList.toggle("tc-section--done", count === section.boxes.length);
    });
    if (this.meter) showCount(this.meter, done, this.boxes.length);
    TC.emit("progress-changed", { tutorial: this.tutorial, done: done, total: this.boxes.length });
  };

  function showCount(meter, done, total) {
    meter.hidden = false;
    meter.querySelector("[data-tc-count]").textContent = done + " of " + total + " steps";
    var bar = meter.querySelector("progress");
    bar.max = total;
    bar.value = done;
    meter.classList.toggle("tc-progress--done", total > 0 && done === total);
  }

  Checklist.prototype.say = function (message) {
    if (!this.notice) return;
    this.notice.textContent = message;
    this.notice.hidden = false;
  };

  Checklist.prototype.next = function () {
    var open = this.boxes.filter(function (box) {
      return !box.checked;
    })[0];
    if (!open) {
      this.say("Every step is ticked.");
      return;
    }
    highlight(open.getAttribute("data-tc-box"));
    open.focus({ preventScroll: true });
  };

  Checklist.prototype.reset = function () {
    if (!window.confirm("Reset your progress on this tutorial? All ticks will be cleared.")) return;
    this.boxes.forEach(function (box) {
      box.checked = false;
    });
    TC.store.remove(this.key);
    this.render();
  };

  Checklist.prototype.copyLink = function (link) {
    var id = decodeURIComponent(link.hash.slice(1));
    var url = window.location.href.split("#")[0] + "#" + id;
    if (window.history && window.history.replaceState) window.history.replaceState(window.history.state, "", "#" + id);
    highlight(id);
    var self = this;
    var number = link.closest("[data-tc-step]").querySelector(".tc-step__number").textContent.replace(/\.$/, "");
    copyText(url).then(function () {
      self.say("Link to step " + number + " copied.");
    }, function () {
      self.say("Link to step " + number + ": " + url);
    });
  };

  Checklist.prototype.listen = function () {
    var self = this;
    this.container.addEventListener("change", function (event) {
      var box = event.target;
      if (box.matches && box.matches("input[data-tc-box]")) self.changed(box);
    });
    this.container.addEventListener("click", function (event) {
      var target = event.target;
      if (!target.closest) return;
      var action = target.closest("[data-tc-action]");
      var link = target.closest(".tc-step__link");
      if (action && action.getAttribute("data-tc-action") === "next") self.next();
      if (action && action.getAttribute("data-tc-action") === "reset") self.reset();
      if (link) {
        /* Instant navigation would otherwise reload the page for this same-page link. */
        event.preventDefault();
        event.stopPropagation();
        self.copyLink(link);
      }
    });
  };

  function copyText(text) {
    if (navigator.clipboard && navigator.clipboard.writeText) return navigator.clipboard.writeText(text);
    return new Promise(function (resolve, reject) {
      var area = document.createElement("textarea");
      area.value = text;
      area.setAttribute("readonly", "");
      area.className = "tc-offscreen";
      document.body.appendChild(area);
      area.select();
      var ok = false;
      try {
        ok = document.execCommand("copy");
      } catch (error) {
        ok = false;
      }
      document.body.removeChild(area);
      if (ok) resolve();
      else reject(new Error("copy refused"));
    });
  }

  /* Scroll to a step and mark it (the target of #step-id, "next unticked step", copy link). */
  function highlight(id) {
    var step = id ? document.getElementById(id) : null;
    if (!step || !step.hasAttribute("data-tc-step")) return;
    Array.prototype.forEach.call(document.querySelectorAll(".tc-step--target"), function (other) {
      other.classList.remove("tc-step--target");
    });
    step.classList.add("tc-step--target");
    step.scrollIntoView({ block: "center" });
  }

  function hashTarget() {
    try {
      return decodeURIComponent(window.location.hash.slice(1));
    } catch (error) {
      return "";
    }
  }

  function init(root) {
    var container = root.querySelector("[data-tc-checklist]");
    var data = TC.pageData();
    if (!container || !data || container.hasAttribute("data-tc-ready")) return;
    container.setAttribute("data-tc-ready", "");
    current = new Checklist(container, data);
    /* Boxes the reader ticked before this script arrived (the browser never restores them:
     * autocomplete is off) are kept, not replaced by the stored progress. */
    var early = current.boxes.filter(function (box) {
      return box.checked;
    });
    current.load();
    early.forEach(function (box) {
      if (box.checked) return;
      box.checked = true;
      current.changed(box);
    });
    current.listen();
    current.render();
    if (current.toolbar) current.toolbar.hidden = false;
    highlight(hashTarget());
  }

  window.addEventListener("hashchange", function () {
    if (current && document.contains(current.container)) highlight(hashTarget());
  });

  /* Lazy images that were never scrolled to would print blank. */
  window.addEventListener("beforeprint", function () {
    Array.prototype.forEach.call(document.querySelectorAll("img[loading='lazy']"), function (img) {
      img.loading = "eager";
    });
  });

  /* Another script replaced the stored progress (an import, a share link): show it, and
   * store it again in this file's own format. */
  TC.on("progress-stored", function () {
    if (!current || !document.contains(current.container)) return;
    current.load();
    current.save();
    current.render();
  });

  TC.register("checklist", init);
})();
