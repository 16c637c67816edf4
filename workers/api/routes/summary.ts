import { createRoute } from "@hono/zod-openapi";
import type { Schema } from "hono/types";
import { problemResponse, SummaryOut, SummaryQuery } from "../../../schema/api";
import { KEY_METRICS, metricInfo } from "../../dataset/metrics";
import { type ObservationRow, withSources } from "../../dataset/observation-rows";
import { shareReached } from "../../dataset/plan";
import { createDb } from "../../db/client";
import { readVersion } from "../../db/dataset-version";
import { recentActualTotals, totalsWithKeys } from "../../db/observations";
import type { ApiApp } from "../app-type";
import { requireMetric } from "./bad-param";
import { mostUsedCurrency } from "./metrics";
import { PUBLIC, RATE_LIMITED } from "./responses";

const route = createRoute({
  method: "get",
  path: "/v1/summary",
  operationId: "getSummary",
  tags: ["dataset"],
  security: PUBLIC,
  summary: "Headline figures: per metric, the latest observation, the previous one of the same period length, and the change",
  request: { query: SummaryQuery },
  responses: {
    200: { description: "The summary", content: { "application/json": { schema: SummaryOut } } },
    400: problemResponse("Bad parameter"),
    404: problemResponse("Unknown metric"),
    ...RATE_LIMITED,
  },
});

/**
 * Actual totals read per metric, latest first: enough for the latest figure, the previous one of the
 * same span kind and length (a year back holds under 60 figures of every kind), and the currency
 * most of them use.
 */
const RECENT_PER_METRIC = 60;

/**
 * Latest: the latest period end, the longer period on a tie; previous: the one before it of the same
 * span kind and length (nine months against nine months, a year against a year).
 */
export function latestAndPrevious(rows: ObservationRow[]): { latest: ObservationRow; previous: ObservationRow | null } | null {
  if (rows.length === 0) return null;
  const sorted = [...rows].sort((a, b) => b.period_end.localeCompare(a.period_end) || b.months - a.months || a.id - b.id);
  const latest = sorted[0];
  const previous = sorted.find((r) => r.span === latest.span && r.months === latest.months && r.period_end < latest.period_start) ?? null;
  return { latest, previous };
}

export function registerSummary<S extends Schema>(app: ApiApp<S>) {
  return app.openapi(route, async function summary(c) {
    const { lang, geo, metrics } = c.req.valid("query");
    const wanted = metrics ? metrics.split(",") : [...KEY_METRICS];
    const unknown = wanted.find((id) => !metricInfo(id));
    if (unknown) requireMetric(unknown);
    const db = createDb(c.env.DB);
    // The latest figures of each metric only: a summary's cost does not grow with the years of data.
    const [version, recent] = await Promise.all([readVersion(c.env.DB), recentActualTotals(db, geo, wanted, RECENT_PER_METRIC)]);
    const chosen = wanted.flatMap((id) => {
      const rows = recent.filter((r) => r.metric === id);
      const currency = mostUsedCurrency(rows) ?? "";
      const pick = latestAndPrevious(rows.filter((r) => r.currency === currency));
      return pick ? [{ id, ...pick }] : [];
    });
    const targets = await totalsWithKeys(
      db,
      geo,
      "target",
      chosen.map((p) => ({ metric: p.id, start: p.latest.period_start, end: p.latest.period_end, currency: p.latest.currency })),
    );
    const picks = chosen.map((p) => ({
      ...p,
      target:
        targets.find(
          (t) =>
            t.metric === p.id &&
            t.period_start === p.latest.period_start &&
            t.period_end === p.latest.period_end &&
            t.currency === p.latest.currency,
        ) ?? null,
    }));
    const full = await withSources(
      db,
      picks.flatMap((p) => [p.latest, p.previous, p.target].filter((r): r is ObservationRow => r !== null)),
    );
    const byId = new Map(full.map((o) => [o.id, o]));
    const items = picks.map((p) => {
      const info = metricInfo(p.id);
      const latest = byId.get(p.latest.id);
      const previous = p.previous ? (byId.get(p.previous.id) ?? null) : null;
      if (!info || !latest) throw new Error("summary: observation vanished");
      const change = previous
        ? {
            abs: latest.value - previous.value,
            pct: previous.value !== 0 ? Math.round(((latest.value - previous.value) / Math.abs(previous.value)) * 1000) / 10 : null,
          }
        : null;
      const target = p.target ? byId.get(p.target.id) : undefined;
      const plan = target && p.target ? { target, reached: shareReached(p.latest, p.target) } : null;
      return { metric: p.id, label: info.labels[lang], unit: latest.unit, currency: latest.currency, geo, latest, previous, change, plan };
    });
    return c.json({ version, lang, geo, items }, 200);
  });
}
