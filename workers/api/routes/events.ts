import { createRoute } from "@hono/zod-openapi";
import type { Schema } from "hono/types";
import { EventOut, EventsQuery, pageOf, problemResponse } from "../../../schema/api";
import { createDb } from "../../db/client";
import { listEvents } from "../../db/events";
import type { ApiApp } from "../app-type";
import { decodeKeyCursor, encodeKeyCursor } from "../cursor";
import { badParam } from "./bad-param";
import { PUBLIC, RATE_LIMITED } from "./responses";

const route = createRoute({
  method: "get",
  path: "/v1/events",
  operationId: "listEvents",
  tags: ["events"],
  security: PUBLIC,
  summary: "Events, merged across articles and spellings (folded name and start day), latest first",
  request: { query: EventsQuery },
  responses: {
    200: { description: "A page of events", content: { "application/json": { schema: pageOf(EventOut) } } },
    400: problemResponse("Bad parameter"),
    ...RATE_LIMITED,
  },
});

/** Cursor payload: the last row's sort position (start day, then key). */
const SEP = "\n";

export function registerEvents<S extends Schema>(app: ApiApp<S>) {
  return app.openapi(route, async function listEventsHandler(c) {
    const q = c.req.valid("query");
    if (q.from && q.to && q.from > q.to) return badParam(c, "from", "from must not be after to");
    let after: { sortStart: string; key: string } | undefined;
    if (q.cursor) {
      const [sortStart, key] = decodeKeyCursor(q.cursor)?.split(SEP) ?? [];
      if (sortStart === undefined || key === undefined) return badParam(c, "cursor", "not a cursor this API issued");
      after = { sortStart, key };
    }
    const results = await listEvents(createDb(c.env.DB), { from: q.from, to: q.to, after, limit: q.limit + 1 });
    const page = results.slice(0, q.limit);
    const last = page[page.length - 1];
    const next = results.length > q.limit ? encodeKeyCursor(`${last.sort_start}${SEP}${last.key}`) : null;
    const items = page.map((r) => ({
      key: r.key,
      name: r.name,
      start: r.start,
      end: r.end,
      article_count: r.article_count,
      articles: JSON.parse(r.articles) as { id: number; url: string; title: string | null }[],
    }));
    return c.json({ items, next_cursor: next }, 200);
  });
}
