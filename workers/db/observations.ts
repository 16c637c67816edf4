/**
 * Every query of the observations table (and of its scratch table, observation_dirty).
 *
 * Reads go through Drizzle's builder, selecting the snake_case `ObservationRow` the dataset modules
 * work on. SQL stays raw here, and only here, where the builder has no reasonable form:
 * - the maintenance statements that keep observations in step with facts (run inside the batch that
 *   changes the facts): INSERT … SELECT with GROUP BY and a correlated "headline fact" subquery, an
 *   upsert whose SET reads `excluded`, row values (eight key columns) in IN / NOT IN, and the span
 *   kind computed by `spanSql`;
 * - matching a fact to its observation: facts hold NULL where observations hold "" (coalesce), and
 *   Drizzle has no coalesce operator;
 * - conflict counts: a sum over a boolean expression (Drizzle's sum() would also return a string);
 * - the CSV export page: a correlated subquery that group_concats the distinct source URLs in order;
 * - the Atom feeds' joins, which steer the planner to the right index with a unary plus (see their section).
 */
import { and, asc, count, desc, eq, gt, gte, inArray, isNotNull, isNull, lte, or, type SQL, sql } from "drizzle-orm";
import type { BatchItem } from "drizzle-orm/batch";
import type { SpanKind } from "../../schema/spans";
import { spanSql } from "../../schema/spans";
import { articles, facts, type ObservationStatus, observations } from "../../schema/tables";
import { AGREE_ABSOLUTE_PERCENT, AGREE_RELATIVE } from "../dataset/agreement";
import type { ObservationRow, SourceRef } from "../dataset/observation-rows";
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

/** A metric's actual observations in one geo, totals and slices alike, by id: what a breakdown picks from. */
export function actualObservations(db: Db, metric: string, geo: string): Promise<ObservationRow[]> {
  return db
    .select(ROW)
    .from(observations)
    .where(and(eq(observations.metric, metric), eq(observations.geo, geo), eq(observations.basis, "actual")))
    .orderBy(asc(observations.id))
    .all();
}

/**
 * The totals of `metric` in one geo (every basis) and the actual totals of `statedMetric` (its
 * stated share of plan), latest period end first.
 */
export function planObservations(db: Db, geo: string, metric: string, statedMetric: string): Promise<ObservationRow[]> {
  return db
    .select(ROW)
    .from(observations)
    .where(
      and(
        eq(observations.geo, geo),
        TOTALS,
        or(eq(observations.metric, metric), and(eq(observations.metric, statedMetric), eq(observations.basis, "actual"))),
      ),
    )
    .orderBy(desc(observations.periodEnd), asc(observations.id))
    .all();
}

/** The actual and target totals of some metrics in one geo (in no particular order). */
export function summaryObservations(db: Db, geo: string, metrics: string[]): Promise<ObservationRow[]> {
  return db
    .select(ROW)
    .from(observations)
    .where(and(eq(observations.geo, geo), TOTALS, inArray(observations.basis, ["actual", "target"]), inArray(observations.metric, metrics)))
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

/** Per metric: its observations and how many of them are conflicts (unexecuted, for a batch). */
export function countsByMetricQuery(db: Db) {
  return db
    .select({ metric: observations.metric, n: count(), conflicts: sql<number>`sum(${observations.status} = 'conflict')` })
    .from(observations)
    .groupBy(observations.metric);
}

/** Every observation and every conflict, counted (unexecuted, for a batch). */
export function totalsQuery(db: Db) {
  return db.select({ n: count(), conflicts: sql<number>`coalesce(sum(${observations.status} = 'conflict'), 0)` }).from(observations);
}

/** A fact with the key of an observation: facts hold NULL where the observation's key holds "". */
const FACT_OF_OBSERVATION = and(
  eq(facts.metric, observations.metric),
  eq(facts.geo, observations.geo),
  eq(facts.periodStart, observations.periodStart),
  eq(facts.periodEnd, observations.periodEnd),
  eq(sql`coalesce(${facts.currency}, '')`, observations.currency),
  eq(facts.basis, observations.basis),
  eq(sql`coalesce(${facts.partDimension}, '')`, observations.partDimension),
  eq(sql`coalesce(${facts.partMember}, '')`, observations.partMember),
);

export interface SourceRow extends SourceRef {
  /** The observation the fact backs. */
  oid: number;
}

/**
 * Every fact backing the observations `ids`, with its article: by observation, then earliest
 * publication (undated last), article and fact. Mind D1's 100 bound parameters a statement.
 */
export function sourceRows(db: Db, ids: number[]): Promise<SourceRow[]> {
  return db
    .select({
      oid: observations.id,
      article_id: facts.articleId,
      url: articles.url,
      title: articles.title,
      published: articles.published,
      lang: articles.lang,
      sentence: facts.sentence,
      value: facts.value,
      qualifier: facts.qualifier,
    })
    .from(observations)
    .innerJoin(facts, FACT_OF_OBSERVATION)
    .innerJoin(articles, eq(articles.id, facts.articleId))
    .where(inArray(observations.id, ids))
    .orderBy(asc(observations.id), isNull(articles.published), asc(articles.published), asc(facts.articleId), asc(facts.id))
    .all();
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

/** The observations after `afterId`, by id, `limit` at most, each with its source URLs (distinct, sorted). */
export function observationExportPage(db: Db, afterId: number, limit: number): Promise<ObservationExportRow[]> {
  return db.all<ObservationExportRow>(
    sql`SELECT o.id, o.metric, o.geo, o.period_start, o.period_end, o.span, o.basis, o.part_dimension, o.part_member, o.value, o.unit, o.currency, o.qualifier, o.status,
       o.value_min, o.value_max, o.fact_count, o.article_count,
       (SELECT group_concat(url, ' ') FROM (SELECT DISTINCT a.url FROM facts f JOIN articles a ON a.id = f.article_id
          WHERE f.metric = o.metric AND f.geo = o.geo AND f.period_start = o.period_start AND f.period_end = o.period_end
            AND coalesce(f.currency, '') = o.currency AND f.basis = o.basis
            AND coalesce(f.part_dimension, '') = o.part_dimension AND coalesce(f.part_member, '') = o.part_member
          ORDER BY a.url)) AS source_urls
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

/** A fact `f` of the observation `o`: from `o` to its facts on facts_key_idx, or from a fact to its observation on observations_key_unique. */
const FEED_FACT_OF_OBSERVATION = sql`f.metric = o.metric AND f.geo = o.geo AND f.period_start = o.period_start AND f.period_end = o.period_end
  AND coalesce(f.currency, '') = o.currency AND +f.basis = o.basis AND coalesce(f.part_dimension, '') = o.part_dimension
  AND coalesce(f.part_member, '') = o.part_member`;

const O_ROW = sql.raw(
  "o.id, o.metric, o.geo, o.period_start, o.period_end, o.currency, o.basis, o.part_dimension, o.part_member, o.span, o.unit, o.value, " +
    "o.value_min, o.value_max, o.qualifier, o.qualifiers, o.status, o.fact_count, o.article_count, o.months",
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
    sql`SELECT DISTINCT f.article_id, ${O_ROW} FROM facts f JOIN observations o ON ${FEED_FACT_OF_OBSERVATION}
     WHERE f.article_id IN (${ids}) AND ${FEED_ROLE}
     ORDER BY f.article_id DESC, o.id DESC`,
  );
}

/**
 * The `limit` observations (actual totals) of one metric, or the conflicts, or the conflicts of one
 * metric, whose newest source was written last, each with that time (`updated`). Starts from the
 * observations the filter names (observations_key_unique by metric, or observations_status_idx), then
 * each one's facts by key and their articles by id, so it reads the filter's facts and no others.
 */
export function newestObservationsOf(db: Db, f: FeedObservationFilter, limit: number): Promise<(ObservationRow & { updated: string })[]> {
  if (!f.metric && !f.conflictsOnly) throw new Error("newestObservationsOf needs a metric or conflictsOnly (see articlesByWrite)");
  // One index leads: the metric's when there is one (the status is then a filter), else the status's.
  const filter = f.metric
    ? sql`o.metric = ${f.metric}${f.conflictsOnly ? sql` AND +o.status = 'conflict'` : sql``}`
    : sql`o.status = 'conflict'`;
  return db.all<ObservationRow & { updated: string }>(
    sql`SELECT ${O_ROW}, max(a.fetched_at) AS updated
     FROM observations o CROSS JOIN facts f ON ${FEED_FACT_OF_OBSERVATION} CROSS JOIN articles a ON a.id = f.article_id
     WHERE ${filter} AND ${FEED_ROLE} AND a.fetched_at IS NOT NULL
     GROUP BY o.id ORDER BY updated DESC, o.id DESC LIMIT ${limit}`,
  );
}
