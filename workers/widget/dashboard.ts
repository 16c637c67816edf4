/**
 * GET / — the public dashboard, rendered on the server from the app's own JSON API: headline
 * figures, a chart per metric, latest articles with their facts, people and quotes, events, source
 * health, the exports and an embed-snippet builder. One small nonce'd script (the snippet builder's
 * live update and copy buttons); everything works without it.
 */
import { html, raw } from "hono/html";
import { SPAN_KINDS, type SpanKind } from "../../schema/spans";
import { chartSvg } from "./chart";
import { type ApiGet, type Breakdown, LANGS, type Lang, type PlanRow, type Series, type Summary, safeHref } from "./contract";
import { formatDate, formatPeriod, formatValue } from "./format";
import { comparablePoints, type Html, metaHtml, sourcesHtml, valueHtml } from "./render";
import { CARD_H, cardCss } from "./styles";
import { DASH, type DashWords, FEED_TITLES, feedPath } from "./words";

type Page<T> = { items: T[]; next_cursor?: string | null };
type Metric = { id: string; label: string; observation_count?: number };
type Article = {
  id: number;
  url: string;
  title: string | null;
  status: string;
  lang: string | null;
  published: string | null;
  fact_count: number;
};
type Fact = {
  id: number;
  metric: string;
  value: number;
  unit: string;
  currency: string | null;
  period: { start: string; end: string } | null;
  qualifier: string;
};
type Person = { id: string; name: string; titles?: string[]; article_count?: number; quote_count?: number };
type PersonDetail = Person & { quotes?: { text: string; article?: { url?: string; title?: string | null } }[] };
type Event = {
  key: string;
  name: string;
  start: string | null;
  end: string | null;
  article_count?: number;
  articles?: { id: number; url: string; title: string | null }[];
};
type Source = {
  id: string;
  name: string;
  kind: string;
  url: string;
  last_status: string | null;
  last_error: string | null;
  last_crawled_at: string | null;
  articles: Record<string, number>;
};
type Stats = { version?: string; articles?: Record<string, number>; facts?: number; people?: number };

export type Theme = "auto" | "light" | "dark";
export type EmbedChoice = { metric: string; lang: Lang; theme: Theme };

/**
 * The two embed snippets for a choice. The same text is rebuilt by the page's inline script
 * (EMBED_JS) when the form changes; the browser test checks that both agree.
 */
export function embedSnippets(origin: string, e: EmbedChoice): { script: string; iframe: string } {
  const theme = e.theme === "auto" ? "" : ` theme="${e.theme}"`;
  const themeQ = e.theme === "auto" ? "" : `&amp;theme=${e.theme}`;
  return {
    script: `<script src="${origin}/widget.js"></script>\n<newsfacts-card metric="${e.metric}" lang="${e.lang}"${theme}></newsfacts-card>`,
    iframe: `<iframe src="${origin}/widget/card?metric=${e.metric}&amp;lang=${e.lang}${themeQ}" title="newsfacts ${e.metric}" width="400" height="${CARD_H}" loading="lazy" style="border:0;max-width:100%"></iframe>`,
  };
}

// Mirrors embedSnippets() for live updates; values come only from the form's own <option>s.
const EMBED_JS = `(()=>{const f=document.getElementById("embed-form");if(!f)return;const o=f.dataset.origin,h=${CARD_H};
const $=(id)=>document.getElementById(id);f.querySelector("button[type=submit]").hidden=true;
const up=()=>{const m=f.w_metric.value,l=f.w_lang.value,t=f.w_theme.value,a=t==="auto"?"":' theme="'+t+'"',q=t==="auto"?"":"&amp;theme="+t;
$("snip-script").textContent='<script src="'+o+'/widget.js"></'+'script>\\n<newsfacts-card metric="'+m+'" lang="'+l+'"'+a+'></newsfacts-card>';
$("snip-iframe").textContent='<iframe src="'+o+'/widget/card?metric='+m+"&amp;lang="+l+q+'" title="newsfacts '+m+'" width="400" height="'+h+'" loading="lazy" style="border:0;max-width:100%"></iframe>';
$("preview").src="/widget/card?metric="+encodeURIComponent(m)+"&lang="+l+(t==="auto"?"":"&theme="+t);};
f.addEventListener("change",up);
for(const b of document.querySelectorAll("button[data-copy]"))b.addEventListener("click",()=>{navigator.clipboard.writeText($(b.dataset.copy).textContent).then(()=>{b.textContent=b.dataset.done;},()=>{});});})();`;

const PAGE_CSS = `
:root{color-scheme:light dark;--bg:#f6f7f9;--card:#fff;--fg:#1b1c1f;--mu:#4d5159;--ln:#0b57d0;--bd:#d3d6db;--up:#137333;--dn:#b3261e;--sp:#0b57d0;--wa:#8a4b00;--wb:#e8a33d}
@media (prefers-color-scheme:dark){:root{--bg:#0f1114;--card:#17191d;--fg:#eceef2;--mu:#b6bbc4;--ln:#8ab4f8;--bd:#3a3e46;--up:#81c995;--dn:#f28b82;--sp:#8ab4f8;--wa:#fdd663;--wb:#fdd663}}
*{box-sizing:border-box}
body{margin:0;background:var(--bg);color:var(--fg);font:15px/1.5 system-ui,-apple-system,"Segoe UI",Roboto,sans-serif}
a{color:var(--ln)}a:focus-visible,button:focus-visible,select:focus-visible{outline:2px solid var(--ln);outline-offset:2px}
header,main,footer{max-width:1180px;margin:0 auto;padding:16px 20px}
header h1{margin:8px 0 2px;font-size:26px}header p{margin:0;color:var(--mu)}
nav{display:flex;flex-wrap:wrap;gap:6px 18px;align-items:center;margin-top:10px;font-size:14px}
nav .langs a{padding:2px 6px;border-radius:4px}nav .langs a[aria-current]{background:var(--ln);color:var(--card);text-decoration:none}
section{margin:26px 0}h2{font-size:19px;margin:0 0 12px}
.grid{display:grid;grid-template-columns:repeat(auto-fill,minmax(340px,1fr));gap:14px}
.charts{display:grid;grid-template-columns:repeat(auto-fill,minmax(420px,1fr));gap:14px}
.panel{background:var(--card);border:1px solid var(--bd);border-radius:10px;padding:14px 16px;min-width:0}
.panel h3{margin:0 0 6px;font-size:15px}
.chart{width:100%;height:auto;display:block}
.chart .ax{stroke:var(--bd)}.chart .tk{fill:var(--mu);font-size:12px}.chart .ln{stroke:var(--sp);stroke-width:2;fill:none}
.chart .pt circle{fill:var(--sp)}.chart .conf line{stroke:var(--wb);stroke-width:3}.chart .conf circle{fill:var(--wb)}
.legend{font-size:13px;color:var(--mu);margin:0 0 10px}
details{font-size:13px;margin-top:6px}table{border-collapse:collapse;width:100%;font-size:13px}
th,td{text-align:left;padding:5px 8px;border-bottom:1px solid var(--bd);vertical-align:top}th{color:var(--mu);font-weight:600}
.tablewrap{overflow-x:auto}
.art{list-style:none;margin:0;padding:0;display:grid;grid-template-columns:repeat(auto-fill,minmax(380px,1fr));gap:12px}
.art .meta{font-size:13px;color:var(--mu)}.art ul{margin:6px 0 0;padding-left:18px;font-size:14px}
.people{display:grid;grid-template-columns:repeat(auto-fill,minmax(320px,1fr));gap:14px}
blockquote{margin:8px 0 0;padding-left:10px;border-left:3px solid var(--bd);font-size:14px}
.ok{color:var(--up)}.bad{color:var(--dn)}.muted{color:var(--mu)}
.embed form{display:flex;flex-wrap:wrap;gap:10px 16px;align-items:end;margin-bottom:12px}
.embed label{display:grid;font-size:13px;color:var(--mu);gap:3px}
select,button{font:inherit;padding:4px 8px;border:1px solid var(--bd);border-radius:6px;background:var(--card);color:var(--fg)}
button{cursor:pointer}
pre{margin:6px 0;padding:10px;background:var(--bg);border:1px solid var(--bd);border-radius:6px;white-space:pre-wrap;word-break:break-all;font-size:12.5px}
.embedgrid{display:grid;grid-template-columns:minmax(0,1fr) 420px;gap:16px}
@media (max-width:900px){.embedgrid{grid-template-columns:1fr}.charts{grid-template-columns:1fr}}
.preview{border:0;width:100%;max-width:420px;height:${CARD_H}px;display:block}
.cards .box{min-height:200px}.cards .v{font-size:23px}
figure{margin:0}
.spans{font-size:13px;margin:0 0 6px}.lone{font-size:24px;margin:18px 0}.lone .muted{font-size:14px}
.bd th{font-weight:400;color:var(--fg)}.bd .tot th,.bd .tot td{font-weight:650}.barcell{width:45%}
.bar{fill:var(--sp)}.bd .muted .bar{fill:var(--bd)}
`;

const fmtTime = (iso: string | null, lang: Lang) => {
  if (!iso) return "";
  const d = new Date(iso);
  return Number.isNaN(d.getTime())
    ? iso
    : `${new Intl.DateTimeFormat(lang, { dateStyle: "medium", timeStyle: "short", timeZone: "UTC" }).format(d)} UTC`;
};

/** At most `max` characters, cut at a word boundary with an ellipsis. */
const clip = (text: string, max: number) =>
  text.length <= max ? text : `${text.slice(0, text.lastIndexOf(" ", max - 1) > max / 2 ? text.lastIndexOf(" ", max - 1) : max - 1)}…`;

const link = (url: string, text: string) => {
  const href = safeHref(url);
  return href ? html`<a href="${href}" rel="noopener noreferrer">${text}</a>` : html`<span>${text}</span>`;
};

/** Everything the page shows, fetched from the API in parallel. `spans` picks a chart's span kind per metric. */
export async function loadDashboard(get: ApiGet, lang: Lang, spans: Record<string, string> = {}) {
  const [summary, metrics, articles, people, events, sources, stats] = await Promise.all([
    get<Summary>(`/v1/summary?lang=${lang}`),
    get<Page<Metric>>(`/v1/metrics?lang=${lang}`),
    get<Page<Article>>("/v1/articles?limit=10"),
    get<Page<Person>>("/v1/people?limit=12"),
    get<Page<Event>>("/v1/events?limit=12"),
    get<Page<Source>>("/v1/sources"),
    get<Stats>("/v1/stats"),
  ]);
  const items = (summary?.items ?? []).filter((i) => i.latest);
  const quoted = (people?.items ?? []).filter((p) => (p.quote_count ?? 0) > 0).slice(0, 6);
  const spanQ = (metric: string) => (spans[metric] && SPAN_KINDS.includes(spans[metric] as SpanKind) ? `&span=${spans[metric]}` : "");
  const [series, breakdowns, plans, facts, details] = await Promise.all([
    Promise.all(items.map((i) => get<Series>(`/v1/metrics/${encodeURIComponent(i.metric)}/series?lang=${lang}${spanQ(i.metric)}`))),
    Promise.all(items.map((i) => get<Breakdown>(`/v1/metrics/${encodeURIComponent(i.metric)}/breakdown?lang=${lang}`))),
    Promise.all(items.map((i) => get<{ items: PlanRow[] }>(`/v1/metrics/${encodeURIComponent(i.metric)}/plan?lang=${lang}`))),
    Promise.all((articles?.items ?? []).map((a) => get<Page<Fact>>(`/v1/facts?article=${a.id}&limit=50`))),
    Promise.all(quoted.map((p) => get<PersonDetail>(`/v1/people/${encodeURIComponent(p.id)}`))),
  ]);
  const labels = new Map<string, string>();
  for (const m of metrics?.items ?? []) labels.set(m.id, m.label);
  for (const i of items) labels.set(i.metric, i.label);
  return {
    items,
    series,
    breakdowns,
    plans,
    labels,
    metrics: metrics?.items ?? [],
    articles: articles?.items ?? [],
    facts,
    people: people?.items ?? [],
    details,
    events: events?.items ?? [],
    sources: sources?.items ?? [],
    stats,
  };
}

export type DashboardData = Awaited<ReturnType<typeof loadDashboard>>;

function headline(d: DashboardData, lang: Lang, w: DashWords): Html {
  if (!d.items.length) return html`<p class="muted" role="status">${w.empty}</p>`;
  return html`<div class="grid cards">${d.items.map(
    (i) =>
      html`<article class="box" aria-labelledby="k-${i.metric}" data-metric="${i.metric}"><p class="lb" id="k-${i.metric}">${i.label}</p>${valueHtml(i.latest, lang)}${metaHtml(i, lang)}<h3>${w.sources}</h3>${sourcesHtml(i.latest.sources ?? [], 3, lang, i.latest.source_count)}</article>`,
  )}</div>`;
}

const formatSpan = (span: string | null | undefined, w: DashWords) => (span ? ((w.spanNames as Record<string, string>)[span] ?? span) : "");

/** Links to the metric's other span kinds: one kind per line, the reader switches. */
function spanSwitch(series: Series, lang: Lang, w: DashWords): Html | "" {
  const kinds = series.spans ?? [];
  if (kinds.length < 2) return "";
  return html`<p class="spans" aria-label="${w.spanOf}">${kinds.map((k, i) =>
    k.span === series.span
      ? html`${i ? " · " : ""}<strong aria-current="true">${formatSpan(k.span, w)} (${k.count})</strong>`
      : html`${i ? " · " : ""}<a href="/?lang=${lang}&amp;s_${series.metric}=${k.span}#c-${series.metric}">${formatSpan(k.span, w)} (${k.count})</a>`,
  )}</p>`;
}

function charts(d: DashboardData, lang: Lang, w: DashWords): Html {
  const panels = d.items.map((item, n) => {
    const series = d.series[n];
    if (!series) return "";
    const pts = comparablePoints(series, item.unit, series.currency);
    if (!pts.length) return "";
    const fmt = (v: number) => formatValue(v, item.unit, series.currency, lang);
    // A lone observation is a figure, not a chart with one dot.
    const body =
      pts.length === 1
        ? html`<p class="lone"><data value="${String(pts[0].value)}">${fmt(pts[0].value)}</data> <span class="muted">${formatPeriod(pts[0].period, lang)} · ${w.onlyOne}</span></p>`
        : chartSvg(pts, lang, `${item.label} (${formatSpan(series.span, w)})`);
    return html`<figure class="panel" id="c-${item.metric}" data-metric="${item.metric}" data-span="${series.span ?? ""}"><h3>${item.label} <span class="muted">· ${formatSpan(series.span, w)}</span></h3>${spanSwitch(series, lang, w)}${body}
<details><summary>${w.data}</summary><div class="tablewrap"><table><thead><tr><th scope="col">${w.period}</th><th scope="col">${w.value}</th><th scope="col">${w.sources}</th></tr></thead><tbody>${pts.map(
      (p) =>
        html`<tr${p.status === "conflict" ? raw(' class="bad"') : ""}><td>${formatPeriod(p.period, lang)}</td><td>${p.status === "conflict" && p.values?.length ? p.values.map(fmt).join(" / ") : fmt(p.value)}</td><td>${p.source_count}</td></tr>`,
    )}</tbody></table></div></details></figure>`;
  });
  return html`<p class="legend">${w.conflictLegend}</p><div class="charts">${panels}</div>`;
}

/** A member id as a reader sees it: a country code by its name, a lexicon id with spaces. */
function memberName(part: { dimension: string; member: string } | null | undefined, lang: Lang): string {
  if (!part) return "";
  if (part.dimension === "market" && /^[A-Z]{2}$/.test(part.member)) {
    try {
      return new Intl.DisplayNames([lang], { type: "region" }).of(part.member) ?? part.member;
    } catch {
      return part.member;
    }
  }
  return part.member.replace(/[-_]/g, " ");
}

/** Totals beside their slices, each slice a bar against the total, the unattributed rest shown as such. */
function breakdownPanels(d: DashboardData, lang: Lang, w: DashWords): Html | "" {
  const panels = d.items.flatMap((item, n) => {
    const b = d.breakdowns[n];
    if (!b?.slices.length) return [];
    const fmt = (v: number) => formatValue(v, b.slices[0].unit, b.currency, lang);
    const scaleTo = Math.max(b.total?.value ?? 0, ...b.slices.map((s) => s.value));
    const bar = (v: number) => (scaleTo > 0 && v > 0 ? Math.max(1, Math.round((v / scaleTo) * 100)) : 0);
    const row = (label: string, v: number, cls = "") =>
      html`<tr${cls ? raw(` class="${cls}"`) : ""}><th scope="row">${label}</th><td>${fmt(v)}</td><td class="barcell"><svg viewBox="0 0 100 10" width="100%" height="10" preserveAspectRatio="none" aria-hidden="true"><rect width="${bar(v)}" height="10" rx="2" class="bar"></rect></svg></td></tr>`;
    const dim = (w.dimensionNames as Record<string, string>)[b.dimension ?? ""] ?? b.dimension ?? "";
    return [
      html`<figure class="panel" data-breakdown="${item.metric}"><h3>${item.label} <span class="muted">· ${dim} · ${formatPeriod(b.period, lang)}</span></h3><table class="bd"><tbody>${b.total ? row(w.total, b.total.value, "tot") : ""}${b.slices.map((s) => row(memberName(s.part, lang), s.value))}${b.unexplained !== null ? row(w.unexplained, b.unexplained, "muted") : ""}</tbody></table></figure>`,
    ];
  });
  if (!panels.length) return "";
  return html`<section id="breakdowns" aria-labelledby="h-breakdowns"><h2 id="h-breakdowns">${w.breakdown}</h2><p class="legend">${w.breakdownHelp}</p><div class="charts">${panels}</div></section>`;
}

/** Targets met with the actual of the same period, and the shares of plan the articles state. */
function planPanel(d: DashboardData, lang: Lang, w: DashWords): Html | "" {
  const rows = d.items.flatMap((item, n) =>
    (d.plans[n]?.items ?? [])
      .filter((r) => r.target)
      .map((r) => {
        const fmt = (o: { value: number; unit: string; currency: string | null } | null) =>
          o ? formatValue(o.value, o.unit, o.currency, lang) : "—";
        const reached =
          r.reached !== null ? new Intl.NumberFormat(lang, { style: "percent", maximumFractionDigits: 1 }).format(r.reached / 100) : "—";
        const stated = r.stated.map((s) => formatValue(s.value, s.unit, s.currency, lang)).join(", ");
        return html`<tr data-plan="${item.metric}"><td>${item.label}</td><td>${formatPeriod(r.period, lang)}</td><td>${fmt(r.target)}</td><td>${fmt(r.actual)}</td><td>${reached}</td><td>${stated || "—"}</td></tr>`;
      }),
  );
  if (!rows.length) return "";
  return html`<section id="plan" aria-labelledby="h-plan"><h2 id="h-plan">${w.plan}</h2><div class="panel tablewrap"><table><thead><tr><th scope="col">${w.metric}</th><th scope="col">${w.period}</th><th scope="col">${w.target}</th><th scope="col">${w.actual}</th><th scope="col">${w.reached}</th><th scope="col">${w.stated}</th></tr></thead><tbody>${rows}</tbody></table></div></section>`;
}

function articleList(d: DashboardData, lang: Lang, w: DashWords): Html {
  if (!d.articles.length) return html`<p class="muted" role="status">${w.empty}</p>`;
  return html`<ol class="art">${d.articles.map((a, n) => {
    const fs = d.facts[n]?.items ?? [];
    const facts = fs.length
      ? html`<ul>${fs.slice(0, 8).map((f) => html`<li>${d.labels.get(f.metric) ?? f.metric}: <strong>${formatValue(f.value, f.unit, f.currency, lang)}</strong>${f.period ? ` (${formatPeriod(f.period, lang)})` : ""}</li>`)}${fs.length > 8 ? html`<li class="muted">+${fs.length - 8}</li>` : ""}</ul>`
      : html`<p class="meta">${w.noFacts}</p>`;
    const meta = [formatDate(a.published, lang), a.lang ?? "", a.status, `${a.fact_count} ${w.facts}`].filter(Boolean).join(" · ");
    return html`<li class="panel" data-article="${a.id}"><h3>${link(a.url, a.title || a.url)}</h3><div class="meta">${meta}</div>${facts}</li>`;
  })}</ol>`;
}

function peopleList(d: DashboardData, w: DashWords): Html {
  if (!d.people.length) return html`<p class="muted" role="status">${w.empty}</p>`;
  const quotes = new Map(d.details.filter((p) => p !== null).map((p) => [p.id, p.quotes ?? []]));
  return html`<div class="people">${d.people.map(
    (p) =>
      html`<div class="panel"><h3>${p.name}</h3>${p.titles?.length ? html`<div class="muted">${p.titles.slice(0, 3).join("; ")}</div>` : ""}${(quotes.get(p.id) ?? []).slice(0, 2).map((q) => html`<blockquote>“${clip(q.text, 240)}”${q.article?.url ? html` — ${link(q.article.url, q.article.title || q.article.url)}` : ""}</blockquote>`)}</div>`,
  )}</div>`;
}

function eventList(d: DashboardData, lang: Lang, w: DashWords): Html {
  if (!d.events.length) return html`<p class="muted" role="status">${w.empty}</p>`;
  return html`<ul>${d.events.map((e) => {
    const when = [formatDate(e.start, lang), e.end && e.end !== e.start ? formatDate(e.end, lang) : ""].filter(Boolean).join(" – ");
    return html`<li><strong>${e.name}</strong>${when ? ` · ${when}` : ""}${e.articles?.length ? html` · ${e.articles.slice(0, 3).map((a, i) => html`${i ? ", " : ""}${link(a.url, a.title || a.url)}`)}` : ""}</li>`;
  })}</ul>`;
}

function sourceTable(d: DashboardData, lang: Lang, w: DashWords): Html {
  if (!d.sources.length) return html`<p class="muted" role="status">${w.empty}</p>`;
  return html`<div class="tablewrap"><table><thead><tr><th scope="col">${w.source}</th><th scope="col">${w.lastCrawl}</th><th scope="col">${w.status}</th><th scope="col">${w.error}</th><th scope="col">${w.counts}</th></tr></thead><tbody>${d.sources.map(
    (s) =>
      html`<tr data-source="${s.id}"><td>${link(s.url, s.name)} <span class="muted">(${s.kind})</span></td><td>${s.last_crawled_at ? fmtTime(s.last_crawled_at, lang) : html`<span class="muted">${w.never}</span>`}</td><td class="${s.last_status === "ok" || s.last_status === "not_modified" ? "ok" : s.last_status ? "bad" : "muted"}">${s.last_status ?? "—"}</td><td>${s.last_error ?? ""}</td><td>${
        Object.entries(s.articles ?? {})
          .map(([k, v]) => `${k}: ${v}`)
          .join(", ") || "—"
      }</td></tr>`,
  )}</tbody></table></div>`;
}

function embedBuilder(d: DashboardData, origin: string, choice: EmbedChoice, w: DashWords): Html {
  const ids = [...new Set([...d.items.map((i) => i.metric), ...d.metrics.filter((m) => (m.observation_count ?? 1) > 0).map((m) => m.id)])];
  if (!ids.includes(choice.metric)) ids.unshift(choice.metric);
  const snip = embedSnippets(origin, choice);
  const opt = (value: string, text: string, selected: boolean) =>
    html`<option value="${value}"${selected ? raw(" selected") : ""}>${text}</option>`;
  return html`<p>${w.embedHelp}</p>
<form id="embed-form" method="get" action="/#embed" data-origin="${origin}">
<input type="hidden" name="lang" value="${choice.lang}">
<label>${w.metric}<select name="w_metric">${ids.map((id) => opt(id, d.labels.get(id) ?? id, id === choice.metric))}</select></label>
<label>${w.lang}<select name="w_lang">${LANGS.map((l) => opt(l, l, l === choice.lang))}</select></label>
<label>${w.theme}<select name="w_theme">${(["auto", "light", "dark"] as const).map((t) => opt(t, w[t], t === choice.theme))}</select></label>
<button type="submit">${w.update}</button></form>
<div class="embedgrid"><div>
<h3>${w.scriptVariant}</h3><pre id="snip-script">${snip.script}</pre><button type="button" data-copy="snip-script" data-done="${w.copied}">${w.copy}</button>
<h3>${w.iframeVariant}</h3><pre id="snip-iframe">${snip.iframe}</pre><button type="button" data-copy="snip-iframe" data-done="${w.copied}">${w.copy}</button>
</div><div><h3>${w.preview}</h3><iframe id="preview" class="preview" title="${w.preview}" src="/widget/card?metric=${choice.metric}&lang=${choice.lang}${choice.theme === "auto" ? "" : `&theme=${choice.theme}`}"></iframe></div></div>`;
}

/** The whole page. */
export function dashboardPage(d: DashboardData, lang: Lang, origin: string, choice: EmbedChoice, nonce: string): Html {
  const w = DASH[lang];
  const s = d.stats;
  const totals = s
    ? `${Object.values(s.articles ?? {}).reduce((a, b) => a + b, 0)} ${w.articlesCount} · ${s.facts ?? 0} ${w.facts}${s.version ? ` · v${s.version}` : ""}`
    : "";
  return html`<!doctype html>
<html lang="${lang}"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width,initial-scale=1">
<title>${w.title} — newsfacts</title><link rel="icon" href="data:,"><meta name="description" content="${w.tagline}">
${(["observations", "conflicts"] as const).map((k) => html`<link rel="alternate" type="application/atom+xml" title="newsfacts — ${FEED_TITLES[lang][k]}" href="${feedPath(k, lang)}">`)}
<style nonce="${nonce}">${raw(PAGE_CSS + cardCss(".cards", ".cards.dark", ".cards", ".cards"))}</style></head>
<body><header><h1>${w.title}</h1><p>${w.tagline}</p>
<nav aria-label="newsfacts"><span class="langs" role="group" aria-label="${w.language}">${LANGS.map((l) => html`<a href="/?lang=${l}" hreflang="${l}" lang="${l}"${l === lang ? raw(' aria-current="page"') : ""}>${({ vi: "Tiếng Việt", en: "English", id: "Bahasa Indonesia" } as const)[l]}</a>`)}</span>
<a href="/docs">${w.docs}</a><a href="/openapi.json">OpenAPI</a><span>${w.exports}: <a href="/v1/export/observations.csv">observations.csv</a> · <a href="/v1/export/facts.ndjson">facts.ndjson</a></span></nav></header>
<main>
<section id="key" aria-labelledby="h-key"><h2 id="h-key">${w.key}</h2>${headline(d, lang, w)}</section>
<section id="charts" aria-labelledby="h-charts"><h2 id="h-charts">${w.charts}</h2>${d.items.length ? charts(d, lang, w) : html`<p class="muted">${w.empty}</p>`}</section>
${breakdownPanels(d, lang, w)}${planPanel(d, lang, w)}
<section id="articles" aria-labelledby="h-articles"><h2 id="h-articles">${w.articles}</h2>${articleList(d, lang, w)}</section>
<section id="people" aria-labelledby="h-people"><h2 id="h-people">${w.people}</h2>${peopleList(d, w)}</section>
<section id="events" aria-labelledby="h-events"><h2 id="h-events">${w.events}</h2>${eventList(d, lang, w)}</section>
<section id="sources" aria-labelledby="h-sources"><h2 id="h-sources">${w.health}</h2>${sourceTable(d, lang, w)}</section>
<section id="embed" class="embed" aria-labelledby="h-embed"><h2 id="h-embed">${w.embed}</h2>${embedBuilder(d, origin, choice, w)}</section>
</main><footer class="muted">newsfacts · ${totals}</footer>
<script nonce="${nonce}">${raw(EMBED_JS)}</script></body></html>`;
}
