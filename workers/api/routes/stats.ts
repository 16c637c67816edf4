import { createRoute, z } from "@hono/zod-openapi";
import type { Schema } from "hono/types";
import { createDb } from "../../db/client";
import { articlesByStatus, factTotal, tableCount } from "../../db/counts";
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
    // Counter rows kept by triggers (workers/db/counts.ts): no table is counted row by row.
    const [statuses, factCount, personCount, version] = await Promise.all([
      articlesByStatus(db),
      factTotal(db),
      tableCount(db, "people"),
      readVersion(c.env.DB),
    ]);
    return c.json({ version, articles: statuses, facts: factCount, people: personCount }, 200);
  });
}
