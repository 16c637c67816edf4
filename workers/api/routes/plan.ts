import { createRoute } from "@hono/zod-openapi";
import type { Schema } from "hono/types";
import { MetricPath, PlanOut, PlanQuery, problemResponse } from "../../../schema/api";
import { spanOf } from "../../../schema/spans";
import { metricInfo } from "../../dataset/metrics";
import { type ObservationRow, withSources } from "../../dataset/observation-rows";
import { planRows } from "../../dataset/plan";
import { createDb } from "../../db/client";
import { actualsFor, type PlanCursor, planCandidates } from "../../db/observations";
import type { ApiApp } from "../app-type";
import { decodeKeyCursor, encodeKeyCursor } from "../cursor";
import { badParam, requireMetric } from "./bad-param";
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
    200: {
      description: "Targets met with actuals, latest period first, a page of periods at a time",
      content: { "application/json": { schema: PlanOut } },
    },
    400: problemResponse("Bad parameter"),
    404: problemResponse("Unknown metric"),
    ...RATE_LIMITED,
  },
});

/** A cursor names the last period of a page: its end, its start and its currency ("" for none). */
function encodePlanCursor(c: PlanCursor): string {
  return encodeKeyCursor(JSON.stringify([c.end, c.start, c.currency]));
}

function decodePlanCursor(cursor: string): PlanCursor | null {
  try {
    const v: unknown = JSON.parse(decodeKeyCursor(cursor) ?? "");
    if (Array.isArray(v) && v.length === 3 && v.every((x) => typeof x === "string")) return { end: v[0], start: v[1], currency: v[2] };
  } catch {}
  return null;
}

/** Periods a statement asks actuals for (three bound values each, under D1's 100). */
const ACTUALS_PER_QUERY = 30;

export function registerPlan<S extends Schema>(app: ApiApp<S>) {
  return app.openapi(route, async function metricPlan(c) {
    const { id } = c.req.valid("param");
    const { geo, lang, limit, cursor } = c.req.valid("query");
    const m = requireMetric(id);
    const after = cursor ? decodePlanCursor(cursor) : null;
    if (cursor && after === null) return badParam(c, "cursor", "not a cursor this API issued");
    // "budget_revenue_vs_plan": the share of the plan an article states for the metric, when the catalog has one.
    const statedId = metricInfo(`${id}_vs_plan`) ? `${id}_vs_plan` : null;
    const db = createDb(c.env.DB);
    // One more row of each kind than the page holds: enough to know the page's periods and whether more follow.
    const { planned, stated } = await planCandidates(db, geo, id, statedId, after, limit + 1);
    const keys = [...new Map(planned.map((r) => [`${r.period_start}|${r.period_end}|${r.currency}`, r])).values()].map((r) => ({
      start: r.period_start,
      end: r.period_end,
      currency: r.currency,
    }));
    const actuals: ObservationRow[] = [];
    for (let i = 0; i < keys.length; i += ACTUALS_PER_QUERY)
      actuals.push(...(await actualsFor(db, geo, id, keys.slice(i, i + ACTUALS_PER_QUERY))));
    const all = planRows([...planned, ...actuals], stated);
    const picks = all.slice(0, limit);
    const last = picks.at(-1);
    const next =
      all.length > limit && last ? encodePlanCursor({ end: last.period_end, start: last.period_start, currency: last.currency }) : null;
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
    return c.json({ metric: id, label: m.labels[lang], unit: m.unit, geo, items, next_cursor: next }, 200);
  });
}
