/** Admin routes need the bearer token; the OpenAPI document lists every route and /docs renders it offline. */
import { exports } from "cloudflare:workers";
import { describe, expect, it } from "vitest";
import { extraction, fact, writeTestArticle } from "../dataset/fixtures";
import { countRows } from "../helpers";
import { testEnv as env } from "../test-env";
import { get, ORIGIN } from "./api-client";

const TOKEN = "test-admin-token";

function admin(method: string, path: string, body?: unknown, token: string | null = TOKEN): Promise<Response> {
  const headers: Record<string, string> = { "content-type": "application/json" };
  if (token !== null) headers.authorization = `Bearer ${token}`;
  return exports.default.fetch(`${ORIGIN}${path}`, { method, headers, body: body === undefined ? undefined : JSON.stringify(body) });
}

describe("admin", () => {
  it.each([null, "wrong-token", `${TOKEN}x`])("refuses token %s with a 401 JSON error", async (token) => {
    const res = await admin("POST", "/v1/admin/rebuild", undefined, token);
    expect(res.status).toBe(401);
    expect(((await res.json()) as { error: { code: string } }).error.code).toBe("unauthorized");
  });

  it("adds a source, refuses a duplicate, validates the body and disables it", async () => {
    const src = { id: "vneconomy-rss", name: "VnEconomy", kind: "rss", url: "https://vneconomy.vn/rss/home.rss", lang: "vi" };
    const added = await admin("POST", "/v1/admin/sources", src);
    expect(added.status).toBe(201);
    expect(await added.json()).toMatchObject({ ...src, active: true });
    expect((await admin("POST", "/v1/admin/sources", src)).status).toBe(409);
    const bad = await admin("POST", "/v1/admin/sources", { ...src, id: "x2", url: "ftp://example.org/feed" });
    expect(bad.status).toBe(400);
    expect(((await bad.json()) as { error: { issues: { param: string }[] } }).error.issues.map((i) => i.param)).toContain("url");
    const off = await admin("PATCH", "/v1/admin/sources/vneconomy-rss", { active: false });
    expect(off.status).toBe(200);
    expect(await countRows("sources", "id = 'vneconomy-rss' AND active = 0")).toBe(1);
    expect((await admin("PATCH", "/v1/admin/sources/nope", { active: false })).status).toBe(404);
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

  it("renders /docs as a self-contained HTML page naming every route", async () => {
    const res = await get("/docs");
    expect(res.headers.get("content-type")).toMatch(/text\/html/);
    const html = await res.text();
    for (const r of ROUTES) expect(html).toContain(`<code>${r}</code>`);
    expect(html).not.toMatch(/<script|https?:\/\/cdn/i);
  });
});
