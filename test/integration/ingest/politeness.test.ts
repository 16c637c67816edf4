/**
 * Politeness: robots.txt fetched once per origin and cached in D1, requests to one origin spaced by
 * HOST_INTERVAL_MS across a batch, a host busy for longer than the consumer waits deferring the
 * message without spending an attempt, and the bot naming itself with a contact URL.
 */
import { beforeEach, describe, expect, it } from "vitest";
import { userAgentFor } from "../../../workers/net/user-agent";
import { testEnv as env } from "../test-env";
import { articleRow, deliver, hits, insertArticle } from "./consumer-harness";

const PAGE = "/faults/new-home.html";

/** The real network, with each request's URL and start time noted. */
function recordingFetch() {
  const calls: { url: string; at: number }[] = [];
  const fetcher: typeof fetch = (input, init) => {
    calls.push({ url: String(input instanceof Request ? input.url : input), at: Date.now() });
    return fetch(input, init);
  };
  return { calls, fetcher };
}

beforeEach(async () => {
  await env.DB.prepare("DELETE FROM crawl_hosts").run();
});

describe("robots.txt", () => {
  it("is fetched once per origin, cached in D1, and not asked again for the next articles", async () => {
    const net = recordingFetch();
    await deliver([await insertArticle(PAGE)], { deps: { fetch: net.fetcher } });
    await deliver([await insertArticle(PAGE), await insertArticle(PAGE)], { deps: { fetch: net.fetcher } });
    expect(net.calls.filter((c) => c.url.endsWith("/robots.txt"))).toHaveLength(1);
    const cached = await env.DB.prepare("SELECT robots_status, robots_txt FROM crawl_hosts WHERE origin = ?")
      .bind(env.TEST_ORIGIN)
      .first<{ robots_status: string; robots_txt: string }>();
    expect(cached?.robots_status).toBe("ok");
    expect(cached?.robots_txt).toContain("Disallow: /faults/robots-disallowed/");
  });
});

describe("per-host rate limit", () => {
  it("spaces requests to one host (robots.txt included) by HOST_INTERVAL_MS, even within one batch", async () => {
    const net = recordingFetch();
    const msgs = [await insertArticle(PAGE), await insertArticle(PAGE), await insertArticle(PAGE), await insertArticle(PAGE)];
    const result = await deliver(msgs, { deps: { fetch: net.fetcher }, vars: { HOST_INTERVAL_MS: "250" } });
    expect(result.explicitAcks).toHaveLength(4);
    const pages = net.calls.map((c) => c.at);
    expect(net.calls.filter((c) => c.url.includes(PAGE))).toHaveLength(4);
    const gaps = pages
      .sort((a, b) => a - b)
      .slice(1)
      .map((t, i) => t - pages[i]);
    // Slots are exactly 250 ms apart; what runs after each wait (a D1 read, a memo lookup) adds a few ms of jitter.
    for (const g of gaps) expect(g).toBeGreaterThanOrEqual(200);
    expect(pages[pages.length - 1] - pages[0]).toBeGreaterThanOrEqual(3 * 250 - 20);
  });

  it("defers a message whose slot is further off than the consumer waits, without spending an attempt", async () => {
    await deliver([await insertArticle(PAGE)]); // robots.txt cached, so only page requests take slots
    await env.DB.prepare("UPDATE crawl_hosts SET next_fetch_at = 0").run();
    const msgs = [await insertArticle(PAGE), await insertArticle(PAGE), await insertArticle(PAGE)];
    // 20 s between requests: the third slot is 40 s away, past the 30 s the consumer waits in-process.
    const slept: number[] = [];
    const result = await deliver(msgs, {
      deps: { sleep: async (ms) => void slept.push(ms) },
      vars: { HOST_INTERVAL_MS: "20000" },
    });
    expect(result.explicitAcks).toHaveLength(3);
    expect(result.retryMessages).toEqual([]);
    const rows = await Promise.all(msgs.map((m) => articleRow(m.articleId)));
    expect(rows.map((r) => r?.status).sort()).toEqual(["extracted", "extracted", "queued"]);
    expect(rows.find((r) => r?.status === "queued")?.attempts).toBe(0);
    expect(slept.some((ms) => ms > 19_000 && ms <= 20_000)).toBe(true);
  });
});

describe("identity", () => {
  it("sends the configured User-Agent, which names the bot and a contact URL, to pages and robots.txt", async () => {
    await deliver([await insertArticle(PAGE)]);
    const sent = userAgentFor(env);
    expect(sent).toMatch(/^newsfactsbot\/[\d.]+ \(\+https:\/\/\S+\)$/);
    expect(sent).toContain(env.BOT_CONTACT_URL);
    expect((await hits(PAGE)).userAgent).toBe(sent);
    expect((await hits("/robots.txt")).userAgent).toBe(sent);
  });
});
