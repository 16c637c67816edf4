/**
 * Every query of the events table for the API.
 *
 * The list stays raw SQL: it merges an event's mentions across articles (GROUP BY key), aggregates
 * their articles into a JSON array (json_group_array of json_object), and pages by keyset over a
 * computed expression (coalesce(min(start), ''), then key) in HAVING; the builder has no form for
 * the JSON aggregation nor for a keyset over an aggregate's alias.
 */
import { type SQL, sql } from "drizzle-orm";
import type { Db } from "./client";

export interface EventRow {
  key: string;
  name: string;
  start: string | null;
  end: string | null;
  /** The earliest start day, "" when none: the sort position, with the key. */
  sort_start: string;
  article_count: number;
  /** JSON array of { id, url, title }. */
  articles: string;
}

export interface EventsPage {
  /** Events starting in or after this month (YYYY-MM). */
  from?: string;
  /** Events starting in or before this month (YYYY-MM). */
  to?: string;
  /** The last row of the previous page: its sort position. */
  after?: { sortStart: string; key: string };
  limit: number;
}

/** One page of events merged across articles, latest start first (undated last), then by key. */
export function listEvents(db: Db, q: EventsPage): Promise<EventRow[]> {
  const where: SQL[] = [];
  if (q.from) where.push(sql`e.start >= ${q.from}`);
  // Days of the month `to` sort before "YYYY-MM-32".
  if (q.to) where.push(sql`e.start < ${`${q.to}-32`}`);
  const having = q.after
    ? sql`HAVING (sort_start < ${q.after.sortStart} OR (sort_start = ${q.after.sortStart} AND e.key > ${q.after.key}))`
    : sql``;
  return db.all<EventRow>(sql`SELECT e.key, min(e.name) AS name, min(e.start) AS start, max(e.end) AS end, coalesce(min(e.start), '') AS sort_start,
      count(DISTINCT e.article_id) AS article_count,
      json_group_array(DISTINCT json_object('id', a.id, 'url', a.url, 'title', a.title)) AS articles
    FROM events e JOIN articles a ON a.id = e.article_id
    ${where.length ? sql`WHERE ${sql.join(where, sql` AND `)}` : sql``}
    GROUP BY e.key ${having}
    ORDER BY sort_start DESC, e.key LIMIT ${q.limit}`);
}
