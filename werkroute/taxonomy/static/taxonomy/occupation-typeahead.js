/* Werkroute: occupation typeahead (progressive enhancement).

   Turns every <input data-occupation-typeahead data-source="..."> into an ARIA 1.2 combobox
   with a listbox of suggestions from the server (GET data-source?q=...). Choosing a suggestion
   puts its name in the text box and its id in the hidden <input data-occupation-id> beside it.
   Without this file the text box still works: the server recognises what was typed.

   Keys: arrow down/up move through the suggestions, Enter chooses, Escape closes (a second
   Escape clears), Tab leaves. A polite live region says how many suggestions there are. */
(function () {
  "use strict";

  var EN = document.documentElement.lang === "en";
  var TEXT = {
    none: EN ? "No occupation found" : "Geen beroep gevonden",
    one: EN ? "1 occupation found, use the arrow keys to choose" : "1 beroep gevonden, kies met de pijltjestoetsen",
    many: EN ? " occupations found, use the arrow keys to choose" : " beroepen gevonden, kies met de pijltjestoetsen"
  };
  var DELAY = 150;
  var MIN_LENGTH = 2;
  var counter = 0;

  function setUp(input) {
    if (input.dataset.typeaheadReady) { return; }
    input.dataset.typeaheadReady = "1";
    var root = input.closest("[data-occupation-typeahead-root]") || input.parentNode;
    var hidden = root.querySelector("[data-occupation-id]");
    var source = input.dataset.source;
    counter += 1;
    var listId = (input.id || "occupation-typeahead-" + counter) + "-listbox";

    var list = document.createElement("ul");
    list.id = listId;
    list.className = "wr-typeahead__list";
    list.setAttribute("role", "listbox");
    var label = input.id ? document.querySelector("label[for='" + input.id + "']") : null;
    if (label) {
      if (!label.id) { label.id = input.id + "-label"; }
      list.setAttribute("aria-labelledby", label.id);
    }
    list.hidden = true;
    root.appendChild(list);

    var status = document.createElement("span");
    status.className = "wr-typeahead__status";
    status.setAttribute("role", "status");
    status.setAttribute("aria-live", "polite");
    root.appendChild(status);

    input.setAttribute("role", "combobox");
    input.setAttribute("aria-autocomplete", "list");
    input.setAttribute("aria-expanded", "false");
    input.setAttribute("aria-controls", listId);

    var items = [];
    var active = -1;
    var timer = null;
    var request = 0;
    var chosenText = input.value;

    function close() {
      list.hidden = true;
      input.setAttribute("aria-expanded", "false");
      input.removeAttribute("aria-activedescendant");
      active = -1;
    }

    function highlight(index) {
      var options = list.querySelectorAll("[role=option]");
      options.forEach(function (option, i) {
        option.setAttribute("aria-selected", i === index ? "true" : "false");
      });
      active = index;
      if (index >= 0 && options[index]) {
        input.setAttribute("aria-activedescendant", options[index].id);
        options[index].scrollIntoView({ block: "nearest" });
      } else {
        input.removeAttribute("aria-activedescendant");
      }
    }

    function choose(index) {
      var item = items[index];
      if (!item) { return; }
      input.value = item.label;
      chosenText = item.label;
      if (hidden) { hidden.value = String(item.id); }
      close();
      input.dispatchEvent(new Event("change", { bubbles: true }));
    }

    function render(data) {
      items = data;
      list.textContent = "";
      data.forEach(function (item, i) {
        var option = document.createElement("li");
        option.id = listId + "-" + i;
        option.className = "wr-typeahead__option";
        option.setAttribute("role", "option");
        option.setAttribute("aria-selected", "false");
        option.textContent = item.label;
        if (item.matched) {
          var extra = document.createElement("span");
          extra.className = "wr-typeahead__matched";
          extra.textContent = " (" + item.matched + ")";
          option.appendChild(extra);
        }
        // mousedown, not click: it comes before the input loses focus.
        option.addEventListener("mousedown", function (event) {
          event.preventDefault();
          choose(i);
        });
        list.appendChild(option);
      });
      var open = data.length > 0 && document.activeElement === input;
      list.hidden = !open;
      input.setAttribute("aria-expanded", open ? "true" : "false");
      active = -1;
      input.removeAttribute("aria-activedescendant");
      status.textContent = data.length === 0 ? TEXT.none : data.length === 1 ? TEXT.one : data.length + TEXT.many;
    }

    function fetchSuggestions() {
      var text = input.value.trim();
      if (text.length < MIN_LENGTH) { items = []; close(); status.textContent = ""; return; }
      request += 1;
      var mine = request;
      var url = source + (source.indexOf("?") === -1 ? "?" : "&") + "q=" + encodeURIComponent(text);
      fetch(url, { headers: { Accept: "application/json" }, credentials: "same-origin" })
        .then(function (response) { return response.ok ? response.json() : []; })
        .then(function (data) { if (mine === request) { render(data); } })
        .catch(function () { /* offline: the server recognises the text on submit */ });
    }

    input.addEventListener("input", function () {
      if (hidden && input.value !== chosenText) { hidden.value = ""; }
      clearTimeout(timer);
      timer = setTimeout(fetchSuggestions, DELAY);
    });

    input.addEventListener("keydown", function (event) {
      var open = !list.hidden;
      if (event.key === "ArrowDown") {
        event.preventDefault();
        if (!open) { if (items.length) { list.hidden = false; input.setAttribute("aria-expanded", "true"); } else { fetchSuggestions(); } return; }
        highlight(active + 1 >= items.length ? 0 : active + 1);
      } else if (event.key === "ArrowUp") {
        if (!open) { return; }
        event.preventDefault();
        highlight(active <= 0 ? items.length - 1 : active - 1);
      } else if (event.key === "Enter") {
        if (open && active >= 0) { event.preventDefault(); choose(active); }
      } else if (event.key === "Escape") {
        if (open) { event.preventDefault(); close(); }
        else if (input.value) { event.preventDefault(); input.value = ""; if (hidden) { hidden.value = ""; } }
      } else if (event.key === "Tab") {
        close();
      }
    });

    input.addEventListener("blur", function () { close(); });
  }

  function setUpAll() {
    document.querySelectorAll("input[data-occupation-typeahead]").forEach(setUp);
  }

  if (document.readyState === "loading") {
    document.addEventListener("DOMContentLoaded", setUpAll);
  } else {
    setUpAll();
  }
})();
