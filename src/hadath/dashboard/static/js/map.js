// The map: the shipped Natural Earth basemap, events as clustered markers coloured by type and
// sized by fatalities, governorate-level events (geo_precision 3) as areas, and the control
// layer. Leaflet draws everything from files this server serves; there is no tile layer.
/* global L */
import { el, placeName } from "./dom.js";
import { typeColour, typeLabel, holderColour } from "./vocabulary.js";

const MENA = [[12, -12], [42, 60]];
// A governorate has no outline in the basemap's data, so a precision-3 event is drawn as a
// disc of this radius round the unit's centre: visibly a region, never a town's dot.
const AREA_RADIUS_M = 45000;

export function markerSize(fatalities) {
  const killed = Number(fatalities) || 0;
  return Math.round(12 + Math.min(26, 4 * Math.sqrt(killed)));
}

export function createMap(container) {
  const map = L.map(container, { minZoom: 3, maxZoom: 13, zoomSnap: 0.5, worldCopyJump: false });
  map.attributionControl.setPrefix(false);
  map.attributionControl.addAttribution("Basemap: Natural Earth (public domain) · Leaflet");
  map.fitBounds(MENA);
  loadBasemap(map);
  return new EventMap(map, container);
}

async function loadBasemap(map) {
  const response = await fetch("geo/basemap.geojson");
  const data = await response.json();
  const styles = {
    world: { stroke: false, fillColor: "#f4f1ea", fillOpacity: 1 },
    land: { stroke: false, fillColor: "#f4f1ea", fillOpacity: 1 },
    lake: { stroke: false, fillColor: "#cfe0ea", fillOpacity: 1 },
    border: { color: "#8a8174", weight: 1.1, opacity: 0.9, fill: false },
    admin1: { color: "#b9b0a2", weight: 0.6, opacity: 0.8, dashArray: "3 3", fill: false },
  };
  const pane = map.createPane("basemap");
  pane.style.zIndex = 250;
  const order = ["world", "land", "lake", "admin1", "border"];
  for (const layer of order) {
    const features = data.features.filter((f) => f.properties.layer === layer);
    L.geoJSON({ type: "FeatureCollection", features }, {
      pane: "basemap", interactive: false, style: () => styles[layer],
    }).addTo(map);
  }
  const labels = L.layerGroup().addTo(map);
  for (const f of data.features.filter((f) => f.properties.layer === "label")) {
    const [lon, lat] = f.geometry.coordinates;
    const label = el("span", { class: "country-label" },
      el("span", { class: "ar", lang: "ar" }, f.properties.name_ar), " ",
      el("span", { class: "en" }, f.properties.name_en));
    L.marker([lat, lon], {
      icon: L.divIcon({ className: "country-label-icon", html: label, iconSize: null }),
      interactive: false, keyboard: false, pane: "basemap",
    }).addTo(labels);
  }
  map.getContainer().dataset.basemap = "ready";
}

function tooltipFor(event) {
  const where = placeName(event.location);
  const precision = event.location && event.location.geo_precision === 3 ? " (the region)" : "";
  return el("div", { class: "ev-tooltip" },
    el("div", { class: "ev-tooltip-head" },
      el("span", { class: "swatch", style: { background: typeColour(event.type) } }),
      `${typeLabel(event.type)} · ${event.date || "no date"} · ${event.modality}`),
    el("div", { class: "ev-tooltip-summary" }, event.summary_en || "(no summary)"),
    where ? el("div", { class: "ev-tooltip-where" }, `${where}${precision}`) : null);
}

class EventMap {
  constructor(map, container) {
    this.map = map;
    this.container = container;
    this.markers = new Map();
    this.clusters = L.markerClusterGroup({
      animate: false, showCoverageOnHover: false, maxClusterRadius: 40, spiderfyOnMaxZoom: true,
      iconCreateFunction: (cluster) => clusterIcon(cluster),
    }).addTo(map);
    this.areas = L.layerGroup().addTo(map);
    this.control = L.layerGroup();
    this.clusters.on("animationend spiderfied unspiderfied", () => this._markReady());
    map.on("zoomend moveend", () => this._markReady());
  }

  setEvents(events, onSelect, { fit = true } = {}) {
    this.clusters.clearLayers();
    this.areas.clearLayers();
    this.markers.clear();
    const located = events.filter((e) => e.location && Number.isFinite(e.location.lat)
      && Number.isFinite(e.location.lon));
    const points = [];
    for (const event of located) {
      const latlng = [event.location.lat, event.location.lon];
      points.push(latlng);
      const colour = typeColour(event.type);
      let layer;
      if (event.location.geo_precision === 3) {
        layer = L.circle(latlng, {
          radius: AREA_RADIUS_M, color: colour, weight: 1.5, dashArray: "5 4", fillColor: colour,
          fillOpacity: 0.12, className: `ev-area type-${event.type}`,
        });
        this.areas.addLayer(layer);
      } else {
        const size = markerSize(event.fatalities_best);
        const dot = el("div", {
          class: `ev-dot modality-${event.modality} precision-${event.location.geo_precision || 0}`,
          style: { width: `${size}px`, height: `${size}px`, background: colour },
          dataset: { eventId: event.id, type: event.type },
        });
        layer = L.marker(latlng, {
          icon: L.divIcon({ className: "ev-marker", html: dot, iconSize: [size, size] }),
          eventType: event.type, fatalities: Number(event.fatalities_best) || 0,
          keyboard: true, title: "",
        });
        this.clusters.addLayer(layer);
      }
      layer.bindTooltip(tooltipFor(event), { direction: "top", sticky: event.location.geo_precision === 3 });
      layer.on("click", () => onSelect(event.id));
      this.markers.set(event.id, layer);
    }
    this.container.dataset.located = String(located.length);
    if (fit && points.length) {
      this.map.fitBounds(L.latLngBounds(points).pad(0.15), { maxZoom: 9, animate: false });
    }
    this._markReady();
    return located.length;
  }

  select(id) {
    for (const node of this.container.querySelectorAll(".ev-dot.selected")) node.classList.remove("selected");
    const layer = this.markers.get(id);
    if (!layer) return;
    if (layer.getElement && layer.getElement()) {
      const dot = layer.getElement().querySelector(".ev-dot");
      if (dot) dot.classList.add("selected");
    }
  }

  // Select an event chosen elsewhere (list, reader): a cluster of reports from one spot opens
  // in place (zooming in would not split it); any other cluster is zoomed into.
  reveal(id) {
    const layer = this.markers.get(id);
    if (!layer || !this.clusters.hasLayer(layer)) {
      this.select(id);
      return;
    }
    const parent = this.clusters.getVisibleParent(layer);
    if (parent && parent !== layer && typeof parent.spiderfy === "function") {
      const bounds = parent.getBounds();
      if (bounds.getNorthEast().distanceTo(bounds.getSouthWest()) < 1000) {
        parent.spiderfy();
        this.select(id);
        return;
      }
    }
    this.clusters.zoomToShowLayer(layer, () => this.select(id));
  }

  showControl(places, onSelect) {
    this.control.clearLayers();
    for (const place of places) {
      const state = place.state;
      const holder = state ? state.holder : null;
      const claimed = state && state.modality === "claimed";
      const colour = holderColour(holder);
      const label = el("div", {
        class: `control-mark ${state ? (claimed ? "control-claimed" : "control-asserted") : "control-unknown"}`,
        style: claimed ? { borderColor: colour, color: colour } : { background: colour, borderColor: colour },
        dataset: { place: place.name, holder: holder || "" },
      }, el("span", { class: "control-flag" }, claimed ? "?" : "■"),
      el("span", { class: "control-name" }, `${place.name}: ${holder || "unknown"}`));
      const marker = L.marker([place.lat, place.lon], {
        icon: L.divIcon({ className: "control-icon", html: label, iconSize: null }),
        zIndexOffset: 1000,
      });
      marker.bindTooltip(el("div", { class: "ev-tooltip" },
        el("div", { class: "ev-tooltip-head" }, place.name),
        el("div", {}, state
          ? `${claimed ? "Claimed by" : "Reported held by"} ${holder || "unknown"} since ${state.date}`
          : "No capture or withdrawal reported by this day"),
        state && state.lastAsserted && claimed
          ? el("div", {}, `Last asserted: ${state.lastAsserted.holder || "unknown"} (${state.lastAsserted.date})`)
          : null), { direction: "top" });
      if (state) marker.on("click", () => onSelect(state.claim.eventId));
      this.control.addLayer(marker);
    }
    if (!this.map.hasLayer(this.control)) this.control.addTo(this.map);
  }

  hideControl() {
    this.control.clearLayers();
    this.map.removeLayer(this.control);
  }

  fitPlaces(places) {
    if (!places.length) return;
    this.map.fitBounds(L.latLngBounds(places.map((p) => [p.lat, p.lon])).pad(0.3), { maxZoom: 9, animate: false });
  }

  _markReady() {
    this.container.dataset.rendered = String(Date.now());
  }
}

function clusterIcon(cluster) {
  const children = cluster.getAllChildMarkers();
  const byType = new Map();
  let killed = 0;
  for (const marker of children) {
    byType.set(marker.options.eventType, (byType.get(marker.options.eventType) || 0) + 1);
    killed += marker.options.fatalities;
  }
  const [topType] = [...byType.entries()].sort((a, b) => b[1] - a[1])[0];
  const size = Math.round(26 + Math.min(30, 3 * Math.sqrt(children.length) + 2 * Math.sqrt(killed)));
  const node = el("div", {
    class: "ev-cluster",
    style: { width: `${size}px`, height: `${size}px`, borderColor: typeColour(topType) },
    dataset: { count: String(children.length) },
    title: `${children.length} events; most often ${typeLabel(topType)}`,
  }, el("span", {}, String(children.length)));
  return L.divIcon({ className: "ev-cluster-icon", html: node, iconSize: [size, size] });
}

