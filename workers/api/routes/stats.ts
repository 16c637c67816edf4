import { createRoute, z } from "@hono/zod-openapi";
import { count } from "drizzle-orm";
import type { Schema } from "hono/types";
import { articles, facts, people } from "../../../schema/tables";
import { createDb } from "../../db/client";
import { readVersion } from "../../db/dataset-version";
import type { ApiApp } from "../app-type";
import { PUBLIC, RATE_LIMITED } from "./responses";

const Stats = z
  .object({
    version: z.string(),
    articles: z.record(z.string(), z.number()).openapi({ example: { extracted: 5, failed: 1 } }),
    facts: z.number(),
    people: z.number(),
  })
  .openapi("Stats");

const route = createRoute({
  method: "get",
  path: "/v1/stats",
  operationId: "getStats",
  tags: ["meta"],
  summary: "Counts: articles by status, facts, people — what the operator watches while the pipeline runs",
  security: PUBLIC,
  responses: { 200: { description: "Counts", content: { "application/json": { schema: Stats } } }, ...RATE_LIMITED },
});

export function registerStats<S extends Schema>(app: ApiApp<S>) {
  return app.openapi(route, async function stats(c) {
    const db = createDb(c.env.DB);
    const [byStatus, factCount, personCount, version] = await Promise.all([
      db.select({ status: articles.status, n: count() }).from(articles).groupBy(articles.status).all(),
      db.select({ n: count() }).from(facts).get(),
      db.select({ n: count() }).from(people).get(),
      readVersion(c.env.DB),
    ]);
    const statuses = Object.fromEntries(byStatus.map((r) => [r.status, r.n]));
    return c.json({ version, articles: statuses, facts: factCount?.n ?? 0, people: personCount?.n ?? 0 }, 200);
  });
}
