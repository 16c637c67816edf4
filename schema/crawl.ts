/**
 * Crawl state the fetcher keeps per origin (scheme://host:port): the politeness slot (when the
 * next request to that origin may go) and the cached robots.txt. One row per origin, read and
 * updated in the same round trip as the article the consumer is about to fetch.
 */
import { integer, sqliteTable, text } from "drizzle-orm/sqlite-core";

export const crawlHosts = sqliteTable("crawl_hosts", {
  /** e.g. "https://hanoimoi.vn" — robots.txt is per origin, and so is the rate limit. */
  origin: text().primaryKey(),
  /** Epoch milliseconds before which no new request to this origin starts (a reserved slot). */
  nextFetchAt: integer().notNull().default(0),
  /** The robots.txt body (at most 500 KiB), or null when there is none to obey. */
  robotsTxt: text(),
  /** "ok" (obey robotsTxt), "none" (4xx: no rules), "unreachable" (5xx/network: disallow all for now). */
  robotsStatus: text({ enum: ["ok", "none", "unreachable"] }),
  /** Epoch milliseconds of the robots.txt fetch; the cache lives 24 h (RFC 9309), "unreachable" 10 min. */
  robotsFetchedAt: integer(),
});
