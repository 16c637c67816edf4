/**
 * Ingestion — the queue consumer: fetch each article, extract it, write it, and ack or retry each
 * message on its own. A message is acked only once its article has a recorded outcome; anything
 * unexpected (D1 down, a bug) retries the message instead, and a crash before a message is settled
 * leaves it unacked, so the queue delivers it again. Nothing is lost.
 *
 * The handlers are built by factories taking their dependencies (network, D1, extractor, clock),
 * so tests inject faults into the real parts; workers/index.ts uses the defaults.
 */
import { eq, sql } from "drizzle-orm";
import { isArticleMessage } from "../../schema/messages";
import { articles } from "../../schema/tables";
import { createDb } from "../db/client";
import { type IngestDeps, withDeps } from "./deps";
import { backoffSeconds, ingestMessage } from "./ingest-article";

export { backoffSeconds, ingestMessage, type Verdict } from "./ingest-article";

/**
 * A consumer for the articles queue; every message is settled on its own.
 * @example const handle = createArticleHandler({ fetch: flakyFetch }); await handle(batch, env);
 */
export function createArticleHandler(overrides: Partial<IngestDeps> = {}) {
  const deps = withDeps(overrides);
  return async function handleArticleBatch(batch: MessageBatch<unknown>, env: PipelineEnv): Promise<void> {
    await Promise.all(
      batch.messages.map(async (msg) => {
        try {
          const verdict = await ingestMessage(msg.body, msg.attempts, env, deps);
          if (verdict.action === "ack") msg.ack();
          else if (verdict.action === "retry") msg.retry({ delaySeconds: verdict.delaySeconds });
          else {
            // A fresh message keeps the retry budget for real failures; ack only once the copy is on the queue.
            await env.ARTICLES.send(msg.body, { delaySeconds: verdict.delaySeconds });
            msg.ack();
          }
        } catch (e) {
          // Unexpected: the article's state is unknown, so the message must come back.
          console.error(`ingest: message ${msg.id} failed, retrying:`, e);
          msg.retry({ delaySeconds: backoffSeconds(env, msg.attempts) });
        }
      }),
    );
  };
}

/** A consumer for the dead-letter queue: a message that ran out of retries gives its article a final `failed`. */
export function createDeadLetterHandler(overrides: Partial<IngestDeps> = {}) {
  const deps = withDeps(overrides);
  return async function handleDeadLetters(batch: MessageBatch<unknown>, env: PipelineEnv): Promise<void> {
    const db = createDb(deps.db(env));
    await Promise.all(
      batch.messages.map(async (msg) => {
        try {
          if (isArticleMessage(msg.body)) {
            const row = await db
              .select({ reason: articles.reason, attempts: articles.attempts, status: articles.status })
              .from(articles)
              .where(eq(articles.id, msg.body.articleId))
              .get();
            // A row that already reached a final status (a late duplicate) keeps it.
            if (!row || row.status === "queued" || row.status === "fetched") {
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
          }
          msg.ack();
        } catch (e) {
          console.error(`dead-letter: message ${msg.id} failed, retrying:`, e);
          msg.retry();
        }
      }),
    );
  };
}

/** The production consumers. */
export const handleArticleBatch = createArticleHandler();
export const handleDeadLetters = createDeadLetterHandler();
