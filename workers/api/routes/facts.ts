import { createRoute } from "@hono/zod-openapi";
import { and, asc, eq, gt, gte, isNull, lte, type SQL, sql } from "drizzle-orm";
import type { Schema } from "hono/types";
import { FactOut, FactsQuery, pageOf, problemResponse } from "../../../schema/api";
import { articles, facts } from "../../../schema/tables";
import { createDb } from "../../db/client";
import type { ApiApp } from "../app-type";
import { decodeCursor, encodeCursor } from "../cursor";
import { factOut } from "../fact-json";
import { badParam } from "./bad-param";
import { PUBLIC, RATE_LIMITED } from "./responses";

const route = createRoute({
  method: "get",
  path: "/v1/facts",
  operationId: "listFacts",
  tags: ["facts"],
  summary: "Facts — one figure in one article — with their provenance (article URL, title, sentence)",
  security: PUBLIC,
  request: { query: FactsQuery },
  responses: {
    200: { description: "A page of facts", content: { "application/json": { schema: pageOf(FactOut) } } },
    400: problemResponse("Bad parameter"),
    ...RATE_LIMITED,
  },
});

export function registerFacts<S extends Schema>(app: ApiApp<S>) {
  return app.openapi(route, async function listFacts(c) {
    const q = c.req.valid("query");
    if (q.from && q.to && q.from > q.to) return badParam(c, "from", "from must not be after to");
    const where: SQL[] = [];
    if (q.cursor) {
      const after = decodeCursor(q.cursor);
      if (after === null) return badParam(c, "cursor", "not a cursor this API issued");
      where.push(gt(facts.id, after));
    }
    if (q.metric) where.push(eq(facts.metric, q.metric));
    // A page walks one index in id order and stops at its limit (facts_metric_idx, facts_geo_idx …).
    // With a metric, facts_key_idx (metric, geo, period) would also serve the geo and the period
    // range, but then SQLite reads and sorts every matching fact for each page: the unary plus
    // keeps the geo off that index, so the metric's facts come off facts_metric_idx in id order.
    if (q.geo) where.push(q.metric ? sql`+${facts.geo} = ${q.geo}` : eq(facts.geo, q.geo));
    if (q.from) where.push(gte(facts.periodEnd, q.from));
    if (q.to) where.push(lte(facts.periodStart, q.to));
    if (q.article) where.push(eq(facts.articleId, q.article));
    if (q.basis) where.push(eq(facts.basis, q.basis));
    if (q.dimension) where.push(q.dimension === "total" ? isNull(facts.partDimension) : eq(facts.partDimension, q.dimension));
    const rows = await createDb(c.env.DB)
      .select({ f: facts, a: { url: articles.url, title: articles.title, published: articles.published, lang: articles.lang } })
      .from(facts)
      .innerJoin(articles, eq(articles.id, facts.articleId))
      .where(and(...where))
      .orderBy(asc(facts.id))
      .limit(q.limit + 1)
      .all();
    const page = rows.slice(0, q.limit);
    const next = rows.length > q.limit ? encodeCursor(page[page.length - 1].f.id) : null;
    return c.json({ items: page.map((r) => factOut(r.f, r.a)), next_cursor: next }, 200);
  });
}
