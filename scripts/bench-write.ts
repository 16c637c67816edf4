/**
 * npm run bench:write — what one article's write batch costs as the dataset grows: the consumer's own
 * statements (articleWriteStatements) run through Drizzle's sqlite-proxy on a local SQLite file that
 * bench:scale's bulk fill has filled to each size, for the same generated articles at every size.
 * It prints the mean batch time per article (after 5 untimed) and the statements that take most of it. Observation
 * upkeep that read every fact of a key (O(dataset)) shows here as a batch that grows with the size.
 *
 * SQLite in node, not workerd: the statements and the engine are D1's, the process is not, so the
 * figures compare sizes with each other (bench:ingest and bench:scale time the whole Worker).
 *
 *   npm run bench:write
 *   npm run bench:write -- --sizes 1000,10000 --articles 60
 */
import { execFileSync } from "node:child_process";
import { mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { DatabaseSync } from "node:sqlite";
import { parseArgs } from "node:util";
import { drizzle } from "drizzle-orm/sqlite-proxy";
import * as schema from "../schema/tables";
import type { Db } from "../workers/db/client";
import type { Extraction } from "../workers/extract";
import { articleWriteStatements } from "../workers/ingest/write-article";
import { bulkFill, createBulkState } from "./lib/bulk-fill.mjs";
import { DEFAULT_SEED, generateArticle } from "./lib/scale-data.mjs";
import { ROOT } from "./lib/stack.mjs";

const { values } = parseArgs({
  options: {
    sizes: { type: "string", default: "1000,100000" },
    articles: { type: "string", default: "40" },
  },
});
const SIZES = values.sizes.split(",").map(Number);
const ARTICLES = Number(values.articles);
/** Articles written first and not timed: the file's pages and the statements' plans warm up. */
const WARMUP = 5;

type Generated = ReturnType<typeof generateArticle>;

/** A generated article as the extractor would have returned it. */
function asExtraction(g: Generated): Extraction {
  const people = new Map<string, { name: string; titles: string[] }>();
  for (const m of g.mentions) {
    const p = people.get(m.personId) ?? { name: m.nameAsWritten, titles: [] };
    if (m.title) p.titles.push(m.title);
    people.set(m.personId, p);
  }
  return {
    url: null,
    lang: g.article.lang,
    title: g.article.title,
    published: g.article.published,
    author: null,
    canonicalUrl: null,
    text: g.text,
    facts: g.facts.map((f) => ({
      metric: f.metric,
      value: f.value,
      unit: f.unit,
      currency: f.currency ?? undefined,
      period: f.periodStart ? { start: f.periodStart, end: f.periodEnd } : null,
      geo: f.geo,
      qualifier: f.qualifier,
      basis: f.basis,
      part: f.partDimension ? { dimension: f.partDimension, member: f.partMember } : null,
      sentence: f.sentence,
    })),
    people: [...people.values()],
    quotes: g.quotes.map((q) => ({ speaker: q.speaker, text: q.text })),
    events: g.events.map((e) => ({ name: e.name, start: e.start, end: e.end })),
    countries: g.countries,
  } as Extraction;
}

/** A persist dir laid out as wrangler's (the bulk fill's input): migrated D1 file, empty R2 object table. */
function scratchState(): string {
  const dir = mkdtempSync(join(tmpdir(), "newsfacts-bench-write-"));
  mkdirSync(join(dir, "v3/d1/miniflare-D1DatabaseObject"), { recursive: true });
  mkdirSync(join(dir, "v3/r2/miniflare-R2BucketObject"), { recursive: true });
  mkdirSync(join(dir, "v3/r2/newsfacts-archive-local/blobs"), { recursive: true });
  const d1 = new DatabaseSync(join(dir, "v3/d1/miniflare-D1DatabaseObject/db.sqlite"));
  const migrations = join(ROOT, "migrations");
  for (const f of readdirSync(migrations)
    .filter((f) => f.endsWith(".sql"))
    .sort())
    for (const stmt of readFileSync(join(migrations, f), "utf8").split("--> statement-breakpoint")) if (stmt.trim()) d1.exec(stmt);
  d1.close();
  const r2 = new DatabaseSync(join(dir, "v3/r2/miniflare-R2BucketObject/r2.sqlite"));
  r2.exec(`CREATE TABLE _mf_objects (key TEXT PRIMARY KEY, blob_id TEXT, version TEXT NOT NULL, size INTEGER NOT NULL, etag TEXT NOT NULL,
    uploaded INTEGER NOT NULL, checksums TEXT NOT NULL, http_metadata TEXT NOT NULL, custom_metadata TEXT NOT NULL)`);
  r2.close();
  return dir;
}

/** Times the write batches of ARTICLES generated articles (the same ones at every size) on `file`. */
async function timeWrites(file: string, size: number) {
  const sqlite = new DatabaseSync(file);
  sqlite.exec("PRAGMA cache_size = -2000"); // about D1's page cache
  const byStatement = new Map<string, number>();
  const run = (query: string, params: unknown[], method: string) => {
    const t = performance.now();
    const stmt = sqlite.prepare(query);
    const rows = method === "run" ? [] : stmt.all(...(params as never[])).map((r) => Object.values(r as object));
    if (method === "run") stmt.run(...(params as never[]));
    const key = query.replace(/\s+/g, " ").slice(0, 100);
    byStatement.set(key, (byStatement.get(key) ?? 0) + performance.now() - t);
    return { rows };
  };
  const db = drizzle(
    async (query, params, method) => run(query, params, method),
    async (queries) => {
      sqlite.exec("BEGIN");
      const out = queries.map((q) => run(q.sql, q.params, q.method));
      sqlite.exec("COMMIT");
      return out;
    },
    { schema, casing: "snake_case" },
  ) as unknown as Db;
  let ms = 0;
  let written = -WARMUP;
  for (let i = 0; written < ARTICLES; i++) {
    const g = generateArticle(10_000_000 + i, DEFAULT_SEED);
    if (g.article.status !== "extracted") continue;
    const row = sqlite.prepare("INSERT INTO articles (url) VALUES (?) RETURNING id").get(`https://bench-write.test/${size}/${i}`) as {
      id: number;
    };
    const stmts = articleWriteStatements(db, Number(row.id), asExtraction(g), {
      httpStatus: 200,
      finalUrl: `https://bench-write.test/${i}`,
      contentHash: "bench",
      extractorVersion: "bench",
      pageKey: null,
      textKey: `texts/${row.id}.txt`,
    });
    const t = performance.now();
    const [first, ...rest] = stmts;
    await db.batch([first, ...rest]);
    if (written >= 0) ms += performance.now() - t;
    else byStatement.clear(); // the warm-up's statements do not count
    written++;
  }
  sqlite.close();
  const top = [...byStatement].sort((a, b) => b[1] - a[1]).slice(0, 5);
  return { perArticle: ms / ARTICLES, top: top.map(([q, t]) => ({ q, perArticle: t / ARTICLES })) };
}

const results: { size: number; perArticle: number }[] = [];
const dir = scratchState();
try {
  const state = createBulkState();
  let filled = 0;
  for (const size of SIZES) {
    const t = performance.now();
    await bulkFill(dir, { from: filled, to: size, seed: DEFAULT_SEED, state });
    filled = size;
    // The fill's writes flushed first: the kernel's writeback would otherwise share the disk with the commits timed.
    execFileSync("sync");
    const r = await timeWrites(join(dir, "v3/d1/miniflare-D1DatabaseObject/db.sqlite"), size);
    results.push({ size, perArticle: r.perArticle });
    console.log(`\n== ${size.toLocaleString("en")} articles (filled in ${((performance.now() - t) / 1000).toFixed(0)} s)`);
    console.log(`   write batch: ${r.perArticle.toFixed(2)} ms per article (mean of ${ARTICLES})`);
    for (const s of r.top) console.log(`   ${s.perArticle.toFixed(2).padStart(7)} ms  ${s.q}`);
  }
  const [a, z] = [results[0], results[results.length - 1]];
  console.log(
    `\n== ${z.size.toLocaleString("en")} / ${a.size.toLocaleString("en")}: ${(z.perArticle / a.perArticle).toFixed(2)}× per article`,
  );
} finally {
  rmSync(dir, { recursive: true, force: true });
}
