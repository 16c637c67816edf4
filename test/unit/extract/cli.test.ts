import { execFile } from "node:child_process";
import { mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { promisify } from "node:util";
import { describe, expect, it } from "vitest";

const run = promisify(execFile);
const root = join(__dirname, "../../..");

describe("npm run extract", () => {
  it("prints an error line for a binary file, a result line for an article, and exits 1", async () => {
    const dir = mkdtempSync(join(tmpdir(), "newsfacts-cli-"));
    const bin = join(dir, "photo.html");
    const bytes = new Uint8Array(8192);
    for (let i = 0; i < bytes.length; i++) bytes[i] = (i * 7919) % 256;
    writeFileSync(bin, bytes);
    const txt = join(dir, "article.txt");
    writeFileSync(txt, "Xuất khẩu tăng\nNăm 2023, kim ngạch xuất khẩu của thành phố đạt 17 tỷ USD, tăng 3%.\n");
    const result = await run(join(root, "node_modules/.bin/tsx"), [join(root, "scripts/extract-cli.ts"), bin, txt], { cwd: root }).catch(
      (e: { code: number; stdout: string }) => e,
    );
    const lines = result.stdout
      .trim()
      .split("\n")
      .map((l) => JSON.parse(l));
    expect((result as { code?: number }).code).toBe(1);
    expect(lines[0]).toEqual({ file: bin, error: expect.stringMatching(/^not text: /) });
    expect(lines[1].facts.map((f: { metric: string }) => f.metric)).toEqual(["exports", "exports_growth"]);
  });
});
