/**
 * Observations, kept in step with facts by plain SQL statements that run inside the batch that
 * changes the facts (so a reader never sees facts and observations disagree).
 *
 * An observation is every fact with one key (metric, geo, period start, period end, currency).
 * Facts without a period, those of metric "other", targets, forecasts and slices back no observation.
 *
 * Agreement: the values of one key agree when max − min ≤ max(0.5 % of the larger magnitude, 0.05
 * for percent and times units). 0.5 % absorbs rounding to three or four significant figures (2,067
 * million USD vs "2.07 billion"); 0.05 absorbs a percentage given with one decimal instead of two
 * (3.27 % vs 3.3 %). Anything wider is a conflict: the observation keeps every fact and is marked
 * `conflict`, its headline value stays an exact figure's, and no value wins silently.
 */
import { type SQL, sql } from "drizzle-orm";
import type { BatchItem } from "drizzle-orm/batch";
import type { Db } from "../db/client";

/** Relative tolerance for agreement, and the absolute one for percent/times values. */
export const AGREE_RELATIVE = 0.005;
export const AGREE_ABSOLUTE_PERCENT = 0.05;

/** A total that happened: a target, a forecast or a slice never stands in for a total. */
const TOTAL = sql`f.basis = 'actual' AND f.part_dimension IS NULL`;
/** Facts that back observations. */
const KEYED = sql`f.metric <> 'other' AND f.period_start IS NOT NULL AND f.period_end IS NOT NULL AND ${TOTAL}`;

/** Whether the values `lo`..`hi` of a unit agree (the SQL twin of `valuesAgree`). */
const AGREES = (lo: SQL, hi: SQL, unit: SQL) =>
  sql`(${hi} - ${lo}) <= max(${sql.raw(String(AGREE_RELATIVE))} * max(abs(${hi}), abs(${lo})), CASE WHEN ${unit} IN ('percent', 'times') THEN ${sql.raw(String(AGREE_ABSOLUTE_PERCENT))} ELSE 0 END) + 1e-9`;

/**
 * An article id written into the SQL text: drizzle's D1 batch cannot bind parameters of raw
 * `db.run(sql)` statements, and an integer checked here cannot inject anything.
 */
function articleIdLiteral(articleId: number): SQL {
  if (!Number.isSafeInteger(articleId) || articleId < 0) throw new Error(`not an article id: ${articleId}`);
  return sql.raw(String(articleId));
}

/**
 * Whether two or more values agree under the rule above.
 * @example valuesAgree([2067e6, 2070e6], "currency") // true
 */
export function valuesAgree(values: number[], unit: string): boolean {
  if (values.length < 2) return true;
  const lo = Math.min(...values);
  const hi = Math.max(...values);
  const abs = unit === "percent" || unit === "times" ? AGREE_ABSOLUTE_PERCENT : 0;
  return hi - lo <= Math.max(AGREE_RELATIVE * Math.max(Math.abs(hi), Math.abs(lo)), abs) + 1e-9;
}

/** Marks the observation keys of one article's current facts as touched. */
export function markArticleKeysStatement(db: Db, articleId: number): BatchItem<"sqlite"> {
  return db.run(sql`INSERT OR IGNORE INTO observation_dirty (metric, geo, period_start, period_end, currency)
    SELECT DISTINCT f.metric, f.geo, f.period_start, f.period_end, coalesce(f.currency, '')
    FROM facts f WHERE f.article_id = ${articleIdLiteral(articleId)} AND ${KEYED}`);
}

/** Marks every key (a full rebuild). */
export function markAllKeysStatement(db: Db): BatchItem<"sqlite"> {
  return db.run(sql`INSERT OR IGNORE INTO observation_dirty (metric, geo, period_start, period_end, currency)
    SELECT DISTINCT f.metric, f.geo, f.period_start, f.period_end, coalesce(f.currency, '')
    FROM facts f WHERE ${KEYED}`);
}

/**
 * Recomputes the touched keys from their facts and clears the scratch table: upserts (observation
 * ids stay stable), then drops keys no fact backs any more. `everything` also drops observations
 * whose key is not marked (for a full rebuild, where every live key is marked).
 */
export function refreshTouchedStatements(db: Db, everything = false): BatchItem<"sqlite">[] {
  const months = sql`(CAST(substr(g.pe, 1, 4) AS INTEGER) * 12 + CAST(substr(g.pe, 6, 2) AS INTEGER)) - (CAST(substr(g.ps, 1, 4) AS INTEGER) * 12 + CAST(substr(g.ps, 6, 2) AS INTEGER)) + 1`;
  const upsert = db.run(sql`INSERT INTO observations (metric, geo, period_start, period_end, currency, unit, value, value_min, value_max,
      qualifier, qualifiers, status, fact_count, article_count, months)
    SELECT g.metric, g.geo, g.ps, g.pe, g.cur, g.unit, h.value, g.lo, g.hi, h.qualifier, g.quals,
      CASE WHEN g.units = 1 AND ${AGREES(sql`g.lo`, sql`g.hi`, sql`g.unit`)} THEN 'agreed' ELSE 'conflict' END,
      g.n, g.na, ${months}
    FROM (
      SELECT f.metric, f.geo, f.period_start AS ps, f.period_end AS pe, coalesce(f.currency, '') AS cur,
        min(f.unit) AS unit, count(DISTINCT f.unit) AS units, min(f.value) AS lo, max(f.value) AS hi,
        group_concat(DISTINCT f.qualifier) AS quals, count(*) AS n, count(DISTINCT f.article_id) AS na
      FROM observation_dirty d
      JOIN facts f ON f.metric = d.metric AND f.geo = d.geo AND f.period_start = d.period_start
        AND f.period_end = d.period_end AND coalesce(f.currency, '') = d.currency AND ${TOTAL}
      GROUP BY f.metric, f.geo, f.period_start, f.period_end, coalesce(f.currency, '')
    ) g
    JOIN facts h ON h.id = (
      SELECT f2.id FROM facts f2
      WHERE f2.metric = g.metric AND f2.geo = g.geo AND f2.period_start = g.ps AND f2.period_end = g.pe
        AND coalesce(f2.currency, '') = g.cur AND f2.basis = 'actual' AND f2.part_dimension IS NULL
      ORDER BY f2.qualifier = 'exact' DESC, f2.id LIMIT 1)
    WHERE true
    ON CONFLICT (metric, geo, period_start, period_end, currency) DO UPDATE SET
      unit = excluded.unit, value = excluded.value, value_min = excluded.value_min, value_max = excluded.value_max,
      qualifier = excluded.qualifier, qualifiers = excluded.qualifiers, status = excluded.status,
      fact_count = excluded.fact_count, article_count = excluded.article_count, months = excluded.months`);
  const drop = everything
    ? db.run(sql`DELETE FROM observations WHERE (metric, geo, period_start, period_end, currency) NOT IN
        (SELECT metric, geo, period_start, period_end, currency FROM observation_dirty)`)
    : db.run(sql`DELETE FROM observations WHERE (metric, geo, period_start, period_end, currency) IN
        (SELECT metric, geo, period_start, period_end, currency FROM observation_dirty d WHERE NOT EXISTS (
          SELECT 1 FROM facts f WHERE f.metric = d.metric AND f.geo = d.geo AND f.period_start = d.period_start
            AND f.period_end = d.period_end AND coalesce(f.currency, '') = d.currency AND ${TOTAL}))`);
  return [upsert, drop, db.run(sql`DELETE FROM observation_dirty`)];
}

/** Every statement of a full rebuild, to run as one batch. */
export function rebuildStatements(db: Db): BatchItem<"sqlite">[] {
  return [db.run(sql`DELETE FROM observation_dirty`), markAllKeysStatement(db), ...refreshTouchedStatements(db, true)];
}
