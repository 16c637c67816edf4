/**
 * Caching by dataset version: a strong ETag per URL and version, 304 on If-None-Match, a Cache API
 * copy served on the next request, and a new version (an article write) invalidating both.
 */
import { describe, expect, it } from "vitest";
import { forgetRemembered } from "../../../workers/dataset/http-cache";
import { readVersion } from "../../../workers/db/dataset-version";
import { extraction, fact, writeTestArticle } from "../dataset/fixtures";
import { testEnv as env } from "../test-env";
import { get } from "./api-client";

describe("dataset response caching", () => {
  it("gives a strong ETag tied to the version and answers 304 when the client has it", async () => {
    await writeTestArticle(extraction({ facts: [fact({ metric: "exports", value: 10, geo: "cache-geo" })] }));
    const version = await readVersion(env.DB);
    const res = await get("/v1/observations?geo=cache-geo");
    expect(res.status).toBe(200);
    const etag = res.headers.get("etag") ?? "";
    expect(etag).toMatch(new RegExp(`^"v${version}-[0-9a-f]{8}"$`));
    expect(res.headers.get("cache-control")).toContain("max-age");
    await res.arrayBuffer();

    const again = await get("/v1/observations?geo=cache-geo", { "if-none-match": etag });
    expect(again.status).toBe(304);
    expect(again.headers.get("etag")).toBe(etag);

    // Another URL has another ETag at the same version.
    const other = await get("/v1/observations?geo=cache-geo&limit=10");
    expect(other.headers.get("etag")).not.toBe(etag);
    await other.arrayBuffer();
  });

  it("serves the second request from the Cache API; no-cache skips it only with the admin token", async () => {
    await writeTestArticle(extraction({ facts: [fact({ metric: "imports", value: 11, geo: "cache-geo-2" })] }));
    const first = await get("/v1/observations?geo=cache-geo-2");
    expect(first.headers.get("x-cache")).toBe("miss");
    const body = await first.text();
    // The put runs after the response: poll until it has landed.
    let second = await get("/v1/observations?geo=cache-geo-2");
    for (let i = 0; i < 100 && second.headers.get("x-cache") !== "hit"; i++) {
      await second.arrayBuffer();
      await new Promise((r) => setTimeout(r, 50));
      second = await get("/v1/observations?geo=cache-geo-2");
    }
    expect(second.headers.get("x-cache")).toBe("hit");
    expect(second.headers.get("x-cache-layer")).toBe("memory");
    // A hit is still an API answer: open CORS and the ETag of this version.
    expect(second.headers.get("access-control-allow-origin")).toBe("*");
    expect(second.headers.get("etag")).toBe(first.headers.get("etag"));
    expect(await second.text()).toBe(body);
    // Without the isolate's memory (another isolate, or after eviction) the Cache API copy answers.
    // The Cache API put runs in waitUntil after the memory copy: poll for it too (slow under a loaded suite).
    forgetRemembered();
    let third = await get("/v1/observations?geo=cache-geo-2");
    for (let i = 0; i < 100 && third.headers.get("x-cache-layer") !== "cache-api"; i++) {
      await third.arrayBuffer();
      await new Promise((r) => setTimeout(r, 50));
      forgetRemembered();
      third = await get("/v1/observations?geo=cache-geo-2");
    }
    expect([third.headers.get("x-cache"), third.headers.get("x-cache-layer")]).toEqual(["hit", "cache-api"]);
    expect(await third.text()).toBe(body);
    // From the public, no-cache is not honoured: the stored copy answers, and D1 is not asked again.
    const publicNoCache = await get("/v1/observations?geo=cache-geo-2", { "cache-control": "no-cache" });
    expect(publicNoCache.headers.get("x-cache")).toBe("hit");
    expect(await publicNoCache.text()).toBe(body);
    // A wrong token is the public too.
    const wrongToken = await get("/v1/observations?geo=cache-geo-2", { "cache-control": "no-cache", authorization: "Bearer nope" });
    expect(wrongToken.headers.get("x-cache")).toBe("hit");
    await wrongToken.arrayBuffer();
    // The operator may skip the cache.
    const bypass = await get("/v1/observations?geo=cache-geo-2", { "cache-control": "no-cache", authorization: "Bearer test-admin-token" });
    expect(bypass.headers.get("x-cache")).toBe("bypass");
    await bypass.arrayBuffer();
  });

  it("a new article bumps the version: the old ETag no longer matches and the new data is served", async () => {
    const geo = "cache-geo-3";
    await writeTestArticle(extraction({ facts: [fact({ metric: "exports", value: 1, geo })] }));
    const before = await get(`/v1/observations?geo=${geo}`);
    const etag = before.headers.get("etag") ?? "";
    expect(((await before.json()) as { items: unknown[] }).items).toHaveLength(1);
    await writeTestArticle(extraction({ facts: [fact({ metric: "imports", value: 2, geo })] }));
    const after = await get(`/v1/observations?geo=${geo}`, { "if-none-match": etag });
    expect(after.status).toBe(200);
    expect(after.headers.get("etag")).not.toBe(etag);
    expect(((await after.json()) as { items: unknown[] }).items).toHaveLength(2);
  });

  it("does not cache crawl-state routes whose data changes without a version bump", async () => {
    const res = await get("/v1/stats");
    expect(res.headers.get("etag")).toBeNull();
    await res.arrayBuffer();
  });
});

describe("the version's freshness window", () => {
  it("serves hits inside the window with no D1 read at all, and a new version after it", async () => {
    const { default: worker } = await import("../test-worker");
    const { createExecutionContext, waitOnExecutionContext } = await import("cloudflare:test");
    await writeTestArticle(extraction({ facts: [fact({ metric: "exports", value: 12, geo: "fresh-geo" })] }));
    let reads = 0;
    // A D1 that counts every statement it is asked to run.
    const counted = new Proxy(env.DB, {
      get(target, prop) {
        if (prop === "prepare")
          return (q: string) => {
            reads++;
            return target.prepare(q);
          };
        const v = Reflect.get(target, prop);
        return typeof v === "function" ? v.bind(target) : v;
      },
    });
    const call = async (windowMs: string) => {
      const ctx = createExecutionContext();
      const res = await worker.fetch(
        new Request("http://api.test/v1/observations?geo=fresh-geo"),
        { ...env, DB: counted, VERSION_FRESH_MS: windowMs },
        ctx,
      );
      await res.arrayBuffer();
      await waitOnExecutionContext(ctx);
      return res;
    };
    forgetRemembered();
    await call("60000"); // a miss: reads the version and the data, and remembers both
    reads = 0;
    const hit = await call("60000");
    expect(hit.headers.get("x-cache")).toBe("hit");
    expect(reads).toBe(0);
    // Outside the window (0 ms) the hit reads the version again, and only the version.
    const checked = await call("0");
    expect(checked.headers.get("x-cache")).toBe("hit");
    expect(reads).toBe(1);
  });
});
