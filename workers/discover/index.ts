/**
 * Discovery — the scheduled half of the pipeline: read every active source, find article URLs,
 * record each new one as a `queued` article and put it on the queue.
 */
import { and, eq, inArray, lt, sql } from "drizzle-orm";
import { articles, sources } from "../../schema/tables";
import { chunkRows, createDb, type Db } from "../db/client";
import { decodeBody } from "../ingest/decode";
import type { ArticleMessage } from "../ingest/message";
import { fetchLimited } from "../net/fetch-limited";
import { canonicalUrl } from "./canonical-url";
import { type ListingEntry, parseListing } from "./parse-listing";
import { sourcesForPreset } from "./sources-config";

/** A sitemap index may point at more sitemaps; these bound the walk (and break self-references). */
const MAX_SITEMAP_DEPTH = 3;
const MAX_SITEMAPS_PER_SOURCE = 50;
/** Queue.sendBatch takes at most 100 messages a call. */
const SEND_BATCH_MAX = 100;

export interface SourceReport {
  sourceId: string;
  status: "ok" | "not_modified" | "error";
  found: number;
  queued: number;
  error?: string;
}

/** Seeds the sources table from the committed config: new ids are added, existing rows are left as the operator set them. */
export async function syncSourcesFromConfig(db: Db, preset: string, demoOrigin?: string): Promise<void> {
  const rows = sourcesForPreset(preset, demoOrigin).map((s) => ({
    id: s.id,
    name: s.name,
    kind: s.kind,
    url: s.url,
    lang: s.lang ?? null,
    local: s.local ?? false,
  }));
  for (const chunk of chunkRows(rows, 6)) await db.insert(sources).values(chunk).onConflictDoNothing();
}

/** Runs one discovery pass over every active source. Each source's failure is recorded on it and does not stop the others. */
export async function runDiscovery(env: Env): Promise<SourceReport[]> {
  const db = createDb(env.DB);
  await syncSourcesFromConfig(db, env.SOURCES_PRESET, env.DEMO_ORIGIN);
  const active = await db.select().from(sources).where(eq(sources.active, true)).all();
  const reports: SourceReport[] = [];
  for (const source of active) reports.push(await discoverSource(env, db, source));
  await resendStaleQueued(env, db);
  return reports;
}

/** Articles still `queued` this long after their last update lost their message (a failed send): send them again. */
const STALE_QUEUED_MINUTES = 60;

async function resendStaleQueued(env: Env, db: Db): Promise<void> {
  const cutoff = new Date(Date.now() - STALE_QUEUED_MINUTES * 60_000).toISOString();
  const stale = await db
    .select({ id: articles.id })
    .from(articles)
    .where(and(eq(articles.status, "queued"), lt(articles.updatedAt, cutoff)))
    .limit(500)
    .all();
  if (stale.length)
    await requeueArticles(
      env,
      db,
      stale.map((r) => r.id),
    );
}

type SourceRow = typeof sources.$inferSelect;

export async function discoverSource(env: Env, db: Db, source: SourceRow): Promise<SourceReport> {
  const now = new Date().toISOString();
  try {
    const found = await readSource(env, source);
    if (found === "not_modified") {
      await db
        .update(sources)
        .set({ lastStatus: "not_modified", lastError: null, lastCrawledAt: now, lastFound: 0, lastQueued: 0 })
        .where(eq(sources.id, source.id));
      return { sourceId: source.id, status: "not_modified", found: 0, queued: 0 };
    }
    const queued = await enqueueNew(env, db, source.id, found.entries);
    await db
      .update(sources)
      .set({
        lastStatus: "ok",
        lastError: null,
        lastCrawledAt: now,
        lastFound: found.entries.length,
        lastQueued: queued,
        etag: found.etag,
        lastModified: found.lastModified,
      })
      .where(eq(sources.id, source.id));
    return { sourceId: source.id, status: "ok", found: found.entries.length, queued };
  } catch (e) {
    const error = e instanceof Error ? e.message : String(e);
    await db.update(sources).set({ lastStatus: "error", lastError: error, lastCrawledAt: now }).where(eq(sources.id, source.id));
    return { sourceId: source.id, status: "error", found: 0, queued: 0, error };
  }
}

interface Found {
  entries: ListingEntry[];
  etag: string | null;
  lastModified: string | null;
}

/** Fetches a source (conditionally) and returns its article links, walking sitemap indexes. */
async function readSource(env: Env, source: SourceRow): Promise<Found | "not_modified"> {
  const conditional: Record<string, string> = {};
  if (source.etag) conditional["if-none-match"] = source.etag;
  if (source.lastModified) conditional["if-modified-since"] = source.lastModified;
  const first = await fetchListing(env, source, source.url, conditional);
  if (first === "not_modified") return "not_modified";
  const entries: ListingEntry[] = [];
  const visited = new Set<string>([first.finalUrl]);
  const pending: { url: string; depth: number }[] = [];
  const take = (listing: Awaited<ReturnType<typeof fetchListingBody>>["listing"], depth: number) => {
    if (listing.kind === "sitemapindex") {
      for (const url of listing.sitemaps) if (!visited.has(url) && depth < MAX_SITEMAP_DEPTH) pending.push({ url, depth: depth + 1 });
    } else entries.push(...listing.entries);
  };
  take(first.listing, 0);
  while (pending.length && visited.size < MAX_SITEMAPS_PER_SOURCE) {
    const next = pending.shift();
    if (!next || visited.has(next.url)) continue;
    visited.add(next.url);
    const child = await fetchListing(env, source, next.url, {});
    if (child !== "not_modified") take(child.listing, next.depth);
  }
  return { entries, etag: first.etag, lastModified: first.lastModified };
}

async function fetchListing(env: Env, source: SourceRow, url: string, headers: Record<string, string>) {
  const res = await fetchLimited(url, {
    userAgent: env.USER_AGENT,
    timeoutMs: Number(env.FETCH_TIMEOUT_MS),
    maxBytes: Number(env.MAX_BODY_BYTES) * 4,
    allowPrivate: source.local,
    headers,
  });
  if (!res.ok) throw new Error(`${url}: ${res.reason}`);
  if (res.notModified) return "not_modified" as const;
  return fetchListingBody(res.bytes, res.contentType, res.finalUrl, res.headers);
}

function fetchListingBody(bytes: Uint8Array, contentType: string | null, finalUrl: string, headers: Headers) {
  const listing = parseListing(decodeBody(bytes, contentType), finalUrl);
  return { listing, finalUrl, etag: headers.get("etag"), lastModified: headers.get("last-modified") };
}

/**
 * Records URLs not seen before as `queued` articles and sends them to the queue. URLs are
 * canonicalized first, so the same article behind different tracking links is one row.
 */
export async function enqueueNew(env: Env, db: Db, sourceId: string, entries: ListingEntry[]): Promise<number> {
  const urls = [...new Set(entries.map((e) => canonicalUrl(e.url)).filter((u): u is string => u !== null))];
  if (urls.length === 0) return 0;
  const fresh: { id: number; url: string }[] = [];
  for (const chunk of chunkRows(urls, 2)) {
    const rows = await db
      .insert(articles)
      .values(chunk.map((url) => ({ url, sourceId })))
      .onConflictDoNothing({ target: articles.url })
      .returning({ id: articles.id, url: articles.url });
    fresh.push(...rows);
  }
  const messages: MessageSendRequest<ArticleMessage>[] = fresh.map((a) => ({ body: { articleId: a.id, url: a.url, sourceId } }));
  for (let i = 0; i < messages.length; i += SEND_BATCH_MAX) await env.ARTICLES.sendBatch(messages.slice(i, i + SEND_BATCH_MAX));
  return fresh.length;
}

/** Re-queues articles by id (admin re-crawl and re-extraction); their rows already exist. */
export async function requeueArticles(env: Env, db: Db, ids: number[]): Promise<number> {
  let sent = 0;
  for (let i = 0; i < ids.length; i += SEND_BATCH_MAX) {
    const rows = await db
      .select({ id: articles.id, url: articles.url, sourceId: articles.sourceId })
      .from(articles)
      .where(inArray(articles.id, ids.slice(i, i + SEND_BATCH_MAX)))
      .all();
    if (rows.length === 0) continue;
    await db
      .update(articles)
      .set({ status: "queued", reason: "re-queued", updatedAt: sql`(strftime('%Y-%m-%dT%H:%M:%fZ','now'))` })
      .where(
        inArray(
          articles.id,
          rows.map((r) => r.id),
        ),
      );
    await env.ARTICLES.sendBatch(rows.map((r) => ({ body: { articleId: r.id, url: r.url, sourceId: r.sourceId ?? "" } })));
    sent += rows.length;
  }
  return sent;
}
