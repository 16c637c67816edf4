/**
 * The operator's commands, sent by the API Worker's admin routes on the commands queue: the only
 * way the API reaches the pipeline. Each message is settled on its own; a failure retries it.
 */
import { isPipelineCommand, type PipelineCommand } from "../../schema/messages";
import { createDb } from "../db/client";
import { requeueArticles, runDiscovery } from "../discover";
import { moveTextsToArchive } from "./move-texts";

/** Articles re-queued per D1 read while answering a re-extract command. */
const REQUEUE_PAGE = 500;

/** Runs one command. Throws on failure, so the message is retried. */
export async function runCommand(cmd: PipelineCommand, env: PipelineEnv): Promise<string> {
  switch (cmd.command) {
    case "crawl": {
      const reports = await runDiscovery(env);
      return `crawl: ${reports.length} sources, ${reports.reduce((n, r) => n + r.queued, 0)} queued`;
    }
    case "reextract":
      return `reextract: ${await reextractAll(env, cmd.refetch)} articles queued`;
    case "move-texts": {
      let moved = 0;
      for (let n = -1; n !== 0; moved += n) n = await moveTextsToArchive(env, 200);
      return `move-texts: ${moved} moved`;
    }
  }
}

/** Queues every extracted article again: from the archive, or from the network when `refetch`. */
async function reextractAll(env: PipelineEnv, refetch: boolean): Promise<number> {
  const db = createDb(env.DB);
  let queued = 0;
  let after = 0;
  for (;;) {
    const ids = (
      await db.query.articles.findMany({
        columns: { id: true },
        where: (a, { and, eq, gt }) => and(eq(a.status, "extracted"), gt(a.id, after)),
        orderBy: (a, { asc }) => asc(a.id),
        limit: REQUEUE_PAGE,
      })
    ).map((r) => r.id);
    if (ids.length === 0) return queued;
    queued += await requeueArticles(env, db, ids, refetch ? "refetch" : "archive");
    after = ids[ids.length - 1];
  }
}

/** The consumer of the commands queue. */
export async function handleCommands(batch: MessageBatch<unknown>, env: PipelineEnv): Promise<void> {
  for (const msg of batch.messages) {
    if (!isPipelineCommand(msg.body)) {
      console.error("commands: dropping a message that is not a command:", JSON.stringify(msg.body)?.slice(0, 200));
      msg.ack();
      continue;
    }
    try {
      console.log(await runCommand(msg.body, env));
      msg.ack();
    } catch (e) {
      console.error(`commands: ${msg.body.command} failed, retrying:`, e);
      msg.retry();
    }
  }
}
