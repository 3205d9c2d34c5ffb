// The control view: for every place named in a territory_taken, territory_regained or
// withdrawal event, who was last reported in control on a given day. Only asserted and claimed
// reports move control; a claimed capture stays a claim (drawn hollow, listed as "claimed"),
// and the last asserted holder is kept beside it. Denied, planned, conditional and historical
// reports are listed but change nothing.
import { el, clear, actorName, placeName } from "./dom.js";
import { typeLabel, holderColour } from "./vocabulary.js";
import { eventSpan, isoDay } from "./dates.js";

const MOVES_CONTROL = new Set(["asserted", "claimed"]);

function claimOf(event) {
  const taker = actorName(event.actor1);
  const other = actorName(event.actor2);
  // A withdrawal leaves the place to the other side when the text names one.
  const holder = event.type === "withdrawal" ? other : taker;
  const verb = event.type === "withdrawal" ? `${taker || "?"} withdrew${other ? `, leaving ${other}` : ""}`
    : `${taker || "?"} ${event.type === "territory_taken" ? "took it" : "regained it"}${other ? ` from ${other}` : ""}`;
  return {
    eventId: event.id, type: event.type, modality: event.modality, holder, verb,
    day: eventSpan(event)[0], date: event.date, sources: event.sources || [], outlets: event.outlets || [],
  };
}

export function controlPlaces(events) {
  const places = new Map();
  for (const event of events) {
    const loc = event.location;
    if (!loc || !Number.isFinite(loc.lat) || !Number.isFinite(loc.lon) || eventSpan(event) === null) continue;
    const name = placeName(loc);
    const key = `${name}|${loc.country || ""}`;
    if (!places.has(key)) places.set(key, { name, country: loc.country, lat: loc.lat, lon: loc.lon, claims: [] });
    places.get(key).claims.push(claimOf(event));
  }
  for (const place of places.values()) place.claims.sort((a, b) => a.day - b.day);
  return [...places.values()].sort((a, b) => a.name.localeCompare(b.name));
}

export function stateAt(place, day) {
  let last = null;
  let lastAsserted = null;
  for (const claim of place.claims) {
    if (claim.day > day || !MOVES_CONTROL.has(claim.modality) || !claim.holder) continue;
    last = claim;
    if (claim.modality === "asserted") lastAsserted = claim;
  }
  if (!last) return null;
  return { holder: last.holder, modality: last.modality, date: last.date, claim: last,
    lastAsserted: lastAsserted && lastAsserted !== last ? lastAsserted : null };
}

export function dayRange(places) {
  const days = places.flatMap((p) => p.claims.map((c) => c.day));
  return days.length ? [Math.min(...days), Math.max(...days)] : null;
}

// Draws the slider once and the list of places for a day; returns the function that redraws
// the list for another day (the slider keeps its focus while it is moved).
export function renderControl(container, places, day, { range, onDay, onSelect }) {
  clear(container);
  container.append(el("div", { class: "list-head" },
    `Control of ${places.length} place${places.length === 1 ? "" : "s"}`,
    el("span", { class: "muted" }, " named in captures, recaptures and withdrawals")));
  if (!range) {
    container.append(el("p", { class: "muted hint" }, "No capture, recapture or withdrawal matches the filters."));
    return () => {};
  }
  const slider = el("input", { type: "range", min: range[0], max: range[1], step: 1, value: day,
    class: "control-slider", "data-testid": "control-slider", "aria-label": "Day",
    oninput: (ev) => onDay(Number(ev.target.value)) });
  const dayLabel = el("div", { class: "slider-day", "data-testid": "control-day" });
  const list = el("ol", { class: "control-list" });
  container.append(el("div", { class: "slider-row" },
    el("span", { class: "muted" }, isoDay(range[0])), slider, el("span", { class: "muted" }, isoDay(range[1]))),
  dayLabel,
  el("p", { class: "legend-line muted" },
    el("span", { class: "control-key asserted" }, "■"), " reported in control (asserted)   ",
    el("span", { class: "control-key claimed" }, "?"), " claimed by a party, not confirmed"),
  list);
  const draw = (shownDay) => {
    dayLabel.textContent = `As reported by ${isoDay(shownDay)}`;
    clear(list);
    for (const place of places) list.append(placeItem(place, shownDay, onSelect));
  };
  draw(day);
  return draw;
}

function placeItem(place, day, onSelect) {
  const state = stateAt(place, day);
  return el("li", { class: "control-place", dataset: { place: place.name, holder: state ? state.holder : "",
    modality: state ? state.modality : "" } },
  el("div", { class: "control-place-head" },
    el("strong", {}, place.name), place.country ? el("span", { class: "muted" }, ` ${place.country}`) : null,
    state ? el("span", { class: `holder ${state.modality === "claimed" ? "claimed" : "asserted"}`,
      style: { "--holder": holderColour(state.holder) } },
    state.modality === "claimed" ? `claimed by ${state.holder}` : `held by ${state.holder}`)
      : el("span", { class: "muted" }, " no report yet")),
  state && state.lastAsserted ? el("div", { class: "muted" },
    `last asserted: ${state.lastAsserted.holder} (${state.lastAsserted.date})`) : null,
  el("table", { class: "claims" }, el("tbody", {}, place.claims.map((c) => el("tr", {
    class: `${c.day > day ? "later" : ""}${MOVES_CONTROL.has(c.modality) ? "" : " inert"}`,
    onclick: () => onSelect(c.eventId), title: "Open this event" },
  el("td", {}, c.date), el("td", {}, typeLabel(c.type)), el("td", {}, c.verb),
  el("td", {}, el("span", { class: `badge modality-${c.modality}` }, c.modality)),
  el("td", { class: "muted" }, `according to ${c.sources.join("; ") || "?"}${c.outlets.length ? ` · in ${c.outlets.join(", ")}` : ""}`))))));
}
