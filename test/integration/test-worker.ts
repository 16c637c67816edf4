/**
 * The Worker the integration tests run in workerd: the API Worker's fetch handler beside the
 * pipeline Worker's scheduled and queue handlers, over the same local D1, R2 and Queues — so one
 * test can crawl, consume and read the API. Each half is the real Worker's own export; the two
 * Workers run apart in `npm start` and the browser tests, and test/integration/deploy/bundles.test.ts
 * checks what each bundle holds.
 */
import api from "../../workers/api/worker";
import pipeline from "../../workers/pipeline";

export default {
  fetch: api.fetch,
  scheduled: pipeline.scheduled,
  queue: pipeline.queue,
} satisfies ExportedHandler<PipelineEnv & ApiBindings>;
