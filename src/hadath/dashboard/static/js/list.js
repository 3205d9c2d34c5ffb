// The event list: the events of the filters and the brush, newest first.
import { el, clear, actorName, placeName } from "./dom.js";
import { typeColour, typeLabel } from "./vocabulary.js";

const SHOWN = 400; // rows drawn at once; the rest behind a button

export function renderList(container, events, { total, truncated, selected, onSelect }) {
  clear(container);
  const head = el("div", { class: "list-head", "data-testid": "list-count", dataset: { count: String(events.length) } },
    `${events.length} event${events.length === 1 ? "" : "s"}`,
    total !== events.length ? el("span", { class: "muted" }, ` of ${total} matching the filters`) : null,
    truncated ? el("span", { class: "warn" }, " (only the first ones are loaded: narrow the filters)") : null);
  container.append(head);
  const list = el("ol", { class: "event-list" });
  container.append(list);
  let drawn = 0;
  const more = () => {
    for (const event of events.slice(drawn, drawn + SHOWN)) list.append(row(event, selected, onSelect));
    drawn = Math.min(events.length, drawn + SHOWN);
    button.hidden = drawn >= events.length;
    button.textContent = `show ${Math.min(SHOWN, events.length - drawn)} more`;
  };
  const button = el("button", { type: "button", class: "link more", onclick: more });
  container.append(button);
  more();
}

function row(event, selected, onSelect) {
  const killed = event.fatalities_best;
  const actors = [actorName(event.actor1), actorName(event.actor2)].filter(Boolean).join(" → ");
  const where = placeName(event.location);
  return el("li", {
    class: `event-row${event.id === selected ? " selected" : ""}`,
    dataset: { eventId: event.id },
    tabindex: "0",
    title: event.summary_en || "",
    onclick: () => onSelect(event.id),
    onkeydown: (ev) => { if (ev.key === "Enter") onSelect(event.id); },
  },
  el("div", { class: "row-top" },
    el("span", { class: "swatch", style: { background: typeColour(event.type) } }),
    el("span", { class: "row-type" }, typeLabel(event.type)),
    el("span", { class: `badge modality-${event.modality}` }, event.modality),
    el("span", { class: "row-date" }, event.date || "no date")),
  el("div", { class: "row-what" }, [where, actors].filter(Boolean).join(" · ") || event.summary_en || ""),
  el("div", { class: "row-meta muted" },
    killed ? el("span", { class: "killed" }, `${killed} killed · `) : null,
    `${event.n_reports || (event.reports || []).length} report(s), ${event.n_outlets || (event.outlets || []).length} outlet(s)`));
}
