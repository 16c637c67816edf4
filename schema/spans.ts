/**
 * Span kinds: what stretch of time an observation's period covers. A series holds one kind only,
 * because a nine-month figure drawn on a line of full years reads as a fall. Pure and dependency
 * free: the dataset computes the kind in SQL (`spanSql`), the widgets label periods with it.
 */

export const SPAN_KINDS = ["month", "quarter", "half", "ytd", "year", "multi_year", "point", "other"] as const;
export type SpanKind = (typeof SPAN_KINDS)[number];

/**
 * Metrics that count what exists at a moment (missions, partner cities): their period is the date
 * they were counted at, not a stretch of activity.
 */
export const STOCK_METRICS: readonly string[] = ["diplomatic_missions", "partner_cities", "trading_partners"];

const monthIndex = (ym: string) => Number(ym.slice(0, 4)) * 12 + Number(ym.slice(5, 7)) - 1;

/**
 * The span kind of a period (YYYY-MM months, both ends included).
 * - `month`, `quarter` (Jan–Mar, Apr–Jun, …), `half` (Jan–Jun, Jul–Dec), `year` (Jan–Dec);
 * - `ytd`: January to month N, N not 3, 6 or 12 ("9 tháng đầu năm");
 * - `multi_year`: a period across calendar years (an average over 2021–2025, a plan's five years);
 * - `point`: a stock metric, counted at a date;
 * - `other`: any other stretch inside one year (March to May).
 *
 * @example spanOf("2024-01", "2024-09") // "ytd"
 * @example spanOf("2024-07", "2024-09") // "quarter"
 */
export function spanOf(start: string, end: string, metric = ""): SpanKind {
  if (STOCK_METRICS.includes(metric)) return "point";
  if (start.slice(0, 4) !== end.slice(0, 4)) return "multi_year";
  const first = Number(start.slice(5, 7));
  const months = monthIndex(end) - monthIndex(start) + 1;
  if (months === 1) return "month";
  if (months === 12) return "year";
  if (months === 3 && first % 3 === 1) return "quarter";
  if (months === 6 && first % 6 === 1) return "half";
  if (first === 1) return "ytd";
  return "other";
}

/**
 * The SQL twin of `spanOf` over columns (or expressions) holding the metric and the period's ends;
 * the two are tested against each other on every pair of months.
 */
export function spanSql(metric: string, start: string, end: string): string {
  const first = `CAST(substr(${start}, 6, 2) AS INTEGER)`;
  const months = `((CAST(substr(${end}, 1, 4) AS INTEGER) * 12 + CAST(substr(${end}, 6, 2) AS INTEGER)) - (CAST(substr(${start}, 1, 4) AS INTEGER) * 12 + ${first}) + 1)`;
  const stocks = STOCK_METRICS.map((m) => `'${m}'`).join(", ");
  return `(CASE
    WHEN ${metric} IN (${stocks}) THEN 'point'
    WHEN substr(${start}, 1, 4) <> substr(${end}, 1, 4) THEN 'multi_year'
    WHEN ${months} = 1 THEN 'month'
    WHEN ${months} = 12 THEN 'year'
    WHEN ${months} = 3 AND ${first} % 3 = 1 THEN 'quarter'
    WHEN ${months} = 6 AND ${first} % 6 = 1 THEN 'half'
    WHEN ${first} = 1 THEN 'ytd'
    ELSE 'other' END)`;
}
