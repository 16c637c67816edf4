/**
 * Reading observations with their sources: the rows as workers/db/observations.ts reads them, and the JSON shape of
 * docs/api-contract.md. A source is one article backing the figure (one per article and value,
 * so a figure repeated in one article is one source, a different value in the same article another).
 */

import type { SpanKind } from "../../schema/spans";
import type { Db } from "../db/client";
import { sourceRows } from "../db/observations";

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

/** Ids per IN (…) list: D1 binds at most 100 parameters a statement. */
const IDS_PER_QUERY = 90;

/** The sources of each observation, by observation id: one query per 90 observations. */
export async function loadSources(db: Db, ids: number[]): Promise<Map<number, SourceRef[]>> {
  const out = new Map<number, SourceRef[]>();
  for (let i = 0; i < ids.length; i += IDS_PER_QUERY) {
    const results = await sourceRows(db, ids.slice(i, i + IDS_PER_QUERY));
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
export async function withSources(db: Db, rows: ObservationRow[]): Promise<ObservationJson[]> {
  const sources = await loadSources(
    db,
    rows.map((r) => r.id),
  );
  return rows.map((r) => observationJson(r, sources.get(r.id) ?? []));
}
