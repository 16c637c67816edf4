/**
 * A total and its slices for one period: the slices added up beside the total, and the remainder the
 * articles leave unattributed. Nothing is forced to add up; slices from several articles may overlap
 * or cover only part of the total, and the remainder says so.
 */
import type { ObservationRow } from "./observation-rows";

export interface BreakdownPick {
  dimension: string | null;
  dimensions: { dimension: string; count: number }[];
  period: { start: string; end: string } | null;
  currency: string;
  total: ObservationRow | null;
  slices: ObservationRow[];
  sum: number | null;
  unexplained: number | null;
}

/** Units whose slices add up to their total (a growth rate or a rank does not). */
const ADDITIVE = new Set(["currency", "count"]);

const countBy = <T>(items: readonly T[], key: (t: T) => string) => {
  const m = new Map<string, number>();
  for (const t of items) m.set(key(t), (m.get(key(t)) ?? 0) + 1);
  return [...m].sort((a, b) => b[1] - a[1] || a[0].localeCompare(b[0]));
};

/**
 * Picks the breakdown of a metric's actual observations (`rows`: totals and slices of one geo).
 * Default dimension: the one with the most slices; default period: the latest with slices along it
 * (the longer one on a tie); default currency: the one most of those slices use.
 *
 * `counted`, when given, are the dimensions with their slice counts over every period (most first),
 * so that `rows` need only hold the wanted period's: the API reads one period's rows
 * (workers/db/breakdown.ts), not every period's.
 */
export function pickBreakdown(
  rows: readonly ObservationRow[],
  want: { dimension?: string; period?: { start: string; end: string }; currency?: string },
  counted?: readonly { dimension: string; count: number }[],
): BreakdownPick {
  const slices = rows.filter((r) => r.part_dimension !== "");
  const dimensions = counted
    ? counted.map(({ dimension, count }) => ({ dimension, count }))
    : countBy(slices, (r) => r.part_dimension).map(([dimension, count]) => ({ dimension, count }));
  const dimension = want.dimension ?? dimensions[0]?.dimension ?? null;
  const along = slices.filter((r) => r.part_dimension === dimension);
  const latest = [...along].sort((a, b) => b.period_end.localeCompare(a.period_end) || a.period_start.localeCompare(b.period_start))[0];
  const period = want.period ?? (latest ? { start: latest.period_start, end: latest.period_end } : null);
  const inPeriod = period ? along.filter((r) => r.period_start === period.start && r.period_end === period.end) : [];
  const currency = want.currency ?? countBy(inPeriod, (r) => r.currency)[0]?.[0] ?? "";
  const chosen = inPeriod
    .filter((r) => r.currency === currency)
    .sort((a, b) => b.value - a.value || a.part_member.localeCompare(b.part_member));
  const total =
    (period &&
      rows.find(
        (r) => r.part_dimension === "" && r.period_start === period.start && r.period_end === period.end && r.currency === currency,
      )) ??
    null;
  const unit = chosen[0]?.unit ?? total?.unit ?? "";
  const sum = chosen.length > 0 && ADDITIVE.has(unit) ? chosen.reduce((s, r) => s + r.value, 0) : null;
  const unexplained = total && sum !== null && total.unit === unit ? total.value - sum : null;
  return { dimension, dimensions, period, currency, total, slices: chosen, sum, unexplained };
}
