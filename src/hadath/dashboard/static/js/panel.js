// The event panel: what happened, every figure with its source side by side, the sources and
// outlets, and each report with its outlet and time and a link to its article. Fields that
// come from the text are buttons: clicking one opens the article and flashes its characters.
import { el, clear, actorName, placeName, safeUrl } from "./dom.js";
import { typeColour, typeLabel } from "./vocabulary.js";

const FIGURES = [["fatalities", "killed"], ["injured", "injured"], ["detained", "detained"]];

// What a click on a field asks the reader to find: a layer, what to match, and the report.
function field(label, value, target, onField) {
  if (!value) return null;
  return el("button", { type: "button", class: "field", title: "Show it in the article",
    dataset: { field: target.kind }, onclick: () => onField(target) }, value);
}

export function renderPanel(container, event, { onField, onOpenReport, onClose }) {
  clear(container);
  if (!event) {
    container.append(el("p", { class: "muted hint" },
      "Select an event on the map, the timeline or the list to see its reports, its figures by source and its articles."));
    return;
  }
  const firstReport = (event.reports || [])[0] || {};
  const articleOf = (articleId) => articleId || firstReport.article_id;
  const loc = event.location || {};
  const precision = { 1: "town or neighbourhood", 2: "near a town, or a district", 3: "governorate or wider" }[loc.geo_precision];
  container.append(
    el("div", { class: "panel-head" },
      el("span", { class: "swatch big", style: { background: typeColour(event.type) } }),
      el("h2", {}, typeLabel(event.type)),
      el("span", { class: `badge modality-${event.modality}`, "data-testid": "modality" }, event.modality),
      el("button", { type: "button", class: "close", title: "Close", onclick: onClose }, "×")),
    el("p", { class: "summary" }, event.summary_en || ""),
    el("dl", { class: "facts" },
      el("dt", {}, "When"),
      el("dd", {}, field("date", `${event.date || "?"}${event.date_end ? ` – ${event.date_end}` : ""}`,
        { kind: "time", value: event.date, article: articleOf() }, onField),
      el("span", { class: "muted" }, ` precision ${event.time_precision ?? "?"}`)),
      el("dt", {}, "Where"),
      el("dd", {}, field("place", placeName(loc) || "unknown",
        { kind: "place", value: loc.canonical, surface: loc.surface, article: articleOf() }, onField),
      el("span", { class: "muted" }, [loc.admin1, loc.country].filter(Boolean).length
        ? ` ${[loc.admin1, loc.country].filter(Boolean).join(", ")}` : ""),
      precision ? el("span", { class: "muted" }, ` · ${precision}`) : null),
      el("dt", {}, "Actor 1"),
      el("dd", {}, actorField(event.actor1, articleOf(), onField)),
      el("dt", {}, "Actor 2"),
      el("dd", {}, actorField(event.actor2, articleOf(), onField)),
      (event.assoc_actors || []).length ? el("dt", {}, "With") : null,
      (event.assoc_actors || []).length ? el("dd", {}, event.assoc_actors.map((a) => actorField(a, articleOf(), onField))) : null,
      el("dt", {}, "Confidence"),
      el("dd", { "data-testid": "confidence" }, confidence(event.confidence))),
    figures(event, articleOf, onField),
    el("h3", {}, "Sources"),
    el("ul", { class: "chips" }, (event.sources || []).map((s) => el("li", {}, s))),
    el("h3", {}, "Outlets"),
    el("ul", { class: "chips" }, (event.outlets || []).map((s) => el("li", {}, s))),
    el("h3", {}, `Reports (${(event.reports || []).length})`),
    el("ol", { class: "reports" }, (event.reports || []).map((report) => reportItem(report, onOpenReport, onField))),
  );
}

function actorField(actor, article, onField) {
  if (!actor) return el("span", { class: "muted" }, "—");
  return el("span", { class: "actor" },
    field("actor", actorName(actor), { kind: "actor", value: actor.canonical, surface: actor.surface, article }, onField),
    actor.kind ? el("span", { class: "muted" }, ` ${actor.kind.replace(/_/g, " ")}`) : null,
    actor.surface && actor.surface !== actor.canonical
      ? el("span", { class: "surface", lang: "ar", dir: "rtl" }, ` ${actor.surface}`) : null);
}

function confidence(value) {
  if (value === null || value === undefined) return "—";
  const share = Math.round(Number(value) * 100);
  return el("span", {}, el("meter", { min: 0, max: 1, value: Number(value) }), ` ${share}%`);
}

function figureText(f) {
  const prefix = f.min ? "at least " : f.approx ? "about " : "";
  return `${prefix}${f.count}`;
}

function figures(event, articleOf, onField) {
  const box = el("div", { class: "figures" });
  for (const [name, verb] of FIGURES) {
    const list = event[name] || [];
    if (!list.length) continue;
    box.append(el("h3", {}, name === "fatalities" ? "Killed, by source" : `${verb[0].toUpperCase()}${verb.slice(1)}, by source`));
    box.append(el("div", { class: "figure-row", dataset: { figure: name } }, list.map((f) => el("div", {
      class: "figure", dataset: { count: String(f.count), source: f.source || "" } },
    field("figure", figureText(f), { kind: "number", value: f.count, article: articleOf(f.article_id) }, onField),
    el("div", { class: "figure-verb" }, verb),
    f.side ? el("div", { class: "muted" }, `of ${f.side}`) : null,
    el("div", { class: "figure-source" }, `according to ${f.source || "the outlet"}`),
    f.outlet ? el("div", { class: "muted" }, `in ${f.outlet}`) : null,
    f.vague ? el("div", { class: "muted" }, "a vague word, coded as ACLED does") : null))));
    if (name === "fatalities" && event.fatalities_best !== null && event.fatalities_best !== undefined) {
      box.append(el("p", { class: "best", title: event.fatalities_rule || "" },
        `Best figure: ${event.fatalities_best}`,
        event.fatalities_best_source ? ` (${event.fatalities_best_source})` : "",
        el("span", { class: "muted" }, " — the most conservative credible figure (ACLED's rule); figures are never added or averaged")));
    }
  }
  return box;
}

function reportItem(report, onOpenReport, onField) {
  const url = safeUrl(report.url);
  return el("li", { class: "report", dataset: { articleId: report.article_id || "" } },
    el("div", { class: "report-head" },
      el("strong", {}, report.outlet || "unknown outlet"),
      el("span", { class: "muted" }, ` · ${report.published || "no date"}`),
      el("span", { class: `badge modality-${report.modality}` }, report.modality || ""),
      report.confidence !== undefined && report.confidence !== null
        ? el("span", { class: "muted" }, ` ${Math.round(report.confidence * 100)}%`) : null),
    el("div", { class: "report-title", lang: "ar", dir: "auto" }, report.title || report.article_id),
    el("div", { class: "report-links" },
      el("button", { type: "button", class: "link open-article", onclick: () => onOpenReport(report) }, "read the article"),
      url ? el("a", { href: url, target: "_blank", rel: "noopener noreferrer", class: "link" }, "original page") : null),
    el("ul", { class: "evidence" }, (report.evidence || []).map((ev) => el("li", {},
      el("button", { type: "button", class: "field evidence-text", lang: "ar", dir: "rtl", dataset: { field: "evidence" },
        onclick: () => onField({ kind: "span", start: ev.start, end: ev.end, article: ev.article_id || report.article_id }) },
      ev.text || `${ev.start}–${ev.end}`)))));
}
