/**
 * /docs and /docs/problems: the OpenAPI document rendered as self-contained HTML on the server (no
 * script, no CDN, no fonts), so the pages read offline and cannot disagree with /openapi.json. Each
 * operation shows its parameters, its request body and every response with the schema and an
 * example (the schema's own `example`, else one assembled from its properties' examples).
 */
import { PROBLEMS, type ProblemKind } from "./errors";

/** A JSON Schema as the generator writes it (the parts the page reads). */
export interface JsonSchema {
  $ref?: string;
  type?: string | string[];
  format?: string;
  description?: string;
  enum?: unknown[];
  default?: unknown;
  example?: unknown;
  examples?: unknown[];
  pattern?: string;
  minimum?: number;
  maximum?: number;
  minLength?: number;
  maxLength?: number;
  properties?: Record<string, JsonSchema>;
  required?: string[];
  additionalProperties?: boolean | JsonSchema;
  items?: JsonSchema;
  anyOf?: JsonSchema[];
  oneOf?: JsonSchema[];
  allOf?: JsonSchema[];
}

interface Param {
  name: string;
  in: string;
  required?: boolean;
  description?: string;
  example?: unknown;
  schema?: JsonSchema;
}

interface Media {
  schema?: JsonSchema;
  example?: unknown;
}

interface Operation {
  operationId?: string;
  summary?: string;
  description?: string;
  tags?: string[];
  parameters?: Param[];
  requestBody?: { required?: boolean; content?: Record<string, Media> };
  responses?: Record<string, { description?: string; headers?: Record<string, { description?: string }>; content?: Record<string, Media> }>;
  security?: Record<string, string[]>[];
}

export interface DocsInput {
  info: { title: string; version?: string; description?: string };
  servers?: { url: string }[];
  tags?: { name: string; description?: string }[];
  paths?: Record<string, Record<string, Operation>>;
  components?: { schemas?: Record<string, JsonSchema> };
}

/** What /docs and /docs/problems may load: nothing but their own inline style. */
export const DOCS_CSP = "default-src 'none'; style-src 'unsafe-inline'; frame-ancestors 'none'; base-uri 'none'; form-action 'none'";

const esc = (s: unknown) =>
  String(s ?? "").replace(/[&<>"']/g, (ch) => ({ "&": "&amp;", "<": "&lt;", ">": "&gt;", '"': "&quot;", "'": "&#39;" })[ch] ?? ch);

const refName = (ref: string) => ref.split("/").pop() ?? ref;
const anchor = (name: string) => `schema-${name.replace(/[^A-Za-z0-9_-]/g, "-")}`;

/** A short type label: a linked component name, `array of …`, a union, or the JSON type with its format. */
export function typeLabel(s: JsonSchema | undefined): string {
  if (!s) return "";
  if (s.$ref) return `<a href="#${esc(anchor(refName(s.$ref)))}">${esc(refName(s.$ref))}</a>`;
  const union = s.anyOf ?? s.oneOf;
  if (union) return union.map(typeLabel).join(" | ");
  if (s.allOf) return s.allOf.map(typeLabel).join(" &amp; ");
  const types = Array.isArray(s.type) ? s.type : s.type ? [s.type] : [];
  return (
    types
      .map((t) => {
        if (t === "array") return `array of ${typeLabel(s.items) || "any"}`;
        if (t === "object" && !s.properties && s.additionalProperties && typeof s.additionalProperties === "object")
          return `map of ${typeLabel(s.additionalProperties)}`;
        return esc(s.format ? `${t} (${s.format})` : t);
      })
      .join(" | ") || "any"
  );
}

/** Constraints worth a reader's eye: enum, pattern, bounds, default. */
function constraints(s: JsonSchema | undefined): string {
  if (!s) return "";
  const parts: string[] = [];
  if (s.enum) parts.push(`one of ${s.enum.map((v) => String(v)).join(", ")}`);
  if (s.pattern) parts.push(`pattern ${s.pattern}`);
  if (s.minimum !== undefined || s.maximum !== undefined) parts.push(`${s.minimum ?? ""}–${s.maximum ?? ""}`);
  if (s.minLength !== undefined || s.maxLength !== undefined) parts.push(`length ${s.minLength ?? 0}–${s.maxLength ?? ""}`);
  if (s.default !== undefined) parts.push(`default ${JSON.stringify(s.default)}`);
  return parts.join("; ");
}

/** The object schema behind a schema: itself, or what its $ref names. */
function resolve(s: JsonSchema | undefined, doc: DocsInput): JsonSchema | undefined {
  return s?.$ref ? doc.components?.schemas?.[refName(s.$ref)] : s;
}

/** A property table of an object schema; inline nested objects get their own table below their row, to `depth`. */
function propertiesTable(s: JsonSchema, depth = 0): string {
  const required = new Set(s.required ?? []);
  const rows = Object.entries(s.properties ?? {}).map(([name, p]) => {
    const nested = inlineObject(p);
    const sub = nested && depth < 3 ? `<div class="nest">${propertiesTable(nested, depth + 1)}</div>` : "";
    return `<tr><td><code>${esc(name)}</code></td><td>${typeLabel(p)}</td><td>${required.has(name) ? "yes" : ""}</td><td>${esc(
      [p.description, constraints(p)].filter(Boolean).join(" — "),
    )}${sub}</td></tr>`;
  });
  if (!rows.length) return "";
  return `<table class="props"><tr><th>field</th><th>type</th><th>required</th><th>description</th></tr>${rows.join("")}</table>`;
}

/** An object schema written inline (not a $ref), possibly behind a nullable union or an array. */
function inlineObject(s: JsonSchema): JsonSchema | undefined {
  if (s.properties) return s;
  const alt = (s.anyOf ?? s.oneOf)?.find((a) => a.properties);
  if (alt) return alt;
  if (s.items?.properties) return s.items;
  return undefined;
}

/**
 * An example value for a schema: its own example, else one assembled from its parts (components'
 * examples for $refs, every property of an object, one item of an array), `depth` levels deep.
 */
export function exampleOf(s: JsonSchema | undefined, doc: DocsInput, depth = 0): unknown {
  if (!s || depth > 8) return null;
  if (s.example !== undefined) return s.example;
  if (s.examples?.length) return s.examples[0];
  if (s.$ref) return exampleOf(resolve(s, doc), doc, depth + 1);
  const union = s.anyOf ?? s.oneOf;
  if (union) return exampleOf(union.find((u) => u.type !== "null") ?? union[0], doc, depth + 1);
  if (s.allOf) return Object.assign({}, ...s.allOf.map((p) => exampleOf(p, doc, depth + 1)));
  if (s.default !== undefined) return s.default;
  if (s.enum?.length) return s.enum[0];
  const type = Array.isArray(s.type) ? s.type.find((t) => t !== "null") : s.type;
  switch (type) {
    case "object":
      if (s.properties) return Object.fromEntries(Object.entries(s.properties).map(([k, p]) => [k, exampleOf(p, doc, depth + 1)]));
      return {};
    case "array":
      return s.items ? [exampleOf(s.items, doc, depth + 1)] : [];
    case "string":
      return "string";
    case "integer":
    case "number":
      return s.minimum ?? 0;
    case "boolean":
      return true;
    default:
      return null;
  }
}

/** A media type's schema and example. */
function mediaHtml(type: string, m: Media, doc: DocsInput): string {
  const s = m.schema;
  const resolved = resolve(s, doc);
  const isJson = /json/.test(type);
  const table = s && !s.$ref && resolved?.properties ? propertiesTable(resolved) : "";
  const example = isJson ? exampleOf(m.example !== undefined ? { example: m.example } : s, doc) : undefined;
  return `<div class="media"><p><code>${esc(type)}</code>: ${typeLabel(s)}</p>${table}${
    isJson ? `<details><summary>example</summary><pre>${esc(JSON.stringify(example, null, 2))}</pre></details>` : ""
  }</div>`;
}

function operationHtml(path: string, method: string, op: Operation, doc: DocsInput): string {
  const params = (op.parameters ?? [])
    .map(
      (p) =>
        `<tr><td><code>${esc(p.name)}</code></td><td>${esc(p.in)}</td><td>${p.required ? "yes" : ""}</td><td>${typeLabel(p.schema)}${
          constraints(p.schema) ? `; ${esc(constraints(p.schema))}` : ""
        }</td><td>${esc(p.description)}${p.example !== undefined || p.schema?.example !== undefined ? ` <span class="ex">e.g. <code>${esc(p.example ?? p.schema?.example)}</code></span>` : ""}</td></tr>`,
    )
    .join("");
  const body = op.requestBody?.content
    ? `<h3>Request body${op.requestBody.required ? " (required)" : ""}</h3>${Object.entries(op.requestBody.content)
        .map(([type, m]) => mediaHtml(type, m, doc))
        .join("")}`
    : "";
  const responses = Object.entries(op.responses ?? {})
    .map(([code, r]) => {
      const headers = Object.entries(r.headers ?? {})
        .map(([h, v]) => `<code>${esc(h)}</code>: ${esc(v.description)}`)
        .join("; ");
      const content = Object.entries(r.content ?? {})
        .map(([type, m]) => mediaHtml(type, m, doc))
        .join("");
      return `<li><b>${esc(code)}</b> ${esc(r.description)}${headers ? ` <span class="hd">(headers: ${headers})</span>` : ""}${content}</li>`;
    })
    .join("");
  const admin = op.security?.some((s) => Object.keys(s).length > 0);
  return `<section id="${esc(op.operationId ?? `${method}-${path}`)}"><h2><span class="m">${esc(method.toUpperCase())}</span> <code>${esc(path)}</code>${
    admin ? ' <span class="auth">bearer token</span>' : ""
  }</h2>
<p>${esc(op.summary)}</p>${op.description ? `<p class="d">${esc(op.description)}</p>` : ""}<p class="opid">operationId <code>${esc(op.operationId)}</code></p>${
    params
      ? `<h3>Parameters</h3><table><tr><th>parameter</th><th>in</th><th>required</th><th>schema</th><th>description</th></tr>${params}</table>`
      : ""
  }${body}<h3>Responses</h3><ul class="resp">${responses}</ul></section>`;
}

const STYLE = `body{font:15px/1.5 system-ui,sans-serif;max-width:64rem;margin:2rem auto;padding:0 1rem;color:#222}section{border-top:1px solid #ddd;padding:.5rem 0}
h2{font-size:1.05rem}h3{font-size:.95rem;margin:.8rem 0 .3rem}.m{background:#234;color:#fff;padding:.1rem .4rem;border-radius:3px;font-size:.85rem}.auth{color:#a40;font-size:.8rem}
.opid,.hd,.ex{color:#555;font-size:.85rem}table{border-collapse:collapse;font-size:.9rem;margin:.3rem 0}td,th{border:1px solid #ddd;padding:.2rem .4rem;text-align:left;vertical-align:top}
code{font-size:.9em}pre{background:#f6f7f9;border:1px solid #e2e4e8;padding:.5rem;overflow:auto;font-size:.8rem;max-height:28rem}.nest{margin:.3rem 0 0 .5rem}
.resp>li{margin:.4rem 0}.media{margin:.2rem 0 .2rem .5rem}nav ul{columns:2}`;

function page(title: string, body: string): string {
  return `<!doctype html><html lang="en"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width,initial-scale=1"><title>${esc(title)}</title>
<style>${STYLE}</style></head><body>${body}</body></html>`;
}

/** The HTML page for an OpenAPI document: operations by tag, then every component schema. */
export function renderDocs(doc: DocsInput): string {
  const ops = Object.entries(doc.paths ?? {}).flatMap(([path, methods]) =>
    Object.entries(methods).map(([method, op]) => ({ path, method, op })),
  );
  const tagNames = [...(doc.tags ?? []).map((t) => t.name), ...ops.flatMap((o) => o.op.tags ?? [])].filter(
    (t, i, all) => all.indexOf(t) === i,
  );
  const groups = tagNames
    .map((tag) => ({
      tag,
      about: doc.tags?.find((t) => t.name === tag)?.description,
      ops: ops.filter((o) => (o.op.tags ?? [])[0] === tag),
    }))
    .filter((g) => g.ops.length);
  const untagged = ops.filter((o) => !o.op.tags?.length);
  if (untagged.length) groups.push({ tag: "other", about: undefined, ops: untagged });
  const toc = groups
    .map(
      (g) =>
        `<li><a href="#tag-${esc(g.tag)}">${esc(g.tag)}</a>: ${g.ops.map((o) => `<a href="#${esc(o.op.operationId ?? "")}">${esc(o.op.operationId ?? o.path)}</a>`).join(", ")}</li>`,
    )
    .join("");
  const sections = groups
    .map(
      (g) =>
        `<h2 id="tag-${esc(g.tag)}" class="tag">${esc(g.tag)}</h2>${g.about ? `<p>${esc(g.about)}</p>` : ""}${g.ops.map((o) => operationHtml(o.path, o.method, o.op, doc)).join("\n")}`,
    )
    .join("\n");
  const schemas = Object.entries(doc.components?.schemas ?? {})
    .map(
      ([name, s]) =>
        `<section id="${esc(anchor(name))}"><h3>${esc(name)}</h3>${s.description ? `<p>${esc(s.description)}</p>` : ""}${
          s.properties ? propertiesTable(s) : `<p>${typeLabel(s)}</p>`
        }<details><summary>example</summary><pre>${esc(JSON.stringify(exampleOf(s, doc), null, 2))}</pre></details></section>`,
    )
    .join("\n");
  const server = doc.servers?.[0]?.url ?? "";
  return page(
    doc.info.title,
    `<h1>${esc(doc.info.title)} <small>${esc(doc.info.version)}</small></h1><p>${esc(doc.info.description)}</p>
<p>Server: <code>${esc(server)}</code>. Machine-readable: <a href="/openapi.json">/openapi.json</a> (OpenAPI 3.1). Errors are RFC 9457 problem details
(<code>application/problem+json</code>: <code>{"type","title","status","detail","instance","issues"?:[{"param","message"}]}</code>); the kinds: <a href="/docs/problems">/docs/problems</a>.</p>
<nav><ul>${toc}<li><a href="#schemas">schemas</a></li></ul></nav>
${sections}
<h2 id="schemas">Schemas</h2>${schemas}`,
  );
}

/** /docs/problems: one section per kind of problem, the target of every problem's `type`. */
export function renderProblems(origin: string): string {
  const sections = (Object.entries(PROBLEMS) as [ProblemKind, (typeof PROBLEMS)[ProblemKind]][])
    .map(
      ([kind, p]) =>
        `<section id="${esc(kind)}"><h2><code>${esc(kind)}</code> — ${esc(p.status)} ${esc(p.title)}</h2><p>${esc(p.about)}</p>
<p class="opid"><code>type</code>: <code>${esc(`${origin}/docs/problems#${kind}`)}</code>; the old envelope's <code>code</code>: <code>${esc(p.oldCode)}</code></p></section>`,
    )
    .join("\n");
  return page(
    "newsfacts API — problems",
    `<h1>Problems</h1><p>Every error answer of the <a href="/docs">newsfacts API</a> is an RFC 9457 problem details object sent as
<code>application/problem+json</code>: <code>type</code> (a link to a section of this page), <code>title</code> (the kind's title),
<code>status</code> (the HTTP status), <code>detail</code> (what went wrong with this request) and <code>instance</code> (the request's path and
query). Invalid-parameters problems add <code>issues</code>: <code>[{"param","message"}]</code>, one per offending parameter. A status with no
kind below gets <code>type</code> <code>about:blank</code> and its HTTP reason phrase as title.</p>
${sections}`,
  );
}
