/* The certificate helper page: load a certificate (file, drop, paste), show what the tutorial asks.
 *
 * Acts only on a page holding [data-tc-cert-root] (templates/certificate-helper.md.j2).
 * Reading and formatting live in certificate-data.js and der.js; this file is the page.
 * Everything from the input is written with textContent, never as HTML. Nothing is sent
 * anywhere and nothing is stored, except the metadata values when the admin asks for them
 * to be filled into a checklist (through TC.store, under the values feature's key).
 */
(function () {
  "use strict";

  var TC = window.TC;
  var VALUES = [
    ["issuer_url", "entity_id", "Issuer URL"],
    ["login_url", "login_url", "Login URL"],
    ["logout_url", "logout_url", "Logout URL"],
    ["tenant_id", "tenant_id", "tenant ID"]
  ];
  var SAFE_PATH = /^[A-Za-z0-9._~\/-]{0,300}$/;
  var SAFE_ID = /^[A-Za-z0-9_.:-]{1,200}$/;
  var SAFE_NUMBER = /^[0-9A-Za-z.]{1,12}$/;
  var loaders = null;  // the current page's loaders, for the document-wide drop target
  var listening = false;
  // The page's Content-Security-Policy (connect-src 'none') only governs a document that
  // was loaded as this page. Arriving by instant navigation swaps the page into another
  // document, where the policy would arrive late and break the theme's navigation: reload.
  // (The document's own address is its navigation entry's: this script may load later.)
  function loadedAsThisPage() {
    var entries = window.performance && performance.getEntriesByType ? performance.getEntriesByType("navigation") : [];
    return !entries.length || new URL(entries[0].name).pathname === window.location.pathname;
  }

  function part(tool, name) {
    return tool.querySelector('[data-tc-cert="' + name + '"]');
  }

  function show(element, visible) {
    element.hidden = !visible;
  }

  function day(iso) {
    return iso.slice(0, 10) + " " + iso.slice(11, 16) + " UTC";
  }

  function validityText(view) {
    var left = view.days_left;
    switch (view.status) {
      case "expired":
        return "Expired on " + day(view.not_after) + ". Sign-ins signed with it will fail: download the " +
          "current certificate from your identity provider.";
      case "not-yet-valid":
        return "Not valid yet: it becomes valid on " + day(view.not_before) + ". Until then sign-ins " +
          "signed with it will fail.";
      case "expiring":
        return "Expires in " + left + (left === 1 ? " day" : " days") + " (" + day(view.not_after) + "). " +
          "Plan the rollover to the next certificate now.";
      default:
        return "Valid until " + day(view.not_after) + " (" + left + " days left).";
    }
  }

  function params() {
    return new URLSearchParams(window.location.search);
  }

  /* The site root, from mkdocs-material's config when present (works from file:// too). */
  function siteRoot() {
    var config = document.getElementById("__config");
    var base = ".";
    try {
      base = (config && JSON.parse(config.textContent).base) || ".";
    } catch (e) {
      base = ".";
    }
    return new URL(base.replace(/\/$/, "") + "/", window.location.href);
  }

  /* A path inside this site (relative to its root), or null: never another origin or a scheme. */
  function fromPage() {
    var from = params().get("from") || "";
    if (!SAFE_PATH.test(from) || from.indexOf("//") >= 0) return null;
    return from.replace(/^\/+/, "") || null;
  }

  /* The checklist (its storage key) the metadata values go to: the picker's choice. */
  function tutorialKey(tool) {
    var picker = part(tool, "tutorial");
    return picker && picker.value ? picker.value : null;
  }

  /* Preselect the tutorial the admin came from (the picker's options carry their page URL). */
  function preselectTutorial(tool) {
    var picker = part(tool, "tutorial");
    var from = fromPage();
    if (!picker || !from) return;
    Array.prototype.forEach.call(picker.options, function (option) {
      var url = option.getAttribute("data-url");
      if (url && pagePath(url) === pagePath(from)) picker.value = option.value;
    });
  }

  /* "tutorials/x/", "tutorials/x/index.html" and "tutorials/x.html" name the same page. */
  function pagePath(url) {
    return url.replace(/(\/index)?\.html$/, "").replace(/\/+$/, "");
  }

  function showBack(tool) {
    var from = fromPage();
    if (from === null) return;
    var step = params().get("step");
    var number = params().get("n");
    var link = part(tool, "back-link");
    var target = new URL(from, siteRoot());
    if (target.protocol === "file:" && /\/$/.test(target.pathname)) target.pathname += "index.html";  // a folder is no page there
    if (step && SAFE_ID.test(step)) target.hash = step;
    link.href = target.href;
    link.textContent = number && SAFE_NUMBER.test(number) ? "Back to step " + number : "Back to the tutorial";
    show(part(tool, "back"), true);
  }

  function setup(tool) {
    var state = { token: 0, views: [], metadata: null, view: null };
    var message = part(tool, "message");
    var paste = part(tool, "paste");
    var fileInput = part(tool, "file");

    function clear() {
      state.token += 1;
      state.views = [];
      state.metadata = null;
      state.view = null;
      show(message, false);
      message.className = "tc-cert__message";
      message.textContent = "";
      ["metadata", "choice", "result", "nocrypto"].forEach(function (name) { show(part(tool, name), false); });
      Array.prototype.forEach.call(tool.querySelectorAll("[data-tc-cert-out], [data-tc-cert-field], " +
        "[data-tc-cert-meta]"), function (el) { el.textContent = ""; });
      var list = part(tool, "list");
      while (list.lastChild && list.lastChild.tagName !== "LEGEND") list.removeChild(list.lastChild);
      part(tool, "values-status").textContent = "";
    }

    function fail(error) {
      clear();
      var refused = error instanceof TC.certData.InputError && error.refused;
      if (refused) {
        paste.value = "";
        fileInput.value = "";
      }
      var text = error instanceof TC.certData.InputError
        ? (error.line > 1 ? "Line " + error.line + ": " : "") + error.message
        : "This input could not be read as a certificate. Try the .cer file Azure gives you, or paste its text.";
      if (!(error instanceof TC.certData.InputError) && window.console) window.console.error(error);
      message.className = "tc-cert__message " + (refused ? "tc-cert__message--refused" : "tc-cert__message--error");
      message.textContent = text;
      show(message, true);
    }

    function select(index) {
      var view = state.views[index];
      state.view = view;
      Array.prototype.forEach.call(tool.querySelectorAll("[data-tc-cert-field]"), function (el) {
        var name = el.getAttribute("data-tc-cert-field");
        var value = view[name];
        if (name === "not_before" || name === "not_after") value = day(value);
        el.textContent = value === null ? "(needs Web Crypto, see the note above)" : String(value);
      });
      Array.prototype.forEach.call(tool.querySelectorAll("[data-tc-cert-out]"), function (el) {
        el.textContent = view[el.getAttribute("data-tc-cert-out")];
      });
      var validity = part(tool, "validity");
      validity.textContent = validityText(view);
      validity.className = "tc-cert__validity tc-cert__validity--" + view.status;
      show(part(tool, "nocrypto"), view.sha1 === null);
      show(part(tool, "result"), true);
    }

    function choiceLabel(view, index) {
      var name = view.common_name || view.subject || "certificate " + (index + 1);
      var status = { "valid": "valid", "expiring": "expires soon", "expired": "EXPIRED",
        "not-yet-valid": "NOT YET VALID" }[view.status];
      return (index + 1) + ". " + name + " - valid to " + day(view.not_after) + " (" + status + ")" +
        (view.sha1 ? " - thumbprint " + view.sha1 : "");
    }

    function showChoice() {
      var list = part(tool, "list");
      state.views.forEach(function (view, index) {
        var label = document.createElement("label");
        var radio = document.createElement("input");
        radio.type = "radio";
        radio.name = "tc-cert-choice";
        radio.value = String(index);
        radio.checked = index === 0;
        radio.addEventListener("change", function () { select(index); });
        var text = document.createElement("span");
        text.textContent = choiceLabel(view, index);
        label.className = "tc-cert__option tc-cert__option--" + view.status;
        label.appendChild(radio);
        label.appendChild(text);
        list.appendChild(label);
      });
      show(part(tool, "choice"), true);
    }

    function updateValuesControl() {
      var key = tutorialKey(tool);
      part(tool, "use-values").disabled = !key;
      part(tool, "values-status").textContent = key ? "" : part(tool, "tutorial")
        ? "Choose the tutorial whose checklist should get these values."
        : "This site has no tutorials to fill in.";
    }

    function showMetadata(metadata) {
      Array.prototype.forEach.call(tool.querySelectorAll("[data-tc-cert-meta]"), function (el) {
        el.textContent = metadata[el.getAttribute("data-tc-cert-meta")] || "(not in the metadata)";
      });
      updateValuesControl();
      show(part(tool, "metadata"), true);
    }

    /* Read with `read()` (which may throw), then describe every certificate and show them. */
    function handle(read) {
      clear();
      var token = state.token;
      var parsed;
      try {
        parsed = read();
      } catch (error) {
        fail(error);
        return;
      }
      Promise.all(parsed.certificates.map(function (der) { return TC.certData.describe(der); }))
        .then(function (views) {
          if (token !== state.token) return;
          state.views = views;
          state.metadata = parsed.metadata;
          if (parsed.metadata) showMetadata(parsed.metadata);
          if (views.length > 1) showChoice();
          select(0);
        }, function (error) {
          if (token === state.token) fail(error);
        });
    }

    function loadFile(file) {
      try {
        TC.certData.checkFile(file.name, file.size);
      } catch (error) {
        fail(error);
        return;
      }
      paste.value = "";
      file.arrayBuffer().then(function (buffer) {
        handle(function () { return TC.certData.readBytes(new Uint8Array(buffer), file.name); });
      }, function () {
        fail(new TC.certData.InputError("The file could not be read by the browser."));
      });
    }

    function loadText(text) {
      fileInput.value = "";
      if (!text.trim()) {
        // an emptied field clears the page, but a refusal stays until something new is loaded
        if (!message.classList.contains("tc-cert__message--refused")) clear();
        return;
      }
      handle(function () { return TC.certData.readText(text, "paste"); });
    }

    function copy(button) {
      var text = state.view && state.view[button.getAttribute("data-tc-cert-copy")];
      if (!text) return;
      var label = button.textContent;
      function done(ok) {
        button.textContent = ok ? "Copied" : "Copy failed: select the text and press Ctrl+C";
        window.setTimeout(function () { button.textContent = label; }, 2000);
      }
      if (navigator.clipboard && navigator.clipboard.writeText) {
        navigator.clipboard.writeText(text).then(function () { done(true); }, function () { done(selectCopy(button)); });
      } else {
        done(selectCopy(button));
      }
    }

    /* Fallback without the async clipboard (file://, plain http): copy the shown text itself. */
    function selectCopy(button) {
      var out = tool.querySelector('[data-tc-cert-out="' + button.getAttribute("data-tc-cert-copy") + '"]');
      var range = document.createRange();
      range.selectNodeContents(out);
      var selection = window.getSelection();
      selection.removeAllRanges();
      selection.addRange(range);
      try {
        return document.execCommand("copy");
      } catch (e) {
        return false;
      }
    }

    function download(kind) {
      var view = state.view;
      if (!view) return;
      var text = kind === "cer" ? view.pem.replace(/\n/g, "\r\n") : view.pem;
      var name = (view.common_name || "certificate").replace(/[^A-Za-z0-9._-]+/g, "-").replace(/^[-.]+|-+$/g, "");
      var link = document.createElement("a");
      link.href = URL.createObjectURL(new Blob([text], { type: "application/x-pem-file" }));
      link.download = (name || "certificate") + "." + kind;
      document.body.appendChild(link);
      link.click();
      link.remove();
      window.setTimeout(function () { URL.revokeObjectURL(link.href); }, 10000);
    }

    function useValues() {
      var key = tutorialKey(tool);
      var status = part(tool, "values-status");
      if (!key || !state.metadata) return;
      var stored = TC.store.read("values:" + key);
      var values = stored && typeof stored === "object" && !Array.isArray(stored) ? stored : {};
      var filled = [];
      VALUES.forEach(function (entry) {
        var value = state.metadata[entry[1]];
        if (value) {
          values[entry[0]] = value;
          filled.push(entry[2]);
        }
      });
      if (!TC.store.write("values:" + key, values)) {
        status.textContent = "This browser blocks local storage, so the values could not be kept. Copy them by hand.";
        return;
      }
      TC.emit("values-changed", { tutorial: key, source: "certificate" });
      status.textContent = "Filled " + filled.join(", ") + " into your checklist.";
    }

    fileInput.addEventListener("change", function () {
      if (fileInput.files && fileInput.files[0]) loadFile(fileInput.files[0]);
    });
    paste.addEventListener("input", function () { loadText(paste.value); });
    part(tool, "use-values").addEventListener("click", useValues);
    if (part(tool, "tutorial")) part(tool, "tutorial").addEventListener("change", updateValuesControl);
    tool.addEventListener("click", function (event) {
      var target = event.target instanceof Element ? event.target : null;
      var copyButton = target && target.closest("[data-tc-cert-copy]");
      var downloadButton = target && target.closest("[data-tc-cert-download]");
      if (copyButton) copy(copyButton);
      if (downloadButton) download(downloadButton.getAttribute("data-tc-cert-download"));
    });
    return { tool: tool, loadFile: loadFile, loadText: function (text) { paste.value = text; loadText(text); } };
  }

  function activeLoaders() {
    return loaders && document.body.contains(loaders.tool) ? loaders : null;
  }

  function carriesData(event) {
    var types = event.dataTransfer ? Array.prototype.slice.call(event.dataTransfer.types || []) : [];
    return types.indexOf("Files") >= 0 || types.indexOf("text/plain") >= 0;
  }

  /* Dropping anywhere on the helper page loads the file; other pages keep the browser's behaviour. */
  function listenForDrops() {
    document.addEventListener("dragover", function (event) {
      var active = activeLoaders();
      if (!active || !carriesData(event)) return;
      event.preventDefault();
      active.tool.classList.add("tc-cert--dragging");
    });
    document.addEventListener("dragleave", function (event) {
      var active = activeLoaders();
      if (active && !event.relatedTarget) active.tool.classList.remove("tc-cert--dragging");
    });
    document.addEventListener("drop", function (event) {
      var active = activeLoaders();
      if (!active || !carriesData(event)) return;
      event.preventDefault();
      active.tool.classList.remove("tc-cert--dragging");
      var file = event.dataTransfer.files && event.dataTransfer.files[0];
      if (file) active.loadFile(file);
      else active.loadText(event.dataTransfer.getData("text/plain"));
    });
  }

  TC.register("certificate", function (root) {
    var tool = root.querySelector("[data-tc-cert-root]");
    if (!tool || tool.hasAttribute("data-tc-cert-ready")) return;
    if (!loadedAsThisPage()) {
      window.location.reload();
      return;
    }
    tool.setAttribute("data-tc-cert-ready", "");
    if (!listening) listenForDrops();
    listening = true;
    preselectTutorial(tool);
    loaders = setup(tool);
    showBack(tool);
  });
})();
