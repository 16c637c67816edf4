/**
 * Admin routes need the bearer token (401 problems with a WWW-Authenticate challenge); the OpenAPI
 * document lists every route with an operationId, summary, tags, security and its 4xx answers, is
 * served with CORS and an ETag, and /docs renders it offline with schemas and examples.
 */
import { exports } from "cloudflare:workers";
import { describe, expect, it } from "vitest";
import { extraction, fact, writeTestArticle } from "../dataset/fixtures";
import { countRows } from "../helpers";
import { testEnv as env } from "../test-env";
import { get, ORIGIN, readProblem } from "./api-client";

const TOKEN = "test-admin-token";

function admin(method: string, path: string, body?: unknown, token: string | null = TOKEN): Promise<Response> {
  const headers: Record<string, string> = { "content-type": "application/json" };
  if (token !== null) headers.authorization = `Bearer ${token}`;
  return exports.default.fetch(`${ORIGIN}${path}`, { method, headers, body: body === undefined ? undefined : JSON.stringify(body) });
}

describe("admin", () => {
  it.each([null, "wrong-token", `${TOKEN}x`])("refuses token %s with a 401 problem and a bearer challenge", async (token) => {
    const res = await admin("POST", "/v1/admin/rebuild", undefined, token);
    expect(res.status).toBe(401);
    expect(res.headers.get("www-authenticate")).toBe(
      token === null ? 'Bearer realm="newsfacts-admin"' : 'Bearer realm="newsfacts-admin", error="invalid_token"',
    );
    const body = await readProblem(res, "unauthorized", "/v1/admin/rebuild");
    expect(body.detail).not.toContain(TOKEN);
  });

  it.each(["Basic dGVzdC1hZG1pbi10b2tlbg==", "Bearer", "Bearer ", TOKEN, "Bearer a b"])(
    "treats Authorization %j (not a bearer token) as no credentials: 401 with the bare challenge",
    async (authorization) => {
      const res = await exports.default.fetch(`${ORIGIN}/v1/admin/rebuild`, { method: "POST", headers: { authorization } });
      expect(res.status).toBe(401);
      expect(res.headers.get("www-authenticate")).toBe('Bearer realm="newsfacts-admin"');
      await readProblem(res, "unauthorized", "/v1/admin/rebuild");
    },
  );

  it("adds a source, refuses a duplicate, validates the body and disables it", async () => {
    const src = { id: "vneconomy-rss", name: "VnEconomy", kind: "rss", url: "https://vneconomy.vn/rss/home.rss", lang: "vi" };
    const added = await admin("POST", "/v1/admin/sources", src);
    expect(added.status).toBe(201);
    expect(await added.json()).toMatchObject({ ...src, active: true });
    const duplicate = await admin("POST", "/v1/admin/sources", src);
    expect(duplicate.status).toBe(409);
    expect((await readProblem(duplicate, "conflict", "/v1/admin/sources")).detail).toContain("vneconomy-rss");
    const bad = await admin("POST", "/v1/admin/sources", { ...src, id: "x2", url: "ftp://example.org/feed" });
    expect(bad.status).toBe(400);
    expect((await readProblem(bad, "invalid-parameters", "/v1/admin/sources")).issues?.map((i) => i.param)).toContain("url");
    const off = await admin("PATCH", "/v1/admin/sources/vneconomy-rss", { active: false });
    expect(off.status).toBe(200);
    expect(await countRows("sources", "id = 'vneconomy-rss' AND active = 0")).toBe(1);
    const missing = await admin("PATCH", "/v1/admin/sources/nope", { active: false });
    expect(missing.status).toBe(404);
    expect((await readProblem(missing, "not-found", "/v1/admin/sources/nope")).detail).toContain("nope");
  });

  it("refuses a body over 16 KiB with a 413 problem, and a body that is not JSON with a 400 problem", async () => {
    const big = await admin("POST", "/v1/admin/sources", { id: "big", name: "x".repeat(17 * 1024), kind: "rss", url: "https://a.test/" });
    expect(big.status).toBe(413);
    await readProblem(big, "payload-too-large", "/v1/admin/sources");
    expect(await countRows("sources", "id = 'big'")).toBe(0);
    const broken = await exports.default.fetch(`${ORIGIN}/v1/admin/sources`, {
      method: "POST",
      headers: { authorization: `Bearer ${TOKEN}`, "content-type": "application/json" },
      body: "{not json",
    });
    expect(broken.status).toBe(400);
    expect((await readProblem(broken, "invalid-parameters", "/v1/admin/sources")).issues?.length).toBeGreaterThan(0);
  });

  it("answers a wrong method on an admin path with 405 and the methods it has", async () => {
    const res = await admin("GET", "/v1/admin/rebuild");
    expect(res.status).toBe(405);
    expect(res.headers.get("allow")).toBe("POST, OPTIONS");
    expect((await readProblem(res, "method-not-allowed", "/v1/admin/rebuild")).detail).toContain("GET");
  });

  it("rebuilds the observations from the facts and bumps the version", async () => {
    await writeTestArticle(extraction({ facts: [fact({ metric: "exports", value: 5, geo: "admin-geo" })] }));
    await env.DB.exec("DELETE FROM observations");
    const before = await env.DB.prepare("SELECT value FROM dataset_meta WHERE key = 'version'").first<{ value: string }>();
    const res = await admin("POST", "/v1/admin/rebuild");
    expect(res.status).toBe(200);
    const body = (await res.json()) as { observations: number; version: string };
    expect(body.observations).toBe(await countRows("observations"));
    expect(body.observations).toBeGreaterThan(0);
    expect(Number(body.version)).toBe(Number(before?.value) + 1);
  });

  it("hands re-extraction to the pipeline and says how many articles it covers", async () => {
    const extracted = await countRows("articles", "status = 'extracted'");
    const res = await admin("POST", "/v1/admin/reextract");
    expect(res.status).toBe(202);
    expect(await res.json()).toEqual({ accepted: true, articles: extracted, from: "archive" });
  });

  it("starts a crawl in the background", async () => {
    const res = await admin("POST", "/v1/admin/crawl");
    expect(res.status).toBe(202);
  });
});

describe("API documentation", () => {
  const ROUTES = [
    "/v1/summary",
    "/v1/metrics",
    "/v1/metrics/{id}/series",
    "/v1/metrics/{id}/breakdown",
    "/v1/metrics/{id}/plan",
    "/v1/observations",
    "/v1/facts",
    "/v1/people",
    "/v1/people/{id}",
    "/v1/people/{id}/articles",
    "/v1/people/{id}/quotes",
    "/v1/events",
    "/v1/articles",
    "/v1/articles/{id}",
    "/v1/export/observations.csv",
    "/v1/export/facts.ndjson",
    "/v1/admin/sources",
    "/v1/admin/sources/{id}",
    "/v1/admin/crawl",
    "/v1/admin/reextract",
    "/v1/admin/rebuild",
  ];

  it("lists every route in the OpenAPI 3.1 document, with parameters and the admin security scheme", async () => {
    const doc = (await (await get("/openapi.json")).json()) as {
      openapi: string;
      paths: Record<string, Record<string, { parameters?: { name: string }[] }>>;
      components: { securitySchemes: Record<string, unknown> };
    };
    expect(doc.openapi).toBe("3.1.0");
    for (const r of ROUTES) expect(Object.keys(doc.paths)).toContain(r);
    expect(doc.paths["/v1/observations"].get.parameters?.map((p) => p.name)).toEqual(
      expect.arrayContaining(["metric", "geo", "from", "to", "status", "basis", "dimension", "member", "span", "limit", "cursor"]),
    );
    expect(doc.components.securitySchemes.adminToken).toMatchObject({ type: "http", scheme: "bearer" });
  });

  it("gives every operation an operationId, a summary, a declared tag, its security and its 4xx answers as problems", async () => {
    const doc = (await (await get("/openapi.json")).json()) as {
      servers: { url: string }[];
      info: { license?: { name: string; url?: string } };
      tags: { name: string; description: string }[];
      paths: Record<
        string,
        Record<
          string,
          {
            operationId?: string;
            summary?: string;
            tags?: string[];
            security?: Record<string, string[]>[];
            parameters?: { in: string }[];
            requestBody?: unknown;
            responses: Record<string, { content?: Record<string, { schema: { $ref?: string } }>; headers?: Record<string, unknown> }>;
          }
        >
      >;
    };
    expect(doc.servers).toEqual([{ url: ORIGIN, description: expect.any(String) }]);
    expect(doc.info.license).toMatchObject({ name: expect.any(String), url: expect.stringMatching(/^https:\/\//) });
    const tags = new Set(doc.tags.map((t) => t.name));
    for (const t of doc.tags) expect(t.description, t.name).not.toBe("");
    const ids: string[] = [];
    for (const [path, methods] of Object.entries(doc.paths))
      for (const [method, op] of Object.entries(methods)) {
        const what = `${method} ${path}`;
        expect(op.operationId, what).toMatch(/^[a-z][A-Za-z]+$/);
        ids.push(op.operationId ?? "");
        expect(op.summary, what).toBeTruthy();
        expect(op.tags?.length, what).toBeGreaterThan(0);
        for (const t of op.tags ?? []) expect(tags, `${what} tag ${t}`).toContain(t);
        const codes = Object.keys(op.responses);
        if (path.startsWith("/v1/admin/")) {
          expect(op.security, what).toEqual([{ adminToken: [] }]);
          expect(codes, what).toContain("401");
          expect(op.responses["401"].headers, what).toHaveProperty("WWW-Authenticate");
        } else {
          expect(op.security, what).toEqual([]);
          expect(codes, what).toContain("429");
          expect(op.responses["429"].headers, what).toHaveProperty("Retry-After");
        }
        if (op.parameters?.length || op.requestBody) expect(codes, what).toContain("400");
        if (op.parameters?.some((p) => p.in === "path")) expect(codes, what).toContain("404");
        for (const code of codes.filter((c) => c >= "400"))
          expect(op.responses[code].content?.["application/problem+json"]?.schema.$ref, `${what} ${code}`).toBe(
            "#/components/schemas/Problem",
          );
      }
    expect(new Set(ids).size).toBe(ids.length);
  });

  it("serves /openapi.json to any origin, cacheable, with an ETag that answers If-None-Match with 304", async () => {
    const res = await get("/openapi.json", { origin: "https://elsewhere.example" });
    expect(res.status).toBe(200);
    expect(res.headers.get("content-type")).toMatch(/^application\/json/);
    expect(res.headers.get("access-control-allow-origin")).toBe("*");
    expect(res.headers.get("cache-control")).toMatch(/^public, max-age=\d+$/);
    const etag = res.headers.get("etag") ?? "";
    expect(etag).toMatch(/^"[A-Za-z0-9_-]{22}"$/);
    const body = await res.text();
    const again = await get("/openapi.json");
    expect(again.headers.get("etag")).toBe(etag);
    expect(await again.text()).toBe(body);
    const revalidated = await get("/openapi.json", { "if-none-match": etag });
    expect(revalidated.status).toBe(304);
    expect(await revalidated.text()).toBe("");
    // Another origin is another document (its servers), so another ETag.
    const other = await exports.default.fetch("http://other.test/openapi.json");
    expect(((await other.json()) as { servers: { url: string }[] }).servers[0].url).toBe("http://other.test");
    expect(other.headers.get("etag")).not.toBe(etag);
  });

  it("renders /docs as a self-contained HTML page naming every route, under a CSP that loads nothing", async () => {
    const res = await get("/docs");
    expect(res.headers.get("content-type")).toMatch(/text\/html/);
    expect(res.headers.get("content-security-policy")).toMatch(/^default-src 'none'; style-src 'unsafe-inline'/);
    const html = await res.text();
    for (const r of ROUTES) expect(html).toContain(`<code>${r}</code>`);
    expect(html).not.toMatch(/<script|https?:\/\/cdn|<link|<img|@import/i);
  });

  it("shows request and response schemas with examples in /docs", async () => {
    const html = await (await get("/docs")).text();
    const section = (id: string) => {
      const start = html.indexOf(`<section id="${id}">`);
      expect(start, id).toBeGreaterThan(-1);
      return html.slice(start, html.indexOf("</section>", start));
    };
    // A request body: its schema's fields and an example to send.
    const add = section("addSource");
    expect(add).toContain("Request body");
    expect(add).toContain('<a href="#schema-NewSource">NewSource</a>');
    expect(add).toContain("&quot;kind&quot;: &quot;rss&quot;");
    // A response: the page of facts, its fields and an example built from the Fact example.
    const facts = section("listFacts");
    expect(facts).toContain('<a href="#schema-Fact">Fact</a>');
    expect(facts).toContain("<code>next_cursor</code>");
    expect(facts).toContain("&quot;sentence&quot;:");
    expect(facts).toContain("&quot;metric&quot;: &quot;fdi_registered&quot;");
    // Error answers as problems, and every component schema with its fields.
    expect(facts).toContain('<code>application/problem+json</code>: <a href="#schema-Problem">Problem</a>');
    for (const name of ["Observation", "Fact", "Problem", "NewSource"]) expect(html).toContain(`<section id="schema-${name}">`);
    expect(section("schema-Observation")).toContain("<code>sources</code>");
  });

  it("explains each kind of problem at /docs/problems, where every problem's type points", async () => {
    const res = await get("/docs/problems");
    expect(res.headers.get("content-security-policy")).toMatch(/^default-src 'none'/);
    const html = await res.text();
    for (const kind of [
      "invalid-parameters",
      "unauthorized",
      "not-found",
      "method-not-allowed",
      "conflict",
      "payload-too-large",
      "rate-limited",
      "internal",
    ])
      expect(html).toContain(`<section id="${kind}">`);
  });
});
