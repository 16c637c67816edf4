/**
 * Runs the whole pipeline locally: the demo site on loopback, migrations applied to a local D1,
 * `wrangler dev` with both Workers (workerd, local D1, R2 and Queues, offline). Used by `npm start`, the benches and the
 * browser tests, so all of them run the same thing.
 */
import { spawn, spawnSync } from "node:child_process";
import { existsSync, mkdirSync, readFileSync, writeFileSync } from "node:fs";
import { createServer } from "node:net";
import { dirname, join, resolve } from "node:path";
import { fileURLToPath } from "node:url";
import { startDemoSite } from "../../demo/server.mjs";

export const ROOT = resolve(dirname(fileURLToPath(import.meta.url)), "../..");
const BIN = join(ROOT, "node_modules", ".bin");

/** Environment for wrangler: offline, quiet, Node 22 from node_modules first on PATH. */
export function wranglerEnv(extra = {}) {
  return {
    ...process.env,
    PATH: `${BIN}:${process.env.PATH}`,
    WRANGLER_SEND_METRICS: "false",
    WRANGLER_SEND_ERROR_REPORTS: "false",
    CLOUDFLARE_CF_FETCH_ENABLED: "false",
    NO_COLOR: "1",
    FORCE_COLOR: "0",
    CI: "true",
    ...extra,
  };
}

/** Applies migrations/ to the local D1 kept under `persistTo`. */
export function applyMigrations(persistTo) {
  mkdirSync(persistTo, { recursive: true });
  const r = spawnSync(
    join(BIN, "wrangler"),
    ["d1", "migrations", "apply", "DB", "--local", "-c", "wrangler.api.toml", "--persist-to", persistTo],
    {
      cwd: ROOT,
      env: wranglerEnv(),
      encoding: "utf8",
      stdio: ["ignore", "pipe", "pipe"],
    },
  );
  if (r.status !== 0) throw new Error(`migrations failed:\n${r.stdout}\n${r.stderr}`);
}

/**
 * Writes a copy of the pipeline's local config with `vars` set, and returns its path. wrangler dev
 * applies `--var` only to the first config of a multi-Worker session, so the pipeline's overrides
 * (demo origin, host interval) go into its own config. Relative paths are made absolute because the
 * copy lives under `dir`.
 */
export function pipelineConfigWithVars(vars, dir) {
  const lines = readFileSync(join(ROOT, "wrangler.pipeline.toml"), "utf8").split("\n");
  const production = lines.findIndex((l) => l.startsWith("[env.production"));
  const local = production < 0 ? lines : lines.slice(0, production);
  const rest = production < 0 ? [] : lines.slice(production);
  const pending = new Map(Object.entries(vars));
  const out = local.map((line) => {
    const path = line.match(/^(main|migrations_dir) = "(.*)"$/);
    if (path) return `${path[1]} = ${JSON.stringify(join(ROOT, path[2]))}`;
    const kv = line.match(/^([A-Z_][A-Z0-9_]*) = /);
    if (kv && pending.has(kv[1])) {
      const value = pending.get(kv[1]);
      pending.delete(kv[1]);
      return `${kv[1]} = ${JSON.stringify(String(value))}`;
    }
    return line;
  });
  const varsAt = out.indexOf("[vars]");
  if (varsAt < 0) throw new Error("wrangler.pipeline.toml has no [vars] table");
  out.splice(varsAt + 1, 0, ...[...pending].map(([k, v]) => `${k} = ${JSON.stringify(String(v))}`));
  const file = join(ensureDir(dir), "wrangler.pipeline.toml");
  writeFileSync(file, [...out, ...rest.filter((l) => !l.startsWith("main ="))].join("\n"));
  return file;
}

/**
 * Starts the demo site and the Worker. Options: port (Worker, default 8787), demoPort (8790),
 * persistTo (default .wrangler/state), vars (extra Worker vars), log (a function for wrangler's output),
 * migrate (default true; false skips applying the migrations, for a restart on a state already migrated).
 */
export async function startStack({
  port = 8787,
  demoPort = 8790,
  persistTo = join(ROOT, ".wrangler", "state"),
  vars = {},
  routes = [],
  log = () => {},
  migrate = true,
} = {}) {
  const demo = await startDemoSite({ port: demoPort, routes });
  if (migrate) applyMigrations(persistTo);
  const adminToken = process.env.ADMIN_TOKEN ?? "dev-admin-token";
  const allVars = { DEMO_ORIGIN: demo.origin, ADMIN_TOKEN: adminToken, ...vars };
  const { ADMIN_TOKEN: _apiOnly, ...pipelineVars } = allVars;
  const pipelineConfig = pipelineConfigWithVars(pipelineVars, join(persistTo, "config"));
  // Both Workers in one wrangler dev session: the first config (the API) listens on the port; the
  // pipeline runs beside it on the same local D1, R2 and Queues.
  const args = [
    "dev",
    "-c",
    "wrangler.api.toml",
    "-c",
    pipelineConfig,
    "--local",
    "--ip",
    "127.0.0.1",
    "--port",
    String(port),
    "--persist-to",
    persistTo,
    "--show-interactive-dev-session=false",
  ];
  for (const [k, v] of Object.entries(allVars)) args.push("--var", `${k}:${v}`);
  const child = spawn(join(BIN, "wrangler"), args, { cwd: ROOT, env: wranglerEnv(), stdio: ["ignore", "pipe", "pipe"], detached: true });
  child.stdout.on("data", (d) => log(String(d)));
  child.stderr.on("data", (d) => log(String(d)));
  let exited = null;
  child.on("exit", (code) => {
    exited = code;
  });
  const origin = `http://127.0.0.1:${port}`;

  const stop = async () => {
    if (exited === null) {
      try {
        process.kill(-child.pid, "SIGTERM");
      } catch {}
      await new Promise((r) => {
        const t = setTimeout(() => {
          try {
            process.kill(-child.pid, "SIGKILL");
          } catch {}
          r();
        }, 5000);
        child.once("exit", () => {
          clearTimeout(t);
          r();
        });
      });
    }
    await demo.close();
  };

  try {
    await waitUntil(async () => {
      if (exited !== null) throw new Error(`wrangler dev exited with code ${exited}`);
      const r = await fetch(`${origin}/healthz`).catch(() => null);
      return r?.ok === true;
    }, 60_000);
  } catch (e) {
    await stop();
    throw e;
  }

  return {
    origin,
    demoOrigin: demo.origin,
    /** wrangler's process id (the leader of its process group, which holds the workerd processes). */
    pid: child.pid,
    stop,
    /** Starts a crawl as an operator would: the admin route puts a command on the queue the pipeline consumes. */
    async fireCron() {
      const r = await fetch(`${origin}/v1/admin/crawl`, { method: "POST", headers: { authorization: `Bearer ${adminToken}` } });
      if (r.status !== 202) throw new Error(`crawl command answered ${r.status}`);
    },
    /** Counts from /v1/stats. */
    async stats() {
      return (await fetch(`${origin}/v1/stats`)).json();
    },
    /** Waits until no article is queued or being fetched (and at least `min` exist). */
    async waitForDrain({ min = 1, timeoutMs = 60_000 } = {}) {
      let last;
      await waitUntil(async () => {
        last = await (await fetch(`${origin}/v1/stats`)).json();
        const a = last.articles ?? {};
        const total = Object.values(a).reduce((s, n) => s + n, 0);
        return total >= min && !a.queued && !a.fetched;
      }, timeoutMs);
      return last;
    },
  };
}

/** A TCP port free on loopback right now (the benches run their stacks on ports of their own). */
export async function freePort() {
  return new Promise((resolve, reject) => {
    const s = createServer();
    s.once("error", reject);
    s.listen(0, "127.0.0.1", () => {
      const { port } = s.address();
      s.close(() => resolve(port));
    });
  });
}

export async function waitUntil(check, timeoutMs, everyMs = 250) {
  const until = Date.now() + timeoutMs;
  for (;;) {
    if (await check()) return;
    if (Date.now() > until) throw new Error(`timed out after ${timeoutMs} ms`);
    await new Promise((r) => setTimeout(r, everyMs));
  }
}

export function ensureDir(p) {
  if (!existsSync(p)) mkdirSync(p, { recursive: true });
  return p;
}
