/**
 * /docs: the OpenAPI document rendered as one self-contained HTML page on the server (no script,
 * no CDN), so it reads offline and can never disagree with /openapi.json.
 */
import type { Router } from "../app-type";

export const OPENAPI_CONFIG = {
  openapi: "3.1.0",
  info: { title: "newsfacts API", version: "1.0.0", description: "Facts from Hanoi's news, with their sources." },
} as const;

const esc = (s: unknown) =>
  String(s ?? "").replace(/[&<>"']/g, (ch) => ({ "&": "&amp;", "<": "&lt;", ">": "&gt;", '"': "&quot;", "'": "&#39;" })[ch] ?? ch);

interface Param {
  name: string;
  in: string;
  required?: boolean;
  description?: string;
  schema?: { type?: string; pattern?: string; enum?: unknown[]; default?: unknown; minimum?: number; maximum?: number };
}
interface Operation {
  summary?: string;
  tags?: string[];
  parameters?: Param[];
  requestBody?: { content?: Record<string, { schema?: { $ref?: string } }> };
  responses?: Record<string, { description?: string }>;
  security?: unknown[];
}

function schemaHint(s: Param["schema"]): string {
  if (!s) return "";
  const parts = [s.type ?? ""];
  if (s.enum) parts.push(`one of ${s.enum.join(", ")}`);
  if (s.pattern) parts.push(`pattern ${s.pattern}`);
  if (s.minimum !== undefined || s.maximum !== undefined) parts.push(`${s.minimum ?? ""}–${s.maximum ?? ""}`);
  if (s.default !== undefined) parts.push(`default ${String(s.default)}`);
  return parts.filter(Boolean).join("; ");
}

/** The HTML page for an OpenAPI document's paths. */
export function renderDocs(doc: {
  info: { title: string; description?: string };
  paths?: Record<string, Record<string, Operation>>;
}): string {
  const sections = Object.entries(doc.paths ?? {}).flatMap(([path, ops]) =>
    Object.entries(ops).map(([method, op]) => {
      const params = (op.parameters ?? [])
        .map(
          (p) =>
            `<tr><td><code>${esc(p.name)}</code></td><td>${esc(p.in)}</td><td>${p.required ? "yes" : ""}</td><td>${esc(schemaHint(p.schema))}</td><td>${esc(p.description)}</td></tr>`,
        )
        .join("");
      const body = op.requestBody?.content?.["application/json"]?.schema?.$ref?.split("/").pop();
      const responses = Object.entries(op.responses ?? {})
        .map(([code, r]) => `<li><b>${esc(code)}</b> ${esc(r.description)}</li>`)
        .join("");
      return `<section id="${esc(`${method}-${path}`)}"><h2><span class="m">${esc(method.toUpperCase())}</span> <code>${esc(path)}</code>${op.security ? ' <span class="auth">bearer token</span>' : ""}</h2>
<p>${esc(op.summary)}</p>${params ? `<table><tr><th>parameter</th><th>in</th><th>required</th><th>schema</th><th>description</th></tr>${params}</table>` : ""}${body ? `<p>JSON body: <code>${esc(body)}</code> (see /openapi.json)</p>` : ""}<ul>${responses}</ul></section>`;
    }),
  );
  return `<!doctype html><html lang="en"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width,initial-scale=1"><title>${esc(doc.info.title)}</title>
<style>body{font:15px/1.5 system-ui,sans-serif;max-width:60rem;margin:2rem auto;padding:0 1rem;color:#222}section{border-top:1px solid #ddd;padding:.5rem 0}
h2{font-size:1.05rem}.m{background:#234;color:#fff;padding:.1rem .4rem;border-radius:3px;font-size:.85rem}.auth{color:#a40;font-size:.8rem}
table{border-collapse:collapse;font-size:.9rem}td,th{border:1px solid #ddd;padding:.2rem .4rem;text-align:left;vertical-align:top}code{font-size:.9em}</style></head>
<body><h1>${esc(doc.info.title)}</h1><p>${esc(doc.info.description)} Machine-readable: <a href="/openapi.json">/openapi.json</a> (OpenAPI 3.1). Errors are <code>{"error":{"code","message","issues":[{"param","message"}]}}</code>.</p>
${sections.join("\n")}</body></html>`;
}

export function registerDocs(app: Router): void {
  app.doc31("/openapi.json", OPENAPI_CONFIG);
  app.get("/docs", (c) => {
    const doc = app.getOpenAPI31Document(OPENAPI_CONFIG);
    return c.html(renderDocs(doc as unknown as Parameters<typeof renderDocs>[0]));
  });
}
