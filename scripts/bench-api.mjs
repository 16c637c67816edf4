#!/usr/bin/env node
/**
 * npm run bench:api — how fast the Worker answers the dataset API, on loopback.
 *
 * Runs the stack as `npm start` does (startStack: demo site + wrangler dev, a temporary persist
 * dir, its own ports), ingests the demo site, then loads it from a second process (autocannon's
 * CLI) in one run:
 *   - /widget.js: a static route of the same Worker (no D1) — the ceiling;
 *   - /healthz: one D1 read (the dataset version row by primary key) — what a cache hit also pays;
 *   - /v1/summary cached: version read + a hit in the isolate's memory (the Cache API copy behind it
 *     answers when another isolate or an eviction misses it);
 *   - /v1/summary uncached: `Cache-Control: no-cache` with the admin token (the public's no-cache is
 *     ignored) makes the middleware skip the cached copy, so every request runs the summary's D1 queries.
 * Prints requests/s, p50 and p99 for each, and the ratios (goal: cached ≥ 90% of the trivial route).
 *
 *   npm run bench:api                    # 10 s per case, 32 connections
 *   npm run bench:api -- --seconds 5 --connections 16
 */
import { spawn } from "node:child_process";
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { parseArgs } from "node:util";
import { descendantsCpuMs } from "./lib/proc-cpu.mjs";
import { freePort, ROOT, startStack } from "./lib/stack.mjs";

const { values } = parseArgs({
  options: {
    seconds: { type: "string", default: "10" },
    connections: { type: "string", default: "32" },
    verbose: { type: "boolean", default: false },
  },
});

/** autocannon in its own process (the load generator must not share the event loop it measures). */
function autocannon(url, headers = {}, seconds = values.seconds) {
  const args = [join(ROOT, "node_modules", "autocannon", "autocannon.js"), "-j", "-c", values.connections, "-d", String(seconds)];
  for (const [k, v] of Object.entries(headers)) args.push("-H", `${k}=${v}`);
  args.push(url);
  return new Promise((resolve, reject) => {
    const p = spawn(process.execPath, args, { stdio: ["ignore", "pipe", "pipe"] });
    let out = "";
    p.stdout.on("data", (d) => {
      out += d;
    });
    p.on("exit", (code) => {
      if (code !== 0) return reject(new Error(`autocannon exited ${code}`));
      const r = JSON.parse(out);
      resolve({
        rps: r.requests.average,
        p50: r.latency.p50,
        p99: r.latency.p99,
        non2xx: r.non2xx,
        errors: r.errors + r.timeouts,
        total: r.requests.total,
      });
    });
    p.on("error", reject);
  });
}

const persistTo = mkdtempSync(join(tmpdir(), "newsfacts-bench-api-"));
const [port, demoPort] = [await freePort(), await freePort()];
const log = values.verbose ? (s) => process.stderr.write(s) : () => {};
console.error(`bench:api: stack on :${port}, demo site on :${demoPort}, state in ${persistTo}`);
const stack = await startStack({ port, demoPort, persistTo, log });
let code = 0;
try {
  await stack.fireCron();
  const stats = await stack.waitForDrain({ min: 5, timeoutMs: 90_000 });
  console.error(`ingested: ${stats.articles.extracted ?? 0} articles, ${stats.facts} facts`);

  const summary = `${stack.origin}/v1/summary?lang=vi`;
  const bypass = { "cache-control": "no-cache", authorization: `Bearer ${process.env.ADMIN_TOKEN ?? "dev-admin-token"}` };
  // Warm the cache and check that the middleware does what the cases claim.
  await (await fetch(summary)).arrayBuffer();
  await new Promise((r) => setTimeout(r, 300));
  const probe = await fetch(summary);
  const probeBypass = await fetch(summary, { headers: bypass });
  const size = (await probe.clone().arrayBuffer()).byteLength;
  console.error(
    `probe: cached case x-cache=${probe.headers.get("x-cache")} (${probe.headers.get("x-cache-layer")}), uncached case x-cache=${probeBypass.headers.get("x-cache")}; summary body ${size} bytes`,
  );
  if (probe.headers.get("x-cache") !== "hit") throw new Error("the warm request was not served from the cache");
  await probe.arrayBuffer();
  await probeBypass.arrayBuffer();

  const cases = [
    ["static /widget.js (no D1)", `${stack.origin}/widget.js`, {}],
    ["/healthz (1 D1 read)", `${stack.origin}/healthz`, {}],
    ["/v1/summary cached", summary, {}],
    ["/v1/summary uncached", summary, bypass],
  ];
  const results = {};
  // Warm every path first (JIT, D1 page cache, connection pools), so order does not favour a case.
  for (const [, url, headers] of cases) await autocannon(url, headers, 2);
  for (const [name, url, headers] of cases) {
    const cpu0 = descendantsCpuMs();
    results[name] = await autocannon(url, headers);
    const r = results[name];
    r.cpuMsPerRequest = (descendantsCpuMs() - cpu0) / Math.max(1, r.total);
    console.log(
      `${name.padEnd(28)} ${r.rps.toFixed(0).padStart(7)} req/s   p50 ${String(r.p50).padStart(4)} ms   p99 ${String(r.p99).padStart(4)} ms   (${r.total} requests, ${r.non2xx} non-2xx, ${r.errors} errors; workerd CPU ${r.cpuMsPerRequest.toFixed(2)} ms/request)`,
    );
  }
  // The version read, timed inside the Worker (Server-Timing), over sequential cache hits.
  const durations = [];
  for (let i = 0; i < 200; i++) {
    const r = await fetch(summary);
    await r.arrayBuffer();
    const m = /dataset-version;dur=([\d.]+)/.exec(r.headers.get("server-timing") ?? "");
    if (m && r.headers.get("x-cache") === "hit") durations.push(Number(m[1]));
  }
  durations.sort((x, y) => x - y);
  const q = (p) => durations[Math.min(durations.length - 1, Math.floor(p * durations.length))];
  const [staticR, health, cached, uncached] = cases.map(([n]) => results[n]);
  console.log(`cached / static route:   ${((cached.rps / staticR.rps) * 100).toFixed(0)}%  (goal ≥ 90%)`);
  console.log(`cached / /healthz:        ${((cached.rps / health.rps) * 100).toFixed(0)}%`);
  console.log(`cached / uncached:        ${(cached.rps / uncached.rps).toFixed(1)}×`);
  console.log(
    `version read (the only D1 work of a hit), timed in the Worker over ${durations.length} sequential hits: p50 ${q(0.5)} ms, p99 ${q(0.99)} ms`,
  );
  if (cached.non2xx || uncached.non2xx) code = 1;
} catch (e) {
  console.error(`bench:api failed: ${e.message}`);
  code = 1;
} finally {
  await stack.stop();
  rmSync(persistTo, { recursive: true, force: true });
}
process.exit(code);
