/**
 * Discovery — the scheduled half of the pipeline: read every active source, find article URLs,
 * record each new one as a `queued` article and put it on the queue.
 */
import { and, eq, inArray, lt, sql } from "drizzle-orm";
import type { ArticleMessage } from "../../schema/messages";
import { articles, sources } from "../../schema/tables";
import { chunkRows, createDb, type Db } from "../db/client";
import { readCachedRobots, robotsStale, storeRobots } from "../net/crawl-gate";
import { decodeBody } from "../net/decode";
import { fetchLimited } from "../net/fetch-limited";
import { botToken, robotsVerdict } from "../net/robots";
import { fetchRobots } from "../net/robots-fetch";
import { privateHostsFor, unsafeTargetReason } from "../net/ssrf-guard";
import { userAgentFor } from "../net/user-agent";
import { canonicalUrl } from "./canonical-url";
import { type ListingEntry, parseListing } from "./parse-listing";
import { sourcesForPreset } from "./sources-config";

/** A sitemap index may point at more sitemaps; these bound the walk (and break self-references). */
const MAX_SITEMAP_DEPTH = 3;
const MAX_SITEMAPS_PER_SOURCE = 50;
/** INSERT statements per D1 batch in enqueueNew: one round trip records up to 16 × this many URLs. */
const INSERTS_PER_BATCH = 12;
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
  // Six given columns plus the defaults Drizzle binds (active, last_found, last_queued).
  for (const chunk of chunkRows(rows, 10)) await db.insert(sources).values(chunk).onConflictDoNothing();
}

/** Runs one discovery pass over every active source. Each source's failure is recorded on it and does not stop the others. */
export async function runDiscovery(env: PipelineEnv): Promise<SourceReport[]> {
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

async function resendStaleQueued(env: PipelineEnv, db: Db): Promise<void> {
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

export async function discoverSource(env: PipelineEnv, db: Db, source: SourceRow): Promise<SourceReport> {
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
    const queued = await enqueueNew(env, db, source.id, found.entries, source);
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
    // A failed query's message carries its whole SQL and parameters: keep the start, which says what failed.
    const error = (e instanceof Error ? e.message : String(e)).slice(0, 500);
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
async function readSource(env: PipelineEnv, source: SourceRow): Promise<Found | "not_modified"> {
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

async function fetchListing(env: PipelineEnv, source: SourceRow, url: string, headers: Record<string, string>) {
  const refusal = await robotsRefusal(env, source, url);
  if (refusal) throw new Error(`${url}: ${refusal}`);
  const res = await fetchLimited(url, {
    userAgent: userAgentFor(env),
    timeoutMs: Number(env.FETCH_TIMEOUT_MS),
    maxBytes: Number(env.MAX_BODY_BYTES) * 4,
    allowPrivate: privateHostsFor(source),
    headers,
    // A listing that redirects is held to the target's robots.txt as well.
    beforeRedirect: async (target, hop) => {
      const refusal = await robotsRefusal(env, source, target.href);
      return refusal ? { transient: false, outcome: "skipped", reason: `${refusal} at redirect hop ${hop} to ${target.href}` } : null;
    },
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
export async function enqueueNew(
  env: PipelineEnv,
  db: Db,
  sourceId: string,
  entries: ListingEntry[],
  source?: { local: boolean; url: string },
): Promise<number> {
  const all = [...new Set(entries.map((e) => canonicalUrl(e.url)).filter((u): u is string => u !== null))];
  if (all.length === 0) return 0;
  // A listing may point anywhere: links the fetcher would refuse get a `skipped` row with the reason, and no message.
  const owner = source ?? (await db.select({ local: sources.local, url: sources.url }).from(sources).where(eq(sources.id, sourceId)).get());
  const allowed = privateHostsFor(owner);
  const urls: string[] = [];
  const refused: { url: string; sourceId: string; status: "skipped"; reason: string }[] = [];
  for (const url of all) {
    const unsafe = unsafeTargetReason(new URL(url), allowed);
    if (unsafe) refused.push({ url, sourceId, status: "skipped", reason: `refused: ${unsafe}` });
    else urls.push(url);
  }
  // Drizzle binds the columns' defaults too (status, attempts, fact_count): count them against D1's 100 parameters.
  for (const chunk of chunkRows(refused, 7)) await db.insert(articles).values(chunk).onConflictDoNothing({ target: articles.url });
  // Rows and messages go out together, a few hundred at a time: if the invocation is cut short, what
  // was recorded is already queued (and anything left `queued` is re-sent by resendStaleQueued).
  const inserts = chunkRows(urls, 6);
  let queued = 0;
  for (let i = 0; i < inserts.length; i += INSERTS_PER_BATCH) {
    const statements = inserts.slice(i, i + INSERTS_PER_BATCH).map((chunk) =>
      db
        .insert(articles)
        .values(chunk.map((url) => ({ url, sourceId })))
        .onConflictDoNothing({ target: articles.url })
        .returning({ id: articles.id, url: articles.url }),
    );
    const [first, ...rest] = statements;
    const fresh = (await db.batch([first, ...rest])).flat();
    const messages: MessageSendRequest<ArticleMessage>[] = fresh.map((a) => ({ body: { articleId: a.id, url: a.url, sourceId } }));
    for (let j = 0; j < messages.length; j += SEND_BATCH_MAX) await env.ARTICLES.sendBatch(messages.slice(j, j + SEND_BATCH_MAX));
    queued += fresh.length;
  }
  return queued;
}

/** Re-queues articles by id (admin re-crawl and re-extraction); their rows already exist. */
/**
 * Marks the articles `queued` and sends a message for each. `from` tells the consumer where to read
 * the page: absent, the network; "archive", the R2 copy (a re-extraction); "refetch", the network again.
 */
export async function requeueArticles(env: PipelineEnv, db: Db, ids: number[], from?: ArticleMessage["from"]): Promise<number> {
  let sent = 0;
  // The UPDATE below binds its two values beside the ids: stay under D1's 100 parameters.
  const step = Math.min(SEND_BATCH_MAX, 90);
  for (let i = 0; i < ids.length; i += step) {
    const rows = await db
      .select({ id: articles.id, url: articles.url, sourceId: articles.sourceId })
      .from(articles)
      .where(inArray(articles.id, ids.slice(i, i + step)))
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
    await env.ARTICLES.sendBatch(
      rows.map((r) => {
        const body: ArticleMessage = { articleId: r.id, url: r.url, sourceId: r.sourceId ?? "" };
        if (from) body.from = from;
        return { body };
      }),
    );
    sent += rows.length;
  }
  return sent;
}

/** Why robots.txt forbids fetching a listing URL, or null. Uses (and fills) the per-origin cache the consumer uses. */
async function robotsRefusal(env: PipelineEnv, source: SourceRow, url: string): Promise<string | null> {
  let u: URL;
  try {
    u = new URL(url);
  } catch {
    return null; // fetchLimited reports the bad URL
  }
  const now = Date.now();
  let robots = await readCachedRobots(env.DB, u.origin);
  if (robotsStale(robots, now)) {
    robots = await fetchRobots(u.origin, {
      userAgent: userAgentFor(env),
      timeoutMs: Number(env.FETCH_TIMEOUT_MS),
      allowPrivate: privateHostsFor(source),
      nowMs: now,
    });
    await storeRobots(env.DB, u.origin, robots);
  }
  if (robots?.status === "unreachable") return "robots.txt unreachable; not crawling until it answers";
  if (robots?.status !== "ok" || !robots.text) return null;
  const verdict = robotsVerdict(robots.text, botToken(userAgentFor(env)), u.pathname + u.search);
  return verdict.allowed ? null : `disallowed by robots.txt (${verdict.rule})`;
}
