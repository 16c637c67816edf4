/** `npm run deploy` refuses a production configuration that is not filled in or that reaches loopback. */
import { cpSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterEach, describe, expect, it } from "vitest";
import { checkProductionConfig } from "../../../scripts/lib/deploy-checks.mjs";

const ROOT = join(import.meta.dirname, "../../..");
let dirs: string[] = [];

/** A copy of the configs with `edit` applied to each, in a temp dir. */
function configsWith(edit: (toml: string, name: string) => string): string {
  const dir = mkdtempSync(join(tmpdir(), "deploy-checks-"));
  dirs.push(dir);
  cpSync(join(ROOT, "config"), join(dir, "config"), { recursive: true });
  for (const name of ["wrangler.api.toml", "wrangler.pipeline.toml"])
    writeFileSync(join(dir, name), edit(readFileSync(join(ROOT, name), "utf8"), name));
  return dir;
}

const filled = (toml: string) =>
  toml
    .replaceAll("REPLACE_WITH_D1_DATABASE_ID", "3f1c2a9e-5b7d-4e21-9a0c-6d8e4b2f1a73")
    .replaceAll("REPLACE_WITH_YOUR_CONTACT_URL", "https://bot.newsfacts.net/contact");

afterEach(() => {
  for (const d of dirs) rmSync(d, { recursive: true, force: true });
  dirs = [];
});

describe("the production configuration check", () => {
  it("refuses the committed configs until the database id and contact URL are set, naming each", () => {
    const problems: string[] = checkProductionConfig({ root: ROOT });
    expect(problems.some((p) => p.startsWith("api: database_id"))).toBe(true);
    expect(problems.some((p) => p.startsWith("pipeline: database_id"))).toBe(true);
    expect(problems.some((p) => p.includes("BOT_CONTACT_URL"))).toBe(true);
  });

  it("passes once they are filled in", () => {
    expect(checkProductionConfig({ root: configsWith(filled) })).toEqual([]);
  });

  it("refuses loopback, the all-zero local id, demo sources, a missing minify and two different databases", () => {
    const dir = configsWith((toml, name) => {
      let t = filled(toml);
      if (name === "wrangler.pipeline.toml")
        t = t
          .replace('SOURCES_PRESET = "production"', 'SOURCES_PRESET = "demo"')
          .replace('DEMO_ORIGIN = ""', 'DEMO_ORIGIN = "http://127.0.0.1:8790"')
          .replace(/(\[env\.production\][^[]*?)minify = true/, "$1minify = false");
      else t = t.replace("3f1c2a9e-5b7d-4e21-9a0c-6d8e4b2f1a73", "00000000-0000-0000-0000-000000000000");
      return t;
    });
    const problems: string[] = checkProductionConfig({ root: dir });
    expect(problems).toEqual(
      expect.arrayContaining([
        expect.stringMatching(/^api: database_id is "0{8}-/),
        expect.stringMatching(/^pipeline: var DEMO_ORIGIN points at loopback/),
        expect.stringMatching(/^pipeline: SOURCES_PRESET is "demo"/),
        expect.stringMatching(/^pipeline: minify is not true/),
        expect.stringMatching(/different databases/),
      ]),
    );
  });
});
