/**
 * The OpenAPI document under Redocly CLI's recommended rules: zero errors, zero warnings. The
 * document is static (routes and zod schemas), so Node builds it by calling the app's own
 * /openapi.json in-process, with no bindings at all: no D1, no rate limiter, no token. Redocly runs
 * as a child process on a temporary copy (a workerd test could not spawn it).
 */
import { execFile } from "node:child_process";
import { mkdtemp, rm, writeFile } from "node:fs/promises";
import { createRequire } from "node:module";
import { tmpdir } from "node:os";
import path from "node:path";
import { promisify } from "node:util";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createApi } from "../../../workers/api";

const run = promisify(execFile);
const ORIGIN = "http://127.0.0.1:8787";

interface RedoclyReport {
  totals: { errors: number; warnings: number; ignored: number };
  problems: { ruleId: string; severity: string; message: string; location?: { pointer?: string }[] }[];
}

let dir = "";
let file = "";

beforeAll(async () => {
  const res = await createApi().request(`${ORIGIN}/openapi.json`, undefined, {});
  expect(res.status).toBe(200);
  dir = await mkdtemp(path.join(tmpdir(), "newsfacts-openapi-"));
  file = path.join(dir, "openapi.json");
  await writeFile(file, await res.text());
});

afterAll(async () => {
  if (dir) await rm(dir, { recursive: true, force: true });
});

/** Runs `redocly lint` on the document with the recommended rules; its JSON report. */
async function lint(): Promise<RedoclyReport> {
  const bin = path.join(path.dirname(createRequire(import.meta.url).resolve("@redocly/cli/package.json")), "bin/cli.js");
  const args = [bin, "lint", file, "--extends=recommended", "--format=json", "--max-problems=1000"];
  // Offline and quiet: no telemetry, no update check. Run from the temporary folder so no config file is picked up.
  const env = { ...process.env, REDOCLY_TELEMETRY: "off", REDOCLY_SUPPRESS_UPDATE_NOTICE: "true", NO_COLOR: "1" };
  const out = await run(process.execPath, args, { cwd: dir, env, maxBuffer: 16 * 1024 * 1024 }).catch(
    // Exit status 1 when there are errors: the report is still on stdout.
    (e: { stdout?: string; stderr?: string }) => ({ stdout: e.stdout ?? "", stderr: e.stderr ?? "" }),
  );
  const start = out.stdout.indexOf("{");
  if (start < 0) throw new Error(`redocly printed no report: ${out.stdout}\n${out.stderr}`);
  return JSON.parse(out.stdout.slice(start)) as RedoclyReport;
}

describe("the OpenAPI document", () => {
  it("lints clean under Redocly's recommended rules: no errors, no warnings", { timeout: 120_000 }, async () => {
    const report = await lint();
    const problems = report.problems.map((p) => `${p.severity} ${p.ruleId} ${p.location?.[0]?.pointer ?? ""}: ${p.message}`);
    expect(problems).toEqual([]);
    expect(report.totals).toMatchObject({ errors: 0, warnings: 0 });
  });
});
