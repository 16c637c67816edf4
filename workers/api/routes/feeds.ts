/**
 * GET /v1/feeds/observations.atom and /v1/feeds/conflicts.atom — Atom feeds (RFC 4287) of the newest
 * observations and of the conflicts, in vi, en or id, optionally for one metric. Which observations
 * and in what order: dataset/feeds.ts; the XML: ../atom.ts; the words: widget/format.ts, as on the
 * widgets. Cached by dataset version like the JSON routes (dataset/http-cache.ts lists the paths).
 */
import { createRoute, z } from "@hono/zod-openapi";
import type { Context } from "hono";
import type { Schema } from "hono/types";
import { problemResponse } from "../../../schema/api";
import { FeedQuery } from "../../../schema/feeds";
import { type FeedEntry, type FeedKind, feedEntries, feedUpdated } from "../../dataset/feeds";
import { type Lang, metricInfo } from "../../dataset/metrics";
import { createDb } from "../../db/client";
import { formatDate, formatPeriod, formatValue, qualifierWord, WORDS } from "../../widget/format";
import { DASH, FEED_TITLES } from "../../widget/words";
import type { ApiApp, ApiEnv } from "../app-type";
import { ATOM_CONTENT_TYPE, type AtomEntry, atomXml, htmlText } from "../atom";
import { requireMetric } from "./bad-param";
import { PUBLIC, RATE_LIMITED } from "./responses";

/** The tagging entity of every id (RFC 4151): the project's name and the year it started minting them. */
const TAG = "tag:newsfacts,2026:";
const AUTHOR = "newsfacts";
/** The geo the dataset is about; others are named in titles. */
const HOME_GEO = "hanoi";

/** Words of the entries beside those the widgets use (WORDS). */
const VALUES = { vi: "Các giá trị", en: "Values", id: "Nilai" } as const satisfies Record<Lang, string>;

const feedRoute = (kind: FeedKind) =>
  createRoute({
    method: "get",
    path: `/v1/feeds/${kind}.atom`,
    operationId: kind === "observations" ? "observationsFeed" : "conflictsFeed",
    tags: ["feeds"],
    security: PUBLIC,
    summary:
      kind === "observations"
        ? "Atom feed of the newest observations (actual totals), each naming its sources, in the reader's language"
        : "Atom feed of the conflicts: observations whose sources report different values, each value with its sources",
    description:
      "The 50 observations whose newest source was written last, newest first; `updated` is that write. Entry ids are tag: URIs " +
      "built from the observation's key and the language, so they stay the same while the observation changes. Titles give the " +
      "metric's label, the period and the value as the language writes them. Cached by dataset version (ETag, max-age=60).",
    request: { query: FeedQuery },
    responses: {
      200: { description: "The feed, an Atom 1.0 document", content: { "application/atom+xml": { schema: z.string() } } },
      400: problemResponse("Bad parameter (lang, or a malformed metric id)"),
      404: problemResponse("Unknown metric"),
      ...RATE_LIMITED,
    },
  });

/** The key of an observation as an id path: every part, "-" for an empty one. */
function keyPath(o: FeedEntry["observation"]): string {
  return [o.metric, o.geo, o.period_start, o.period_end, o.currency, o.basis, o.part_dimension, o.part_member]
    .map((p) => encodeURIComponent(p || "-"))
    .join("/");
}

/** The values the sources give, as the language writes them: one, or each distinct one for a conflict. */
function valueText(e: FeedEntry, lang: Lang): string {
  const o = e.observation;
  const fmt = (v: number) => formatValue(v, o.unit, o.currency || null, lang);
  if (o.status === "conflict") {
    const values = [...new Set(e.sources.map((s) => s.value))].sort((a, b) => a - b);
    return (values.length > 1 ? values : [o.value_min, o.value_max]).map(fmt).join(" / ");
  }
  const q = qualifierWord(o.qualifier, lang);
  return q ? `${q} ${fmt(o.value)}` : fmt(o.value);
}

function entryOf(e: FeedEntry, lang: Lang, origin: string): AtomEntry {
  const o = e.observation;
  const label = metricInfo(o.metric)?.labels[lang] ?? o.metric;
  const period = formatPeriod({ start: o.period_start, end: o.period_end }, lang);
  const where = o.geo === HOME_GEO ? "" : ` (${o.geo})`;
  const value = valueText(e, lang);
  const disagree = o.status === "conflict" ? ` — ${WORDS[lang].conflict}` : "";
  const title = `${label}, ${period}${where}: ${value}${disagree}`;
  const names = e.sources.map((s) => s.title?.trim() || s.url);
  // The observation in the JSON API: the periods of its span kind that overlap its own, which for a month,
  // quarter, half or year is that period alone (a ytd figure comes with the year's other ytd figures).
  const api = new URL("/v1/observations", origin);
  for (const [k, v] of [
    ["metric", o.metric],
    ["geo", o.geo],
    ["from", o.period_start],
    ["to", o.period_end],
    ["span", o.span],
  ])
    api.searchParams.set(k, v);
  const sourceItems = e.sources.map((s) => {
    const name = htmlText(s.title?.trim() || s.url);
    const linked = /^https?:\/\//i.test(s.url) ? `<a href="${htmlText(s.url)}">${name}</a>` : name;
    const when = formatDate(s.published, lang);
    const said = formatValue(s.value, o.unit, o.currency || null, lang);
    return `<li>${linked}${when ? ` · ${htmlText(when)}` : ""} · <strong>${htmlText(said)}</strong>${s.sentence ? `<br><q>${htmlText(s.sentence)}</q>` : ""}</li>`;
  });
  const html = [
    `<p><strong>${htmlText(label)}</strong> · ${htmlText(period)} · ${htmlText(o.geo)}: <strong>${htmlText(value)}</strong></p>`,
    o.status === "conflict" ? `<p>${htmlText(WORDS[lang].conflict)}. ${htmlText(VALUES[lang])}: ${htmlText(value)}</p>` : "",
    `<p>${htmlText(WORDS[lang].sources)}:</p>`,
    `<ul>${sourceItems.join("")}</ul>`,
  ].join("");
  return {
    id: `${TAG}observation/${lang}/${keyPath(o)}`,
    title,
    updated: e.updated,
    authors: [AUTHOR],
    links: [{ rel: "alternate", type: "application/json", href: api.toString() }],
    categories: [{ term: o.metric, label }, ...(o.status === "conflict" ? [{ term: "conflict", label: WORDS[lang].conflict }] : [])],
    summary: `${value}${disagree}. ${WORDS[lang].sources}: ${names.join("; ")}`,
    contentHtml: html,
  };
}

/** The feed of `kind` for one request. */
async function serveFeed(c: Context<ApiEnv>, kind: FeedKind, lang: Lang, metric: string | undefined): Promise<Response> {
  const info = metric ? requireMetric(metric) : undefined;
  const db = createDb(c.env.DB);
  const entries = await feedEntries(db, kind, metric);
  const url = new URL(c.req.url);
  const xml = atomXml({
    id: `${TAG}feed/${kind}/${lang}${metric ? `/${metric}` : ""}`,
    title: `newsfacts — ${FEED_TITLES[lang][kind]}${info ? `: ${info.labels[lang]}` : ""}`,
    subtitle: DASH[lang].tagline,
    updated: await feedUpdated(db, entries),
    lang,
    links: [
      { rel: "self", type: "application/atom+xml", href: url.toString() },
      { rel: "alternate", type: "text/html", hreflang: lang, href: `${url.origin}/?lang=${lang}` },
    ],
    authors: [AUTHOR],
    generator: { name: "newsfacts", uri: `${url.origin}/docs` },
    entries: entries.map((e) => entryOf(e, lang, url.origin)),
  });
  return c.body(xml, 200, {
    "content-type": ATOM_CONTENT_TYPE,
    // Opened as a page, the document may load nothing and be framed by no one.
    "content-security-policy": "default-src 'none'; frame-ancestors 'none'",
  });
}

const observationsRoute = feedRoute("observations");
const conflictsRoute = feedRoute("conflicts");

export function registerFeeds<S extends Schema>(app: ApiApp<S>) {
  // zod-openapi types only JSON and text/* bodies; Atom is neither, so the typed responses are `never`.
  return app
    .openapi(observationsRoute, async function observationsFeed(c) {
      const { lang, metric } = c.req.valid("query");
      return (await serveFeed(c, "observations", lang, metric)) as never;
    })
    .openapi(conflictsRoute, async function conflictsFeed(c) {
      const { lang, metric } = c.req.valid("query");
      return (await serveFeed(c, "conflicts", lang, metric)) as never;
    });
}
