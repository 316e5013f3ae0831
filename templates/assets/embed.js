// Runs inside an embedded Portrait page. It tells the page that frames it how tall the content is,
// in two forms: our own message, read by embed-host.js, and the WordPress embed message, read by
// WordPress's own script when a school pastes our link into WordPress.
(function () {
  "use strict";
  if (window.parent === window) return;
  var match = /[#&?]secret=([A-Za-z0-9]{1,64})/.exec(window.location.hash);
  var secret = match ? match[1] : null;
  var lastHeight = 0;

  function height() {
    var body = document.body;
    var style = window.getComputedStyle(body);
    return Math.ceil(body.getBoundingClientRect().height + parseFloat(style.marginTop) + parseFloat(style.marginBottom));
  }

  function post(force) {
    var value = height();
    if (!force && value === lastHeight) return;
    lastHeight = value;
    window.parent.postMessage({ type: "portrait-embed:height", height: value, url: window.location.href.split("#")[0] }, "*");
    if (secret) window.parent.postMessage({ secret: secret, message: "height", value: value }, "*");
  }

  window.addEventListener("message", function (event) {
    var data = event.data;
    if (event.source === window.parent && data && data.message === "ready" && data.secret === secret) post(true);
  });
  window.addEventListener("load", function () { post(true); });
  if ("ResizeObserver" in window) new ResizeObserver(function () { post(false); }).observe(document.body);
  post(true);
})();
