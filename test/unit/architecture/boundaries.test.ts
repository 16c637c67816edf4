/**
 * The module boundaries of the two Workers, checked on the import graph of workers/ and schema/ (see
 * import-graph.ts): the extractor is pure and self-contained, the API Worker bundles no crawler, extractor
 * or HTML parser, discovery does not pull in extraction, the widget stays client-safe, and schema/ is shared
 * downward only. Each violation reads "from → to". The last block plants bad imports in a copy of the
 * graph to show the checkers catch them.
 */
import { beforeAll, describe, expect, it } from "vitest";
import {
  API_ENTRY,
  apiViolations,
  BROWSER_ENTRY,
  BROWSER_SHARED,
  browserForbiddenReached,
  browserViolations,
  buildImportGraph,
  closure,
  codeOnly,
  discoverViolations,
  EXTRACT_PACKAGES,
  extractGlobalViolations,
  extractImportViolations,
  type ImportGraph,
  METRIC_CATALOG,
  modulesUnder,
  PARSER_PACKAGES,
  plant,
  platformGlobalUses,
  rawSqlViolations,
  schemaViolations,
  unresolvedImports,
  widgetViolations,
} from "./import-graph";

let graph: ImportGraph;

beforeAll(() => {
  graph = buildImportGraph();
});

describe("the import graph", () => {
  it("covers the Worker entries and resolves every relative import to a file (a rule cannot see past a broken edge)", () => {
    for (const entry of [API_ENTRY, "workers/pipeline/index.ts", BROWSER_ENTRY, "workers/extract/index.ts"]) {
      expect(graph.has(entry), entry).toBe(true);
    }
    expect(modulesUnder(graph, "workers/extract/").length).toBeGreaterThan(10);
    expect(unresolvedImports(graph)).toEqual([]);
  });
});

describe("module boundaries", () => {
  it("a. workers/extract/ imports only workers/extract/ and the pure packages allowed (htmlparser2), no node:* or cloudflare:*", () => {
    expect(extractImportViolations(graph)).toEqual([]);
    // The allow-list is exactly what the extractor uses: a package dropped from the code is dropped here.
    const packagesUsed = new Set(
      modulesUnder(graph, "workers/extract/").flatMap((id) =>
        (graph.get(id)?.imports ?? []).filter((e) => graph.get(e.to ?? "")?.kind === "package").map((e) => e.to),
      ),
    );
    expect([...packagesUsed].sort()).toEqual([...EXTRACT_PACKAGES].sort());
  });

  it("a. workers/extract/ code uses no Worker or Node global (fetch, caches, process, Buffer, D1Database, R2Bucket, crypto.subtle, timers)", () => {
    expect(extractGlobalViolations(graph)).toEqual([]);
  });

  it("b. the API Worker (worker.ts and every module of workers/api/, transitively) never reaches discover, ingest, pipeline, extractor code or an HTML/XML parser", () => {
    expect(apiViolations(graph)).toEqual([]);
    // The one module of workers/extract/ it reaches is the metric catalog, a JSON data file (labels and units
    // for workers/dataset/metrics.ts), allowed by name; the closure shows it is the only one.
    const reached = closure(graph, [API_ENTRY]);
    expect(reached.filter((id) => id.startsWith("workers/extract/"))).toEqual([METRIC_CATALOG]);
    expect(reached.filter((id) => PARSER_PACKAGES.includes(id))).toEqual([]);
  });

  it("c. workers/discover/ never reaches workers/extract/ or workers/ingest/", () => {
    expect(discoverViolations(graph)).toEqual([]);
  });

  it("d. workers/widget/ never reaches workers/api/ or server modules (db, dataset, ingest, discover, pipeline, archive, net)", () => {
    expect(widgetViolations(graph)).toEqual([]);
  });

  it("d. the browser entry widget.mts reaches only workers/widget/ and pure shared modules (schema/spans.ts): no API, db, dataset, hono, drizzle-orm, @hono/*", () => {
    expect(browserViolations(graph)).toEqual([]);
    expect(browserForbiddenReached(graph)).toEqual([]);
    const reached = closure(graph, [BROWSER_ENTRY]);
    console.log(`${BROWSER_ENTRY} reaches:\n  ${reached.join("\n  ")}`);
    expect(reached.filter((id) => !id.startsWith("workers/widget/"))).toEqual(BROWSER_SHARED.filter((id) => reached.includes(id)));
  });

  it("g. raw SQL (D1 prepare/exec, sql.raw) is written only in workers/db/, one module per table", () => {
    expect(rawSqlViolations(graph)).toEqual([]);
  });

  it("f. rule g reports a planted d1.prepare() in a route, and not a Drizzle sql`` fragment", () => {
    const planted = plant(
      graph,
      "workers/api/routes/planted-sql.ts",
      'import { sql } from "drizzle-orm";\nexport const a = (d1: D1Database) => d1.prepare("SELECT 1");\nexport const b = sql`1`;\n',
    );
    expect(rawSqlViolations(planted)).toEqual(["workers/api/routes/planted-sql.ts:2"]);
  });

  it("e. schema/ reaches nothing in workers/", () => {
    expect(schemaViolations(graph)).toEqual([]);
  });
});

describe("the checkers catch a planted bad import (virtual modules, nothing on disk)", () => {
  it("f. rule a reports workers/extract/planted.ts → workers/ingest/index.ts, and nothing else", () => {
    const planted = plant(graph, "workers/extract/planted.ts", 'import { queue } from "../ingest";\nexport const x = queue;\n');
    expect(extractImportViolations(planted)).toEqual(["workers/extract/planted.ts → workers/ingest/index.ts"]);
    // The real graph is untouched.
    expect(graph.has("workers/extract/planted.ts")).toBe(false);
  });

  it("f. rule a reports a planted node:* import, an unlisted package and an import out of workers/extract/", () => {
    const planted = plant(
      graph,
      "workers/extract/figures/planted.ts",
      'import { readFileSync } from "node:fs";\nimport { parse } from "linkedom";\nexport { spanOf } from "../../../schema/spans";\n',
    );
    expect(extractImportViolations(planted)).toEqual([
      "workers/extract/figures/planted.ts → linkedom",
      "workers/extract/figures/planted.ts → node:fs",
      "workers/extract/figures/planted.ts → schema/spans.ts",
    ]);
  });

  it("f. rule a's global matcher catches real uses and ignores comments, strings, regexes and longer names", () => {
    const source = [
      "// fetch(url) in a comment, process.env too",
      "/** crypto.subtle in JSDoc */",
      'const s = "setTimeout(f) and Buffer.from in a string";',
      "const re = /caches\\.open\\(/;",
      // biome-ignore lint/suspicious/noTemplateCurlyInString: TypeScript source text holding a template literal.
      "const t = `caches.${'x'} in a template`;",
      "const ok = ArrayBuffer.isView(s) || deps.fetch(s) || x?.process.y;",
      "const bad = await fetch(s);",
      "const worse = globalThis.process.env.X;",
      "function f(db: D1Database) {}",
    ].join("\n");
    expect(platformGlobalUses("workers/extract/planted.ts", source)).toEqual([
      "workers/extract/planted.ts:7 uses fetch(",
      "workers/extract/planted.ts:8 uses process.",
      "workers/extract/planted.ts:9 uses D1Database",
    ]);
    // Line breaks survive the blanking, so the line numbers above are the source's.
    expect(codeOnly("x.ts", source).split("\n")).toHaveLength(9);
  });

  it("f. rule b reports workers/api/routes/planted.ts → workers/discover/index.ts, and nothing else", () => {
    const planted = plant(
      graph,
      "workers/api/routes/planted.ts",
      'import { discover } from "../../discover";\nexport const x = discover;\n',
    );
    expect(apiViolations(planted)).toEqual(["workers/api/routes/planted.ts → workers/discover/index.ts"]);
  });

  it("f. rule b follows imports transitively: extractor code behind a dataset module wired into a route is caught", () => {
    const planted = plant(graph, "workers/dataset/planted.ts", 'export { extractFacts } from "../extract/figures/facts";\n', [
      "workers/api/routes/metrics.ts",
    ]);
    expect(apiViolations(planted)).toEqual(["workers/dataset/planted.ts → workers/extract/figures/facts.ts"]);
  });

  it("f. rule b sees a parser pulled in through another package (domutils → domhandler)", () => {
    const planted = plant(
      graph,
      "workers/api/routes/planted.ts",
      'import { textContent } from "domutils";\nexport const t = textContent;\n',
    );
    expect(apiViolations(planted)).toEqual([
      "workers/api/routes/planted.ts → domutils → dom-serializer → domhandler",
      "workers/api/routes/planted.ts → domutils → domhandler",
    ]);
  });
});
