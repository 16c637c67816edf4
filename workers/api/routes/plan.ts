import { createRoute } from "@hono/zod-openapi";
import type { Schema } from "hono/types";
import { MetricPath, PlanOut, PlanQuery, problemResponse } from "../../../schema/api";
import { spanOf } from "../../../schema/spans";
import { metricInfo } from "../../dataset/metrics";
import { type ObservationRow, withSources } from "../../dataset/observation-rows";
import { planRows } from "../../dataset/plan";
import { createDb } from "../../db/client";
import { planObservations } from "../../db/observations";
import type { ApiApp } from "../app-type";
import { requireMetric } from "./bad-param";
import { PUBLIC, RATE_LIMITED } from "./responses";

const route = createRoute({
  method: "get",
  path: "/v1/metrics/{id}/plan",
  operationId: "getMetricPlan",
  tags: ["dataset"],
  security: PUBLIC,
  summary:
    "Plan against actual: per period with a target, the target, the actual of the same period and the share reached, beside the shares of plan the articles state",
  request: { params: MetricPath, query: PlanQuery },
  responses: {
    200: { description: "Targets met with actuals, latest period first", content: { "application/json": { schema: PlanOut } } },
    400: problemResponse("Bad parameter"),
    404: problemResponse("Unknown metric"),
    ...RATE_LIMITED,
  },
});

export function registerPlan<S extends Schema>(app: ApiApp<S>) {
  return app.openapi(route, async function metricPlan(c) {
    const { id } = c.req.valid("param");
    const { geo, lang } = c.req.valid("query");
    const m = requireMetric(id);
    // "budget_revenue_vs_plan": the share of the plan an article states for the metric, when the catalog has one.
    const statedId = metricInfo(`${id}_vs_plan`) ? `${id}_vs_plan` : null;
    const db = createDb(c.env.DB);
    const results = await planObservations(db, geo, id, statedId ?? id);
    const own = results.filter((r) => r.metric === id);
    const stated = results.filter((r) => r.metric === statedId);
    const picks = planRows(own, stated);
    const used = picks.flatMap((p) => [p.target, p.forecast, p.actual, ...p.stated].filter((r): r is ObservationRow => r !== null));
    const full = new Map((await withSources(db, used)).map((o) => [o.id, o]));
    const out = (r: ObservationRow | null) => (r ? (full.get(r.id) ?? null) : null);
    const items = picks.map((p) => ({
      period: { start: p.period_start, end: p.period_end },
      span: spanOf(p.period_start, p.period_end, id),
      currency: p.currency || null,
      target: out(p.target),
      forecast: out(p.forecast),
      actual: out(p.actual),
      reached: p.reached,
      stated: p.stated.map(out).filter((o) => o !== null),
    }));
    return c.json({ metric: id, label: m.labels[lang], unit: m.unit, geo, items }, 200);
  });
}
