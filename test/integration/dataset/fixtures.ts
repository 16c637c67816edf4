/** Articles written straight through writeArticle (the consumer's own write path), with facts chosen by the test. */

import { putText } from "../../../workers/archive/texts";
import { createDb } from "../../../workers/db/client";
import type { Extraction, Fact } from "../../../workers/extract";
import { writeArticle } from "../../../workers/ingest/write-article";
import { testEnv as env } from "../test-env";

let seq = 0;

export function fact(over: Partial<Fact> & Pick<Fact, "metric" | "value">): Fact {
  return {
    unit: "currency",
    currency: "USD",
    period: { start: "2024-01", end: "2024-12" },
    geo: "hanoi",
    qualifier: "exact",
    basis: "actual",
    part: null,
    sentence: `The figure was ${over.value}.`,
    ...over,
  };
}

export function extraction(over: Partial<Extraction> = {}): Extraction {
  return {
    url: null,
    lang: "vi",
    title: "Hà Nội: kinh tế",
    published: "2025-01-10",
    author: null,
    canonicalUrl: null,
    text: "Bài viết.",
    facts: [],
    people: [],
    quotes: [],
    events: [],
    countries: [],
    ...over,
  };
}

/** Records an article row and writes the extraction into it; returns the article id. */
export async function writeTestArticle(x: Extraction, url = `https://news.test/a/${++seq}-${Date.now()}`): Promise<number> {
  const row = await env.DB.prepare("INSERT INTO articles (url) VALUES (?) RETURNING id").bind(url).first<{ id: number }>();
  if (!row) throw new Error("insert failed");
  await rewriteTestArticle(row.id, x);
  return row.id;
}

/** Writes a new extraction over an existing article (a re-extraction). */
export async function rewriteTestArticle(id: number, x: Extraction): Promise<void> {
  await writeArticle(createDb(env.DB), id, x, {
    httpStatus: 200,
    finalUrl: `https://news.test/a/${id}`,
    contentHash: `h${seq}`,
    extractorVersion: "test",
    pageKey: null,
    textKey: await putText(env.ARCHIVE, id, x.text),
  });
}

export interface ObsRow {
  id: number;
  metric: string;
  geo: string;
  period_start: string;
  period_end: string;
  currency: string;
  basis: string;
  part_dimension: string;
  part_member: string;
  span: string;
  value: number;
  status: string;
  fact_count: number;
  article_count: number;
  qualifiers: string;
}

export async function observationsFor(geo: string): Promise<ObsRow[]> {
  const { results } = await env.DB.prepare("SELECT * FROM observations WHERE geo = ? ORDER BY metric, period_start, currency")
    .bind(geo)
    .all<ObsRow>();
  return results;
}
