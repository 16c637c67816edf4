/**
 * The dashboard's chart of one metric over time: x by period end (so uneven periods sit where they
 * belong), y over every reported value; where sources disagree, all their values are drawn and joined
 * by an amber bar, so a conflict is visible rather than averaged away.
 */
import { html } from "hono/html";
import type { Lang, Observation } from "./contract";
import { formatPeriod, formatValue } from "./format";
import type { Html } from "./render";

const monthIndex = (ym: string) => {
  const [y, m] = ym.split("-").map(Number);
  return y * 12 + (m - 1);
};

/** Linear map from [d0, d1] to [r0, r1]; the middle of the range when the domain is a point. */
export function scale(d0: number, d1: number, r0: number, r1: number): (v: number) => number {
  return (v) => Math.round((d1 === d0 ? (r0 + r1) / 2 : r0 + ((v - d0) / (d1 - d0)) * (r1 - r0)) * 10) / 10;
}

/** An accessible SVG chart of comparable observations (same unit and currency), oldest first. */
export function chartSvg(points: Observation[], lang: Lang, label: string, width = 560, height = 200): Html {
  const L = 124;
  const R = 16;
  const T = 14;
  const B = 28;
  const all = points.flatMap((p) => (p.status === "conflict" && p.values?.length ? p.values : [p.value]));
  const lo = Math.min(...all);
  const hi = Math.max(...all);
  const spread = hi - lo || Math.abs(hi) || 1;
  const y = scale(lo - spread * 0.1, hi + spread * 0.1, height - B, T);
  const xs = points.map((p) => monthIndex(p.period.end));
  const x = scale(Math.min(...xs), Math.max(...xs), L + 8, width - R - 8);
  const fmt = (v: number) => formatValue(v, points[0].unit, points[0].currency, lang);
  const line = points.map((p, i) => `${i ? "L" : "M"}${x(xs[i])} ${y(p.value)}`).join("");
  const marks = points.map((p, i) => {
    const cx = x(xs[i]);
    const tip = `${formatPeriod(p.period, lang)}: ${fmt(p.value)} (${p.source_count})`;
    if (p.status === "conflict" && p.values?.length) {
      const vs = p.values;
      return html`<g class="conf"><title>${formatPeriod(p.period, lang)}: ${vs.map(fmt).join(" / ")}</title><line x1="${cx}" x2="${cx}" y1="${y(Math.min(...vs))}" y2="${y(Math.max(...vs))}"></line>${vs.map((v) => html`<circle cx="${cx}" cy="${y(v)}" r="4.5"></circle>`)}</g>`;
    }
    return html`<g class="pt"><title>${tip}</title><circle cx="${cx}" cy="${y(p.value)}" r="4"></circle></g>`;
  });
  const first = points[0];
  const last = points[points.length - 1];
  const desc = points
    .map(
      (p) =>
        `${formatPeriod(p.period, lang)}: ${p.status === "conflict" && p.values?.length ? p.values.map(fmt).join(" / ") : fmt(p.value)}`,
    )
    .join("; ");
  return html`<svg class="chart" viewBox="0 0 ${width} ${height}" role="img" aria-label="${label}: ${desc}">
<line class="ax" x1="${L}" x2="${width - R}" y1="${height - B}" y2="${height - B}"></line>
<line class="ax" x1="${L}" x2="${L}" y1="${T}" y2="${height - B}"></line>
<text class="tk" x="${L - 6}" y="${y(hi) + 4}" text-anchor="end">${fmt(hi)}</text>
${lo !== hi ? html`<text class="tk" x="${L - 6}" y="${y(lo) + 4}" text-anchor="end">${fmt(lo)}</text>` : ""}
<text class="tk" x="${x(xs[0])}" y="${height - 8}" text-anchor="start">${formatPeriod(first.period, lang)}</text>
${points.length > 1 ? html`<text class="tk" x="${x(xs[xs.length - 1])}" y="${height - 8}" text-anchor="end">${formatPeriod(last.period, lang)}</text>` : ""}
${points.length > 1 ? html`<path class="ln" d="${line}"></path>` : ""}${marks}</svg>`;
}
