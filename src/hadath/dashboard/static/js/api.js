// The HTTP API of `hadath serve`, read from the same origin the page came from.

const PAGE = 500; // the API's largest page
export const MAX_EVENTS = 10000; // past this the dashboard asks for a narrower filter

export class ApiError extends Error {
  constructor(status, detail) {
    super(`HTTP ${status}: ${detail}`);
    this.status = status;
  }
}

export async function getJSON(path) {
  const response = await fetch(path, { headers: { Accept: "application/json" } });
  if (!response.ok) {
    let detail = response.statusText;
    try {
      const body = await response.json();
      detail = Array.isArray(body.detail)
        ? body.detail.map((d) => `${(d.loc || []).slice(-1)[0]}: ${d.msg}`).join("; ")
        : String(body.detail || detail);
    } catch { /* not JSON */ }
    throw new ApiError(response.status, detail);
  }
  return response.json();
}

// Every event matching the filters, page by page, up to MAX_EVENTS.
export async function fetchEvents(params) {
  const events = [];
  let total = 0;
  do {
    const query = new URLSearchParams(params);
    query.set("limit", String(PAGE));
    query.set("offset", String(events.length));
    query.set("sort", "-date");
    const page = await getJSON(`/events?${query}`);
    total = page.total;
    events.push(...page.events);
    if (!page.events.length) break;
  } while (events.length < total && events.length < MAX_EVENTS);
  return { total, events, truncated: events.length < total };
}

const articles = new Map();

export function fetchArticle(id) {
  if (!articles.has(id)) {
    const loading = getJSON(`/articles/${encodeURIComponent(id)}`);
    loading.catch(() => articles.delete(id));
    articles.set(id, loading);
  }
  return articles.get(id);
}

export function fetchEvent(id) {
  return getJSON(`/events/${encodeURIComponent(id)}`);
}
