/**
 * What travels on the Queues between the two Workers and inside the pipeline. Discovery (and the
 * pipeline's commands) put article messages on the articles queue; the API Worker puts commands on
 * the commands queue, which only the pipeline consumes.
 */

/**
 * An article to ingest: its row already exists, the consumer fills it. `from` says where the page
 * comes from: the network (absent, a crawl), the R2 archive (a re-extraction, fetched only if the
 * archive has no copy) or the network again on an operator's request (`refetch`).
 */
export interface ArticleMessage {
  articleId: number;
  url: string;
  sourceId: string;
  from?: "archive" | "refetch";
}

export function isArticleMessage(body: unknown): body is ArticleMessage {
  const b = body as Partial<ArticleMessage> | null;
  return typeof b === "object" && b !== null && typeof b.articleId === "number" && typeof b.url === "string";
}

/** An operator's action that needs the pipeline, sent by the API's admin routes. */
export type PipelineCommand =
  | { command: "crawl" }
  | { command: "reextract"; refetch: boolean }
  /** Moves main texts still kept in D1 to R2 (also done a chunk at a time by every cron run). */
  | { command: "move-texts" };

const COMMANDS = new Set(["crawl", "reextract", "move-texts"]);

export function isPipelineCommand(body: unknown): body is PipelineCommand {
  const b = body as { command?: unknown } | null;
  return typeof b === "object" && b !== null && typeof b.command === "string" && COMMANDS.has(b.command);
}
