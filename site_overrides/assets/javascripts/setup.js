/* setup.js: a tutorial's "setup" (region, values, ticked steps) as one object, for the
 * training tools: share links (share.js) and progress files (transfer.js) read it here and
 * put it back here, so both agree on what is kept where.
 *
 * A setup is {regions: {family: region id}, values: {name: text}, ticked: [step ids]}.
 * TC.setup.current()       what this browser has for the page (every value, secret too).
 * TC.setup.clean(raw, opt) the part of an untrusted setup that fits this page: known
 *                          families and regions, known and valid values (opt.shareableOnly:
 *                          only values the data marks shareable), ids of steps on the page.
 *                          Returns {setup, skipped} (skipped counts what was left out).
 * TC.setup.apply(setup)    stores it (values merge into the stored ones, ticks replace them)
 *                          and has every feature show it through their TC events.
 * TC.setup.describe(setup) readable lines ("Mimecast region: South Africa").
 * TC.setup.place(step)     a step element's number and section ("9.4", 2, "Configuring...").
 * TC.setup.say(text, kind) the training tools' status line (kind "error" for a refusal).
 */
(function () {
  "use strict";

  var TC = window.TC;

  function data() {
    return TC.pageData() || {};
  }

  function has(object, key) {
    return Object.prototype.hasOwnProperty.call(object, key);
  }

  function isObject(value) {
    return value !== null && typeof value === "object" && !Array.isArray(value);
  }

  function families() {
    return data().regions || {};
  }

  function defs() {
    return data().values || {};
  }

  function stepIds() {
    return (data().steps || []).map(function (step) { return step.id; });
  }

  function storedValues() {
    var values = TC.store.read("values:" + data().tutorial);
    return isObject(values) ? values : {};
  }

  function storedTicks() {
    var progress = TC.store.read("progress:" + data().tutorial);
    var ticked = progress && Array.isArray(progress.ticked) ? progress.ticked : [];
    var known = stepIds();
    return ticked.filter(function (id) { return typeof id === "string" && known.indexOf(id) >= 0; });
  }

  function current() {
    var regions = {};
    Object.keys(families()).forEach(function (fid) {
      var id = TC.regions ? TC.regions.selected(fid) : null;
      if (id) regions[fid] = id;
    });
    var values = {};
    var stored = storedValues();
    Object.keys(stored).forEach(function (name) {
      if (has(defs(), name) && typeof stored[name] === "string" && stored[name]) values[name] = stored[name];
    });
    return { regions: regions, values: values, ticked: storedTicks() };
  }

  /* The region id ``wanted`` names in family ``fid`` (an id or alias), or null. */
  function regionId(fid, wanted) {
    var family = families()[fid];
    if (!family || typeof wanted !== "string") return null;
    var key = wanted.trim().toLowerCase();
    var found = null;
    family.regions.forEach(function (region) {
      if (region.id === key || (region.aliases || []).indexOf(key) >= 0) found = region.id;
    });
    return found;
  }

  function valueProblem(name, text) {
    return TC.values && TC.values.problem ? TC.values.problem(name, text) : null;
  }

  function clean(raw, options) {
    var shareableOnly = !!(options && options.shareableOnly);
    var setup = { regions: {}, values: {}, ticked: null };
    var skipped = 0;
    var source = isObject(raw) ? raw : {};
    var regions = isObject(source.regions) ? source.regions : {};
    Object.keys(regions).forEach(function (fid) {
      var id = regionId(fid, regions[fid]);
      if (id) setup.regions[fid] = id;
      else skipped++;
    });
    var values = isObject(source.values) ? source.values : {};
    Object.keys(values).forEach(function (name) {
      var def = has(defs(), name) ? defs()[name] : null;
      var text = typeof values[name] === "string" ? values[name].trim() : "";
      var allowed = def && (!shareableOnly || def.sharing === "shareable");
      if (allowed && text && (def.template || valueProblem(name, text) === null)) setup.values[name] = text;
      else skipped++;
    });
    if (Array.isArray(source.ticked)) {
      var known = stepIds();
      setup.ticked = [];
      source.ticked.forEach(function (id) {
        if (typeof id === "string" && known.indexOf(id) >= 0 && setup.ticked.indexOf(id) < 0) setup.ticked.push(id);
        else skipped++;
      });
    }
    return { setup: setup, skipped: skipped };
  }

  function apply(setup) {
    var tutorial = data().tutorial;
    var regions = Object.keys(setup.regions || {});
    regions.forEach(function (fid) {
      TC.store.write("region:" + fid, setup.regions[fid]);
    });
    var names = Object.keys(setup.values || {});
    if (names.length) {
      var values = storedValues();
      names.forEach(function (name) { values[name] = setup.values[name]; });
      TC.store.write("values:" + tutorial, values);
    }
    if (Array.isArray(setup.ticked)) {
      TC.store.write("progress:" + tutorial, { ticked: setup.ticked, updated: new Date().toISOString() });
      TC.emit("progress-stored", { tutorial: tutorial });
    }
    if (regions.length && TC.regions) TC.regions.render(document.body);
    regions.forEach(function (fid) {
      TC.emit("region-changed", { family: fid, region: setup.regions[fid] });
    });
    if (names.length) TC.emit("values-changed", { tutorial: tutorial, source: "setup" });
  }

  function regionLabel(fid, id) {
    var label = id;
    ((families()[fid] || {}).regions || []).forEach(function (region) {
      if (region.id === id) label = region.label;
    });
    return label;
  }

  function describe(setup) {
    var lines = [];
    Object.keys(setup.regions || {}).forEach(function (fid) {
      lines.push(families()[fid].label + ": " + regionLabel(fid, setup.regions[fid]));
    });
    Object.keys(setup.values || {}).forEach(function (name) {
      var def = defs()[name];
      lines.push(def.label + ": " + (def.sharing === "secret" ? "(secret)" : setup.values[name]));
    });
    if (Array.isArray(setup.ticked)) {
      lines.push("Ticked steps: " + setup.ticked.length + " of " + stepIds().length);
    }
    return lines;
  }

  /* Where a step element sits: its number as shown ("9.4"), its top-level section (1-based
   * index and title), for the presenter's position and the summary's "next:". */
  function place(step) {
    var number = step.querySelector(".tc-step__number");
    var section = step.closest("[data-tc-section]");
    var sections = data().sections || [];
    var id = section ? section.getAttribute("data-tc-section") : null;
    var index = -1;
    sections.forEach(function (entry, at) {
      if (entry.id === id) index = at;
    });
    return {
      number: number ? number.textContent.trim().replace(/\.$/, "") : "",
      section: index + 1,
      sectionTitle: index >= 0 ? sections[index].title : ""
    };
  }

  function say(text, kind) {
    var status = document.querySelector("[data-tc-training-status]");
    if (!status) return;
    var tools = status.closest("details");
    if (tools) tools.open = true;
    status.textContent = text;
    status.classList.toggle("tc-training__status--error", kind === "error");
  }

  TC.setup = {
    current: current,
    clean: clean,
    apply: apply,
    describe: describe,
    regionLabel: regionLabel,
    place: place,
    say: say
  };
})();
