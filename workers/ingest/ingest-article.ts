/**
 * The fate of one article message, as named steps: read the article and reserve its host's request
 * slot, pass robots.txt, fetch the page (or read it from the R2 archive on a re-extraction), check
 * it is readable, extract it, archive page and text in R2, and record the outcome in ONE final D1
 * batch (attempt count, status, reason, and on success every row of the article).
 *
 * D1 round trips per article: one batch to read the article, its source and the host state (and
 * reserve a slot), one batch to write — plus, once a day per origin, a robots.txt fetch (which
 * takes its own request slot: one more round trip) whose result rides in that same final batch;
 * one more per redirect hop (the target's slot and cached robots.txt, which must allow it); and one
 * more when the slot was reserved with a shorter interval than the origin's Crawl-delay asks (the
 * first article of such an origin in an isolate).
 * A re-extraction from the archive reads the article and writes it: no slot, no robots.txt, no fetch.
 */
import { eq, sql } from "drizzle-orm";
import type { BatchItem } from "drizzle-orm/batch";
import { type ArticleMessage, isArticleMessage } from "../../schema/messages";
import { articles } from "../../schema/tables";
import { pageKeyOf } from "../archive/keys";
import { getPage, putPage } from "../archive/pages";
import { putText } from "../archive/texts";
import { type ArticleState, articleState, articleStateStatement } from "../db/articles";
import { createDb, type Db } from "../db/client";
import { EXTRACTOR_VERSION, type Extraction, notTextReason } from "../extract";
import {
  type CachedRobots,
  crawlDelayMs,
  knownInterval,
  learnCrawlDelay,
  reserveSlotStatement,
  robotsStale,
  type SlotGrant,
  slotGrantFrom,
  storeRobotsStatement,
} from "../net/crawl-gate";
import { decodeBody } from "../net/decode";
import { fetchLimited, type HopRefusal } from "../net/fetch-limited";
import { botToken, type RobotsVerdict, robotsVerdict } from "../net/robots";
import { fetchRobots } from "../net/robots-fetch";
import { privateHostsFor } from "../net/ssrf-guard";
import { userAgentFor } from "../net/user-agent";
import type { IngestDeps } from "./deps";
import { MAX_NESTING, maxNesting } from "./markup-guard";
import { articleWriteStatements } from "./write-article";

export type Verdict =
  | { action: "ack"; outcome: string }
  | { action: "retry"; delaySeconds: number; reason: string }
  /** The host's next slot is further off than the consumer waits: re-send with a delay, without spending an attempt. */
  | { action: "defer"; delaySeconds: number; reason: string };

const HTML_TYPES = /^(text\/html|application\/xhtml\+xml)\b/i;
/** The longest the consumer waits in-process for a host's slot; further off, the message is deferred. */
export const MAX_SLOT_WAIT_MS = 30_000;
const NOW_SQL = sql`(strftime('%Y-%m-%dT%H:%M:%fZ','now'))`;

/**
 * The next time this isolate may send a request to each origin. D1 slots space requests across
 * isolates, but a slot is granted by a round trip that starts before it, so a request that goes out
 * late would come closer than the interval to the next slot's. Within an isolate the real send
 * times are known: each request also takes the next local time, reserved synchronously so that
 * concurrent messages of a batch queue up rather than wake together, and leaves at least the
 * interval after the previous request actually left.
 */
const localSends = new Map<string, { next: number; last: number }>();
const LOCAL_ORIGINS_KEPT = 10_000;

async function pace(run: Run, url: string): Promise<void> {
  const origin = originOf(url);
  const gap = knownInterval(origin, hostInterval(run.env));
  if (gap <= 0) return;
  const { deps } = run;
  const seen = localSends.get(origin) ?? { next: deps.now(), last: Number.NEGATIVE_INFINITY };
  const at = Math.max(deps.now(), seen.next);
  seen.next = at + gap;
  localSends.delete(origin); // re-inserted last: the oldest origins are the first keys, dropped when over the cap
  localSends.set(origin, seen);
  if (localSends.size > LOCAL_ORIGINS_KEPT) localSends.delete(localSends.keys().next().value as string);
  // Then at least `gap` after the previous request really left (it may have left late). Bounded, so a test
  // clock that never moves cannot hold the request forever.
  for (let i = 0; i < 20 && deps.now() < Math.max(at, seen.last + gap); i++)
    await deps.sleep(Math.max(1, Math.max(at, seen.last + gap) - deps.now()));
  seen.last = deps.now();
}

/** deps.fetch behind the isolate's own pacing (see localSends). */
function pacedFetch(run: Run): typeof fetch {
  return async (input, init) => {
    await pace(run, input instanceof Request ? input.url : String(input));
    return run.deps.fetch(input, init);
  };
}
/** A page in hand, fetched now or read from the archive. */
interface Page {
  bytes: Uint8Array;
  finalUrl: string;
  httpStatus: number;
  contentType: string | null;
  headers: Headers | null;
  contentHash: string;
  /** Already in the archive under this key: not written again. */
  archivedKey: string | null;
}

/** What one message's steps share: the article, its D1 handles, and the statements that ride with its outcome. */
interface Run {
  env: PipelineEnv;
  deps: IngestDeps;
  db: Db;
  d1: D1Database;
  article: ArticleState;
  attempts: number;
  origin: string;
  /** Statements to commit with the outcome (a freshly fetched robots.txt). */
  extra: BatchItem<"sqlite">[];
  /** The slot claim reserved for the article's origin (null on a re-extraction), with the cached robots.txt it read back. */
  grant: SlotGrant | null;
  /** The interval `grant` was reserved with. */
  grantIntervalMs: number;
  /** robots.txt of each origin this run has passed (the article's, then redirect targets'), fresh. */
  robotsByOrigin: Map<string, CachedRobots | null>;
  /** Set when a redirect target's host is busy: the message is deferred rather than failed. */
  deferred: Deferral | null;
}

type Deferral = Extract<Verdict, { action: "defer" }>;

/** What the gate in front of a request decided: go on under these rules, wait in the queue, or retry later. */
type Gate = { robots: CachedRobots | null } | { stop: Deferral } | { unreachable: string };

type ArticleStatusOut = (typeof articles.$inferSelect)["status"];

/** Decides the fate of one article message. Throws only for unexpected failures (D1 down, a bug): then the caller retries. */
export async function ingestMessage(body: unknown, attempts: number, env: PipelineEnv, deps: IngestDeps): Promise<Verdict> {
  if (!isArticleMessage(body)) {
    console.error("ingest: dropping a message that is not an article message:", JSON.stringify(body)?.slice(0, 200));
    return { action: "ack", outcome: "malformed message" };
  }
  if (body.from === "archive") {
    const archived = await fromArchive(body, attempts, env, deps);
    if (archived) return archived;
    // No archived copy: fetch the page, and archive it even if its bytes are the ones D1 remembers.
    return fromNetwork(body, attempts, env, deps, false);
  }
  return fromNetwork(body, attempts, env, deps, true);
}

/** A re-extraction from the R2 archive; null when the archive has no copy (then the page is fetched). */
async function fromArchive(body: ArticleMessage, attempts: number, env: PipelineEnv, deps: IngestDeps): Promise<Verdict | null> {
  const d1 = deps.db(env);
  const db = createDb(d1);
  const article = articleState(await articleStateStatement(d1, { id: body.articleId }).first());
  if (!article) return null;
  const stored = await getPage(deps.archive(env), article.id);
  if (!stored) return null;
  const run = runBase(env, deps, db, d1, article, attempts, originOf(article.url));
  const page: Page = { ...stored, headers: new Headers(stored.headers), archivedKey: pageKeyOf(article.id) };
  return (await unreadable(run, page)) ?? (await extractAndWrite(run, page));
}

/** A crawl: host slot, robots.txt, fetch, then the same extraction and write. */
async function fromNetwork(
  body: ArticleMessage,
  attempts: number,
  env: PipelineEnv,
  deps: IngestDeps,
  archiveHasCopy: boolean,
): Promise<Verdict> {
  const claimed = await claim(body, attempts, env, deps);
  if ("action" in claimed) return claimed;
  const run = claimed;
  const refused = await passRobots(run);
  if (refused) return refused;
  const fetched = await fetchPage(run, archiveHasCopy);
  if ("action" in fetched) return fetched;
  if (archiveHasCopy && isReplay(run.article, fetched)) {
    // A replay of work already done: the rows are there and would come out the same.
    await finish(run, "extracted", null, fetched.httpStatus);
    return { action: "ack", outcome: "unchanged" };
  }
  return (await unreadable(run, fetched)) ?? (await extractAndWrite(run, fetched));
}

/** Round trip 1: the article with its source, and a request slot for its origin (with the cached robots.txt). */
async function claim(body: ArticleMessage, attempts: number, env: PipelineEnv, deps: IngestDeps): Promise<Run | Verdict> {
  const d1 = deps.db(env);
  const db = createDb(d1);
  const origin = originOf(body.url);
  // The interval this isolate knows for the origin; a longer Crawl-delay in the robots.txt read back costs one more reservation.
  const intervalMs = knownInterval(origin, hostInterval(env));
  const [articleRes, slotRes] = await d1.batch([
    articleStateStatement(d1, { id: body.articleId }),
    reserveSlotStatement(d1, origin, deps.now(), intervalMs, MAX_SLOT_WAIT_MS),
  ]);
  const article = articleState(articleRes.results[0]) ?? (await recreateArticle(db, d1, body));
  const grant = slotGrantFrom(slotRes);
  if (!grant) return busy(origin, intervalMs);
  return { ...runBase(env, deps, db, d1, article, attempts, origin), grant, grantIntervalMs: intervalMs };
}

function runBase(env: PipelineEnv, deps: IngestDeps, db: Db, d1: D1Database, article: ArticleState, attempts: number, origin: string): Run {
  return {
    env,
    deps,
    db,
    d1,
    article,
    attempts,
    origin,
    extra: [],
    grant: null,
    grantIntervalMs: 0,
    robotsByOrigin: new Map(),
    deferred: null,
  };
}

/** The article's own URL: its origin's slot, then its robots.txt (cached, or fetched now once per origin per day and stored with the outcome). */
async function passRobots(run: Run): Promise<Verdict | null> {
  if (!run.grant) throw new Error("passRobots needs the slot claim reserved");
  const gate = await passGate(run, run.origin, run.grant, run.grantIntervalMs);
  if ("stop" in gate) return gate.stop;
  if ("unreachable" in gate) return retryLater(run, gate.unreachable, null);
  const verdict = judge(run, gate.robots, new URL(run.article.url));
  if (!verdict.allowed) {
    await finish(run, "skipped", `disallowed by robots.txt (${verdict.rule})`, null);
    return { action: "ack", outcome: "skipped: robots.txt" };
  }
  return null;
}

/**
 * A redirect target, before it is requested: it is a request like any other, so it takes a slot on
 * its origin (same origin or not), and that origin's robots.txt must allow it.
 */
async function passHop(run: Run, target: URL, hop: number): Promise<HopRefusal | null> {
  const intervalMs = knownInterval(target.origin, hostInterval(run.env));
  const grant = await reserveSlot(run, target.origin, intervalMs);
  const gate = grant ? await passGate(run, target.origin, grant, intervalMs) : { stop: busy(target.origin, intervalMs) };
  if ("stop" in gate) {
    run.deferred = gate.stop;
    return { transient: true, outcome: "failed", reason: `${gate.stop.reason} (redirect hop ${hop} to ${target.href})` };
  }
  if ("unreachable" in gate)
    return { transient: true, outcome: "failed", reason: `${gate.unreachable} (redirect hop ${hop} to ${target.href})` };
  const verdict = judge(run, gate.robots, target);
  if (verdict.allowed) return null;
  return {
    transient: false,
    outcome: "skipped",
    reason: `disallowed by robots.txt (${verdict.rule}) at redirect hop ${hop} to ${target.href}`,
  };
}

/**
 * The gate in front of every request to `origin`: wait for a slot reserved with the interval its
 * robots.txt asks (reserving again when `grant` was reserved with less), and have its robots.txt —
 * cached, or fetched now in that slot, the request after it waiting for the next one.
 */
async function passGate(run: Run, origin: string, grant: SlotGrant, grantIntervalMs: number): Promise<Gate> {
  const { env, deps } = run;
  let robots = run.robotsByOrigin.has(origin) ? (run.robotsByOrigin.get(origin) ?? null) : grant.robots;
  let slot: SlotGrant | null = grant;
  let slotIntervalMs = grantIntervalMs;
  const needMs = intervalFor(env, origin, robots);
  if (needMs > slotIntervalMs) {
    slot = await reserveSlot(run, origin, needMs);
    slotIntervalMs = needMs;
  }
  if (!slot) return { stop: busy(origin, slotIntervalMs) };
  await waitUntil(deps, slot.slotAt);
  if (robotsStale(robots, deps.now())) {
    const fresh = await fetchRobots(origin, {
      userAgent: userAgentFor(env),
      timeoutMs: Number(env.FETCH_TIMEOUT_MS),
      allowPrivate: privateHostsFor(run.article.source),
      fetcher: pacedFetch(run),
      nowMs: deps.now(),
    });
    robots = fresh;
    run.extra.push(storeRobotsStatement(run.db, origin, fresh));
    // The robots.txt request used this slot; the next request waits for another, reserved with the interval it asks.
    const freshNeedMs = intervalFor(env, origin, fresh);
    if (freshNeedMs > 0 && (fresh.fromNetwork || freshNeedMs > slotIntervalMs)) {
      const next = await reserveSlot(run, origin, freshNeedMs);
      if (!next) return { stop: busy(origin, freshNeedMs) };
      await waitUntil(deps, next.slotAt);
    }
    run.robotsByOrigin.set(origin, fresh);
    if (fresh.status === "unreachable") return { unreachable: fresh.reason };
    return { robots };
  }
  run.robotsByOrigin.set(origin, robots);
  if (robots?.status === "unreachable") return { unreachable: "robots.txt unreachable (cached)" };
  return { robots };
}

/** Whether robots.txt lets the bot fetch `url` (no rules: yes). */
function judge(run: Run, robots: CachedRobots | null, url: URL): RobotsVerdict {
  if (robots?.status !== "ok" || !robots.text) return { allowed: true, rule: null };
  return robotsVerdict(robots.text, botToken(userAgentFor(run.env)), url.pathname + url.search);
}

/** Milliseconds between requests to `origin`: HOST_INTERVAL_MS, or its Crawl-delay when longer (remembered for the next reservation). */
function intervalFor(env: PipelineEnv, origin: string, robots: CachedRobots | null): number {
  const delayMs = crawlDelayMs(robots, botToken(userAgentFor(env)));
  learnCrawlDelay(origin, delayMs);
  return Math.max(hostInterval(env), delayMs);
}

/** One round trip: the next slot on `origin`, spaced `intervalMs` from the one before; null when it is too far off. */
async function reserveSlot(run: Run, origin: string, intervalMs: number): Promise<SlotGrant | null> {
  const [res] = await run.d1.batch([reserveSlotStatement(run.d1, origin, run.deps.now(), intervalMs, MAX_SLOT_WAIT_MS)]);
  return slotGrantFrom(res);
}

/** The page over the network, bounded in time and size; a failure is recorded and becomes the verdict. */
async function fetchPage(run: Run, archiveHasCopy: boolean): Promise<Page | Verdict> {
  const { env } = run;
  const res = await fetchLimited(run.article.url, {
    userAgent: userAgentFor(env),
    timeoutMs: Number(env.FETCH_TIMEOUT_MS),
    maxBytes: Number(env.MAX_BODY_BYTES),
    allowPrivate: privateHostsFor(run.article.source),
    fetcher: pacedFetch(run),
    beforeRedirect: (target, hop) => passHop(run, target, hop),
  });
  // A redirect target's host was busy: back to the queue without spending an attempt.
  if (run.deferred) return run.deferred;
  if (!res.ok) {
    if (res.transient) return retryLater(run, res.reason, res.status, true, res.retryAfterSeconds);
    await finish(run, res.outcome, res.reason, res.status);
    return { action: "ack", outcome: `${res.outcome}: ${res.reason}` };
  }
  const type = res.contentType ?? "";
  if (type && !HTML_TYPES.test(type)) {
    await finish(run, "skipped", `content type ${type.split(";")[0].trim()} is not HTML`, res.status);
    return { action: "ack", outcome: "skipped: not HTML" };
  }
  if (res.bytes.byteLength === 0) {
    await finish(run, "failed", "empty body", res.status);
    return { action: "ack", outcome: "failed: empty body" };
  }
  const contentHash = await sha256Hex(res.bytes);
  // The same bytes as the archived copy: the archive keeps it, nothing is written again.
  const same = archiveHasCopy && run.article.pageKey && run.article.contentHash === contentHash;
  const archivedKey = same ? run.article.pageKey : null;
  return {
    bytes: res.bytes,
    finalUrl: res.finalUrl,
    httpStatus: res.status,
    contentType: res.contentType,
    headers: res.headers,
    contentHash,
    archivedKey,
  };
}

/** The same page, already extracted by this extractor version. */
function isReplay(article: ArticleState, page: Page): boolean {
  return article.status === "extracted" && article.contentHash === page.contentHash && article.extractorVersion === EXTRACTOR_VERSION;
}

/** Why a page cannot be read as an article (binary, absurdly deep markup), recorded as `skipped`; null when readable. */
async function unreadable(run: Run, page: Page): Promise<Verdict | null> {
  const html = decodeBody(page.bytes, page.contentType);
  const notText = notTextReason(html);
  if (notText) {
    await finish(run, "skipped", notText, page.httpStatus);
    return { action: "ack", outcome: "skipped: not text" };
  }
  const depth = maxNesting(html);
  if (depth > MAX_NESTING) {
    await finish(run, "skipped", `markup nests ${depth} elements deep (over ${MAX_NESTING}): not a readable page`, page.httpStatus);
    return { action: "ack", outcome: "skipped: markup too deep" };
  }
  return null;
}

/** Extraction, the archive writes to R2, then round trip 2: every row of the article in one transaction. */
async function extractAndWrite(run: Run, page: Page): Promise<Verdict> {
  const { db, deps, env, article } = run;
  let extraction: Extraction;
  try {
    extraction = deps.extract({ body: decodeBody(page.bytes, page.contentType), kind: "html", url: article.url });
  } catch (e) {
    await finish(run, "failed", `extractor error: ${e instanceof Error ? e.message : String(e)}`.slice(0, 500), page.httpStatus);
    return { action: "ack", outcome: "failed: extractor error" };
  }
  // R2 first: if D1 then fails, the message retries and the objects are written again, never lost.
  const bucket = deps.archive(env);
  const pageKey = page.archivedKey ?? (await putPage(bucket, article.id, { ...page, fetchedAt: new Date(deps.now()).toISOString() }));
  const textKey = await putText(bucket, article.id, extraction.text);
  const statements = articleWriteStatements(db, article.id, extraction, {
    httpStatus: page.httpStatus,
    finalUrl: page.finalUrl,
    contentHash: page.contentHash,
    extractorVersion: EXTRACTOR_VERSION,
    pageKey,
    textKey,
  });
  const [first, ...rest] = [...statements, countAttemptStatement(db, article.id), ...run.extra];
  await db.batch([first, ...rest]);
  return { action: "ack", outcome: `extracted: ${extraction.facts.length} facts` };
}

/** Records the attempt as still `queued` with the reason, and asks the queue for a later delivery. */
async function retryLater(
  run: Run,
  reason: string,
  httpStatus: number | null,
  withExtra = true,
  retryAfterSeconds?: number,
): Promise<Verdict> {
  await finish(run, "queued", `retrying after attempt ${run.attempts}: ${reason}`, httpStatus, withExtra);
  const delaySeconds = Math.max(retryAfterSeconds ?? 0, backoffSeconds(run.env, run.attempts));
  return { action: "retry", delaySeconds, reason };
}

/** Round trip 2 for an article without rows to write: its status, reason and attempt count (and a fresh robots.txt). */
async function finish(run: Run, status: ArticleStatusOut, reason: string | null, httpStatus: number | null, withExtra = true) {
  const update = run.db
    .update(articles)
    .set({ status, reason, httpStatus, attempts: sql`${articles.attempts} + 1`, updatedAt: NOW_SQL })
    .where(eq(articles.id, run.article.id));
  await run.db.batch([update, ...(withExtra ? run.extra : [])]);
}

function countAttemptStatement(db: Db, id: number) {
  return db
    .update(articles)
    .set({ attempts: sql`${articles.attempts} + 1` })
    .where(eq(articles.id, id));
}

/** Deferred by at least one interval: sooner, the host's slots would still be taken. */
function busy(origin: string, intervalMs: number): Deferral {
  return { action: "defer", delaySeconds: Math.ceil(Math.max(MAX_SLOT_WAIT_MS, intervalMs) / 1000), reason: `host ${origin} is busy` };
}

async function waitUntil(deps: IngestDeps, slotAt: number): Promise<void> {
  const wait = slotAt - deps.now();
  if (wait > 0) await deps.sleep(wait);
}

function hostInterval(env: PipelineEnv): number {
  return Math.max(0, Number(env.HOST_INTERVAL_MS ?? "1000") || 0);
}

function originOf(url: string): string {
  try {
    return new URL(url).origin;
  } catch {
    return "invalid:";
  }
}

/** The article a message names when its row is gone: recreated from the message's URL, so no URL is without a row. */
async function recreateArticle(db: Db, d1: D1Database, msg: ArticleMessage): Promise<ArticleState> {
  await db
    .insert(articles)
    .values({ url: msg.url, sourceId: msg.sourceId || null })
    .onConflictDoNothing({ target: articles.url });
  const state = articleState(await articleStateStatement(d1, { url: msg.url }).first());
  if (!state) throw new Error(`article ${msg.articleId} (${msg.url}) could not be recorded`);
  return state;
}

/** Exponential backoff from RETRY_BASE_SECONDS, capped at an hour. */
export function backoffSeconds(env: Pick<PipelineEnv, "RETRY_BASE_SECONDS">, attempts: number): number {
  const base = Number(env.RETRY_BASE_SECONDS ?? "30");
  return Math.min(3600, Math.round(base * 2 ** Math.max(0, attempts - 1)));
}

async function sha256Hex(bytes: Uint8Array): Promise<string> {
  const digest = await crypto.subtle.digest("SHA-256", bytes);
  return [...new Uint8Array(digest)].map((b) => b.toString(16).padStart(2, "0")).join("");
}
