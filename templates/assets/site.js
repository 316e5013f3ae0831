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
      var copiedText = button.getAttribute("data-copied") || "Copied.";
      var byHandText = button.getAttribute("data-copy-by-hand") || "Press Ctrl+C to copy.";
      function done(message) { if (status) status.textContent = message; }
      source.select();
      if (navigator.clipboard && window.isSecureContext) {
        navigator.clipboard.writeText(source.value).then(function () { done(copiedText); },
          function () { done(byHandText); });
      } else {
        var copied = false;
        try { copied = document.execCommand("copy"); } catch (error) { copied = false; }
        done(copied ? copiedText : byHandText);
      }
    });
  });
  document.querySelectorAll("textarea.embed-code").forEach(function (box) {
    box.addEventListener("focus", function () { box.select(); });
  });
})();
