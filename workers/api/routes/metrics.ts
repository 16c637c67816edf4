import { createRoute, z } from "@hono/zod-openapi";
import type { Schema } from "hono/types";
import { LangQuery, MetricOut, MetricPath, problemResponse, SeriesOut, SeriesQuery } from "../../../schema/api";
import type { SpanKind } from "../../../schema/spans";
import { METRICS } from "../../dataset/metrics";
import { type ObservationRow, withSources } from "../../dataset/observation-rows";
import { createDb } from "../../db/client";
import { countsByMetric } from "../../db/counts";
import { seriesObservations } from "../../db/observations";
import type { ApiApp } from "../app-type";
import { requireMetric } from "./bad-param";
import { PUBLIC, RATE_LIMITED } from "./responses";

const catalogRoute = createRoute({
  method: "get",
  path: "/v1/metrics",
  operationId: "listMetrics",
  tags: ["dataset"],
  security: PUBLIC,
  summary: "The metric catalog, labelled in vi/en/id, with fact, observation and conflict counts",
  request: { query: LangQuery },
  responses: {
    200: { description: "Every metric", content: { "application/json": { schema: z.object({ items: z.array(MetricOut) }) } } },
    400: problemResponse("Bad parameter"),
    ...RATE_LIMITED,
  },
});

const seriesRoute = createRoute({
  method: "get",
  path: "/v1/metrics/{id}/series",
  operationId: "getMetricSeries",
  tags: ["dataset"],
  security: PUBLIC,
  summary:
    "A metric's actual totals for one geo, by period, one span kind at a time (a series never mixes a nine-month figure with full years); conflicts included and marked",
  request: { params: MetricPath, query: SeriesQuery },
  responses: {
    200: { description: "The series", content: { "application/json": { schema: SeriesOut } } },
    400: problemResponse("Bad parameter"),
    404: problemResponse("Unknown metric"),
    ...RATE_LIMITED,
  },
});

export function registerMetrics<S extends Schema>(app: ApiApp<S>) {
  return app
    .openapi(catalogRoute, async function listMetrics(c) {
      const { lang } = c.req.valid("query");
      const db = createDb(c.env.DB);
      const counts = new Map((await countsByMetric(db)).map((r) => [r.metric, r]));
      const items = METRICS.map((m) => ({
        id: m.id,
        unit: m.unit,
        label: m.labels[lang],
        labels: m.labels,
        fact_count: counts.get(m.id)?.facts ?? 0,
        observation_count: counts.get(m.id)?.observations ?? 0,
        conflict_count: counts.get(m.id)?.conflicts ?? 0,
      }));
      return c.json({ items }, 200);
    })
    .openapi(seriesRoute, async function metricSeries(c) {
      const { id } = c.req.valid("param");
      const { geo, lang, currency, span } = c.req.valid("query");
      const m = requireMetric(id);
      const db = createDb(c.env.DB);
      const results = await seriesObservations(db, id, geo);
      const chosen = currency ?? mostUsedCurrency(results);
      const inCurrency = results.filter((r) => r.currency === (chosen ?? ""));
      const spans = spanCounts(inCurrency);
      const kind = span ?? spans[0]?.span ?? null;
      const points = inCurrency.filter((r) => r.span === kind);
      return c.json(
        {
          metric: id,
          label: m.labels[lang],
          unit: m.unit,
          currency: chosen,
          geo,
          span: kind,
          spans,
          points: await withSources(db, points),
        },
        200,
      );
    });
}

/**
 * The span kinds of a metric's observations with their counts, most observations first; on a tie the
 * longer span first (a year over a quarter), as the reader's default line.
 */
export function spanCounts(rows: Pick<ObservationRow, "span">[]): { span: SpanKind; count: number }[] {
  const counts = new Map<SpanKind, number>();
  for (const r of rows) counts.set(r.span, (counts.get(r.span) ?? 0) + 1);
  const order: readonly SpanKind[] = ["year", "ytd", "half", "quarter", "month", "multi_year", "point", "other"];
  return [...counts]
    .map(([span, count]) => ({ span, count }))
    .sort((a, b) => b.count - a.count || order.indexOf(a.span) - order.indexOf(b.span));
}

/** A currency metric's points all in one currency: the one most observations use (null for other units). */
export function mostUsedCurrency(rows: Pick<ObservationRow, "currency">[]): string | null {
  const counts = new Map<string, number>();
  for (const r of rows) counts.set(r.currency, (counts.get(r.currency) ?? 0) + 1);
  let best: string | null = null;
  let bestN = 0;
  for (const [cur, n] of counts)
    if (n > bestN) {
      best = cur;
      bestN = n;
    }
  return best || null;
}
