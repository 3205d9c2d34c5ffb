// The timeline: events per day (per week or month when the range is long), stacked by type,
// with a brush. The brush does not refetch: it narrows the map and the list to the days it
// covers, and its range is kept in the URL.
import { svg, el, clear } from "./dom.js";
import { TYPES, typeColour, typeLabel } from "./vocabulary.js";
import { eventSpan, isoDay, dayNumber } from "./dates.js";

const HEIGHT = 118;
const PAD = { left: 34, right: 12, top: 8, bottom: 22 };

function binning(first, last) {
  const span = last - first + 1;
  if (span <= 200) return { unit: "day", days: 1 };
  if (span <= 3 * 365) return { unit: "week", days: 7 };
  return { unit: "month", days: null };
}

function monthStart(day) {
  const d = new Date(day * 86400000);
  return Math.floor(Date.UTC(d.getUTCFullYear(), d.getUTCMonth(), 1) / 86400000);
}

function nextMonth(day) {
  const d = new Date(day * 86400000);
  return Math.floor(Date.UTC(d.getUTCFullYear(), d.getUTCMonth() + 1, 1) / 86400000);
}

export function buildBins(events) {
  const dated = events.map((e) => [e, eventSpan(e)]).filter(([, s]) => s !== null);
  if (!dated.length) return { bins: [], unit: "day", undated: events.length };
  const first = Math.min(...dated.map(([, s]) => s[0]));
  const last = Math.max(...dated.map(([, s]) => s[0]));
  const { unit, days } = binning(first, last);
  const bins = [];
  for (let start = unit === "month" ? monthStart(first) : first; start <= last;) {
    const end = unit === "month" ? nextMonth(start) - 1 : start + days - 1;
    bins.push({ start, end, byType: new Map(), count: 0 });
    start = end + 1;
  }
  for (const [event, span] of dated) {
    // An event counts once, on the first day it covers.
    const bin = bins.find((b) => span[0] >= b.start && span[0] <= b.end);
    bin.byType.set(event.type, (bin.byType.get(event.type) || 0) + 1);
    bin.count += 1;
  }
  return { bins, unit, undated: events.length - dated.length };
}

export class Timeline {
  constructor(container, onBrush) {
    this.container = container;
    this.onBrush = onBrush;
    this.events = [];
    this.brush = null;
    let width = container.clientWidth;
    new ResizeObserver(() => {
      if (container.clientWidth === width) return;
      width = container.clientWidth;
      this.render(this.events, this.brush);
    }).observe(container);
  }

  render(events, brush) {
    this.events = events;
    this.brush = brush;
    const { bins, unit, undated } = buildBins(events);
    const width = Math.max(300, this.container.clientWidth - 24);
    clear(this.container);
    const head = el("div", { class: "timeline-head" },
      el("span", { class: "timeline-title" }, `Events per ${unit}, by type`),
      undated ? el("span", { class: "muted" }, ` · ${undated} without a date`) : null);
    if (brush) {
      head.append(el("span", { class: "brush-label", "data-testid": "brush-label" },
        ` · brushed ${brush[0]} → ${brush[1]} `),
      el("button", { type: "button", class: "link", onclick: () => this.onBrush(null) }, "clear"));
    } else if (bins.length) {
      head.append(el("span", { class: "muted" }, " · drag across the bars to filter the map and the list"));
    }
    this.container.append(head);
    const chart = svg("svg", { class: "timeline-svg", width, height: HEIGHT, role: "img",
      "aria-label": `Events per ${unit}` });
    this.container.append(chart);
    if (!bins.length) {
      chart.append(svg("text", { x: PAD.left, y: HEIGHT / 2, class: "axis" }, "No dated events"));
      return;
    }
    const inner = width - PAD.left - PAD.right;
    const step = inner / bins.length;
    const bar = Math.max(1, Math.min(step - 1, 28)); // a few days do not make a wall of colour
    const top = Math.max(...bins.map((b) => b.count));
    const y = (n) => (HEIGHT - PAD.bottom) - (n / top) * (HEIGHT - PAD.top - PAD.bottom);
    const brushDays = brush ? [dayNumber(brush[0]), dayNumber(brush[1])] : null;
    bins.forEach((bin, i) => {
      const inBrush = !brushDays || (bin.end >= brushDays[0] && bin.start <= brushDays[1]);
      const group = svg("g", {
        class: `tl-bin${inBrush ? "" : " dim"}`,
        dataset: { start: isoDay(bin.start), end: isoDay(bin.end), count: String(bin.count) },
      });
      let below = 0;
      for (const type of TYPES) {
        const n = bin.byType.get(type.id);
        if (!n) continue;
        const rect = svg("rect", {
          class: "tl-bar", x: PAD.left + i * step + Math.max(0.5, (step - bar) / 2), width: bar,
          y: y(below + n), height: y(below) - y(below + n), fill: typeColour(type.id),
          dataset: { type: type.id, count: String(n) },
        }, svg("title", {}, `${isoDay(bin.start)}${bin.end > bin.start ? ` – ${isoDay(bin.end)}` : ""}: ${n} ${typeLabel(type.id)}`));
        group.append(rect);
        below += n;
      }
      chart.append(group);
    });
    // Axis: the count at the top, and a few dates underneath.
    chart.append(svg("text", { x: PAD.left - 4, y: PAD.top + 8, class: "axis", "text-anchor": "end" }, String(top)));
    chart.append(svg("line", { x1: PAD.left, x2: width - PAD.right, y1: HEIGHT - PAD.bottom,
      y2: HEIGHT - PAD.bottom, class: "axis-line" }));
    const ticks = Math.min(bins.length, Math.max(2, Math.floor(inner / 110)));
    for (let t = 0; t < ticks; t++) {
      const i = Math.round((t * (bins.length - 1)) / Math.max(1, ticks - 1));
      const label = unit === "month" ? isoDay(bins[i].start).slice(0, 7) : isoDay(bins[i].start);
      // The first and last dates lean inwards so that they are not cut at the edges.
      const anchor = ticks > 1 && t === 0 ? "start" : ticks > 1 && t === ticks - 1 ? "end" : "middle";
      const x = anchor === "start" ? PAD.left + i * step : anchor === "end" ? PAD.left + (i + 1) * step
        : PAD.left + (i + 0.5) * step;
      chart.append(svg("text", { x, y: HEIGHT - 6, class: "axis", "text-anchor": anchor }, label));
    }
    if (brushDays) {
      const a = bins.findIndex((b) => b.end >= brushDays[0]);
      let b = bins.length - 1;
      while (b > 0 && bins[b].start > brushDays[1]) b -= 1;
      if (a >= 0 && b >= a) {
        chart.append(svg("rect", { class: "brush-selection", x: PAD.left + a * step, width: (b - a + 1) * step,
          y: PAD.top, height: HEIGHT - PAD.top - PAD.bottom }));
      }
    }
    this._brushable(chart, bins, step, width);
  }

  _brushable(chart, bins, step, width) {
    const overlay = svg("rect", { class: "brush-overlay", x: PAD.left, y: 0,
      width: width - PAD.left - PAD.right, height: HEIGHT - PAD.bottom });
    chart.append(overlay);
    const binAt = (clientX) => {
      const x = clientX - chart.getBoundingClientRect().left - PAD.left;
      return Math.max(0, Math.min(bins.length - 1, Math.floor(x / step)));
    };
    let from = null;
    let drawn = null;
    overlay.addEventListener("pointerdown", (ev) => {
      from = { bin: binAt(ev.clientX), x: ev.clientX };
      overlay.setPointerCapture(ev.pointerId);
      drawn = svg("rect", { class: "brush-selection live", y: PAD.top, height: HEIGHT - PAD.top - PAD.bottom });
      chart.insertBefore(drawn, overlay);
    });
    overlay.addEventListener("pointermove", (ev) => {
      if (!from) return;
      const to = binAt(ev.clientX);
      const a = Math.min(from.bin, to);
      const b = Math.max(from.bin, to);
      drawn.setAttribute("x", PAD.left + a * step);
      drawn.setAttribute("width", (b - a + 1) * step);
    });
    overlay.addEventListener("pointerup", (ev) => {
      if (!from) return;
      const to = binAt(ev.clientX);
      const moved = Math.abs(ev.clientX - from.x) > 3;
      const a = Math.min(from.bin, to);
      const b = Math.max(from.bin, to);
      from = null;
      // A click without a drag clears the brush.
      this.onBrush(moved ? [isoDay(bins[a].start), isoDay(bins[b].end)] : null);
    });
  }
}
