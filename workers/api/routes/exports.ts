import { createRoute, z } from "@hono/zod-openapi";
import { stringify } from "csv-stringify/browser/esm/sync";
import { keysetStream } from "../../dataset/export-stream";
import type { Router } from "../app-type";

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

type CsvRow = Record<(typeof OBSERVATION_CSV_COLUMNS)[number], string | number>;

const csvRoute = createRoute({
  method: "get",
  path: "/v1/export/observations.csv",
  tags: ["exports"],
  summary:
    "Every observation as CSV (streamed) — totals, slices (part_dimension, part_member) and targets (basis) alike; source_urls lists the backing articles, space-separated",
  responses: { 200: { description: "CSV with a header row", content: { "text/csv": { schema: z.string() } } } },
});

const ndjsonRoute = createRoute({
  method: "get",
  path: "/v1/export/facts.ndjson",
  tags: ["exports"],
  summary: "Every fact with its provenance as newline-delimited JSON (streamed)",
  responses: { 200: { description: "One JSON fact a line", content: { "application/x-ndjson": { schema: z.string() } } } },
});

interface FactExportRow {
  id: number;
  article_id: number;
  metric: string;
  value: number;
  unit: string;
  currency: string | null;
  period_start: string | null;
  period_end: string | null;
  geo: string;
  qualifier: string;
  basis: string;
  part_dimension: string | null;
  part_member: string | null;
  sentence: string;
  url: string;
  title: string | null;
  published: string | null;
  lang: string | null;
}

export function registerExports(app: Router): void {
  app.openapi(csvRoute, async function exportObservations(c) {
    const d1 = c.env.DB;
    const body = keysetStream<CsvRow & { id: number }>(
      async (after, limit) =>
        (
          await d1
            .prepare(
              `SELECT o.id, o.metric, o.geo, o.period_start, o.period_end, o.span, o.basis, o.part_dimension, o.part_member, o.value, o.unit, o.currency, o.qualifier, o.status,
                 o.value_min, o.value_max, o.fact_count, o.article_count,
                 (SELECT group_concat(url, ' ') FROM (SELECT DISTINCT a.url FROM facts f JOIN articles a ON a.id = f.article_id
                    WHERE f.metric = o.metric AND f.geo = o.geo AND f.period_start = o.period_start AND f.period_end = o.period_end
                      AND coalesce(f.currency, '') = o.currency AND f.basis = o.basis
                      AND coalesce(f.part_dimension, '') = o.part_dimension AND coalesce(f.part_member, '') = o.part_member
                    ORDER BY a.url)) AS source_urls
               FROM observations o WHERE o.id > ? ORDER BY o.id LIMIT ?`,
            )
            .bind(after, limit)
            .all<CsvRow & { id: number }>()
        ).results,
      (rows) => stringify(rows, { columns: [...OBSERVATION_CSV_COLUMNS] }),
      `${OBSERVATION_CSV_COLUMNS.join(",")}\n`,
    );
    return c.body(body, 200, {
      "content-type": "text/csv; charset=utf-8",
      "content-disposition": 'attachment; filename="observations.csv"',
    });
  });

  app.openapi(ndjsonRoute, async function exportFacts(c) {
    const d1 = c.env.DB;
    const body = keysetStream<FactExportRow>(
      async (after, limit) =>
        (
          await d1
            .prepare(
              `SELECT f.id, f.article_id, f.metric, f.value, f.unit, f.currency, f.period_start, f.period_end, f.geo, f.qualifier,
                 f.basis, f.part_dimension, f.part_member, f.sentence, a.url, a.title, a.published, a.lang
               FROM facts f JOIN articles a ON a.id = f.article_id WHERE f.id > ? ORDER BY f.id LIMIT ?`,
            )
            .bind(after, limit)
            .all<FactExportRow>()
        ).results,
      (rows) =>
        rows
          .map((r) =>
            JSON.stringify({
              id: r.id,
              article_id: r.article_id,
              metric: r.metric,
              value: r.value,
              unit: r.unit,
              currency: r.currency,
              period: r.period_start && r.period_end ? { start: r.period_start, end: r.period_end } : null,
              geo: r.geo,
              qualifier: r.qualifier,
              basis: r.basis,
              part: r.part_dimension && r.part_member ? { dimension: r.part_dimension, member: r.part_member } : null,
              sentence: r.sentence,
              article: { url: r.url, title: r.title, published: r.published, lang: r.lang },
            }),
          )
          .map((line) => `${line}\n`)
          .join(""),
    );
    // zod-openapi types only JSON and text/* bodies; NDJSON is neither, so the typed response is `never`.
    return c.body(body, 200, { "content-type": "application/x-ndjson; charset=utf-8" }) as never;
  });
}
