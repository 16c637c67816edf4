/**
 * Ingestion — the queue consumer: fetch each article, extract it, write it, and ack or retry each
 * message on its own. A message is acked only once its article has a recorded outcome; anything
 * unexpected (D1 down, a bug) retries the message instead, so nothing is lost.
 */
import { eq, sql } from "drizzle-orm";
import { articles, sources } from "../../schema/tables";
import { createDb, type Db } from "../db/client";
import { EXTRACTOR_VERSION, extract } from "../extract";
import { fetchLimited } from "../net/fetch-limited";
import { decodeBody } from "./decode";
import { type ArticleMessage, isArticleMessage } from "./message";
import { writeArticle } from "./write-article";

export type Verdict = { action: "ack"; outcome: string } | { action: "retry"; delaySeconds: number; reason: string };

const HTML_TYPES = /^(text\/html|application\/xhtml\+xml)\b/i;

/** Handles one batch from the articles queue: every message is settled on its own. */
export async function handleArticleBatch(batch: MessageBatch<unknown>, env: Env): Promise<void> {
  await Promise.all(
    batch.messages.map(async (msg) => {
      try {
        const verdict = await ingestMessage(msg.body, msg.attempts, env);
        if (verdict.action === "ack") msg.ack();
        else msg.retry({ delaySeconds: verdict.delaySeconds });
      } catch (e) {
        // Unexpected: the article's state is unknown, so the message must come back.
        console.error(`ingest: message ${msg.id} failed, retrying:`, e);
        msg.retry({ delaySeconds: backoffSeconds(env, msg.attempts) });
      }
    }),
  );
}

/** Decides the fate of one article message. Throws only for unexpected failures (then the caller retries). */
export async function ingestMessage(body: unknown, attempts: number, env: Env): Promise<Verdict> {
  if (!isArticleMessage(body)) {
    console.error("ingest: dropping a message that is not an article message:", JSON.stringify(body)?.slice(0, 200));
    return { action: "ack", outcome: "malformed message" };
  }
  const db = createDb(env.DB);
  const article = await loadArticle(db, body);
  const source = article.sourceId
    ? await db.select({ local: sources.local }).from(sources).where(eq(sources.id, article.sourceId)).get()
    : undefined;
  await db
    .update(articles)
    .set({ attempts: sql`${articles.attempts} + 1`, updatedAt: sql`(strftime('%Y-%m-%dT%H:%M:%fZ','now'))` })
    .where(eq(articles.id, article.id));

  const res = await fetchLimited(article.url, {
    userAgent: env.USER_AGENT,
    timeoutMs: Number(env.FETCH_TIMEOUT_MS),
    maxBytes: Number(env.MAX_BODY_BYTES),
    allowPrivate: source?.local ?? false,
  });
  if (!res.ok) {
    if (res.transient) {
      const delaySeconds = Math.max(res.retryAfterSeconds ?? 0, backoffSeconds(env, attempts));
      await record(db, article.id, "queued", `retrying after attempt ${attempts}: ${res.reason}`, res.status);
      return { action: "retry", delaySeconds, reason: res.reason };
    }
    await record(db, article.id, res.outcome, res.reason, res.status);
    return { action: "ack", outcome: `${res.outcome}: ${res.reason}` };
  }

  const type = res.contentType ?? "";
  if (type && !HTML_TYPES.test(type)) {
    await record(db, article.id, "skipped", `content type ${type.split(";")[0]} is not HTML`, res.status);
    return { action: "ack", outcome: "skipped: not HTML" };
  }
  if (res.bytes.byteLength === 0) {
    await record(db, article.id, "failed", "empty body", res.status);
    return { action: "ack", outcome: "failed: empty body" };
  }

  const contentHash = await sha256Hex(res.bytes);
  if (article.status === "extracted" && article.contentHash === contentHash && article.extractorVersion === EXTRACTOR_VERSION) {
    // A replay of work already done: the rows are there and would come out the same.
    await record(db, article.id, "extracted", null, res.status);
    return { action: "ack", outcome: "unchanged" };
  }
  await record(db, article.id, "fetched", null, res.status);

  let extraction: ReturnType<typeof extract>;
  try {
    extraction = extract({ body: decodeBody(res.bytes, res.contentType), kind: "html", url: article.url });
  } catch (e) {
    await record(db, article.id, "failed", `extractor error: ${e instanceof Error ? e.message : String(e)}`, res.status);
    return { action: "ack", outcome: "failed: extractor error" };
  }
  await writeArticle(db, article.id, extraction, {
    httpStatus: res.status,
    finalUrl: res.finalUrl,
    contentHash,
    extractorVersion: EXTRACTOR_VERSION,
  });
  return { action: "ack", outcome: `extracted: ${extraction.facts.length} facts` };
}

/** Handles the dead-letter queue: a message that ran out of retries gives its article a final `failed`. */
export async function handleDeadLetters(batch: MessageBatch<unknown>, env: Env): Promise<void> {
  const db = createDb(env.DB);
  await Promise.all(
    batch.messages.map(async (msg) => {
      try {
        if (isArticleMessage(msg.body)) {
          const row = await db
            .select({ reason: articles.reason, attempts: articles.attempts })
            .from(articles)
            .where(eq(articles.id, msg.body.articleId))
            .get();
          const last = row?.reason?.replace(/^retrying after attempt \d+: /, "") ?? "unknown";
          await db
            .update(articles)
            .set({
              status: "failed",
              reason: `dead-lettered after ${row?.attempts ?? "?"} attempts; last error: ${last}`,
              updatedAt: sql`(strftime('%Y-%m-%dT%H:%M:%fZ','now'))`,
            })
            .where(eq(articles.id, msg.body.articleId));
        }
        msg.ack();
      } catch (e) {
        console.error(`dead-letter: message ${msg.id} failed, retrying:`, e);
        msg.retry();
      }
    }),
  );
}

type ArticleRow = typeof articles.$inferSelect;

/** The article a message names; recreated from the message's URL if the row is missing. */
async function loadArticle(db: Db, msg: ArticleMessage): Promise<ArticleRow> {
  const byId = await db.select().from(articles).where(eq(articles.id, msg.articleId)).get();
  if (byId) return byId;
  await db
    .insert(articles)
    .values({ url: msg.url, sourceId: msg.sourceId || null })
    .onConflictDoNothing({ target: articles.url });
  const byUrl = await db.select().from(articles).where(eq(articles.url, msg.url)).get();
  if (!byUrl) throw new Error(`article ${msg.articleId} (${msg.url}) could not be recorded`);
  return byUrl;
}

async function record(db: Db, id: number, status: ArticleRow["status"], reason: string | null, httpStatus: number | null): Promise<void> {
  await db
    .update(articles)
    .set({ status, reason, httpStatus, updatedAt: sql`(strftime('%Y-%m-%dT%H:%M:%fZ','now'))` })
    .where(eq(articles.id, id));
}

/** Exponential backoff from RETRY_BASE_SECONDS, capped at an hour. */
export function backoffSeconds(env: Env, attempts: number): number {
  const base = Number(env.RETRY_BASE_SECONDS ?? "30");
  return Math.min(3600, Math.round(base * 2 ** Math.max(0, attempts - 1)));
}

async function sha256Hex(bytes: Uint8Array): Promise<string> {
  const digest = await crypto.subtle.digest("SHA-256", bytes);
  return [...new Uint8Array(digest)].map((b) => b.toString(16).padStart(2, "0")).join("");
}
