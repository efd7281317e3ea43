/* updates.js: a reader's ticks meet a regenerated tutorial (loaded before checklist.js).
 *
 * The page data's "updates" is the tutorial's last update (generator/site/manifest.py):
 * "changes" (added, changed, removed, moved steps with their old and new id, number and
 * text) and "aliases" (old step id -> [new id, old fingerprint], for steps whose id changed
 * because they were reworded or moved). checklist.js stores each tick with the fingerprint
 * of what the step said when it was ticked ("fingerprints": {id: fingerprint}).
 *
 * On a tutorial page with stored progress (loader.js loads this file only there; without
 * ticks there is nothing to reconcile), before the checklist reads the stored progress:
 * - a tick on a step that is unchanged stays, also when the step was renumbered (same id) or
 *   got a new id without a new content (an alias with the same fingerprint);
 * - a tick on a step whose content changed since it was ticked (its fingerprint differs, or,
 *   for a tick stored without one, its alias's old fingerprint differs) is removed, and the
 *   step is marked "Updated since you ticked it" with the text it had (when the last update
 *   knows it) until the reader ticks it again; the marks live under "updated:<tutorial>";
 * - a tick on a step that no longer exists is left to the checklist, which ignores it.
 * The "What changed" panel itself is plain HTML from the page template.
 */
(function () {
  "use strict";

  var TC = window.TC;
  var current = null;

  function isObject(value) {
    return !!value && typeof value === "object" && !Array.isArray(value);
  }

  /* The old text the last update knows for a tick on oldId that is now step newId. */
  function oldText(changes, oldId, newId) {
    for (var i = 0; i < changes.length; i++) {
      var change = changes[i];
      if (change.kind === "changed" && (change.old_id === oldId || change.id === newId)) return change.old_text;
    }
    return null;
  }

  /* Move ticks to the current step ids, untick changed steps; returns the marks to show. */
  function reconcile(data, steps) {
    var update = isObject(data.updates) ? data.updates : {};
    var aliases = isObject(update.aliases) ? update.aliases : {};
    var changes = Array.isArray(update.changes) ? update.changes : [];
    var marksKey = "updated:" + data.tutorial;
    var savedMarks = TC.store.read(marksKey);
    var marks = {};
    if (isObject(savedMarks)) {
      Object.keys(savedMarks).forEach(function (id) {
        if (steps[id] && isObject(savedMarks[id])) marks[id] = savedMarks[id];
      });
    }
    var key = "progress:" + data.tutorial;
    var saved = TC.store.read(key);
    if (!isObject(saved) || !Array.isArray(saved.ticked)) return marks;
    var stored = isObject(saved.fingerprints) ? saved.fingerprints : {};
    var ticked = [];
    var fingerprints = {};
    var rewrite = false;
    saved.ticked.forEach(function (id) {
      if (typeof id !== "string") return;
      var alias = !steps[id] && Array.isArray(aliases[id]) ? aliases[id] : null;
      var target = alias ? alias[0] : id;
      var step = steps[target];
      if (!step) {
        ticked.push(id); /* not on this page: the checklist ignores it */
        return;
      }
      var known = typeof stored[id] === "string" ? stored[id] : alias ? alias[1] : null;
      if (known && known !== step.fingerprint) {
        marks[target] = { text: oldText(changes, id, target) };
        rewrite = true;
        return;
      }
      if (ticked.indexOf(target) < 0) ticked.push(target);
      fingerprints[target] = step.fingerprint;
      if (target !== id || stored[id] !== step.fingerprint) rewrite = true;
    });
    if (rewrite) {
      TC.store.write(key, { ticked: ticked, fingerprints: fingerprints, updated: saved.updated || new Date().toISOString() });
      TC.store.write(marksKey, marks);
      TC.emit("progress-stored", { tutorial: data.tutorial });
    }
    return marks;
  }

  function Marks(container, data, steps, marks) {
    this.container = container;
    this.key = "updated:" + data.tutorial;
    this.steps = steps;
    this.marks = marks;
  }

  Marks.prototype.show = function () {
    var self = this;
    Object.keys(this.marks).forEach(function (id) {
      var step = document.getElementById(id);
      if (!step || !step.hasAttribute("data-tc-step") || step.querySelector("[data-tc-updated]")) return;
      step.classList.add("tc-step--updated");
      step.insertBefore(self.note(self.marks[id], self.steps[id]), step.querySelector(".tc-step__head").nextSibling);
    });
  };

  /* The mark under a step's label; the old text only when the step's text itself changed. */
  Marks.prototype.note = function (mark, step) {
    var note = document.createElement("div");
    note.className = "tc-updated";
    note.setAttribute("data-tc-updated", "");
    var label = document.createElement("strong");
    label.className = "tc-updated__label";
    label.textContent = "Updated since you ticked it";
    note.appendChild(label);
    if (typeof mark.text === "string" && mark.text !== step.text) {
      var before = document.createElement("details");
      before.className = "tc-updated__before";
      var summary = document.createElement("summary");
      summary.textContent = "What it said when you ticked it";
      var text = document.createElement("p");
      text.textContent = mark.text;
      before.appendChild(summary);
      before.appendChild(text);
      note.appendChild(before);
    } else {
      var hint = document.createElement("span");
      hint.className = "tc-updated__hint";
      hint.textContent = " Its notes, screenshots or further instructions changed: check it again.";
      note.appendChild(hint);
    }
    return note;
  };

  /* A marked step ticked again (by the reader, or through its parent) is no longer news. */
  Marks.prototype.settle = function () {
    var self = this;
    var changed = false;
    Object.keys(this.marks).forEach(function (id) {
      var box = self.container.querySelector("input[data-tc-box='" + cssEscape(id) + "']");
      if (!box || !box.checked) return;
      delete self.marks[id];
      changed = true;
      var step = document.getElementById(id);
      if (!step) return;
      step.classList.remove("tc-step--updated");
      var note = step.querySelector("[data-tc-updated]");
      if (note) note.parentNode.removeChild(note);
    });
    if (changed) TC.store.write(this.key, this.marks);
  };

  function cssEscape(value) {
    return window.CSS && window.CSS.escape ? window.CSS.escape(value) : value.replace(/["'\\]/g, "\\$&");
  }

  function init(root) {
    var container = root.querySelector("[data-tc-checklist]");
    var data = TC.pageData();
    if (!container || !data || !Array.isArray(data.steps) || container.hasAttribute("data-tc-updates-ready")) return;
    container.setAttribute("data-tc-updates-ready", "");
    var steps = {};
    data.steps.forEach(function (step) {
      if (step && typeof step.id === "string") steps[step.id] = step;
    });
    current = new Marks(container, data, steps, reconcile(data, steps));
    current.show();
  }

  TC.on("progress-changed", function () {
    if (current && document.contains(current.container)) current.settle();
  });

  TC.register("updates", init);
})();
