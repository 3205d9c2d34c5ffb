// The article reader. The text is cut at every span boundary of every layer and each piece is
// a <span> whose text is `article.text.slice(start, end)` set as textContent: the offsets of
// the API index the text exactly, and nothing of the article is ever parsed as markup.
import { el, clear, safeUrl } from "./dom.js";
import { typeLabel } from "./vocabulary.js";

export const LAYERS = [
  ["actor", "actors"], ["place", "places"], ["person", "persons"], ["time", "times"],
  ["number", "numbers"], ["cue", "triggers and cues"], ["claim", "claims"], ["event", "event evidence"],
].map(([id, label]) => ({ id, label }));

function layerOfMention(mention) {
  if (mention.label === "place") return "place";
  if (mention.label === "person") return "person";
  return "actor"; // actor | org
}

export function articleSpans(data) {
  const spans = [];
  const describe = (parts) => parts.filter(Boolean).join(" · ");
  for (const m of data.mentions || []) {
    spans.push({ start: m.start, end: m.end, layer: layerOfMention(m), key: m.canonical || m.surface,
      info: describe([m.label, m.canonical, m.kind, m.country, m.geo_precision ? `precision ${m.geo_precision}` : null]) });
  }
  for (const t of data.times || []) {
    spans.push({ start: t.start, end: t.end, layer: "time", key: t.value, info: describe(["time", t.value, `precision ${t.precision}`]) });
  }
  for (const n of data.numbers || []) {
    spans.push({ start: n.start, end: n.end, layer: "number", key: n.value,
      info: describe(["number", `${n.min ? "at least " : ""}${n.value}`, n.noun]) });
  }
  for (const c of data.claims || []) {
    spans.push({ start: c.start, end: c.end, layer: "claim",
      info: describe([c.polarity === "deny" ? "denial" : "claim", c.source && `source: ${c.source}`, c.via && `via ${c.via}`, `cue ${c.cue}`]) });
    if (Number.isInteger(c.cue_start) && Number.isInteger(c.cue_end)) {
      spans.push({ start: c.cue_start, end: c.cue_end, layer: "cue", info: describe(["reporting cue", c.cue]) });
    }
  }
  for (const e of data.events || []) {
    for (const ev of e.evidence || []) {
      if (ev.article_id && ev.article_id !== data.article.id) continue;
      spans.push({ start: ev.start, end: ev.end, layer: "event", eventId: e.id,
        info: describe(["event", typeLabel(e.type), e.modality]) });
    }
    const trigger = e.trigger;
    if (trigger && Number.isInteger(trigger.start) && Number.isInteger(trigger.end)) {
      spans.push({ start: trigger.start, end: trigger.end, layer: "cue", eventId: e.id, info: describe(["trigger", typeLabel(e.type)]) });
    }
  }
  const length = data.article.text.length;
  return spans.filter((s) => Number.isInteger(s.start) && Number.isInteger(s.end) && s.start < s.end
    && s.start >= 0 && s.end <= length);
}

// Pieces of text between consecutive boundaries, each with the spans that cover it.
export function segments(text, spans) {
  const cuts = new Set([0, text.length]);
  for (const s of spans) { cuts.add(s.start); cuts.add(s.end); }
  const points = [...cuts].sort((a, b) => a - b);
  const pieces = [];
  for (let i = 0; i < points.length - 1; i++) {
    const [start, end] = [points[i], points[i + 1]];
    pieces.push({ start, end, spans: spans.filter((s) => s.start <= start && s.end >= end) });
  }
  return pieces;
}

export class Reader {
  constructor(container, { onEvent }) {
    this.container = container;
    this.onEvent = onEvent;
    this.data = null;
    this.fusedOf = new Map();
    this.hidden = new Set();
  }

  get articleId() {
    return this.data ? this.data.article.id : null;
  }

  close() {
    this.data = null;
    clear(this.container);
    this.container.hidden = true;
  }

  render(data, { eventIds = [] } = {}) {
    this.data = data;
    this.spans = articleSpans(data);
    // The fused event of each of the article's events, when the API says it.
    this.fusedOf = new Map((data.events || []).filter((e) => e.fused_id).map((e) => [e.id, e.fused_id]));
    const { article } = data;
    clear(this.container);
    this.container.hidden = false;
    const url = safeUrl(article.url);
    this.info = el("div", { class: "reader-info muted", "aria-live": "polite" },
      "Point at a highlighted span to see what was read there; click one that belongs to an event to open it.");
    this.body = el("div", { class: "article-text", lang: "ar", dir: "rtl", "data-testid": "article-text",
      dataset: { articleId: article.id } });
    const legend = el("div", { class: "legend" }, LAYERS.map((layer) => el("label", { class: `legend-item hl-${layer.id}` },
      el("input", { type: "checkbox", checked: !this.hidden.has(layer.id), dataset: { layer: layer.id },
        onchange: (ev) => this._toggle(layer.id, ev.target.checked) }),
      el("span", { class: "legend-swatch" }), layer.label)));
    this.container.append(
      el("div", { class: "reader-head" },
        el("h2", { lang: "ar", dir: "rtl", class: "reader-title" }, article.title || article.id),
        el("div", { class: "muted" }, [article.outlet, article.published].filter(Boolean).join(" · "),
          url ? el("a", { href: url, target: "_blank", rel: "noopener noreferrer", class: "link" }, " original page") : null)),
      legend, this.info, this.body);
    for (const layer of this.hidden) this.body.classList.add(`hide-${layer}`);
    for (const piece of segments(article.text, this.spans)) this.body.append(this._piece(article.text, piece));
    this.highlightEvents(eventIds);
  }

  _piece(text, piece) {
    const node = document.createElement("span");
    node.textContent = text.slice(piece.start, piece.end);
    node.dataset.start = String(piece.start);
    node.dataset.end = String(piece.end);
    if (!piece.spans.length) return node;
    const layers = new Set(piece.spans.map((s) => s.layer));
    node.className = [...layers].map((l) => `hl-${l}`).join(" ");
    const events = [...new Set(piece.spans.filter((s) => s.eventId).map((s) => s.eventId))];
    if (events.length) node.dataset.events = events.join(" ");
    node.title = piece.spans.map((s) => s.info).join("\n");
    node.addEventListener("mouseenter", () => { this.info.textContent = node.title.replace(/\n/g, " | "); });
    if (events.length) node.addEventListener("click", () => this.onEvent(events));
    return node;
  }

  _toggle(layer, shown) {
    if (shown) this.hidden.delete(layer); else this.hidden.add(layer);
    this.body.classList.toggle(`hide-${layer}`, !shown);
  }

  // The article's own events (report ids) that belong to the selected fused event.
  highlightEvents(eventIds) {
    const wanted = new Set(eventIds);
    let first = null;
    for (const node of this.body.children) {
      const mine = (node.dataset.events || "").split(" ").some((id) => wanted.has(id));
      node.classList.toggle("selected-event", mine);
      if (mine && !first) first = node;
    }
    return first;
  }

  // Find the span a field of the event panel came from: inside the event's evidence first.
  locate(target, eventIds) {
    if (target.kind === "span") return [target.start, target.end];
    const evidence = this.spans.filter((s) => s.layer === "event" && eventIds.includes(s.eventId));
    const inside = (s) => evidence.some((e) => s.start >= e.start && s.end <= e.end);
    const layer = { actor: "actor", place: "place", time: "time", number: "number" }[target.kind];
    const text = this.data.article.text;
    const matches = this.spans.filter((s) => s.layer === layer && (String(s.key) === String(target.value)
      || (target.surface && text.slice(s.start, s.end) === target.surface)));
    const best = matches.find(inside) || matches[0];
    if (best) return [best.start, best.end];
    if (target.surface) {
      const at = text.indexOf(target.surface);
      if (at >= 0) return [at, at + target.surface.length];
    }
    return null;
  }

  flash(start, end) {
    for (const node of this.body.querySelectorAll(".flash")) node.classList.remove("flash");
    const nodes = [...this.body.children].filter((n) => +n.dataset.start < end && +n.dataset.end > start);
    void this.body.offsetWidth; // restart the animation when the same span is flashed again
    for (const node of nodes) node.classList.add("flash");
    this.body.dataset.flashStart = String(start);
    this.body.dataset.flashEnd = String(end);
    if (nodes.length) {
      // Scroll the reader alone (scrollIntoView would also move the page's other panes).
      const box = this.container;
      box.scrollTop += nodes[0].getBoundingClientRect().top - box.getBoundingClientRect().top - box.clientHeight / 2;
    }
    return nodes.length;
  }
}
