import { createRoute } from "@hono/zod-openapi";
import { HTTPException } from "hono/http-exception";
import { ErrorBody, PeopleQuery, PersonDetail, PersonOut, PersonPath, pageOf } from "../../../schema/api";
import { personKey } from "../../../schema/keys";
import type { Router } from "../app-type";
import { decodeKeyCursor, encodeKeyCursor } from "../cursor";
import { badParam } from "./bad-param";

const listRoute = createRoute({
  method: "get",
  path: "/v1/people",
  tags: ["people"],
  summary: "People, merged across spellings (with and without diacritics), with their titles and counts; most-mentioned first",
  request: { query: PeopleQuery },
  responses: {
    200: { description: "A page of people, by id", content: { "application/json": { schema: pageOf(PersonOut) } } },
    400: { description: "Bad parameter", content: { "application/json": { schema: ErrorBody } } },
  },
});

const detailRoute = createRoute({
  method: "get",
  path: "/v1/people/{id}",
  tags: ["people"],
  summary: "One person: spellings, titles over time, quotes and articles",
  request: { params: PersonPath },
  responses: {
    200: { description: "The person", content: { "application/json": { schema: PersonDetail } } },
    400: { description: "Bad id", content: { "application/json": { schema: ErrorBody } } },
    404: { description: "No such person", content: { "application/json": { schema: ErrorBody } } },
  },
});

interface PersonListRow {
  id: string;
  name: string;
  /** A JSON array of the distinct titles. */
  titles: string | null;
  article_count: number;
  quote_count: number;
}

interface ArticleRefRow {
  id: number;
  url: string;
  title: string | null;
  published: string | null;
  lang: string | null;
}

export function registerPeople(app: Router): void {
  app.openapi(listRoute, async function listPeople(c) {
    const q = c.req.valid("query");
    const where: string[] = [];
    const binds: (string | number)[] = [];
    if (q.q) {
      // Ids are folded names, so "Nguyễn Mạnh" and "nguyen manh" find the same people.
      const needle = personKey(q.q);
      if (!needle) return badParam(c, "q", "q must contain letters or digits");
      where.push("p.id LIKE ? ESCAPE '\\'");
      binds.push(`%${needle.replace(/[%_\\]/g, "\\$&")}%`);
    }
    // Keyset position: (article_count, id) when most-mentioned first, id alone by name.
    const after: string[] = [];
    const afterBinds: (string | number)[] = [];
    if (q.cursor) {
      const raw = decodeKeyCursor(q.cursor);
      const m = raw === null ? null : q.sort === "articles" ? /^(\d{1,9})\n(.+)$/s.exec(raw) : /^()(.+)$/s.exec(raw);
      if (!m) return badParam(c, "cursor", "not a cursor this API issued (for this sort)");
      if (q.sort === "articles") {
        after.push("(article_count < ? OR (article_count = ? AND id > ?))");
        afterBinds.push(Number(m[1]), Number(m[1]), m[2]);
      } else {
        after.push("id > ?");
        afterBinds.push(m[2]);
      }
    }
    const { results } = await c.env.DB.prepare(
      `SELECT * FROM (
         SELECT p.id, p.name,
           (SELECT json_group_array(DISTINCT m.title) FROM person_mentions m WHERE m.person_id = p.id AND m.title <> '') AS titles,
           (SELECT count(DISTINCT m.article_id) FROM person_mentions m WHERE m.person_id = p.id) AS article_count,
           (SELECT count(*) FROM quotes qq WHERE qq.person_id = p.id) AS quote_count
         FROM people p ${where.length ? `WHERE ${where.join(" AND ")}` : ""})
       ${after.length ? `WHERE ${after.join(" AND ")}` : ""}
       ORDER BY ${q.sort === "articles" ? "article_count DESC, id" : "id"} LIMIT ?`,
    )
      .bind(...binds, ...afterBinds, q.limit + 1)
      .all<PersonListRow>();
    const page = results.slice(0, q.limit);
    const last = page[page.length - 1];
    const next = results.length > q.limit ? encodeKeyCursor(q.sort === "articles" ? `${last.article_count}\n${last.id}` : last.id) : null;
    const items = page.map((r) => ({
      id: r.id,
      name: r.name,
      titles: r.titles ? (JSON.parse(r.titles) as string[]).sort() : [],
      article_count: r.article_count,
      quote_count: r.quote_count,
    }));
    return c.json({ items, next_cursor: next }, 200);
  });

  app.openapi(detailRoute, async function getPerson(c) {
    const { id } = c.req.valid("param");
    const db = c.env.DB;
    const [person, mentions, quotes] = await db.batch<Record<string, unknown>>([
      db.prepare("SELECT id, name FROM people WHERE id = ?").bind(id),
      db
        .prepare(
          `SELECT m.name_as_written, m.title, a.id, a.url, a.title AS article_title, a.published, a.lang
           FROM person_mentions m JOIN articles a ON a.id = m.article_id
           WHERE m.person_id = ? ORDER BY a.published IS NULL, a.published, a.id`,
        )
        .bind(id),
      db
        .prepare(
          `SELECT q.text, a.id, a.url, a.title, a.published, a.lang
           FROM quotes q JOIN articles a ON a.id = q.article_id WHERE q.person_id = ? ORDER BY a.published IS NULL, a.published, a.id, q.seq`,
        )
        .bind(id),
    ]);
    const p = person.results[0] as { id: string; name: string } | undefined;
    if (!p) throw new HTTPException(404, { message: `no person with id ${id}` });
    type MentionRow = { name_as_written: string; title: string; article_title: string | null } & ArticleRefRow;
    const rows = mentions.results as unknown as MentionRow[];
    const spellings = [...new Set(rows.map((r) => r.name_as_written))];
    const titles = new Map<string, { title: string; first_seen: string | null; last_seen: string | null; articles: Set<number> }>();
    const articles = new Map<number, ArticleRefRow>();
    for (const r of rows) {
      articles.set(r.id, { id: r.id, url: r.url, title: r.article_title, published: r.published, lang: r.lang });
      if (!r.title) continue;
      const t = titles.get(r.title) ?? { title: r.title, first_seen: null, last_seen: null, articles: new Set<number>() };
      t.articles.add(r.id);
      // Rows come by publication day, so the first dated one is the first sighting.
      if (r.published) {
        t.first_seen ??= r.published;
        t.last_seen = r.published;
      }
      titles.set(r.title, t);
    }
    return c.json(
      {
        id: p.id,
        name: p.name,
        spellings,
        titles: [...titles.values()].map((t) => ({
          title: t.title,
          first_seen: t.first_seen,
          last_seen: t.last_seen,
          article_count: t.articles.size,
        })),
        quotes: (quotes.results as unknown as ({ text: string } & ArticleRefRow)[]).map((q) => ({
          text: q.text,
          article: { id: q.id, url: q.url, title: q.title, published: q.published, lang: q.lang },
        })),
        articles: [...articles.values()],
      },
      200,
    );
  });
}
