/**
 * The fault corpus, listing side: discovery against broken feeds, self-referencing sitemap
 * indexes, one article in two feeds, and listings that link to internal addresses. Each source ends
 * with a status and an error; each URL found has a row.
 */
import { describe, expect, it } from "vitest";
import { sources } from "../../../schema/tables";
import { createDb } from "../../../workers/db/client";
import { discoverSource } from "../../../workers/discover";
import { hits } from "../ingest/consumer-harness";
import { testEnv as env } from "../test-env";

async function crawl(id: string, kind: "rss" | "sitemap" | "pages", path: string, local = true) {
  await env.DB.prepare("INSERT OR IGNORE INTO sources (id, name, kind, url, local) VALUES (?, ?, ?, ?, ?)")
    .bind(id, id, kind, `${env.TEST_ORIGIN}${path}`, local ? 1 : 0)
    .run();
  const db = createDb(env.DB);
  const rows = await db.select().from(sources).all();
  const source = rows.find((s) => s.id === id);
  if (!source) throw new Error(`no source ${id}`);
  const report = await discoverSource(env, db, source);
  const row = await env.DB.prepare("SELECT last_status, last_error, last_found, last_queued FROM sources WHERE id = ?")
    .bind(id)
    .first<{ last_status: string; last_error: string | null; last_found: number; last_queued: number }>();
  return { report, row };
}

async function rowsLike(pattern: string) {
  const r = await env.DB.prepare("SELECT url, status, reason FROM articles WHERE url LIKE ? ORDER BY url")
    .bind(pattern)
    .all<{ url: string; status: string; reason: string | null }>();
  return r.results;
}

describe("discovery faults", () => {
  it("a feed with broken XML marks its source `error` with the parser's reason and queues nothing", async () => {
    const { report, row } = await crawl("broken-feed", "rss", "/faults/broken-feed.xml");
    expect(report.status).toBe("error");
    expect(row?.last_status).toBe("error");
    expect(row?.last_error).toMatch(/broken XML: .+ \(line \d+\)$/);
    expect(row?.last_queued).toBe(0);
  });

  it("a sitemap index that lists itself is read once per URL and still yields its child's articles", async () => {
    const before = (await hits("/faults/sitemap-self.xml")).hits;
    const { report, row } = await crawl("self-index", "sitemap", "/faults/sitemap-self.xml");
    expect(report.status).toBe("ok");
    expect(row?.last_found).toBe(2);
    // The index itself, and its "?page=1" spelling: each once, never in a loop.
    expect((await hits("/faults/sitemap-self.xml")).hits - before).toBe(2);
  });

  it("the same article in two feeds with different tracking parameters is one row", async () => {
    await crawl("feed-a", "rss", "/faults/feed-a.xml");
    await crawl("feed-b", "rss", "/faults/feed-b.xml");
    expect((await rowsLike("%/faults/two-feeds.html%")).map((r) => r.url)).toEqual([`${env.TEST_ORIGIN}/faults/two-feeds.html`]);
  });

  it("links to internal addresses get a `skipped` row with the reason and are never queued, even from a local source", async () => {
    const { row } = await crawl("unsafe-links", "rss", "/faults/unsafe-links.xml");
    expect(row).toMatchObject({ last_status: "ok", last_found: 4, last_queued: 1 });
    expect(await rowsLike("http://169.254.169.254/%")).toEqual([
      {
        url: "http://169.254.169.254/latest/meta-data/",
        status: "skipped",
        reason: "refused: address 169.254.169.254 is not globally reachable (link-local)",
      },
    ]);
    expect(await rowsLike("http://10.1.2.3/%")).toEqual([
      {
        url: "http://10.1.2.3/tin-tuc/bai.html",
        status: "skipped",
        reason: "refused: address 10.1.2.3 is not globally reachable (private)",
      },
    ]);
    expect(await rowsLike("javascript:%")).toEqual([]);
  });

  it("a listing robots.txt disallows is not fetched: the source records the rule", async () => {
    const before = (await hits("/faults/robots-disallowed/feed.xml")).hits;
    const { row } = await crawl("robots-listing", "rss", "/faults/robots-disallowed/feed.xml");
    expect(row?.last_status).toBe("error");
    expect(row?.last_error).toMatch(/disallowed by robots\.txt \(Disallow: \/faults\/robots-disallowed\/\)$/);
    expect((await hits("/faults/robots-disallowed/feed.xml")).hits).toBe(before);
  });

  it("a listing that redirects to a path robots.txt disallows is not fetched: the source records the rule and the hop", async () => {
    const before = (await hits("/faults/robots-disallowed/moved-feed.xml")).hits;
    const { row } = await crawl("robots-listing-redirect", "rss", "/faults/redirect-to-disallowed/moved-feed.xml");
    expect(row?.last_status).toBe("error");
    expect(row?.last_error).toMatch(
      /disallowed by robots\.txt \(Disallow: \/faults\/robots-disallowed\/\) at redirect hop 1 to http:\/\/127\.0\.0\.1:\d+\/faults\/robots-disallowed\/moved-feed\.xml$/,
    );
    expect((await hits("/faults/robots-disallowed/moved-feed.xml")).hits).toBe(before);
  });

  it("a source not marked local cannot reach the loopback test site at all", async () => {
    const { row } = await crawl("not-local", "rss", "/faults/feed-a.xml", false);
    expect(row?.last_status).toBe("error");
    expect(row?.last_error).toMatch(/refused: address 127\.0\.0\.1 is not globally reachable \(loopback\)$/);
  });
});
