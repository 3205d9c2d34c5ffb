// Event dates are ISO days, or a month or a year when that is all the text gives
// (time_precision 3); they are placed on the timeline at the first day they cover.

const DAY_MS = 86400000;

export function dayNumber(iso) {
  if (!iso) return null;
  const match = /^(\d{4})(?:-(\d{2}))?(?:-(\d{2}))?/.exec(iso);
  if (!match) return null;
  const [, year, month = "01", day = "01"] = match;
  return Math.floor(Date.UTC(+year, +month - 1, +day) / DAY_MS);
}

export function lastDayNumber(iso) {
  // The last day an ISO day, month or year covers ("2024-11" ends on the 30th).
  if (!iso) return null;
  const match = /^(\d{4})(?:-(\d{2}))?(?:-(\d{2}))?/.exec(iso);
  if (!match) return null;
  const [, year, month, day] = match;
  if (day) return dayNumber(iso);
  if (month) return Math.floor(Date.UTC(+year, +month, 1) / DAY_MS) - 1;
  return Math.floor(Date.UTC(+year + 1, 0, 1) / DAY_MS) - 1;
}

export function isoDay(number) {
  return new Date(number * DAY_MS).toISOString().slice(0, 10);
}

// The days an event covers: from its date to its end date (or the end of its month or year).
export function eventSpan(event) {
  const first = dayNumber(event.date);
  if (first === null) return null;
  const last = lastDayNumber(event.date_end || event.date) ?? first;
  return [first, Math.max(first, last)];
}

export function overlaps(span, range) {
  return span !== null && span[0] <= range[1] && span[1] >= range[0];
}
