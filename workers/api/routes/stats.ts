import { createRoute, z } from "@hono/zod-openapi";
import { readVersion } from "../../db/dataset-version";
import type { Router } from "../app-type";

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
  tags: ["meta"],
  summary: "Counts: articles by status, facts, people — what the operator watches while the pipeline runs",
  responses: { 200: { description: "Counts", content: { "application/json": { schema: Stats } } } },
});

export function registerStats(app: Router): void {
  app.openapi(route, async function stats(c) {
    const db = c.env.DB;
    const [byStatus, facts, people, version] = await Promise.all([
      db.prepare("SELECT status, count(*) AS n FROM articles GROUP BY status").all<{ status: string; n: number }>(),
      db.prepare("SELECT count(*) AS n FROM facts").first<{ n: number }>(),
      db.prepare("SELECT count(*) AS n FROM people").first<{ n: number }>(),
      readVersion(db),
    ]);
    const articles = Object.fromEntries(byStatus.results.map((r) => [r.status, r.n]));
    return c.json({ version, articles, facts: facts?.n ?? 0, people: people?.n ?? 0 }, 200);
  });
}
