/**
 * What a caller can make the API cost: a per-client rate limit on the public routes (the Workers
 * rate-limiting binding, emulated by Miniflare with a limit of 5 a minute in vitest.config.ts), and
 * exports stored per dataset version (in R2) and sent compressed as the client accepts. How they are
 * stored while they stream is in export-store.test.ts.
 */

import { exports } from "cloudflare:workers";
import { describe, expect, it } from "vitest";
import { forgetRemembered, negotiateEncoding } from "../../../workers/dataset/http-cache";
import { extraction, fact, writeTestArticle } from "../dataset/fixtures";
import { get, ORIGIN, readProblem } from "./api-client";

/** A GET as Cloudflare's edge hands it over: the client's own Accept-Encoding in request.cf. */
function getFromClient(path: string, clientAcceptEncoding: string): Promise<Response> {
  const cf = { clientAcceptEncoding } as unknown as IncomingRequestCfProperties;
  return exports.default.fetch(new Request(`${ORIGIN}${path}`, { headers: { "accept-encoding": "br, gzip" }, cf }));
}

/** A body as UTF-8 text (Response.text() warns on types that are not text/*, such as NDJSON). */
const textOf = (body: ArrayBuffer) => new TextDecoder().decode(body);

const LIMIT = 5;

describe("per-client rate limit", () => {
  it("answers 429 with Retry-After and a problem once a client has spent its limit, and only that client", async () => {
    const client = { "cf-connecting-ip": "203.0.113.7" };
    for (let i = 0; i < LIMIT; i++) {
      const res = await get("/v1/metrics", client);
      expect(res.status).toBe(200);
      await res.arrayBuffer();
    }
    const refused = await get("/v1/metrics", client);
    expect(refused.status).toBe(429);
    expect(Number(refused.headers.get("retry-after"))).toBeGreaterThan(0);
    expect(refused.headers.get("cache-control")).toBe("no-store");
    const problem = await readProblem(refused, "rate-limited", "/v1/metrics");
    expect(problem.detail).toContain(`${Number(refused.headers.get("retry-after"))} s`);

    // Cached answers count too: the next request of that client is refused whatever the route.
    expect((await get("/v1/summary", client)).status).toBe(429);
    // Another client is not affected.
    const other = await get("/v1/metrics", { "cf-connecting-ip": "203.0.113.8" });
    expect(other.status).toBe(200);
    await other.arrayBuffer();
    // The operator is not limited.
    const admin = await get("/v1/metrics", { ...client, authorization: "Bearer test-admin-token" });
    expect(admin.status).toBe(200);
    await admin.arrayBuffer();
  });

  it("does not limit requests that did not come through Cloudflare's edge (no CF-Connecting-IP)", async () => {
    for (let i = 0; i < LIMIT * 2; i++) {
      const res = await get("/healthz");
      expect(res.status).toBe(200);
      await res.arrayBuffer();
    }
  });
});

describe("exports", () => {
  it("are stored per dataset version: the second download is a hit from R2, a new article makes a new one", async () => {
    await writeTestArticle(extraction({ facts: [fact({ metric: "exports", value: 42, geo: "export-cache-geo" })] }));
    forgetRemembered();
    const first = await get("/v1/export/observations.csv");
    expect(first.status).toBe(200);
    expect(first.headers.get("x-cache")).toBe("miss");
    const body = textOf(await first.arrayBuffer());
    expect(body).toContain("export-cache-geo");
    // The object is complete before the last byte of the first download: the next request finds it.
    const second = await get("/v1/export/observations.csv");
    expect([second.headers.get("x-cache"), second.headers.get("x-cache-layer")]).toEqual(["hit", "r2"]);
    expect(second.headers.get("etag")).toBe(first.headers.get("etag"));
    expect(textOf(await second.arrayBuffer())).toBe(body);
    // From the public, neither no-cache nor a query string forces a full-table read.
    const noCache = await get("/v1/export/observations.csv", { "cache-control": "no-cache" });
    expect(noCache.headers.get("x-cache")).toBe("hit");
    await noCache.arrayBuffer();
    const query = await get("/v1/export/observations.csv?fresh=1");
    expect(query.headers.get("x-cache")).toBe("hit");
    await query.arrayBuffer();
    // The operator may: the export is read again and its object rewritten.
    const bypass = await get("/v1/export/observations.csv", { "cache-control": "no-cache", authorization: "Bearer test-admin-token" });
    expect(bypass.headers.get("x-cache")).toBe("bypass");
    expect(textOf(await bypass.arrayBuffer())).toBe(body);

    await writeTestArticle(extraction({ facts: [fact({ metric: "exports", value: 43, geo: "export-cache-geo-2" })] }));
    const after = await get("/v1/export/observations.csv");
    expect(after.headers.get("x-cache")).toBe("miss");
    expect(textOf(await after.arrayBuffer())).toContain("export-cache-geo-2");
  });

  it("ask the runtime to encode CSV and NDJSON as the client accepts (br, else gzip), miss or hit, and vary on it", async () => {
    await writeTestArticle(extraction({ facts: [fact({ metric: "imports", value: 7, geo: "export-enc-geo" })] }));
    for (const path of ["/v1/export/observations.csv", "/v1/export/facts.ndjson"]) {
      let plain: string | null = null;
      for (const [accept, expected, cache] of [
        ["gzip, deflate, br", "br", "miss"], // sent and stored at once
        ["gzip", "gzip", "hit"],
        ["br;q=0, gzip", "gzip", "hit"],
        ["identity", null, "hit"],
        ["gzip, deflate, br", "br", "hit"],
      ] as const) {
        const res = await getFromClient(path, accept);
        expect(res.status).toBe(200);
        expect([path, accept, res.headers.get("x-cache"), res.headers.get("content-encoding")]).toEqual([path, accept, cache, expected]);
        expect(res.headers.get("vary") ?? "").toMatch(/accept-encoding/i);
        // Decoded by the client as a browser would: the same export whatever the encoding.
        const text = textOf(await res.arrayBuffer());
        plain ??= text;
        expect(text).toBe(plain);
        expect(text).toContain("export-enc-geo");
      }
    }
    // Without the edge's report of the client (a service binding) nothing is encoded.
    const unknown = await get("/v1/export/observations.csv", { "accept-encoding": "br, gzip" });
    expect(unknown.headers.get("content-encoding")).toBeNull();
    await unknown.arrayBuffer();
    // JSON routes are left to Cloudflare's own compression.
    const json = await getFromClient("/v1/metrics", "gzip");
    expect(json.headers.get("content-encoding")).toBeNull();
    await json.arrayBuffer();
  });

  it("negotiates by the q-values of Accept-Encoding", () => {
    expect(negotiateEncoding(undefined)).toBeNull();
    expect(negotiateEncoding("*")).toBe("br");
    expect(negotiateEncoding("*;q=0")).toBeNull();
    expect(negotiateEncoding("br;q=0, *")).toBe("gzip");
    expect(negotiateEncoding("GZIP")).toBe("gzip");
    expect(negotiateEncoding("deflate")).toBeNull();
  });
});
