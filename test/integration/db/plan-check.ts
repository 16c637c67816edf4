/**
 * Query-plan checking for the workerd tests: a D1 binding that records every SQL text reaching the
 * database (with the values bound to it), and a checker that asks SQLite for each one's plan
 * (`EXPLAIN QUERY PLAN`) and reports every full scan of a large table.
 *
 * Large is the default: any table not named in SMALL_TABLES (so a table added later is held to the
 * rule until someone argues otherwise). A scan is a plan line `SCAN <table>` — with or without
 * `USING [COVERING] INDEX`, which only changes what is read from front to back — or an automatic
 * index or Bloom filter over the table, which SQLite builds by reading all of it first.
 */

/** Tables whose size does not grow with the dataset, so reading them whole costs nothing that matters. */
export const SMALL_TABLES: Record<string, string> = {
  sources: "one row per configured feed, sitemap or page list (tens of rows)",
  dataset_meta: "a handful of key/value rows (the dataset version)",
  crawl_hosts: "one row per crawled origin (tens of rows)",
  observation_dirty: "scratch rows of one write batch: the keys that batch touches, emptied before it commits",
  d1_migrations: "one row per applied migration",
  article_counts: "counter rows: one per source and article status (tens to hundreds)",
  metric_counts: "counter rows: one per catalog metric (about a hundred)",
  table_counts: "counter rows: one per counted table",
};

/** One SQL text as it reached D1, with the values bound the first time it was seen. */
export interface RecordedQuery {
  sql: string;
  params: unknown[];
  /** What the test was doing when the statement ran (first few labels). */
  labels: Set<string>;
  count: number;
}

/** Every distinct SQL text seen, and a label naming the step the test is in (set by the test). */
export class QueryLog {
  readonly queries = new Map<string, RecordedQuery>();
  label = "";

  add(sql: string, params: unknown[]): void {
    const q = this.queries.get(sql);
    if (q) {
      q.count++;
      if (q.labels.size < 4) q.labels.add(this.label);
    } else this.queries.set(sql, { sql, params, labels: new Set([this.label]), count: 1 });
  }
}

/** The D1 binding with every statement that runs (alone, in a batch, or through exec) written to `log`. */
export function recordingD1(d1: D1Database, log: QueryLog): D1Database {
  const bound = new WeakMap<object, { sql: string; params: unknown[] }>();
  const wrap = (stmt: D1PreparedStatement, sql: string, params: unknown[]): D1PreparedStatement => {
    const proxy = new Proxy(stmt, {
      get(target, prop) {
        const v = Reflect.get(target, prop, target);
        if (prop === "bind") return (...args: unknown[]) => wrap(target.bind(...args), sql, args);
        if (prop === "first" || prop === "all" || prop === "run" || prop === "raw")
          return (...args: unknown[]) => {
            log.add(sql, params);
            return (v as (...a: unknown[]) => unknown).apply(target, args);
          };
        return typeof v === "function" ? v.bind(target) : v;
      },
    });
    bound.set(proxy, { sql, params });
    return proxy;
  };
  return new Proxy(d1, {
    get(target, prop) {
      const v = Reflect.get(target, prop, target);
      if (prop === "prepare") return (sql: string) => wrap(target.prepare(sql), sql, []);
      if (prop === "batch")
        return (stmts: D1PreparedStatement[]) => {
          for (const s of stmts) {
            const b = bound.get(s);
            if (b) log.add(b.sql, b.params);
            else throw new Error("a statement in a batch was not prepared through the recording binding");
          }
          return target.batch(stmts);
        };
      // A session prepares its own statements: record them the same way.
      if (prop === "withSession")
        return (...args: unknown[]) =>
          recordingD1((v as (...a: unknown[]) => D1Database).apply(target, args) as unknown as D1Database, log);
      if (prop === "exec")
        return (sql: string) => {
          for (const one of sql.split(/;\s*\n/).filter((s) => s.trim())) log.add(one, []);
          return target.exec(sql);
        };
      return typeof v === "function" ? v.bind(target) : v;
    },
  });
}

/** A line of `EXPLAIN QUERY PLAN`. */
export interface PlanLine {
  id: number;
  parent: number;
  detail: string;
}

/** The plan of one statement, run with the values it was recorded with. */
export async function explain(d1: D1Database, sql: string, params: unknown[]): Promise<PlanLine[]> {
  const res = await d1
    .prepare(`EXPLAIN QUERY PLAN ${sql}`)
    .bind(...params)
    .all<PlanLine>();
  return res.results;
}

/** The plan as an indented tree, the way the sqlite3 shell prints it. */
export function planText(plan: PlanLine[]): string {
  const depth = new Map<number, number>([[0, -1]]);
  return plan
    .map((l) => {
      const d = (depth.get(l.parent) ?? -1) + 1;
      depth.set(l.id, d);
      return `${"  ".repeat(d)}${l.detail}`;
    })
    .join("\n");
}

/** Words that may follow a table's name without being its alias. */
const NOT_AN_ALIAS = new Set(
  "where on join inner left right full cross natural group order limit set values select using union having window returning default".split(
    " ",
  ),
);

/** Marks a name the statement gives to two different tables: which one a plan line means is unknown. */
const AMBIGUOUS = "?";

/**
 * The names a statement gives its tables: each table under its own name and under its alias
 * (`FROM facts f`, `JOIN "articles" AS a`). Names of subqueries in FROM (`FROM (…) g`) map to null.
 */
export function tableNames(sql: string): Map<string, string | null> {
  const names = new Map<string, string | null>();
  const name = (n: string, table: string | null) => {
    const had = names.get(n);
    names.set(n, had === undefined || had === table ? table : AMBIGUOUS);
  };
  const ident = `"?([A-Za-z_][A-Za-z0-9_]*)"?`;
  const ref = new RegExp(String.raw`\b(?:from|join|into|update)\s+${ident}(?:\s+(?:as\s+)?${ident})?`, "gi");
  for (const m of sql.matchAll(ref)) {
    const table = m[1].toLowerCase();
    name(table, table);
    const alias = m[2]?.toLowerCase();
    if (alias && !NOT_AN_ALIAS.has(alias)) name(alias, table);
  }
  // A derived table: ") g" or ") AS g" after a parenthesized SELECT. Column aliases after a call
  // ("count(*) AS n") land here too, harmlessly: only a plan line naming them would look them up.
  for (const m of sql.matchAll(new RegExp(String.raw`\)\s+(?:as\s+)?${ident}`, "gi"))) {
    const alias = m[1].toLowerCase();
    if (!NOT_AN_ALIAS.has(alias) && !names.has(alias)) names.set(alias, null);
  }
  return names;
}

/** A plan line that reads a whole table, or builds a structure over a whole table. */
export interface Scan {
  /** The name in the plan line (an alias, or the table's own name). */
  name: string;
  /** The table it names, or undefined when the statement's text does not say. */
  table: string | undefined;
  detail: string;
}

/** Every line of `plan` that reads all of a table that is not small. */
export function largeScans(sql: string, plan: PlanLine[]): Scan[] {
  const names = tableNames(sql);
  const out: Scan[] = [];
  for (const { detail } of plan) {
    const m = /^SCAN (\S+)/.exec(detail) ?? /^SEARCH (\S+) USING AUTOMATIC/.exec(detail) ?? /^BLOOM FILTER ON (\S+)/.exec(detail) ?? null;
    if (!m) continue;
    const name = m[1].toLowerCase();
    // "(subquery-1)", "CONSTANT ROW", "3-ROW VALUES CLAUSE": no table behind them.
    if (name.startsWith("(") || name === "constant" || /^\d+-row$/.test(name)) continue;
    const known = names.get(name);
    if (known === null) continue; // a subquery in FROM: its own lines say what it reads
    const table = known === undefined || known === AMBIGUOUS ? undefined : known;
    if (table !== undefined && table in SMALL_TABLES) continue;
    out.push({ name, table, detail });
  }
  return out;
}

/** A statement allowed to scan a large table, and why. */
export interface Allowed {
  /** Matches the statement's SQL text, with its whitespace folded (oneLine). */
  sql: RegExp;
  /** The table it may read whole. */
  table: string;
  reason: string;
}

/** A statement whose plan scans a large table without an allow-list entry. */
export interface Offender {
  query: RecordedQuery;
  plan: PlanLine[];
  scans: Scan[];
}

/** Explains every recorded statement; returns the offenders and the allow-list entries that were used. */
export async function checkPlans(
  d1: D1Database,
  queries: Iterable<RecordedQuery>,
  allowed: readonly Allowed[],
): Promise<{ offenders: Offender[]; used: Set<Allowed>; explained: number }> {
  const offenders: Offender[] = [];
  const used = new Set<Allowed>();
  let explained = 0;
  for (const query of queries) {
    const plan = await explain(d1, query.sql, query.params);
    explained++;
    const scans = largeScans(query.sql, plan).filter((s) => {
      const entry = allowed.find((a) => a.table === s.table && a.sql.test(oneLine(query.sql)));
      if (entry) used.add(entry);
      return !entry;
    });
    if (scans.length) offenders.push({ query, plan, scans });
  }
  return { offenders, used, explained };
}

/** The SQL with runs of whitespace folded, for reading in a report. */
export function oneLine(sql: string): string {
  return sql.replace(/\s+/g, " ").trim();
}

/** A report of the offenders: each statement, where it ran, its plan and the scans. */
export function offenderReport(offenders: Offender[]): string {
  return offenders
    .map(
      (o) =>
        `── ${o.scans.map((s) => `full scan of ${s.table ?? `unknown table "${s.name}"`}`).join(", ")}\n` +
        `   ran during: ${[...o.query.labels].join(" | ")}\n` +
        `   sql: ${oneLine(o.query.sql)}\n` +
        `   params: ${JSON.stringify(o.query.params).slice(0, 300)}\n` +
        `   plan:\n${planText(o.plan)
          .split("\n")
          .map((l) => `     ${l}`)
          .join("\n")}`,
    )
    .join("\n\n");
}

/**
 * Foreign keys whose columns lead no index of their table. Deleting a parent row (an article's
 * cascade into its facts, mentions, quotes …) looks up its children by those columns, and those
 * lookups appear in no EXPLAIN: without such an index, each one reads the child table whole.
 */
export async function unindexedForeignKeys(d1: D1Database): Promise<string[]> {
  const rows = async <T>(sql: string) => (await d1.prepare(sql).all<T>()).results;
  const tables = await rows<{ name: string }>(
    "SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite\\_%' ESCAPE '\\' AND name NOT LIKE '\\_cf\\_%' ESCAPE '\\' AND name NOT LIKE 'd1\\_%' ESCAPE '\\'",
  );
  const missing: string[] = [];
  for (const { name: table } of tables) {
    const fks = await rows<{ id: number; seq: number; table: string; from: string }>(`PRAGMA foreign_key_list("${table}")`);
    if (fks.length === 0) continue;
    // Column lists that can find rows: each index's columns in order, and the rowid's alias.
    const leads: string[][] = [];
    for (const idx of await rows<{ name: string }>(`PRAGMA index_list("${table}")`))
      leads.push(
        (await rows<{ seqno: number; name: string }>(`PRAGMA index_info("${idx.name}")`))
          .sort((a, b) => a.seqno - b.seqno)
          .map((c) => c.name),
      );
    const pk = (await rows<{ name: string; type: string; pk: number }>(`PRAGMA table_info("${table}")`)).filter((c) => c.pk > 0);
    if (pk.length === 1 && pk[0].type.toUpperCase() === "INTEGER") leads.push([pk[0].name]);
    for (const id of new Set(fks.map((f) => f.id))) {
      const fk = fks.filter((f) => f.id === id).sort((a, b) => a.seq - b.seq);
      const columns = new Set(fk.map((f) => f.from));
      const served = leads.some((lead) => lead.length >= columns.size && lead.slice(0, columns.size).every((c) => columns.has(c)));
      if (!served) missing.push(`${table}(${[...columns].join(", ")}) → ${fk[0].table}`);
    }
  }
  return missing;
}
