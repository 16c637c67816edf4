/**
 * Reading observations with their sources: the rows as D1 returns them, and the JSON shape of
 * docs/api-contract.md. A source is one article backing the figure (one per article and value,
 * so a figure repeated in one article is one source, a different value in the same article another).
 */

import type { SpanKind } from "../../schema/spans";

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

export const OBSERVATION_COLUMNS =
  "id, metric, geo, period_start, period_end, currency, basis, part_dimension, part_member, span, unit, value, value_min, value_max, qualifier, qualifiers, status, fact_count, article_count, months";

/** Observations of totals that happened: what a series, a summary or a default listing shows. */
export const ACTUAL_TOTALS = "basis = 'actual' AND part_dimension = ''";

/** Ids per IN (…) list: D1 binds at most 100 parameters a statement. */
const IDS_PER_QUERY = 90;

interface SourceRow extends SourceRef {
  oid: number;
}

/** The sources of each observation, by observation id: one query per 90 observations. */
export async function loadSources(d1: D1Database, ids: number[]): Promise<Map<number, SourceRef[]>> {
  const out = new Map<number, SourceRef[]>();
  for (let i = 0; i < ids.length; i += IDS_PER_QUERY) {
    const chunk = ids.slice(i, i + IDS_PER_QUERY);
    const { results } = await d1
      .prepare(
        `SELECT o.id AS oid, f.article_id, a.url, a.title, a.published, a.lang, f.sentence, f.value, f.qualifier
         FROM observations o
         JOIN facts f ON f.metric = o.metric AND f.geo = o.geo AND f.period_start = o.period_start
           AND f.period_end = o.period_end AND coalesce(f.currency, '') = o.currency
           AND f.basis = o.basis AND coalesce(f.part_dimension, '') = o.part_dimension
           AND coalesce(f.part_member, '') = o.part_member
         JOIN articles a ON a.id = f.article_id
         WHERE o.id IN (${chunk.map(() => "?").join(",")})
         ORDER BY o.id, a.published IS NULL, a.published, f.article_id, f.id`,
      )
      .bind(...chunk)
      .all<SourceRow>();
    for (const r of results) {
      const list = out.get(r.oid) ?? [];
      if (!list.some((s) => s.article_id === r.article_id && s.value === r.value)) {
        const { oid: _oid, ...ref } = r;
        list.push(ref);
      }
      out.set(r.oid, list);
    }
  }
  return out;
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
    values: [...new Set(sources.map((s) => s.value))].sort((a, b) => a - b),
    fact_count: o.fact_count,
    source_count: sources.length,
    sources,
  };
}

/** Rows with their sources attached, in the rows' order. */
export async function withSources(d1: D1Database, rows: ObservationRow[]): Promise<ObservationJson[]> {
  const sources = await loadSources(
    d1,
    rows.map((r) => r.id),
  );
  return rows.map((r) => observationJson(r, sources.get(r.id) ?? []));
}
