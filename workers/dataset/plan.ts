/**
 * Plan against actual: a metric's targets (and forecasts) met with the actual total of the same
 * period, and the share of the plan the articles state themselves (`<metric>_vs_plan`).
 */
import type { ObservationRow } from "./observation-rows";

export interface PlanPick {
  period_start: string;
  period_end: string;
  currency: string;
  target: ObservationRow | null;
  forecast: ObservationRow | null;
  actual: ObservationRow | null;
  stated: ObservationRow[];
  reached: number | null;
}

/** Units where "actual ÷ target" is a share of a plan; a growth rate 0.5 points short is not "93 % reached". */
const LEVEL_UNITS = new Set(["currency", "count"]);

/**
 * The share of a target reached, in percent with one decimal, or null when the two are not
 * comparable (another unit or currency, a percent or rank metric, a zero target).
 * @example shareReached({ value: 104, unit: "currency", currency: "USD" }, { value: 100, unit: "currency", currency: "USD" }) // 104
 */
export function shareReached(
  actual: Pick<ObservationRow, "value" | "unit" | "currency">,
  target: Pick<ObservationRow, "value" | "unit" | "currency">,
): number | null {
  if (!LEVEL_UNITS.has(actual.unit) || actual.unit !== target.unit || actual.currency !== target.currency) return null;
  if (target.value === 0) return null;
  return Math.round((actual.value / target.value) * 1000) / 10;
}

/**
 * One row per period that has a target, a forecast or a stated share of plan, latest first.
 * `rows` are the metric's observations of every basis (totals only); `stated` its `_vs_plan` ones.
 */
export function planRows(rows: readonly ObservationRow[], stated: readonly ObservationRow[]): PlanPick[] {
  const byKey = new Map<string, PlanPick>();
  const pick = (r: Pick<ObservationRow, "period_start" | "period_end" | "currency">, currency = r.currency): PlanPick => {
    const key = `${r.period_start}|${r.period_end}|${currency}`;
    let p = byKey.get(key);
    if (!p) {
      p = {
        period_start: r.period_start,
        period_end: r.period_end,
        currency,
        target: null,
        forecast: null,
        actual: null,
        stated: [],
        reached: null,
      };
      byKey.set(key, p);
    }
    return p;
  };
  for (const r of rows) if (r.basis === "target") pick(r).target ??= r;
  for (const r of rows) if (r.basis === "forecast") pick(r).forecast ??= r;
  // A stated share has no currency of its own: it joins the plan of its period in whatever currency.
  for (const s of stated) {
    const same = [...byKey.values()].find((p) => p.period_start === s.period_start && p.period_end === s.period_end);
    (same ?? pick(s, "")).stated.push(s);
  }
  for (const p of byKey.values()) {
    p.actual =
      rows.find(
        (r) => r.basis === "actual" && r.period_start === p.period_start && r.period_end === p.period_end && r.currency === p.currency,
      ) ?? null;
    p.reached = p.actual && p.target ? shareReached(p.actual, p.target) : null;
  }
  return [...byKey.values()].sort(planOrder);
}

/**
 * The order of a plan's rows: latest period end first, then the latest start (a half year before the
 * year ending with it), then currency, descending — one direction, as the index the pages walk.
 * Plain code-unit comparison, as SQLite compares text.
 */
export function planOrder(a: PlanPick, b: PlanPick): number {
  const desc = (x: string, y: string) => (x < y ? 1 : x > y ? -1 : 0);
  return desc(a.period_end, b.period_end) || desc(a.period_start, b.period_start) || desc(a.currency, b.currency);
}
