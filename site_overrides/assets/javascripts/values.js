/* values.js: the "Your values" panel and the admin's values substituted into the steps.
 *
 * Page data "values" declares each value (label, help, sharing, and a validator for base
 * values or a template for derived ones: {name} is a value, {family.kind} the chosen
 * region's URL); "placeholders" maps tokens such as <companyname> to value names. Values
 * are kept in TC.store "values:<page data tutorial>" as {name: value}; only valid input
 * is kept (an invalid entry shows the validator's message and fills nothing). The
 * certificate helper writes issuer_url/login_url/logout_url there too and emits
 * "values-changed". Everything is substituted live, through textContent only, and
 * nothing is ever sent anywhere.
 *
 * Exposes TC.values.get(name) and TC.values.fill(text) (used by regions.js), and
 * TC.values.problem(name, text) (share links and imports keep only valid values).
 */
(function () {
  "use strict";

  var TC = window.TC;
  var REF = /\{([a-z][a-z0-9_]*|[a-z][a-z0-9-]*\.[a-z][a-z0-9-]*)\}/g;

  function data() {
    return TC.pageData() || {};
  }

  function defs() {
    return data().values || {};
  }

  function storageKey() {
    var tutorial = data().tutorial;
    return typeof tutorial === "string" && tutorial ? "values:" + tutorial : null;
  }

  function stored() {
    var key = storageKey();
    var values = key ? TC.store.read(key) : null;
    return values && typeof values === "object" && !Array.isArray(values) ? values : {};
  }

  function has(object, key) {
    return Object.prototype.hasOwnProperty.call(object, key);
  }

  /* Why ``text`` is not a valid ``name`` (the validator's message), or null when it is. */
  function problem(name, text) {
    var def = defs()[name];
    var rule = def && def.validator ? (data().validators || {})[def.validator] : null;
    if (!text.trim()) return "Enter a value.";
    if (!rule) return null;
    try {
      return new RegExp(rule.pattern).test(text) ? null : rule.message;
    } catch (error) {
      return rule.message;
    }
  }

  /* The value of ``name`` or null: a stored value (valid, for typed ones), else its template. */
  function get(name, seen) {
    var def = has(defs(), name) ? defs()[name] : null;
    if (!def) return null;
    var values = stored();
    var own = has(values, name) && typeof values[name] === "string" ? values[name] : "";
    if (own && (def.template || problem(name, own) === null)) return own;
    if (!def.template) return null;
    var chain = seen || [];
    if (chain.indexOf(name) >= 0) return null;
    var missing = false;
    var text = def.template.replace(REF, function (whole, ref) {
      var dot = ref.indexOf(".");
      var part = dot > 0
        ? (TC.regions ? TC.regions.url(ref.slice(0, dot), ref.slice(dot + 1)) : null)
        : get(ref, chain.concat([name]));
      if (part === null) missing = true;
      return part || "";
    });
    return missing ? null : text;
  }

  /* What the admin still has to give for ``name``: {field id, label} of the first gap. */
  function firstGap(name, seen) {
    var def = defs()[name];
    if (!def) return null;
    if (!def.template) return get(name) === null ? { id: "tc-value-" + name, label: def.label } : null;
    var chain = seen || [];
    if (chain.indexOf(name) >= 0) return null;
    var gap = null;
    def.template.replace(REF, function (whole, ref) {
      if (gap) return whole;
      var dot = ref.indexOf(".");
      if (dot > 0) {
        var family = (data().regions || {})[ref.slice(0, dot)];
        if (TC.regions && TC.regions.url(ref.slice(0, dot), ref.slice(dot + 1)) === null) {
          gap = { id: "tc-region-" + ref.slice(0, dot), label: family ? family.label : "region" };
        }
      } else {
        gap = firstGap(ref, chain.concat([name]));
      }
      return whole;
    });
    return gap;
  }

  /* ``text`` with every known placeholder token replaced by its value. */
  function fill(text) {
    var tokens = data().placeholders || {};
    var out = String(text);
    Object.keys(tokens).forEach(function (token) {
      var value = get(tokens[token]);
      if (value !== null && value !== "") out = out.split(token).join(value);
    });
    return out;
  }

  function el(tag, className, text) {
    var node = document.createElement(tag);
    if (className) node.className = className;
    if (text !== undefined) node.textContent = text;
    return node;
  }

  function clear(node) {
    while (node.firstChild) node.removeChild(node.firstChild);
  }

  function renderValue(span) {
    var name = span.getAttribute("data-tc-value");
    var value = get(name);
    clear(span);
    span.hidden = false;
    span.appendChild(document.createTextNode(" "));
    if (value !== null) {
      var code = el("code", "tc-value__text", value);
      span.appendChild(code);
      span.appendChild(document.createTextNode(" "));
      span.appendChild(TC.copyButton(function () { return code.textContent; }));
      span.classList.remove("tc-value--missing");
      return;
    }
    var gap = firstGap(name);
    span.classList.add("tc-value--missing");
    if (!gap) return;
    var link = el("a", "tc-value__fill", "fill in your " + gap.label);
    link.href = "#" + gap.id;
    if (TC.regions && TC.regions.focusField) link.addEventListener("click", TC.regions.focusField);
    span.appendChild(link);
  }

  function renderPlaceholder(span) {
    var original = span.querySelector(":scope > .tc-placeholder__original");
    var source = span.getAttribute("data-tc-text") || "";
    var text = fill(source);
    var chosen = span.querySelector(":scope > .tc-placeholder__filled");
    if (!chosen) {
      chosen = el("span", "tc-placeholder__filled");
      chosen.appendChild(el("code"));
      chosen.appendChild(document.createTextNode(" "));
      chosen.appendChild(TC.copyButton(function () { return chosen.firstChild.textContent; }));
      span.appendChild(chosen);
    }
    chosen.firstChild.textContent = text;
    chosen.hidden = text === source;
    if (original) original.hidden = text !== source;
  }

  /* Code blocks: wrap each placeholder token once, then set every token's text. */
  function renderCode(root) {
    var tokens = Object.keys(data().placeholders || {});
    if (tokens.length === 0) return;
    root.querySelectorAll("pre code").forEach(function (code) {
      if (!code.getAttribute("data-tc-tokens")) {
        code.setAttribute("data-tc-tokens", "1");
        wrapTokens(code, tokens);
      }
    });
    root.querySelectorAll("[data-tc-token]").forEach(function (span) {
      var token = span.getAttribute("data-tc-token");
      var text = fill(token);
      span.textContent = text;
      span.classList.toggle("tc-token--filled", text !== token);
    });
  }

  function wrapTokens(code, tokens) {
    var walker = document.createTreeWalker(code, NodeFilter.SHOW_TEXT);
    var texts = [];
    while (walker.nextNode()) texts.push(walker.currentNode);
    texts.forEach(function (node) {
      var rest = node.nodeValue;
      var pieces = [];
      for (;;) {
        var at = -1;
        var which = null;
        tokens.forEach(function (token) {
          var found = rest.indexOf(token);
          if (found >= 0 && (at < 0 || found < at)) {
            at = found;
            which = token;
          }
        });
        if (which === null) break;
        pieces.push(document.createTextNode(rest.slice(0, at)));
        var span = el("span", "tc-token", which);
        span.setAttribute("data-tc-token", which);
        pieces.push(span);
        rest = rest.slice(at + which.length);
      }
      if (pieces.length === 0) return;
      pieces.push(document.createTextNode(rest));
      pieces.forEach(function (piece) { node.parentNode.insertBefore(piece, node); });
      node.parentNode.removeChild(node);
    });
  }

  function render(root) {
    root.querySelectorAll("[data-tc-value]").forEach(renderValue);
    root.querySelectorAll("[data-tc-text]").forEach(renderPlaceholder);
    renderCode(root);
  }

  function showError(name, message) {
    var error = document.querySelector('[data-tc-value-error="' + name + '"]');
    var input = document.querySelector('[data-tc-value-input="' + name + '"]');
    if (error) {
      error.textContent = message || "";
      error.hidden = !message;
    }
    if (input) {
      if (message) input.setAttribute("aria-invalid", "true");
      else input.removeAttribute("aria-invalid");
    }
  }

  function changed(source) {
    render(document.body);
    TC.emit("values-changed", { tutorial: data().tutorial, source: source });
  }

  function status(text) {
    var node = document.querySelector("[data-tc-values-status]");
    if (node) node.textContent = text;
  }

  /* Typing keeps a valid value; invalid or empty input removes the stored one (fills nothing). */
  function onInput(input) {
    var name = input.getAttribute("data-tc-value-input");
    var key = storageKey();
    if (!key) return;
    var values = stored();
    var text = input.value.trim();
    var message = text ? problem(name, text) : null;
    showError(name, message);
    if (text && !message) values[name] = text;
    else delete values[name];
    if (!TC.store.write(key, values)) status("This browser does not allow storing values here; they last until you leave the page.");
    changed("panel");
  }

  function forget() {
    var key = storageKey();
    if (key) TC.store.remove(key);
    document.querySelectorAll("[data-tc-value-input]").forEach(function (input) {
      input.value = "";
      showError(input.getAttribute("data-tc-value-input"), null);
    });
    status("Your values are forgotten: nothing about them is left in this browser.");
    changed("forget");
  }

  /* Inputs show what is stored (after a reload, the certificate helper or an import). */
  function syncInputs(root) {
    var values = stored();
    root.querySelectorAll("[data-tc-value-input]").forEach(function (input) {
      var name = input.getAttribute("data-tc-value-input");
      if (document.activeElement === input) return;
      input.value = has(values, name) && typeof values[name] === "string" ? values[name] : "";
    });
  }

  function init(root) {
    if (Object.keys(defs()).length === 0) return;
    var panel = root.querySelector("[data-tc-values-panel]");
    if (panel) panel.hidden = false;
    root.querySelectorAll("[data-tc-value-input]").forEach(function (input) {
      if (input.getAttribute("data-tc-bound")) return;
      input.setAttribute("data-tc-bound", "1");
      input.addEventListener("input", function () { onInput(input); });
    });
    root.querySelectorAll("[data-tc-values-forget]").forEach(function (button) {
      if (button.getAttribute("data-tc-bound")) return;
      button.setAttribute("data-tc-bound", "1");
      button.addEventListener("click", forget);
    });
    syncInputs(root);
    render(root);
  }

  TC.values = { get: get, fill: fill, render: render, problem: problem };
  TC.on("region-changed", function () { render(document.body); });
  TC.on("values-changed", function (detail) {
    if (detail && (detail.source === "panel" || detail.source === "forget")) return;
    syncInputs(document.body);
    render(document.body);
  });
  TC.register("values", init);
})();
