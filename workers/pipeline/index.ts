/**
 * The pipeline Worker: the cron and the queue consumers, no public fetch handler.
 *
 *   scheduled            → discover/  (sources → new article URLs → articles queue), then a chunk of
 *                                      the D1 → R2 text move
 *   queue: articles      → ingest/    (fetch or archive → extract/ → R2 + one D1 batch per article)
 *   queue: articles-dlq  → ingest/    (the final `failed` of messages that ran out of retries)
 *   queue: commands      → commands   (the API's admin actions: crawl, re-extract, move texts)
 */
import { runDiscovery } from "../discover";
import { handleArticleBatch, handleDeadLetters } from "../ingest";
import { handleCommands } from "./commands";
import { moveTextsToArchive } from "./move-texts";

/** Texts moved from D1 to R2 per cron run while any are left (a few hundred R2 writes, well inside a run's limits). */
const TEXTS_PER_RUN = 300;

export default {
  async scheduled(_controller, env, ctx) {
    ctx.waitUntil(
      (async () => {
        for (const r of await runDiscovery(env))
          console.log(`discover ${r.sourceId}: ${r.status}, ${r.found} found, ${r.queued} queued${r.error ? ` — ${r.error}` : ""}`);
        const moved = await moveTextsToArchive(env, TEXTS_PER_RUN);
        if (moved) console.log(`archive: moved ${moved} texts from D1 to R2`);
      })(),
    );
  },

  async queue(batch, env, _ctx) {
    if (batch.queue.endsWith("-dlq")) await handleDeadLetters(batch, env);
    else if (batch.queue.endsWith("-commands")) await handleCommands(batch, env);
    else await handleArticleBatch(batch, env);
  },
} satisfies ExportedHandler<PipelineEnv>;
