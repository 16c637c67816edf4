/**
 * The fate of one article message: robots.txt, the host's request slot, the fetch, the extraction
 * and ONE final D1 batch that records the outcome (attempt count, status, reason, and on success
 * every row of the article). D1 round trips per article: one batch to read the article, its source
 * and the host state (and reserve a slot), one batch to write — plus, once a day per origin, a
 * robots.txt fetch (which takes its own request slot: one more round trip) whose result rides in
 * that same final batch.
 */
import { eq, sql } from "drizzle-orm";
import type { BatchItem } from "drizzle-orm/batch";
import { articles } from "../../schema/tables";
import { createDb, type Db } from "../db/client";
import { EXTRACTOR_VERSION, type Extraction, notTextReason } from "../extract";
import { type CachedRobots, reserveSlotStatement, robotsStale, slotGrantFrom, storeRobotsStatement } from "../net/crawl-gate";
import { fetchLimited } from "../net/fetch-limited";
import { botToken, robotsVerdict } from "../net/robots";
import { fetchRobots } from "../net/robots-fetch";
import { privateHostsFor } from "../net/ssrf-guard";
import { decodeBody } from "./decode";
import type { IngestDeps } from "./deps";
import { MAX_NESTING, maxNesting } from "./markup-guard";
import { type ArticleMessage, isArticleMessage } from "./message";
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

interface ArticleState {
  id: number;
  url: string;
  status: string;
  contentHash: string | null;
  extractorVersion: string | null;
  source: { local: boolean; url: string } | null;
}

/** Decides the fate of one article message. Throws only for unexpected failures (D1 down, a bug): then the caller retries. */
export async function ingestMessage(body: unknown, attempts: number, env: Env, deps: IngestDeps): Promise<Verdict> {
  if (!isArticleMessage(body)) {
    console.error("ingest: dropping a message that is not an article message:", JSON.stringify(body)?.slice(0, 200));
    return { action: "ack", outcome: "malformed message" };
  }
  const d1 = deps.db(env);
  const db = createDb(d1);
  let origin: string;
  try {
    origin = new URL(body.url).origin;
  } catch {
    origin = "invalid:";
  }
  const interval = Math.max(0, Number(env.HOST_INTERVAL_MS ?? "1000") || 0);

  // Round trip 1: the article with its source, and a request slot for its origin (with the cached robots.txt).
  const [articleRes, slotRes] = await d1.batch([
    d1
      .prepare(
        `SELECT a.id, a.url, a.status, a.content_hash, a.extractor_version, s.local AS source_local, s.url AS source_url
         FROM articles a LEFT JOIN sources s ON s.id = a.source_id WHERE a.id = ?`,
      )
      .bind(body.articleId),
    reserveSlotStatement(d1, origin, deps.now(), interval, MAX_SLOT_WAIT_MS),
  ]);
  const article = stateFrom(articleRes.results[0]) ?? (await recreateArticle(db, d1, body));
  const grant = slotGrantFrom(slotRes);
  if (!grant) {
    return { action: "defer", delaySeconds: Math.ceil(MAX_SLOT_WAIT_MS / 1000), reason: `host ${origin} is busy` };
  }
  const wait = grant.slotAt - deps.now();
  if (wait > 0) await deps.sleep(wait);

  const allowPrivate = privateHostsFor(article.source);
  const finish = (status: ArticleStatusOut, reason: string | null, httpStatus: number | null, extra: BatchItem<"sqlite">[] = []) =>
    db.batch([recordStatement(db, article.id, status, reason, httpStatus), ...extra]);

  // robots.txt: from the cache, or fetched now (once per origin per day) and stored with this article's outcome.
  const extra: BatchItem<"sqlite">[] = [];
  let robots: CachedRobots | null = grant.robots;
  if (robotsStale(robots, deps.now())) {
    const fresh = await fetchRobots(origin, {
      userAgent: env.USER_AGENT,
      timeoutMs: Number(env.FETCH_TIMEOUT_MS),
      allowPrivate,
      fetcher: deps.fetch,
      nowMs: deps.now(),
    });
    robots = fresh;
    extra.push(storeRobotsStatement(db, origin, fresh));
    // The robots.txt request used this slot; the page waits for the next one (a third round trip, once a day per origin).
    if (interval > 0 && fresh.fromNetwork) {
      const [again] = await d1.batch([reserveSlotStatement(d1, origin, deps.now(), interval, MAX_SLOT_WAIT_MS)]);
      const next = slotGrantFrom(again);
      if (!next) return { action: "defer", delaySeconds: Math.ceil(MAX_SLOT_WAIT_MS / 1000), reason: `host ${origin} is busy` };
      const more = next.slotAt - deps.now();
      if (more > 0) await deps.sleep(more);
    }
    if (fresh.status === "unreachable") {
      await finish("queued", `retrying after attempt ${attempts}: ${fresh.reason}`, null, extra);
      return { action: "retry", delaySeconds: backoffSeconds(env, attempts), reason: fresh.reason };
    }
  } else if (robots?.status === "unreachable") {
    const reason = "robots.txt unreachable (cached)";
    await finish("queued", `retrying after attempt ${attempts}: ${reason}`, null);
    return { action: "retry", delaySeconds: backoffSeconds(env, attempts), reason };
  }
  if (robots?.status === "ok" && robots.text) {
    const u = new URL(article.url);
    const verdict = robotsVerdict(robots.text, botToken(env.USER_AGENT), u.pathname + u.search);
    if (!verdict.allowed) {
      await finish("skipped", `disallowed by robots.txt (${verdict.rule})`, null, extra);
      return { action: "ack", outcome: "skipped: robots.txt" };
    }
  }

  const res = await fetchLimited(article.url, {
    userAgent: env.USER_AGENT,
    timeoutMs: Number(env.FETCH_TIMEOUT_MS),
    maxBytes: Number(env.MAX_BODY_BYTES),
    allowPrivate,
    fetcher: deps.fetch,
  });
  if (!res.ok) {
    if (res.transient) {
      const delaySeconds = Math.max(res.retryAfterSeconds ?? 0, backoffSeconds(env, attempts));
      await finish("queued", `retrying after attempt ${attempts}: ${res.reason}`, res.status, extra);
      return { action: "retry", delaySeconds, reason: res.reason };
    }
    await finish(res.outcome, res.reason, res.status, extra);
    return { action: "ack", outcome: `${res.outcome}: ${res.reason}` };
  }

  const type = res.contentType ?? "";
  if (type && !HTML_TYPES.test(type)) {
    await finish("skipped", `content type ${type.split(";")[0].trim()} is not HTML`, res.status, extra);
    return { action: "ack", outcome: "skipped: not HTML" };
  }
  if (res.bytes.byteLength === 0) {
    await finish("failed", "empty body", res.status, extra);
    return { action: "ack", outcome: "failed: empty body" };
  }

  const contentHash = await sha256Hex(res.bytes);
  if (article.status === "extracted" && article.contentHash === contentHash && article.extractorVersion === EXTRACTOR_VERSION) {
    // A replay of work already done: the rows are there and would come out the same.
    await finish("extracted", null, res.status, extra);
    return { action: "ack", outcome: "unchanged" };
  }

  const html = decodeBody(res.bytes, res.contentType);
  // A binary file served as a page: nothing to read, and nothing to retry.
  const notText = notTextReason(html);
  if (notText) {
    await finish("skipped", notText, res.status, extra);
    return { action: "ack", outcome: "skipped: not text" };
  }
  const depth = maxNesting(html);
  if (depth > MAX_NESTING) {
    await finish("skipped", `markup nests ${depth} elements deep (over ${MAX_NESTING}): not a readable page`, res.status, extra);
    return { action: "ack", outcome: "skipped: markup too deep" };
  }
  let extraction: Extraction;
  try {
    extraction = deps.extract({ body: html, kind: "html", url: article.url });
  } catch (e) {
    await finish("failed", `extractor error: ${e instanceof Error ? e.message : String(e)}`.slice(0, 500), res.status, extra);
    return { action: "ack", outcome: "failed: extractor error" };
  }
  // Round trip 2: every row of the article, its attempt count and the host's robots.txt, in one transaction.
  const statements = articleWriteStatements(db, article.id, extraction, {
    httpStatus: res.status,
    finalUrl: res.finalUrl,
    contentHash,
    extractorVersion: EXTRACTOR_VERSION,
  });
  const [first, ...rest] = [...statements, countAttemptStatement(db, article.id), ...extra];
  await db.batch([first, ...rest]);
  return { action: "ack", outcome: `extracted: ${extraction.facts.length} facts` };
}

type ArticleStatusOut = (typeof articles.$inferSelect)["status"];

function recordStatement(db: Db, id: number, status: ArticleStatusOut, reason: string | null, httpStatus: number | null) {
  return db
    .update(articles)
    .set({ status, reason, httpStatus, attempts: sql`${articles.attempts} + 1`, updatedAt: NOW_SQL })
    .where(eq(articles.id, id));
}

function countAttemptStatement(db: Db, id: number) {
  return db
    .update(articles)
    .set({ attempts: sql`${articles.attempts} + 1` })
    .where(eq(articles.id, id));
}

interface ArticleJoinRow {
  id: number;
  url: string;
  status: string;
  content_hash: string | null;
  extractor_version: string | null;
  source_local: number | null;
  source_url: string | null;
}

function stateFrom(row: unknown): ArticleState | null {
  const r = row as ArticleJoinRow | undefined;
  if (!r) return null;
  return {
    id: r.id,
    url: r.url,
    status: r.status,
    contentHash: r.content_hash,
    extractorVersion: r.extractor_version,
    source: r.source_url !== null ? { local: r.source_local === 1, url: r.source_url } : null,
  };
}

/** The article a message names when its row is gone: recreated from the message's URL, so no URL is without a row. */
async function recreateArticle(db: Db, d1: D1Database, msg: ArticleMessage): Promise<ArticleState> {
  await db
    .insert(articles)
    .values({ url: msg.url, sourceId: msg.sourceId || null })
    .onConflictDoNothing({ target: articles.url });
  const row = await d1
    .prepare(
      `SELECT a.id, a.url, a.status, a.content_hash, a.extractor_version, s.local AS source_local, s.url AS source_url
       FROM articles a LEFT JOIN sources s ON s.id = a.source_id WHERE a.url = ?`,
    )
    .bind(msg.url)
    .first();
  const state = stateFrom(row);
  if (!state) throw new Error(`article ${msg.articleId} (${msg.url}) could not be recorded`);
  return state;
}

/** Exponential backoff from RETRY_BASE_SECONDS, capped at an hour. */
export function backoffSeconds(env: Pick<Env, "RETRY_BASE_SECONDS">, attempts: number): number {
  const base = Number(env.RETRY_BASE_SECONDS ?? "30");
  return Math.min(3600, Math.round(base * 2 ** Math.max(0, attempts - 1)));
}

async function sha256Hex(bytes: Uint8Array): Promise<string> {
  const digest = await crypto.subtle.digest("SHA-256", bytes);
  return [...new Uint8Array(digest)].map((b) => b.toString(16).padStart(2, "0")).join("");
}
