/**
 * API abuse, against the Worker's own fetch handler: every operation /openapi.json lists (so routes
 * added later are covered without touching this file) is fed hostile parameters — a fixed corpus
 * (SQL metacharacters, huge and negative numbers, unicode, control characters, repeated and
 * missing parameters) and then fast-check's random strings. No answer may be a 5xx, and every
 * 4xx must be a problem (RFC 9457, application/problem+json).
 */
import { exports } from "cloudflare:workers";
import fc from "fast-check";
import { beforeAll, describe, expect, it } from "vitest";
import { deliver, insertArticle } from "../ingest/consumer-harness";

interface Param {
  name: string;
  in: "query" | "path" | "header" | "cookie";
}

interface Operation {
  method: string;
  path: string;
  params: Param[];
}

const BASE = "http://api.test";

const HOSTILE = [
  "",
  "'",
  '"',
  "' OR '1'='1",
  "1; DROP TABLE facts; --",
  "1 UNION SELECT * FROM sqlite_master",
  "%",
  "%zz",
  "%00",
  "\u0000",
  "\r\nX-Injected: 1",
  "../../../../etc/passwd",
  "<script>alert(1)</script>",
  "Hà Nội — Thủ đô 🇻🇳",
  "\u202e\u0301\ufeff",
  "-1",
  "0",
  "1.5",
  "1e309",
  "-1e309",
  "NaN",
  "Infinity",
  "9007199254740993",
  "-9007199254740993",
  "99999999999999999999999999999999",
  "0x10",
  "[]",
  "{}",
  "null",
  "true",
  "x".repeat(5000),
];

let operations: Operation[] = [];

async function call(method: string, url: string, init: RequestInit = {}): Promise<Response> {
  return exports.default.fetch(new Request(url, { method, ...init }));
}

/** Whether an answer is a problem: problem+json with the five members, its status the HTTP status. */
function isProblem(res: Response, body: string): boolean {
  if (!/^application\/problem\+json/.test(res.headers.get("content-type") ?? "")) return false;
  const p = JSON.parse(body) as Record<string, unknown>;
  return (
    typeof p.type === "string" &&
    p.type.startsWith(`${BASE}/docs/problems#`) &&
    typeof p.title === "string" &&
    p.status === res.status &&
    typeof p.detail === "string" &&
    typeof p.instance === "string"
  );
}

/** Asserts the promise every endpoint makes: no 5xx, and a 4xx is a problem. */
async function expectWellBehaved(res: Response, what: string): Promise<void> {
  const body = await res.text();
  expect(res.status, `${what} → ${res.status} ${body.slice(0, 200)}`).toBeLessThan(500);
  if (res.status >= 400) {
    expect(res.headers.get("content-type"), what).toMatch(/^application\/problem\+json/);
    expect(isProblem(res, body), `${what} → ${body.slice(0, 300)}`).toBe(true);
  }
}

function urlFor(op: Operation, values: Record<string, string>, extraQuery = ""): string {
  let path = op.path;
  for (const p of op.params.filter((p) => p.in === "path")) path = path.replace(`{${p.name}}`, encodeURIComponent(values[p.name] ?? "1"));
  const q = new URLSearchParams();
  for (const p of op.params.filter((p) => p.in === "query")) if (p.name in values) q.append(p.name, values[p.name]);
  const qs = q.toString() + extraQuery;
  return `${BASE}${path}${qs ? `?${qs}` : ""}`;
}

beforeAll(async () => {
  // Real rows, so list and detail routes run their queries over data.
  for (const path of ["/faults/new-home.html", "/faults/gone-404.html", "/faults/report.pdf"]) await deliver([await insertArticle(path)]);
  const doc = (await (await call("GET", `${BASE}/openapi.json`)).json()) as {
    paths: Record<string, Record<string, { parameters?: Param[] }>>;
  };
  for (const [path, methods] of Object.entries(doc.paths))
    for (const [method, op] of Object.entries(methods))
      operations.push({
        method: method.toUpperCase(),
        path,
        params: (op.parameters ?? []).filter((p) => p.in === "query" || p.in === "path"),
      });
  operations = operations.filter((o) => !o.path.startsWith("/v1/admin/") || o.method === "GET");
});

describe("every public operation under hostile parameters", () => {
  it("lists operations in /openapi.json to fuzz", () => {
    expect(operations.map((o) => `${o.method} ${o.path}`)).toEqual(expect.arrayContaining(["GET /v1/facts", "GET /v1/articles/{id}"]));
  });

  it("answers each parameter set to each corpus value with a non-5xx, and errors as problems", { timeout: 60_000 }, async () => {
    for (const op of operations.filter((o) => o.method === "GET" && !o.path.startsWith("/v1/admin/"))) {
      const urls = op.params.flatMap((p) => HOSTILE.map((v) => urlFor(op, { [p.name]: v })));
      // Nothing given, everything repeated, unknown parameters, and a raw broken escape in the query.
      const twice = op.params
        .filter((p) => p.in === "query")
        .map((p) => `&${p.name}=1&${p.name}=2`)
        .join("");
      urls.push(
        urlFor(op, {}),
        urlFor(op, {}, `${twice}&__proto__=x&constructor=y`),
        `${urlFor(op, {})}${urlFor(op, {}).includes("?") ? "&" : "?"}limit=%E0%A4%A`,
      );
      for (let i = 0; i < urls.length; i += 16) {
        await Promise.all(urls.slice(i, i + 16).map(async (url) => expectWellBehaved(await call("GET", url), `GET ${url.slice(0, 200)}`)));
      }
    }
  });

  it("survives random unicode values in every parameter (fast-check)", { timeout: 60_000 }, async () => {
    const gets = operations.filter((o) => o.method === "GET" && !o.path.startsWith("/v1/admin/") && o.params.length > 0);
    for (const op of gets) {
      const values = fc.record(
        Object.fromEntries(
          op.params.map((p) => [
            p.name,
            fc.oneof(
              fc.string({ unit: "grapheme", maxLength: 40 }),
              fc.constantFrom(...HOSTILE),
              fc.integer().map(String),
              fc.double().map(String),
            ),
          ]),
        ),
        { requiredKeys: [] },
      );
      await fc.assert(
        fc.asyncProperty(values, async (v) => {
          const res = await call("GET", urlFor(op, v as Record<string, string>));
          const body = await res.text();
          if (res.status >= 500) return false;
          if (res.status >= 400) return isProblem(res, body);
          return true;
        }),
        { numRuns: 40, seed: 20261122 },
      );
    }
  });
});

describe("page size and cursor limits", () => {
  it.each([
    ["limit=0", 400],
    ["limit=-5", 400],
    ["limit=201", 400],
    ["limit=1000000", 400],
    ["limit=200", 200],
    ["cursor=not-a-cursor", 400],
    [`cursor=${"A".repeat(65)}`, 400],
    ["cursor=aTE", 200],
  ])("/v1/articles?%s → %i", async (q, status) => {
    const res = await call("GET", `${BASE}/v1/articles?${q}`);
    await expectWellBehaved(res.clone(), q);
    expect(res.status).toBe(status);
  });

  it("never returns more than the page size, and the cursor walks every row exactly once", async () => {
    const seen: number[] = [];
    let cursor: string | null = null;
    do {
      const res = await call("GET", `${BASE}/v1/articles?limit=1${cursor ? `&cursor=${cursor}` : ""}`);
      const page = (await res.json()) as { items: { id: number }[]; next_cursor: string | null };
      expect(page.items.length).toBeLessThanOrEqual(1);
      seen.push(...page.items.map((i) => i.id));
      cursor = page.next_cursor;
    } while (cursor);
    expect(new Set(seen).size).toBe(seen.length);
    expect(seen.length).toBeGreaterThanOrEqual(3);
  });
});

describe("admin routes", () => {
  const WRITE_METHODS = ["POST", "PUT", "PATCH", "DELETE"];

  it("refuse a missing or wrong token on every /v1/admin operation, and unknown admin paths do not succeed", async () => {
    const doc = (await (await call("GET", `${BASE}/openapi.json`)).json()) as { paths: Record<string, Record<string, unknown>> };
    const adminOps = Object.entries(doc.paths)
      .filter(([p]) => p.startsWith("/v1/admin/"))
      .flatMap(([p, methods]) => Object.keys(methods).map((m) => ({ method: m.toUpperCase(), path: p.replace(/\{[^}]+\}/g, "1") })));
    adminOps.push({ method: "POST", path: "/v1/admin/does-not-exist" }, { method: "GET", path: "/v1/admin/sources" });
    for (const op of adminOps) {
      for (const auth of [undefined, "Bearer wrong-token", "Bearer ", "test-admin-token", "Basic dGVzdC1hZG1pbi10b2tlbg=="]) {
        const headers: Record<string, string> = { "content-type": "application/json" };
        if (auth !== undefined) headers.authorization = auth;
        const res = await call(op.method, `${BASE}${op.path}`, {
          headers,
          body: WRITE_METHODS.includes(op.method) ? "{}" : undefined,
        });
        const what = `${op.method} ${op.path} with ${auth ?? "no token"}`;
        await expectWellBehaved(res.clone(), what);
        expect([401, 403, 404, 405], what).toContain(res.status);
      }
    }
  });

  it("non-GET methods on public routes are refused with 405 problems listing the methods the path has", async () => {
    for (const path of ["/v1/facts", "/v1/metrics/exports/series", "/healthz"]) {
      for (const method of WRITE_METHODS) {
        const res = await call(method, `${BASE}${path}`, { body: method === "DELETE" ? undefined : "{}" });
        await expectWellBehaved(res.clone(), `${method} ${path}`);
        expect(res.status, `${method} ${path}`).toBe(405);
        expect(res.headers.get("allow"), `${method} ${path}`).toBe(path.startsWith("/v1/") ? "GET, HEAD, OPTIONS" : "GET, HEAD");
      }
    }
    // A path no route has is 404, whatever the method.
    const nowhere = await call("POST", `${BASE}/v1/no-such-route`, { body: "{}" });
    expect(nowhere.status).toBe(404);
    expect(nowhere.headers.get("allow")).toBeNull();
    await expectWellBehaved(nowhere, "POST /v1/no-such-route");
  });
});

describe("CORS and security headers", () => {
  it("answers a preflight for GET with the read-only methods, never with write methods", async () => {
    const res = await call("OPTIONS", `${BASE}/v1/facts`, {
      headers: { origin: "https://example.org", "access-control-request-method": "GET" },
    });
    expect(res.status).toBeLessThan(300);
    expect(res.headers.get("access-control-allow-origin")).toBe("*");
    const allowed = (res.headers.get("access-control-allow-methods") ?? "").split(/\s*,\s*/);
    expect(allowed).toEqual(expect.arrayContaining(["GET", "HEAD"]));
    for (const m of ["POST", "PUT", "PATCH", "DELETE"]) expect(allowed).not.toContain(m);
  });

  it("does not let a cross-origin page preflight a write to an admin route", async () => {
    const res = await call("OPTIONS", `${BASE}/v1/admin/sources`, {
      headers: {
        origin: "https://evil.example",
        "access-control-request-method": "POST",
        "access-control-request-headers": "authorization",
      },
    });
    expect(res.headers.get("access-control-allow-methods") ?? "").not.toMatch(/POST/);
  });

  it("a cross-origin GET is readable (public data)", async () => {
    const res = await call("GET", `${BASE}/v1/facts`, { headers: { origin: "https://example.org" } });
    expect(res.status).toBe(200);
    expect(res.headers.get("access-control-allow-origin")).toBe("*");
  });

  it.each([
    ["/v1/facts", "application/json"],
    ["/v1/articles?limit=0", "application/problem+json"],
    ["/v1/no-such-route", "application/problem+json"],
    ["/healthz", "application/json"],
  ])("JSON from %s (%s) carries nosniff and a no-content CSP", async (path, type) => {
    const res = await call("GET", `${BASE}${path}`);
    expect(res.headers.get("content-type")?.split(";")[0]).toBe(type);
    expect(res.headers.get("x-content-type-options")).toBe("nosniff");
    expect(res.headers.get("content-security-policy")).toMatch(/default-src 'none'/);
    expect(res.headers.get("referrer-policy")).toBe("no-referrer");
  });
});
