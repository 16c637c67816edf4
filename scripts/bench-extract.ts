/**
 * npm run bench:extract [-- --corpus DIR] [--rounds N]
 *
 * Times the full extract() per page over every page of the public corpus (`shared/corpus`: the
 * article-extraction benchmark, fundus, htmldate, newspaper4k and Readability's test pages, gunzipped in
 * memory) and every demo/site/**\/*.html, side by side with @mozilla/readability on linkedom, in one
 * process after a warm-up. Each page's time is the median of its rounds; prints the median and p99 of
 * those per-page times for both engines, the page reader's own share, and the ratios.
 * The corpus is found by looking for `shared/corpus` beside every folder from here, from the working
 * directory and from the checkout a clone came from, up to the root, or given with --corpus or
 * NEWSFACTS_CORPUS; without it the bench stops with an error rather than time the demo pages alone.
 * Budgets: median < 5 ms, p99 < 20 ms, at least 3× faster than Readability at the median and 5× at p99.
 */
import { execFileSync } from "node:child_process";
import { existsSync, readdirSync, readFileSync, statSync } from "node:fs";
import { dirname, join, resolve } from "node:path";
import { fileURLToPath } from "node:url";
import { gunzipSync } from "node:zlib";
import { Readability } from "@mozilla/readability";
import { parseHTML } from "linkedom";
import { extract } from "../workers/extract";
import { readHtmlPage } from "../workers/extract/page/read-page";

const here = dirname(fileURLToPath(import.meta.url));
const args = process.argv.slice(2);
const opt = (name: string, fallback: string): string => {
  const i = args.indexOf(name);
  return i >= 0 && args[i + 1] ? args[i + 1] : fallback;
};
/** The shared corpus: given, or `shared/corpus` beside a folder on the way up from here or the working directory. */
function findCorpus(): string | null {
  const given = opt("--corpus", process.env.NEWSFACTS_CORPUS ?? "");
  if (given) return existsSync(given) ? resolve(given) : null;
  for (const start of [here, process.cwd(), originCheckout()].filter((d): d is string => d !== null)) {
    for (let dir = resolve(start); ; dir = dirname(dir)) {
      for (const candidate of [join(dir, "shared/corpus"), join(dir, "../shared/corpus")])
        if (existsSync(join(candidate, "article-extraction-benchmark"))) return resolve(candidate);
      if (dirname(dir) === dir) break;
    }
  }
  return null;
}
/** The checkout a clean clone was made from (its origin, when that is a local folder), or null. */
function originCheckout(): string | null {
  try {
    const url = execFileSync("git", ["-C", here, "config", "--get", "remote.origin.url"], { encoding: "utf8" }).trim();
    const path = url.startsWith("file://") ? fileURLToPath(url) : url;
    return path.startsWith("/") && existsSync(path) ? path : null;
  } catch {
    return null;
  }
}

const found = findCorpus();
if (!found) {
  console.error("bench:extract: no shared/corpus found (give --corpus DIR or NEWSFACTS_CORPUS); refusing to time the demo pages alone");
  process.exit(2);
}
const corpusDir: string = found;
const rounds = Math.max(1, Number(opt("--rounds", "5")));

function listFiles(dir: string, test: (name: string) => boolean): string[] {
  if (!existsSync(dir)) return [];
  const out: string[] = [];
  for (const name of readdirSync(dir).sort()) {
    const p = join(dir, name);
    if (statSync(p).isDirectory()) out.push(...listFiles(p, test));
    else if (test(name)) out.push(p);
  }
  return out;
}

function load(path: string): string {
  const buf = readFileSync(path);
  return (path.endsWith(".gz") ? gunzipSync(buf) : buf).toString("utf8");
}

const pages: Array<{ name: string; html: string }> = [];
// Every saved page of the corpus; Readability's expected outputs are not pages.
for (const p of listFiles(corpusDir, (n) => (n.endsWith(".html.gz") || n.endsWith(".html")) && !n.startsWith("expected")))
  pages.push({ name: p, html: load(p) });
const corpusCount = pages.length;
for (const p of listFiles(join(here, "../demo/site"), (n) => n.endsWith(".html"))) pages.push({ name: p, html: load(p) });
if (pages.length === 0) {
  console.error(`bench:extract: no pages under ${corpusDir}`);
  process.exit(2);
}

function runOurs(html: string): number {
  return extract({ body: html, kind: "html", url: null }).text.length;
}

/** The page reader alone (main text and metadata), to tell its share of the budget from the figures'. */
function runReader(html: string): number {
  return readHtmlPage(html, null).text.length;
}

function runReadability(html: string): number {
  const { document } = parseHTML(html);
  // linkedom's Document is close enough to the DOM that Readability walks; the types differ.
  const article = new Readability(document as unknown as ConstructorParameters<typeof Readability>[0]).parse();
  return article?.textContent?.length ?? 0;
}

/**
 * Per-page median over `n` rounds, after one warm-up pass over all pages: the median of a page's
 * rounds shrugs off a stray GC pause or a busy neighbour process, for both engines alike.
 */
function timePages(fn: (html: string) => number, n: number): number[] {
  let sink = 0;
  const run = (html: string) => {
    try {
      sink += fn(html);
    } catch {
      // a page the engine cannot read still costs its time
    }
  };
  for (const p of pages) run(p.html);
  const samples = pages.map(() => [] as number[]);
  for (let r = 0; r < n; r++) {
    pages.forEach((p, i) => {
      const t0 = performance.now();
      run(p.html);
      samples[i].push(performance.now() - t0);
    });
  }
  if (sink === -1) console.log(""); // keeps the work observable
  return samples.map((s) =>
    quantile(
      s.sort((a, b) => a - b),
      0.5,
    ),
  );
}

/** The q-quantile of an ascending array (nearest rank). */
function quantile(sorted: number[], q: number): number {
  const i = Math.min(sorted.length - 1, Math.max(0, Math.ceil(q * sorted.length) - 1));
  return sorted[i];
}

const ours = timePages(runOurs, rounds).sort((a, b) => a - b);
const reader = timePages(runReader, rounds).sort((a, b) => a - b);
const theirs = timePages(runReadability, Math.max(3, Math.ceil(rounds / 2))).sort((a, b) => a - b);
const med = quantile(ours, 0.5);
const p99 = quantile(ours, 0.99);
const rMed = quantile(theirs, 0.5);
const rP99 = quantile(theirs, 0.99);
const f = (x: number) => x.toFixed(2).padStart(7);
console.log(`pages: ${pages.length} (${corpusCount} corpus, ${pages.length - corpusCount} demo/site), rounds: ${rounds}`);
console.log(`                     median ms   p99 ms`);
console.log(`extract()            ${f(med)}  ${f(p99)}`);
console.log(`  of which page read ${f(quantile(reader, 0.5))}  ${f(quantile(reader, 0.99))}`);
console.log(`readability+linkedom ${f(rMed)}  ${f(rP99)}`);
console.log(`ratio (readability / extract): median ${(rMed / med).toFixed(1)}x, p99 ${(rP99 / p99).toFixed(1)}x`);
const ok = med < 5 && p99 < 20 && rMed >= 3 * med && rP99 >= 5 * p99;
console.log(`corpus: ${corpusDir}`);
console.log(`budget (median < 5 ms, p99 < 20 ms, Readability at least 3x slower at the median and 5x at p99): ${ok ? "OK" : "OVER"}`);
process.exitCode = ok ? 0 : 1;
