/**
 * The queue consumer called directly with a message batch (createMessageBatch / getQueueResult):
 * each message is acked or retried on its own, and every article ends with a status and a reason.
 */
import { createExecutionContext, createMessageBatch, getQueueResult, waitOnExecutionContext } from "cloudflare:test";
import { beforeAll, describe, expect, it } from "vitest";
import type { ArticleMessage } from "../../../schema/messages";
import { addLocalSource } from "../helpers";
import { testEnv as env } from "../test-env";
import worker from "../test-worker";
import { childCounts } from "./consumer-harness";

let seq = 0;

/** Records an article as discovery would; a per-test query string keeps each test's URL its own (storage is shared within a file). */
async function insertArticle(path: string, sourceId: string | null = "fixtures"): Promise<ArticleMessage> {
  const url = `${env.TEST_ORIGIN}${path}?case=${++seq}`;
  const row = await env.DB.prepare("INSERT INTO articles (url, source_id) VALUES (?, ?) RETURNING id")
    .bind(url, sourceId)
    .first<{ id: number }>();
  if (!row) throw new Error("insert failed");
  return { articleId: row.id, url, sourceId: sourceId ?? "" };
}

async function deliver(messages: ArticleMessage[], attempts = 1) {
  const batch = createMessageBatch<ArticleMessage>(
    "newsfacts-articles",
    messages.map((body, i) => ({ id: `m${i}-${Date.now()}`, timestamp: new Date(), attempts, body })),
  );
  const ctx = createExecutionContext();
  await worker.queue(batch, env, ctx);
  await waitOnExecutionContext(ctx);
  return getQueueResult(batch, ctx);
}

async function articleRow(id: number) {
  return env.DB.prepare("SELECT status, reason, http_status FROM articles WHERE id = ?")
    .bind(id)
    .first<{ status: string; reason: string | null; http_status: number | null }>();
}

describe("queue consumer", () => {
  beforeAll(async () => {
    await addLocalSource("fixtures", "rss", "/feeds/duplicates.xml");
  });

  it("a replayed message adds no rows: the second delivery leaves the same rows", async () => {
    const msg = await insertArticle("/pages/dup-article.html");
    const first = await deliver([msg]);
    expect(first.explicitAcks).toEqual([expect.any(String)]);
    expect((await articleRow(msg.articleId))?.status).toBe("extracted");
    const before = await childCounts(msg.articleId);
    expect(before.texts).toBe(1);
    expect(before.facts).toBeGreaterThan(0);

    const replay = await deliver([msg], 2);
    expect(replay.explicitAcks.length).toBe(1);
    expect(await childCounts(msg.articleId)).toEqual(before);
  });

  it("a 404 records the article as failed with the HTTP status as its reason, and acks", async () => {
    const msg = await insertArticle("/pages/missing.html");
    const result = await deliver([msg]);
    expect(result.explicitAcks.length).toBe(1);
    expect(result.retryMessages).toEqual([]);
    expect(await articleRow(msg.articleId)).toEqual({ status: "failed", reason: expect.stringContaining("HTTP 404"), http_status: 404 });
  });

  it("a 503 is transient: the message is retried and the article keeps a reason", async () => {
    const msg = await insertArticle("/pages/broken.html");
    const result = await deliver([msg]);
    expect(result.explicitAcks).toEqual([]);
    expect(result.retryMessages.length).toBe(1);
    const row = await articleRow(msg.articleId);
    expect(row?.status).toBe("queued");
    expect(row?.reason).toMatch(/retrying after attempt 1: HTTP 503/);
  });

  it("a PDF is skipped as not HTML while the rest of its batch is still ingested", async () => {
    const pdf = await insertArticle("/pages/report.pdf");
    const page = await insertArticle("/pages/dup-article.html");
    const result = await deliver([pdf, page]);
    expect(result.explicitAcks.length).toBe(2);
    expect(await articleRow(pdf.articleId)).toMatchObject({ status: "skipped", reason: "content type application/pdf is not HTML" });
    expect((await articleRow(page.articleId))?.status).toBe("extracted");
  });

  it("a page outside a local source is refused by the SSRF guard, not fetched", async () => {
    const msg = await insertArticle("/pages/dup-article.html", null);
    await deliver([msg]);
    expect(await articleRow(msg.articleId)).toMatchObject({
      status: "skipped",
      reason: expect.stringMatching(/^refused: address 127\.0\.0\.1/),
    });
  });
});
