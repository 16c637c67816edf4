import { createRoute, type RouteHandler } from "@hono/zod-openapi";
import { HTTPException } from "hono/http-exception";
import type { Schema } from "hono/types";
import {
  PageQuery,
  PERSON_ARTICLES_LISTED,
  PERSON_QUOTES_LISTED,
  PeopleQuery,
  PersonArticlesOut,
  PersonDetail,
  PersonOut,
  PersonPath,
  PersonQuotesOut,
  pageOf,
  problemResponse,
} from "../../../schema/api";
import { personKey } from "../../../schema/keys";
import { createDb } from "../../db/client";
import {
  listPeople,
  type PeopleSort,
  type PersonListRow,
  personArticlesPage,
  personQuotesPage,
  type QuoteCursor,
  readPerson,
} from "../../db/people";
import type { ApiApp, ApiEnv } from "../app-type";
import { decodeArticleCursor, decodeKeyCursor, encodeArticleCursor, encodeKeyCursor } from "../cursor";
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
  summary: "One person: spellings, titles over time, counts, and their newest quotes and articles",
  request: { params: PersonPath },
  responses: {
    200: { description: "The person", content: { "application/json": { schema: PersonDetail } } },
    400: problemResponse("Bad id"),
    404: problemResponse("No such person"),
    ...RATE_LIMITED,
  },
});

const articlesRoute = createRoute({
  method: "get",
  path: "/v1/people/{id}/articles",
  operationId: "listPersonArticles",
  tags: ["people"],
  security: PUBLIC,
  summary: "Every article that mentions one person, newest publication first, a page at a time (the person lists only the newest)",
  request: { params: PersonPath, query: PageQuery },
  responses: {
    200: { description: "A page of articles", content: { "application/json": { schema: PersonArticlesOut } } },
    400: problemResponse("Bad parameter"),
    404: problemResponse("No such person"),
    ...RATE_LIMITED,
  },
});

const quotesRoute = createRoute({
  method: "get",
  path: "/v1/people/{id}/quotes",
  operationId: "listPersonQuotes",
  tags: ["people"],
  security: PUBLIC,
  summary: "Every quote attributed to one person, newest publication first, a page at a time (the person lists only the newest)",
  request: { params: PersonPath, query: PageQuery },
  responses: {
    200: { description: "A page of quotes", content: { "application/json": { schema: PersonQuotesOut } } },
    400: problemResponse("Bad parameter"),
    404: problemResponse("No such person"),
    ...RATE_LIMITED,
  },
});

type ListContext = Parameters<RouteHandler<typeof listRoute, ApiEnv>>[0];
type DetailContext = Parameters<RouteHandler<typeof detailRoute, ApiEnv>>[0];
type ArticlesContext = Parameters<RouteHandler<typeof articlesRoute, ApiEnv>>[0];
type QuotesContext = Parameters<RouteHandler<typeof quotesRoute, ApiEnv>>[0];

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

/** A cursor names the last quote of a page: its article (id, publication date when it has one) and place there. */
function encodeQuoteCursor(c: QuoteCursor): string {
  return encodeKeyCursor(`${c.articleId} ${c.seq}${c.published === null ? "" : ` ${c.published}`}`);
}

function decodeQuoteCursor(cursor: string): QuoteCursor | null {
  const m = /^(\d{1,16}) (\d{1,9})(?: (.+))?$/s.exec(decodeKeyCursor(cursor) ?? "");
  return m ? { articleId: Number(m[1]), seq: Number(m[2]), published: m[3] ?? null } : null;
}

async function getPersonHandler(c: DetailContext) {
  const { id } = c.req.valid("param");
  const p = await readPerson(createDb(c.env.DB), id, PERSON_ARTICLES_LISTED, PERSON_QUOTES_LISTED);
  if (!p.person) throw new HTTPException(404, { message: `no person with id ${id}` });
  return c.json(
    {
      id: p.person.id,
      name: p.person.name,
      spellings: p.spellings,
      titles: p.titles,
      article_count: p.person.articleCount,
      quote_count: p.person.quoteCount,
      quotes: p.quotes,
      articles: p.articles,
    },
    200,
  );
}

async function personArticlesHandler(c: ArticlesContext) {
  const { id } = c.req.valid("param");
  const { limit, cursor } = c.req.valid("query");
  const after = cursor ? decodeArticleCursor(cursor) : null;
  if (cursor && after === null) return badParam(c, "cursor", "not a cursor this API issued");
  const { person, page } = await personArticlesPage(createDb(c.env.DB), id, after, limit);
  if (!person) throw new HTTPException(404, { message: `no person with id ${id}` });
  const next = page.next ? encodeArticleCursor(page.next) : null;
  return c.json({ person_id: person.id, article_count: person.articleCount, items: page.items, next_cursor: next }, 200);
}

async function personQuotesHandler(c: QuotesContext) {
  const { id } = c.req.valid("param");
  const { limit, cursor } = c.req.valid("query");
  const after = cursor ? decodeQuoteCursor(cursor) : null;
  if (cursor && after === null) return badParam(c, "cursor", "not a cursor this API issued");
  const { person, page } = await personQuotesPage(createDb(c.env.DB), id, after, limit);
  if (!person) throw new HTTPException(404, { message: `no person with id ${id}` });
  const next = page.next ? encodeQuoteCursor(page.next) : null;
  return c.json({ person_id: person.id, quote_count: person.quoteCount, items: page.items, next_cursor: next }, 200);
}

export function registerPeople<S extends Schema>(app: ApiApp<S>) {
  return app
    .openapi(listRoute, listPeopleHandler)
    .openapi(detailRoute, getPersonHandler)
    .openapi(articlesRoute, personArticlesHandler)
    .openapi(quotesRoute, personQuotesHandler);
}
