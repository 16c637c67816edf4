/**
 * The reads of a breakdown (GET /v1/metrics/{id}/breakdown): a metric's slicing dimensions with
 * their counts and latest periods, then one period's total and slices. Neither reads the metric's
 * other periods, so a breakdown costs the same however many periods the dataset holds:
 * - the dimensions and their slice counts are rows of slice_counts (kept by triggers on
 *   observations), each dimension's latest period two seeks on observations_slices_idx (the latest
 *   end, then the earliest start among the periods ending then: the longer period on a tie);
 * - the period's observations are a range of observations_slices_idx (or of the key index).
 *
 * Raw SQL: the correlated min/max over a derived table and the ObservationRow columns as stored
 * (snake_case), which the dataset modules read.
 */
import { sql } from "drizzle-orm";
import type { ObservationRow } from "../dataset/observation-rows";
import type { Db } from "./client";

/** The columns of an ObservationRow, as the table names them. */
const ROW = sql.raw(
  "id, metric, geo, period_start, period_end, currency, basis, part_dimension, part_member, span, unit, value, value_min, " +
    "value_max, qualifier, qualifiers, status, fact_count, article_count, source_count, value_list, months",
);

export interface SliceDimension {
  dimension: string;
  /** Actual slice observations along it, every period. */
  count: number;
  /** Its latest period with slices: the latest end, the longer period on a tie. */
  latest: { start: string; end: string } | null;
}

/** The dimensions a metric's actual observations in one geo are sliced along: most slices first, then by name. */
export async function sliceDimensions(db: Db, metric: string, geo: string): Promise<SliceDimension[]> {
  const rows = await db.all<{ dimension: string; count: number; latest_start: string | null; latest_end: string | null }>(
    sql`SELECT d.part_dimension AS dimension, d.n AS count, d.latest_end,
        (SELECT min(o.period_start) FROM observations o WHERE o.metric = d.metric AND o.geo = d.geo AND o.basis = 'actual'
          AND o.part_dimension = d.part_dimension AND o.period_end = d.latest_end) AS latest_start
      FROM (SELECT s.metric, s.geo, s.part_dimension, s.n,
          (SELECT max(o.period_end) FROM observations o WHERE o.metric = s.metric AND o.geo = s.geo AND o.basis = 'actual'
            AND o.part_dimension = s.part_dimension) AS latest_end
        FROM slice_counts s WHERE s.metric = ${metric} AND s.geo = ${geo} AND s.n > 0) d`,
  );
  return rows
    .map((r) => ({
      dimension: r.dimension,
      count: Number(r.count),
      latest: r.latest_start !== null && r.latest_end !== null ? { start: r.latest_start, end: r.latest_end } : null,
    }))
    .sort((a, b) => b.count - a.count || (a.dimension < b.dimension ? -1 : a.dimension > b.dimension ? 1 : 0));
}

/** A metric's actual observations in one geo and period: its totals, and its slices along `dimension` (none when null). */
export function periodObservations(
  db: Db,
  metric: string,
  geo: string,
  period: { start: string; end: string },
  dimension: string | null,
): Promise<ObservationRow[]> {
  const parts = dimension === null ? sql`part_dimension = ''` : sql`part_dimension IN ('', ${dimension})`;
  return db.all<ObservationRow>(
    sql`SELECT ${ROW} FROM observations WHERE metric = ${metric} AND geo = ${geo} AND basis = 'actual'
      AND ${parts} AND period_end = ${period.end} AND period_start = ${period.start} ORDER BY id`,
  );
}
