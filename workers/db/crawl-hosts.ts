/**
 * Every query of the crawl_hosts table (schema/crawl.ts): the politeness slot and the cached
 * robots.txt per origin. The policy around them (TTLs, what a missing row means) is in
 * workers/net/crawl-gate.ts.
 *
 * One statement stays raw SQL: reserving a slot is an upsert whose conflict update is conditional
 * (max() of the stored and the current time, only when the slot is near enough) and whose RETURNING
 * computes the granted slot, all in one atomic statement; and the consumer sends it in one D1 batch
 * with its own read of the article, so it must be a D1 prepared statement.
 */
import { eq } from "drizzle-orm";
import type { BatchItem } from "drizzle-orm/batch";
import { crawlHosts } from "../../schema/crawl";
import type { CachedRobots, RobotsStatus } from "../net/crawl-gate";
import type { Db } from "./client";

/** A row returned by reserveSlotStatement. */
export interface SlotRow {
  slot_at: number;
  robots_txt: string | null;
  robots_status: RobotsStatus | null;
  robots_fetched_at: number | null;
}

/**
 * The statement that reserves the next request slot for `origin`, unless it is more than `maxWaitMs`
 * away (then it reserves nothing and returns no row). Pass it to D1 batch() with other reads.
 *
 * @example const [slot] = (await d1.batch([reserveSlotStatement(d1, o, Date.now(), 1000, 30_000)]))[0].results
 */
export function reserveSlotStatement(d1: D1Database, origin: string, nowMs: number, intervalMs: number, maxWaitMs: number) {
  return d1
    .prepare(
      `INSERT INTO crawl_hosts (origin, next_fetch_at) VALUES (?1, ?2 + ?3)
       ON CONFLICT (origin) DO UPDATE SET next_fetch_at = max(crawl_hosts.next_fetch_at, ?2) + ?3
         WHERE crawl_hosts.next_fetch_at <= ?2 + ?4
       RETURNING next_fetch_at - ?3 AS slot_at, robots_txt, robots_status, robots_fetched_at`,
    )
    .bind(origin, nowMs, intervalMs, maxWaitMs);
}

/** The statement that stores a fresh robots.txt for `origin` (whose row the slot reservation made), for a batch. */
export function storeRobotsStatement(db: Db, origin: string, robots: CachedRobots): BatchItem<"sqlite"> {
  return db
    .update(crawlHosts)
    .set({ robotsTxt: robots.text, robotsStatus: robots.status, robotsFetchedAt: robots.fetchedAt })
    .where(eq(crawlHosts.origin, origin));
}

/** The robots.txt columns of `origin`'s row, or undefined when it has none. */
export function readRobotsRow(db: Db, origin: string) {
  return db
    .select({ text: crawlHosts.robotsTxt, status: crawlHosts.robotsStatus, fetchedAt: crawlHosts.robotsFetchedAt })
    .from(crawlHosts)
    .where(eq(crawlHosts.origin, origin))
    .get();
}

/** Stores a fresh robots.txt for `origin`, creating its row if needed. */
export async function upsertRobots(db: Db, origin: string, robots: CachedRobots): Promise<void> {
  const columns = { robotsTxt: robots.text, robotsStatus: robots.status, robotsFetchedAt: robots.fetchedAt };
  await db
    .insert(crawlHosts)
    .values({ origin, ...columns })
    .onConflictDoUpdate({ target: crawlHosts.origin, set: columns })
    .run();
}
