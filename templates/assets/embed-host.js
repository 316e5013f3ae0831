// Optional script for school websites whose content system allows scripts. Add it once per page:
//   <script src="https://YOUR-PORTRAIT-SITE/assets/embed-host.js" defer></script>
// It resizes every Portrait iframe on the page to fit its content. Messages are accepted only from
// the Portrait's own origin and only in the expected shape, and heights are kept within bounds.
(function () {
  "use strict";
  var script = document.currentScript;
  var origin = script && script.getAttribute("data-origin") ? script.getAttribute("data-origin") : new URL(script.src).origin;
  var MIN_HEIGHT = 120;
  var MAX_HEIGHT = 12000;

  window.addEventListener("message", function (event) {
    if (event.origin !== origin) return;
    var data = event.data;
    if (!data || typeof data !== "object" || data.type !== "portrait-embed:height") return;
    var value = Number(data.height);
    if (!isFinite(value)) return;
    value = Math.max(MIN_HEIGHT, Math.min(MAX_HEIGHT, Math.round(value)));
    var frames = document.getElementsByTagName("iframe");
    for (var i = 0; i < frames.length; i++) {
      if (frames[i].contentWindow === event.source) {
        frames[i].style.height = value + "px";
        frames[i].setAttribute("height", String(value));
      }
    }
  });
})();
