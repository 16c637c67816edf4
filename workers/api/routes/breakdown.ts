import { createRoute } from "@hono/zod-openapi";
import type { Schema } from "hono/types";
import { BreakdownOut, BreakdownQuery, MetricPath, problemResponse } from "../../../schema/api";
import { spanOf } from "../../../schema/spans";
import { pickBreakdown } from "../../dataset/breakdown";
import { withSources } from "../../dataset/observation-rows";
import { periodObservations, sliceDimensions } from "../../db/breakdown";
import { createDb } from "../../db/client";
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
    // The dimensions with their counts and latest periods, then one period's rows: never every period's.
    const counted = await sliceDimensions(db, id, q.geo);
    const dimension = q.dimension ?? counted[0]?.dimension ?? null;
    const [start, end = start] = q.period ? q.period.split("..") : [];
    const period = start ? { start, end } : (counted.find((d) => d.dimension === dimension)?.latest ?? null);
    const rows = period ? await periodObservations(db, id, q.geo, period, dimension) : [];
    const pick = pickBreakdown(rows, { dimension: dimension ?? undefined, period: period ?? undefined, currency: q.currency }, counted);
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
