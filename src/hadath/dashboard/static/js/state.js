// The view's state lives in the URL's query string, so that a view can be shared and reloaded:
// the API's filters under the API's own names, then the brush, the selected event and article,
// the view (events or control) and the control slider's day.

export const TEXT_FILTERS = ["date_from", "date_to", "actor", "source", "outlet", "place", "q"];
export const LIST_FILTERS = ["type", "modality"];

export function readState(search) {
  const params = new URLSearchParams(search);
  const filters = {};
  for (const name of LIST_FILTERS) filters[name] = params.getAll(name).filter(Boolean);
  for (const name of TEXT_FILTERS) filters[name] = params.get(name) || "";
  const brush = /^(\d{4}-\d{2}-\d{2}),(\d{4}-\d{2}-\d{2})$/.exec(params.get("brush") || "");
  return {
    filters,
    brush: brush ? [brush[1], brush[2]] : null,
    event: params.get("event") || null,
    article: params.get("article") || null,
    view: params.get("view") === "control" ? "control" : "events",
    at: /^\d{4}-\d{2}-\d{2}$/.test(params.get("at") || "") ? params.get("at") : null,
  };
}

export function filterParams(filters) {
  const params = new URLSearchParams();
  for (const name of LIST_FILTERS) for (const value of filters[name] || []) params.append(name, value);
  for (const name of TEXT_FILTERS) if (filters[name]) params.set(name, filters[name].trim());
  return params;
}

export function writeState(state) {
  const params = filterParams(state.filters);
  if (state.brush) params.set("brush", state.brush.join(","));
  if (state.view === "control") params.set("view", "control");
  if (state.at) params.set("at", state.at);
  if (state.event) params.set("event", state.event);
  if (state.article) params.set("article", state.article);
  const query = params.toString();
  const url = window.location.pathname + (query ? `?${query}` : "");
  if (url !== window.location.pathname + window.location.search) window.history.replaceState(null, "", url);
}
