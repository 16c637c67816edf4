/**
 * End to end inside workerd: the demo site served over real HTTP, `scheduled()` discovers it, the
 * queue delivers to the consumer, facts land in D1, and the API serves them.
 */
import { createExecutionContext, createScheduledController, env, waitOnExecutionContext } from "cloudflare:test";
import { exports } from "cloudflare:workers";
import { describe, expect, it } from "vitest";
import worker from "../../workers/index";
import { addLocalSource, countRows, waitFor } from "./helpers";

describe("the whole pipeline on the demo site", () => {
  it("discovers the five demo articles, ingests them through the queue and serves their facts", async () => {
    await addLocalSource("demo-rss", "rss", "/rss.xml");
    await addLocalSource("demo-sitemap", "sitemap", "/sitemap.xml");

    const ctx = createExecutionContext();
    await worker.scheduled(createScheduledController({ cron: "*/15 * * * *" }), env, ctx);
    await waitOnExecutionContext(ctx);

    // The feed and the sitemap list the same five articles: five rows, not ten.
    expect(await countRows("articles")).toBe(5);
    const pending = await waitFor(
      () => countRows("articles", "status IN ('queued', 'fetched')"),
      (n) => n === 0,
    );
    expect(pending).toBe(0);
    expect(await countRows("articles", "status = 'extracted'")).toBe(5);

    const res = await exports.default.fetch("http://api.test/v1/facts?limit=200");
    expect(res.status).toBe(200);
    const body = (await res.json()) as { items: { article: { url: string }; value: number; metric: string }[] };
    const articlesWithFacts = new Set(body.items.map((f) => f.article.url));
    expect(articlesWithFacts.size).toBe(5);
    // A figure every reader of seed 000 takes away: FDI of 2,067 million USD.
    expect(body.items.some((f) => f.value === 2_067_000_000)).toBe(true);

    const sources = (await (await exports.default.fetch("http://api.test/v1/sources")).json()) as {
      items: { id: string; last_status: string }[];
    };
    expect(sources.items.filter((s) => s.id.startsWith("demo-")).map((s) => s.last_status)).toEqual(["ok", "ok"]);
  });
});
