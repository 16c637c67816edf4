#!/usr/bin/env node
/**
 * npm run bench:startup — startup CPU and bundle sizes of each Worker, against the old single Worker.
 *
 * For the API (wrangler.api.toml), the pipeline (wrangler.pipeline.toml) and, as a baseline measured in
 * the same run, the single Worker of an older commit (its wrangler.toml, checked out in a temporary
 * `git worktree` that shares this checkout's node_modules):
 *   - builds the local (top-level) bundle once with `wrangler deploy --dry-run --outfile`, then profiles it
 *     with `wrangler check startup --worker <bundle>` N times (default 3, interleaved across the Workers so
 *     that a busy moment on the machine hits all of them alike) and keeps the LOWEST "Active" time;
 *   - builds the production bundle (`--env production`, minified by its `minify = true`; a config without
 *     [env.production], such as the old wrangler.toml, is built with `--minify` instead) and profiles it once
 *     for its size.
 * Sizes are the ones wrangler reports ("Bundle: … KiB / gzip: … KiB").
 *
 * Why build first: `check startup` does not hand its own `-c`/`--env` to the build it runs (that build looks
 * for a config of its own and fails here), so the script builds the bundle exactly as `check startup` would
 * (`deploy --dry-run --outfile`) and profiles that file. All three runs profile the same bundle, even while
 * the sources change underneath. CPU profiles go to a temporary directory, removed at the end.
 *
 *   npm run bench:startup                          # API, pipeline, baseline at 7bac367, 3 runs each
 *   npm run bench:startup -- --baseline <git-ref>  # another baseline commit
 *   npm run bench:startup -- --no-baseline
 *   npm run bench:startup -- --runs 5 --verbose    # more runs; print wrangler's output
 */
import { spawn, spawnSync } from "node:child_process";
import { existsSync, lstatSync, mkdtempSync, readFileSync, rmSync, symlinkSync, unlinkSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { parseArgs } from "node:util";
import { ROOT, wranglerEnv } from "./lib/stack.mjs";

const { values } = parseArgs({
  options: {
    baseline: { type: "string", default: "7bac367" },
    "no-baseline": { type: "boolean", default: false },
    runs: { type: "string", default: "3" },
    verbose: { type: "boolean", default: false },
  },
});
const RUNS = Number(values.runs);
if (!Number.isInteger(RUNS) || RUNS < 1) throw new Error(`bad --runs ${values.runs}`);
const WRANGLER = join(ROOT, "node_modules", ".bin", "wrangler");
const GOAL = 1 / 3;

const started = Date.now();
const work = mkdtempSync(join(tmpdir(), "bench-startup-"));
let worktree = null;
let child = null;

/** Removes the temporary worktree (if any) and the temporary directory. Safe to call twice. */
function cleanup() {
  if (worktree) {
    const dir = worktree;
    worktree = null;
    // Unlink the shared node_modules first, so nothing below can ever reach the real one.
    try {
      if (lstatSync(join(dir, "node_modules")).isSymbolicLink()) unlinkSync(join(dir, "node_modules"));
    } catch {}
    const r = spawnSync("git", ["-C", ROOT, "worktree", "remove", "--force", dir], { encoding: "utf8" });
    if (r.status !== 0) process.stderr.write(`warning: git worktree remove ${dir} failed: ${r.stderr}`);
    if (existsSync(dir)) rmSync(dir, { recursive: true, force: true });
    spawnSync("git", ["-C", ROOT, "worktree", "prune"]);
  }
  rmSync(work, { recursive: true, force: true });
}

for (const [signal, code] of [
  ["SIGINT", 130],
  ["SIGTERM", 143],
]) {
  process.once(signal, () => {
    if (child?.exitCode === null) {
      try {
        child.kill("SIGTERM");
      } catch {}
    }
    cleanup();
    process.exit(code);
  });
}

/** Runs wrangler (the project's env: offline, no metrics, node_modules/.bin first); resolves to its combined output. */
function wrangler(args, cwd) {
  return new Promise((resolve, reject) => {
    let out = "";
    child = spawn(WRANGLER, args, { cwd, env: wranglerEnv(), stdio: ["ignore", "pipe", "pipe"] });
    const take = (d) => {
      out += d;
      if (values.verbose) process.stderr.write(d);
    };
    child.stdout.on("data", take);
    child.stderr.on("data", take);
    child.once("error", reject);
    child.once("close", (code) => {
      child = null;
      if (code === 0) resolve(out);
      else reject(new Error(`wrangler ${args.join(" ")} (in ${cwd}) exited with ${code}:\n${out.slice(-3000)}`));
    });
  });
}

// biome-ignore lint/suspicious/noControlCharactersInRegex: strips ANSI colour codes
const stripAnsi = (s) => s.replace(/\x1b\[[0-9;]*m/g, "");

/** Parses `check startup` output: sizes and the Active time. */
function parseStartup(out) {
  const text = stripAnsi(out);
  const bundle = text.match(/Bundle: ([\d.]+) KiB \/ gzip: ([\d.]+) KiB/);
  const active = text.match(/Active: ([\d.]+) ms \(including ([\d.]+) ms garbage collection\)/);
  if (!bundle || !active) throw new Error(`unexpected output of wrangler check startup:\n${text.slice(-3000)}`);
  return { kib: Number(bundle[1]), gzipKib: Number(bundle[2]), activeMs: Number(active[1]), gcMs: Number(active[2]) };
}

/** Builds one bundle the way `check startup` does; `prod` selects [env.production] (or --minify without one). */
async function build(t, prod) {
  const file = join(work, `${t.id}.${prod ? "prod" : "local"}.bundle`);
  const args = ["deploy", "--dry-run", "-c", t.config, "--outfile", file];
  if (!prod) args.push("--env=");
  else if (t.hasProd) args.push("--env", "production");
  else args.push("--env=", "--minify");
  await wrangler(args, t.cwd);
  return file;
}

async function profile(t, bundle, tag) {
  const out = await wrangler(
    ["check", "startup", "-c", t.config, "--worker", bundle, "--outfile", join(work, `${t.id}.${tag}.cpuprofile`)],
    t.cwd,
  );
  return parseStartup(out);
}

function git(args) {
  const r = spawnSync("git", ["-C", ROOT, ...args], { encoding: "utf8" });
  if (r.status !== 0) throw new Error(`git ${args.join(" ")} failed:\n${r.stderr}`);
  return r.stdout.trim();
}

function target(id, label, cwd, config) {
  const text = readFileSync(join(cwd, config), "utf8");
  return { id, label, cwd, config, hasProd: /^\s*\[env\.production\]/m.test(text), runs: [], prod: null, error: null };
}

async function main() {
  const targets = [
    target("api", "api (wrangler.api.toml)", ROOT, "wrangler.api.toml"),
    target("pipeline", "pipeline (wrangler.pipeline.toml)", ROOT, "wrangler.pipeline.toml"),
  ];
  let baselineRef = null;
  if (!values["no-baseline"]) {
    const sha = git(["rev-parse", "--short", `${values.baseline}^{commit}`]);
    baselineRef = values.baseline === sha ? sha : `${values.baseline} = ${sha}`;
    const dir = join(work, "baseline");
    git(["worktree", "add", "--detach", dir, sha]);
    worktree = dir;
    symlinkSync(join(ROOT, "node_modules"), join(dir, "node_modules"), "dir");
    if (!existsSync(join(dir, "wrangler.toml"))) throw new Error(`${values.baseline} has no wrangler.toml`);
    targets.push(target("baseline", `baseline @${sha} (wrangler.toml)`, dir, "wrangler.toml"));
  }

  console.log(`wrangler check startup: ${RUNS} run(s) per Worker, lowest Active kept${baselineRef ? `; baseline ${baselineRef}` : ""}\n`);

  for (const t of targets) {
    try {
      process.stdout.write(`building ${t.label} ...`);
      t.localBundle = await build(t, false);
      t.prodBundle = await build(t, true);
      console.log(" done");
    } catch (e) {
      console.log(" FAILED");
      t.error = e instanceof Error ? e.message : String(e);
      console.error(t.error);
    }
  }

  for (let i = 1; i <= RUNS; i++) {
    for (const t of targets) {
      if (t.error) continue;
      try {
        const r = await profile(t, t.localBundle, `run${i}`);
        t.runs.push(r);
        console.log(`  run ${i} ${t.label}: Active ${r.activeMs} ms (GC ${r.gcMs} ms), bundle ${r.kib} KiB / gzip ${r.gzipKib} KiB`);
      } catch (e) {
        t.error = e instanceof Error ? e.message : String(e);
        console.error(t.error);
      }
    }
  }
  for (const t of targets) {
    if (t.error) continue;
    try {
      t.prod = await profile(t, t.prodBundle, "prod");
      const how = t.hasProd ? "--env production" : "--minify (no [env.production])";
      console.log(
        `  prod ${t.label} [${how}]: bundle ${t.prod.kib} KiB / gzip ${t.prod.gzipKib} KiB, Active ${t.prod.activeMs} ms (1 run)`,
      );
    } catch (e) {
      t.error = e instanceof Error ? e.message : String(e);
      console.error(t.error);
    }
  }

  const rows = targets.map((t) => {
    if (t.error || t.runs.length < RUNS) return [t.label, "FAILED", "", "", "", ""];
    const lowest = Math.min(...t.runs.map((r) => r.activeMs));
    t.lowest = lowest;
    const last = t.runs[t.runs.length - 1];
    return [
      t.label,
      lowest.toFixed(1),
      t.runs.map((r) => r.activeMs.toFixed(1)).join(" / "),
      last.kib.toFixed(2),
      last.gzipKib.toFixed(2),
      t.prod.gzipKib.toFixed(2),
    ];
  });
  const header = ["Worker", `lowest active ms (${RUNS} runs)`, "all runs ms", "bundle KiB", "gzip KiB", "prod gzip KiB"];
  const widths = header.map((h, i) => Math.max(h.length, ...rows.map((r) => r[i].length)));
  const line = (cells) => cells.map((c, i) => (i === 0 || i === 2 ? c.padEnd(widths[i]) : c.padStart(widths[i]))).join(" | ");
  console.log(`\n${line(header)}\n${widths.map((w) => "-".repeat(w)).join("-|-")}`);
  for (const r of rows) console.log(line(r));

  const byId = Object.fromEntries(targets.map((t) => [t.id, t]));
  const base = byId.baseline;
  if (base?.lowest) {
    console.log("");
    for (const t of [byId.api, byId.pipeline]) {
      if (!t.lowest) continue;
      const ratio = t.lowest / base.lowest;
      const gz = t.runs[t.runs.length - 1].gzipKib / base.runs[base.runs.length - 1].gzipKib;
      const goal = t.id === "api" ? ` — goal ≤ ${GOAL.toFixed(2)} (1/3): ${ratio <= GOAL ? "MET" : "NOT MET"}` : "";
      console.log(`${t.id} / baseline startup: ${ratio.toFixed(2)} (1/${(1 / ratio).toFixed(1)})${goal}; gzip size ${gz.toFixed(2)}`);
    }
  } else if (!values["no-baseline"]) {
    console.log("\nno ratio: the baseline was not measured");
  }
  console.log(`\ntook ${((Date.now() - started) / 1000).toFixed(1)} s`);
  return targets.some((t) => t.error) ? 1 : 0;
}

let code = 1;
try {
  code = await main();
} catch (e) {
  console.error(e instanceof Error ? e.message : e);
} finally {
  cleanup();
}
process.exit(code);
