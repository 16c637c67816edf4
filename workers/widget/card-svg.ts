/**
 * GET /v1/metrics/{id}/card.svg — the card as one self-contained SVG image, for <img> tags and
 * Markdown (README badges), where neither scripts nor frames run. Same figure as the iframe card
 * (the summary's latest value, its period, the change from the previous period, the trend in the
 * same span kind, the newest source), formatted by format.ts.
 *
 * Nothing outside the file: no fonts, images, scripts or links; styles inline. Every piece of
 * text passes through `xmlText`, so a title carrying `<`, `&` or quotes stays text and the document
 * stays well-formed XML. SVG text does not wrap or clip by itself: long lines are shortened by
 * an estimate of their width, and a clip path keeps anything longer inside the card.
 */
import type { Lang, Series, Summary, SummaryItem } from "./contract";
import { formatChange, formatDate, formatPeriod, formatPlan, formatValue, qualifierWord, WORDS } from "./format";
import { comparablePoints, distinctSources } from "./render";
import { plot } from "./sparkline";
import { DARK, LIGHT } from "./styles";

export type SvgTheme = "light" | "dark";

export type CardSvgParams = {
  metric: string;
  /** The metric's label in `lang`, shown even when there is no figure yet. */
  label: string;
  lang: Lang;
  theme: SvgTheme;
};

/** The image's size in CSS pixels; content sits PAD pixels inside. */
export const SVG_W = 420;
export const SVG_H = 202;
const PAD = 16;
const INNER_W = SVG_W - 2 * PAD;
const SPARK = { y: 116, h: 36 };

/** The CSP an SVG document needs: nothing to fetch, no script, only its own inline styles. */
export const SVG_CSP = "default-src 'none'; style-src 'unsafe-inline'";

const FONT = "system-ui,-apple-system,'Segoe UI',Roboto,'Helvetica Neue',Arial,sans-serif";

/** Characters XML 1.0 does not allow at all (C0 controls but tab and line breaks, lone surrogates, U+FFFE/U+FFFF). */
const NOT_XML =
  // biome-ignore lint/suspicious/noControlCharactersInRegex: matching the control characters XML forbids is the point.
  /[\u0000-\u0008\u000B\u000C\u000E-\u001F\uFFFE\uFFFF]|[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/g;

/**
 * Text safe inside an XML element or a double- or single-quoted attribute: markup characters as
 * entities, characters XML forbids dropped.
 * @example xmlText('A <b> & "c"') // 'A &lt;b&gt; &amp; &quot;c&quot;'
 */
export function xmlText(s: string): string {
  return s
    .replace(NOT_XML, "")
    .replaceAll("&", "&amp;")
    .replaceAll("<", "&lt;")
    .replaceAll(">", "&gt;")
    .replaceAll('"', "&quot;")
    .replaceAll("'", "&apos;");
}

/**
 * A glyph's advance in em, by class, for a proportional sans-serif — an estimate on the wide side
 * (DejaVu Sans, the usual fallback on Linux), since a Worker has no font metrics. Combining marks
 * (Vietnamese tones after NFD) take no room.
 */
function glyphEm(ch: string): number {
  if (/\p{Mn}/u.test(ch)) return 0;
  if (/[ .,:;'!|·ilj]/.test(ch)) return 0.32;
  if (/[()[\]\-/"ftrI]/.test(ch)) return 0.42;
  if (/[mM]/.test(ch)) return 0.97;
  if (/[wW]/.test(ch)) return 0.9;
  if (/[A-ZĐ]/.test(ch)) return 0.74;
  if (/[0-9$%a-zđ]/.test(ch)) return 0.64;
  if (ch === "…" || /[\u2e80-\u9fff\uac00-\ud7af]/.test(ch)) return 1;
  return 0.78;
}

/** The estimated width of `text` in pixels at `size`; bold glyphs are wider. */
export function textWidth(text: string, size: number, bold = false): number {
  let em = 0;
  for (const ch of text.normalize("NFD")) em += glyphEm(ch);
  return em * size * (bold ? 1.1 : 1);
}

/**
 * `text` as it fits in `px` at `size`: whole, or cut on code points (no surrogate pair split) with
 * an ellipsis marking the cut.
 * @example fitText("Foreign direct investment", 100, 13) // "Foreign direct…"
 */
export function fitText(text: string, px: number, size: number, bold = false): string {
  if (textWidth(text, size, bold) <= px) return text;
  const room = px - textWidth("…", size, bold);
  let out = "";
  for (const ch of Array.from(text)) {
    if (textWidth(out + ch, size, bold) > room) break;
    out += ch;
  }
  return out ? `${out.trimEnd()}…` : "";
}

/** A piece of a line with its own colour, size or weight (else the line's). */
type Run = { text: string; fill?: string; size?: number; bold?: boolean };

/**
 * The pieces of one line that fit in `px` (the line set at `size`, bold or not): each piece keeps
 * its look, the one that overflows is cut with an ellipsis, those after it are dropped.
 */
function fitRuns(runs: Run[], px: number, size: number, bold = false): Run[] {
  const out: Run[] = [];
  let left = px;
  for (const r of runs) {
    const [rs, rb] = [r.size ?? size, r.bold ?? bold];
    const w = textWidth(r.text, rs, rb);
    if (w <= left) {
      out.push(r);
      left -= w;
      continue;
    }
    const cut = fitText(r.text, left, rs, rb);
    if (cut) out.push({ ...r, text: cut });
    break;
  }
  return out;
}

/** One <text> line of runs; each run a <tspan> when it has its own colour or size. */
function line(x: number, y: number, runs: Run[], attrs: string): string {
  const spans = runs
    .filter((r) => r.text)
    .map((r) => {
      const style = [r.fill ? `fill:${r.fill}` : "", r.size ? `font-size:${r.size}px` : "", r.bold === false ? "font-weight:400" : ""]
        .filter(Boolean)
        .join(";");
      return style ? `<tspan style="${style}">${xmlText(r.text)}</tspan>` : xmlText(r.text);
    })
    .join("");
  return `<text x="${x}" y="${y}" ${attrs}>${spans}</text>`;
}

/** A theme's colours by name (bg, fg, mu, bd, up, dn, sp, wa), from the same values the HTML cards use. */
function colours(theme: SvgTheme): Record<string, string> {
  return Object.fromEntries(
    (theme === "dark" ? DARK : LIGHT).split(";").map((kv) => {
      const [k, v] = kv.split(":");
      return [k.replace(/^--/, ""), v];
    }),
  );
}

/** The trend line in the latest figure's span kind, a mark where sources disagree, a dot on the latest point; "" for fewer than two points. */
function sparkline(series: Series | null, item: SummaryItem, c: Record<string, string>): string {
  const pts = comparablePoints(series, item.unit, item.currency, item.latest.span);
  if (pts.length < 2) return "";
  const p = plot(
    pts.map((o) => o.value),
    INNER_W,
    SPARK.h,
    3,
  );
  const marks = pts
    .map((o, i) =>
      o.status === "conflict"
        ? `<line x1="${p.points[i].x}" x2="${p.points[i].x}" y1="1" y2="${SPARK.h - 1}" stroke="${c.wa}" stroke-width="2"/>`
        : "",
    )
    .join("");
  const last = p.points[p.points.length - 1];
  return `<g class="spark" transform="translate(${PAD} ${SPARK.y})"><path d="${p.path}" fill="none" stroke="${c.sp}" stroke-width="2" stroke-linejoin="round" stroke-linecap="round"/>${marks}<circle cx="${last.x}" cy="${last.y}" r="3" fill="${c.sp}"/></g>`;
}

/** The words a reader of `lang` sees on the card, line by line (also the image's accessible name). */
export function cardSvgText(item: SummaryItem, lang: Lang) {
  const w = WORDS[lang];
  const ch = item.previous ? formatChange(item.change, item.unit, lang) : null;
  const sources = distinctSources(item.latest.sources ?? []);
  const first = sources[0];
  return {
    qualifier: qualifierWord(item.latest.qualifier, lang),
    value: formatValue(item.latest.value, item.unit, item.currency, lang),
    period: formatPeriod(item.latest.period, lang),
    change:
      ch && item.previous
        ? { ...ch, arrow: ch.dir > 0 ? "▲" : ch.dir < 0 ? "▼" : "", vs: `${w.vs} ${formatPeriod(item.previous.period, lang)}` }
        : null,
    conflict: item.latest.status === "conflict" ? `⚠ ${w.conflict}` : "",
    plan: formatPlan(item.plan, lang),
    source: first
      ? {
          title: first.src.title || new URL(first.href).hostname,
          date: formatDate(first.src.published, lang),
          more: sources.length > 1 ? `+${sources.length - 1} ${w.more}` : "",
        }
      : null,
  };
}

/**
 * The whole SVG document for one metric: label, value, period and change, a note (conflict, plan),
 * the trend, the newest source; or the label and the empty state when the summary has no figure.
 */
export function cardSvg(p: CardSvgParams, summary: Summary | null, series: Series | null): string {
  const c = colours(p.theme);
  const w = WORDS[p.lang];
  const item = summary?.items?.find((i) => i.metric === p.metric && i.latest);
  const label = item?.label || p.label;
  const text = `font-family="${FONT}"`;
  const parts: string[] = [line(PAD, 32, fitRuns([{ text: label }], INNER_W, 13), `class="label" font-size="13" fill="${c.mu}"`)];
  let name = label;
  if (!item) {
    parts.push(line(PAD, 70, [{ text: w.empty }], `class="empty" font-size="15" fill="${c.mu}"`));
    name = `${label}: ${w.empty}`;
  } else {
    const t = cardSvgText(item, p.lang);
    const valueRuns: Run[] = t.qualifier ? [{ text: `${t.qualifier} `, fill: c.mu, size: 14, bold: false }] : [];
    valueRuns.push({ text: t.value });
    parts.push(line(PAD, 66, fitRuns(valueRuns, INNER_W, 26, true), `class="value" font-size="26" font-weight="700" fill="${c.fg}"`));
    const meta: Run[] = [{ text: t.period }];
    if (t.change)
      meta.push(
        { text: " · " },
        {
          text: `${t.change.arrow ? `${t.change.arrow} ` : ""}${t.change.text}`,
          fill: t.change.dir > 0 ? c.up : t.change.dir < 0 ? c.dn : undefined,
        },
        { text: ` ${t.change.vs}` },
      );
    parts.push(line(PAD, 89, fitRuns(meta, INNER_W, 13), `class="meta" font-size="13" fill="${c.mu}"`));
    const note: Run[] = [];
    if (t.conflict) note.push({ text: t.conflict, fill: c.wa });
    if (t.plan) note.push({ text: `${note.length ? " · " : ""}${t.plan}` });
    if (note.length) parts.push(line(PAD, 107, fitRuns(note, INNER_W, 12), `class="note" font-size="12" fill="${c.mu}"`));
    parts.push(sparkline(series, item, c));
    if (t.source) {
      const prefix = `${w.sources}: `;
      parts.push(
        line(
          PAD,
          172,
          fitRuns([{ text: prefix }, { text: t.source.title, fill: c.fg }], INNER_W, 12),
          `class="source" font-size="12" fill="${c.mu}"`,
        ),
      );
      const more = [t.source.date, t.source.more].filter(Boolean).join(" · ");
      if (more) parts.push(line(PAD, 189, fitRuns([{ text: more }], INNER_W, 12), `class="source-more" font-size="12" fill="${c.mu}"`));
    }
    name = [label, [t.qualifier, t.value].filter(Boolean).join(" "), t.period, t.change ? `${t.change.text} ${t.change.vs}` : ""]
      .filter(Boolean)
      .join(", ");
  }
  return [
    '<?xml version="1.0" encoding="UTF-8"?>',
    `<svg xmlns="http://www.w3.org/2000/svg" width="${SVG_W}" height="${SVG_H}" viewBox="0 0 ${SVG_W} ${SVG_H}" role="img" aria-labelledby="nf-title" lang="${p.lang}" data-metric="${xmlText(p.metric)}" data-theme="${p.theme}">`,
    `<title id="nf-title">${xmlText(name)}</title>`,
    `<defs><clipPath id="nf-clip"><rect x="${PAD}" y="0" width="${INNER_W}" height="${SVG_H}"/></clipPath></defs>`,
    `<rect x="0.5" y="0.5" width="${SVG_W - 1}" height="${SVG_H - 1}" rx="10" fill="${c.bg}" stroke="${c.bd}"/>`,
    `<g clip-path="url(#nf-clip)" ${text}>${parts.join("")}</g>`,
    "</svg>",
    "",
  ].join("\n");
}
