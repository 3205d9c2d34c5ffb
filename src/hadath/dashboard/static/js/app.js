// Wires the dashboard together: the URL's state, the filters, the map, the timeline, the list,
// the event panel, the reader and the control view. Filters refetch from the API; the brush
// and the control slider work on what is loaded.
import { el, clear } from "./dom.js";
import { readState, writeState, filterParams, TEXT_FILTERS } from "./state.js";
import { fetchEvents, fetchArticle, fetchEvent, getJSON } from "./api.js";
import { TYPES, MODALITIES, CONTROL_TYPES } from "./vocabulary.js";
import { eventSpan, overlaps, dayNumber, isoDay } from "./dates.js";
import { createMap } from "./map.js";
import { Timeline } from "./timeline.js";
import { renderList } from "./list.js";
import { renderPanel } from "./panel.js";
import { Reader } from "./reader.js";
import { controlPlaces, stateAt, dayRange, renderControl } from "./control.js";

const $ = (id) => document.getElementById(id);
const state = readState(window.location.search);
const data = { events: [], total: 0, truncated: false, byId: new Map(), fusedOf: new Map(), control: [] };
let generation = 0;

const map = createMap($("map"));
const timeline = new Timeline($("timeline"), (brush) => { state.brush = brush; writeState(state); renderView(); });
// A piece of text can belong to several events: a click opens one that is not already open.
const reader = new Reader($("reader"), { onEvent: (ids) => {
  const fused = ids.map((id) => data.fusedOf.get(id) || reader.fusedOf.get(id)).filter(Boolean);
  const next = fused.find((id) => id !== state.event) || fused[0];
  if (next) selectEvent(next, { openReader: false, keepArticle: true, from: "reader" });
} });

buildFilters();
renderPanel($("panel"), null, {});
load();

function buildFilters() {
  const form = $("filters");
  const types = $("filter-types");
  for (const type of TYPES) {
    types.append(el("label", { class: "check" },
      el("input", { type: "checkbox", name: "type", value: type.id, checked: state.filters.type.includes(type.id) }),
      el("span", { class: "swatch", style: { background: type.colour } }), type.label));
  }
  const modalities = $("filter-modalities");
  for (const modality of MODALITIES) {
    modalities.append(el("label", { class: "check", title: modality.help },
      el("input", { type: "checkbox", name: "modality", value: modality.id,
        checked: state.filters.modality.includes(modality.id) }),
      el("span", { class: `badge modality-${modality.id}` }, modality.id)));
  }
  for (const name of TEXT_FILTERS) if (form.elements[name]) form.elements[name].value = state.filters[name];
  form.addEventListener("submit", (ev) => { ev.preventDefault(); applyFilters(); });
  form.addEventListener("change", (ev) => { if (ev.target.type === "checkbox" || ev.target.type === "date") applyFilters(); });
  $("reset").addEventListener("click", () => {
    form.reset();
    for (const box of form.querySelectorAll("input[type=checkbox]")) box.checked = false;
    applyFilters();
  });
  for (const button of document.querySelectorAll("[data-view]")) {
    button.addEventListener("click", () => { state.view = button.dataset.view; writeState(state); load(); });
  }
  updateTypeSummary();
  // Names to pick from: the store's actors and places (an empty list if the API has none).
  getJSON("/actors?limit=500").then((page) => {
    const list = $("actor-names");
    for (const actor of page.actors || []) list.append(el("option", { value: actor.name }));
  }).catch(() => {});
  getJSON("/places?limit=500").then((page) => {
    const list = $("place-names");
    for (const place of page.places || []) list.append(el("option", { value: place.name }));
  }).catch(() => {});
}

function updateTypeSummary() {
  const n = state.filters.type.length;
  $("types-summary").textContent = n ? `Types (${n})` : "Types: all";
  const m = state.filters.modality.length;
  $("modalities-summary").textContent = m ? `Modality (${m})` : "Modality: all";
}

function applyFilters() {
  const form = $("filters");
  state.filters.type = [...form.querySelectorAll("input[name=type]:checked")].map((b) => b.value);
  state.filters.modality = [...form.querySelectorAll("input[name=modality]:checked")].map((b) => b.value);
  for (const name of TEXT_FILTERS) if (form.elements[name]) state.filters[name] = form.elements[name].value.trim();
  state.brush = null;
  updateTypeSummary();
  writeState(state);
  load();
}

function setStatus(text, kind = "") {
  const status = $("status");
  status.textContent = text;
  status.className = kind;
}

async function load() {
  const mine = ++generation;
  document.body.dataset.state = "loading";
  setStatus("loading…");
  for (const button of document.querySelectorAll("[data-view]")) {
    button.classList.toggle("active", button.dataset.view === state.view);
  }
  const params = filterParams(state.filters);
  if (state.view === "control") {
    params.delete("type");
    for (const type of CONTROL_TYPES) params.append("type", type);
  }
  try {
    const result = await fetchEvents(params);
    if (mine !== generation) return;
    data.events = result.events;
    data.total = result.total;
    data.truncated = result.truncated;
    data.byId = new Map(result.events.map((e) => [e.id, e]));
    data.fusedOf = new Map();
    for (const event of result.events) for (const report of event.reports || []) data.fusedOf.set(report.event_id, event.id);
    setStatus(`${result.total} event${result.total === 1 ? "" : "s"} match`);
  } catch (error) {
    if (mine !== generation) return;
    Object.assign(data, { events: [], total: 0, truncated: false, byId: new Map(), fusedOf: new Map() });
    setStatus(`The API refused these filters: ${error.message}`, "error");
  }
  renderView({ fit: true });
  if (state.event) await selectEvent(state.event, { openReader: !state.article, keepArticle: true, from: "url" });
  if (state.article) await openArticle(state.article, {});
  if (mine === generation) document.body.dataset.state = "ready";
}

function brushed() {
  if (!state.brush) return data.events;
  const range = [dayNumber(state.brush[0]), dayNumber(state.brush[1])];
  return data.events.filter((e) => overlaps(eventSpan(e), range));
}

function renderView({ fit = false } = {}) {
  const shown = brushed();
  document.body.dataset.view = state.view;
  timeline.render(data.events, state.brush);
  if (state.view === "control") {
    renderControlView(shown, fit);
  } else {
    map.hideControl();
    map.setEvents(shown, (id) => selectEvent(id, { from: "map" }), { fit });
    renderList($("list"), shown, { total: data.total, truncated: data.truncated, selected: state.event,
      onSelect: (id) => selectEvent(id) });
  }
}

function renderControlView(shown, fit) {
  const places = controlPlaces(shown);
  const range = dayRange(places);
  let day = state.at ? dayNumber(state.at) : null;
  if (range && (day === null || day < range[0] || day > range[1])) day = range[1];
  const drawMap = () => {
    for (const place of places) place.state = stateAt(place, day);
    map.showControl(places, (id) => selectEvent(id));
    $("map").dataset.controlDay = range ? isoDay(day) : "";
  };
  const drawList = renderControl($("list"), places, day, { range, onSelect: (id) => selectEvent(id), onDay: (value) => {
    day = value;
    state.at = isoDay(day);
    writeState(state);
    drawMap();
    drawList(day);
  } });
  map.setEvents([], () => {}, { fit: false });
  drawMap();
  if (fit) map.fitPlaces(places);
}

async function selectEvent(id, { openReader = true, keepArticle = false, from = "list" } = {}) {
  state.event = id;
  if (!keepArticle) state.article = null;
  writeState(state);
  for (const row of document.querySelectorAll(".event-row")) {
    row.classList.toggle("selected", row.dataset.eventId === id);
    if (row.dataset.eventId === id && from !== "list") {
      const box = $("list");
      const top = row.offsetTop - box.clientHeight / 2;
      if (row.offsetTop < box.scrollTop || row.offsetTop > box.scrollTop + box.clientHeight) box.scrollTop = top;
    }
  }
  // A view loaded from a URL keeps the map fitted to all its events.
  if (from === "map" || from === "url") map.select(id);
  else map.reveal(id);
  let event = data.byId.get(id);
  if (!event) {
    try {
      event = await fetchEvent(id);
    } catch {
      renderPanel($("panel"), null, {});
      return;
    }
  }
  renderPanel($("panel"), event, {
    onField: (target) => showField(event, target),
    onOpenReport: (report) => openArticle(report.article_id, { event, span: (report.evidence || [])[0] }),
    onClose: () => { state.event = null; state.article = null; writeState(state); renderPanel($("panel"), null, {}); reader.close(); },
  });
  const report = (event.reports || [])[0];
  if (openReader && report && report.article_id) {
    await openArticle(report.article_id, { event, span: (report.evidence || [])[0] });
  } else if (reader.articleId) {
    reader.highlightEvents(reportIds(event));
  }
}

function reportIds(event) {
  return (event.reports || []).map((r) => r.event_id);
}

async function openArticle(articleId, { event = null, span = null } = {}) {
  event = event || (state.event ? data.byId.get(state.event) : null);
  if (reader.articleId !== articleId) {
    try {
      reader.render(await fetchArticle(articleId), { eventIds: event ? reportIds(event) : [] });
    } catch (error) {
      clear($("reader")).append(el("p", { class: "error" }, `Could not open the article: ${error.message}`));
      $("reader").hidden = false;
      return;
    }
  } else if (event) {
    reader.highlightEvents(reportIds(event));
  }
  state.article = articleId;
  writeState(state);
  if (span) reader.flash(span.start, span.end);
}

async function showField(event, target) {
  const articleId = target.article || (event.reports || [])[0]?.article_id;
  if (!articleId) return;
  await openArticle(articleId, { event });
  const found = reader.locate(target, reportIds(event));
  if (found) reader.flash(found[0], found[1]);
  else reader.info.textContent = "This field was not found in the article's text.";
}
