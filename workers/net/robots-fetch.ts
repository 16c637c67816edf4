/**
 * Fetches an origin's robots.txt and classifies it as RFC 9309 asks: 2xx → obey its rules; 4xx →
 * no rules; 5xx, 429, timeouts and network errors → "unreachable", which means disallow everything
 * until it is asked again. Asks for one origin within an isolate share one request for a minute.
 */
import type { CachedRobots } from "./crawl-gate";
import { fetchLimited } from "./fetch-limited";
import { ROBOTS_MAX_BYTES } from "./robots";

export interface RobotsFetchOptions {
  userAgent: string;
  timeoutMs: number;
  allowPrivate: boolean | readonly string[];
  fetcher?: typeof fetch;
  nowMs: number;
}

export type FetchedRobots = CachedRobots & {
  reason: string;
  /** False when another message in this isolate fetched it moments ago (no request was made now). */
  fromNetwork: boolean;
};

/** Per-isolate memo: concurrent and back-to-back asks for one origin share one request for a minute. */
const memo = new Map<string, { at: number; value: Promise<FetchedRobots> }>();
const MEMO_MS = 60_000;
const MEMO_MAX = 500;

/** robots.txt of `origin` ("https://example.vn"), with a reason for logs and article rows. */
export function fetchRobots(origin: string, opts: RobotsFetchOptions): Promise<FetchedRobots> {
  const hit = memo.get(origin);
  if (hit && opts.nowMs - hit.at < MEMO_MS) return hit.value.then((r) => ({ ...r, fromNetwork: false }));
  if (memo.size >= MEMO_MAX) memo.clear();
  const value = load(origin, opts);
  memo.set(origin, { at: opts.nowMs, value });
  // A failed load must not be remembered as an answer.
  value.catch(() => memo.delete(origin));
  return value;
}

async function load(origin: string, opts: RobotsFetchOptions): Promise<FetchedRobots> {
  const res = await fetchLimited(`${origin}/robots.txt`, {
    userAgent: opts.userAgent,
    // A robots.txt is small and answered fast; it must not hold the article's whole time budget.
    timeoutMs: Math.min(opts.timeoutMs, 5000),
    maxBytes: ROBOTS_MAX_BYTES * 4,
    allowPrivate: opts.allowPrivate,
    fetcher: opts.fetcher,
  });
  const fetchedAt = opts.nowMs;
  if (res.ok) {
    const text = new TextDecoder("utf-8").decode(res.bytes.subarray(0, ROBOTS_MAX_BYTES));
    return { status: "ok", text, fetchedAt, reason: `robots.txt HTTP ${res.status}`, fromNetwork: true };
  }
  if (res.transient)
    return { status: "unreachable", text: null, fetchedAt, reason: `robots.txt unreachable: ${res.reason}`, fromNetwork: true };
  // 4xx, a body over the cap, a refused redirect: there are no rules we can read, so none apply.
  return { status: "none", text: null, fetchedAt, reason: `no robots.txt rules: ${res.reason}`, fromNetwork: true };
}
