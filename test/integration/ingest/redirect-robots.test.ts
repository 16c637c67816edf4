/**
 * robots.txt on every redirect hop when the hop leaves the article's origin. The loopback test site
 * cannot play two public hosts (the SSRF guard lets a local source reach its own host only), so
 * the real consumer runs here over a scripted public network: each host answers its own robots.txt.
 */
import { beforeEach, describe, expect, it } from "vitest";
import { testEnv as env } from "../test-env";
import { articleRow, deliver } from "./consumer-harness";

const PAGE = `<!doctype html><html lang="vi"><head><meta charset="utf-8"><title>Hà Nội thu hút FDI</title></head><body><article><h1>Hà Nội thu hút FDI</h1><p>Trong năm 2024 thành phố thu hút được 2.067 triệu USD vốn FDI đăng ký.</p></article></body></html>`;
const html = () => new Response(PAGE, { headers: { "content-type": "text/html; charset=utf-8" } });
const text = (body: string) => () => new Response(body, { headers: { "content-type": "text/plain" } });
const moved = (location: string) => () => new Response(null, { status: 301, headers: { location } });

/** A network of named URLs; anything else is a connection error. Notes every URL asked. */
function network(routes: Record<string, () => Response>) {
  const asked: string[] = [];
  const fetcher: typeof fetch = async (input) => {
    const url = String(input instanceof Request ? input.url : input);
    asked.push(url);
    const route = routes[url];
    if (!route) throw new TypeError(`no route to ${url}`);
    return route();
  };
  return { asked, fetcher };
}

const ROUTES = {
  "https://news.example.vn/robots.txt": text("User-agent: *\nDisallow: /admin/\n"),
  // The CDN lets everyone else in nowhere, and the bot in anywhere but /private/.
  "https://cdn.example.com/robots.txt": text("User-agent: *\nDisallow: /\n\nUser-agent: newsfactsbot\nDisallow: /private/\n"),
  "https://news.example.vn/tin/a.html": moved("https://cdn.example.com/private/a.html"),
  "https://cdn.example.com/private/a.html": html,
  "https://news.example.vn/tin/b.html": moved("https://cdn.example.com/bai/b.html"),
  "https://cdn.example.com/bai/b.html": html,
  "https://news.example.vn/tin/c.html": moved("https://down.example.com/c.html"),
  "https://down.example.com/robots.txt": () => new Response("busy", { status: 503 }),
  "https://down.example.com/c.html": html,
};

async function insertPublicArticle(url: string) {
  const row = await env.DB.prepare("INSERT INTO articles (url, source_id) VALUES (?, NULL) RETURNING id").bind(url).first<{ id: number }>();
  if (!row) throw new Error("insert failed");
  return { articleId: row.id, url, sourceId: "" };
}

beforeEach(async () => {
  await env.DB.prepare("DELETE FROM crawl_hosts").run();
});

describe("robots.txt on a redirect to another origin", () => {
  it("ends `skipped` when the target's robots.txt disallows it, naming the rule and the hop; the target is never requested", async () => {
    const net = network(ROUTES);
    const msg = await insertPublicArticle("https://news.example.vn/tin/a.html");
    const result = await deliver([msg], { deps: { fetch: net.fetcher } });
    expect(result.explicitAcks).toEqual(result.ids);
    expect(await articleRow(msg.articleId)).toMatchObject({
      status: "skipped",
      reason: "disallowed by robots.txt (Disallow: /private/) at redirect hop 1 to https://cdn.example.com/private/a.html",
      attempts: 1,
    });
    expect(net.asked).toContain("https://cdn.example.com/robots.txt");
    expect(net.asked).not.toContain("https://cdn.example.com/private/a.html");
    // The target's robots.txt is cached with the outcome, for the next article that lands there.
    const cached = await env.DB.prepare("SELECT robots_status, robots_txt FROM crawl_hosts WHERE origin = ?")
      .bind("https://cdn.example.com")
      .first<{ robots_status: string; robots_txt: string }>();
    expect(cached?.robots_status).toBe("ok");
    expect(cached?.robots_txt).toContain("Disallow: /private/");
  });

  it("follows a redirect the target's robots.txt allows, judged by the bot's group there rather than `*`", async () => {
    const net = network(ROUTES);
    const msg = await insertPublicArticle("https://news.example.vn/tin/b.html");
    await deliver([msg], { deps: { fetch: net.fetcher } });
    expect(await articleRow(msg.articleId)).toMatchObject({ status: "extracted", final_url: "https://cdn.example.com/bai/b.html" });
    expect(net.asked.filter((u) => u === "https://cdn.example.com/bai/b.html")).toHaveLength(1);
  });

  it("retries later when the target's robots.txt is unreachable, without requesting the target", async () => {
    const net = network(ROUTES);
    const msg = await insertPublicArticle("https://news.example.vn/tin/c.html");
    const result = await deliver([msg], { deps: { fetch: net.fetcher } });
    expect(result.retryMessages.map((m) => m.msgId)).toEqual(result.ids);
    expect(await articleRow(msg.articleId)).toMatchObject({
      status: "queued",
      reason: expect.stringMatching(
        /^retrying after attempt 1: robots\.txt unreachable: HTTP 503.* \(redirect hop 1 to https:\/\/down\.example\.com\/c\.html\)$/,
      ),
    });
    expect(net.asked).not.toContain("https://down.example.com/c.html");
  });
});
