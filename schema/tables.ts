/**
 * The D1 schema, in one place. drizzle-kit generates migrations/ from this file, and wrangler
 * applies them (wrangler.toml `migrations_dir`). Column names are snake_case in SQL.
 */
import { sql } from "drizzle-orm";
import { index, integer, primaryKey, real, sqliteTable, text, uniqueIndex } from "drizzle-orm/sqlite-core";
import { SPAN_KINDS } from "./spans";

const now = sql`(strftime('%Y-%m-%dT%H:%M:%fZ','now'))`;

export const SOURCE_KINDS = ["rss", "atom", "sitemap", "pages"] as const;
export type SourceKind = (typeof SOURCE_KINDS)[number];

/** Where articles are discovered: a feed, a sitemap or a page listing article links. */
export const sources = sqliteTable("sources", {
  id: text().primaryKey(),
  name: text().notNull(),
  kind: text({ enum: SOURCE_KINDS }).notNull(),
  url: text().notNull(),
  /** Language the source publishes in, when known: a hint for the extractor. */
  lang: text(),
  active: integer({ mode: "boolean" }).notNull().default(true),
  /** A local development source: the SSRF guard lets it (and its articles) reach loopback. */
  local: integer({ mode: "boolean" }).notNull().default(false),
  etag: text(),
  lastModified: text(),
  lastStatus: text(),
  lastError: text(),
  lastCrawledAt: text(),
  lastFound: integer().notNull().default(0),
  lastQueued: integer().notNull().default(0),
  createdAt: text().notNull().default(now),
});

export const ARTICLE_STATUSES = ["queued", "fetched", "extracted", "skipped", "failed"] as const;
export type ArticleStatus = (typeof ARTICLE_STATUSES)[number];

/** One row per URL ever seen; the status says how far it got and `reason` why it stopped. */
export const articles = sqliteTable(
  "articles",
  {
    id: integer().primaryKey({ autoIncrement: true }),
    url: text().notNull(),
    sourceId: text().references(() => sources.id),
    status: text({ enum: ARTICLE_STATUSES }).notNull().default("queued"),
    reason: text(),
    attempts: integer().notNull().default(0),
    httpStatus: integer(),
    finalUrl: text(),
    contentHash: text(),
    /** R2 key of the archived page (gzip, with its fetch metadata); null until the page is archived. */
    pageKey: text(),
    /** R2 key of the main text; null while the text still lives in article_texts (moved by the pipeline). */
    textKey: text(),
    lang: text(),
    title: text(),
    published: text(),
    author: text(),
    extractorVersion: text(),
    factCount: integer().notNull().default(0),
    discoveredAt: text().notNull().default(now),
    fetchedAt: text(),
    updatedAt: text().notNull().default(now),
  },
  (t) => [
    uniqueIndex("articles_url_unique").on(t.url),
    index("articles_status_idx").on(t.status, t.id),
    index("articles_source_idx").on(t.sourceId, t.id),
    index("articles_published_idx").on(t.published),
    // The Atom feeds walk articles newest write first (fetched_at is set by every write of an article's facts).
    index("articles_fetched_idx").on(t.fetchedAt),
  ],
);

/**
 * Main texts as they were kept before the R2 archive: the pipeline moves each to R2 and deletes its
 * row (workers/pipeline/move-texts.ts); readers fall back to it while a row remains.
 */
export const articleTexts = sqliteTable("article_texts", {
  articleId: integer()
    .primaryKey()
    .references(() => articles.id, { onDelete: "cascade" }),
  text: text().notNull(),
});

/** One figure in one article. */
export const facts = sqliteTable(
  "facts",
  {
    id: integer().primaryKey({ autoIncrement: true }),
    articleId: integer()
      .notNull()
      .references(() => articles.id, { onDelete: "cascade" }),
    seq: integer().notNull(),
    metric: text().notNull(),
    value: real().notNull(),
    unit: text().notNull(),
    currency: text(),
    periodStart: text(),
    periodEnd: text(),
    geo: text().notNull(),
    qualifier: text().notNull(),
    /** actual | target | forecast: a plan or a projection never stands in for a result. */
    basis: text({ enum: ["actual", "target", "forecast"] })
      .notNull()
      .default("actual"),
    /** The slice a figure is (sector, industry, market, product, component, area), or null for a total. */
    partDimension: text(),
    partMember: text(),
    sentence: text().notNull(),
    /**
     * The observation the fact backs (null for a fact that backs none: no period, metric "other").
     * Set in the batch that writes the fact; an observation's id never changes while a fact backs it.
     */
    observationId: integer(),
    /** The article's publication date, copied here so an observation's newest sources come off one index. */
    published: text(),
  },
  (t) => [
    uniqueIndex("facts_article_seq_unique").on(t.articleId, t.seq),
    // An observation's sources, newest publication first (undated last: NULL sorts first, read backwards),
    // one article's facts together.
    index("facts_observation_idx").on(t.observationId, t.published, t.articleId),
    index("facts_key_idx").on(t.metric, t.geo, t.periodStart, t.periodEnd),
    index("facts_period_idx").on(t.periodStart),
    // One column each, so that rows of one value come in id order (an index ends with the rowid):
    // /v1/facts filtered by metric, geo, basis or slicing pages through the index and stops at its
    // limit (a metric's facts in a period range too: facts_key_idx would read and sort all of them).
    index("facts_metric_idx").on(t.metric),
    index("facts_geo_idx").on(t.geo),
    index("facts_basis_idx").on(t.basis),
    index("facts_part_idx").on(t.partDimension),
  ],
);

/**
 * A person across articles; the id is the folded name, so spellings with and without diacritics meet.
 * The counts are kept by the article writer (workers/db/people.ts personCountStatements), in the
 * batch that changes the person's mentions and quotes, so the list of people sorts by them on an index.
 */
export const people = sqliteTable(
  "people",
  {
    id: text().primaryKey(),
    name: text().notNull(),
    createdAt: text().notNull().default(now),
    /** Articles that mention the person (under any title). */
    articleCount: integer().notNull().default(0),
    /** Quotes attributed to the person. */
    quoteCount: integer().notNull().default(0),
  },
  // The order of /v1/people (most-mentioned first, then id): a page walks it and stops.
  (t) => [index("people_rank_idx").on(sql`${t.articleCount} DESC`, t.id)],
);

/** A person named in an article, with the title used there (one row per title). */
export const personMentions = sqliteTable(
  "person_mentions",
  {
    articleId: integer()
      .notNull()
      .references(() => articles.id, { onDelete: "cascade" }),
    personId: text()
      .notNull()
      .references(() => people.id),
    nameAsWritten: text().notNull(),
    title: text().notNull().default(""),
    /** The article's publication date, kept equal to it by triggers (migrations/0010_bounded_reads.sql). */
    published: text(),
  },
  (t) => [
    primaryKey({ columns: [t.articleId, t.personId, t.title] }),
    // A person's articles, newest publication first (undated last: NULL sorts first, read backwards).
    index("person_mentions_person_idx").on(t.personId, t.published, t.articleId),
    // When a person held a title: its first and last publication day, one seek each.
    index("person_mentions_title_idx").on(t.personId, t.title, t.published),
  ],
);

/**
 * Mentions per person, title ("" for none) and spelling, kept by triggers on person_mentions (same
 * migration): a person's titles and spellings, and each title's article count (one mention per
 * article and title), read without reading the mentions.
 */
export const personMentionCounts = sqliteTable(
  "person_mention_counts",
  {
    personId: text().notNull(),
    title: text().notNull(),
    nameAsWritten: text().notNull(),
    mentions: integer().notNull().default(0),
  },
  (t) => [primaryKey({ columns: [t.personId, t.title, t.nameAsWritten] })],
);

export const quotes = sqliteTable(
  "quotes",
  {
    id: integer().primaryKey({ autoIncrement: true }),
    articleId: integer()
      .notNull()
      .references(() => articles.id, { onDelete: "cascade" }),
    seq: integer().notNull(),
    personId: text().references(() => people.id),
    speaker: text(),
    text: text().notNull(),
    /** The article's publication date, kept equal to it by triggers (migrations/0010_bounded_reads.sql). */
    published: text(),
  },
  (t) => [
    uniqueIndex("quotes_article_seq_unique").on(t.articleId, t.seq),
    // A person's quotes, newest publication first, undated last, then newest article, each article's in
    // text order: the whole order is this index read backwards (hence seq DESC).
    index("quotes_person_idx").on(t.personId, t.published, t.articleId, sql`${t.seq} DESC`),
  ],
);

/** An event named in an article; `key` (folded name and start day) groups mentions of one event. */
export const events = sqliteTable(
  "events",
  {
    id: integer().primaryKey({ autoIncrement: true }),
    articleId: integer()
      .notNull()
      .references(() => articles.id, { onDelete: "cascade" }),
    seq: integer().notNull(),
    key: text().notNull(),
    name: text().notNull(),
    start: text(),
    end: text(),
  },
  (t) => [
    uniqueIndex("events_article_seq_unique").on(t.articleId, t.seq),
    index("events_key_idx").on(t.key),
    // The order of /v1/events (latest start first, undated last, then key): a page walks it from its
    // cursor and stops. Undated sorts as "" (CASE, not coalesce: drizzle-kit splits index expressions
    // at commas); workers/db/events.ts writes the same expression.
    index("events_sort_idx").on(sql`(CASE WHEN ${t.start} IS NULL THEN '' ELSE ${t.start} END) DESC`, t.key),
  ],
);

export const articleCountries = sqliteTable(
  "article_countries",
  {
    articleId: integer()
      .notNull()
      .references(() => articles.id, { onDelete: "cascade" }),
    country: text().notNull(),
  },
  (t) => [primaryKey({ columns: [t.articleId, t.country] }), index("article_countries_country_idx").on(t.country)],
);

/** Small key/value facts about the dataset, such as its version (bumped by every ingestion that changes data). */
export const datasetMeta = sqliteTable("dataset_meta", {
  key: text().primaryKey(),
  value: text().notNull(),
});

export const OBSERVATION_STATUSES = ["agreed", "conflict"] as const;
export type ObservationStatus = (typeof OBSERVATION_STATUSES)[number];

/**
 * What the dataset says about one (metric, geo, period, currency, basis, slice): derived from every
 * fact with that key (workers/dataset/observations.ts keeps it in step, inside each article's batch). `currency`
 * is "" for non-currency units, so the key has no NULLs; a figure given in VND and in USD is two
 * observations, not a conflict.
 */
export const observations = sqliteTable(
  "observations",
  {
    id: integer().primaryKey({ autoIncrement: true }),
    metric: text().notNull(),
    geo: text().notNull(),
    periodStart: text().notNull(),
    periodEnd: text().notNull(),
    currency: text().notNull().default(""),
    /** actual | target | forecast: plans and projections are observations of their own, never merged with results. */
    basis: text({ enum: ["actual", "target", "forecast"] })
      .notNull()
      .default("actual"),
    /** The slice ("" for a total): a market's or a sector's share is its own observation, beside its total. */
    partDimension: text().notNull().default(""),
    partMember: text().notNull().default(""),
    /** The period's span kind (schema/spans.ts): a series never mixes kinds. */
    span: text({ enum: SPAN_KINDS }).notNull().default("other"),
    unit: text().notNull(),
    /** The headline value: an exact figure's over a qualified one, then the earliest fact's. */
    value: real().notNull(),
    valueMin: real().notNull(),
    valueMax: real().notNull(),
    /** The qualifier of the fact the value comes from; `qualifiers` lists every one seen (comma-separated). */
    qualifier: text().notNull(),
    qualifiers: text().notNull(),
    status: text({ enum: OBSERVATION_STATUSES }).notNull(),
    factCount: integer().notNull(),
    articleCount: integer().notNull(),
    /** Sources: distinct (article, value) pairs among the facts. A listing shows the newest few; this counts them all. */
    sourceCount: integer().notNull().default(0),
    /** Every distinct value the facts give, comma-separated in the order first seen (as SQLite prints a REAL). */
    valueList: text().notNull().default(""),
    /** Months the period covers, so a summary compares like with like (9 months with 9 months). */
    months: integer().notNull(),
    /** When a write last changed it (RFC 3339, UTC, ms): what the Atom feeds order by. */
    updatedAt: text().notNull().default(""),
  },
  (t) => [
    // The Atom feeds of one metric and of the conflicts: actual totals, last changed first. Partial
    // indexes, so that only the rows a feed can show pay for an entry that moves with every write.
    index("observations_feed_metric_idx").on(t.metric, t.updatedAt).where(sql`${t.basis} = 'actual' AND ${t.partDimension} = ''`),
    index("observations_feed_conflicts_idx")
      .on(t.updatedAt)
      .where(sql`${t.status} = 'conflict' AND ${t.basis} = 'actual' AND ${t.partDimension} = ''`),
    uniqueIndex("observations_key_unique").on(
      t.metric,
      t.geo,
      t.periodStart,
      t.periodEnd,
      t.currency,
      t.basis,
      t.partDimension,
      t.partMember,
    ),
    index("observations_status_idx").on(t.status, t.id),
    index("observations_series_idx").on(t.metric, t.geo, t.basis, t.partDimension, t.span, t.periodEnd),
    // A breakdown: the latest period with slices along a dimension (one seek), then that period's slices.
    index("observations_slices_idx").on(t.metric, t.geo, t.basis, t.partDimension, t.periodEnd, t.periodStart),
    // /v1/observations always filters by basis, and by slicing unless a member is asked for: both
    // equal, the rows come in id order, so a page stops at its limit.
    index("observations_role_idx").on(t.basis, t.partDimension),
    index("observations_member_idx").on(t.partMember),
  ],
);

/**
 * Articles per source and status, kept by triggers on articles (migrations/0009_counters.sql) so
 * that /v1/sources and /v1/stats read a few rows, not every article. A discovered URL without a
 * source counts under "".
 */
export const articleCounts = sqliteTable(
  "article_counts",
  {
    sourceId: text().notNull(),
    status: text().notNull(),
    n: integer().notNull().default(0),
  },
  (t) => [primaryKey({ columns: [t.sourceId, t.status] })],
);

/** Facts, observations and conflicts per metric, kept by triggers on facts and observations (same migration). */
export const metricCounts = sqliteTable("metric_counts", {
  metric: text().primaryKey(),
  facts: integer().notNull().default(0),
  observations: integer().notNull().default(0),
  conflicts: integer().notNull().default(0),
});

/**
 * Actual slice observations per metric, geo and dimension, kept by triggers on observations
 * (migrations/0010_bounded_reads.sql): a breakdown's dimensions and their counts, read without
 * reading the slices.
 */
export const sliceCounts = sqliteTable(
  "slice_counts",
  {
    metric: text().notNull(),
    geo: text().notNull(),
    partDimension: text().notNull(),
    n: integer().notNull().default(0),
  },
  (t) => [primaryKey({ columns: [t.metric, t.geo, t.partDimension] })],
);

/** Rows of other tables, by table name, kept by triggers (people). */
export const tableCounts = sqliteTable("table_counts", {
  name: text().primaryKey(),
  n: integer().notNull().default(0),
});

/** Scratch space of one batch: the observation keys an article write touches (emptied before the batch ends). */
export const observationDirty = sqliteTable(
  "observation_dirty",
  {
    metric: text().notNull(),
    geo: text().notNull(),
    periodStart: text().notNull(),
    periodEnd: text().notNull(),
    currency: text().notNull(),
    basis: text().notNull(),
    partDimension: text().notNull(),
    partMember: text().notNull(),
  },
  (t) => [
    primaryKey({
      columns: [t.metric, t.geo, t.periodStart, t.periodEnd, t.currency, t.basis, t.partDimension, t.partMember],
    }),
  ],
);
