#!/usr/bin/env node
/**
 * npm run bench:ingest — 2,000 generated articles (vi/en/id templates with varied figures, the
 * three languages of one story agreeing, one in 97 planting a conflicting FDI figure) listed in a
 * generated sitemap, discovered by the cron and ingested by the real queue consumer into local D1
 * (startStack: demo site + wrangler dev, a temporary persist dir, its own ports, HOST_INTERVAL_MS=0).
 * Prints articles/s from the cron to the last write, the dataset it built, and the bytes it takes
 * in D1 and R2 per article.
 *
 * D1 round trips per article are counted where they can be counted honestly — a counting wrapper
 * around the D1 binding in workerd, while the real consumer ingests the demo pages
 * (test/integration/dataset/round-trips.test.ts); this script runs that test and prints its line.
 *
 *   npm run bench:ingest                  # 2,000 articles
 *   npm run bench:ingest -- --articles 500
 */
import { spawnSync } from "node:child_process";
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { parseArgs } from "node:util";
import { descendantsCpuMs } from "./lib/proc-cpu.mjs";
import { freePort, ROOT, startStack } from "./lib/stack.mjs";
import { measureStorage, storageLine, tablesLine } from "./lib/storage.mjs";

const { values } = parseArgs({
  options: {
    articles: { type: "string", default: "2000" },
    timeout: { type: "string", default: "150" },
    verbose: { type: "boolean", default: false },
  },
});
const TOTAL = Number(values.articles);
const PER_SITEMAP = 500;

/** Article `i`: story k = i div 3 told in vi, en and id; its figures depend on its year, so stories of one year agree. */
export function articleHtml(i) {
  const lang = ["vi", "en", "id"][i % 3];
  const k = Math.floor(i / 3);
  const y = k % 25;
  const year = 2000 + y;
  const fdi = 1000 + y * 70 + (i % 97 === 0 ? 333 : 0);
  const growth = (5 + y / 10).toFixed(1);
  const exportsGrowth = (2 + y / 10).toFixed(1);
  const comma = (s) => s.replace(".", ",");
  const t = {
    vi: {
      title: `Kinh tế Hà Nội năm ${year} (bài ${i})`,
      body: `<p>Năm ${year}, Hà Nội thu hút được ${fdi} triệu USD vốn FDI đăng ký.</p>
<p>Tốc độ tăng trưởng GRDP của Thủ đô năm ${year} đạt ${comma(growth)}%.</p>
<p>Kim ngạch xuất khẩu của Hà Nội năm ${year} tăng ${comma(exportsGrowth)}% so với năm trước.</p>`,
    },
    en: {
      title: `Hanoi's economy in ${year} (story ${i})`,
      body: `<p>In ${year}, Hanoi attracted ${fdi} million USD of registered FDI.</p>
<p>The city's GRDP growth rate in ${year} reached ${growth}%.</p>
<p>Hanoi's exports in ${year} grew by ${exportsGrowth}% over the previous year.</p>`,
    },
    id: {
      title: `Ekonomi Hanoi tahun ${year} (berita ${i})`,
      body: `<p>Pada tahun ${year}, Hanoi menarik ${fdi} juta USD modal FDI terdaftar.</p>
<p>Tingkat pertumbuhan GRDP ibu kota pada tahun ${year} mencapai ${comma(growth)}%.</p>
<p>Ekspor Hanoi pada tahun ${year} tumbuh ${comma(exportsGrowth)}% dibandingkan tahun sebelumnya.</p>`,
    },
  }[lang];
  return `<!doctype html><html lang="${lang}"><head><meta charset="utf-8"><title>${t.title}</title>
<meta property="article:published_time" content="${year + 1}-01-15T08:00:00+07:00"></head><body>
<header><nav><a href="/">Home</a></nav></header>
<article><h1>${t.title}</h1>
${t.body}
</article><footer>© bench</footer></body></html>`;
}

/** The generated site: a sitemap index (shadowing the demo's), its sitemaps, the articles; an empty feed. */
function ingestRoutes() {
  const xml = { "content-type": "application/xml; charset=utf-8" };
  const sitemaps = Math.ceil(TOTAL / PER_SITEMAP);
  return [
    {
      name: "bench: sitemap index",
      path: "/sitemap.xml",
      handler: (_req, _res, ctx) =>
        ctx.send(
          200,
          xml,
          `<?xml version="1.0" encoding="UTF-8"?><sitemapindex xmlns="http://www.sitemaps.org/schemas/sitemap/0.9">${Array.from(
            { length: sitemaps },
            (_, k) => `<sitemap><loc>${ctx.origin}/bench/sitemap-${k}.xml</loc></sitemap>`,
          ).join("")}</sitemapindex>`,
        ),
    },
    {
      name: "bench: empty feed",
      path: "/rss.xml",
      handler: (_req, _res, ctx) =>
        ctx.send(
          200,
          { "content-type": "application/rss+xml; charset=utf-8" },
          '<?xml version="1.0"?><rss version="2.0"><channel><title>bench</title></channel></rss>',
        ),
    },
    {
      name: "bench: sitemaps",
      path: /^\/bench\/sitemap-(\d+)\.xml$/,
      handler: (_req, _res, ctx) => {
        const k = Number(ctx.match[1]);
        const urls = [];
        for (let i = k * PER_SITEMAP; i < Math.min(TOTAL, (k + 1) * PER_SITEMAP); i++)
          urls.push(`<url><loc>${ctx.origin}/bench/a/${i}.html</loc></url>`);
        ctx.send(
          200,
          xml,
          `<?xml version="1.0" encoding="UTF-8"?><urlset xmlns="http://www.sitemaps.org/schemas/sitemap/0.9">${urls.join("")}</urlset>`,
        );
      },
    },
    {
      name: "bench: articles",
      path: /^\/bench\/a\/(\d+)\.html$/,
      handler: (_req, _res, ctx) => ctx.send(200, { "content-type": "text/html; charset=utf-8" }, articleHtml(Number(ctx.match[1]))),
    },
  ];
}

const persistTo = mkdtempSync(join(tmpdir(), "newsfacts-bench-ingest-"));
const [port, demoPort] = [await freePort(), await freePort()];
console.error(`bench:ingest: ${TOTAL} articles; stack on :${port}, site on :${demoPort}, state in ${persistTo}`);
const stack = await startStack({
  port,
  demoPort,
  persistTo,
  routes: ingestRoutes(),
  vars: { HOST_INTERVAL_MS: "0", SOURCES_PRESET: "demo" },
  log: values.verbose ? (s) => process.stderr.write(s) : () => {},
});
let code = 0;
try {
  const t0 = Date.now();
  const cpu0 = descendantsCpuMs();
  await stack.fireCron();
  const deadline = t0 + Number(values.timeout) * 1000;
  let stats;
  let polls = 0;
  for (;;) {
    stats = await stack.stats();
    const a = stats.articles ?? {};
    const rows = Object.values(a).reduce((s, n) => s + n, 0);
    const pending = (a.queued ?? 0) + (a.fetched ?? 0);
    if (++polls % 10 === 0)
      process.stderr.write(
        `  ${((Date.now() - t0) / 1000).toFixed(0)} s: ${rows} rows, ${pending} pending, ${a.extracted ?? 0} extracted\n`,
      );
    if (rows >= TOTAL && pending === 0) break;
    if (Date.now() > deadline) {
      process.stderr.write("  time is up\n");
      code = 1;
      break;
    }
    await new Promise((r) => setTimeout(r, 500));
  }
  const seconds = (Date.now() - t0) / 1000;
  const cpuMs = descendantsCpuMs() - cpu0;
  const a = stats.articles ?? {};
  const obs = await (await fetch(`${stack.origin}/v1/metrics`)).json();
  const observations = obs.items.reduce((s, m) => s + m.observation_count, 0);
  const conflicts = obs.items.reduce((s, m) => s + m.conflict_count, 0);
  console.log(`articles: ${a.extracted ?? 0} extracted, ${a.failed ?? 0} failed, ${a.skipped ?? 0} skipped of ${TOTAL}`);
  console.log(
    `throughput: ${((a.extracted ?? 0) / seconds).toFixed(1)} articles/s (${seconds.toFixed(1)} s from the cron to the last write)`,
  );
  console.log(`dataset: ${stats.facts} facts → ${observations} observations (${conflicts} conflicts)`);
  console.log(
    `cpu: workerd used ${(cpuMs / 1000).toFixed(1)} s of CPU = ${(cpuMs / Math.max(1, a.extracted ?? 0)).toFixed(1)} ms per article (both Workers plus the local D1/R2/queue emulation: an upper bound on billed Worker CPU)`,
  );
} catch (e) {
  console.error(`bench:ingest failed: ${e.message}`);
  code = 1;
} finally {
  await stack.stop();
}
try {
  {
    const storage = await measureStorage(persistTo);
    console.log(storageLine(storage));
    console.log(tablesLine(storage));
  }
} catch (e) {
  console.error(`storage not measured: ${e.message}`);
}
rmSync(persistTo, { recursive: true, force: true });

// Round trips, counted in workerd around the real D1 binding.
const rt = spawnSync(
  join(ROOT, "node_modules", ".bin", "vitest"),
  ["run", "--project", "workers", "test/integration/dataset/round-trips.test.ts"],
  {
    cwd: ROOT,
    encoding: "utf8",
    env: { ...process.env, PATH: `${join(ROOT, "node_modules", ".bin")}:${process.env.PATH}`, NO_COLOR: "1" },
  },
);
const line = /ROUND_TRIPS_PER_ARTICLE=.*$/m.exec(rt.stdout ?? "")?.[0];
console.log(
  `D1 round trips per article (counted in workerd, test/integration/dataset/round-trips.test.ts): ${line ?? `not measured (vitest exit ${rt.status})`}`,
);
if (!line || rt.status !== 0) code = 1;
process.exit(code);
