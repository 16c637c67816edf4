/**
 * The dead-letter consumer: a message that ran out of retries gives its article a final `failed`
 * with the last error, but never overwrites an article that reached a final status meanwhile.
 */
import { createExecutionContext, createMessageBatch, getQueueResult } from "cloudflare:test";
import { describe, expect, it } from "vitest";
import type { ArticleMessage } from "../../../schema/messages";
import { createDeadLetterHandler } from "../../../workers/ingest";
import { testEnv as env } from "../test-env";
import { articleRow, deliver, insertArticle } from "./consumer-harness";

async function deadLetter(messages: unknown[]) {
  const batch = createMessageBatch<unknown>(
    "newsfacts-articles-dlq",
    messages.map((body, i) => ({ id: `dlq-${i}-${Date.now()}`, timestamp: new Date(), attempts: 1, body })),
  );
  const ctx = createExecutionContext();
  await createDeadLetterHandler()(batch, env);
  return getQueueResult(batch, ctx);
}

describe("dead-letter consumer", () => {
  it("fails a still-queued article with its last error and the attempt count", async () => {
    const msg = await insertArticle("/faults/error-500.html");
    for (let attempt = 1; attempt <= 5; attempt++) await deliver([msg], { attempts: attempt });
    const result = await deadLetter([msg]);
    expect(result.explicitAcks).toHaveLength(1);
    expect(await articleRow(msg.articleId)).toMatchObject({
      status: "failed",
      reason: "dead-lettered after 5 attempts; last error: HTTP 500 Internal Server Error",
    });
  });

  it("leaves an article that was extracted meanwhile (a late duplicate) as it is", async () => {
    const msg: ArticleMessage = await insertArticle("/faults/new-home.html");
    await deliver([msg]);
    await deadLetter([msg]);
    expect(await articleRow(msg.articleId)).toMatchObject({ status: "extracted", reason: null });
  });

  it("acks a malformed dead letter instead of looping on it", async () => {
    const result = await deadLetter([{ nonsense: true }, "text", null]);
    expect(result.explicitAcks).toHaveLength(3);
  });
});
