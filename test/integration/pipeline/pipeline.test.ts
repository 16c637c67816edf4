/**
 * End to end inside workerd: the demo site served over real HTTP, `scheduled()` discovers it, the
 * queue delivers to the consumer, facts land in D1, and the API serves them.
 */
import { createExecutionContext, createScheduledController, env, waitOnExecutionContext } from "cloudflare:test";
import { exports } from "cloudflare:workers";
import { describe, expect, it } from "vitest";
import { ARTICLES } from "../../../demo/articles.mjs";
import { SEED_LAYOUTS } from "../../../demo/seed-layout.mjs";
import { addLocalSource, countRows, waitFor } from "../helpers";
import worker from "../test-worker";

/** The five seed pages and the project's own articles. */
const DEMO_ARTICLES = SEED_LAYOUTS.length + ARTICLES.length;

describe("the whole pipeline on the demo site", () => {
  it("discovers every demo article, ingests them through the queue and serves their facts", async () => {
    await addLocalSource("demo-rss", "rss", "/rss.xml");
    await addLocalSource("demo-sitemap", "sitemap", "/sitemap.xml");

    const ctx = createExecutionContext();
    await worker.scheduled(createScheduledController({ cron: "*/15 * * * *" }), env, ctx);
    await waitOnExecutionContext(ctx);

    // The feed and the sitemap list the same articles: one row each, not two.
    expect(await countRows("articles")).toBe(DEMO_ARTICLES);
    const pending = await waitFor(
      () => countRows("articles", "status IN ('queued', 'fetched')"),
      (n) => n === 0,
    );
    expect(pending).toBe(0);
    expect(await countRows("articles", "status = 'extracted'")).toBe(DEMO_ARTICLES);

    type FactItem = { article: { url: string }; value: number; metric: string };
    const facts: FactItem[] = [];
    let cursor: string | null = null;
    do {
      const res = await exports.default.fetch(`http://api.test/v1/facts?limit=200${cursor ? `&cursor=${cursor}` : ""}`);
      expect(res.status).toBe(200);
      const body = (await res.json()) as { items: FactItem[]; next_cursor: string | null };
      facts.push(...body.items);
      cursor = body.next_cursor;
    } while (cursor);
    const articlesWithFacts = new Set(facts.map((f) => f.article.url));
    expect(articlesWithFacts.size).toBe(DEMO_ARTICLES);
    // A figure every reader of seed 000 takes away: FDI of 2,067 million USD.
    expect(facts.some((f) => f.value === 2_067_000_000)).toBe(true);

    const sources = (await (await exports.default.fetch("http://api.test/v1/sources")).json()) as {
      items: { id: string; last_status: string }[];
    };
    expect(sources.items.filter((s) => s.id.startsWith("demo-")).map((s) => s.last_status)).toEqual(["ok", "ok"]);
  });
});
