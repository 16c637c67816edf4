/**
 * D1 round trips per ingested article, counted by a wrapper around the real D1 binding while the
 * real consumer ingests the demo articles. The article's rows, its observations and the version
 * bump must travel in one batch. `npm run bench:ingest` prints the line this test logs.
 */
import { createExecutionContext, createMessageBatch, getQueueResult, waitOnExecutionContext } from "cloudflare:test";
import { describe, expect, it } from "vitest";
import type { ArticleMessage } from "../../../schema/messages";
import { createArticleHandler } from "../../../workers/ingest";
import { addLocalSource } from "../helpers";
import { testEnv as env } from "../test-env";

interface Counts {
  reads: number;
  batches: number;
  batchStatements: number[];
  execs: number;
  /** D1's billing units, summed from each result's meta. */
  rowsRead: number;
  rowsWritten: number;
}

/** Adds a result's (or a batch's) rows read and written to the counts. */
function addMeta(counts: Counts, result: unknown): void {
  for (const r of Array.isArray(result) ? result : [result]) {
    const meta = (r as { meta?: { rows_read?: number; rows_written?: number } } | null)?.meta;
    counts.rowsRead += meta?.rows_read ?? 0;
    counts.rowsWritten += meta?.rows_written ?? 0;
  }
}

const newCounts = (): Counts => ({ reads: 0, batches: 0, batchStatements: [], execs: 0, rowsRead: 0, rowsWritten: 0 });

/** The D1 binding with every call that reaches the database counted (prepare and bind do not). */
function countingD1(d1: D1Database, counts: Counts): D1Database {
  const wrapStatement = (stmt: D1PreparedStatement): D1PreparedStatement =>
    new Proxy(stmt, {
      get(target, prop) {
        const v = Reflect.get(target, prop, target);
        if (prop === "bind") return (...args: unknown[]) => wrapStatement(target.bind(...args));
        if (prop === "first" || prop === "all" || prop === "run" || prop === "raw")
          return (...args: unknown[]) => {
            counts.reads++;
            const out = (v as (...a: unknown[]) => unknown).apply(target, args);
            if (prop === "all" || prop === "run") void Promise.resolve(out).then((r) => addMeta(counts, r));
            return out;
          };
        return typeof v === "function" ? v.bind(target) : v;
      },
    });
  return new Proxy(d1, {
    get(target, prop) {
      const v = Reflect.get(target, prop, target);
      if (prop === "prepare") return (q: string) => wrapStatement(target.prepare(q));
      if (prop === "batch")
        return (stmts: D1PreparedStatement[]) => {
          counts.batches++;
          counts.batchStatements.push(stmts.length);
          return target.batch(stmts).then((results) => {
            addMeta(counts, results);
            return results;
          });
        };
      if (prop === "exec")
        return (q: string) => {
          counts.execs++;
          return target.exec(q);
        };
      return typeof v === "function" ? v.bind(target) : v;
    },
  });
}

const PAGES = [
  "/tin-tuc/dua-ha-noi-tro-thanh-thanh-pho-ket-noi-toan-cau.html",
  "/tin-tuc/ha-noi-dat-trong-tam-thu-hut-dau-tu-va-day-manh-hop-tac-quoc-te.html",
  "/tin-tuc/ha-noi-doi-ngoai-thuc-day-hoi-nhap-quoc-te-toan-dien.html",
  "/tin-tuc/ha-noi-mong-cac-co-quan-dai-dien-o-nuoc-ngoai-dong-hanh-cung-thu-do.html",
  "/id/berita/hanoi-fokus-menarik-investasi-dan-memperkuat-kerja-sama-internasional.html",
];

describe("D1 round trips of the consumer", () => {
  it("writes each article — rows, observations, version — in one batch, two round trips in all once robots.txt is cached", async () => {
    await addLocalSource("rt-site", "sitemap", "/sitemap.xml");
    const messages: ArticleMessage[] = [];
    for (const path of PAGES) {
      const url = `${env.TEST_ORIGIN}${path}`;
      const row = await env.DB.prepare("INSERT INTO articles (url, source_id) VALUES (?, 'rt-site') RETURNING id")
        .bind(url)
        .first<{ id: number }>();
      if (row) messages.push({ articleId: row.id, url, sourceId: "rt-site" });
    }
    // Warm robots.txt for the origin with the first article, then count the other four.
    const counts = newCounts();
    const warm = newCounts();
    await deliver(messages.slice(0, 1), warm);
    await deliver(messages.slice(1), counts);
    const n = messages.length - 1;
    const perArticle = (counts.reads + counts.batches + counts.execs) / n;
    console.log(
      `ROUND_TRIPS_PER_ARTICLE=${perArticle} BATCHES_PER_ARTICLE=${counts.batches / n} READS_PER_ARTICLE=${counts.reads / n} STATEMENTS_PER_WRITE_BATCH=${counts.batchStatements.join(",")} (first article, fetching robots.txt: ${warm.reads + warm.batches + warm.execs}) D1_ROWS_WRITTEN_PER_ARTICLE=${(counts.rowsWritten / n).toFixed(0)} D1_ROWS_READ_PER_ARTICLE=${(counts.rowsRead / n).toFixed(0)}`,
    );
    const observationRows = await env.DB.prepare("SELECT count(*) AS n FROM observations").first<{ n: number }>();
    expect(observationRows?.n).toBeGreaterThan(20);
    expect(perArticle).toBe(2);
    expect(counts.reads).toBe(0);
    // Billing units are reported (a local D1 that stopped reporting them would make the cost model blind).
    expect(counts.rowsWritten).toBeGreaterThan(0);
  }, 60_000);
});

async function deliver(messages: ArticleMessage[], counts: Counts): Promise<void> {
  const handle = createArticleHandler({ db: (e) => countingD1(e.DB, counts) });
  const batch = createMessageBatch<ArticleMessage>(
    "newsfacts-articles",
    messages.map((body, i) => ({ id: `rt-${body.articleId}-${i}`, timestamp: new Date(), attempts: 1, body })),
  );
  const ctx = createExecutionContext();
  await handle(batch, env);
  await waitOnExecutionContext(ctx);
  const result = await getQueueResult(batch, ctx);
  expect(result.explicitAcks.length).toBe(messages.length);
}
