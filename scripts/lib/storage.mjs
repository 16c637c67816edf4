/**
 * What the local D1 database and R2 bucket under a persist dir hold, read after wrangler has
 * stopped: D1's bytes in use (pages minus free pages, after a WAL checkpoint — what D1 bills as
 * database size), the bytes per extracted article, and R2's object count and bytes.
 */
import { readdirSync, statSync } from "node:fs";
import { join } from "node:path";

function filesUnder(dir) {
  try {
    return readdirSync(dir, { recursive: true })
      .map((f) => join(dir, String(f)))
      .filter((p) => statSync(p).isFile());
  } catch {
    return [];
  }
}

export async function measureStorage(persistTo) {
  const { DatabaseSync } = await import("node:sqlite");
  const d1Dir = join(persistTo, "v3", "d1", "miniflare-D1DatabaseObject");
  const file = filesUnder(d1Dir).find((p) => p.endsWith(".sqlite") && !p.endsWith("metadata.sqlite"));
  if (!file) throw new Error(`no D1 database under ${d1Dir}`);
  const db = new DatabaseSync(file);
  db.exec("PRAGMA wal_checkpoint(TRUNCATE)");
  const one = (q) => Object.values(db.prepare(q).get())[0];
  const pageSize = one("PRAGMA page_size");
  const d1Bytes = (one("PRAGMA page_count") - one("PRAGMA freelist_count")) * pageSize;
  const articles = one("SELECT count(*) FROM articles WHERE status = 'extracted'");
  const textsInD1 = one("SELECT coalesce(sum(length(CAST(text AS BLOB))), 0) FROM article_texts");
  // Bytes per table and index (dbstat), largest first: where a database's size goes.
  const tables = db
    .prepare("SELECT name, sum(pgsize) - sum(unused) AS bytes FROM dbstat GROUP BY name ORDER BY bytes DESC")
    .all()
    .map((r) => ({ name: String(r.name), bytes: Number(r.bytes) }));
  db.close();
  const blobs = filesUnder(join(persistTo, "v3", "r2")).filter((p) => p.includes(`${"blobs"}`));
  const r2Bytes = blobs.reduce((s, p) => s + statSync(p).size, 0);
  return {
    articles,
    d1Bytes,
    d1BytesPerArticle: articles ? Math.round(d1Bytes / articles) : 0,
    textsInD1,
    tables,
    r2Objects: blobs.length,
    r2Bytes,
    r2BytesPerArticle: articles ? Math.round(r2Bytes / articles) : 0,
  };
}

/** The largest tables and indexes, one line. */
export function tablesLine(s, top = 8) {
  const kb = (n) => (n / 1024).toFixed(1);
  return `D1 by table/index: ${s.tables
    .slice(0, top)
    .map((t) => `${t.name} ${kb(t.bytes)} KiB`)
    .join(", ")}`;
}

/** One line for the benches. */
export function storageLine(s) {
  const kb = (n) => (n / 1024).toFixed(1);
  return `storage: D1 ${kb(s.d1Bytes)} KiB for ${s.articles} articles = ${kb(s.d1BytesPerArticle)} KiB/article (texts still in D1: ${kb(s.textsInD1)} KiB); R2 ${s.r2Objects} objects, ${kb(s.r2Bytes)} KiB = ${kb(s.r2BytesPerArticle)} KiB/article`;
}
