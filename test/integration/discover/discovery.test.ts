/** Discovery against real feeds served over HTTP: canonical URLs make one article of many links. */
import { createExecutionContext, createScheduledController, waitOnExecutionContext } from "cloudflare:test";
import { describe, expect, it } from "vitest";
import { ARTICLES } from "../../../demo/articles.mjs";
import { SEED_LAYOUTS } from "../../../demo/seed-layout.mjs";
import { addLocalSource } from "../helpers";
import { testEnv as env } from "../test-env";
import worker from "../test-worker";

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

describe("conditional GET", () => {
  it("a second crawl of an unchanged feed is answered 304 and recorded as not_modified", async () => {
    await env.DB.prepare("INSERT OR IGNORE INTO sources (id, name, kind, url, local) VALUES ('cond', 'cond', 'rss', ?, 1)")
      .bind(`${env.TEST_ORIGIN}/rss.xml`)
      .run();
    const crawl = async () => {
      const ctx = createExecutionContext();
      await worker.scheduled(createScheduledController({ cron: "*/15 * * * *" }), env, ctx);
      await waitOnExecutionContext(ctx);
      return env.DB.prepare("SELECT last_status, etag, last_found FROM sources WHERE id = 'cond'").first<{
        last_status: string;
        etag: string | null;
        last_found: number;
      }>();
    };
    const first = await crawl();
    // The feed lists every demo article: the five seed pages and the project's own articles.
    expect(first).toMatchObject({ last_status: "ok", last_found: SEED_LAYOUTS.length + ARTICLES.length, etag: expect.any(String) });
    expect(await crawl()).toMatchObject({ last_status: "not_modified", last_found: 0 });
  });
});
