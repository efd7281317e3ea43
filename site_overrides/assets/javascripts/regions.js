/* regions.js: the region picker and region-specific URLs in steps.
 *
 * Page data "regions" lists the families the page uses. The choice is kept per site in
 * TC.store "region:<family>"; ?region=<id or alias> presets it. Until a region is chosen
 * every region span shows the tutorial's own text (all its variants) with a prompt to
 * choose: never a silent default. A chosen region shows exactly its URL, with a copy
 * button; a table listing one URL per region shows only the reader's row.
 *
 * Exposes TC.regions.selected(family) and TC.regions.url(family, kind) for values.js,
 * and emits "region-changed" {family, region}. Text reaches the page via textContent only.
 */
(function () {
  "use strict";

  var TC = window.TC;

  function families() {
    var data = TC.pageData();
    return (data && data.regions) || {};
  }

  /* The region id that ``wanted`` names in ``family`` (id or alias, any case), or null. */
  function resolve(family, wanted) {
    if (typeof wanted !== "string" || !family) return null;
    var key = wanted.trim().toLowerCase();
    var found = null;
    family.regions.forEach(function (region) {
      if (region.id === key || region.aliases.indexOf(key) >= 0) found = region.id;
    });
    return found;
  }

  function regionOf(fid, id) {
    var family = families()[fid];
    var found = null;
    if (family) {
      family.regions.forEach(function (region) {
        if (region.id === id) found = region;
      });
    }
    return found;
  }

  function selected(fid) {
    var family = families()[fid];
    return family ? resolve(family, TC.store.read("region:" + fid)) : null;
  }

  function url(fid, kind) {
    var family = families()[fid];
    var id = selected(fid);
    var urls = family && family.kinds[kind] && family.kinds[kind].urls;
    return id && urls && Object.prototype.hasOwnProperty.call(urls, id) ? urls[id] : null;
  }

  function fill(text) {
    return TC.values && TC.values.fill ? TC.values.fill(text) : text;
  }

  function el(tag, className, text) {
    var node = document.createElement(tag);
    if (className) node.className = className;
    if (text !== undefined) node.textContent = text;
    return node;
  }

  /* The parts a region span needs besides its original text, created once. */
  function parts(span) {
    var chosen = span.querySelector(":scope > .tc-region__chosen");
    if (!chosen) {
      chosen = el("span", "tc-region__chosen");
      chosen.hidden = true;
      chosen.appendChild(el("code", "tc-region__url"));
      chosen.appendChild(document.createTextNode(" "));
      chosen.appendChild(TC.copyButton(function () { return chosen.firstChild.textContent; }));
      chosen.appendChild(document.createTextNode(" "));
      var which = el("a", "tc-region__which");
      which.href = "#tc-region-" + span.getAttribute("data-tc-region");
      which.title = "Change your region";
      which.addEventListener("click", focusField);
      chosen.appendChild(which);
      span.appendChild(chosen);
      var prompt = el("a", "tc-region__prompt", "");
      prompt.href = "#tc-region-" + span.getAttribute("data-tc-region");
      prompt.hidden = true;
      prompt.addEventListener("click", focusField);
      span.appendChild(prompt);
    }
    return {
      original: span.querySelector(":scope > .tc-region__original"),
      chosen: chosen,
      prompt: span.querySelector(":scope > .tc-region__prompt")
    };
  }

  /* A link to a panel field (#tc-region-x, #tc-value-y) brings the field into view and focus. */
  function focusField(event) {
    var field = document.getElementById(event.currentTarget.getAttribute("href").slice(1));
    if (!field) return;
    event.preventDefault();
    event.stopPropagation();
    field.scrollIntoView({ block: "center" });
    field.focus();
  }

  function variantsOf(span) {
    try {
      var variants = JSON.parse(span.getAttribute("data-tc-variants") || "{}");
      return variants && typeof variants === "object" ? variants : {};
    } catch (error) {
      return {};
    }
  }

  function has(object, key) {
    return key !== null && Object.prototype.hasOwnProperty.call(object, key);
  }

  function renderSpan(span) {
    var fid = span.getAttribute("data-tc-region");
    var family = families()[fid];
    if (!family) return;
    var mode = span.getAttribute("data-tc-mode");
    var variants = variantsOf(span);
    var id = selected(fid);
    var p = parts(span);
    var text = null;
    var own = span.getAttribute("data-tc-own");
    if (mode === "row") {
      if (has(variants, own) && fill(variants[own]) !== variants[own]) text = fill(variants[own]);
    } else if (has(variants, id)) {
      text = fill(variants[id]);
    }
    var region = regionOf(fid, id);
    p.chosen.firstChild.textContent = text || "";
    p.chosen.lastChild.textContent = region && mode !== "row" ? region.label : "";
    p.chosen.hidden = text === null;
    p.original.hidden = text !== null;
    span.classList.toggle("tc-region--chosen", text !== null);
    if (mode === "row") return;
    p.prompt.textContent = region
      ? "(no address is listed for " + region.label + ")"
      : "choose your region to see your URL";
    p.prompt.hidden = text !== null;
  }

  /* A table with one URL per region shows only the reader's row. A one-column table that
   * lacks the reader's region shows the reader's URL in its first row instead. */
  function renderTable(table) {
    var rows = [];
    var mine = [];
    var spans = [];
    var id = null;
    table.querySelectorAll('[data-tc-mode="row"]').forEach(function (span) {
      var row = span.closest("tr");
      var index = rows.indexOf(row);
      if (index < 0) {
        rows.push(row);
        mine.push(false);
        spans.push(span);
        index = rows.length - 1;
      }
      id = selected(span.getAttribute("data-tc-region"));
      if (id !== null && span.getAttribute("data-tc-own") === id) mine[index] = true;
    });
    var anyMine = mine.indexOf(true) >= 0;
    var first = spans[0];
    var variants = first ? variantsOf(first) : {};
    var collapse = !anyMine && has(variants, id) && rows.every(function (row) { return row.cells.length === 1; });
    rows.forEach(function (row, index) {
      row.hidden = (anyMine && !mine[index]) || (collapse && index > 0);
      row.classList.toggle("tc-region-row--mine", mine[index] || (collapse && index === 0));
    });
    if (collapse) {
      var p = parts(first);
      p.chosen.firstChild.textContent = fill(variants[id]);
      p.chosen.hidden = false;
      p.original.hidden = true;
    }
  }

  function renderRows(root) {
    var tables = [];
    root.querySelectorAll('[data-tc-mode="row"]').forEach(function (span) {
      var table = span.closest("table");
      if (table && tables.indexOf(table) < 0) tables.push(table);
    });
    tables.forEach(renderTable);
  }

  function render(root) {
    root.querySelectorAll("[data-tc-region]").forEach(renderSpan);
    renderRows(root);
    root.querySelectorAll("[data-tc-region-select]").forEach(function (select) {
      select.value = selected(select.getAttribute("data-tc-region-select")) || "";
    });
  }

  function choose(fid, id) {
    if (id) TC.store.write("region:" + fid, id);
    else TC.store.remove("region:" + fid);
    render(document.body);
    TC.emit("region-changed", { family: fid, region: id || null });
  }

  /* ?region=za (an id or alias of any family on the page) presets and remembers the region. */
  function presetFromQuery() {
    var wanted = null;
    try {
      wanted = new URLSearchParams(window.location.search).get("region");
    } catch (error) {
      wanted = null;
    }
    if (!wanted) return;
    var all = families();
    Object.keys(all).forEach(function (fid) {
      var id = resolve(all[fid], wanted);
      if (id && TC.store.read("region:" + fid) !== id) TC.store.write("region:" + fid, id);
    });
  }

  function init(root) {
    if (Object.keys(families()).length === 0) return;
    presetFromQuery();
    root.querySelectorAll("[data-tc-region-select]").forEach(function (select) {
      if (select.getAttribute("data-tc-bound")) return;
      select.setAttribute("data-tc-bound", "1");
      select.addEventListener("change", function () {
        choose(select.getAttribute("data-tc-region-select"), select.value);
      });
    });
    var panel = root.querySelector("[data-tc-values-panel]");
    if (panel) panel.hidden = false;
    render(root);
  }

  TC.regions = { selected: selected, url: url, render: render, focusField: focusField };
  TC.on("values-changed", function () { render(document.body); });
  TC.register("regions", init);
})();
