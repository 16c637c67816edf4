/**
 * Every query of the people table for the API (with their person_mentions, person_mention_counts and
 * quotes), and the statements the article writer runs to keep each person's counts.
 *
 * One query stays raw SQL: the list of people, which aggregates each person's distinct titles into
 * a JSON array (json_group_array) and pages by keyset over (article_count, id); the builder has no
 * form for the JSON aggregation. One person's page and the pages of their articles and quotes are
 * builder queries with a few SQL fragments (row values, correlated min/max).
 *
 * article_count and quote_count are stored on the person, not counted when the list is read: the
 * list sorts by them, and counting them for every person on every read would read every mention.
 * The writer takes an article's share off before it replaces the article's mentions and quotes and
 * adds the new share after (personCountStatements), in the same batch: work in proportion to the
 * people one article names.
 *
 * Nothing here reads all of a person's mentions or quotes, however many articles name them:
 * - titles and spellings come from person_mention_counts (one row per person, title and spelling,
 *   kept by triggers), each title's first and last publication day from two seeks on
 *   person_mentions_title_idx;
 * - articles and quotes come newest first off person_mentions_person_idx and quotes_person_idx
 *   (mentions and quotes carry their article's publication date, kept by triggers), a page at a
 *   time, by keyset: dated rows off a row-value range, undated ones after them.
 */
import { and, asc, desc, eq, gt, inArray, isNotNull, isNull, lt, ne, type SQL, sql } from "drizzle-orm";
import type { BatchItem } from "drizzle-orm/batch";
import { articles, people, personMentionCounts, personMentions, quotes } from "../../schema/tables";
import type { ArticleCursor } from "./articles";
import type { Db } from "./client";

export interface PersonListRow {
  id: string;
  name: string;
  /** A JSON array of the distinct titles. */
  titles: string | null;
  article_count: number;
  quote_count: number;
}

export type PeopleSort = "articles" | "name";

export interface PeoplePage {
  /** A folded name fragment the id must contain (ids are folded names). */
  needle?: string;
  sort: PeopleSort;
  /** The last row of the previous page: its article count (sort "articles") and id. */
  after?: { articleCount: number; id: string };
  limit: number;
}

/** `text` as a LIKE pattern matching itself anywhere, with `\` escaping LIKE's wildcards. */
const containing = (text: string) => `%${text.replace(/[%_\\]/g, "\\$&")}%`;

/** One page of people with their titles and counts: most-mentioned first (sort "articles"), or by id. */
export function listPeople(db: Db, q: PeoplePage): Promise<PersonListRow[]> {
  const where: SQL[] = [];
  if (q.needle !== undefined) where.push(sql`p.id LIKE ${containing(q.needle)} ESCAPE '\\'`);
  // (article_count, id) after the cursor's, with the count DESC: a range on the rank index, then the tie.
  if (q.after && q.sort === "articles")
    where.push(sql`p.article_count <= ${q.after.articleCount} AND (p.article_count < ${q.after.articleCount} OR p.id > ${q.after.id})`);
  else if (q.after) where.push(sql`p.id > ${q.after.id}`);
  const order = q.sort === "articles" ? sql`p.article_count DESC, p.id` : sql`p.id`;
  // Titles from the person's rows of person_mention_counts (a few per person), not from every mention.
  return db.all<PersonListRow>(sql`SELECT p.id, p.name,
      (SELECT json_group_array(DISTINCT t.title) FROM person_mention_counts t WHERE t.person_id = p.id AND t.title <> '') AS titles,
      p.article_count, p.quote_count
    FROM people p ${where.length ? sql`WHERE ${sql.join(where, sql` AND `)}` : sql``}
    ORDER BY ${order} LIMIT ${q.limit}`);
}

/**
 * The statements that take one article's share off its people's counts (`sign` -1, before the
 * article's mentions and quotes are deleted) or add it (+1, after the new ones are inserted): one
 * article per person mentioned, one per quote. For the writer's batch.
 */
export function personCountStatements(db: Db, articleId: number, sign: 1 | -1): BatchItem<"sqlite">[] {
  const mentioned = db.select({ id: personMentions.personId }).from(personMentions).where(eq(personMentions.articleId, articleId));
  const quoted = db.select({ id: quotes.personId }).from(quotes).where(eq(quotes.articleId, articleId));
  const quotesHere = sql`(SELECT count(*) FROM ${quotes} WHERE ${quotes.articleId} = ${articleId} AND ${quotes.personId} = ${people.id})`;
  return [
    db
      .update(people)
      .set({ articleCount: sql`${people.articleCount} + ${sign}` })
      .where(inArray(people.id, mentioned)),
    db
      .update(people)
      .set({ quoteCount: sql`${people.quoteCount} + ${sign} * ${quotesHere}` })
      .where(inArray(people.id, quoted)),
  ];
}

// ---- One person, their articles and their quotes ----

/** An article as a person's page cites it. */
const ARTICLE_REF = { id: articles.id, url: articles.url, title: articles.title, published: articles.published, lang: articles.lang };

export type ArticleRef = { id: number; url: string; title: string | null; published: string | null; lang: string | null };

/** Where a page of a person's quotes starts: after this quote (its article's date and id, its place there). */
export interface QuoteCursor extends ArticleCursor {
  seq: number;
}

export interface PersonQuote {
  text: string;
  article: ArticleRef;
}

/** A page of rows, in order, and the cursor after its last row when more follow. */
export interface Page<T, C> {
  items: T[];
  next: C | null;
}

/** The person's row: name and stored counts. */
const personRow = (db: Db, id: string) =>
  db
    .select({ id: people.id, name: people.name, articleCount: people.articleCount, quoteCount: people.quoteCount })
    .from(people)
    .where(eq(people.id, id));

/**
 * A person's articles after `after`, newest publication first, undated last, then newest article:
 * one statement for the dated ones (a row-value range on person_mentions_person_idx, read
 * backwards), one for the undated ones. An article named with several titles has one mention per
 * title; they are neighbours in the index, grouped into one row as the walk goes, so it stops at
 * `limit` articles. The statements' rows, concatenated in order, are the page.
 */
function articleStatements(db: Db, personId: string, after: ArticleCursor | null, limit: number) {
  const m = personMentions;
  const page = (where: SQL | undefined) =>
    db
      .select({ at: sql<string | null>`${m.published}`.as("at"), article: ARTICLE_REF })
      .from(m)
      .innerJoin(articles, eq(articles.id, m.articleId))
      .where(and(eq(m.personId, personId), where))
      .groupBy(m.published, m.articleId)
      .orderBy(desc(m.published), desc(m.articleId))
      .limit(limit);
  if (after === null) return [page(isNotNull(m.published)), page(isNull(m.published))];
  if (after.published === null) return [page(and(isNull(m.published), lt(m.articleId, after.articleId)))];
  return [page(sql`(${m.published}, ${m.articleId}) < (${after.published}, ${after.articleId})`), page(isNull(m.published))];
}

/**
 * A person's quotes after `after`: newest publication first, undated last, then newest article, an
 * article's quotes in text order (quotes_person_idx read backwards). The rest of the cursor's
 * article first, then older dated articles, then undated ones: each a range of the index.
 */
function quoteStatements(db: Db, personId: string, after: QuoteCursor | null, limit: number) {
  const q = quotes;
  const page = (where: SQL | undefined) =>
    db
      .select({ at: sql<string | null>`${q.published}`.as("at"), seq: q.seq, text: q.text, article: ARTICLE_REF })
      .from(q)
      .innerJoin(articles, eq(articles.id, q.articleId))
      .where(and(eq(q.personId, personId), where))
      .orderBy(desc(q.published), desc(q.articleId), asc(q.seq))
      .limit(limit);
  if (after === null) return [page(isNotNull(q.published)), page(isNull(q.published))];
  const sameArticle = and(eq(q.articleId, after.articleId), gt(q.seq, after.seq));
  if (after.published === null)
    return [page(and(isNull(q.published), sameArticle)), page(and(isNull(q.published), lt(q.articleId, after.articleId)))];
  return [
    page(and(eq(q.published, after.published), sameArticle)),
    page(sql`(${q.published}, ${q.articleId}) < (${after.published}, ${after.articleId})`),
    page(isNull(q.published)),
  ];
}

type ArticleRow = { at: string | null; article: ArticleRef };
type QuoteRow = { at: string | null; seq: number; text: string; article: ArticleRef };

/** The first `limit` rows of branches already in order, and the cursor after them when a row is left. */
function pageOf<R, T, C>(branches: R[][], limit: number, item: (r: R) => T, cursor: (r: R) => C): Page<T, C> {
  const rows = branches.flat();
  const taken = rows.slice(0, limit);
  const last = taken.at(-1);
  return { items: taken.map(item), next: rows.length > limit && last ? cursor(last) : null };
}

const articleItem = (r: ArticleRow): ArticleRef => r.article;
const articleCursor = (r: ArticleRow): ArticleCursor => ({ published: r.at, articleId: r.article.id });
const quoteItem = (r: QuoteRow): PersonQuote => ({ text: r.text, article: r.article });
const quoteCursor = (r: QuoteRow): QuoteCursor => ({ published: r.at, articleId: r.article.id, seq: r.seq });

const byText = (a: string, b: string) => (a < b ? -1 : a > b ? 1 : 0);

/**
 * First and last publication day of one of the person's titles: a seek on person_mentions_title_idx
 * each. The outer row's title is named with its table: the builder writes a lone "title" in a
 * one-table select, which inside the subquery would mean m.title.
 */
const titleSeen = (personId: string, fn: "min" | "max") => {
  const seen = sql.raw(fn);
  return sql<string | null>`(SELECT ${seen}(m.published) FROM person_mentions m
    WHERE m.person_id = ${personId} AND m.title = person_mention_counts.title)`;
};

export interface PersonTitle {
  title: string;
  first_seen: string | null;
  last_seen: string | null;
  article_count: number;
}

/**
 * One person (undefined when there is no such person) with their spellings (most mentions first),
 * titles over time (first seen first, titles seen only in undated articles last), stored counts,
 * and their newest `articlesShown` articles and `quotesShown` quotes; one batch, bounded by those
 * numbers and by the person's distinct titles and spellings, not by their mentions.
 */
export async function readPerson(db: Db, id: string, articlesShown: number, quotesShown: number) {
  const c = personMentionCounts;
  const articlePage = articleStatements(db, id, null, articlesShown);
  const quotePage = quoteStatements(db, id, null, quotesShown);
  const [[person], spellings, titles, ...pages] = await db.batch([
    personRow(db, id),
    db
      .select({ name: c.nameAsWritten, mentions: sql<number>`sum(${c.mentions})`.as("mentions") })
      .from(c)
      .where(eq(c.personId, id))
      .groupBy(c.nameAsWritten),
    db
      .select({
        title: c.title,
        articleCount: sql<number>`sum(${c.mentions})`.as("article_count"),
        firstSeen: titleSeen(id, "min").as("first_seen"),
        lastSeen: titleSeen(id, "max").as("last_seen"),
      })
      .from(c)
      .where(and(eq(c.personId, id), ne(c.title, "")))
      .groupBy(c.title),
    ...articlePage,
    ...quotePage,
  ]);
  const articleRows = pages.slice(0, articlePage.length) as ArticleRow[][];
  const quoteRows = pages.slice(articlePage.length) as QuoteRow[][];
  const byMentions = (x: { name: string; mentions: number }, y: { name: string; mentions: number }) =>
    Number(y.mentions) - Number(x.mentions) || byText(x.name, y.name);
  // Earliest sighting first; titles no dated article gives last.
  const byFirstSeen = (x: PersonTitle, y: PersonTitle) =>
    x.first_seen === y.first_seen
      ? byText(x.title, y.title)
      : x.first_seen === null || (y.first_seen !== null && x.first_seen > y.first_seen)
        ? 1
        : -1;
  return {
    person,
    spellings: [...spellings].sort(byMentions).map((s) => s.name),
    titles: titles
      .map((t) => ({ title: t.title, first_seen: t.firstSeen, last_seen: t.lastSeen, article_count: Number(t.articleCount) }))
      .sort(byFirstSeen),
    articles: pageOf(articleRows, articlesShown, articleItem, articleCursor).items,
    quotes: pageOf(quoteRows, quotesShown, quoteItem, quoteCursor).items,
  };
}

/** A page of a person's articles (newest first) and the person's row (undefined: no such person). */
export async function personArticlesPage(db: Db, id: string, after: ArticleCursor | null, limit: number) {
  const [first, ...rest] = articleStatements(db, id, after, limit + 1);
  const [[person], ...branches] = await db.batch([personRow(db, id), first, ...rest]);
  return { person, page: pageOf(branches as ArticleRow[][], limit, articleItem, articleCursor) };
}

/** A page of a person's quotes (newest first) and the person's row (undefined: no such person). */
export async function personQuotesPage(db: Db, id: string, after: QuoteCursor | null, limit: number) {
  const [first, ...rest] = quoteStatements(db, id, after, limit + 1);
  const [[person], ...branches] = await db.batch([personRow(db, id), first, ...rest]);
  return { person, page: pageOf(branches as QuoteRow[][], limit, quoteItem, quoteCursor) };
}
