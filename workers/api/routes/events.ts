import { createRoute } from "@hono/zod-openapi";
import { ErrorBody, EventOut, EventsQuery, pageOf } from "../../../schema/api";
import type { Router } from "../app-type";
import { decodeKeyCursor, encodeKeyCursor } from "../cursor";
import { badParam } from "./bad-param";

const route = createRoute({
  method: "get",
  path: "/v1/events",
  tags: ["events"],
  summary: "Events, merged across articles and spellings (folded name and start day), latest first",
  request: { query: EventsQuery },
  responses: {
    200: { description: "A page of events", content: { "application/json": { schema: pageOf(EventOut) } } },
    400: { description: "Bad parameter", content: { "application/json": { schema: ErrorBody } } },
  },
});

interface EventRow {
  key: string;
  name: string;
  start: string | null;
  end: string | null;
  sort_start: string;
  article_count: number;
  /** JSON array of { id, url, title }. */
  articles: string;
}

/** Cursor payload: the last row's sort position (start day, then key). */
const SEP = "\n";

export function registerEvents(app: Router): void {
  app.openapi(route, async function listEvents(c) {
    const q = c.req.valid("query");
    if (q.from && q.to && q.from > q.to) return badParam(c, "from", "from must not be after to");
    const where: string[] = [];
    const having: string[] = [];
    const binds: string[] = [];
    if (q.from) {
      where.push("e.start >= ?");
      binds.push(q.from);
    }
    if (q.to) {
      // Days of the month `to` sort before "YYYY-MM-32".
      where.push("e.start < ?");
      binds.push(`${q.to}-32`);
    }
    const havingBinds: string[] = [];
    if (q.cursor) {
      const raw = decodeKeyCursor(q.cursor);
      const [start, key] = raw?.split(SEP) ?? [];
      if (start === undefined || key === undefined) return badParam(c, "cursor", "not a cursor this API issued");
      having.push("(sort_start < ? OR (sort_start = ? AND e.key > ?))");
      havingBinds.push(start, start, key);
    }
    const { results } = await c.env.DB.prepare(
      `SELECT e.key, min(e.name) AS name, min(e.start) AS start, max(e.end) AS end, coalesce(min(e.start), '') AS sort_start,
         count(DISTINCT e.article_id) AS article_count,
         json_group_array(DISTINCT json_object('id', a.id, 'url', a.url, 'title', a.title)) AS articles
       FROM events e JOIN articles a ON a.id = e.article_id
       ${where.length ? `WHERE ${where.join(" AND ")}` : ""}
       GROUP BY e.key ${having.length ? `HAVING ${having.join(" AND ")}` : ""}
       ORDER BY sort_start DESC, e.key LIMIT ?`,
    )
      .bind(...binds, ...havingBinds, q.limit + 1)
      .all<EventRow>();
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
