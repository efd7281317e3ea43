/* transfer.js: move progress between browsers, and tell others where one stands.
 *
 * "Download progress" saves a small JSON file:
 *   {"format": "tutorial-checklists-progress", "version": 1, "tutorial": <page key>,
 *    "title": ..., "exported": ISO date, "regions": {family: id}, "values": {name: text},
 *    "ticked": [step ids]}
 * Secret values stay out of it. "Import progress" reads such a file back: a file that is
 * not JSON, not this format, of another version or for another tutorial is refused with a
 * message saying why, and nothing changes. What fits the page is applied through
 * TC.setup (ticks replace the stored ones, values merge into them).
 * "Copy summary" puts one line on the clipboard ("Mimecast Admin Console: 18 of 37 steps,
 * region South Africa, next: Configuring single sign-on step 9.4").
 */
(function () {
  "use strict";

  var TC = window.TC;
  var FORMAT = "tutorial-checklists-progress";
  var VERSION = 1;
  var MAX_BYTES = 1000000;
  var UNCHANGED = " Nothing was changed.";

  function isObject(value) {
    return value !== null && typeof value === "object" && !Array.isArray(value);
  }

  function steps(count) {
    return count + (count === 1 ? " ticked step" : " ticked steps");
  }

  function download(text, name) {
    var link = document.createElement("a");
    link.href = URL.createObjectURL(new Blob([text], { type: "application/json" }));
    link.download = name;
    document.body.appendChild(link);
    link.click();
    link.remove();
    window.setTimeout(function () { URL.revokeObjectURL(link.href); }, 10000);
  }

  function exportProgress() {
    var data = TC.pageData();
    var setup = TC.setup.current();
    var values = {};
    var secrets = 0;
    Object.keys(setup.values).forEach(function (name) {
      if (data.values[name].sharing === "secret") secrets++;
      else values[name] = setup.values[name];
    });
    var file = {
      format: FORMAT,
      version: VERSION,
      tutorial: data.tutorial,
      title: data.title,
      exported: new Date().toISOString(),
      regions: setup.regions,
      values: values,
      ticked: setup.ticked
    };
    download(JSON.stringify(file, null, 2) + "\n", data.tutorial + "-progress.json");
    TC.setup.say("Downloaded your progress: " + steps(setup.ticked.length) +
      (secrets ? "; secret values are not in the file." : "."));
  }

  /* The file's content when it is a progress file for this page, else {error: why}. */
  function check(text) {
    var file;
    try {
      file = JSON.parse(text);
    } catch (error) {
      return { error: "This file is not a progress file: it is not valid JSON." };
    }
    if (!isObject(file) || file.format !== FORMAT) {
      return { error: "This file is not a progress file from this site." };
    }
    if (file.version !== VERSION) {
      return {
        error: typeof file.version === "number" && file.version > VERSION
          ? "This progress file was made by a newer version of this site (format " + file.version +
            "); this page reads format " + VERSION + "."
          : "This progress file has an unknown format version."
      };
    }
    var tutorial = TC.pageData().tutorial;
    if (file.tutorial !== tutorial) {
      var title = typeof file.title === "string" ? file.title.slice(0, 200) : String(file.tutorial).slice(0, 200);
      return { error: "This progress file is for another tutorial (" + title + "). Open that tutorial to import it." };
    }
    if (!Array.isArray(file.ticked) || !isObject(file.values) || !isObject(file.regions)) {
      return { error: "This progress file is damaged: its ticked steps, values or regions are missing." };
    }
    return { file: file };
  }

  function importText(text) {
    var result = check(text);
    if (result.error) {
      TC.setup.say(result.error + UNCHANGED, "error");
      return;
    }
    var cleaned = TC.setup.clean(result.file);
    var mine = TC.setup.current().ticked;
    var ticked = cleaned.setup.ticked;
    var replaces = mine.some(function (id) { return ticked.indexOf(id) < 0; });
    if (replaces && !window.confirm("Replace your " + steps(mine.length) + " with the " + steps(ticked.length) +
        " in the file?")) {
      TC.setup.say("Import cancelled." + UNCHANGED);
      return;
    }
    TC.setup.apply(cleaned.setup);
    var message = "Imported: " + TC.setup.describe(cleaned.setup).join("; ") + ".";
    if (cleaned.skipped) {
      message += " " + cleaned.skipped + " entries do not fit this page (the tutorial may have changed) and were skipped.";
    }
    TC.setup.say(message);
  }

  function importFile(file) {
    if (file.size > MAX_BYTES) {
      TC.setup.say("This file is too large to be a progress file." + UNCHANGED, "error");
      return;
    }
    file.text().then(importText, function () {
      TC.setup.say("This file could not be read." + UNCHANGED, "error");
    });
  }

  function summary(container) {
    var boxes = Array.prototype.slice.call(container.querySelectorAll("input[data-tc-box]"));
    var done = boxes.filter(function (box) { return box.checked; }).length;
    var tools = container.querySelector("[data-tc-training]");
    var parts = [tools.getAttribute("data-tc-name") + ": " + done + " of " + boxes.length + " steps"];
    var regions = TC.setup.current().regions;
    var labels = Object.keys(regions).map(function (fid) { return TC.setup.regionLabel(fid, regions[fid]); });
    if (labels.length) parts.push("region " + labels.join(", "));
    /* The next thing to do is a step without sub-steps: a parent is done when they are. */
    var open = boxes.filter(function (box) {
      return !box.checked && !box.closest("[data-tc-step]").querySelector("[data-tc-parent]");
    })[0];
    if (open) {
      var where = TC.setup.place(open.closest("[data-tc-step]"));
      parts.push("next: " + (where.sectionTitle ? where.sectionTitle + " " : "") + "step " + where.number);
    } else {
      parts.push("all steps done");
    }
    return parts.join(", ");
  }

  function copySummary(container) {
    var text = summary(container);
    TC.copyText(text, function (ok) {
      TC.setup.say(ok ? "Copied: " + text : "Copy this summary: " + text);
    });
  }

  function init(root) {
    var container = root.querySelector("[data-tc-checklist]");
    var tools = container && root.querySelector("[data-tc-training]");
    if (!tools || !TC.pageData() || tools.hasAttribute("data-tc-transfer")) return;
    tools.setAttribute("data-tc-transfer", "");
    var input = tools.querySelector("[data-tc-import-file]");
    tools.querySelector("[data-tc-export]").addEventListener("click", exportProgress);
    tools.querySelector("[data-tc-import]").addEventListener("click", function () { input.click(); });
    input.addEventListener("change", function () {
      var file = input.files && input.files[0];
      input.value = "";
      if (file) importFile(file);
    });
    tools.querySelector("[data-tc-summary]").addEventListener("click", function () { copySummary(container); });
  }

  TC.register("transfer", init);
})();
