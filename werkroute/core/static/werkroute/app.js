/* Werkroute: progressive enhancement for the route map. Everything works without this file,
   except saving to "Mijn route" (kept in this browser only) and offline use. */
(function () {
  "use strict";
  var KEY = "werkroute.route.v1";

  function load() {
    try { return JSON.parse(localStorage.getItem(KEY)) || []; } catch (e) { return []; }
  }
  function store(items) {
    try { localStorage.setItem(KEY, JSON.stringify(items)); } catch (e) { /* private mode */ }
    updateCount(items);
  }
  function has(items, id) { return items.some(function (i) { return i.id === id; }); }

  function updateCount(items) {
    document.querySelectorAll("[data-route-count]").forEach(function (el) {
      el.textContent = "(" + items.length + ")";
      el.hidden = items.length === 0;
    });
  }

  function cacheForOffline(url) {
    if ("caches" in window) {
      caches.open("werkroute-saved").then(function (cache) { cache.add(url); }).catch(function () {});
    }
  }
  function uncache(url) {
    if ("caches" in window) {
      caches.open("werkroute-saved").then(function (cache) { cache.delete(url); }).catch(function () {});
    }
  }

  var SAVE = document.documentElement.lang === "en" ? "Save to my route" : "Bewaar in mijn route";
  var SAVED = document.documentElement.lang === "en" ? "Saved in my route" : "Bewaard in mijn route";

  function renderButton(button, saved) {
    button.setAttribute("aria-pressed", saved ? "true" : "false");
    button.textContent = saved ? SAVED : SAVE;
  }

  function setUpSaveButtons() {
    var items = load();
    document.querySelectorAll("[data-save]").forEach(function (button) {
      button.hidden = false;
      renderButton(button, has(items, button.dataset.id));
      button.addEventListener("click", function () {
        var current = load();
        var id = button.dataset.id;
        if (has(current, id)) {
          current = current.filter(function (i) { return i.id !== id; });
          uncache(button.dataset.url);
        } else {
          current.push({ id: id, title: button.dataset.title, url: button.dataset.url,
                         kind: button.dataset.kind, date: button.dataset.date || "" });
          cacheForOffline(button.dataset.url);
        }
        store(current);
        renderButton(button, has(current, id));
      });
    });
  }

  function renderRouteList() {
    var holder = document.querySelector("[data-route-list]");
    if (!holder) { return; }
    var items = load();
    holder.textContent = "";
    if (items.length === 0) {
      var p = document.createElement("p");
      p.className = "utrecht-paragraph";
      p.textContent = holder.dataset.empty;
      holder.appendChild(p);
      return;
    }
    var list = document.createElement("ul");
    list.className = "wr-route-list";
    items.forEach(function (item) {
      var li = document.createElement("li");
      li.className = "wr-route-list__item";
      var kind = document.createElement("span");
      kind.className = "wr-badge";
      kind.textContent = item.kind || "";
      var a = document.createElement("a");
      a.className = "utrecht-link wr-route-list__link";
      a.href = item.url;
      a.textContent = item.title;
      var remove = document.createElement("button");
      remove.type = "button";
      remove.className = "utrecht-button utrecht-button--subtle wr-route-list__remove";
      remove.textContent = holder.dataset.remove;
      remove.setAttribute("aria-label", holder.dataset.remove + ": " + item.title);
      remove.addEventListener("click", function () {
        store(load().filter(function (i) { return i.id !== item.id; }));
        uncache(item.url);
        renderRouteList();
        var heading = document.querySelector("h1");
        if (heading) { heading.setAttribute("tabindex", "-1"); heading.focus(); }
      });
      li.appendChild(kind);
      li.appendChild(document.createTextNode(" "));
      li.appendChild(a);
      if (item.date) {
        var time = document.createElement("time");
        time.dateTime = item.date;
        time.className = "wr-route-list__date";
        time.textContent = new Date(item.date).toLocaleString(document.documentElement.lang || "nl",
          { weekday: "long", day: "numeric", month: "long", hour: "2-digit", minute: "2-digit" });
        li.appendChild(document.createTextNode(" "));
        li.appendChild(time);
      }
      li.appendChild(remove);
      list.appendChild(li);
    });
    holder.appendChild(list);
  }

  function focusErrorSummary() {
    var summary = document.querySelector("[data-error-summary]");
    if (summary) { summary.focus(); }
  }

  function registerServiceWorker() {
    var url = document.body.dataset.sw;
    if (url && "serviceWorker" in navigator) {
      navigator.serviceWorker.register(url, { scope: "/" }).catch(function () {});
    }
  }

  document.addEventListener("DOMContentLoaded", function () {
    updateCount(load());
    setUpSaveButtons();
    renderRouteList();
    focusErrorSummary();
    registerServiceWorker();
  });
})();
