/**
 * Every query of the observations table (and of its scratch table, observation_dirty).
 *
 * Reads go through Drizzle's builder, selecting the snake_case `ObservationRow` the dataset modules
 * work on. SQL stays raw here, and only here, where the builder has no reasonable form:
 * - the maintenance statements that keep observations in step with facts (run inside the batch that
 *   changes the facts): INSERT … SELECT with GROUP BY and a correlated "headline fact" subquery, an
 *   upsert whose SET reads `excluded` (row by row, for the incremental merge of a new article's
 *   facts), row values (eight key columns) in IN / NOT IN, and the span kind computed by `spanSql`;
 * - an observation's newest sources: a correlated sub-select with a LIMIT per observation id (from
 *   json_each over one JSON parameter), and a keyset on (published, id) that NULLs break in two;
 * - matching a fact to its observation: facts hold NULL where observations hold "" (coalesce), and
 *   Drizzle has no coalesce operator;
 * - conflict counts: a sum over a boolean expression (Drizzle's sum() would also return a string);
 * - the CSV export page: a correlated subquery that group_concats the distinct source URLs in order;
 * - the Atom feeds' joins, which steer the planner to the right index with a unary plus (see their section).
 */
import { and, asc, count, desc, eq, gt, gte, isNotNull, lte, or, type SQL, sql } from "drizzle-orm";
import type { BatchItem } from "drizzle-orm/batch";
import type { SpanKind } from "../../schema/spans";
import { spanSql } from "../../schema/spans";
import { articles, type ObservationStatus, observations } from "../../schema/tables";
import { AGREE_ABSOLUTE_PERCENT, AGREE_RELATIVE } from "../dataset/agreement";
import type { ObservationRow, SourceRef } from "../dataset/observation-rows";
import type { ArticleCursor } from "./articles";
import type { Db } from "./client";

type Basis = ObservationRow["basis"];

/** The columns of an `ObservationRow`, in the shape (snake_case keys) the dataset modules read. */
const ROW = {
  id: observations.id,
  metric: observations.metric,
  geo: observations.geo,
  period_start: observations.periodStart,
  period_end: observations.periodEnd,
  currency: observations.currency,
  basis: observations.basis,
  part_dimension: observations.partDimension,
  part_member: observations.partMember,
  span: observations.span,
  unit: observations.unit,
  value: observations.value,
  value_min: observations.valueMin,
  value_max: observations.valueMax,
  qualifier: observations.qualifier,
  qualifiers: observations.qualifiers,
  status: observations.status,
  fact_count: observations.factCount,
  article_count: observations.articleCount,
  source_count: observations.sourceCount,
  value_list: observations.valueList,
  months: observations.months,
};

/** Observations of totals (no slice). */
const TOTALS = eq(observations.partDimension, "");
/** Observations of totals that happened: what a series, a summary or a default listing shows. */
const ACTUAL_TOTALS = and(eq(observations.basis, "actual"), TOTALS);

/** A metric's actual totals in one geo, by period then currency: the points of a series. */
export function seriesObservations(db: Db, metric: string, geo: string): Promise<ObservationRow[]> {
  return db
    .select(ROW)
    .from(observations)
    .where(and(eq(observations.metric, metric), eq(observations.geo, geo), ACTUAL_TOTALS))
    .orderBy(asc(observations.periodStart), asc(observations.periodEnd), asc(observations.currency))
    .all();
}

/** Where a page of a plan starts: after this period (latest end first, then latest start) and currency (descending). */
export interface PlanCursor {
  end: string;
  start: string;
  currency: string;
}

/**
 * Totals of one metric and basis in one geo, in plan order (period end, period start, currency, all
 * descending), after `after`: one direction, so observations_slices_idx serves the order and a row
 * value marks where to start.
 */
function planWalk(db: Db, geo: string, metric: string, basis: Basis, after: PlanCursor | null, limit: number) {
  const past = after
    ? sql`(${observations.periodEnd}, ${observations.periodStart}, ${observations.currency}) < (${after.end}, ${after.start}, ${after.currency})`
    : undefined;
  return db
    .select(ROW)
    .from(observations)
    .where(and(eq(observations.metric, metric), eq(observations.geo, geo), eq(observations.basis, basis), TOTALS, past))
    .orderBy(desc(observations.periodEnd), desc(observations.periodStart), desc(observations.currency))
    .limit(limit);
}

/**
 * What one page of a plan needs, at most `limit` rows of each: the metric's targets and forecasts and
 * the actual totals of `statedMetric` (its stated share of plan), each a walk of
 * observations_slices_idx in plan order from the cursor, so a page reads about `limit` rows of each
 * however many periods have a plan.
 */
export async function planCandidates(
  db: Db,
  geo: string,
  metric: string,
  statedMetric: string | null,
  after: PlanCursor | null,
  limit: number,
): Promise<{ planned: ObservationRow[]; stated: ObservationRow[] }> {
  const planned = [planWalk(db, geo, metric, "target", after, limit), planWalk(db, geo, metric, "forecast", after, limit)] as const;
  if (!statedMetric) {
    const [targets, forecasts] = await db.batch(planned);
    return { planned: [...targets, ...forecasts], stated: [] };
  }
  const [targets, forecasts, stated] = await db.batch([...planned, planWalk(db, geo, statedMetric, "actual", after, limit)]);
  return { planned: [...targets, ...forecasts], stated };
}

/** The actual totals of `metric` in one geo for the given periods and currencies (at most 30: D1 binds 100 parameters). */
export function actualsFor(
  db: Db,
  geo: string,
  metric: string,
  keys: { start: string; end: string; currency: string }[],
): Promise<ObservationRow[]> {
  if (keys.length === 0) return Promise.resolve([]);
  if (keys.length > 30) throw new Error("actualsFor: at most 30 periods a statement");
  return db
    .select(ROW)
    .from(observations)
    .where(
      and(
        eq(observations.metric, metric),
        eq(observations.geo, geo),
        eq(observations.basis, "actual"),
        TOTALS,
        or(
          ...keys.map((k) =>
            and(eq(observations.periodStart, k.start), eq(observations.periodEnd, k.end), eq(observations.currency, k.currency)),
          ),
        ),
      ),
    )
    .all();
}

/**
 * The `perMetric` latest actual totals (by period end, then start) of each of `metrics` in one geo:
 * one walk of observations_slices_idx per metric, in one batch, stopping at the limit.
 */
export async function recentActualTotals(db: Db, geo: string, metrics: string[], perMetric: number): Promise<ObservationRow[]> {
  if (metrics.length === 0) return [];
  const walk = (metric: string) =>
    db
      .select(ROW)
      .from(observations)
      .where(and(eq(observations.metric, metric), eq(observations.geo, geo), ACTUAL_TOTALS))
      .orderBy(desc(observations.periodEnd), desc(observations.periodStart))
      .limit(perMetric);
  const [first, ...rest] = metrics.map(walk);
  return (await db.batch([first, ...rest])).flat();
}

/** The totals of one basis in one geo with exactly these keys (at most 20: D1 binds 100 parameters). */
export function totalsWithKeys(
  db: Db,
  geo: string,
  basis: Basis,
  keys: { metric: string; start: string; end: string; currency: string }[],
): Promise<ObservationRow[]> {
  if (keys.length === 0) return Promise.resolve([]);
  if (keys.length > 20) throw new Error("totalsWithKeys: at most 20 keys a statement");
  return db
    .select(ROW)
    .from(observations)
    .where(
      and(
        eq(observations.geo, geo),
        eq(observations.basis, basis),
        TOTALS,
        or(
          ...keys.map((k) =>
            and(
              eq(observations.metric, k.metric),
              eq(observations.periodStart, k.start),
              eq(observations.periodEnd, k.end),
              eq(observations.currency, k.currency),
            ),
          ),
        ),
      ),
    )
    .all();
}

export interface ObservationFilter {
  /** Only ids above this one (the keyset cursor). */
  afterId?: number;
  metric?: string;
  geo?: string;
  /** Periods ending in or after this month. */
  from?: string;
  /** Periods starting in or before this month. */
  to?: string;
  status?: ObservationStatus;
  span?: SpanKind;
  basis: Basis;
  /** "" for totals only; absent: totals and slices. */
  dimension?: string;
  member?: string;
}

/** One page of observations matching `f`, by id; `limit` rows at most. */
export function observationPage(db: Db, f: ObservationFilter, limit: number): Promise<ObservationRow[]> {
  const where: (SQL | undefined)[] = [
    f.afterId !== undefined ? gt(observations.id, f.afterId) : undefined,
    f.metric ? eq(observations.metric, f.metric) : undefined,
    f.geo ? eq(observations.geo, f.geo) : undefined,
    f.from ? gte(observations.periodEnd, f.from) : undefined,
    f.to ? lte(observations.periodStart, f.to) : undefined,
    f.status ? eq(observations.status, f.status) : undefined,
    f.span ? eq(observations.span, f.span) : undefined,
    eq(observations.basis, f.basis),
    f.dimension !== undefined ? eq(observations.partDimension, f.dimension) : undefined,
    f.member ? eq(observations.partMember, f.member) : undefined,
  ];
  return db
    .select(ROW)
    .from(observations)
    .where(and(...where))
    .orderBy(asc(observations.id))
    .limit(limit)
    .all();
}

/** Every observation and every conflict, counted (unexecuted, for a batch). */
export function totalsQuery(db: Db) {
  return db.select({ n: count(), conflicts: sql<number>`coalesce(sum(${observations.status} = 'conflict'), 0)` }).from(observations);
}

export interface SourceRow extends SourceRef {
  /** The observation the fact backs. */
  oid: number;
  /** The fact's id (the order's tie-break). */
  fid: number;
}

/** The columns of a source row: a fact `f` and its article `a`. */
const SOURCE_COLUMNS = sql.raw(
  "f.observation_id AS oid, f.id AS fid, f.article_id, a.url, a.title, a.published, a.lang, f.sentence, f.value, f.qualifier",
);

/** A count of rows written into the SQL text (a LIMIT), checked so that it cannot inject anything. */
function countLiteral(n: number): SQL {
  if (!Number.isSafeInteger(n) || n < 1) throw new Error(`not a row count: ${n}`);
  return sql.raw(String(n));
}

/**
 * The newest `perObservation` facts backing each of the observations `ids`, with their articles:
 * newest publication first, undated last, then newest fact. For each id (from a JSON array: one
 * bound parameter) a correlated sub-select walks facts_observation_idx backwards and stops at its
 * limit, so the cost is ids × limit however many articles back an observation. The rows come back
 * in no particular order.
 */
export function newestSourceRows(db: Db, ids: number[], perObservation: number): Promise<SourceRow[]> {
  if (ids.length === 0) return Promise.resolve([]);
  return db.all<SourceRow>(
    sql`SELECT ${SOURCE_COLUMNS} FROM json_each(${JSON.stringify(ids)}) j
      CROSS JOIN facts f ON f.id IN (SELECT f2.id FROM facts f2 WHERE f2.observation_id = j.value
        ORDER BY f2.published DESC, f2.article_id DESC, f2.id DESC LIMIT ${countLiteral(perObservation)})
      JOIN articles a ON a.id = f.article_id`,
  );
}

/**
 * Up to `limit` facts of one observation in the order of newestSourceRows (newest publication
 * first, undated last, then newest article, then newest fact), after the article `after`: a keyset
 * walk of facts_observation_idx. Dated facts come off a row-value range, undated ones after them.
 */
export async function sourcePage(db: Db, observationId: number, after: ArticleCursor | null, limit: number): Promise<SourceRow[]> {
  const n = countLiteral(limit);
  const page = (where: SQL) =>
    sql`SELECT * FROM (SELECT ${SOURCE_COLUMNS} FROM facts f JOIN articles a ON a.id = f.article_id
      WHERE f.observation_id = ${observationId} AND ${where} ORDER BY f.published DESC, f.article_id DESC, f.id DESC LIMIT ${n})`;
  const undated = (belowArticle: number | null) =>
    page(belowArticle === null ? sql`f.published IS NULL` : sql`f.published IS NULL AND f.article_id < ${belowArticle}`);
  const query =
    after === null
      ? sql`${page(sql`f.published IS NOT NULL`)} UNION ALL ${undated(null)}`
      : after.published === null
        ? undated(after.articleId)
        : sql`${page(sql`(f.published, f.article_id) < (${after.published}, ${after.articleId})`)} UNION ALL ${undated(null)}`;
  const rows = await db.all<SourceRow>(query);
  return rows.sort(newestFirst).slice(0, limit);
}

/** The order of an observation's sources: newest publication first, undated last, then newest article, then newest fact. */
export function newestFirst(a: SourceRow, b: SourceRow): number {
  if (a.published !== b.published) {
    if (a.published === null) return 1;
    if (b.published === null) return -1;
    return a.published < b.published ? 1 : -1;
  }
  return b.article_id - a.article_id || b.fid - a.fid;
}

/** One observation by id, or undefined. */
export function observationById(db: Db, id: number): Promise<ObservationRow | undefined> {
  return db.select(ROW).from(observations).where(eq(observations.id, id)).get();
}

/** A row of the observations CSV: the observation and its sources' URLs, space-separated. */
export interface ObservationExportRow {
  id: number;
  metric: string;
  geo: string;
  period_start: string;
  period_end: string;
  span: SpanKind;
  basis: Basis;
  part_dimension: string;
  part_member: string;
  value: number;
  unit: string;
  currency: string;
  qualifier: string;
  status: ObservationStatus;
  value_min: number;
  value_max: number;
  fact_count: number;
  article_count: number;
  source_urls: string | null;
}

/**
 * Source URLs a CSV row lists at most: a figure every paper repeats has thousands, and a page of
 * rows must stay small however large the dataset grows (article_count says how many there are;
 * facts.ndjson names every fact's article).
 */
export const EXPORT_SOURCE_URLS = 100;

/**
 * The observations after `afterId`, by id, `limit` at most, each with the URLs of its newest
 * articles (distinct; newest publication first, undated last; EXPORT_SOURCE_URLS at most): its own
 * facts off facts_observation_idx, read until that many.
 */
export function observationExportPage(db: Db, afterId: number, limit: number): Promise<ObservationExportRow[]> {
  return db.all<ObservationExportRow>(
    sql`SELECT o.id, o.metric, o.geo, o.period_start, o.period_end, o.span, o.basis, o.part_dimension, o.part_member, o.value, o.unit, o.currency, o.qualifier, o.status,
       o.value_min, o.value_max, o.fact_count, o.article_count,
       (SELECT group_concat(url, ' ') FROM (SELECT DISTINCT a.url FROM facts f JOIN articles a ON a.id = f.article_id
          WHERE f.observation_id = o.id ORDER BY f.published DESC, f.article_id DESC LIMIT ${countLiteral(EXPORT_SOURCE_URLS)})) AS source_urls
     FROM observations o WHERE o.id > ${afterId} ORDER BY o.id LIMIT ${limit}`,
  );
}

// ---- Keeping observations in step with facts (statements for the batch that changes the facts) ----

/** Facts that back observations. */
const KEYED = sql`f.metric <> 'other' AND f.period_start IS NOT NULL AND f.period_end IS NOT NULL`;
/** The key columns of a fact, as observations and the scratch table hold them ("" for a total's slice). */
const FACT_KEY = sql`f.metric, f.geo, f.period_start, f.period_end, coalesce(f.currency, ''), f.basis, coalesce(f.part_dimension, ''), coalesce(f.part_member, '')`;
const KEY_COLUMNS = sql.raw("metric, geo, period_start, period_end, currency, basis, part_dimension, part_member");
/** A fact `f` with the key of the scratch row `d`. */
const SAME_KEY = sql`f.metric = d.metric AND f.geo = d.geo AND f.period_start = d.period_start AND f.period_end = d.period_end
  AND coalesce(f.currency, '') = d.currency AND f.basis = d.basis AND coalesce(f.part_dimension, '') = d.part_dimension
  AND coalesce(f.part_member, '') = d.part_member`;

/** Whether the values `lo`..`hi` of a unit agree (the SQL twin of `valuesAgree` in dataset/agreement.ts). */
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

/** Marks the observation keys of one article's current facts as touched. */
export function markArticleKeysStatement(db: Db, articleId: number): BatchItem<"sqlite"> {
  return db.run(sql`INSERT OR IGNORE INTO observation_dirty (${KEY_COLUMNS})
    SELECT DISTINCT ${FACT_KEY} FROM facts f WHERE f.article_id = ${articleIdLiteral(articleId)} AND ${KEYED}`);
}

/** Marks every key (a full rebuild). */
export function markAllKeysStatement(db: Db): BatchItem<"sqlite"> {
  return db.run(sql`INSERT OR IGNORE INTO observation_dirty (${KEY_COLUMNS}) SELECT DISTINCT ${FACT_KEY} FROM facts f WHERE ${KEYED}`);
}

/** The time of the write, as articles.fetched_at holds it (RFC 3339, UTC, ms). */
const NOW = sql.raw("strftime('%Y-%m-%dT%H:%M:%fZ', 'now')");

/** Months a period covers, from the columns `<alias>.period_start` and `<alias>.period_end` (YYYY-MM…). */
const monthsOf = (alias: string) =>
  sql.raw(
    `(CAST(substr(${alias}.period_end, 1, 4) AS INTEGER) * 12 + CAST(substr(${alias}.period_end, 6, 2) AS INTEGER)) - (CAST(substr(${alias}.period_start, 1, 4) AS INTEGER) * 12 + CAST(substr(${alias}.period_start, 6, 2) AS INTEGER)) + 1`,
  );

/** A fact `f2` of the same article and key as the fact `f`. */
const SAME_ARTICLE_AND_KEY = sql`f2.article_id = f.article_id AND f2.metric = f.metric AND f2.geo = f.geo
  AND f2.period_start = f.period_start AND f2.period_end = f.period_end AND f2.currency IS f.currency AND f2.basis = f.basis
  AND f2.part_dimension IS f.part_dimension AND f2.part_member IS f.part_member`;

/**
 * The facts `f2` of the article, on its own index: left to choose, SQLite takes facts_key_idx or
 * facts_part_idx (more equal columns) and reads every fact of the key or slicing across the
 * dataset, where the article's own facts (a few dozen) are all it needs.
 */
const ARTICLE_FACTS_F2 = sql`facts AS f2 INDEXED BY facts_article_seq_unique`;

/**
 * Adds one NEW article's facts to their observations without reading any other fact: O(the
 * article's facts), however many articles back a key. Keys the article backed before this write
 * (marked in observation_dirty by markArticleKeysStatement) are left to refreshTouchedStatements,
 * which recomputes them — the only way to take a fact away. Rows go in fact order and SQLite runs
 * the upsert row by row, so each fact merges into what the earlier ones left, as a recompute would:
 * - value range and counts widen; an article counts once per key, a source once per (article, value);
 * - the headline is the earliest exact fact's (new facts are newer than every stored one, so an
 *   exact one replaces only a qualified headline);
 * - a conflict stays a conflict (adding a value never narrows the range); an agreed observation
 *   stays agreed while the unit matches and the range still agrees;
 * - qualifiers and values are appended when not yet listed.
 */
export function addArticleFactsStatement(db: Db, articleId: number): BatchItem<"sqlite"> {
  const id = articleIdLiteral(articleId);
  const listed = (list: SQL, item: SQL) => sql`instr(',' || ${list} || ',', ',' || ${item} || ',') > 0`;
  return db.run(sql`INSERT INTO observations (${KEY_COLUMNS}, span, unit, value, value_min, value_max,
      qualifier, qualifiers, status, fact_count, article_count, source_count, value_list, months, updated_at)
    SELECT ${FACT_KEY}, ${sql.raw(spanSql("f.metric", "f.period_start", "f.period_end"))}, f.unit, f.value, f.value, f.value,
      f.qualifier, f.qualifier, 'agreed', 1,
      NOT EXISTS (SELECT 1 FROM ${ARTICLE_FACTS_F2} WHERE ${SAME_ARTICLE_AND_KEY} AND f2.id < f.id),
      NOT EXISTS (SELECT 1 FROM ${ARTICLE_FACTS_F2} WHERE ${SAME_ARTICLE_AND_KEY} AND f2.value = f.value AND f2.id < f.id),
      CAST(f.value AS TEXT), ${monthsOf("f")}, ${NOW}
    FROM facts f
    WHERE f.article_id = ${id} AND ${KEYED}
      AND NOT EXISTS (SELECT 1 FROM observation_dirty d WHERE ${SAME_KEY})
    ORDER BY f.id
    ON CONFLICT (${KEY_COLUMNS}) DO UPDATE SET
      unit = min(observations.unit, excluded.unit),
      value = CASE WHEN observations.qualifier <> 'exact' AND excluded.qualifier = 'exact' THEN excluded.value ELSE observations.value END,
      qualifier = CASE WHEN observations.qualifier <> 'exact' AND excluded.qualifier = 'exact' THEN 'exact' ELSE observations.qualifier END,
      value_min = min(observations.value_min, excluded.value_min),
      value_max = max(observations.value_max, excluded.value_max),
      qualifiers = CASE WHEN ${listed(sql`observations.qualifiers`, sql`excluded.qualifier`)} THEN observations.qualifiers
        ELSE observations.qualifiers || ',' || excluded.qualifier END,
      status = CASE WHEN observations.status = 'agreed' AND observations.unit = excluded.unit
        AND ${AGREES(sql`min(observations.value_min, excluded.value_min)`, sql`max(observations.value_max, excluded.value_max)`, sql`observations.unit`)}
        THEN 'agreed' ELSE 'conflict' END,
      fact_count = observations.fact_count + 1,
      article_count = observations.article_count + excluded.article_count,
      source_count = observations.source_count + excluded.source_count,
      value_list = CASE WHEN ${listed(sql`observations.value_list`, sql`excluded.value_list`)} THEN observations.value_list
        WHEN observations.value_list = '' THEN excluded.value_list ELSE observations.value_list || ',' || excluded.value_list END,
      updated_at = excluded.updated_at`);
}

/** Points one article's facts at their observations (after those exist). */
export function linkArticleFactsStatement(db: Db, articleId: number): BatchItem<"sqlite"> {
  return db.run(sql`UPDATE facts AS f SET observation_id = (SELECT o.id FROM observations o WHERE ${FACT_OF_OBSERVATION})
    WHERE f.article_id = ${articleIdLiteral(articleId)} AND ${KEYED}`);
}

/** Points every fact at its observation (a full rebuild). */
function linkAllFactsStatement(db: Db): BatchItem<"sqlite"> {
  return db.run(sql`UPDATE facts AS f SET observation_id = CASE WHEN ${KEYED}
    THEN (SELECT o.id FROM observations o WHERE ${FACT_OF_OBSERVATION}) END`);
}

/**
 * Recomputes the touched keys from their facts and clears the scratch table: upserts (observation
 * ids stay stable), then drops keys no fact backs any more. `everything` also drops observations
 * whose key is not marked (for a full rebuild, where every live key is marked). This reads every
 * fact of each touched key: the writer runs it only for keys an article backed before (a
 * re-extraction), new facts go through addArticleFactsStatement.
 */
export function refreshTouchedStatements(db: Db, everything = false): BatchItem<"sqlite">[] {
  // A write changes the keys it touches now; a rebuild keeps each key's last change: its newest source's write.
  const updated = everything ? sql`coalesce(g.written, '')` : NOW;
  const upsert = db.run(sql`INSERT INTO observations (${KEY_COLUMNS}, span, unit, value, value_min, value_max,
      qualifier, qualifiers, status, fact_count, article_count, source_count, value_list, months, updated_at)
    SELECT g.metric, g.geo, g.period_start, g.period_end, g.currency, g.basis, g.part_dimension, g.part_member,
      ${sql.raw(spanSql("g.metric", "g.period_start", "g.period_end"))}, g.unit, h.value, g.lo, g.hi, h.qualifier, g.quals,
      CASE WHEN g.units = 1 AND ${AGREES(sql`g.lo`, sql`g.hi`, sql`g.unit`)} THEN 'agreed' ELSE 'conflict' END,
      g.n, g.na, g.ns, g.vals, ${monthsOf("g")}, ${updated}
    FROM (
      SELECT d.metric, d.geo, d.period_start, d.period_end, d.currency, d.basis, d.part_dimension, d.part_member,
        min(f.unit) AS unit, count(DISTINCT f.unit) AS units, min(f.value) AS lo, max(f.value) AS hi,
        group_concat(DISTINCT f.qualifier) AS quals, count(*) AS n, count(DISTINCT f.article_id) AS na,
        count(DISTINCT f.article_id || ' ' || f.value) AS ns,
        coalesce((SELECT group_concat(v) FROM (SELECT f.value AS v FROM facts f WHERE ${SAME_KEY} GROUP BY f.value ORDER BY min(f.id))), '') AS vals,
        (SELECT f.id FROM facts f WHERE ${SAME_KEY} ORDER BY f.qualifier = 'exact' DESC, f.id LIMIT 1) AS head${
          everything ? sql`, max((SELECT a.fetched_at FROM articles a WHERE a.id = f.article_id)) AS written` : sql``
        }
      FROM observation_dirty d JOIN facts f ON ${SAME_KEY}
      GROUP BY d.metric, d.geo, d.period_start, d.period_end, d.currency, d.basis, d.part_dimension, d.part_member
    ) g
    JOIN facts h ON h.id = g.head
    WHERE true
    ON CONFLICT (${KEY_COLUMNS}) DO UPDATE SET
      span = excluded.span, unit = excluded.unit, value = excluded.value, value_min = excluded.value_min,
      value_max = excluded.value_max, qualifier = excluded.qualifier, qualifiers = excluded.qualifiers,
      status = excluded.status, fact_count = excluded.fact_count, article_count = excluded.article_count,
      source_count = excluded.source_count, value_list = excluded.value_list, months = excluded.months,
      updated_at = excluded.updated_at`);
  const drop = everything
    ? db.run(sql`DELETE FROM observations WHERE (${KEY_COLUMNS}) NOT IN (SELECT ${KEY_COLUMNS} FROM observation_dirty)`)
    : db.run(sql`DELETE FROM observations WHERE (${KEY_COLUMNS}) IN
        (SELECT ${KEY_COLUMNS} FROM observation_dirty d WHERE NOT EXISTS (SELECT 1 FROM facts f WHERE ${SAME_KEY}))`);
  return [upsert, drop, db.run(sql`DELETE FROM observation_dirty`)];
}

/** Every statement of a full rebuild, to run as one batch. */
export function rebuildStatements(db: Db): BatchItem<"sqlite">[] {
  return [
    db.run(sql`DELETE FROM observation_dirty`),
    markAllKeysStatement(db),
    ...refreshTouchedStatements(db, true),
    linkAllFactsStatement(db),
  ];
}

// ---- The Atom feeds: observations by when their newest source was written ----
//
// An observation has no timestamp of its own; "when it last changed" is when the newest article
// backing it was written (articles.fetched_at, set by every write of an article's facts, on
// articles_fetched_idx). Raw SQL for the two joins below: they steer the planner with a unary plus
// (`+f.basis`, `+o.status` …), which the builder cannot write. Without it SQLite, lacking statistics,
// takes `f.basis = o.basis AND o.basis = 'actual'` as `f.basis = 'actual'` and walks facts_basis_idx
// (nearly every fact) instead of the article's facts or the observation's key.

/** The feeds show what "the figure" means everywhere else: actual totals. */
const FEED_ROLE = sql`+o.basis = 'actual' AND +o.part_dimension = ''`;

/**
 * A fact `f` of the observation `o`: from `o` to its facts on facts_key_idx, or from a fact to its
 * observation on observations_key_unique (the feeds, and linking facts to their observations).
 */
const FACT_OF_OBSERVATION = sql`f.metric = o.metric AND f.geo = o.geo AND f.period_start = o.period_start AND f.period_end = o.period_end
  AND coalesce(f.currency, '') = o.currency AND +f.basis = o.basis AND coalesce(f.part_dimension, '') = o.part_dimension
  AND coalesce(f.part_member, '') = o.part_member`;

const O_ROW = sql.raw(
  "o.id, o.metric, o.geo, o.period_start, o.period_end, o.currency, o.basis, o.part_dimension, o.part_member, o.span, o.unit, o.value, " +
    "o.value_min, o.value_max, o.qualifier, o.qualifiers, o.status, o.fact_count, o.article_count, o.source_count, o.value_list, o.months",
);

/** An article's place in the order of writes: its fetched_at (RFC 3339, UTC) and its id. */
export interface WrittenArticle {
  id: number;
  at: string;
}

/** Articles with facts, newest write first (then highest id), after `after` (exclusive), `limit` at most. */
export function articlesByWrite(db: Db, after: WrittenArticle | null, limit: number): Promise<WrittenArticle[]> {
  return db
    .select({ id: articles.id, at: sql<string>`${articles.fetchedAt}` })
    .from(articles)
    .where(
      and(
        after ? sql`(${articles.fetchedAt}, ${articles.id}) < (${after.at}, ${after.id})` : isNotNull(articles.fetchedAt),
        gt(articles.factCount, 0),
      ),
    )
    .orderBy(desc(articles.fetchedAt), desc(articles.id))
    .limit(limit)
    .all();
}

/** When the newest article was written (the dataset's last change), or null for an empty dataset. */
export async function newestWrite(db: Db): Promise<string | null> {
  const row = await db
    .select({ at: sql<string | null>`max(${articles.fetchedAt})` })
    .from(articles)
    .get();
  return row?.at ?? null;
}

/** What a filtered feed asks for: one metric, the conflicts, or the conflicts of one metric. */
export interface FeedObservationFilter {
  metric?: string;
  conflictsOnly: boolean;
}

/**
 * The observations (actual totals) backed by facts of the articles `articleIds` (at most 90: D1
 * binds 100 parameters), once per article and observation, by article then observation id (highest first).
 */
export function observationsOfArticles(db: Db, articleIds: number[]): Promise<(ObservationRow & { article_id: number })[]> {
  if (articleIds.length === 0) return Promise.resolve([]);
  const ids = sql.join(
    articleIds.map((id) => sql`${id}`),
    sql`, `,
  );
  return db.all<ObservationRow & { article_id: number }>(
    sql`SELECT DISTINCT f.article_id, ${O_ROW} FROM facts f JOIN observations o ON ${FACT_OF_OBSERVATION}
     WHERE f.article_id IN (${ids}) AND ${FEED_ROLE}
     ORDER BY f.article_id DESC, o.id DESC`,
  );
}

/**
 * The `limit` observations (actual totals) of one metric, or the conflicts, or the conflicts of one
 * metric, last changed first (then highest id), each with that time (`updated`). A walk of one
 * partial index (a metric's actual totals, or the actual totals in conflict) that stops at the
 * limit; the terms that select the partial index are written as literals (a bound value would not
 * let SQLite prove the index covers the query) and INDEXED BY keeps the planner on it.
 */
export function newestObservationsOf(db: Db, f: FeedObservationFilter, limit: number): Promise<(ObservationRow & { updated: string })[]> {
  if (!f.metric && !f.conflictsOnly) throw new Error("newestObservationsOf needs a metric or conflictsOnly (see articlesByWrite)");
  const from = f.metric
    ? sql`observations o INDEXED BY observations_feed_metric_idx WHERE o.metric = ${f.metric}${f.conflictsOnly ? sql` AND o.status = 'conflict'` : sql``}`
    : sql`observations o INDEXED BY observations_feed_conflicts_idx WHERE o.status = 'conflict'`;
  return db.all<ObservationRow & { updated: string }>(
    sql`SELECT ${O_ROW}, o.updated_at AS updated FROM ${from} AND o.basis = 'actual' AND o.part_dimension = '' AND o.updated_at <> ''
     ORDER BY o.updated_at DESC, o.id DESC LIMIT ${countLiteral(limit)}`,
  );
}
