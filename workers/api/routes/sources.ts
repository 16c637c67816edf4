import { createRoute, z } from "@hono/zod-openapi";
import type { Schema } from "hono/types";
import { SourceOut } from "../../../schema/api";
import { sources } from "../../../schema/tables";
import { createDb } from "../../db/client";
import { articlesBySourceAndStatus } from "../../db/counts";
import type { ApiApp } from "../app-type";
import { PUBLIC, RATE_LIMITED } from "./responses";

const route = createRoute({
  method: "get",
  path: "/v1/sources",
  operationId: "listSources",
  tags: ["sources"],
  summary: "Sources and their crawl health: last crawl, last error, articles by status",
  security: PUBLIC,
  responses: {
    200: { description: "Every source", content: { "application/json": { schema: z.object({ items: z.array(SourceOut) }) } } },
    ...RATE_LIMITED,
  },
});

export function registerSources<S extends Schema>(app: ApiApp<S>) {
  return app.openapi(route, async function listSources(c) {
    const db = createDb(c.env.DB);
    const [rows, counts] = await Promise.all([db.select().from(sources).orderBy(sources.id).all(), articlesBySourceAndStatus(db)]);
    const items = rows.map((s) => ({
      id: s.id,
      name: s.name,
      kind: s.kind,
      url: s.url,
      lang: s.lang,
      active: s.active,
      last_status: s.lastStatus,
      last_error: s.lastError,
      last_crawled_at: s.lastCrawledAt,
      last_found: s.lastFound,
      last_queued: s.lastQueued,
      articles: Object.fromEntries(counts.filter((r) => r.sourceId === s.id).map((r) => [r.status, Number(r.n)])),
    }));
    return c.json({ items }, 200);
  });
}
