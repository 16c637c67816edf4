/**
 * Writes generated articles (scripts/lib/scale-data.mjs) straight into the local D1 database and R2
 * bucket that `wrangler dev --persist-to DIR` keeps, with node:sqlite, while wrangler is stopped.
 *
 * It writes the rows the queue consumer writes for an article (workers/ingest/write-article.ts), with
 * the table and column names of schema/tables.ts: the article row (status, R2 text key, language,
 * title, dates, fact count), its facts, people (upserted with the consumer's rule for the display
 * name; their stored article and quote counts recomputed after), person mentions (one per title),
 * quotes, events and countries; then the observations those facts back, and a bump of the dataset
 * version.
 *
 * Observations are computed here, in memory, with the rules of the pipeline's SQL
 * (workers/db/observations.ts, refreshTouchedStatements): one per key (metric, geo, period,
 * currency or "", basis, slice or ""), facts of metric "other" or without a period back none; unit =
 * the smallest, conflict when units differ or values spread beyond the agreement rule; the headline
 * value is the first exact fact's (else the first fact's); qualifiers in order of first appearance;
 * span from schema/spans.ts. Facts the real consumer wrote (articles that are not ours) are read back
 * and merged, so a key both back is computed from all its facts. The full rebuild
 * (POST /v1/admin/rebuild) runs the pipeline's own SQL over the same facts; the bench calls it where
 * it is affordable and checks that it finds the same observation and conflict counts.
 *
 * R2: each extracted article's main text (texts/<id>.txt) goes where Miniflare keeps objects: a blob
 * file under `<bucket>/blobs/` and a row in the bucket's object table
 * (miniflare-R2BucketObject/<id>.sqlite), which exists once the bucket has been written to (run the
 * real pipeline once first). The archived page is not written (see below).
 */
import { createHash } from "node:crypto";
import { existsSync, readdirSync, readFileSync } from "node:fs";
import { writeFile } from "node:fs/promises";
import { join } from "node:path";
import { spanOf } from "../../schema/spans.ts";
import { generateArticle, SCALE_SOURCES } from "./scale-data.mjs";
import { ROOT } from "./stack.mjs";

const EXTRACTOR_VERSION =
  /EXTRACTOR_VERSION = "([^"]+)"/.exec(readFileSync(join(ROOT, "workers", "extract", "index.ts"), "utf8"))?.[1] ?? "0";
const BUCKET = /bucket_name = "([^"]+)"/.exec(readFileSync(join(ROOT, "wrangler.api.toml"), "utf8"))?.[1] ?? "newsfacts-archive-local";
const ARTICLES_PER_TRANSACTION = 2000;
/** The agreement rule (workers/dataset/agreement.ts). */
const AGREE_RELATIVE = 0.005;
const AGREE_ABSOLUTE_PERCENT = 0.05;

function sqliteFileIn(dir) {
  const file = existsSync(dir) ? readdirSync(dir).find((f) => f.endsWith(".sqlite") && f !== "metadata.sqlite") : undefined;
  return file ? join(dir, file) : null;
}

/** The local D1 database file and the R2 bucket's object table and blob folder under a persist dir. */
export function localStores(persistTo) {
  const d1 = sqliteFileIn(join(persistTo, "v3", "d1", "miniflare-D1DatabaseObject"));
  const r2 = sqliteFileIn(join(persistTo, "v3", "r2", "miniflare-R2BucketObject"));
  if (!d1) throw new Error(`no local D1 database under ${persistTo} (apply the migrations first)`);
  if (!r2) throw new Error(`no local R2 object table under ${persistTo} (let the pipeline archive one page first)`);
  return { d1, r2, blobs: join(persistTo, "v3", "r2", BUCKET, "blobs") };
}

const sha256Hex = (data) => createHash("sha256").update(data).digest("hex");
const md5Hex = (data) => createHash("md5").update(data).digest("hex");

/** A blob id as Miniflare makes them: 32 id bytes (here derived from the key, so reruns agree) and the time in ms. */
function blobId(key, nowMs) {
  const time = Buffer.alloc(8);
  time.writeBigInt64BE(BigInt(nowMs));
  return createHash("sha256").update(`blob:${key}`).digest("hex") + time.toString("hex");
}

// ---- Observations, aggregated in memory ----

/** The observation key of a fact row, or null for a fact that backs no observation. */
function observationKey(f) {
  if (f.metric === "other" || f.period_start === null || f.period_end === null) return null;
  return `${f.metric}\u0001${f.geo}\u0001${f.period_start}\u0001${f.period_end}\u0001${f.currency ?? ""}\u0001${f.basis}\u0001${f.part_dimension ?? ""}\u0001${f.part_member ?? ""}`;
}

/** Adds fact `f` (snake_case columns, with its id and article_id) to the aggregates `byKey`. */
function aggregate(byKey, f) {
  const key = observationKey(f);
  if (key === null) return;
  let g = byKey.get(key);
  if (!g) {
    g = { units: new Set(), lo: Infinity, hi: -Infinity, quals: new Map(), n: 0, articles: new Set(), exact: null, first: null };
    byKey.set(key, g);
  }
  g.units.add(f.unit);
  if (f.value < g.lo) g.lo = f.value;
  if (f.value > g.hi) g.hi = f.value;
  const seen = g.quals.get(f.qualifier);
  if (seen === undefined || f.id < seen) g.quals.set(f.qualifier, f.id);
  g.n++;
  g.articles.add(f.article_id);
  const head = { id: f.id, value: f.value, qualifier: f.qualifier };
  if (g.first === null || f.id < g.first.id) g.first = head;
  if (f.qualifier === "exact" && (g.exact === null || f.id < g.exact.id)) g.exact = head;
}

/** Two aggregates of one key as one (neither is changed). */
function merged(a, b) {
  if (!a || !b) return a ?? b;
  const quals = new Map(a.quals);
  for (const [q, id] of b.quals) if (!quals.has(q) || id < quals.get(q)) quals.set(q, id);
  const earlier = (x, y) => (x === null ? y : y === null ? x : x.id < y.id ? x : y);
  return {
    units: new Set([...a.units, ...b.units]),
    lo: Math.min(a.lo, b.lo),
    hi: Math.max(a.hi, b.hi),
    quals,
    n: a.n + b.n,
    articles: new Set([...a.articles, ...b.articles]),
    exact: earlier(a.exact, b.exact),
    first: earlier(a.first, b.first),
  };
}

/** The observation row of one key's aggregate, as refreshTouchedStatements computes it. */
function observationRow(key, g) {
  const [metric, geo, periodStart, periodEnd, currency, basis, partDimension, partMember] = key.split("\u0001");
  const unit = [...g.units].sort()[0];
  const head = g.exact ?? g.first;
  const tolerance = Math.max(
    AGREE_RELATIVE * Math.max(Math.abs(g.hi), Math.abs(g.lo)),
    unit === "percent" || unit === "times" ? AGREE_ABSOLUTE_PERCENT : 0,
  );
  const agreed = g.units.size === 1 && g.hi - g.lo <= tolerance + 1e-9;
  const months =
    Number(periodEnd.slice(0, 4)) * 12 +
    Number(periodEnd.slice(5, 7)) -
    (Number(periodStart.slice(0, 4)) * 12 + Number(periodStart.slice(5, 7))) +
    1;
  return [
    metric,
    geo,
    periodStart,
    periodEnd,
    currency,
    basis,
    partDimension,
    partMember,
    spanOf(periodStart, periodEnd, metric),
    unit,
    head.value,
    g.lo,
    g.hi,
    head.qualifier,
    [...g.quals]
      .sort((x, y) => x[1] - y[1])
      .map(([q]) => q)
      .join(","),
    agreed ? "agreed" : "conflict",
    g.n,
    g.articles.size,
    months,
  ];
}

/**
 * What stays between fills: the observation aggregates of every generated fact so far and the ids
 * of the generated articles (the others are the real consumer's, read back from D1 at each fill).
 */
export function createBulkState() {
  return { byKey: new Map(), articleIds: [] };
}

/**
 * Adds articles `from` … `to - 1` of the generator, then writes the observations of every key the
 * data holds. Returns counts, the time taken, and the ids of the articles written (generator order).
 */
export async function bulkFill(persistTo, { from, to, seed, state, nowMs = Date.now() }) {
  const { DatabaseSync } = await import("node:sqlite");
  const stores = localStores(persistTo);
  const t0 = performance.now();
  // Rows go in parents first, so the foreign keys hold; not checking them row by row halves the time.
  const db = new DatabaseSync(stores.d1, { enableForeignKeyConstraints: false });
  // A scratch database, written alone: no rollback journal or WAL while it fills (every page once), then
  // back to the WAL mode workerd keeps it in.
  const journal = db.prepare("PRAGMA journal_mode").get().journal_mode;
  db.exec("PRAGMA journal_mode = OFF; PRAGMA synchronous = OFF; PRAGMA cache_size = -1000000; PRAGMA temp_store = MEMORY;");
  const r2 = new DatabaseSync(stores.r2);
  r2.exec("PRAGMA synchronous = OFF;");

  const insertSource = db.prepare(
    "INSERT OR IGNORE INTO sources (id, name, kind, url, lang, active, local) VALUES (?, ?, 'sitemap', ?, ?, 0, 0)",
  );
  for (const s of SCALE_SOURCES) insertSource.run(s.id, s.name, `https://${s.host}/sitemap.xml`, s.lang);

  const insertArticle = db.prepare(`INSERT INTO articles (id, url, source_id, status, reason, attempts, http_status, final_url,
      content_hash, page_key, text_key, lang, title, published, author, extractor_version, fact_count, discovered_at, fetched_at, updated_at)
    VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`);
  // An article's facts in one statement (one per fact count, prepared on first use): ids are consecutive.
  const factStatements = new Map();
  const insertFacts = (n) => {
    let stmt = factStatements.get(n);
    if (!stmt) {
      stmt = db.prepare(`INSERT INTO facts (article_id, seq, metric, value, unit, currency, period_start, period_end, geo,
        qualifier, basis, part_dimension, part_member, sentence, published) VALUES ${Array(n).fill("(?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)").join(", ")}`);
      factStatements.set(n, stmt);
    }
    return stmt;
  };
  // The consumer's rule: a spelling with diacritics (longer in bytes) replaces one without.
  const upsertPerson = db.prepare(`INSERT INTO people (id, name) VALUES (?, ?) ON CONFLICT (id) DO UPDATE SET
      name = CASE WHEN excluded.name <> people.id AND length(CAST(excluded.name AS BLOB)) > length(CAST(people.name AS BLOB)) THEN excluded.name ELSE people.name END`);
  const insertMention = db.prepare(
    "INSERT OR IGNORE INTO person_mentions (article_id, person_id, name_as_written, title) VALUES (?, ?, ?, ?)",
  );
  const insertQuote = db.prepare("INSERT INTO quotes (article_id, seq, person_id, speaker, text) VALUES (?, ?, ?, ?, ?)");
  const insertEvent = db.prepare('INSERT INTO events (article_id, seq, key, name, start, "end") VALUES (?, ?, ?, ?, ?, ?)');
  const insertCountry = db.prepare("INSERT OR IGNORE INTO article_countries (article_id, country) VALUES (?, ?)");
  const insertObject =
    r2.prepare(`INSERT OR REPLACE INTO _mf_objects (key, blob_id, version, size, etag, uploaded, checksums, http_metadata, custom_metadata)
    VALUES (?, ?, ?, ?, ?, ?, '{}', ?, ?)`);

  // Blob files are written by libuv's thread pool while the main thread inserts rows (creating
  // 100,000 files takes seconds); each transaction waits for its files before it commits.
  let writes = [];
  const putObject = (key, bytes, httpMetadata, customMetadata) => {
    const id = blobId(key, nowMs);
    writes.push(writeFile(join(stores.blobs, id), bytes));
    insertObject.run(
      key,
      id,
      md5Hex(`${key}@${nowMs}`),
      bytes.byteLength,
      md5Hex(bytes),
      nowMs,
      JSON.stringify(httpMetadata),
      JSON.stringify(customMetadata),
    );
  };

  // Secondary indexes are dropped while the rows go in and built again after (a sort beats millions of
  // random B-tree inserts); unique ones stay, since constraints and upserts rely on them.
  const FILLED = ["articles", "facts", "person_mentions", "quotes", "events", "article_countries", "observations"];
  const indexes = db
    .prepare(`SELECT name, sql FROM sqlite_master WHERE type = 'index' AND sql IS NOT NULL AND sql NOT LIKE 'CREATE UNIQUE%'
      AND tbl_name IN (${FILLED.map(() => "?").join(", ")})`)
    .all(...FILLED);
  for (const { name } of indexes) db.exec(`DROP INDEX "${name}"`);
  // The counters' triggers too (a trigger per row would double the fill's writes): the counts are
  // taken once at the end, as migration 0009 took them, and the triggers put back.
  const triggers = db.prepare("SELECT name, sql FROM sqlite_master WHERE type = 'trigger' AND sql IS NOT NULL").all();
  for (const { name } of triggers) db.exec(`DROP TRIGGER "${name}"`);

  let nextId = Number(db.prepare("SELECT coalesce(max(id), 0) + 1 AS n FROM articles").get().n);
  const ids = [];
  let facts = 0;
  const fetchedAt = new Date(nowMs).toISOString();
  for (let start = from; start < to; start += ARTICLES_PER_TRANSACTION) {
    db.exec("BEGIN");
    r2.exec("BEGIN");
    for (let i = start; i < Math.min(to, start + ARTICLES_PER_TRANSACTION); i++) {
      const g = generateArticle(i, seed);
      const a = g.article;
      const id = nextId++;
      ids.push(id);
      if (a.status !== "extracted") {
        insertArticle.run(
          id,
          a.url,
          a.sourceId,
          a.status,
          a.reason,
          a.attempts,
          a.httpStatus,
          null,
          null,
          null,
          null,
          null,
          null,
          null,
          null,
          null,
          0,
          a.discoveredAt,
          fetchedAt,
          fetchedAt,
        );
        continue;
      }
      // The main text goes to R2 as the consumer puts it. The archived page does not: only a re-extraction
      // reads it, and gzipping 100,000 pages would double the fill's time; these rows have no page_key,
      // as articles ingested before the archive existed, and their content hash is the text's.
      const textKey = `texts/${id}.txt`;
      putObject(textKey, Buffer.from(g.text, "utf8"), { contentType: "text/plain; charset=utf-8" }, {});
      insertArticle.run(
        id,
        a.url,
        a.sourceId,
        "extracted",
        null,
        a.attempts,
        200,
        a.url,
        sha256Hex(g.text),
        null,
        textKey,
        a.lang,
        a.title,
        a.published,
        a.author,
        EXTRACTOR_VERSION,
        a.factCount,
        a.discoveredAt,
        fetchedAt,
        fetchedAt,
      );
      const params = [];
      for (const f of g.facts)
        params.push(
          id,
          f.seq,
          f.metric,
          f.value,
          f.unit,
          f.currency,
          f.periodStart,
          f.periodEnd,
          f.geo,
          f.qualifier,
          f.basis,
          f.partDimension,
          f.partMember,
          f.sentence,
          a.published,
        );
      const lastFactId = Number(insertFacts(g.facts.length).run(...params).lastInsertRowid);
      for (const [k, f] of g.facts.entries()) {
        aggregate(state.byKey, {
          id: lastFactId - (g.facts.length - 1 - k),
          article_id: id,
          metric: f.metric,
          geo: f.geo,
          period_start: f.periodStart,
          period_end: f.periodEnd,
          currency: f.currency,
          basis: f.basis,
          part_dimension: f.partDimension,
          part_member: f.partMember,
          unit: f.unit,
          value: f.value,
          qualifier: f.qualifier,
        });
      }
      facts += g.facts.length;
      for (const m of g.mentions) {
        upsertPerson.run(m.personId, m.nameAsWritten);
        insertMention.run(id, m.personId, m.nameAsWritten, m.title);
      }
      for (const q of g.quotes) insertQuote.run(id, q.seq, q.personId, q.speaker, q.text);
      for (const e of g.events) insertEvent.run(id, e.seq, e.key, e.name, e.start, e.end);
      for (const c of g.countries) insertCountry.run(id, c);
    }
    await Promise.all(writes);
    writes = [];
    r2.exec("COMMIT");
    db.exec("COMMIT");
  }
  state.articleIds.push(...ids);
  const rowsMs = performance.now() - t0;

  // Observations: the generated facts' aggregates merged with the facts of every other article.
  const ours = new Set(state.articleIds);
  const others = db
    .prepare("SELECT id FROM articles")
    .all()
    .map((r) => r.id)
    .filter((id) => !ours.has(id));
  const theirs = new Map();
  const factsOf = db.prepare(
    "SELECT id, article_id, metric, geo, period_start, period_end, currency, basis, part_dimension, part_member, unit, value, qualifier FROM facts WHERE article_id = ?",
  );
  for (const id of others) for (const f of factsOf.iterate(id)) aggregate(theirs, f);
  const upsertObservation =
    db.prepare(`INSERT INTO observations (metric, geo, period_start, period_end, currency, basis, part_dimension, part_member,
      span, unit, value, value_min, value_max, qualifier, qualifiers, status, fact_count, article_count, months)
    VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
    ON CONFLICT (metric, geo, period_start, period_end, currency, basis, part_dimension, part_member) DO UPDATE SET
      span = excluded.span, unit = excluded.unit, value = excluded.value, value_min = excluded.value_min, value_max = excluded.value_max,
      qualifier = excluded.qualifier, qualifiers = excluded.qualifiers, status = excluded.status, fact_count = excluded.fact_count,
      article_count = excluded.article_count, months = excluded.months`);
  db.exec("BEGIN");
  for (const key of new Set([...state.byKey.keys(), ...theirs.keys()]))
    upsertObservation.run(...observationRow(key, merged(state.byKey.get(key), theirs.get(key))));
  // Every ingestion that changes data bumps the version (caches keyed by it must not serve the old data).
  db.exec(`INSERT INTO dataset_meta (key, value) VALUES ('version', '1')
    ON CONFLICT (key) DO UPDATE SET value = CAST(CAST(value AS INTEGER) + 1 AS TEXT)`);
  db.exec("COMMIT");
  // Each new fact points at its observation (as linkArticleFactsStatement does), before its index is built.
  db.exec(`UPDATE facts AS f SET observation_id = (SELECT o.id FROM observations o WHERE o.metric = f.metric AND o.geo = f.geo
      AND o.period_start = f.period_start AND o.period_end = f.period_end AND o.currency = coalesce(f.currency, '') AND o.basis = f.basis
      AND o.part_dimension = coalesce(f.part_dimension, '') AND o.part_member = coalesce(f.part_member, ''))
    WHERE f.observation_id IS NULL AND f.metric <> 'other' AND f.period_start IS NOT NULL AND f.period_end IS NOT NULL`);
  const observationsMs = performance.now() - t0 - rowsMs;
  for (const { sql } of indexes) db.exec(sql);
  // Sources, distinct values and last change per observation, from its facts (what the writer keeps incrementally).
  db.exec(`UPDATE observations SET
    source_count = (SELECT count(*) FROM (SELECT DISTINCT article_id, value FROM facts WHERE observation_id = observations.id)),
    value_list = coalesce((SELECT group_concat(value) FROM (SELECT value FROM facts WHERE observation_id = observations.id GROUP BY value ORDER BY min(id))), ''),
    updated_at = coalesce((SELECT max(a.fetched_at) FROM facts f JOIN articles a ON a.id = f.article_id WHERE f.observation_id = observations.id), '')`);
  // People's stored counts (where the schema keeps them), as the writer keeps them: articles that
  // mention the person, quotes attributed to them.
  const personColumns = new Set(
    db
      .prepare("PRAGMA table_info(people)")
      .all()
      .map((c) => c.name),
  );
  if (personColumns.has("article_count"))
    db.exec("UPDATE people SET article_count = (SELECT count(DISTINCT article_id) FROM person_mentions WHERE person_id = people.id)");
  if (personColumns.has("quote_count"))
    db.exec("UPDATE people SET quote_count = (SELECT count(*) FROM quotes WHERE person_id = people.id)");
  db.exec(`DELETE FROM article_counts; DELETE FROM metric_counts; DELETE FROM table_counts;
    INSERT INTO article_counts (source_id, status, n) SELECT coalesce(source_id, ''), status, count(*) FROM articles GROUP BY 1, 2;
    INSERT INTO metric_counts (metric, facts) SELECT metric, count(*) FROM facts GROUP BY metric;
    INSERT INTO metric_counts (metric, observations, conflicts) SELECT metric, count(*), sum(status = 'conflict') FROM observations WHERE true
      GROUP BY metric ON CONFLICT (metric) DO UPDATE SET observations = excluded.observations, conflicts = excluded.conflicts;
    INSERT INTO table_counts (name, n) SELECT 'people', count(*) FROM people;`);
  // What migration 0010's triggers keep: a mention's and a quote's article date, titles and spellings
  // per person, actual slices per metric, geo and dimension (where the schema has them).
  const columns = (table) =>
    new Set(
      db
        .prepare(`PRAGMA table_info(${table})`)
        .all()
        .map((c) => c.name),
    );
  if (columns("person_mentions").has("published")) {
    db.exec(`UPDATE person_mentions SET published = (SELECT published FROM articles WHERE id = article_id) WHERE published IS NULL;
      UPDATE quotes SET published = (SELECT published FROM articles WHERE id = article_id) WHERE published IS NULL;
      DELETE FROM person_mention_counts;
      INSERT INTO person_mention_counts (person_id, title, name_as_written, mentions)
        SELECT person_id, title, name_as_written, count(*) FROM person_mentions GROUP BY 1, 2, 3;
      DELETE FROM slice_counts;
      INSERT INTO slice_counts (metric, geo, part_dimension, n)
        SELECT metric, geo, part_dimension, count(*) FROM observations WHERE basis = 'actual' AND part_dimension <> '' GROUP BY 1, 2, 3;`);
  }
  for (const { sql } of triggers) db.exec(sql);
  const indexMs = performance.now() - t0 - rowsMs - observationsMs;
  const counts = db.prepare("SELECT count(*) AS n, coalesce(sum(status = 'conflict'), 0) AS conflicts FROM observations").get();
  db.exec(`PRAGMA journal_mode = ${journal}`);
  db.close();
  r2.exec("PRAGMA wal_checkpoint(TRUNCATE)");
  r2.close();
  return {
    articles: to - from,
    facts,
    ids,
    observations: Number(counts.n),
    conflicts: Number(counts.conflicts),
    rowsMs,
    observationsMs,
    indexMs,
    ms: performance.now() - t0,
  };
}
