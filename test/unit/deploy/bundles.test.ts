/**
 * What each Worker really ships: `wrangler deploy --dry-run --env production` bundles both (offline, no
 * login), and the API bundle must carry neither the extractor nor an HTML/XML parser while the pipeline
 * bundle carries both (so the markers below are live and this test can fail). Records each bundle's size.
 */
import { spawn } from "node:child_process";
import { mkdtempSync, readdirSync, readFileSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { gzipSync } from "node:zlib";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { ROOT, wranglerEnv } from "../../../scripts/lib/stack.mjs";

const WRANGLER = join(ROOT, "node_modules", ".bin", "wrangler");
const DRY_RUN_TIMEOUT_MS = 150_000;

const extractorVersion = /export const EXTRACTOR_VERSION = "([^"]+)"/.exec(
  readFileSync(join(ROOT, "workers/extract/index.ts"), "utf8"),
)?.[1];

/** Strings that survive minification, each found in the pipeline bundle and not in the API bundle (checked below). */
const EXTRACTOR_MARKERS: Record<string, string> = {
  // The extractor's version constant (workers/extract/index.ts), inlined as a string literal.
  [`"${extractorVersion}"`]: "EXTRACTOR_VERSION",
  // The message of notTextReason (workers/extract/page/not-text.ts).
  "control or undecodable characters": "extractor: notTextReason",
};
const PARSER_MARKERS: Record<string, string> = {
  // htmlparser2's Parser, on a write after end().
  ".write() after done!": "htmlparser2 Parser",
  // The callback htmlparser2's Tokenizer/Parser and domhandler's handler share (a property name: not minified).
  onprocessinginstruction: "htmlparser2 / domhandler",
  // fast-xml-parser's DOCTYPE reader (the feed parser of workers/discover).
  "External entities are not supported": "fast-xml-parser",
};
const MARKERS = { ...EXTRACTOR_MARKERS, ...PARSER_MARKERS };

interface Build {
  config: string;
  outdir: string;
  code: number | null;
  output: string;
  /** The bundled module(s), source maps and README left out. */
  files: string[];
  text: string;
  raw: number;
  gzip: number;
}

const builds: Record<"api" | "pipeline", Build> = {} as Record<"api" | "pipeline", Build>;
const tmp = mkdtempSync(join(tmpdir(), "bundles-"));

function dryRun(config: string, outdir: string): Promise<Build> {
  return new Promise((resolve, reject) => {
    const child = spawn(WRANGLER, ["deploy", "--dry-run", "--env", "production", "-c", config, "--outdir", outdir], {
      cwd: ROOT,
      env: wranglerEnv(),
      stdio: ["ignore", "pipe", "pipe"],
    });
    let output = "";
    child.stdout.on("data", (d) => {
      output += d;
    });
    child.stderr.on("data", (d) => {
      output += d;
    });
    const timer = setTimeout(() => child.kill("SIGKILL"), DRY_RUN_TIMEOUT_MS);
    child.on("error", (e) => {
      clearTimeout(timer);
      reject(e);
    });
    child.on("close", (code) => {
      clearTimeout(timer);
      const files = code === 0 ? readdirSync(outdir).filter((f) => /\.m?js$/.test(f)) : [];
      const bytes = Buffer.concat(files.map((f) => readFileSync(join(outdir, f))));
      resolve({ config, outdir, code, output, files, text: bytes.toString("utf8"), raw: bytes.length, gzip: gzipSync(bytes).length });
    });
  });
}

const present = (b: Build, markers: Record<string, string>) =>
  Object.entries(markers)
    .filter(([marker]) => b.text.includes(marker))
    .map(([marker, what]) => `${marker} (${what})`);

beforeAll(async () => {
  const [api, pipeline] = await Promise.all([
    dryRun("wrangler.api.toml", join(tmp, "api")),
    dryRun("wrangler.pipeline.toml", join(tmp, "pipeline")),
  ]);
  builds.api = api;
  builds.pipeline = pipeline;
}, DRY_RUN_TIMEOUT_MS + 30_000);

afterAll(() => {
  rmSync(tmp, { recursive: true, force: true });
});

describe("the production bundles (wrangler deploy --dry-run --env production)", () => {
  it("reads the extractor version the marker is built from", () => {
    expect(extractorVersion).toMatch(/^\d+\.\d+\.\d+/);
  });

  it("builds both Workers offline: each dry run exits 0 and writes a bundle", () => {
    for (const b of Object.values(builds)) {
      expect(b.code, `${b.config}:\n${b.output}`).toBe(0);
      expect(b.files.length, `${b.config}: no .js in ${b.outdir}`).toBeGreaterThan(0);
    }
  });

  it("the API bundle contains neither the extractor nor an HTML/XML parser", () => {
    expect(builds.api.code).toBe(0);
    expect(present(builds.api, MARKERS)).toEqual([]);
  });

  it("the pipeline bundle contains the extractor and the parsers (the markers are live: the API check can fail)", () => {
    expect(builds.pipeline.code).toBe(0);
    expect(present(builds.pipeline, MARKERS)).toEqual(Object.entries(MARKERS).map(([marker, what]) => `${marker} (${what})`));
  });

  it("records each bundle's raw and gzip size", () => {
    for (const [name, b] of Object.entries(builds)) {
      expect(b.raw).toBeGreaterThan(0);
      console.log(
        `${name} bundle (${b.config}, ${b.files.join(" + ")}): ${b.raw.toLocaleString("en")} B raw, ${b.gzip.toLocaleString("en")} B gzip` +
          ` (${(b.raw / 1024).toFixed(1)} KiB / ${(b.gzip / 1024).toFixed(1)} KiB)`,
      );
    }
  });
});
