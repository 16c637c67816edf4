#!/usr/bin/env node
/**
 * npm run bench:load — the pipeline under load with faults, on loopback only.
 *
 * Serves 5,000 generated article URLs (a sitemap index of 10 sitemaps, shadowing the demo site's
 * /sitemap.xml) of which 10% misbehave: 5% fail transiently once and then heal (503, connection
 * reset), 2% always answer 503 (retried, then dead-lettered), 3% fail for good (404, 410, PDF). The
 * whole stack runs as `npm start` does (startStack: demo site + wrangler dev, temporary persist
 * dir, its own ports, HOST_INTERVAL_MS=0, RETRY_BASE_SECONDS=1) while a second process reads the
 * API with autocannon (50 requests/s). Prints articles ingested, retried, dead-lettered, lost (must be 0: every URL
 * has a row with a final status), the API's error rate and p99 latency. Exits 1 if anything is lost.
 *
 *   npm run bench:load                 # 5,000 URLs
 *   npm run bench:load -- --urls 1000  # smaller
 */
import { spawn } from "node:child_process";
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { parseArgs } from "node:util";

const SELF = fileURLToPath(import.meta.url);

if (process.argv[2] === "--reader") await reader(process.argv[3]);
else await main();

/** Which fault article `i` gets; the same every run. */
function faultOf(i) {
  const b = i % 100;
  if (b < 4) return "503-once";
  if (b < 5) return "reset-once";
  if (b < 7) return "503-always";
  if (b < 8) return "404";
  if (b < 9) return "410";
  if (b < 10) return "pdf";
  return "ok";
}

function articleHtml(i) {
  const million = 1000 + (i % 997);
  const growth = ((i % 90) / 10 + 1).toFixed(1).replace(".", ",");
  const title = `Hà Nội thu hút ${million} triệu USD vốn đầu tư nước ngoài (bài ${i})`;
  return `<!doctype html><html lang="vi"><head><meta charset="utf-8"><title>${title}</title>
<meta property="article:published_time" content="2024-12-11T08:00:00+07:00"></head><body>
<header><nav><a href="/">Trang chủ</a> · <a href="/kinh-te/">Kinh tế</a></nav></header>
<article><h1>${title}</h1>
<p>Chiều 11/12/2024, tại Hà Nội, Sở Kế hoạch và Đầu tư cho biết trong 11 tháng năm 2024 thành phố thu hút được ${million} triệu USD vốn FDI đăng ký.</p>
<p>Kim ngạch xuất khẩu của Thủ đô tăng ${growth}% so với cùng kỳ năm trước, theo báo cáo của Cục Thống kê Hà Nội.</p>
<p>Lãnh đạo thành phố khẳng định sẽ tiếp tục cải thiện môi trường đầu tư, đẩy mạnh hợp tác quốc tế trong thời gian tới.</p>
</article><footer>© Báo thử tải</footer></body></html>`;
}

/** Routes the local site serves for the run (before the demo site's own files). */
function loadRoutes(total, perSitemap) {
  const seen = new Map();
  const xml = { "content-type": "application/xml; charset=utf-8" };
  const sitemaps = Math.ceil(total / perSitemap);
  return [
    {
      name: "load: sitemap index (shadows the demo's)",
      path: "/sitemap.xml",
      handler: (_req, _res, ctx) => {
        const items = Array.from({ length: sitemaps }, (_, k) => `<sitemap><loc>${ctx.origin}/load/sitemap-${k}.xml</loc></sitemap>`);
        ctx.send(
          200,
          xml,
          `<?xml version="1.0" encoding="UTF-8"?><sitemapindex xmlns="http://www.sitemaps.org/schemas/sitemap/0.9">${items.join("")}</sitemapindex>`,
        );
      },
    },
    {
      name: "load: empty feed (shadows the demo's)",
      path: "/rss.xml",
      handler: (_req, _res, ctx) =>
        ctx.send(
          200,
          { "content-type": "application/rss+xml; charset=utf-8" },
          '<?xml version="1.0"?><rss version="2.0"><channel><title>load</title></channel></rss>',
        ),
    },
    {
      name: "load: sitemaps",
      path: /^\/load\/sitemap-(\d+)\.xml$/,
      handler: (_req, _res, ctx) => {
        const k = Number(ctx.match[1]);
        const urls = [];
        for (let i = k * perSitemap; i < Math.min(total, (k + 1) * perSitemap); i++)
          urls.push(`<url><loc>${ctx.origin}/load/a/${i}.html</loc></url>`);
        ctx.send(
          200,
          xml,
          `<?xml version="1.0" encoding="UTF-8"?><urlset xmlns="http://www.sitemaps.org/schemas/sitemap/0.9">${urls.join("")}</urlset>`,
        );
      },
    },
    {
      name: "load: articles",
      path: /^\/load\/a\/(\d+)\.html$/,
      handler: (req, _res, ctx) => {
        const i = Number(ctx.match[1]);
        const n = (seen.get(i) ?? 0) + 1;
        seen.set(i, n);
        const html = { "content-type": "text/html; charset=utf-8" };
        switch (faultOf(i)) {
          case "503-once":
            return n === 1 ? ctx.send(503, { ...html, "retry-after": "1" }, "<h1>Bảo trì</h1>") : ctx.send(200, html, articleHtml(i));
          case "reset-once":
            return n === 1 ? void req.socket.destroy() : ctx.send(200, html, articleHtml(i));
          case "503-always":
            return ctx.send(503, html, "<h1>Bảo trì</h1>");
          case "404":
            return ctx.send(404, html, "<h1>404</h1>");
          case "410":
            return ctx.send(410, html, "<h1>410</h1>");
          case "pdf":
            return ctx.send(200, { "content-type": "application/pdf" }, "%PDF-1.4\n%%EOF\n");
          default:
            return ctx.send(200, html, articleHtml(i));
        }
      },
    },
  ];
}

async function main() {
  const { values } = parseArgs({
    options: {
      urls: { type: "string", default: "5000" },
      "no-reader": { type: "boolean", default: false },
      timeout: { type: "string", default: "270" },
      verbose: { type: "boolean", default: false },
    },
  });
  const total = Number(values.urls);
  const deadline = Date.now() + Number(values.timeout) * 1000;
  const { freePort, startStack } = await import("./lib/stack.mjs");
  const persistTo = mkdtempSync(join(tmpdir(), "newsfacts-load-"));
  const [port, demoPort] = [await freePort(), await freePort()];
  const started = Date.now();
  // wrangler dev rebuilds when a file in the tree changes, and a reload drops the local queue's
  // in-flight messages (Miniflare keeps them in memory; Cloudflare's queues are durable): such a
  // run measures the edit, not the pipeline, so it is flagged.
  let ready = false;
  let reloads = 0;
  const log = (s) => {
    if (values.verbose) process.stderr.write(s);
    if (ready && /Reloading local server/.test(s)) reloads++;
  };
  console.error(`bench:load: ${total} URLs, 10% faulty; stack on :${port}, site on :${demoPort}, state in ${persistTo}`);

  const stack = await startStack({
    port,
    demoPort,
    persistTo,
    routes: loadRoutes(total, 500),
    vars: { HOST_INTERVAL_MS: "0", RETRY_BASE_SECONDS: "1", SOURCES_PRESET: "demo" },
    log,
  });
  ready = true;
  let readerProc;
  let code = 0;
  try {
    // The second process: read load on the API for as long as ingestion runs.
    readerProc = spawn(process.execPath, [SELF, "--reader", values["no-reader"] ? "" : stack.origin], {
      stdio: ["ignore", "pipe", "inherit"],
    });
    let readerOut = "";
    readerProc.stdout.on("data", (d) => {
      readerOut += d;
    });
    const readerDone = new Promise((r) => readerProc.once("exit", r));

    await stack.fireCron();
    const discovered = Date.now();
    let stats;
    let polls = 0;
    for (;;) {
      stats = await (await fetch(`${stack.origin}/v1/stats`)).json();
      const a = stats.articles ?? {};
      const rows = Object.values(a).reduce((s, n) => s + n, 0);
      const pending = (a.queued ?? 0) + (a.fetched ?? 0);
      const line = `  ${rows} rows, ${pending} pending, ${a.extracted ?? 0} extracted, ${a.failed ?? 0} failed, ${a.skipped ?? 0} skipped`;
      if (process.stderr.isTTY) process.stderr.write(`\r${line}   `);
      else if (++polls % 10 === 0) process.stderr.write(`${line}\n`);
      if (polls === 5 && rows === 0) {
        const sources = await (await fetch(`${stack.origin}/v1/sources`)).json();
        process.stderr.write(`  no rows yet; sources: ${JSON.stringify(sources.items?.map((s) => [s.id, s.last_status, s.last_error]))}\n`);
      }
      if (rows >= total && pending === 0) break;
      if (Date.now() > deadline) {
        process.stderr.write("\n  time is up\n");
        break;
      }
      await new Promise((r) => setTimeout(r, 1000));
    }
    process.stderr.write("\n");
    const ingestSeconds = (Date.now() - discovered) / 1000;
    readerProc.kill("SIGTERM");
    await readerDone;
    const api = JSON.parse(readerOut.trim().split("\n").pop() || "{}");

    // Every generated URL must have a row with a final status.
    const rows = await allArticles(stack.origin);
    const byUrl = new Map(rows.map((r) => [r.url, r]));
    let lost = 0;
    const finalStatuses = new Set(["extracted", "skipped", "failed"]);
    for (let i = 0; i < total; i++) {
      const r = byUrl.get(`${stack.demoOrigin}/load/a/${i}.html`);
      if (!r || !finalStatuses.has(r.status)) lost++;
    }
    const mine = rows.filter((r) => r.url.includes("/load/a/"));
    const count = (f) => mine.filter(f).length;
    const expectedFaulty = Array.from({ length: total }, (_, i) => faultOf(i)).filter((f) => f !== "ok").length;
    const report = {
      urls: total,
      injected_faults: expectedFaulty,
      ingested: count((r) => r.status === "extracted"),
      retried: count((r) => r.attempts > 1),
      dead_lettered: count((r) => (r.reason ?? "").startsWith("dead-lettered")),
      failed_permanent: count((r) => r.status === "failed" && !(r.reason ?? "").startsWith("dead-lettered")),
      skipped: count((r) => r.status === "skipped"),
      lost,
      ingest_seconds: Number(ingestSeconds.toFixed(1)),
      articles_per_second: Number((mine.length / ingestSeconds).toFixed(1)),
      api_requests: api.requests ?? 0,
      api_error_rate: api.errorRate ?? null,
      api_p50_ms: api.p50 ?? null,
      api_p99_ms: api.p99 ?? null,
      api_rps: api.rps ?? null,
      total_seconds: Number(((Date.now() - started) / 1000).toFixed(1)),
      worker_reloads: reloads,
    };
    console.log(JSON.stringify(report, null, 2));
    console.log(
      `bench:load: ${report.ingested} ingested, ${report.retried} retried, ${report.dead_lettered} dead-lettered, ${report.lost} lost; ` +
        `API ${report.api_requests} requests, error rate ${((report.api_error_rate ?? 0) * 100).toFixed(2)}%, p99 ${report.api_p99_ms} ms`,
    );
    if (reloads > 0)
      console.error(
        `bench:load: wrangler dev reloaded ${reloads} time(s) during the run (a file changed): its in-memory queue lost messages; run again on a quiet tree.`,
      );
    if (lost > 0) code = 1;
  } catch (e) {
    console.error(`bench:load: ${e instanceof Error ? e.stack : e}`);
    code = 1;
  } finally {
    if (readerProc && readerProc.exitCode === null) readerProc.kill("SIGKILL");
    await stack.stop();
    rmSync(persistTo, { recursive: true, force: true });
  }
  process.exit(code);
}

/** Every article row, through the public API's cursor. */
async function allArticles(origin) {
  const out = [];
  let cursor = null;
  do {
    const res = await fetch(`${origin}/v1/articles?limit=200${cursor ? `&cursor=${cursor}` : ""}`);
    if (!res.ok) throw new Error(`/v1/articles answered ${res.status}`);
    const page = await res.json();
    out.push(...page.items);
    cursor = page.next_cursor;
  } while (cursor);
  return out;
}

/** The read-load process: autocannon over public GETs until SIGTERM; prints one JSON line. */
async function reader(origin) {
  if (!origin) {
    await new Promise((r) => process.once("SIGTERM", r));
    console.log("{}");
    process.exit(0);
  }
  const { default: autocannon } = await import("autocannon");
  const paths = [
    "/v1/stats",
    "/v1/facts?limit=50",
    "/v1/articles?limit=50",
    "/v1/sources",
    "/v1/articles?status=failed&limit=20",
    "/healthz",
  ];
  const instance = autocannon({
    url: origin,
    // A steady public read load (50 requests/s over 4 connections), not a flood: local D1 is one
    // SQLite file, and saturating it starves the crawl being measured.
    connections: 4,
    overallRate: 50,
    duration: 600,
    requests: paths.map((path) => ({ method: "GET", path })),
  });
  const result = await new Promise((resolve) => {
    instance.on("done", resolve);
    process.once("SIGTERM", () => instance.stop());
  });
  const requests = result.requests.total;
  const bad = result.errors + result.timeouts + result.non2xx;
  console.log(
    JSON.stringify({
      requests,
      errorRate: requests ? Number((bad / (requests + result.errors)).toFixed(4)) : null,
      p50: result.latency.p50,
      p99: result.latency.p99,
      rps: Math.round(result.requests.average),
    }),
  );
  process.exit(0);
}
