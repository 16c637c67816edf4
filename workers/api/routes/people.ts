import { createRoute, type RouteHandler } from "@hono/zod-openapi";
import { HTTPException } from "hono/http-exception";
import type { Schema } from "hono/types";
import { PeopleQuery, PersonDetail, PersonOut, PersonPath, pageOf, problemResponse } from "../../../schema/api";
import { personKey } from "../../../schema/keys";
import { createDb } from "../../db/client";
import { type ArticleRef, listPeople, type PeopleSort, type PersonListRow, type PersonMention, readPerson } from "../../db/people";
import type { ApiApp, ApiEnv } from "../app-type";
import { decodeKeyCursor, encodeKeyCursor } from "../cursor";
import { badParam } from "./bad-param";
import { PUBLIC, RATE_LIMITED } from "./responses";

const listRoute = createRoute({
  method: "get",
  path: "/v1/people",
  operationId: "listPeople",
  tags: ["people"],
  security: PUBLIC,
  summary: "People, merged across spellings (with and without diacritics), with their titles and counts; most-mentioned first",
  request: { query: PeopleQuery },
  responses: {
    200: { description: "A page of people, by id", content: { "application/json": { schema: pageOf(PersonOut) } } },
    400: problemResponse("Bad parameter"),
    ...RATE_LIMITED,
  },
});

const detailRoute = createRoute({
  method: "get",
  path: "/v1/people/{id}",
  operationId: "getPerson",
  tags: ["people"],
  security: PUBLIC,
  summary: "One person: spellings, titles over time, quotes and articles",
  request: { params: PersonPath },
  responses: {
    200: { description: "The person", content: { "application/json": { schema: PersonDetail } } },
    400: problemResponse("Bad id"),
    404: problemResponse("No such person"),
    ...RATE_LIMITED,
  },
});

type ListContext = Parameters<RouteHandler<typeof listRoute, ApiEnv>>[0];
type DetailContext = Parameters<RouteHandler<typeof detailRoute, ApiEnv>>[0];

/**
 * The keyset position a cursor carries, for the sort it was issued for: (article_count, id) when
 * most-mentioned first, the id alone by name; null when it is not a cursor this API issued.
 */
function peopleCursor(cursor: string, sort: PeopleSort): { articleCount: number; id: string } | null {
  const raw = decodeKeyCursor(cursor);
  const m = raw === null ? null : sort === "articles" ? /^(\d{1,9})\n(.+)$/s.exec(raw) : /^()(.+)$/s.exec(raw);
  return m ? { articleCount: Number(m[1]), id: m[2] } : null;
}

/** The cursor after `last`, for the sort of the page. */
function nextPeopleCursor(last: PersonListRow, sort: PeopleSort): string {
  return encodeKeyCursor(sort === "articles" ? `${last.article_count}\n${last.id}` : last.id);
}

function personItem(r: PersonListRow) {
  return {
    id: r.id,
    name: r.name,
    titles: r.titles ? (JSON.parse(r.titles) as string[]).sort() : [],
    article_count: r.article_count,
    quote_count: r.quote_count,
  };
}

async function listPeopleHandler(c: ListContext) {
  const q = c.req.valid("query");
  let needle: string | undefined;
  if (q.q) {
    // Ids are folded names, so "Nguyễn Mạnh" and "nguyen manh" find the same people.
    needle = personKey(q.q);
    if (!needle) return badParam(c, "q", "q must contain letters or digits");
  }
  const after = q.cursor ? peopleCursor(q.cursor, q.sort) : undefined;
  if (after === null) return badParam(c, "cursor", "not a cursor this API issued (for this sort)");
  const results = await listPeople(createDb(c.env.DB), { needle, sort: q.sort, after, limit: q.limit + 1 });
  const page = results.slice(0, q.limit);
  const next = results.length > q.limit ? nextPeopleCursor(page[page.length - 1], q.sort) : null;
  return c.json({ items: page.map(personItem), next_cursor: next }, 200);
}

interface TitleSeen {
  title: string;
  first_seen: string | null;
  last_seen: string | null;
  articles: Set<number>;
}

/** Each title a person held, with the first and last publication day it was seen and its articles. */
function titlesOverTime(mentions: PersonMention[]): TitleSeen[] {
  const titles = new Map<string, TitleSeen>();
  for (const { title, article } of mentions) {
    if (!title) continue;
    const t = titles.get(title) ?? { title, first_seen: null, last_seen: null, articles: new Set<number>() };
    t.articles.add(article.id);
    // Mentions come by publication day, so the first dated one is the first sighting.
    if (article.published) {
      t.first_seen ??= article.published;
      t.last_seen = article.published;
    }
    titles.set(title, t);
  }
  return [...titles.values()];
}

/** The articles mentioning a person, once each, in the mentions' order. */
function mentioningArticles(mentions: PersonMention[]): ArticleRef[] {
  const byId = new Map<number, ArticleRef>();
  for (const { article: a } of mentions) byId.set(a.id, { id: a.id, url: a.url, title: a.title, published: a.published, lang: a.lang });
  return [...byId.values()];
}

async function getPersonHandler(c: DetailContext) {
  const { id } = c.req.valid("param");
  const { person: p, mentions, quotes } = await readPerson(createDb(c.env.DB), id);
  if (!p) throw new HTTPException(404, { message: `no person with id ${id}` });
  return c.json(
    {
      id: p.id,
      name: p.name,
      spellings: [...new Set(mentions.map((m) => m.nameAsWritten))],
      titles: titlesOverTime(mentions).map((t) => ({
        title: t.title,
        first_seen: t.first_seen,
        last_seen: t.last_seen,
        article_count: t.articles.size,
      })),
      quotes: quotes.map(({ text, article: a }) => ({
        text,
        article: { id: a.id, url: a.url, title: a.title, published: a.published, lang: a.lang },
      })),
      articles: mentioningArticles(mentions),
    },
    200,
  );
}

export function registerPeople<S extends Schema>(app: ApiApp<S>) {
  return app.openapi(listRoute, listPeopleHandler).openapi(detailRoute, getPersonHandler);
}
