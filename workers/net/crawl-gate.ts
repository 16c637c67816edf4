/**
 * Politeness per origin, kept in D1 (table crawl_hosts): a request slot reserved in one statement,
 * and the origin's cached robots.txt read back by the same statement.
 *
 * Why D1 slots: the consumer runs in many isolates at once, so per-isolate memory cannot space
 * requests to one host, and re-queueing with msg.retry() would burn the message's retries. One
 * upsert … RETURNING reserves the next free slot atomically across every isolate; the consumer then
 * waits for it (wall time, not CPU), or, when the slot is further off than it will wait, hands the
 * message back to the queue with a delay without spending an attempt (see ingest).
 */
import { eq } from "drizzle-orm";
import type { BatchItem } from "drizzle-orm/batch";
import { crawlHosts } from "../../schema/crawl";
import type { Db } from "../db/client";

export type RobotsStatus = "ok" | "none" | "unreachable";

export interface CachedRobots {
  status: RobotsStatus;
  text: string | null;
  fetchedAt: number;
}

export interface SlotGrant {
  /** Epoch ms at which this request may start (now or later). */
  slotAt: number;
  /** The origin's robots.txt as cached, or null when never fetched. */
  robots: CachedRobots | null;
}

/** How long a cached robots.txt is trusted (RFC 9309: SHOULD NOT be more than 24 hours). */
export const ROBOTS_TTL_MS = 24 * 3600_000;
/** An unreachable robots.txt means "disallow all" only for a while; then it is asked again. */
export const ROBOTS_UNREACHABLE_TTL_MS = 10 * 60_000;

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

interface SlotRow {
  slot_at: number;
  robots_txt: string | null;
  robots_status: RobotsStatus | null;
  robots_fetched_at: number | null;
}

/** Reads the result of reserveSlotStatement: null when no slot was reserved (the host is busy for too long). */
export function slotGrantFrom(result: D1Result<unknown>): SlotGrant | null {
  const row = result.results[0] as SlotRow | undefined;
  if (!row) return null;
  const robots =
    row.robots_status && row.robots_fetched_at !== null
      ? { status: row.robots_status, text: row.robots_txt, fetchedAt: row.robots_fetched_at }
      : null;
  return { slotAt: row.slot_at, robots };
}

/** True when a cached robots.txt must be fetched again. */
export function robotsStale(cached: CachedRobots | null, nowMs: number): boolean {
  if (!cached) return true;
  const ttl = cached.status === "unreachable" ? ROBOTS_UNREACHABLE_TTL_MS : ROBOTS_TTL_MS;
  return nowMs - cached.fetchedAt > ttl;
}

/** The statement that stores a fresh robots.txt for `origin`, to run in the article's final batch. */
export function storeRobotsStatement(db: Db, origin: string, robots: CachedRobots): BatchItem<"sqlite"> {
  return db
    .update(crawlHosts)
    .set({ robotsTxt: robots.text, robotsStatus: robots.status, robotsFetchedAt: robots.fetchedAt })
    .where(eq(crawlHosts.origin, origin));
}

/** The cached robots.txt of `origin`, without reserving a slot (discovery reads a few listings, not thousands of pages). */
export async function readCachedRobots(d1: D1Database, origin: string): Promise<CachedRobots | null> {
  const row = await d1
    .prepare("SELECT robots_txt, robots_status, robots_fetched_at FROM crawl_hosts WHERE origin = ?")
    .bind(origin)
    .first<Omit<SlotRow, "slot_at">>();
  if (!row?.robots_status || row.robots_fetched_at === null) return null;
  return { status: row.robots_status, text: row.robots_txt, fetchedAt: row.robots_fetched_at };
}

/** Stores a fresh robots.txt for `origin`, creating its row if needed. */
export async function storeRobots(d1: D1Database, origin: string, robots: CachedRobots): Promise<void> {
  await d1
    .prepare(
      `INSERT INTO crawl_hosts (origin, robots_txt, robots_status, robots_fetched_at) VALUES (?1, ?2, ?3, ?4)
       ON CONFLICT (origin) DO UPDATE SET robots_txt = ?2, robots_status = ?3, robots_fetched_at = ?4`,
    )
    .bind(origin, robots.text, robots.status, robots.fetchedAt)
    .run();
}
