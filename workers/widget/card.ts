/**
 * GET /widget/card?metric=…&lang=…[&theme=dark|light] — the card as a complete HTML page for sites
 * that allow iframes but not scripts. No script at all; one nonce'd stylesheet; frameable anywhere.
 */
import { html, raw } from "hono/html";
import { type ApiGet, type Lang, pickLang, type Series, type Summary } from "./contract";
import { WORDS } from "./format";
import { metaHtml, sourcesHtml, sparkHtml, valueHtml } from "./render";
import { CARD_H, cardCss } from "./styles";

export const METRIC_ID = /^[a-z0-9_]{1,64}$/;

export type CardParams = { metric: string; lang: Lang; theme: "light" | "dark" | "auto" };

/** Reads and checks the query; null when the metric id is malformed. */
export function cardParams(q: Record<string, string | undefined>): CardParams | null {
  const metric = (q.metric ?? "").trim();
  if (!METRIC_ID.test(metric)) return null;
  const theme = q.theme === "dark" || q.theme === "light" ? q.theme : "auto";
  return { metric, lang: pickLang(q.lang), theme };
}

/**
 * What a card shows, read from the API: the summary of one metric and its series in the span kind
 * of the figure the card shows (so the trend never mixes a nine-month figure with full years).
 * Shared by the iframe card and the SVG card, so both show the same figure.
 */
export async function loadCard(
  get: ApiGet,
  metric: string,
  lang: Lang,
  geo?: string,
): Promise<{ summary: Summary | null; series: Series | null }> {
  const g = geo ? `&geo=${encodeURIComponent(geo)}` : "";
  const summary = await get<Summary>(`/v1/summary?lang=${lang}&metrics=${metric}${g}`);
  const span = summary?.items?.find((i) => i.metric === metric)?.latest?.span;
  const series = await get<Series>(`/v1/metrics/${metric}/series?lang=${lang}${span ? `&span=${span}` : ""}${g}`);
  return { summary, series };
}

/** The card page for one metric, or its empty state when the API has nothing for it. */
export function cardPage(p: CardParams, summary: Summary | null, series: Series | null, nonce: string) {
  const item = summary?.items?.find((i) => i.metric === p.metric && i.latest);
  const w = WORDS[p.lang];
  const css = `html,body{margin:0;background:transparent}.box{height:${CARD_H}px;max-width:420px}${cardCss("html", "html[data-theme=dark]", "html:not([data-theme=light])")}`;
  const body = item
    ? html`<section class="box" aria-labelledby="t"><p class="lb" id="t">${item.label}</p>${valueHtml(item.latest, p.lang)}${metaHtml(item, p.lang)}${sparkHtml(series, item, p.lang, 300, 40) || html`<div class="sp0"></div>`}<h3>${w.sources}</h3>${sourcesHtml(item.latest.sources ?? [], 2, p.lang, item.latest.source_count)}</section>`
    : html`<section class="box"><p class="st" role="status">${w.empty}</p></section>`;
  return html`<!doctype html>
<html lang="${p.lang}" data-theme="${p.theme}"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width,initial-scale=1">
<meta name="color-scheme" content="${p.theme === "auto" ? "light dark" : p.theme}">
<title>${item ? item.label : w.empty} — newsfacts</title><link rel="icon" href="data:,"><style nonce="${nonce}">${raw(css)}</style></head>
<body>${body}</body></html>`;
}
