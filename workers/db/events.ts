/**
 * Every query of the events table for the API.
 *
 * The list stays raw SQL: it merges an event's mentions across articles (GROUP BY), aggregates
 * their articles into a JSON array (json_group_array of json_object), and pages by keyset over
 * (start, key) with undated events last; the builder has no form for the JSON aggregation.
 *
 * An event's key ends with its start day (schema/keys.ts eventKey), so every mention of one key has
 * the same start, and grouping by (start, key) is grouping by key. Grouped and ordered by SORT_START
 * (the start day, "" when undated) and key, the rows come in the order of events_sort_idx, whose
 * expression SORT_START repeats: a page is a range of that index from the cursor on, and stops after
 * `limit` events whatever the number of events.
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

/** The sort position of an event row `e`: its start day, "" when undated (the expression of events_sort_idx). */
const SORT_START = sql.raw("(CASE WHEN e.start IS NULL THEN '' ELSE e.start END)");

/** One page of events merged across articles, latest start first (undated last), then by key. */
export function listEvents(db: Db, q: EventsPage): Promise<EventRow[]> {
  const where: SQL[] = [];
  if (q.from) where.push(sql`${SORT_START} >= ${q.from}`);
  // Days of the month `to` sort before "YYYY-MM-32"; undated events start nowhere in it.
  if (q.to) where.push(sql`${SORT_START} < ${`${q.to}-32`} AND ${SORT_START} > ''`);
  // After the cursor: earlier positions, or the same position and a later key.
  if (q.after) where.push(sql`${SORT_START} <= ${q.after.sortStart} AND (${SORT_START} < ${q.after.sortStart} OR e.key > ${q.after.key})`);
  return db.all<EventRow>(sql`SELECT e.key, min(e.name) AS name, e.start AS start, max(e.end) AS end, ${SORT_START} AS sort_start,
      count(DISTINCT e.article_id) AS article_count,
      json_group_array(DISTINCT json_object('id', a.id, 'url', a.url, 'title', a.title)) AS articles
    FROM events e JOIN articles a ON a.id = e.article_id
    ${where.length ? sql`WHERE ${sql.join(where, sql` AND `)}` : sql``}
    GROUP BY ${SORT_START}, e.key
    ORDER BY ${SORT_START} DESC, e.key LIMIT ${q.limit}`);
}
