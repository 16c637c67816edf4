/**
 * Every query of the people table for the API (with their person_mentions and quotes).
 *
 * One query stays raw SQL: the list of people, which aggregates each person's distinct titles into
 * a JSON array (json_group_array), counts articles and quotes in correlated subqueries, and pages by
 * keyset over one of those computed counts (article_count, id); the builder has no form for the
 * JSON aggregation nor for a keyset over a subquery's alias. One person's page is builder queries,
 * with one column renamed in SQL (see ARTICLE_REF_BESIDE_TITLE).
 */
import { asc, eq, isNull, type SQL, sql } from "drizzle-orm";
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
  const where = q.needle === undefined ? sql`` : sql`WHERE p.id LIKE ${containing(q.needle)} ESCAPE '\\'`;
  let after: SQL = sql``;
  if (q.after && q.sort === "articles")
    after = sql`WHERE (article_count < ${q.after.articleCount} OR (article_count = ${q.after.articleCount} AND id > ${q.after.id}))`;
  else if (q.after) after = sql`WHERE id > ${q.after.id}`;
  const order = q.sort === "articles" ? sql`article_count DESC, id` : sql`id`;
  return db.all<PersonListRow>(sql`SELECT * FROM (
      SELECT p.id, p.name,
        (SELECT json_group_array(DISTINCT m.title) FROM person_mentions m WHERE m.person_id = p.id AND m.title <> '') AS titles,
        (SELECT count(DISTINCT m.article_id) FROM person_mentions m WHERE m.person_id = p.id) AS article_count,
        (SELECT count(*) FROM quotes qq WHERE qq.person_id = p.id) AS quote_count
      FROM people p ${where})
    ${after}
    ORDER BY ${order} LIMIT ${q.limit}`);
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
