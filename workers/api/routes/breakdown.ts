import { createRoute } from "@hono/zod-openapi";
import type { Schema } from "hono/types";
import { BreakdownOut, BreakdownQuery, MetricPath, problemResponse } from "../../../schema/api";
import { spanOf } from "../../../schema/spans";
import { pickBreakdown } from "../../dataset/breakdown";
import { withSources } from "../../dataset/observation-rows";
import { createDb } from "../../db/client";
import { actualObservations } from "../../db/observations";
import type { ApiApp } from "../app-type";
import { requireMetric } from "./bad-param";
import { PUBLIC, RATE_LIMITED } from "./responses";

const route = createRoute({
  method: "get",
  path: "/v1/metrics/{id}/breakdown",
  operationId: "getMetricBreakdown",
  tags: ["dataset"],
  security: PUBLIC,
  summary: "A total and its slices for one period (exports by market, FDI by origin), their sum and the unexplained remainder",
  request: { params: MetricPath, query: BreakdownQuery },
  responses: {
    200: { description: "The breakdown", content: { "application/json": { schema: BreakdownOut } } },
    400: problemResponse("Bad parameter"),
    404: problemResponse("Unknown metric"),
    ...RATE_LIMITED,
  },
});

export function registerBreakdown<S extends Schema>(app: ApiApp<S>) {
  return app.openapi(route, async function metricBreakdown(c) {
    const { id } = c.req.valid("param");
    const q = c.req.valid("query");
    const m = requireMetric(id);
    const db = createDb(c.env.DB);
    const results = await actualObservations(db, id, q.geo);
    const [start, end = start] = q.period ? q.period.split("..") : [];
    const pick = pickBreakdown(results, {
      dimension: q.dimension,
      period: start ? { start, end } : undefined,
      currency: q.currency,
    });
    const full = new Map((await withSources(db, pick.total ? [pick.total, ...pick.slices] : pick.slices)).map((o) => [o.id, o]));
    return c.json(
      {
        metric: id,
        label: m.labels[q.lang],
        unit: m.unit,
        geo: q.geo,
        dimension: pick.dimension,
        dimensions: pick.dimensions,
        period: pick.period,
        span: pick.period ? spanOf(pick.period.start, pick.period.end, id) : null,
        currency: pick.currency || null,
        total: pick.total ? (full.get(pick.total.id) ?? null) : null,
        slices: pick.slices.map((s) => full.get(s.id)).filter((o) => o !== undefined),
        sum: pick.sum,
        unexplained: pick.unexplained,
      },
      200,
    );
  });
}
