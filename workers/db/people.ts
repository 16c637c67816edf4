/**
 * Every query of the people table for the API (with their person_mentions and quotes), and the
 * statements the article writer runs to keep each person's counts.
 *
 * One query stays raw SQL: the list of people, which aggregates each person's distinct titles into
 * a JSON array (json_group_array) and pages by keyset over (article_count, id); the builder has no
 * form for the JSON aggregation. One person's page is builder queries, with one column renamed in
 * SQL (see ARTICLE_REF_BESIDE_TITLE).
 *
 * article_count and quote_count are stored on the person, not counted when the list is read: the
 * list sorts by them, and counting them for every person on every read would read every mention.
 * The writer takes an article's share off before it replaces the article's mentions and quotes and
 * adds the new share after (personCountStatements), in the same batch: work in proportion to the
 * people one article names.
 */
import { asc, eq, inArray, isNull, type SQL, sql } from "drizzle-orm";
import type { BatchItem } from "drizzle-orm/batch";
import { articles, people, personMentions, quotes } from "../../schema/tables";
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
  return db.all<PersonListRow>(sql`SELECT p.id, p.name,
      (SELECT json_group_array(DISTINCT m.title) FROM person_mentions m WHERE m.person_id = p.id AND m.title <> '') AS titles,
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

/** An article as a person's page cites it. */
const ARTICLE_REF = { id: articles.id, url: articles.url, title: articles.title, published: articles.published, lang: articles.lang };
/**
 * The same beside person_mentions.title: D1's batch() answers rows as objects keyed by column name,
 * so two columns named "title" would collapse into one; the article's is renamed in SQL.
 */
const ARTICLE_REF_BESIDE_TITLE = { ...ARTICLE_REF, title: sql<string | null>`${articles.title}`.as("article_title") };
/** Earliest publication first, undated articles last. */
const BY_PUBLICATION = [isNull(articles.published), asc(articles.published), asc(articles.id)];

/**
 * One person, every mention (with the article, by publication) and every quote (likewise), read in
 * one batch; `person` is undefined when there is no such person.
 */
export async function readPerson(db: Db, id: string) {
  const [[person], mentions, said] = await db.batch([
    db.select({ id: people.id, name: people.name }).from(people).where(eq(people.id, id)),
    db
      .select({ nameAsWritten: personMentions.nameAsWritten, title: personMentions.title, article: ARTICLE_REF_BESIDE_TITLE })
      .from(personMentions)
      .innerJoin(articles, eq(articles.id, personMentions.articleId))
      .where(eq(personMentions.personId, id))
      .orderBy(...BY_PUBLICATION),
    db
      .select({ text: quotes.text, article: ARTICLE_REF })
      .from(quotes)
      .innerJoin(articles, eq(articles.id, quotes.articleId))
      .where(eq(quotes.personId, id))
      .orderBy(...BY_PUBLICATION, asc(quotes.seq)),
  ]);
  return { person, mentions, quotes: said };
}

export type PersonRecord = Awaited<ReturnType<typeof readPerson>>;
export type PersonMention = PersonRecord["mentions"][number];
export type ArticleRef = PersonMention["article"];
