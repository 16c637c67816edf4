/**
 * Memory readings of the local Workers, for benches.
 *
 * The V8 heap of a Worker's isolate: workerd's own inspector (wrangler dev always starts workerd
 * with one, on a port of its choosing), reached over its WebSocket with the Chrome DevTools Protocol
 * (`Runtime.getHeapUsage`: used and total bytes), on the Worker's own target. wrangler's proxy in
 * front of it (`--inspector-port`) was not used: after a large response it could stay attached to
 * an isolate that served nothing. The isolate answers only when it is idle, so a poll sees the heap
 * at the Worker's waits — few readings, or none, while it computes without pause: it tells a heap
 * that stays flat from one that grows with the data, not an exact high-water mark.
 *
 * The resident memory of the workerd process that runs the Workers (Linux /proc): it also holds
 * D1's SQLite page cache and buffers outside the V8 heap (stream chunks, the Cache API's copy).
 */
import { readdirSync, readFileSync, readlinkSync } from "node:fs";

/** Connects to an inspector target (its WebSocket URL). */
export async function openInspector(url, { timeoutMs = 10_000 } = {}) {
  // The proxy accepts DevTools-like clients only: a loopback Origin (undici's WebSocket takes extra headers).
  const ws = new WebSocket(url, { headers: { origin: "http://127.0.0.1" } });
  await new Promise((resolve, reject) => {
    const t = setTimeout(() => reject(new Error("inspector: no connection")), timeoutMs);
    ws.addEventListener("open", () => {
      clearTimeout(t);
      resolve();
    });
    ws.addEventListener("error", () => {
      clearTimeout(t);
      reject(new Error(`inspector: cannot connect to ${url}`));
    });
  });
  let nextId = 1;
  const pending = new Map();
  ws.addEventListener("message", (ev) => {
    const msg = JSON.parse(String(ev.data));
    const p = msg.id !== undefined ? pending.get(msg.id) : undefined;
    if (!p) return; // events
    pending.delete(msg.id);
    if (msg.error) p.reject(new Error(`${p.method}: ${msg.error.message}`));
    else p.resolve(msg.result);
  });
  /** Sends one protocol command and waits for its answer. */
  function call(method, params = {}) {
    const id = nextId++;
    return new Promise((resolve, reject) => {
      const t = setTimeout(() => {
        pending.delete(id);
        reject(new Error(`${method}: no answer in ${timeoutMs} ms`));
      }, timeoutMs);
      pending.set(id, {
        method,
        resolve: (r) => {
          clearTimeout(t);
          resolve(r);
        },
        reject: (e) => {
          clearTimeout(t);
          reject(e);
        },
      });
      ws.send(JSON.stringify({ id, method, params }));
    });
  }
  return {
    call,
    /** The isolate's V8 heap: { usedSize, totalSize } in bytes. */
    heapUsage: () => call("Runtime.getHeapUsage"),
    /** The heap still in use after a full garbage collection: what the isolate holds, not what it has yet to collect. */
    liveHeap: async () => {
      await call("HeapProfiler.collectGarbage");
      return (await call("Runtime.getHeapUsage")).usedSize;
    },
    close: () => ws.close(),
  };
}

/**
 * The WebSocket URL of a Worker's own inspector target in workerd (`core:user:<name>`), found
 * among the ports the workerd process `pid` listens on (Linux /proc). wrangler's proxy in front of
 * it may stay attached to an isolate workerd has replaced; this one names the Worker.
 */
export async function workerdInspectorUrl(pid, workerName) {
  const inodes = new Set();
  for (const fd of readdirSync(`/proc/${pid}/fd`)) {
    try {
      const m = /^socket:\[(\d+)\]$/.exec(readlinkSync(`/proc/${pid}/fd/${fd}`));
      if (m) inodes.add(m[1]);
    } catch {
      // closed meanwhile
    }
  }
  const ports = readFileSync("/proc/net/tcp", "utf8")
    .split("\n")
    .slice(1)
    .map((l) => l.trim().split(/\s+/))
    .filter((f) => f[3] === "0A" && inodes.has(f[9])) // LISTEN, owned by the process
    .map((f) => Number.parseInt(f[1].split(":")[1], 16));
  for (const port of ports) {
    try {
      const targets = await (await fetch(`http://127.0.0.1:${port}/json/list`, { signal: AbortSignal.timeout(1000) })).json();
      const t = targets.find((x) => x.webSocketDebuggerUrl?.endsWith(`/core:user:${workerName}`));
      if (t) return t.webSocketDebuggerUrl;
    } catch {
      // not the inspector
    }
  }
  return null;
}

/**
 * An inspector on the isolate that serves requests: after a restart wrangler's proxy may first
 * attach to an isolate that serves none (its heap never moves). `probe` makes a request that
 * allocates; a connection whose heap does not move is dropped and made again. Null after `tries`.
 */
export async function openServingInspector(url, probe, { tries = 6 } = {}) {
  for (let k = 0; k < tries; k++) {
    const inspector = await openInspector(url, { timeoutMs: 3000 });
    try {
      const before = (await inspector.heapUsage()).usedSize;
      await probe();
      const after = (await inspector.heapUsage()).usedSize;
      if (after !== before) return inspector;
    } catch {
      // no answer: the isolate is busy (a previous request's work); try again
    }
    inspector.close();
    await new Promise((r) => setTimeout(r, 500));
  }
  return null;
}

/**
 * Polls every `everyMs` until `stop()`: the isolate's heap (when an inspector is given) and the
 * resident memory of `pids`; every `liveEveryMs` (when given) also the live heap, after a forced
 * full GC. `stop()` returns the highest readings and how many heap readings there were.
 * The peak of `usedSize` counts garbage V8 has not yet collected, so it follows how long and how
 * fast a request allocates; the live heap is what the request holds at once.
 */
export function pollMemory({ inspector = null, pids = [], everyMs = 10, liveEveryMs = 0 }) {
  const peak = { heapUsed: 0, heapTotal: 0, rss: 0, readings: 0, heapLive: 0, liveReadings: 0 };
  let running = true;
  // The first live reading comes half a period in, so that a short download gets one too.
  let lastLive = performance.now() - liveEveryMs / 2;
  const loop = (async () => {
    while (running) {
      if (inspector && liveEveryMs > 0 && performance.now() - lastLive >= liveEveryMs) {
        lastLive = performance.now();
        try {
          peak.heapLive = Math.max(peak.heapLive, await inspector.liveHeap());
          peak.liveReadings++;
        } catch {
          // lost while busy
        }
      }
      peak.rss = Math.max(
        peak.rss,
        pids.reduce((s, p) => s + rssBytes(p), 0),
      );
      if (inspector) {
        try {
          const h = await inspector.heapUsage();
          peak.heapUsed = Math.max(peak.heapUsed, h.usedSize);
          peak.heapTotal = Math.max(peak.heapTotal, h.totalSize);
          peak.readings++;
        } catch {
          // A reading lost while the isolate is busy: the next one counts.
        }
      }
      await new Promise((r) => setTimeout(r, everyMs));
    }
  })();
  return {
    async stop() {
      running = false;
      await loop;
      return peak;
    },
  };
}

/**
 * The processes of a `wrangler dev` session that run the Workers: its workerd processes started
 * with an inspector address (the other workerd only proxies requests), found under wrangler's
 * process group.
 */
export function workerdPids(groupId) {
  const pids = [];
  for (const entry of readdirSync("/proc")) {
    if (!/^\d+$/.test(entry)) continue;
    try {
      const stat = readFileSync(`/proc/${entry}/stat`, "utf8");
      const pgrp = Number(stat.slice(stat.lastIndexOf(")") + 2).split(" ")[2]);
      if (pgrp !== groupId) continue;
      const cmd = readFileSync(`/proc/${entry}/cmdline`, "utf8");
      if (cmd.includes("workerd") && cmd.includes("--inspector-addr")) pids.push(Number(entry));
    } catch {
      // gone meanwhile
    }
  }
  return pids;
}

/** Resident set size of a process, in bytes (Linux /proc; 0 when unreadable). */
export function rssBytes(pid) {
  try {
    const m = /VmRSS:\s+(\d+) kB/.exec(readFileSync(`/proc/${pid}/status`, "utf8"));
    return m ? Number(m[1]) * 1024 : 0;
  } catch {
    return 0;
  }
}
