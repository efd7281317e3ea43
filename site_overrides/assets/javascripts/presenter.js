/* presenter.js: presenter mode, one step at a time in large type for a projector.
 *
 * ?present (or the "Present" button) shows the tutorial's steps one by one, sub-steps
 * included, in the order and numbering of the page. The step shown is the page's own
 * element (presenter.css lifts it above the hidden page), so its screenshot, callouts,
 * region URLs and values are the live ones, and ticking it is ticking the page's checkbox
 * (the checklist's own rules, counts and storage).
 *
 * Keys: arrows and Page Up/Down move, Home/End jump, Space ticks, Escape leaves.
 * The step shown is kept in the address (?present=<step id>) and in TC.store
 * "presenter:<tutorial>", so a reload, or coming back by instant navigation, resumes there.
 * Step numbers and sections come from TC.setup.place (setup.js, loaded before this file).
 */
(function () {
  "use strict";

  var TC = window.TC;
  var PARAM = "present";
  var CURRENT = "tc-present-current";
  var state = null;

  function requested() {
    try {
      var params = new URLSearchParams(window.location.search);
      return params.has(PARAM) ? params.get(PARAM) : null;
    } catch (error) {
      return null;
    }
  }

  function setAddress(id) {
    var url = new URL(window.location.href);
    if (id === null) url.searchParams.delete(PARAM);
    else url.searchParams.set(PARAM, id);
    window.history.replaceState(window.history.state, "", url.href);
  }

  function indexOf(steps, id) {
    for (var i = 0; i < steps.length; i++) {
      if (id && steps[i].id === id) return i;
    }
    return -1;
  }

  function el(tag, className, text) {
    var node = document.createElement(tag);
    if (className) node.className = className;
    if (text !== undefined) node.textContent = text;
    return node;
  }

  function button(label, className, action) {
    var node = el("button", "tc-presenter__button " + className, label);
    node.type = "button";
    node.addEventListener("click", action);
    return node;
  }

  function buildChrome() {
    var root = el("div", "tc-presenter");
    root.setAttribute("role", "region");
    root.setAttribute("aria-label", "Presenter mode");
    var bar = el("div", "tc-presenter__bar");
    var position = el("p", "tc-presenter__position");
    position.setAttribute("aria-live", "polite");
    position.setAttribute("aria-atomic", "true");
    var section = el("p", "tc-presenter__section");
    bar.appendChild(position);
    bar.appendChild(section);
    var controls = el("div", "tc-presenter__controls");
    var previous = button("Previous", "", function () { move(-1); });
    var next = button("Next", "tc-presenter__button--primary", function () { move(1); });
    controls.appendChild(previous);
    controls.appendChild(next);
    controls.appendChild(button("Leave presenter mode", "", function () { leave(); }));
    controls.appendChild(el("span", "tc-presenter__keys", "Arrows or Page Up/Down move · Space ticks · Escape leaves"));
    root.appendChild(bar);
    root.appendChild(controls);
    return { root: root, position: position, section: section, previous: previous, next: next };
  }

  function currentBox() {
    return state ? state.steps[state.index].querySelector(":scope > .tc-step__head > input[data-tc-box]") : null;
  }

  function show(index) {
    var steps = state.steps;
    var at = Math.max(0, Math.min(index, steps.length - 1));
    if (state.index >= 0) steps[state.index].classList.remove(CURRENT);
    state.index = at;
    var step = steps[at];
    step.classList.add(CURRENT);
    step.scrollTop = 0;
    var where = TC.setup.place(step);
    state.chrome.position.textContent = (where.section ? "Section " + where.section + " · " : "") +
      "Step " + where.number + " (" + (at + 1) + " of " + steps.length + ")";
    state.chrome.section.textContent = where.sectionTitle;
    state.chrome.previous.disabled = at === 0;
    state.chrome.next.disabled = at === steps.length - 1;
    TC.store.write("presenter:" + state.tutorial, step.id);
    setAddress(step.id);
    var box = currentBox();
    if (box) box.focus({ preventScroll: true });
  }

  function move(delta) {
    if (state) show(state.index + delta);
  }

  function enter(container, wanted) {
    var steps = Array.prototype.slice.call(container.querySelectorAll("li[data-tc-step]"));
    var data = TC.pageData();
    if (!steps.length || !data || state) return;
    var index = indexOf(steps, wanted);
    if (index < 0) index = indexOf(steps, TC.store.read("presenter:" + data.tutorial));
    state = { container: container, tutorial: data.tutorial, steps: steps, index: -1, chrome: buildChrome() };
    document.documentElement.classList.add("tc-presenting");
    document.body.appendChild(state.chrome.root);
    show(Math.max(index, 0));
  }

  /* Undo presenter mode; the step stays remembered for the next time. */
  function teardown() {
    var step = state.steps[state.index];
    step.classList.remove(CURRENT);
    state.chrome.root.remove();
    document.documentElement.classList.remove("tc-presenting");
    state = null;
    return step;
  }

  function leave() {
    if (!state) return;
    var box = currentBox();
    var step = teardown();
    setAddress(null);
    step.scrollIntoView({ block: "center" });
    if (box) box.focus({ preventScroll: true });
  }

  function editable(target) {
    if (!target || !target.closest) return false;
    if (target.isContentEditable) return true;
    var field = target.closest("input, textarea, select");
    return !!field && field.type !== "checkbox";
  }

  function onKey(event) {
    if (!state || event.defaultPrevented || event.altKey || event.ctrlKey || event.metaKey) return;
    if (document.querySelector("dialog[open]") || editable(event.target)) return;  // dialogs keep their keys
    var target = event.target;
    switch (event.key) {
      case "ArrowRight":
      case "ArrowDown":
      case "PageDown":
        move(1);
        break;
      case "ArrowLeft":
      case "ArrowUp":
      case "PageUp":
        move(-1);
        break;
      case "Home":
        show(0);
        break;
      case "End":
        show(state.steps.length - 1);
        break;
      case "Escape":
        leave();
        break;
      case " ":
        if (target === currentBox()) return;  // the focused box ticks itself
        if (target.closest && target.closest("button, a[href], summary, label")) return;
        currentBox().click();
        break;
      default:
        return;
    }
    event.preventDefault();
  }

  function init(root) {
    var container = root.querySelector("[data-tc-checklist]");
    if (state && state.container !== container) teardown();  // instant navigation left the page
    if (!container || !TC.pageData()) return;
    var start = root.querySelector("[data-tc-present]");
    if (start && !start.hasAttribute("data-tc-bound")) {
      start.setAttribute("data-tc-bound", "");
      start.addEventListener("click", function () { enter(container, null); });
    }
    var wanted = requested();
    if (wanted !== null) enter(container, wanted);
  }

  document.addEventListener("keydown", onKey);
  TC.register("presenter", init);
})();
