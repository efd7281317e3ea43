/* Lightbox: a screenshot link opens its full-size original in a modal <dialog>.
 *
 * Markup (rendered by generator/render/media.py): <a class="tc-lightbox" href="ORIGINAL">
 * <img ...></a>, optionally inside a <figure> whose <figcaption> becomes the caption, and
 * optional data-width/data-height (the original's size). Links to another origin (the
 * placeholder of a remote image links to it) are left alone: the site never loads
 * third-party images. Without JavaScript the link simply opens the original. The native
 * modal dialog keeps keyboard focus inside, Escape closes it, Left/Right step through the
 * page's screenshots, and focus returns to the link that opened it. Modified clicks (new
 * tab/window) are left to the browser.
 * Only textContent and attributes are set: captions come from tutorial text.
 */
(function () {
  "use strict";

  var SELECTOR = "a.tc-lightbox";
  var ui = null;
  var opener = null;
  var links = [];
  var index = 0;

  function element(tag, className, parent) {
    var node = document.createElement(tag);
    node.className = className;
    if (parent) parent.appendChild(node);
    return node;
  }

  function button(label, text, className, parent, action) {
    var node = element("button", "tc-lightbox-dialog__button " + className, parent);
    node.type = "button";
    node.setAttribute("aria-label", label);
    node.title = label;
    node.textContent = text;
    node.addEventListener("click", action);
    return node;
  }

  function build() {
    var dialog = element("dialog", "tc-lightbox-dialog", document.body);
    dialog.setAttribute("aria-label", "Screenshot");
    var figure = element("figure", "tc-lightbox-dialog__figure", dialog);
    var image = element("img", "tc-lightbox-dialog__image", figure);
    var caption = element("figcaption", "tc-lightbox-dialog__caption", figure);
    var bar = element("div", "tc-lightbox-dialog__bar", dialog);
    var previous = button("Previous screenshot", "\u2039", "tc-lightbox-dialog__previous", bar,
      function () { show(index - 1); });
    var counter = element("span", "tc-lightbox-dialog__counter", bar);
    var next = button("Next screenshot", "\u203a", "tc-lightbox-dialog__next", bar,
      function () { show(index + 1); });
    var close = button("Close", "\u00d7", "tc-lightbox-dialog__close", dialog,
      function () { dialog.close(); });
    dialog.addEventListener("click", function (event) {
      if (event.target === dialog || event.target === figure) dialog.close();
    });
    dialog.addEventListener("keydown", function (event) {
      if (event.key === "ArrowLeft") show(index - 1);
      else if (event.key === "ArrowRight") show(index + 1);
      else if (event.key !== "Tab" || !wrapFocus(dialog, event.shiftKey)) return;
      event.preventDefault();
    });
    dialog.addEventListener("close", function () {
      image.removeAttribute("src");
      if (opener && document.contains(opener)) opener.focus();
      opener = null;
    });
    return { dialog: dialog, image: image, caption: caption, counter: counter,
             previous: previous, next: next, close: close };
  }

  /* Keep Tab inside the dialog (a modal dialog would otherwise let focus leave the page). */
  function wrapFocus(dialog, backwards) {
    var buttons = Array.prototype.filter.call(dialog.querySelectorAll("button"), function (node) {
      return !node.hidden && !node.disabled;
    });
    var first = buttons[0];
    var last = buttons[buttons.length - 1];
    var target = backwards ? (document.activeElement === first ? last : null)
                           : (document.activeElement === last ? first : null);
    if (!target) return false;
    target.focus();
    return true;
  }

  function captionOf(link) {
    var figure = link.closest("figure");
    var text = figure && figure.querySelector("figcaption");
    return link.getAttribute("data-caption") || (text ? text.textContent.trim() : "");
  }

  function show(position) {
    if (position < 0 || position >= links.length) return;
    index = position;
    var link = links[index];
    var thumbnail = link.querySelector("img");
    var width = link.getAttribute("data-width");
    var height = link.getAttribute("data-height");
    if (width && height) {
      ui.image.setAttribute("width", width);
      ui.image.setAttribute("height", height);
    } else {
      ui.image.removeAttribute("width");
      ui.image.removeAttribute("height");
    }
    ui.image.alt = thumbnail ? thumbnail.alt : "";
    ui.image.src = link.href;
    var caption = captionOf(link);
    ui.caption.textContent = caption;
    ui.caption.hidden = !caption;
    ui.counter.textContent = links.length > 1 ? (index + 1) + " / " + links.length : "";
    ui.previous.hidden = ui.next.hidden = links.length < 2;
    ui.previous.disabled = index === 0;
    ui.next.disabled = index === links.length - 1;
  }

  function local(link) {
    return link.origin === window.location.origin;
  }

  function open(link) {
    if (!ui || !document.body.contains(ui.dialog)) ui = build();
    links = Array.prototype.slice.call(document.querySelectorAll(SELECTOR)).filter(local);
    opener = link;
    show(Math.max(0, links.indexOf(link)));
    ui.dialog.showModal();
    ui.close.focus();
  }

  function onClick(event) {
    if (event.defaultPrevented || event.button !== 0) return;
    if (event.ctrlKey || event.metaKey || event.shiftKey || event.altKey) return;
    var link = event.target.closest && event.target.closest(SELECTOR);
    if (!link || !local(link)) return;
    event.preventDefault();
    open(link);
  }

  var listening = false;

  window.TC.register("lightbox", function () {
    if (listening) return;
    document.addEventListener("click", onClick);
    listening = true;
  });
})();
