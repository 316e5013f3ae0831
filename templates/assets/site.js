// Small enhancements for full pages. Everything works without this file: the embed code stays
// selectable in its text box.
(function () {
  "use strict";
  document.querySelectorAll("button[data-copy]").forEach(function (button) {
    var source = document.getElementById(button.getAttribute("data-copy"));
    var status = button.parentNode.querySelector(".copy-status");
    if (!source) return;
    button.hidden = false;
    button.addEventListener("click", function () {
      function done(message) { if (status) status.textContent = message; }
      source.select();
      if (navigator.clipboard && window.isSecureContext) {
        navigator.clipboard.writeText(source.value).then(function () { done("Copied. Paste it into your page."); },
          function () { done("Press Ctrl+C (or ⌘C) to copy the selected code."); });
      } else {
        var copied = false;
        try { copied = document.execCommand("copy"); } catch (error) { copied = false; }
        done(copied ? "Copied. Paste it into your page." : "Press Ctrl+C (or ⌘C) to copy the selected code.");
      }
    });
  });
  document.querySelectorAll("textarea.embed-code").forEach(function (box) {
    box.addEventListener("focus", function () { box.select(); });
  });
})();
