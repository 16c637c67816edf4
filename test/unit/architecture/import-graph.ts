/**
 * The import graph of workers/ and schema/, and the boundary rules checked on it (see boundaries.test.ts).
 *
 * A node is a repo file ("workers/api/worker.ts", "config/sources.json"), an npm package ("htmlparser2",
 * "@hono/zod-openapi") or a platform module ("node:fs", "cloudflare:workers"). File edges come from
 * `ts.preProcessFile` (imports, `export … from`, dynamic `import()`, `require()`; type-only imports count
 * too: preProcessFile does not tell them apart). Package edges come from each installed package's
 * `dependencies` and required `peerDependencies`, so "reaches a package" also sees one pulled in by another.
 *
 * Every checker takes the graph as input and returns violations as readable `from → to` strings
 * (through packages: `file → pkg → dependency`), so a test can plant a virtual module without touching disk.
 */
import { existsSync, readdirSync, readFileSync, statSync } from "node:fs";
import { isBuiltin } from "node:module";
import { join, posix } from "node:path";
import ts from "typescript";

export const ROOT = join(import.meta.dirname, "../../..");

export type NodeKind = "file" | "package" | "platform";

export interface Edge {
  specifier: string;
  /** The node the specifier resolves to; null for a relative specifier that matches no file. */
  to: string | null;
}

export interface ModuleNode {
  id: string;
  kind: NodeKind;
  /** The file's text ("" for packages, platform modules and JSON data). */
  source: string;
  imports: Edge[];
}

export type ImportGraph = Map<string, ModuleNode>;

/** The directories whose modules are the graph's starting points. */
export const SOURCE_DIRS = ["workers", "schema"];

const CODE_FILE = /\.m?ts$/;
const DECLARATION_FILE = /\.d\.m?ts$/;

/**
 * Builds the graph of every .ts/.mts module under workers/ and schema/ (declaration files excluded: they
 * are ambient types, never bundled; build.mjs is a Node build script, not Worker or browser code) and of
 * everything those modules reach.
 */
export function buildImportGraph(root = ROOT): ImportGraph {
  const graph: ImportGraph = new Map();
  for (const dir of SOURCE_DIRS) {
    for (const rel of readdirSync(join(root, dir), { recursive: true, encoding: "utf8" })) {
      const id = posix.join(dir, rel.split("\\").join("/"));
      if (CODE_FILE.test(id) && !DECLARATION_FILE.test(id) && statSync(join(root, id)).isFile()) {
        addFile(graph, id, readFileSync(join(root, id), "utf8"), root);
      }
    }
  }
  complete(graph, root);
  return graph;
}

/**
 * A copy of `graph` with a virtual module `id` holding `source` (its imports resolved against the graph and
 * the disk), optionally imported by existing modules too (`importedBy`), as if wired into the app.
 */
export function plant(graph: ImportGraph, id: string, source: string, importedBy: string[] = [], root = ROOT): ImportGraph {
  const copy: ImportGraph = new Map([...graph].map(([k, n]) => [k, { ...n, imports: [...n.imports] }]));
  addFile(copy, id, source, root);
  for (const parent of importedBy) {
    const node = copy.get(parent);
    if (!node) throw new Error(`plant: no module ${parent} in the graph`);
    node.imports.push({ specifier: `(planted) ${id}`, to: id });
  }
  complete(copy, root);
  return copy;
}

function addFile(graph: ImportGraph, id: string, source: string, root: string): void {
  if (id.endsWith(".json")) {
    graph.set(id, { id, kind: "file", source: "", imports: [] });
    return;
  }
  const specifiers = ts.preProcessFile(source, true, true).importedFiles.map((f) => f.fileName);
  const exists = (candidate: string) => graph.has(candidate) || isFileOnDisk(root, candidate);
  const imports = [...new Set(specifiers)].map((specifier) => ({ specifier, to: resolveSpecifier(id, specifier, exists) }));
  graph.set(id, { id, kind: "file", source, imports });
}

/** Adds a node for every edge target not in the graph yet: files outside workers/ and schema/, packages, platform modules. */
function complete(graph: ImportGraph, root: string): void {
  const pending = [...graph.values()];
  while (pending.length > 0) {
    const node = pending.pop() as ModuleNode;
    for (const { to } of node.imports) {
      if (to === null || graph.has(to)) continue;
      if (to.startsWith("node:") || to.startsWith("cloudflare:")) {
        graph.set(to, { id: to, kind: "platform", source: "", imports: [] });
      } else if (isFileOnDisk(root, to)) {
        addFile(graph, to, to.endsWith(".json") ? "" : readFileSync(join(root, to), "utf8"), root);
      } else {
        graph.set(to, { id: to, kind: "package", source: "", imports: packageDependencies(root, to) });
      }
      pending.push(graph.get(to) as ModuleNode);
    }
  }
}

function isFileOnDisk(root: string, id: string): boolean {
  const path = join(root, id);
  return existsSync(path) && statSync(path).isFile();
}

/**
 * Where a specifier in module `from` leads: a repo file (relative specifiers try the path itself, then
 * `.ts`, `.mts`, `/index.ts`, `.json`), a package name (for `pkg/sub/path` and `@scope/pkg/sub`), or a
 * platform module (`node:*`, `cloudflare:*`, and bare Node built-ins as `node:<name>`).
 */
export function resolveSpecifier(from: string, specifier: string, exists: (id: string) => boolean): string | null {
  if (specifier.startsWith("node:") || specifier.startsWith("cloudflare:")) return specifier;
  if (specifier.startsWith(".") || specifier.startsWith("/")) {
    const base = posix.normalize(posix.join(posix.dirname(from), specifier));
    const candidates = [base, `${base}.ts`, `${base}.mts`, `${base}/index.ts`, `${base}.json`];
    // TypeScript's ESM convention: "./x.js" names x.ts.
    if (base.endsWith(".js")) candidates.push(base.replace(/\.js$/, ".ts"));
    if (base.endsWith(".mjs")) candidates.push(base.replace(/\.mjs$/, ".mts"));
    return candidates.find((c) => /\.(m?ts|json)$/.test(c) && exists(c)) ?? null;
  }
  const parts = specifier.split("/");
  const name = specifier.startsWith("@") ? parts.slice(0, 2).join("/") : parts[0];
  if (isBuiltin(name)) return `node:${name}`;
  return name;
}

/** A package's runtime dependencies as edges: `dependencies` and required `peerDependencies` that are installed. */
function packageDependencies(root: string, name: string): Edge[] {
  const manifest = join(root, "node_modules", name, "package.json");
  if (!existsSync(manifest)) return [];
  const pkg = JSON.parse(readFileSync(manifest, "utf8")) as {
    dependencies?: Record<string, string>;
    peerDependencies?: Record<string, string>;
    peerDependenciesMeta?: Record<string, { optional?: boolean }>;
  };
  const peers = Object.keys(pkg.peerDependencies ?? {}).filter((p) => !pkg.peerDependenciesMeta?.[p]?.optional);
  return [...Object.keys(pkg.dependencies ?? {}), ...peers]
    .filter((dep) => existsSync(join(root, "node_modules", dep)) || existsSync(join(root, "node_modules", name, "node_modules", dep)))
    .map((dep) => ({ specifier: dep, to: dep }));
}

// ---------------------------------------------------------------------------------------------
// Walking the graph.

/** The file modules of the graph under a directory prefix such as "workers/api/". */
export function modulesUnder(graph: ImportGraph, prefix: string): string[] {
  return [...graph.values()]
    .filter((n) => n.kind === "file" && n.id.startsWith(prefix) && CODE_FILE.test(n.id))
    .map((n) => n.id)
    .sort();
}

/** Every node reachable from `roots` (the roots included), sorted. */
export function closure(graph: ImportGraph, roots: string[]): string[] {
  const seen = new Set<string>();
  const pending = [...roots];
  while (pending.length > 0) {
    const id = pending.pop() as string;
    if (seen.has(id)) continue;
    seen.add(id);
    for (const { to } of graph.get(id)?.imports ?? []) if (to !== null) pending.push(to);
  }
  return [...seen].sort();
}

/**
 * Walks from `roots` and reports every edge into a node `forbidden` accepts, as "from → to" (through
 * packages, from the last repo file: "file → pkg → dep"). It does not walk on from a forbidden node, so
 * each crossing is reported once, where it happens, not with everything behind it.
 */
export function forbiddenReaches(graph: ImportGraph, roots: string[], forbidden: (id: string) => boolean): string[] {
  const parent = new Map<string, string | null>();
  const pending: string[] = [];
  for (const r of roots) {
    if (!graph.has(r)) throw new Error(`no module ${r} in the graph`);
    parent.set(r, null);
    pending.push(r);
  }
  const violations = new Set<string>();
  while (pending.length > 0) {
    const id = pending.shift() as string;
    for (const { to } of (graph.get(id) as ModuleNode).imports) {
      if (to === null) continue; // reported by unresolvedImports()
      if (forbidden(to)) {
        violations.add([...chainFromFile(graph, parent, id), to].join(" → "));
      } else if (!parent.has(to)) {
        parent.set(to, id);
        pending.push(to);
      }
    }
  }
  return [...violations].sort();
}

/** The path to `id` back to the nearest repo file: [file, pkg, …, id]. */
function chainFromFile(graph: ImportGraph, parent: Map<string, string | null>, id: string): string[] {
  const chain = [id];
  let at = id;
  while (graph.get(at)?.kind !== "file") {
    const up = parent.get(at);
    if (up == null) break;
    chain.unshift(up);
    at = up;
  }
  return chain;
}

/** Relative specifiers that match no file: a boundary rule cannot see past them, so none may exist. */
export function unresolvedImports(graph: ImportGraph): string[] {
  return [...graph.values()]
    .flatMap((n) => n.imports.filter((e) => e.to === null).map((e) => `${n.id} → ${e.specifier} (no such file)`))
    .sort();
}

// ---------------------------------------------------------------------------------------------
// The rules.

const under = (id: string, ...prefixes: string[]) => prefixes.some((p) => id.startsWith(p));

export const EXTRACT = "workers/extract/";

/** Packages the extractor may import: pure libraries, no I/O and no platform APIs. */
export const EXTRACT_PACKAGES = ["htmlparser2"];

/**
 * Rule a: every module of workers/extract/ imports only workers/extract/ (code or JSON data), packages on
 * EXTRACT_PACKAGES, and no platform module. Checked edge by edge on every module, so it holds transitively.
 */
export function extractImportViolations(graph: ImportGraph): string[] {
  const violations: string[] = [];
  for (const id of modulesUnder(graph, EXTRACT)) {
    for (const { to } of (graph.get(id) as ModuleNode).imports) {
      if (to === null) continue;
      const target = graph.get(to) as ModuleNode;
      const ok = target.kind === "file" ? to.startsWith(EXTRACT) : target.kind === "package" && EXTRACT_PACKAGES.includes(to);
      if (!ok) violations.push(`${id} → ${to}`);
    }
  }
  return violations.sort();
}

/** Worker and Node globals the extractor must not touch, matched on code only (see codeOnly). */
export const PLATFORM_GLOBALS: Array<[name: string, pattern: RegExp]> = (
  [
    ["fetch(", /fetch\s*\(/],
    ["caches.", /caches\s*\./],
    ["process.", /process\s*\./],
    ["Buffer.", /Buffer\s*\./],
    ["D1Database", /D1Database\b/],
    ["R2Bucket", /R2Bucket\b/],
    ["crypto.subtle", /crypto\s*\.\s*subtle\b/],
    ["setTimeout(", /setTimeout\s*\(/],
    ["setInterval(", /setInterval\s*\(/],
  ] as Array<[string, RegExp]>
).map(([name, p]) => [
  name,
  // Not part of a longer name or a property of something else (`ArrayBuffer.isView`, `deps.fetch(`),
  // but `globalThis.fetch(` and `self.fetch(` are the global.
  new RegExp(String.raw`(?<![\w$.])(?:(?:globalThis|self)\s*\.\s*)?${p.source}`, "g"),
]);

/** Rule a, the source side: uses of PLATFORM_GLOBALS in workers/extract/ code, as "file:line uses name". */
export function extractGlobalViolations(graph: ImportGraph): string[] {
  return modulesUnder(graph, EXTRACT).flatMap((id) => platformGlobalUses(id, (graph.get(id) as ModuleNode).source));
}

export function platformGlobalUses(id: string, source: string): string[] {
  const code = codeOnly(id, source);
  const uses: string[] = [];
  for (const [name, pattern] of PLATFORM_GLOBALS) {
    for (const m of code.matchAll(pattern)) {
      const line = code.slice(0, m.index).split("\n").length;
      uses.push(`${id}:${line} uses ${name}`);
    }
  }
  return uses;
}

/**
 * The source with comments blanked out and the insides of string, template and regex literals blanked
 * (line breaks kept, so line numbers hold): what is left is code. Walks the tokens of TypeScript's own
 * parse, so a `//` inside a string or a quote inside a regex cannot fool it.
 */
export function codeOnly(fileName: string, source: string): string {
  const sf = ts.createSourceFile(fileName, source, ts.ScriptTarget.Latest, true, ts.ScriptKind.TS);
  const out = source.split("");
  const blank = (from: number, to: number) => {
    for (let i = from; i < to; i++) if (out[i] !== "\n" && out[i] !== "\r") out[i] = " ";
  };
  const literal = new Set([
    ts.SyntaxKind.StringLiteral,
    ts.SyntaxKind.NoSubstitutionTemplateLiteral,
    ts.SyntaxKind.TemplateHead,
    ts.SyntaxKind.TemplateMiddle,
    ts.SyntaxKind.TemplateTail,
    ts.SyntaxKind.RegularExpressionLiteral,
  ]);
  const visit = (node: ts.Node) => {
    // JSDoc nodes sit in the trivia of the token after them, which is blanked below.
    if (node.kind >= ts.SyntaxKind.FirstJSDocNode && node.kind <= ts.SyntaxKind.LastJSDocNode) return;
    const children = node.getChildren(sf);
    if (children.length > 0) {
      for (const child of children) visit(child);
      return;
    }
    const start = node.getStart(sf);
    blank(node.getFullStart(), start); // leading trivia: whitespace and comments
    if (literal.has(node.kind)) blank(start + 1, node.end - 1);
  };
  visit(sf);
  return out.join("");
}

/** Rule b: what the API Worker must never reach. */
export const API_ENTRY = "workers/api/worker.ts";
/**
 * The one module of workers/extract/ the API may reach: the metric catalog, a JSON data file that
 * workers/dataset/metrics.ts reads for metric labels and units. It is data, not extractor code.
 */
export const METRIC_CATALOG = "workers/extract/figures/metrics.json";
export const API_FORBIDDEN_DIRS = ["workers/discover/", "workers/ingest/", "workers/pipeline/", EXTRACT];
export const PARSER_PACKAGES = ["htmlparser2", "fast-xml-parser", "domhandler", "linkedom"];

/** Rule b, from worker.ts and from every module under workers/api/ (so a route not wired in yet is held to it too). */
export function apiViolations(graph: ImportGraph): string[] {
  const roots = [API_ENTRY, ...modulesUnder(graph, "workers/api/")];
  return forbiddenReaches(
    graph,
    [...new Set(roots)],
    (id) => (id !== METRIC_CATALOG && under(id, ...API_FORBIDDEN_DIRS)) || PARSER_PACKAGES.includes(id),
  );
}

/** Rule c: discovery never reaches the extractor or ingestion. */
export function discoverViolations(graph: ImportGraph): string[] {
  return forbiddenReaches(graph, modulesUnder(graph, "workers/discover/"), (id) => under(id, EXTRACT, "workers/ingest/"));
}

/** Rule d, server side: widget code reaches no API or server module. */
export const WIDGET_FORBIDDEN_DIRS = [
  "workers/api/",
  "workers/db/",
  "workers/dataset/",
  "workers/ingest/",
  "workers/discover/",
  "workers/pipeline/",
  "workers/archive/",
  "workers/net/",
];

export function widgetViolations(graph: ImportGraph): string[] {
  return forbiddenReaches(graph, modulesUnder(graph, "workers/widget/"), (id) => under(id, ...WIDGET_FORBIDDEN_DIRS));
}

/** Rule d, browser side: the widget script reaches workers/widget/ and these pure shared modules, nothing else. */
export const BROWSER_ENTRY = "workers/widget/client/widget.mts";
export const BROWSER_SHARED = ["schema/spans.ts"];
/** Named explicitly, though the allow-list already keeps them out. */
export const BROWSER_FORBIDDEN = ["workers/api/", "workers/db/", "workers/dataset/", "hono", "drizzle-orm", "@hono/"];

export function browserViolations(graph: ImportGraph): string[] {
  return forbiddenReaches(graph, [BROWSER_ENTRY], (id) => !(under(id, "workers/widget/") || BROWSER_SHARED.includes(id)));
}

/** The named server modules and packages in the widget script's closure (expected: none). */
export function browserForbiddenReached(graph: ImportGraph): string[] {
  return closure(graph, [BROWSER_ENTRY]).filter((id) =>
    BROWSER_FORBIDDEN.some((f) => (f.endsWith("/") ? id.startsWith(f) : id === f || id.startsWith(`${f}/`))),
  );
}

/** Rule e: the shared schema reaches nothing in workers/. */
export function schemaViolations(graph: ImportGraph): string[] {
  return forbiddenReaches(graph, modulesUnder(graph, "schema/"), (id) => id.startsWith("workers/"));
}

/** Where raw SQL may be written: one module per table under workers/db/, each saying why it is not Drizzle. */
export const RAW_SQL_HOME = "workers/db/";
/** Calls that hand SQL text to D1 directly: prepare(), a D1 binding's exec(), and drizzle's sql.raw(). */
const RAW_SQL_CALLS = /\.prepare\s*\(|\b(?:d1|DB)\.exec\s*\(|\bsql\.raw\s*\(/g;

/** Rule g: raw SQL outside workers/db/, as "file:line". Drizzle's query builder (and its sql`` fragments) is not raw SQL. */
export function rawSqlViolations(graph: ImportGraph): string[] {
  const out: string[] = [];
  for (const id of [...modulesUnder(graph, "workers/"), ...modulesUnder(graph, "schema/")]) {
    if (id.startsWith(RAW_SQL_HOME)) continue;
    const code = codeOnly(id, (graph.get(id) as ModuleNode).source);
    for (const m of code.matchAll(RAW_SQL_CALLS)) out.push(`${id}:${code.slice(0, m.index).split("\n").length}`);
  }
  return out;
}
