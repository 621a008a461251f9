/* The route map's map view: clustered markers from /kaart.json; still usable without tiles. */
(function () {
  "use strict";
  document.addEventListener("DOMContentLoaded", function () {
    var el = document.getElementById("map");
    if (!el || typeof L === "undefined") { return; }
    el.textContent = "";
    el.classList.add("wr-map--live");
    var map = L.map(el, { scrollWheelZoom: false, maxZoom: 18 }).setView([parseFloat(el.dataset.lat), parseFloat(el.dataset.lon)], 11);
    L.Icon.Default.imagePath = "";
    L.Icon.Default.mergeOptions({ iconUrl: el.dataset.icon, iconRetinaUrl: el.dataset.icon2x, shadowUrl: el.dataset.shadow });
    if (el.dataset.tiles) {
      var tiles = L.tileLayer(el.dataset.tiles, { maxZoom: 18, attribution: el.dataset.attribution });
      var warned = false;
      tiles.on("tileerror", function () {
        if (warned) { return; }
        warned = true;
        var note = document.createElement("p");
        note.className = "utrecht-paragraph wr-map__note";
        note.setAttribute("role", "status");
        note.textContent = el.dataset.noTiles;
        el.parentNode.insertBefore(note, el);
      });
      tiles.addTo(map);
    }
    var cluster = L.markerClusterGroup ? L.markerClusterGroup() : L.layerGroup();
    fetch(el.dataset.points, { headers: { Accept: "application/json" } })
      .then(function (r) { return r.json(); })
      .then(function (data) {
        var bounds = [];
        (data.features || []).forEach(function (f) {
          var ll = [f.geometry.coordinates[1], f.geometry.coordinates[0]];
          var marker = L.marker(ll, { title: f.properties.title, alt: f.properties.title, keyboard: true });
          var link = document.createElement("a");
          link.className = "utrecht-link";
          link.href = el.dataset.detail.replace("00000000-0000-0000-0000-000000000000", f.properties.id);
          link.textContent = f.properties.title;
          marker.bindPopup(link);
          cluster.addLayer(marker);
          bounds.push(ll);
        });
        map.addLayer(cluster);
        if (bounds.length) { map.fitBounds(bounds, { maxZoom: 14, padding: [20, 20] }); }
      })
      .catch(function () {});
  });
})();
