/* copy.js: TC.copyButton(getText), a "Copy" button for URLs and values shown in steps, and
 * TC.copyText(text, done) for other scripts' copy actions.
 *
 * The text is read when the button is pressed, so a button keeps copying what its value
 * shows now (after a region or value changed). Buttons sit inside step labels: a press
 * must not tick the step. Without the async clipboard (file://, plain http) the text is
 * copied through a temporary, never-displayed text field.
 */
(function () {
  "use strict";

  var TC = window.TC;

  function copyByField(text) {
    var field = document.createElement("textarea");
    field.value = text;
    field.setAttribute("readonly", "");
    field.style.position = "fixed";
    field.style.opacity = "0";
    document.body.appendChild(field);
    field.select();
    var ok = false;
    try {
      ok = document.execCommand("copy");
    } catch (error) {
      ok = false;
    }
    field.remove();
    return ok;
  }

  function copyButton(getText) {
    var button = document.createElement("button");
    button.type = "button";
    button.className = "tc-copy";
    button.textContent = "Copy";
    button.title = "Copy to the clipboard";
    button.addEventListener("click", function (event) {
      event.preventDefault();
      event.stopPropagation();
      var text = getText();
      if (!text) return;
      copyText(text, function (ok) {
        button.textContent = ok ? "Copied" : "Select and copy";
        window.setTimeout(function () { button.textContent = "Copy"; }, 1500);
      });
    });
    return button;
  }

  /* Put ``text`` on the clipboard; done(ok) tells whether it got there. */
  function copyText(text, done) {
    if (navigator.clipboard && navigator.clipboard.writeText) {
      navigator.clipboard.writeText(text).then(
        function () { done(true); },
        function () { done(copyByField(text)); }
      );
    } else {
      done(copyByField(text));
    }
  }

  TC.copyButton = copyButton;
  TC.copyText = copyText;
})();
