/**
 * Reading observations with their sources: the rows as workers/db/observations.ts reads them, and the JSON shape of
 * docs/api-contract.md. A source is one article backing the figure (one per article and value,
 * so a figure repeated in one article is one source, a different value in the same article another).
 */

import { SOURCES_LISTED } from "../../schema/api";
import type { SpanKind } from "../../schema/spans";
import type { ArticleCursor } from "../db/articles";
import type { Db } from "../db/client";
import { newestFirst, newestSourceRows, type SourceRow, sourcePage } from "../db/observations";

export interface ObservationRow {
  id: number;
  metric: string;
  geo: string;
  period_start: string;
  period_end: string;
  currency: string;
  basis: "actual" | "target" | "forecast";
  part_dimension: string;
  part_member: string;
  span: SpanKind;
  unit: string;
  value: number;
  value_min: number;
  value_max: number;
  qualifier: string;
  qualifiers: string;
  status: "agreed" | "conflict";
  fact_count: number;
  article_count: number;
  /** Distinct (article, value) pairs: every source, where `sources` lists the newest few. */
  source_count: number;
  /** The distinct values, comma-separated. */
  value_list: string;
  months: number;
}

export interface SourceRef {
  article_id: number;
  url: string;
  title: string | null;
  published: string | null;
  lang: string | null;
  sentence: string;
  value: number;
  qualifier: string;
}

export interface ObservationJson {
  id: number;
  metric: string;
  geo: string;
  period: { start: string; end: string };
  span: SpanKind;
  basis: "actual" | "target" | "forecast";
  part: { dimension: string; member: string } | null;
  value: number;
  unit: string;
  currency: string | null;
  qualifier: string;
  qualifiers: string[];
  status: "agreed" | "conflict";
  values: number[];
  fact_count: number;
  source_count: number;
  sources: SourceRef[];
}

/** Sources listed with an observation: the newest; /v1/observations/{id}/sources pages through all of them. */
export const SOURCES_SHOWN = SOURCES_LISTED;

/** Observations per statement (their ids go as one JSON parameter; this only bounds one answer's size). */
const IDS_PER_QUERY = 200;

/** Source rows as the contract lists them: one per article and value (the newest fact of each), in the rows' order. */
export function distinctSources(rows: SourceRow[]): SourceRef[] {
  const seen = new Set<string>();
  const out: SourceRef[] = [];
  for (const { oid: _oid, fid: _fid, ...ref } of rows) {
    const key = `${ref.article_id} ${ref.value}`;
    if (seen.has(key)) continue;
    seen.add(key);
    out.push(ref);
  }
  return out;
}

/**
 * The newest sources (at most SOURCES_SHOWN) of each observation, by observation id. Twice as many
 * facts are read as are shown, so that an article giving one value in several sentences does not
 * crowd the list; the cost stays bounded by the page, not by how many articles back a figure.
 */
export async function loadSources(db: Db, ids: number[]): Promise<Map<number, SourceRef[]>> {
  const byObservation = new Map<number, SourceRow[]>();
  for (let i = 0; i < ids.length; i += IDS_PER_QUERY) {
    for (const r of await newestSourceRows(db, ids.slice(i, i + IDS_PER_QUERY), SOURCES_SHOWN * 2)) {
      const list = byObservation.get(r.oid) ?? [];
      list.push(r);
      byObservation.set(r.oid, list);
    }
  }
  const out = new Map<number, SourceRef[]>();
  for (const [id, rows] of byObservation) out.set(id, distinctSources(rows.sort(newestFirst)).slice(0, SOURCES_SHOWN));
  return out;
}

/** One page of an observation's sources, whole articles only, and where the next page starts (null: the last page). */
export interface SourcesPage {
  items: SourceRef[];
  next: ArticleCursor | null;
}

/**
 * Up to `limit` sources of one observation, in the order of loadSources, after the article `after`.
 * A page ends at an article's end, so that an article's values are deduplicated on one page and the
 * cursor can name the article; an article is never split, even one with more sources than `limit`.
 */
export async function pageSources(db: Db, observationId: number, after: ArticleCursor | null, limit: number): Promise<SourcesPage> {
  // Facts, not sources, are read: an article can repeat a value, so read more than asked and cut.
  let want = limit * 2 + 8;
  let rows = await sourcePage(db, observationId, after, want);
  let articles = byArticle(rows);
  if (rows.length === want && articles.length === 1) {
    // One article fills the read by itself: read on to its end (no article gives one figure a thousand times).
    want = ARTICLE_FACTS_MAX;
    rows = await sourcePage(db, observationId, after, want);
    articles = byArticle(rows);
  }
  // The last article may go on past what was read: it waits for the next page.
  const complete = rows.length === want && articles.length > 1 ? articles.slice(0, -1) : articles;
  const items: SourceRef[] = [];
  let taken = 0;
  for (const facts of complete) {
    const sources = distinctSources(facts);
    if (taken > 0 && items.length + sources.length > limit) break;
    items.push(...sources);
    taken++;
  }
  const last = complete[taken - 1]?.[0];
  const more = taken < articles.length || rows.length === want;
  return { items, next: more && last ? { published: last.published, articleId: last.article_id } : null };
}

/** Facts read at most for one article's part of a page. */
const ARTICLE_FACTS_MAX = 1000;

/** Consecutive rows of one article, grouped. */
function byArticle(rows: SourceRow[]): SourceRow[][] {
  const out: SourceRow[][] = [];
  for (const r of rows) {
    const last = out.at(-1);
    if (last && last[0].article_id === r.article_id) last.push(r);
    else out.push([r]);
  }
  return out;
}

/** The distinct values of a row's value_list, ascending. */
export function listedValues(valueList: string): number[] {
  return [...new Set(valueList.split(",").filter(Boolean).map(Number))].sort((a, b) => a - b);
}

/** The contract's Observation for a row and its sources. */
export function observationJson(o: ObservationRow, sources: SourceRef[]): ObservationJson {
  return {
    id: o.id,
    metric: o.metric,
    geo: o.geo,
    period: { start: o.period_start, end: o.period_end },
    span: o.span,
    basis: o.basis,
    part: o.part_dimension ? { dimension: o.part_dimension, member: o.part_member } : null,
    value: o.value,
    unit: o.unit,
    currency: o.currency || null,
    qualifier: o.qualifier,
    qualifiers: o.qualifiers.split(",").filter(Boolean),
    status: o.status,
    values: listedValues(o.value_list),
    fact_count: o.fact_count,
    source_count: o.source_count,
    sources,
  };
}

/** Rows with their sources attached, in the rows' order. */
export async function withSources(db: Db, rows: ObservationRow[]): Promise<ObservationJson[]> {
  const sources = await loadSources(
    db,
    rows.map((r) => r.id),
  );
  return rows.map((r) => observationJson(r, sources.get(r.id) ?? []));
}
