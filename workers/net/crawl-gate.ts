/**
 * Politeness per origin, kept in D1 (table crawl_hosts): a request slot reserved in one statement,
 * and the origin's cached robots.txt read back by the same statement.
 *
 * Why D1 slots: the consumer runs in many isolates at once, so per-isolate memory cannot space
 * requests to one host, and re-queueing with msg.retry() would burn the message's retries. One
 * upsert … RETURNING reserves the next free slot atomically across every isolate; the consumer then
 * waits for it (wall time, not CPU), or, when the slot is further off than it will wait, hands the
 * message back to the queue with a delay without spending an attempt (see ingest).
 *
 * The queries themselves are in workers/db/crawl-hosts.ts; this module is the policy around them.
 */
import { createDb } from "../db/client";
import { readRobotsRow, type SlotRow, upsertRobots } from "../db/crawl-hosts";
import { crawlDelaySeconds } from "./robots";

/** The statements on crawl_hosts live with the table's other queries; the consumer takes them from here. */
export { reserveSlotStatement, storeRobotsStatement } from "../db/crawl-hosts";

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
 * The longest Crawl-delay obeyed. A site asking for more gets one request a minute: more would leave
 * its articles circling the queue for hours (the consumer waits 30 s for a slot, then defers), and a
 * site that wants no visits at all says `Disallow: /`.
 */
export const MAX_CRAWL_DELAY_MS = 60_000;

/** The Crawl-delay a robots.txt asks of `token`, in milliseconds, capped at MAX_CRAWL_DELAY_MS; 0 when none. */
export function crawlDelayMs(robots: CachedRobots | null, token: string): number {
  const seconds = robots?.status === "ok" && robots.text ? crawlDelaySeconds(robots.text, token) : null;
  return seconds === null ? 0 : Math.min(MAX_CRAWL_DELAY_MS, Math.ceil(seconds * 1000));
}

/**
 * What this isolate last learned of each origin's Crawl-delay (ms). A slot is reserved before its
 * robots.txt is read back (same statement), so the interval to reserve with is the one known so far;
 * a request only goes out on a slot reserved with the full interval (the consumer reserves again
 * otherwise), so this memo saves that extra round trip, it does not decide the spacing.
 */
const knownDelays = new Map<string, number>();
const KNOWN_MAX = 1000;

/** The interval to reserve `origin`'s next slot with: HOST_INTERVAL_MS, or the Crawl-delay last seen when longer. */
export function knownInterval(origin: string, baseMs: number): number {
  return Math.max(baseMs, knownDelays.get(origin) ?? 0);
}

/** Notes the Crawl-delay an origin's robots.txt asks (see knownInterval). */
export function learnCrawlDelay(origin: string, delayMs: number): void {
  if (knownDelays.size >= KNOWN_MAX && !knownDelays.has(origin)) knownDelays.clear();
  if (delayMs > 0) knownDelays.set(origin, delayMs);
  else knownDelays.delete(origin);
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

/** The cached robots.txt of `origin`, without reserving a slot (discovery reads a few listings, not thousands of pages). */
export async function readCachedRobots(d1: D1Database, origin: string): Promise<CachedRobots | null> {
  const row = await readRobotsRow(createDb(d1), origin);
  if (!row?.status || row.fetchedAt === null) return null;
  return { status: row.status, text: row.text, fetchedAt: row.fetchedAt };
}

/** Stores a fresh robots.txt for `origin`, creating its row if needed. */
export async function storeRobots(d1: D1Database, origin: string, robots: CachedRobots): Promise<void> {
  await upsertRobots(createDb(d1), origin, robots);
}
