/**
 * Query plans: every SQL statement the pipeline (discovery, the article consumer, its dead-letter
 * consumer, the operator's commands) and the API (every operation /openapi.json lists, with filters,
 * cursors, metric ids, people ids and exports, plus the pages and the admin routes) sends to D1 is
 * recorded by a wrapper around the real binding, then explained with the values it was bound to.
 * A plan that reads a large table from end to end (schema: SMALL_TABLES in plan-check.ts says which
 * are small) fails the test, unless the statement is on ALLOWED below with the reason it must.
 */
import { createExecutionContext, createMessageBatch, getQueueResult, waitOnExecutionContext } from "cloudflare:test";
import { beforeAll, describe, expect, it } from "vitest";
import type { ArticleMessage, PipelineCommand } from "../../../schema/messages";
import { createApi } from "../../../workers/api";
import { encodeKeyCursor } from "../../../workers/api/cursor";
import { runDiscovery } from "../../../workers/discover";
import { createArticleHandler, createDeadLetterHandler } from "../../../workers/ingest";
import { runCommand } from "../../../workers/pipeline/commands";
import { insertArticle } from "../ingest/consumer-harness";
import { testEnv as env } from "../test-env";
import {
  type Allowed,
  checkPlans,
  explain,
  largeScans,
  offenderReport,
  oneLine,
  planText,
  QueryLog,
  recordingD1,
  unindexedForeignKeys,
} from "./plan-check";

/**
 * Statements whose plan may read a large table from one end, each with its reason. Every entry must
 * match a statement the test records (a stale entry fails the test) and covers one table only.
 */
const ALLOWED: Allowed[] = [
  // First pages: the plan walks the table (or an index) in the order asked for and, with no filter
  // to skip rows, stops after `limit` rows. The following pages are SEARCHes from the cursor.
  {
    table: "articles",
    sql: /from "articles" order by "articles"\."id" desc limit \?$/,
    reason: "GET /v1/articles without filters: the newest `limit` rows, read backwards by id",
  },
  {
    table: "facts",
    sql: /from "facts" inner join "articles" on "articles"\."id" = "facts"\."article_id" order by "facts"\."id" asc limit \?$/,
    reason: "GET /v1/facts without filters: the first `limit` facts by id",
  },
  {
    table: "people",
    sql: /FROM people p ORDER BY (?:p\.article_count DESC, )?p\.id LIMIT \?$/,
    reason: "GET /v1/people without a search: the first `limit` entries of people_rank_idx (or of the id index, sort=name)",
  },
  {
    table: "events",
    sql: /FROM events e JOIN articles a ON a\.id = e\.article_id GROUP BY \(CASE WHEN e\.start IS NULL/,
    reason: "GET /v1/events without filters: events_sort_idx in order, grouped as it goes, stops after `limit` events",
  },
  {
    table: "article_texts",
    sql: /from "article_texts" order by "article_texts"\."article_id" limit \?$/,
    reason: "the text move (pipeline/move-texts.ts) takes the first `limit` rows left and deletes them",
  },
  // Filters no index can serve in the order a page needs.
  {
    table: "facts",
    sql: /from "facts" inner join "articles" on "articles"\."id" = "facts"\."article_id" where \(?"facts"\."period_(?:end|start)" [<>]= \?(?: and "facts"\."period_(?:end|start)" [<>]= \?)?\)? order by "facts"\."id" asc limit \?$/,
    reason:
      "GET /v1/facts?from=…&to=… alone: a period range gives no id order, so SQLite walks facts by id and stops when the page is full " +
      "(about limit ÷ the range's share of facts); the range on facts_period_idx instead would read and sort every fact in the range for " +
      "every page. A range that holds no fact reads them all",
  },
  {
    table: "observations",
    sql: /FROM observations o INDEXED BY observations_feed_conflicts_idx WHERE o\.status = 'conflict'/,
    reason:
      "GET /v1/feeds/conflicts.atom: walks the partial index of actual totals in conflict (only they are in it), last changed first, " +
      "and stops at the feed's 50 entries",
  },
  {
    table: "people",
    sql: /FROM people p WHERE p\.id LIKE \? ESCAPE '\\' ORDER BY (?:p\.article_count DESC, )?p\.id LIMIT \?$/,
    reason:
      "GET /v1/people?q=…: a fragment anywhere in the folded name, which no b-tree index can find; walks people in the page's order " +
      "(people_rank_idx, or the id index) and stops when the page is full; a fragment nobody's name holds reads every person",
  },
  // The operator's full rebuild of the observations (POST /v1/admin/rebuild): everything, by definition.
  {
    table: "facts",
    sql: /^INSERT OR IGNORE INTO observation_dirty \(.*\) SELECT DISTINCT .* FROM facts f WHERE f\.metric <> 'other'/,
    reason: "full rebuild: marks the key of every fact",
  },
  {
    table: "observations",
    sql: /^DELETE FROM observations WHERE \(.*\) NOT IN \(SELECT .* FROM observation_dirty\)$/,
    reason: "full rebuild: drops every observation whose key no fact has any more",
  },
  {
    table: "facts",
    sql: /^UPDATE facts AS f SET observation_id = CASE WHEN f\.metric <> 'other'/,
    reason: "full rebuild: points every fact at its observation",
  },
  {
    table: "observations",
    sql: /^select count\(\*\), coalesce\(sum\("status" = 'conflict'\), 0\) from "observations"$/,
    reason: "full rebuild: the counts it answers with",
  },
];

const ORIGIN = "http://api.test";
const TOKEN = "test-admin-token";

const log = new QueryLog();
const db = recordingD1(env.DB, log);

/** A queue that keeps what is sent to it, so messages reach the recorded consumer and no other. */
class HeldQueue<T> {
  held: T[] = [];
  async send(body: T): Promise<void> {
    this.held.push(body);
  }
  async sendBatch(messages: Iterable<{ body: T }>): Promise<void> {
    for (const m of messages) this.held.push(m.body);
  }
  take(): T[] {
    return this.held.splice(0);
  }
}

const articlesQueue = new HeldQueue<ArticleMessage>();
const commandsQueue = new HeldQueue<PipelineCommand>();
const pipelineEnv = { ...env, DB: db, ARTICLES: articlesQueue, DEMO_ORIGIN: env.TEST_ORIGIN } as unknown as PipelineEnv;
const apiEnv = { ...env, DB: db, COMMANDS: commandsQueue } as unknown as ApiBindings;

/** Hands messages to the consumer (or the dead-letter consumer) as the queue would, with the recorded D1. */
async function consume(messages: ArticleMessage[], deadLetters = false): Promise<void> {
  const handler = (deadLetters ? createDeadLetterHandler : createArticleHandler)({ db: () => db });
  const batch = createMessageBatch<ArticleMessage>(
    deadLetters ? "newsfacts-articles-dlq" : "newsfacts-articles",
    messages.map((body, i) => ({ id: `plan-${body.articleId}-${i}`, timestamp: new Date(), attempts: 1, body })),
  );
  const ctx = createExecutionContext();
  await handler(batch, pipelineEnv);
  await waitOnExecutionContext(ctx);
  const result = await getQueueResult(batch, ctx);
  expect(result.explicitAcks.length + result.retryMessages.length).toBe(messages.length);
}

const app = createApi();

/** One request to the API app with the recorded D1, past every cache (so each handler reaches D1). */
async function call(method: string, path: string, body?: unknown): Promise<Response> {
  log.label = `${method} ${path}`;
  const headers: Record<string, string> = { "cache-control": "no-cache" };
  if (path.startsWith("/v1/admin/")) headers.authorization = `Bearer ${TOKEN}`;
  if (body !== undefined) headers["content-type"] = "application/json";
  const ctx = createExecutionContext();
  const res = await app.fetch(
    new Request(`${ORIGIN}${path}`, { method, headers, body: body === undefined ? undefined : JSON.stringify(body) }),
    apiEnv,
    ctx,
  );
  const text = new TextDecoder().decode(await res.arrayBuffer()); // a streamed export runs its queries while it is read
  await waitOnExecutionContext(ctx);
  expect(res.status, `${method} ${path}: ${text.slice(0, 300)}`).toBeLessThan(300);
  return new Response(text, { status: res.status, headers: res.headers });
}

async function json<T>(path: string): Promise<T> {
  return (await (await call("GET", path)).json()) as T;
}

type Page<T> = { items: T[]; next_cursor: string | null };

/** The list at `path` with a page of two, then the page its cursor leads to. */
async function withCursor(path: string): Promise<void> {
  const sep = path.includes("?") ? "&" : "?";
  const first = await json<Page<unknown>>(`${path}${sep}limit=2`);
  expect(first.next_cursor, `${path} has a second page`).not.toBeNull();
  await json(`${path}${sep}limit=2&cursor=${first.next_cursor}`);
}

/** Values found in the data, so each call asks for something that exists. */
interface Sample {
  articleId: number;
  metric: string;
  sliced: { metric: string; dimension: string; member: string; start: string; end: string; currency: string };
  planned: string;
  person: string;
  sourceId: string;
  /** An observation backed by more than one source. */
  sourced: number;
  /** The person most articles mention, and the one most quoted. */
  mentioned: string;
  quoted: string;
}

async function sample(): Promise<Sample> {
  const one = async <T>(sql: string, ...binds: unknown[]) => {
    const row = await env.DB.prepare(sql)
      .bind(...binds)
      .first<T>();
    if (!row) throw new Error(`no sample for ${sql}`);
    return row;
  };
  const article = await one<{ id: number }>("SELECT id FROM articles WHERE status = 'extracted' AND fact_count > 0 ORDER BY id LIMIT 1");
  const metric = await one<{ metric: string }>(
    "SELECT metric FROM observations WHERE basis = 'actual' AND part_dimension = '' GROUP BY metric ORDER BY count(*) DESC LIMIT 1",
  );
  const sliced = await one<Sample["sliced"]>(
    `SELECT metric, part_dimension AS dimension, part_member AS member, period_start AS start, period_end AS "end", currency
     FROM observations WHERE basis = 'actual' AND part_dimension <> '' ORDER BY id LIMIT 1`,
  );
  const planned = await one<{ metric: string }>(
    "SELECT metric FROM observations WHERE basis = 'target' ORDER BY metric = ?, id LIMIT 1",
    metric.metric,
  );
  const person = await one<{ id: string }>("SELECT person_id AS id FROM quotes WHERE person_id IS NOT NULL ORDER BY id LIMIT 1");
  const source = await one<{ id: string }>("SELECT source_id AS id FROM articles WHERE source_id IS NOT NULL ORDER BY id LIMIT 1");
  const sourced = await one<{ id: number }>("SELECT id FROM observations WHERE source_count > 1 ORDER BY source_count DESC, id LIMIT 1");
  const mentioned = await one<{ id: string }>("SELECT id FROM people ORDER BY article_count DESC, id LIMIT 1");
  const quoted = await one<{ id: string }>("SELECT id FROM people ORDER BY quote_count DESC, id LIMIT 1");
  return {
    articleId: article.id,
    metric: metric.metric,
    sliced,
    planned: planned.metric,
    person: person.id,
    sourceId: source.id,
    sourced: sourced.id,
    mentioned: mentioned.id,
    quoted: quoted.id,
  };
}

/** The requests made for each operation of /openapi.json: an operation missing here fails the test. */
function requestsFor(s: Sample): Record<string, () => Promise<unknown>> {
  const m = s.metric;
  const sl = s.sliced;
  return {
    "GET /healthz": () => json("/healthz"),
    "GET /v1/sources": () => json("/v1/sources"),
    "GET /v1/stats": () => json("/v1/stats"),
    "GET /v1/articles": async () => {
      await withCursor("/v1/articles");
      await withCursor("/v1/articles?status=extracted");
      await withCursor(`/v1/articles?source=${s.sourceId}`);
      await json(`/v1/articles?status=failed&source=${s.sourceId}`);
    },
    "GET /v1/articles/{id}": () => json(`/v1/articles/${s.articleId}`),
    "GET /v1/facts": async () => {
      await withCursor("/v1/facts");
      await withCursor(`/v1/facts?metric=${m}`);
      await withCursor("/v1/facts?geo=hanoi");
      await withCursor("/v1/facts?from=2024-01");
      await withCursor("/v1/facts?to=2024-12");
      await json(`/v1/facts?article=${s.articleId}`);
      await withCursor("/v1/facts?basis=target");
      await withCursor("/v1/facts?dimension=total");
      await json(`/v1/facts?dimension=${sl.dimension}`);
      await json(`/v1/facts?metric=${sl.metric}&geo=hanoi&from=2020-01&to=2025-12&basis=actual&dimension=${sl.dimension}`);
      await withCursor(`/v1/facts?metric=${m}&from=2020-01&to=2025-12`);
      await json(`/v1/facts?metric=${m}&geo=hanoi&from=2020-01&to=2025-12`);
    },
    "GET /v1/summary": async () => {
      await json("/v1/summary");
      await json(`/v1/summary?lang=en&geo=hanoi&metrics=${m},${s.planned}`);
    },
    "GET /v1/metrics": () => json("/v1/metrics?lang=id"),
    "GET /v1/metrics/{id}/series": async () => {
      await json(`/v1/metrics/${m}/series`);
      await json(`/v1/metrics/${m}/series?geo=hanoi&lang=en&span=year&currency=USD`);
    },
    "GET /v1/metrics/{id}/breakdown": async () => {
      await json(`/v1/metrics/${sl.metric}/breakdown`);
      const currency = sl.currency ? `&currency=${sl.currency}` : "";
      await json(`/v1/metrics/${sl.metric}/breakdown?geo=hanoi&dimension=${sl.dimension}&period=${sl.start}..${sl.end}${currency}`);
    },
    "GET /v1/metrics/{id}/card.svg": () => call("GET", `/v1/metrics/${m}/card.svg?lang=en&geo=hanoi`),
    "GET /v1/metrics/{id}/plan": async () => {
      await json(`/v1/metrics/${s.planned}/plan`);
      await json("/v1/metrics/budget_revenue/plan?geo=hanoi&lang=vi");
      // A page after a cursor (the cursor's own form: a period and currency after which to go on).
      await json(`/v1/metrics/${s.planned}/plan?limit=1&cursor=${encodeKeyCursor(JSON.stringify(["2030-12", "2030-01", ""]))}`);
    },
    "GET /v1/observations/{id}/sources": async () => {
      const first = await json<Page<unknown>>(`/v1/observations/${s.sourced}/sources?limit=1`);
      expect(first.next_cursor, "an observation with a second page of sources").not.toBeNull();
      await json(`/v1/observations/${s.sourced}/sources?limit=1&cursor=${first.next_cursor}`);
    },
    "GET /v1/observations": async () => {
      await withCursor("/v1/observations");
      await withCursor(`/v1/observations?metric=${m}`);
      await withCursor("/v1/observations?geo=hanoi");
      await withCursor("/v1/observations?from=2024-01");
      await withCursor("/v1/observations?to=2024-12");
      await json("/v1/observations?status=conflict");
      await json("/v1/observations?span=year");
      await json("/v1/observations?basis=target");
      await json(`/v1/observations?dimension=${sl.dimension}`);
      await json(`/v1/observations?member=${sl.member}`);
      await json(
        `/v1/observations?metric=${sl.metric}&geo=hanoi&from=2020-01&to=2025-12&dimension=${sl.dimension}&member=${sl.member}&status=agreed&span=year`,
      );
    },
    "GET /v1/people": async () => {
      await withCursor("/v1/people");
      await withCursor("/v1/people?sort=name");
      const fragment = encodeURIComponent(s.person.split("-").slice(-2).join(" "));
      await json(`/v1/people?q=${fragment}`);
      await json(`/v1/people?q=${fragment}&sort=name`);
    },
    "GET /v1/people/{id}": () => json(`/v1/people/${s.person}`),
    "GET /v1/people/{id}/articles": async () => {
      await withCursor(`/v1/people/${s.mentioned}/articles`);
      // After an undated article (the demo's are all dated): the walk's last stretch.
      await json(`/v1/people/${s.mentioned}/articles?limit=2&cursor=${encodeKeyCursor("999999")}`);
    },
    "GET /v1/people/{id}/quotes": async () => {
      await withCursor(`/v1/people/${s.quoted}/quotes`);
      await json(`/v1/people/${s.quoted}/quotes?limit=2&cursor=${encodeKeyCursor("999999 0")}`);
    },
    "GET /v1/events": async () => {
      await withCursor("/v1/events");
      await json("/v1/events?from=2023-01&to=2025-12");
    },
    "GET /v1/export/observations.csv": () => call("GET", "/v1/export/observations.csv"),
    "GET /v1/export/facts.ndjson": () => call("GET", "/v1/export/facts.ndjson"),
    "GET /v1/export/datapackage.json": () => json("/v1/export/datapackage.json"),
    "GET /v1/feeds/observations.atom": async () => {
      await call("GET", "/v1/feeds/observations.atom?lang=vi");
      await call("GET", `/v1/feeds/observations.atom?lang=en&metric=${m}`);
    },
    "GET /v1/feeds/conflicts.atom": async () => {
      await call("GET", "/v1/feeds/conflicts.atom?lang=id");
      await call("GET", `/v1/feeds/conflicts.atom?metric=${m}`);
    },
    "POST /v1/admin/sources": () =>
      call("POST", "/v1/admin/sources", { id: "plan-feed", name: "Plan feed", kind: "rss", url: "https://news.example/rss.xml" }),
    "PATCH /v1/admin/sources/{id}": () => call("PATCH", "/v1/admin/sources/plan-feed", { active: false }),
    "POST /v1/admin/crawl": () => call("POST", "/v1/admin/crawl"),
    "POST /v1/admin/reextract": () => call("POST", "/v1/admin/reextract"),
    "POST /v1/admin/rebuild": () => call("POST", "/v1/admin/rebuild"),
  };
}

let operations: string[] = [];
const covered: string[] = [];

beforeAll(async () => {
  // The pipeline: discovery over the demo site, the consumer over what it queued, a re-extraction
  // from the archive (old facts replaced), failures, a dead letter and the text move.
  log.label = "discovery";
  await runDiscovery(pipelineEnv);
  const found = articlesQueue.take();
  expect(found.length).toBeGreaterThan(30);
  log.label = "consumer: first ingestion";
  await consume(found);
  log.label = "command: reextract";
  await runCommand({ command: "reextract", refetch: false }, pipelineEnv);
  log.label = "consumer: re-extraction from the archive";
  await consume(articlesQueue.take());
  log.label = "consumer: failures";
  await consume([await insertArticle("/faults/gone-404.html"), await insertArticle("/faults/report.pdf")]);
  log.label = "dead-letter consumer";
  await consume([await insertArticle("/faults/new-home.html")], true);
  log.label = "command: move-texts";
  await runCommand({ command: "move-texts" }, pipelineEnv);

  // The API: every operation, then the pages that read the API in-process.
  const doc = await json<{ paths: Record<string, Record<string, unknown>> }>("/openapi.json");
  operations = Object.entries(doc.paths).flatMap(([path, methods]) => Object.keys(methods).map((m) => `${m.toUpperCase()} ${path}`));
  const requests = requestsFor(await sample());
  for (const op of operations) {
    const run = requests[op];
    if (!run) continue;
    await run();
    covered.push(op);
  }
  for (const page of ["/", "/?lang=en", `/widget/card?metric=${(await sample()).metric}&lang=id`, "/docs"]) await call("GET", page);
}, 60_000);

describe("query plans", () => {
  it("covers every operation /openapi.json lists", () => {
    expect(operations.length).toBeGreaterThan(15);
    expect(operations.filter((op) => !covered.includes(op))).toEqual([]);
  });

  it("reads no large table whole, except the statements allowed with a reason", async () => {
    const { offenders, used, explained } = await checkPlans(env.DB, log.queries.values(), ALLOWED);
    console.log(`QUERY_PLANS statements=${explained} offenders=${offenders.length} allowed=${used.size}`);
    expect(explained).toBeGreaterThan(50);
    if (offenders.length) console.log(offenderReport(offenders));
    expect(
      offenders.map((o) => oneLine(o.query.sql).slice(0, 160)),
      "full scans (the plans are printed above)",
    ).toEqual([]);
    expect(
      ALLOWED.filter((a) => !used.has(a)).map((a) => a.sql.source),
      "allow-list entries no statement needs",
    ).toEqual([]);
  });
});

describe("pages in index order", () => {
  it("pages facts and a person's articles and quotes off an index in the page's order, sorting no matching rows", async () => {
    // A sort (a temp b-tree for ORDER BY) reads every row that matches before the first one is
    // returned: a page whose order an index gives stops at its limit instead. Only a fact page
    // filtered by article may sort (an article's facts, at most 500).
    const pages = [...log.queries.values()].filter((q) => {
      const label = [...q.labels][0] ?? "";
      return /^GET \/v1\/(facts|people\/[^/?]+\/(articles|quotes))\b/.test(label) && !/"facts"\."article_id" = \?/.test(q.sql);
    });
    expect(pages.length).toBeGreaterThan(10);
    const sorted: string[] = [];
    for (const q of pages) {
      const plan = await explain(env.DB, q.sql, q.params);
      if (plan.some((l) => /^USE TEMP B-TREE FOR .*ORDER BY/.test(l.detail))) sorted.push(`${oneLine(q.sql)}\n${planText(plan)}`);
    }
    expect(sorted).toEqual([]);
  });
});

describe("the consumer's upkeep", () => {
  it("reaches facts, for a new article, only through that article's own rows: no key's or slicing's facts across the dataset", async () => {
    // Observation upkeep must stay O(the article's facts): a SEARCH of facts by key, metric, geo,
    // basis, slicing or period reads facts of every article sharing it, which grows with the
    // dataset even though no scan shows. The recompute of the keys an article had before (a
    // re-extraction: its statements read facts_key_idx when observation_dirty holds rows) is the
    // only exception, and it reads nothing on a first ingestion (the scratch table is empty).
    const written = [...log.queries.values()].filter((q) => [...q.labels].includes("consumer: first ingestion"));
    expect(written.length).toBeGreaterThan(10);
    const wide: string[] = [];
    for (const q of written) {
      const plan = await explain(env.DB, q.sql, q.params);
      const recompute = plan.some((l) => /^SCAN d\b/.test(l.detail)) || /FROM observation_dirty d WHERE NOT EXISTS/.test(q.sql);
      const facts = plan.filter(
        (l) => /^SEARCH (?:facts|f|f2|h)\b/.test(l.detail) && / INDEX facts_(?!article_seq_unique|observation_idx)/.test(l.detail),
      );
      if (facts.length > 0 && !recompute) wide.push(`${oneLine(q.sql)}\n${planText(plan)}`);
    }
    expect(wide).toEqual([]);
  });
});

describe("the schema", () => {
  it("indexes the columns of every foreign key (the lookups of a cascade are in no plan)", async () => {
    expect(await unindexedForeignKeys(env.DB)).toEqual([]);
  });
});

describe("the plan checker", () => {
  it("catches a planted full scan, by name and by alias, and lets small tables, searches and allowed scans pass", async () => {
    const planted = new QueryLog();
    const rec = recordingD1(env.DB, planted);
    planted.label = "planted";
    await rec.prepare("SELECT id FROM facts WHERE sentence LIKE ?").bind("%FDI%").all();
    await rec.prepare("SELECT f.id FROM facts AS f JOIN articles a ON a.id = f.article_id WHERE f.unit = ?").bind("percent").all();
    await rec.batch([rec.prepare("SELECT count(*) AS n FROM people"), rec.prepare("SELECT * FROM sources WHERE lang = ?").bind("vi")]);
    await rec.prepare("SELECT * FROM facts WHERE article_id = ?").bind(1).all();
    await rec.prepare("SELECT * FROM observations WHERE id > ? ORDER BY id LIMIT 5").bind(0).all();
    const allowPeople: Allowed = { sql: /^SELECT count\(\*\) AS n FROM people$/, table: "people", reason: "planted" };
    const { offenders, used, explained } = await checkPlans(env.DB, planted.queries.values(), [allowPeople]);
    expect(explained).toBe(6);
    expect(offenders.map((o) => [o.query.sql, o.scans.map((s) => s.table)])).toEqual([
      ["SELECT id FROM facts WHERE sentence LIKE ?", ["facts"]],
      ["SELECT f.id FROM facts AS f JOIN articles a ON a.id = f.article_id WHERE f.unit = ?", ["facts"]],
    ]);
    expect([...used]).toEqual([allowPeople]);
    const report = offenderReport(offenders);
    expect(report).toContain("full scan of facts");
    expect(report).toMatch(/SCAN f\b/);
    expect(report).toContain('params: ["percent"]');
  });

  it("counts an automatic index or a Bloom filter as the scan it is, and names an unknown or ambiguous name instead of passing it", () => {
    const line = (detail: string) => ({ id: 2, parent: 0, detail });
    const join = "SELECT * FROM facts a JOIN facts b ON b.unit = a.unit";
    expect(largeScans(join, [line("SEARCH b USING AUTOMATIC COVERING INDEX (unit=?)"), line("BLOOM FILTER ON a (unit=?)")])).toEqual([
      { name: "b", table: "facts", detail: "SEARCH b USING AUTOMATIC COVERING INDEX (unit=?)" },
      { name: "a", table: "facts", detail: "BLOOM FILTER ON a (unit=?)" },
    ]);
    expect(largeScans("SELECT * FROM facts f, articles a", [line("SCAN b")])).toEqual([{ name: "b", table: undefined, detail: "SCAN b" }]);
    expect(largeScans("SELECT * FROM sources x JOIN facts x ON 1", [line("SCAN x")])).toEqual([
      { name: "x", table: undefined, detail: "SCAN x" },
    ]);
    expect(
      largeScans("SELECT * FROM (SELECT 1) g JOIN sources s", [line("SCAN g"), line("SCAN s"), line("SCAN 3-ROW VALUES CLAUSE")]),
    ).toEqual([]);
  });

  it("finds a foreign key no index serves", async () => {
    const d1 = env.UPGRADE_DB; // an empty database of its own, so the planted tables touch nothing
    await d1.batch([
      d1.prepare("DROP TABLE IF EXISTS plan_child"),
      d1.prepare("DROP TABLE IF EXISTS plan_parent"),
      d1.prepare("CREATE TABLE plan_parent (id INTEGER PRIMARY KEY)"),
      d1.prepare("CREATE TABLE plan_child (id INTEGER PRIMARY KEY, parent_id INTEGER REFERENCES plan_parent(id) ON DELETE CASCADE)"),
    ]);
    expect(await unindexedForeignKeys(d1)).toEqual(["plan_child(parent_id) → plan_parent"]);
    await d1.prepare("CREATE INDEX plan_child_parent_idx ON plan_child (parent_id)").run();
    expect(await unindexedForeignKeys(d1)).toEqual([]);
  });
});
