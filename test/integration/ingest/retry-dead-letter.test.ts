/**
 * Transient faults through the real queue (Miniflare's, configured from wrangler.pipeline.toml): a page that
 * heals is retried and then ingested; one that never heals is retried max_retries times, lands in
 * the dead-letter queue, and its article ends `failed` with the last error. RETRY_BASE_SECONDS is 0
 * in the test bindings, so the backoff does not slow the suite.
 */
import { describe, expect, it } from "vitest";
import wranglerToml from "../../../wrangler.pipeline.toml?raw";
import { waitFor } from "../helpers";
import { testEnv as env } from "./../test-env";
import { articleRow, hits, insertArticle } from "./consumer-harness";

/** max_retries of the articles queue's consumer, as deployed. */
function maxRetries(): number {
  const block = wranglerToml
    .split("[[queues.consumers]]")
    .slice(1)
    .find((b) => /queue\s*=\s*"newsfacts-articles"/.test(b));
  const m = block && /max_retries\s*=\s*(\d+)/.exec(block);
  if (!m) throw new Error("max_retries not found in wrangler.pipeline.toml");
  return Number(m[1]);
}

const settled = (id: number) =>
  waitFor(
    () => articleRow(id),
    (r) => r !== null && r.status !== "queued" && r.status !== "fetched",
    30_000,
  );

describe.concurrent("retries through the real queue", { timeout: 40_000 }, () => {
  it("a page answering 503 twice is retried with backoff and then extracted", async () => {
    const msg = await insertArticle("/faults/flaky-heals.html", { unique: false });
    await env.ARTICLES.send(msg);
    const row = await settled(msg.articleId);
    expect(row).toMatchObject({ status: "extracted", reason: null, attempts: 3 });
    expect((await hits("/faults/flaky-heals.html")).hits).toBe(3);
  });

  it("a page that always answers 503 is dead-lettered after max_retries and ends failed with the last error", async () => {
    const msg = await insertArticle("/faults/error-503-forever.html", { unique: false });
    await env.ARTICLES.send(msg);
    const row = await settled(msg.articleId);
    const deliveries = maxRetries() + 1;
    expect(row?.status).toBe("failed");
    expect(row?.reason).toBe(`dead-lettered after ${deliveries} attempts; last error: HTTP 503 Service Unavailable`);
    expect((await hits("/faults/error-503-forever.html")).hits).toBe(deliveries);
  });
});
