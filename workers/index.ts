/**
 * The newsfacts Worker: three handlers, one per stage of the pipeline.
 *
 *   scheduled → discover/  (sources → new article URLs → queue)
 *   queue     → ingest/    (fetch → extract/ → one D1 batch per article)
 *   fetch     → api/       (the public dataset, widgets, admin)
 */
import { createApi } from "./api";
import { runDiscovery } from "./discover";
import { handleArticleBatch, handleDeadLetters } from "./ingest";

const api = createApi();

export default {
  fetch: api.fetch,

  async scheduled(_controller, env, ctx) {
    ctx.waitUntil(
      runDiscovery(env).then((reports) => {
        for (const r of reports)
          console.log(`discover ${r.sourceId}: ${r.status}, ${r.found} found, ${r.queued} queued${r.error ? ` — ${r.error}` : ""}`);
      }),
    );
  },

  async queue(batch, env, _ctx) {
    if (batch.queue.endsWith("-dlq")) await handleDeadLetters(batch, env);
    else await handleArticleBatch(batch, env);
  },
} satisfies ExportedHandler<Env>;
