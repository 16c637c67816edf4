#!/usr/bin/env node
/**
 * npm run bench:storage — the demo site through the whole pipeline (as npm start runs it, in a
 * temporary persist dir), then what D1 and R2 hold per article once the queue is drained.
 */
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { startStack } from "./lib/stack.mjs";
import { measureStorage, storageLine, tablesLine } from "./lib/storage.mjs";

const persistTo = mkdtempSync(join(tmpdir(), "newsfacts-bench-storage-"));
const stack = await startStack({ port: 8797, demoPort: 8798, persistTo });
let code = 0;
try {
  await stack.fireCron();
  const stats = await stack.waitForDrain({ min: 1, timeoutMs: 120_000 });
  console.log(`demo: ${stats.articles?.extracted ?? 0} articles, ${stats.facts} facts`);
} catch (e) {
  console.error(`bench:storage failed: ${e.message}`);
  code = 1;
} finally {
  await stack.stop();
}
if (!code) {
  const storage = await measureStorage(persistTo);
  console.log(storageLine(storage));
  console.log(tablesLine(storage));
}
rmSync(persistTo, { recursive: true, force: true });
process.exit(code);
