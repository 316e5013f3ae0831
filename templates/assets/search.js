// Finds competencies, look-fors and FAQ answers in the index built with the site.
// Without JavaScript the search page still lists every page, so nothing here is required.
(function () {
  "use strict";
  var results = document.getElementById("search-results");
  var input = document.getElementById("search-q");
  if (!results || !input) return;

  function fold(text) {
    return text.toLowerCase().normalize("NFD").replace(/[\u0300-\u036f]/g, "");
  }

  function show(entries, query) {
    results.textContent = "";
    var heading = document.createElement("h2");
    var label = results.getAttribute(entries.length === 1 ? "data-result-one" : "data-result-many") || "results for";
    heading.textContent = entries.length + " " + label + " \u201c" + query + "\u201d";
    results.appendChild(heading);
    var list = document.createElement("ul");
    list.className = "search-results";
    entries.slice(0, 50).forEach(function (entry) {
      var item = document.createElement("li");
      var link = document.createElement("a");
      link.href = entry.u;
      link.textContent = entry.t;
      var kind = document.createElement("span");
      kind.className = "result-kind";
      kind.textContent = entry.k;
      var text = document.createElement("p");
      text.textContent = entry.x;
      item.appendChild(kind);
      item.appendChild(link);
      item.appendChild(text);
      list.appendChild(item);
    });
    results.appendChild(list);
  }

  function search(index, query) {
    var words = fold(query).split(/\s+/).filter(Boolean);
    if (!words.length) return;
    var found = index.filter(function (entry) {
      var haystack = fold(entry.t + " " + entry.x + " " + entry.k);
      return words.every(function (word) { return haystack.indexOf(word) !== -1; });
    });
    show(found, query);
  }

  var query = new URLSearchParams(window.location.search).get("q") || "";
  input.value = query;
  fetch(results.getAttribute("data-index"))
    .then(function (response) { return response.json(); })
    .then(function (index) {
      if (query) search(index, query);
      input.closest("form").addEventListener("submit", function (event) {
        event.preventDefault();
        history.replaceState(null, "", "?q=" + encodeURIComponent(input.value));
        search(index, input.value);
      });
    })
    .catch(function () { /* the browse list below still works */ });
})();
