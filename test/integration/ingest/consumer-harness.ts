/**
 * Drives the real queue consumer (createArticleHandler) with a message batch, as the queue would,
 * with optional faults injected into its real dependencies or env.
 */
import { createExecutionContext, createMessageBatch, getQueueResult, type QueueResult } from "cloudflare:test";
import type { ArticleMessage } from "../../../schema/messages";
import { createArticleHandler } from "../../../workers/ingest";
import type { IngestDeps } from "../../../workers/ingest/deps";
import { testEnv as env } from "../test-env";

let seq = 0;

/** The local source fault tests file their articles under (loopback is allowed for its own host only). */
export async function ensureLocalSource(id = "faults-local"): Promise<string> {
  await env.DB.prepare("INSERT OR IGNORE INTO sources (id, name, kind, url, local) VALUES (?, ?, 'pages', ?, 1)")
    .bind(id, id, `${env.TEST_ORIGIN}/faults/`)
    .run();
  return id;
}

/** Records an article as discovery would. `unique` adds a query string so each test's row is its own. */
export async function insertArticle(path: string, opts: { sourceId?: string | null; unique?: boolean } = {}): Promise<ArticleMessage> {
  const sourceId = opts.sourceId === undefined ? await ensureLocalSource() : opts.sourceId;
  const url = `${env.TEST_ORIGIN}${path}${opts.unique === false ? "" : `${path.includes("?") ? "&" : "?"}case=${++seq}`}`;
  const row = await env.DB.prepare("INSERT INTO articles (url, source_id) VALUES (?, ?) RETURNING id")
    .bind(url, sourceId)
    .first<{ id: number }>();
  if (!row) throw new Error("insert failed");
  return { articleId: row.id, url, sourceId: sourceId ?? "" };
}

export interface DeliverOptions {
  attempts?: number;
  deps?: Partial<IngestDeps>;
  vars?: Partial<PipelineEnv>;
  /** Told of every ack and retry as it happens (to check its order against D1 writes). */
  onSettle?: (kind: "ack" | "retry", msgId: string) => void;
}

/** Delivers messages to the consumer in one batch and returns what it acked and retried. */
export async function deliver(
  messages: ArticleMessage[],
  opts: DeliverOptions = {},
): Promise<QueueResult & { ids: string[]; delays: Record<string, number | undefined> }> {
  const ids = messages.map((_, i) => `m${++seq}-${i}`);
  const batch = createMessageBatch<ArticleMessage>(
    "newsfacts-articles",
    messages.map((body, i) => ({ id: ids[i], timestamp: new Date(), attempts: opts.attempts ?? 1, body })),
  );
  // getQueueResult does not report retry delays: note them on the way through (the real retry still runs).
  const delays: Record<string, number | undefined> = {};
  for (const m of batch.messages) {
    const retry = m.retry.bind(m);
    const ack = m.ack.bind(m);
    Object.defineProperty(m, "retry", {
      value: (o?: QueueRetryOptions) => {
        delays[m.id] = o?.delaySeconds;
        opts.onSettle?.("retry", m.id);
        retry(o);
      },
    });
    Object.defineProperty(m, "ack", {
      value: () => {
        opts.onSettle?.("ack", m.id);
        ack();
      },
    });
  }
  const ctx = createExecutionContext();
  await createArticleHandler(opts.deps)(batch, { ...env, ...opts.vars } as PipelineEnv);
  return { ...(await getQueueResult(batch, ctx)), ids, delays };
}

export interface ArticleRow {
  status: string;
  reason: string | null;
  http_status: number | null;
  attempts: number;
  final_url: string | null;
  title: string | null;
  fact_count: number;
}

export async function articleRow(id: number): Promise<ArticleRow | null> {
  return env.DB.prepare("SELECT status, reason, http_status, attempts, final_url, title, fact_count FROM articles WHERE id = ?")
    .bind(id)
    .first<ArticleRow>();
}

/** The main text the article's D1 row points at in R2 (null when the row has no key or the object is missing). */
export async function articleText(id: number): Promise<string | null> {
  const row = await env.DB.prepare("SELECT text_key FROM articles WHERE id = ?").bind(id).first<{ text_key: string | null }>();
  if (!row?.text_key) return null;
  return (await env.ARCHIVE.get(row.text_key))?.text() ?? null;
}

export const CHILD_TABLES = ["facts", "person_mentions", "quotes", "events", "article_countries"] as const;

/** How many rows of each child table belong to the article. */
export async function childCounts(articleId: number): Promise<Record<string, number>> {
  const out: Record<string, number> = {};
  for (const t of CHILD_TABLES) {
    const row = await env.DB.prepare(`SELECT count(*) AS n FROM ${t} WHERE article_id = ?`).bind(articleId).first<{ n: number }>();
    out[t] = row?.n ?? 0;
  }
  // The text counts as stored once D1 records its key and R2 holds it (an R2 write whose D1 batch failed does not).
  out.texts = (await articleText(articleId)) === null ? 0 : 1;
  return out;
}

/** How often the test site served a path (and how many bytes a streamed route wrote). */
export async function hits(path: string): Promise<{ hits: number; streamed: number; userAgent: string | null }> {
  const res = await fetch(`${env.TEST_ORIGIN}/faults/hits?path=${encodeURIComponent(path)}`);
  return res.json();
}
