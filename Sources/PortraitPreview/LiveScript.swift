/// The script the preview server adds to every page: it reloads after a good build and shows an
/// overlay with file, line, column and message after a bad one, until the file is fixed.
enum LiveScript {
    static func source(socketPath: String) -> String {
        """
        (function () {
          "use strict";
          // The build the page was read from; a different one announced on connecting means reload.
          var tag = document.currentScript;
          var version = tag && tag.hasAttribute("data-version") ? parseInt(tag.getAttribute("data-version"), 10) : null;
          function overlay(errors) {
            var box = document.getElementById("portrait-errors");
            if (!box) {
              box = document.createElement("div");
              box.id = "portrait-errors";
              box.setAttribute("role", "alert");
              box.style.cssText = "position:fixed;inset:auto 0 0 0;max-height:70vh;overflow:auto;z-index:2147483647;" +
                "background:#fff7f7;color:#1b1f24;border-top:6px solid #b3261e;padding:1rem 1.25rem;" +
                "font:15px/1.5 system-ui,sans-serif;box-shadow:0 -4px 24px rgba(0,0,0,.25)";
              document.body.appendChild(box);
            }
            box.textContent = "";
            var title = document.createElement("h2");
            title.textContent = "The Portrait could not be rebuilt. You are seeing the last good version.";
            title.style.cssText = "margin:0 0 .5rem;font-size:1.1rem;color:#8c1d18";
            box.appendChild(title);
            var list = document.createElement("ol");
            list.style.cssText = "margin:0;padding-left:1.25rem";
            errors.forEach(function (error) {
              var item = document.createElement("li");
              item.className = "portrait-error";
              var where = document.createElement("code");
              where.className = "portrait-error-location";
              where.textContent = error.file ? error.file + ":" + error.line + ":" + error.column : "";
              where.style.cssText = "font-weight:700;margin-right:.5rem";
              var message = document.createElement("span");
              message.className = "portrait-error-message";
              message.textContent = error.message + (error.suggestion ? " — " + error.suggestion : "");
              item.appendChild(where);
              item.appendChild(message);
              if (error.expected) {
                var expected = document.createElement("pre");
                expected.textContent = "expected: " + error.expected;
                expected.style.cssText = "margin:.25rem 0 .5rem;white-space:pre-wrap;font-size:13px";
                item.appendChild(expected);
              }
              list.appendChild(item);
            });
            box.appendChild(list);
          }
          function connect() {
            var socket = new WebSocket((location.protocol === "https:" ? "wss://" : "ws://") + location.host + "\(socketPath)");
            socket.onmessage = function (event) {
              var state = JSON.parse(event.data);
              if (state.type === "error") { overlay(state.errors); version = state.version; return; }
              var hadErrors = !!document.getElementById("portrait-errors");
              if ((version !== null && state.version !== version) || hadErrors) { location.reload(); return; }
              version = state.version;
            };
            socket.onclose = function () { setTimeout(connect, 1000); };
          }
          connect();
        })();
        """
    }
}
