/**
 * Observations, kept in step with facts by plain SQL statements that run inside the batch that
 * changes the facts (so a reader never sees facts and observations disagree).
 *
 * An observation is every fact with one key (metric, geo, period start, period end, currency, basis,
 * slice). Facts without a period and those of metric "other" back no observation. Totals, slices and
 * targets never merge: each role of a figure is an observation of its own, and readers ask for the
 * role they want (totals that happened, by default).
 *
 * Agreement: the values of one key agree when max − min ≤ max(0.5 % of the larger magnitude, 0.05
 * for percent and times units). 0.5 % absorbs rounding to three or four significant figures (2,067
 * million USD vs "2.07 billion"); 0.05 absorbs a percentage given with one decimal instead of two
 * (3.27 % vs 3.3 %). Anything wider is a conflict: the observation keeps every fact and is marked
 * `conflict`, its headline value stays an exact figure's, and no value wins silently.
 */
import { type SQL, sql } from "drizzle-orm";
import type { BatchItem } from "drizzle-orm/batch";
import { spanSql } from "../../schema/spans";
import type { Db } from "../db/client";

/** Relative tolerance for agreement, and the absolute one for percent/times values. */
export const AGREE_RELATIVE = 0.005;
export const AGREE_ABSOLUTE_PERCENT = 0.05;

/** Facts that back observations. */
const KEYED = sql`f.metric <> 'other' AND f.period_start IS NOT NULL AND f.period_end IS NOT NULL`;
/** The key columns of a fact, as observations and the scratch table hold them ("" for a total's slice). */
const FACT_KEY = sql`f.metric, f.geo, f.period_start, f.period_end, coalesce(f.currency, ''), f.basis, coalesce(f.part_dimension, ''), coalesce(f.part_member, '')`;
const KEY_COLUMNS = sql.raw("metric, geo, period_start, period_end, currency, basis, part_dimension, part_member");
/** A fact `f` with the key of the scratch row `d`. */
const SAME_KEY = sql`f.metric = d.metric AND f.geo = d.geo AND f.period_start = d.period_start AND f.period_end = d.period_end
  AND coalesce(f.currency, '') = d.currency AND f.basis = d.basis AND coalesce(f.part_dimension, '') = d.part_dimension
  AND coalesce(f.part_member, '') = d.part_member`;

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
  return db.run(sql`INSERT OR IGNORE INTO observation_dirty (${KEY_COLUMNS})
    SELECT DISTINCT ${FACT_KEY} FROM facts f WHERE f.article_id = ${articleIdLiteral(articleId)} AND ${KEYED}`);
}

/** Marks every key (a full rebuild). */
export function markAllKeysStatement(db: Db): BatchItem<"sqlite"> {
  return db.run(sql`INSERT OR IGNORE INTO observation_dirty (${KEY_COLUMNS}) SELECT DISTINCT ${FACT_KEY} FROM facts f WHERE ${KEYED}`);
}

/**
 * Recomputes the touched keys from their facts and clears the scratch table: upserts (observation
 * ids stay stable), then drops keys no fact backs any more. `everything` also drops observations
 * whose key is not marked (for a full rebuild, where every live key is marked).
 */
export function refreshTouchedStatements(db: Db, everything = false): BatchItem<"sqlite">[] {
  const months = sql`(CAST(substr(g.period_end, 1, 4) AS INTEGER) * 12 + CAST(substr(g.period_end, 6, 2) AS INTEGER)) - (CAST(substr(g.period_start, 1, 4) AS INTEGER) * 12 + CAST(substr(g.period_start, 6, 2) AS INTEGER)) + 1`;
  const upsert = db.run(sql`INSERT INTO observations (${KEY_COLUMNS}, span, unit, value, value_min, value_max,
      qualifier, qualifiers, status, fact_count, article_count, months)
    SELECT g.metric, g.geo, g.period_start, g.period_end, g.currency, g.basis, g.part_dimension, g.part_member,
      ${sql.raw(spanSql("g.metric", "g.period_start", "g.period_end"))}, g.unit, h.value, g.lo, g.hi, h.qualifier, g.quals,
      CASE WHEN g.units = 1 AND ${AGREES(sql`g.lo`, sql`g.hi`, sql`g.unit`)} THEN 'agreed' ELSE 'conflict' END,
      g.n, g.na, ${months}
    FROM (
      SELECT d.metric, d.geo, d.period_start, d.period_end, d.currency, d.basis, d.part_dimension, d.part_member,
        min(f.unit) AS unit, count(DISTINCT f.unit) AS units, min(f.value) AS lo, max(f.value) AS hi,
        group_concat(DISTINCT f.qualifier) AS quals, count(*) AS n, count(DISTINCT f.article_id) AS na,
        (SELECT f.id FROM facts f WHERE ${SAME_KEY} ORDER BY f.qualifier = 'exact' DESC, f.id LIMIT 1) AS head
      FROM observation_dirty d JOIN facts f ON ${SAME_KEY}
      GROUP BY d.metric, d.geo, d.period_start, d.period_end, d.currency, d.basis, d.part_dimension, d.part_member
    ) g
    JOIN facts h ON h.id = g.head
    WHERE true
    ON CONFLICT (${KEY_COLUMNS}) DO UPDATE SET
      span = excluded.span, unit = excluded.unit, value = excluded.value, value_min = excluded.value_min,
      value_max = excluded.value_max, qualifier = excluded.qualifier, qualifiers = excluded.qualifiers,
      status = excluded.status, fact_count = excluded.fact_count, article_count = excluded.article_count,
      months = excluded.months`);
  const drop = everything
    ? db.run(sql`DELETE FROM observations WHERE (${KEY_COLUMNS}) NOT IN (SELECT ${KEY_COLUMNS} FROM observation_dirty)`)
    : db.run(sql`DELETE FROM observations WHERE (${KEY_COLUMNS}) IN
        (SELECT ${KEY_COLUMNS} FROM observation_dirty d WHERE NOT EXISTS (SELECT 1 FROM facts f WHERE ${SAME_KEY}))`);
  return [upsert, drop, db.run(sql`DELETE FROM observation_dirty`)];
}

/** Every statement of a full rebuild, to run as one batch. */
export function rebuildStatements(db: Db): BatchItem<"sqlite">[] {
  return [db.run(sql`DELETE FROM observation_dirty`), markAllKeysStatement(db), ...refreshTouchedStatements(db, true)];
}
