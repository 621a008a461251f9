/* Werkroute service worker: pages saved to "Mijn route" stay readable offline. */
"use strict";
var SHELL = "werkroute-shell-v1";
var SAVED = "werkroute-saved";
var SHELL_URLS = ["/offline/", "/mijn-route/"];

self.addEventListener("install", function (event) {
  event.waitUntil(caches.open(SHELL).then(function (cache) { return cache.addAll(SHELL_URLS); }));
  self.skipWaiting();
});

self.addEventListener("activate", function (event) {
  event.waitUntil(self.clients.claim());
});

function isStatic(url) { return url.pathname.indexOf("/static/") === 0; }

self.addEventListener("fetch", function (event) {
  var request = event.request;
  if (request.method !== "GET") { return; }
  var url = new URL(request.url);
  if (url.origin !== self.location.origin) { return; }
  if (isStatic(url)) {
    // Hashed static files never change: cache first.
    event.respondWith(caches.open(SHELL).then(function (cache) {
      return cache.match(request).then(function (hit) {
        return hit || fetch(request).then(function (response) {
          if (response.ok) { cache.put(request, response.clone()); }
          return response;
        });
      });
    }));
    return;
  }
  if (request.mode === "navigate") {
    // Network first; offline, fall back to a saved copy, then to the offline page.
    event.respondWith(fetch(request).then(function (response) {
      if (response.ok && SHELL_URLS.indexOf(url.pathname) !== -1) {
        var copy = response.clone();
        caches.open(SHELL).then(function (cache) { cache.put(request, copy); });
      }
      return response;
    }).catch(function () {
      return caches.match(request, { ignoreSearch: true, ignoreVary: true }).then(function (hit) {
        return hit || caches.match("/offline/");
      });
    }));
  }
});
