/**
 * /widget.js as a file: small, dependency-free, the committed bundle built from the current source,
 * type-correct against the DOM, and served cacheable and cross-origin.
 */
import { spawnSync } from "node:child_process";
import { resolve } from "node:path";
import { build } from "esbuild";
import { describe, expect, inject, it } from "vitest";
import { buildWidget } from "../../workers/widget/client/build.mjs";
import { WIDGET_ETAG, WIDGET_JS } from "../../workers/widget/client-bundle";

const ROOT = resolve(import.meta.dirname, "../..");
const api = inject("apiOrigin");

describe("widget.js", () => {
  it("is under 15 KB minified and is exactly the committed bundle of the current source", async () => {
    const js = await buildWidget();
    expect(Buffer.byteLength(js)).toBeLessThan(15 * 1024);
    // A stale client-bundle.ts would serve yesterday's widget: rebuild with `node workers/widget/client/build.mjs`.
    expect(WIDGET_JS).toBe(js);
  });

  it("bundles nothing from node_modules (no dependencies) and no server code: only widget/ and the pure shared span kinds", async () => {
    const out = await build({
      entryPoints: [resolve(ROOT, "workers/widget/client/widget.mts")],
      bundle: true,
      write: false,
      metafile: true,
      format: "iife",
    });
    const inputs = Object.keys(out.metafile.inputs);
    expect(inputs.length).toBeGreaterThan(1);
    for (const input of inputs) expect(input).toMatch(/^(workers\/widget\/|schema\/spans\.ts$)/);
  });

  it("type-checks against the DOM with its own tsconfig", () => {
    const r = spawnSync(resolve(ROOT, "node_modules/.bin/tsc"), ["-p", "workers/widget/client"], { cwd: ROOT, encoding: "utf8" });
    expect(r.stdout + r.stderr).toBe("");
    expect(r.status).toBe(0);
  });

  it("is served as JavaScript with CORS, cache headers and a working ETag", async () => {
    const res = await fetch(`${api}/widget.js`, { headers: { origin: "http://elsewhere.example" } });
    expect(res.status).toBe(200);
    expect(res.headers.get("content-type")).toMatch(/^text\/javascript/);
    expect(res.headers.get("access-control-allow-origin")).toBe("*");
    expect(res.headers.get("cache-control")).toMatch(/public, max-age=\d+/);
    expect(res.headers.get("x-content-type-options")).toBe("nosniff");
    expect(res.headers.get("etag")).toBe(WIDGET_ETAG);
    expect(await res.text()).toBe(WIDGET_JS);
    const again = await fetch(`${api}/widget.js`, { headers: { "if-none-match": WIDGET_ETAG } });
    expect(again.status).toBe(304);
  });
});
