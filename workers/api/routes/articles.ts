import { createRoute } from "@hono/zod-openapi";
import { and, desc, eq, lt, type SQL } from "drizzle-orm";
import type { Schema } from "hono/types";
import { ArticleOut, ArticlesQuery, pageOf, problemResponse } from "../../../schema/api";
import { articles } from "../../../schema/tables";
import { createDb } from "../../db/client";
import type { ApiApp } from "../app-type";
import { decodeCursor, encodeCursor } from "../cursor";
import { badParam } from "./bad-param";
import { PUBLIC, RATE_LIMITED } from "./responses";

const route = createRoute({
  method: "get",
  path: "/v1/articles",
  operationId: "listArticles",
  tags: ["articles"],
  summary: "Every article URL the pipeline has seen, newest first, with its status and reason",
  security: PUBLIC,
  request: { query: ArticlesQuery },
  responses: {
    200: { description: "A page of articles", content: { "application/json": { schema: pageOf(ArticleOut) } } },
    400: problemResponse("Bad parameter"),
    ...RATE_LIMITED,
  },
});

export type ArticleRow = typeof articles.$inferSelect;

export function articleOut(a: ArticleRow) {
  return {
    id: a.id,
    url: a.url,
    source_id: a.sourceId,
    status: a.status,
    reason: a.reason,
    attempts: a.attempts,
    http_status: a.httpStatus,
    lang: a.lang,
    title: a.title,
    published: a.published,
    fact_count: a.factCount,
    discovered_at: a.discoveredAt,
    updated_at: a.updatedAt,
  };
}

export function registerArticles<S extends Schema>(app: ApiApp<S>) {
  return app.openapi(route, async function listArticles(c) {
    const q = c.req.valid("query");
    const where: SQL[] = [];
    if (q.cursor) {
      const after = decodeCursor(q.cursor);
      if (after === null) return badParam(c, "cursor", "not a cursor this API issued");
      where.push(lt(articles.id, after));
    }
    if (q.status) where.push(eq(articles.status, q.status));
    if (q.source) where.push(eq(articles.sourceId, q.source));
    const rows = await createDb(c.env.DB)
      .select()
      .from(articles)
      .where(and(...where))
      .orderBy(desc(articles.id))
      .limit(q.limit + 1)
      .all();
    const page = rows.slice(0, q.limit);
    const next = rows.length > q.limit ? encodeCursor(page[page.length - 1].id) : null;
    return c.json({ items: page.map(articleOut), next_cursor: next }, 200);
  });
}
