/**
 * Politeness: robots.txt fetched once per origin and cached in D1, requests to one origin spaced by
 * HOST_INTERVAL_MS across a batch, or by the robots.txt Crawl-delay when that is longer, a host busy
 * for longer than the consumer waits deferring the message without spending an attempt, and the bot
 * naming itself with a contact URL.
 */
import { beforeEach, describe, expect, it } from "vitest";
import { userAgentFor } from "../../../workers/net/user-agent";
import { testEnv as env } from "../test-env";
import { articleRow, deliver, hits, insertArticle } from "./consumer-harness";
import { faultyD1 } from "./d1-faults";

/** The second test site: its own origin, whose robots.txt asks the bot for Crawl-delay: 1 (and `*` for 30). */
async function slowSite(): Promise<{ origin: string; sourceId: string }> {
  const origin = await (await fetch(`${env.TEST_ORIGIN}/faults/slow-site`)).text();
  const sourceId = "slow-site-local";
  await env.DB.prepare("INSERT OR IGNORE INTO sources (id, name, kind, url, local) VALUES (?, ?, 'pages', ?, 1)")
    .bind(sourceId, sourceId, `${origin}/polite/`)
    .run();
  return { origin, sourceId };
}

let slowCase = 0;
async function insertSlowArticle(site: { origin: string; sourceId: string }, path: string) {
  const url = `${site.origin}${path}?case=${++slowCase}`;
  const row = await env.DB.prepare("INSERT INTO articles (url, source_id) VALUES (?, ?) RETURNING id")
    .bind(url, site.sourceId)
    .first<{ id: number }>();
  if (!row) throw new Error("insert failed");
  return { articleId: row.id, url, sourceId: site.sourceId };
}

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
    // Requests leave at least 250 ms apart however late a slot's round trip returns (the isolate paces its
    // real send times, not only the slots): no tolerance for a loaded machine is needed.
    for (const g of gaps) expect(g).toBeGreaterThanOrEqual(250);
    expect(pages[pages.length - 1] - pages[0]).toBeGreaterThanOrEqual(3 * 250);
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

describe("robots.txt Crawl-delay", () => {
  it("spaces requests to a host by the Crawl-delay of the bot's own group when it is longer than HOST_INTERVAL_MS", async () => {
    const site = await slowSite();
    const net = recordingFetch();
    const msgs = [
      await insertSlowArticle(site, "/polite/a.html"),
      await insertSlowArticle(site, "/polite/b.html"),
      await insertSlowArticle(site, "/polite/c.html"),
    ];
    // One batch, so the three run at once; HOST_INTERVAL_MS alone would let them go 100 ms apart.
    const result = await deliver(msgs, { deps: { fetch: net.fetcher }, vars: { HOST_INTERVAL_MS: "100" } });
    expect(result.explicitAcks).toHaveLength(3);
    const rows = await Promise.all(msgs.map((m) => articleRow(m.articleId)));
    expect(rows.map((r) => r?.status)).toEqual(["extracted", "extracted", "extracted"]);
    const pages = net.calls
      .filter((c) => c.url.includes("/polite/"))
      .map((c) => c.at)
      .sort((a, b) => a - b);
    expect(pages).toHaveLength(3);
    const gaps = pages.slice(1).map((t, i) => t - pages[i]);
    // Slots are exactly 1000 ms apart, but a request that starts a little after its slot (D1, a busy
    // machine) comes that much closer to the next one: allow for it, far above the 100 ms of
    // HOST_INTERVAL_MS, and far below the 30 s asked of `*`.
    for (const g of gaps) {
      expect(g).toBeGreaterThanOrEqual(900);
      expect(g).toBeLessThan(5000);
    }
    // robots.txt was read once, over HTTP, from the slow site itself.
    expect((await hits("slow-site/robots.txt")).hits).toBe(1);
    expect((await hits("slow-site/polite/b.html")).hits).toBe(1);
  });

  it("spaces the next batch from the last request too, reserving with the learned delay at once (no extra round trip)", async () => {
    const site = await slowSite();
    const net = recordingFetch();
    const vars = { HOST_INTERVAL_MS: "100" };
    await deliver([await insertSlowArticle(site, "/polite/d.html")], { deps: { fetch: net.fetcher }, vars });
    const d1 = faultyD1(env.DB);
    const msg = await insertSlowArticle(site, "/polite/e.html");
    await deliver([msg], { deps: { fetch: net.fetcher, db: () => d1.db }, vars });
    expect((await articleRow(msg.articleId))?.status).toBe("extracted");
    const at = (page: string) => net.calls.find((c) => c.url.includes(page))?.at ?? Number.NaN;
    expect(at("/polite/e.html") - at("/polite/d.html")).toBeGreaterThanOrEqual(900);
    // The claim batch and the final write: the slot was reserved with the Crawl-delay this isolate had learned.
    expect(d1.log.roundTrips).toBe(2);
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
