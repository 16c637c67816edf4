/**
 * npm start — the main job: the whole pipeline locally and offline on the bundled demo news site.
 * Applies migrations, starts the demo site and the Worker, fires the cron once, waits until the
 * queue is drained, prints the ready line, and serves until Ctrl-C.
 */
import { startStack } from "./lib/stack.mjs";

const verbose = process.argv.includes("--verbose");
const started = Date.now();
const stack = await startStack({ log: verbose ? (s) => process.stderr.write(s) : () => {} }).catch((e) => {
  console.error(`start: ${e.message}`);
  process.exit(1);
});

let stopping = false;
const shutdown = async (code = 0) => {
  if (stopping) return;
  stopping = true;
  await stack.stop();
  process.exit(code);
};
process.on("SIGINT", () => shutdown(0));
process.on("SIGTERM", () => shutdown(0));

try {
  console.error(`demo site: ${stack.demoOrigin} — worker: ${stack.origin} — firing the cron…`);
  await stack.fireCron();
  const stats = await stack.waitForDrain({ min: 1, timeoutMs: 80_000 });
  const articles = stats.articles.extracted ?? 0;
  console.log(`ready: ${stack.origin} — ${articles} articles, ${stats.facts} facts`);
  console.error(
    `(${((Date.now() - started) / 1000).toFixed(1)} s; dashboard ${stack.origin}/, API ${stack.origin}/v1/summary, docs ${stack.origin}/docs — Ctrl-C to stop)`,
  );
} catch (e) {
  console.error(`start: ${e.message}`);
  await shutdown(1);
}
