import { createRoute, z } from "@hono/zod-openapi";
import { stringify } from "csv-stringify/browser/esm/sync";
import { asc, eq, gt } from "drizzle-orm";
import type { Schema } from "hono/types";
import { articles, facts } from "../../../schema/tables";
import { keysetStream } from "../../dataset/export-stream";
import { createDb, type Db } from "../../db/client";
import { type ObservationExportRow, observationExportPage } from "../../db/observations";
import type { ApiApp } from "../app-type";
import { factOut } from "../fact-json";
import { PUBLIC, RATE_LIMITED } from "./responses";

/** The observation columns of the CSV, in order (sources are summarized: their count and article URLs). */
export const OBSERVATION_CSV_COLUMNS = [
  "id",
  "metric",
  "geo",
  "period_start",
  "period_end",
  "span",
  "basis",
  "part_dimension",
  "part_member",
  "value",
  "unit",
  "currency",
  "qualifier",
  "status",
  "value_min",
  "value_max",
  "fact_count",
  "article_count",
  "source_urls",
] as const;

/**
 * Observations a CSV page reads: a row carries up to EXPORT_SOURCE_URLS URLs (kilobytes), so pages
 * are smaller than the facts export's, to keep the memory an export holds at about one part.
 */
const CSV_PAGE_ROWS = 100;

const csvRoute = createRoute({
  method: "get",
  path: "/v1/export/observations.csv",
  operationId: "exportObservations",
  tags: ["exports"],
  summary:
    "Every observation as CSV (streamed) — totals, slices (part_dimension, part_member) and targets (basis) alike; source_urls lists the backing articles, newest first and space-separated (the newest 100 of article_count)",
  security: PUBLIC,
  responses: { 200: { description: "CSV with a header row", content: { "text/csv": { schema: z.string() } } }, ...RATE_LIMITED },
});

const ndjsonRoute = createRoute({
  method: "get",
  path: "/v1/export/facts.ndjson",
  operationId: "exportFacts",
  tags: ["exports"],
  summary: "Every fact with its provenance as newline-delimited JSON (streamed)",
  security: PUBLIC,
  responses: { 200: { description: "One JSON fact a line", content: { "application/x-ndjson": { schema: z.string() } } }, ...RATE_LIMITED },
});

/** The facts after `afterId` with their articles, by id, `limit` at most. */
function factExportPage(db: Db, afterId: number, limit: number) {
  return db
    .select({
      id: facts.id,
      articleId: facts.articleId,
      metric: facts.metric,
      value: facts.value,
      unit: facts.unit,
      currency: facts.currency,
      periodStart: facts.periodStart,
      periodEnd: facts.periodEnd,
      geo: facts.geo,
      qualifier: facts.qualifier,
      basis: facts.basis,
      partDimension: facts.partDimension,
      partMember: facts.partMember,
      sentence: facts.sentence,
      article: { url: articles.url, title: articles.title, published: articles.published, lang: articles.lang },
    })
    .from(facts)
    .innerJoin(articles, eq(articles.id, facts.articleId))
    .where(gt(facts.id, afterId))
    .orderBy(asc(facts.id))
    .limit(limit)
    .all();
}

type FactExportRow = Awaited<ReturnType<typeof factExportPage>>[number];

/** One NDJSON line per fact, with its provenance. */
function factLines(rows: FactExportRow[]): string {
  return rows
    .map((f) => JSON.stringify(factOut(f, f.article)))
    .map((line) => `${line}\n`)
    .join("");
}

export function registerExports<S extends Schema>(app: ApiApp<S>) {
  return app
    .openapi(csvRoute, async function exportObservations(c) {
      const db = createDb(c.env.DB);
      const body = keysetStream<ObservationExportRow>(
        (after, limit) => observationExportPage(db, after, limit),
        (rows) => stringify(rows, { columns: [...OBSERVATION_CSV_COLUMNS] }),
        `${OBSERVATION_CSV_COLUMNS.join(",")}\n`,
        CSV_PAGE_ROWS,
      );
      return c.body(body, 200, {
        "content-type": "text/csv; charset=utf-8",
        "content-disposition": 'attachment; filename="observations.csv"',
      });
    })
    .openapi(ndjsonRoute, async function exportFacts(c) {
      const db = createDb(c.env.DB);
      const body = keysetStream((after, limit) => factExportPage(db, after, limit), factLines);
      // zod-openapi types only JSON and text/* bodies; NDJSON is neither, so the typed response is `never`.
      return c.body(body, 200, { "content-type": "application/x-ndjson; charset=utf-8" }) as never;
    });
}
