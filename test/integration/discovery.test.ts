/** Discovery against real feeds served over HTTP: canonical URLs make one article of many links. */
import { createExecutionContext, createScheduledController, waitOnExecutionContext } from "cloudflare:test";
import { describe, expect, it } from "vitest";
import worker from "../../workers/index";
import { addLocalSource } from "./helpers";
import { testEnv as env } from "./test-env";

describe("discovery", () => {
  it("ingests once an article a feed lists three times with tracking parameters and a fragment", async () => {
    await addLocalSource("dups", "rss", "/feeds/duplicates.xml");
    const ctx = createExecutionContext();
    await worker.scheduled(createScheduledController({ cron: "*/15 * * * *" }), env, ctx);
    await waitOnExecutionContext(ctx);
    const rows = await env.DB.prepare("SELECT url FROM articles WHERE url LIKE ?").bind("%/pages/dup-article.html%").all<{ url: string }>();
    expect(rows.results.map((r) => r.url)).toEqual([`${env.TEST_ORIGIN}/pages/dup-article.html`]);
  });
});
