/**
 * npm run --silent extract -- FILE [FILE ...] [--url URL] [--published YYYY-MM-DD]
 *
 * One JSON object per input file on stdout (JSON Lines, input order); diagnostics on stderr; a file
 * that cannot be read or parsed gets {"file", "error"} and the exit status becomes 1.
 */
import { readFileSync } from "node:fs";
import { extname } from "node:path";
import { extract } from "../workers/extract";
import { decodeBody } from "../workers/net/decode";

function main(argv: string[]): number {
  const files: string[] = [];
  let url: string | null = null;
  let published: string | null = null;
  for (let i = 0; i < argv.length; i++) {
    const a = argv[i];
    if (a === "--url") url = argv[++i] ?? null;
    else if (a === "--published") published = argv[++i] ?? null;
    else if (a === "--help" || a === "-h") {
      process.stderr.write("usage: npm run --silent extract -- FILE [FILE ...] [--url URL] [--published YYYY-MM-DD]\n");
      return 0;
    } else files.push(a);
  }
  if (files.length === 0) {
    process.stderr.write("extract: no input files (usage: extract FILE [FILE ...] [--url URL] [--published YYYY-MM-DD])\n");
    return 2;
  }
  if (published !== null && !/^\d{4}-\d{2}-\d{2}$/.test(published)) {
    process.stderr.write(`extract: --published must be YYYY-MM-DD, got "${published}"\n`);
    return 2;
  }
  if (files.length > 1 && (url || published)) process.stderr.write("extract: --url and --published apply to a single file; ignored\n");
  const single = files.length === 1;
  let failed = 0;
  const out: string[] = [];
  for (const file of files) {
    try {
      const bytes = readFileSync(file);
      const ext = extname(file).toLowerCase();
      const kind = ext === ".html" || ext === ".htm" ? "html" : "text";
      const body = kind === "html" ? decodeBody(bytes, null) : new TextDecoder("utf-8").decode(bytes);
      const result = extract({ body, kind, url: single ? url : null, published: single ? published : null });
      out.push(JSON.stringify({ file, ...result }));
    } catch (e) {
      failed++;
      const message = e instanceof Error ? e.message : String(e);
      process.stderr.write(`extract: ${file}: ${message}\n`);
      out.push(JSON.stringify({ file, error: message }));
    }
    if (out.length >= 64) process.stdout.write(`${out.splice(0).join("\n")}\n`);
  }
  if (out.length) process.stdout.write(`${out.join("\n")}\n`);
  return failed ? 1 : 0;
}

process.exitCode = main(process.argv.slice(2));
