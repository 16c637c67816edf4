/**
 * Server-side HTML pieces shared by the iframe card and the dashboard. Built with hono/html, whose
 * template escapes every interpolated string (text and attribute values alike); markup comes only
 * from these templates, never from data.
 */
import { html } from "hono/html";
import { type Lang, type Observation, type Series, type SourceRef, type SummaryItem, safeHref } from "./contract";
import { formatChange, formatDate, formatPeriod, formatPlan, formatValue, qualifierWord, WORDS } from "./format";
import { plot } from "./sparkline";

export type Html = ReturnType<typeof html>;

/** The value with its qualifier; the raw number rides in <data value>. */
export function valueHtml(o: Observation, lang: Lang): Html {
  const q = qualifierWord(o.qualifier, lang);
  return html`<div class="v">${q ? html`<span class="q">${q}</span> ` : ""}<data value="${String(o.value)}">${formatValue(o.value, o.unit, o.currency, lang)}</data></div>`;
}

/** Period, change from the previous observation, and a conflict note. */
export function metaHtml(item: SummaryItem, lang: Lang): Html {
  const w = WORDS[lang];
  const ch = item.previous ? formatChange(item.change, item.unit, lang) : null;
  const change = ch
    ? html` · <span class="${ch.dir > 0 ? "u" : ch.dir < 0 ? "d" : ""}"><span aria-hidden="true">${ch.dir > 0 ? "▲ " : ch.dir < 0 ? "▼ " : ""}</span><span class="x">${ch.dir > 0 ? `${w.up} ` : ch.dir < 0 ? `${w.down} ` : ""}</span>${ch.text}</span> ${w.vs} ${formatPeriod(item.previous?.period, lang)}`
    : "";
  const conflict =
    item.latest.status === "conflict"
      ? html` · <span class="w" title="${(item.latest.values ?? []).map((v) => formatValue(v, item.unit, item.currency, lang)).join(" / ")}">⚠ ${w.conflict}</span>`
      : "";
  const plan = formatPlan(item.plan, lang);
  return html`<div class="m">${formatPeriod(item.latest.period, lang)}${change}${conflict}${plan ? html` · <span class="pl">${plan}</span>` : ""}</div>`;
}

/** Points of a series comparable with each other (same unit, currency and span kind: never nine months beside years). */
export function comparablePoints(series: Series | null, unit: string, currency: string | null, span?: string): Observation[] {
  return (series?.points ?? []).filter(
    (p) => p.unit === unit && (p.currency || null) === (currency || null) && (span === undefined || p.span === span),
  );
}

/** A small trend line, a mark where sources disagree; "" for fewer than two points. */
export function sparkHtml(series: Series | null, item: SummaryItem, lang: Lang, width: number, height: number): Html | "" {
  const pts = comparablePoints(series, item.unit, item.currency, item.latest.span);
  if (pts.length < 2) return "";
  const p = plot(
    pts.map((o) => o.value),
    width,
    height,
    3,
  );
  const label = `${WORDS[lang].trend}: ${pts.map((o) => `${formatPeriod(o.period, lang)} ${formatValue(o.value, o.unit, o.currency, lang)}`).join(", ")}`;
  const marks = pts.map((o, i) =>
    o.status === "conflict" ? html`<line x1="${p.points[i].x}" x2="${p.points[i].x}" y1="1" y2="${height - 1}" class="cf"></line>` : "",
  );
  return html`<svg viewBox="0 0 ${width} ${height}" width="100%" height="${height}" preserveAspectRatio="none" role="img" aria-label="${label}"><path d="${p.path}" class="sp"></path>${marks}</svg>`;
}

/** The sources with an http(s) URL, one per URL, in the API's order (a `javascript:` URL is dropped). */
export function distinctSources(sources: SourceRef[]): { href: string; src: SourceRef }[] {
  const seen = new Set<string>();
  const items: { href: string; src: SourceRef }[] = [];
  for (const src of sources) {
    const href = safeHref(src.url);
    if (href && !seen.has(href)) {
      seen.add(href);
      items.push({ href, src });
    }
  }
  return items;
}

/**
 * Distinct http(s) sources as links (at most `max`), then "+N more sources": N counts every source
 * the observation has (`total`, its source_count), not only the newest few the API lists.
 */
export function sourcesHtml(sources: SourceRef[], max: number, lang: Lang, total = 0): Html {
  const items = distinctSources(sources);
  const rest = Math.max(items.length, total) - Math.min(items.length, max);
  const lis = items.slice(0, max).map(({ href, src }) => {
    const date = formatDate(src.published, lang);
    return html`<li><a href="${href}" target="_blank" rel="noopener noreferrer">${src.title || new URL(href).hostname}</a>${date ? ` · ${date}` : ""}</li>`;
  });
  const more = rest > 0 ? html`<li class="m">+${rest} ${WORDS[lang].more}</li>` : "";
  return html`<ul>${lis}${more}</ul>`;
}
