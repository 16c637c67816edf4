import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { ARTICLES, articlePath } from "../../../demo/articles.mjs";
import { SEED_LAYOUTS } from "../../../demo/seed-layout.mjs";
import { type DemoSite, startDemoSite } from "../../../demo/server.mjs";

/** Every article page of the site: the five seed pages and the project's own articles. */
const ALL_PATHS = [...SEED_LAYOUTS.map((l) => l.path), ...ARTICLES.map(articlePath)];

/** All href/src/loc URLs of a document that point at an http(s) origin. */
function absoluteUrls(text: string): string[] {
  return text.match(/https?:\/\/[^\s"<>]+/g) ?? [];
}

describe("demo site server", () => {
  let site: DemoSite;
  let extraHits = 0;

  beforeAll(async () => {
    site = await startDemoSite({
      routes: [
        {
          name: "fault-429",
          path: "/faults/429",
          handler: (_req, res) => {
            extraHits++;
            res.writeHead(429, { "retry-after": "2", "content-type": "text/plain" });
            res.end("slow down");
          },
        },
        {
          name: "wrong-charset",
          method: "GET",
          path: /^\/faults\/charset(\/.+)$/,
          handler: (_req, _res, ctx) => {
            const file = ctx.files.get(ctx.match?.[1] ?? "");
            if (!file) return ctx.send(404, {}, "");
            ctx.send(200, { "content-type": "text/html; charset=windows-1258" }, file.body);
          },
        },
      ],
    });
  });
  afterAll(async () => {
    await site.close();
  });

  it("binds to 127.0.0.1 on a random port and reports that origin", () => {
    expect(site.port).toBeGreaterThan(0);
    expect(site.origin).toBe(`http://127.0.0.1:${site.port}`);
  });

  it("serves every article page as utf-8 HTML with the origin filled in", async () => {
    for (const layout of SEED_LAYOUTS) {
      const res = await fetch(`${site.origin}${layout.path}`);
      expect(res.status, layout.path).toBe(200);
      expect(res.headers.get("content-type")).toBe("text/html; charset=utf-8");
      const html = await res.text();
      expect(html).not.toContain("{{ORIGIN}}");
      expect(html).toContain(`<link rel="canonical" href="${site.origin}${layout.path}">`);
      expect(html).toContain(`<html lang="${layout.lang}">`);
    }
  });

  it("serves the home pages, robots.txt naming the sitemap, and static assets", async () => {
    const home = await fetch(`${site.origin}/`);
    expect(home.status).toBe(200);
    const homeHtml = await home.text();
    for (const layout of SEED_LAYOUTS.filter((l) => l.lang === "vi")) expect(homeHtml).toContain(`href="${site.origin}${layout.path}"`);
    expect((await fetch(`${site.origin}/id/`)).status).toBe(200);
    const en = await fetch(`${site.origin}/en/`);
    expect(en.status).toBe(200);
    const enHtml = await en.text();
    for (const a of ARTICLES.filter((x) => x.lang === "en")) expect(enHtml).toContain(`href="${site.origin}${articlePath(a)}"`);

    const robots = await fetch(`${site.origin}/robots.txt`);
    expect(robots.headers.get("content-type")).toBe("text/plain; charset=utf-8");
    const robotsText = await robots.text();
    expect(robotsText).toMatch(/^User-agent: \*$/m);
    expect(robotsText).toMatch(/^Allow: \/$/m);
    expect(robotsText).toContain(`Sitemap: ${site.origin}/sitemap.xml`);

    const css = await fetch(`${site.origin}/static/site.css`);
    expect(css.headers.get("content-type")).toBe("text/css; charset=utf-8");
  });

  it("lists every article (seeds and the project's own) in the RSS feed with absolute URLs on the served origin", async () => {
    const res = await fetch(`${site.origin}/rss.xml`);
    expect(res.headers.get("content-type")).toBe("application/rss+xml; charset=utf-8");
    const xml = await res.text();
    expect(xml).toContain('<rss version="2.0"');
    const links = [...xml.matchAll(/<item>[\s\S]*?<link>([^<]+)<\/link>/g)].map((m) => m[1]);
    expect(links.sort()).toEqual(ALL_PATHS.map((path) => `${site.origin}${path}`).sort());
    for (const url of absoluteUrls(xml).filter((u) => !u.includes("w3.org"))) expect(url.startsWith(site.origin), url).toBe(true);
  });

  it("gives a pubDate only to feed items whose seed states the date", async () => {
    const xml = await (await fetch(`${site.origin}/rss.xml`)).text();
    const items = [...xml.matchAll(/<item>([\s\S]*?)<\/item>/g)].map((m) => m[1]);
    for (const layout of SEED_LAYOUTS) {
      const item = items.find((i) => i.includes(`<link>${site.origin}${layout.path}</link>`));
      expect(item, layout.id).toBeDefined();
      expect(item?.includes("<pubDate>"), layout.id).toBe(layout.published !== null);
    }
    expect(xml).toContain("<pubDate>Wed, 11 Dec 2024 18:45:00 +0700</pubDate>");
    expect(xml).toContain("<pubDate>Fri, 30 Oct 2020 19:32:00 +0700</pubDate>");
  });

  it("serves a sitemap index pointing to a news sitemap that lists every article", async () => {
    const index = await fetch(`${site.origin}/sitemap.xml`);
    expect(index.headers.get("content-type")).toBe("application/xml; charset=utf-8");
    const indexXml = await index.text();
    expect(indexXml).toContain("<sitemapindex");
    const child = /<loc>([^<]+)<\/loc>/.exec(indexXml)?.[1];
    expect(child).toBe(`${site.origin}/sitemaps/news.xml`);

    const news = await (await fetch(child ?? "")).text();
    expect(news).toContain('xmlns:news="http://www.google.com/schemas/sitemap-news/0.9"');
    const locs = [...news.matchAll(/<loc>([^<]+)<\/loc>/g)].map((m) => m[1]);
    expect(locs.sort()).toEqual(ALL_PATHS.map((path) => `${site.origin}${path}`).sort());
    expect(news.match(/<news:publication_date>/g)?.length).toBe(SEED_LAYOUTS.filter((l) => l.published).length + ARTICLES.length);
  });

  it("answers 304 to If-None-Match with the current ETag, and 200 to a stale one", async () => {
    const url = `${site.origin}${SEED_LAYOUTS[0].path}`;
    const first = await fetch(url);
    await first.arrayBuffer();
    const etag = first.headers.get("etag");
    expect(etag).toMatch(/^"[^"]+"$/);

    const again = await fetch(url, { headers: { "if-none-match": etag ?? "" } });
    expect(again.status).toBe(304);
    expect(again.headers.get("etag")).toBe(etag);
    expect(await again.text()).toBe("");

    const weak = await fetch(url, { headers: { "if-none-match": `"other", W/${etag}` } });
    expect(weak.status).toBe(304);

    const stale = await fetch(url, { headers: { "if-none-match": '"not-the-etag"' } });
    expect(stale.status).toBe(200);
    await stale.arrayBuffer();
  });

  it("answers 304 to If-Modified-Since at or after Last-Modified, and 200 before it", async () => {
    const url = `${site.origin}/rss.xml`;
    const first = await fetch(url);
    await first.arrayBuffer();
    const lastModified = first.headers.get("last-modified") ?? "";
    expect(Number.isNaN(Date.parse(lastModified))).toBe(false);

    const same = await fetch(url, { headers: { "if-modified-since": lastModified } });
    expect(same.status).toBe(304);

    const earlier = new Date(Date.parse(lastModified) - 60_000).toUTCString();
    const older = await fetch(url, { headers: { "if-modified-since": earlier } });
    expect(older.status).toBe(200);
    await older.arrayBuffer();
  });

  it("answers 404 for unknown paths and for path traversal", async () => {
    for (const path of [
      "/tin-tuc/khong-co-bai-nay.html",
      "/sitemaps/",
      "/%2e%2e/seeds/000_edea8bff8a7faee0.txt",
      "/static/../../server.mjs",
    ]) {
      const res = await fetch(`${site.origin}${path}`);
      expect(res.status, path).toBe(404);
      await res.arrayBuffer();
    }
  });

  it("survives raw request targets that fetch() would normalise ('..' segments, '*')", async () => {
    const { connect } = await import("node:net");
    const raw = (requestLine: string) =>
      new Promise<string>((resolve, reject) => {
        const socket = connect(site.port, "127.0.0.1", () => socket.end(`${requestLine}\r\nHost: x\r\nConnection: close\r\n\r\n`));
        let data = "";
        socket.on("data", (chunk) => {
          data += chunk.toString("utf8");
        });
        socket.on("end", () => resolve(data.split("\r\n")[0]));
        socket.on("error", reject);
      });
    expect(await raw("GET /../demo/server.mjs HTTP/1.1")).toBe("HTTP/1.1 404 Not Found");
    expect(await raw("GET /static/%2e%2e/%2e%2e/server.mjs HTTP/1.1")).toBe("HTTP/1.1 404 Not Found");
    expect(await raw("OPTIONS * HTTP/1.1")).toBe("HTTP/1.1 405 Method Not Allowed");
    expect((await fetch(`${site.origin}/rss.xml`)).status).toBe(200);
  });

  it("answers HEAD with headers only and other methods on files with 405", async () => {
    const head = await fetch(`${site.origin}/rss.xml`, { method: "HEAD" });
    expect(head.status).toBe(200);
    expect(Number(head.headers.get("content-length"))).toBeGreaterThan(1000);
    const post = await fetch(`${site.origin}/rss.xml`, { method: "POST", body: "x" });
    expect(post.status).toBe(405);
    expect(post.headers.get("allow")).toBe("GET, HEAD");
    await post.arrayBuffer();
  });

  it("runs extra routes from the options before the static files", async () => {
    const res = await fetch(`${site.origin}/faults/429`);
    expect(res.status).toBe(429);
    expect(res.headers.get("retry-after")).toBe("2");
    expect(await res.text()).toBe("slow down");
    expect(extraHits).toBe(1);

    const mislabelled = await fetch(`${site.origin}/faults/charset${SEED_LAYOUTS[0].path}`);
    expect(mislabelled.headers.get("content-type")).toBe("text/html; charset=windows-1258");
    expect(Buffer.from(await mislabelled.arrayBuffer()).toString("utf8")).toContain("Quy mô GIDP đạt khoảng 58 tỷ USD");
    expect(site.routes.map((r) => r.name)).toEqual(["fault-429", "wrong-charset", "static"]);
  });

  it("fills each server's own origin when two run side by side", async () => {
    const other = await startDemoSite();
    try {
      expect(other.origin).not.toBe(site.origin);
      const xml = await (await fetch(`${other.origin}/rss.xml`)).text();
      expect(xml).toContain(`<link>${other.origin}/</link>`);
      expect(xml).not.toContain(site.origin);
    } finally {
      await other.close();
    }
  });
});

describe("demo site CLI", () => {
  it("prints 'demo site: <origin>' and serves on that origin until SIGTERM", async () => {
    const { spawn } = await import("node:child_process");
    const { fileURLToPath } = await import("node:url");
    const script = fileURLToPath(new URL("../../../demo/server.mjs", import.meta.url));
    const child = spawn(process.execPath, [script, "--port", "0"], { stdio: ["ignore", "pipe", "inherit"] });
    try {
      const line = await new Promise<string>((resolve, reject) => {
        child.stdout.once("data", (chunk: Buffer) => resolve(chunk.toString("utf8").trim()));
        child.once("exit", (code) => reject(new Error(`server exited with ${code}`)));
      });
      expect(line).toMatch(/^demo site: http:\/\/127\.0\.0\.1:\d+$/);
      const origin = line.slice("demo site: ".length);
      const res = await fetch(`${origin}/rss.xml`);
      expect(await res.text()).toContain(`<link>${origin}/</link>`);
    } finally {
      const exited = new Promise((resolve) => child.once("exit", resolve));
      child.kill("SIGTERM");
      await exited;
    }
  });
});
