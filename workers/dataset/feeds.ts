/**
 * What the Atom feeds list: observations (actual totals) newest first, where "new" is when the
 * newest article backing an observation was written (observations keep no timestamp of their own;
 * an article's facts are written, and its fetched_at set, in one batch with the observations they touch).
 *
 * Two ways to the same order, each on indexes only:
 * - every observation: walk the articles newest write first (articles_fetched_idx), 90 at a time,
 *   and take the observations their facts back; the first article that reaches an observation is its
 *   newest, so the walk stops as soon as it has `limit` of them;
 * - one metric, or the conflicts: read that subset's observations, their facts and articles, and
 *   keep each one's newest write (a walk could read every article before a rare metric turns up).
 */
import type { Db } from "../db/client";
import { articlesByWrite, newestObservationsOf, newestWrite, observationsOfArticles, type WrittenArticle } from "../db/observations";
import { loadSources, type ObservationRow, type SourceRef } from "./observation-rows";

export type FeedKind = "observations" | "conflicts";

export interface FeedEntry {
  observation: ObservationRow;
  /** When the newest article backing it was written (RFC 3339, UTC). */
  updated: string;
  /** Every article backing it, earliest publication first (as /v1/observations lists them). */
  sources: SourceRef[];
}

/** Entries in a feed. */
export const FEED_SIZE = 50;
/** Articles per step of the walk (D1 binds at most 100 parameters). */
const WALK_PAGE = 90;
/** The walk gives up after this many articles (a dataset whose newest articles back no total would otherwise be read whole). */
const WALK_MAX_ARTICLES = 90 * 20;

/** A timestamp as RFC 3339 in UTC; SQLite's "YYYY-MM-DD HH:MM:SS" is read as UTC. Null when it is not a time. */
export function rfc3339(at: string | null | undefined): string | null {
  if (!at) return null;
  const ms = Date.parse(/^\d{4}-\d\d-\d\d \d/.test(at) ? `${at.replace(" ", "T")}Z` : at);
  return Number.isNaN(ms) ? null : new Date(ms).toISOString();
}

async function walk(db: Db, limit: number): Promise<{ observation: ObservationRow; updated: string }[]> {
  const out = new Map<number, { observation: ObservationRow; updated: string }>();
  let after: WrittenArticle | null = null;
  for (let read = 0; out.size < limit && read < WALK_MAX_ARTICLES; read += WALK_PAGE) {
    const page: WrittenArticle[] = await articlesByWrite(db, after, WALK_PAGE);
    if (page.length === 0) break;
    const at = new Map(page.map((a) => [a.id, a.at]));
    const rows = await observationsOfArticles(
      db,
      page.map((a) => a.id),
    );
    // The page's order (newest write first), not the ids' order the query returns.
    const order = new Map(page.map((a, i) => [a.id, i]));
    rows.sort((x, y) => (order.get(x.article_id) ?? 0) - (order.get(y.article_id) ?? 0) || y.id - x.id);
    for (const { article_id, ...observation } of rows) {
      if (out.size >= limit) break;
      const updated = rfc3339(at.get(article_id));
      if (updated && !out.has(observation.id)) out.set(observation.id, { observation, updated });
    }
    if (page.length < WALK_PAGE) break;
    after = page[page.length - 1];
  }
  return [...out.values()];
}

/** The entries of a feed: `kind`, optionally one metric's, newest first, `limit` at most. */
export async function feedEntries(db: Db, kind: FeedKind, metric: string | undefined, limit = FEED_SIZE): Promise<FeedEntry[]> {
  const picked =
    kind === "observations" && !metric
      ? await walk(db, limit)
      : (await newestObservationsOf(db, { metric, conflictsOnly: kind === "conflicts" }, limit)).flatMap(({ updated, ...observation }) => {
          const at = rfc3339(updated);
          return at ? [{ observation, updated: at }] : [];
        });
  const sources = await loadSources(
    db,
    picked.map((p) => p.observation.id),
  );
  return picked.map((p) => ({ ...p, sources: sources.get(p.observation.id) ?? [] }));
}

/** When the feed last changed: its newest entry, else the dataset's last write, else the epoch (an empty dataset). */
export async function feedUpdated(db: Db, entries: FeedEntry[]): Promise<string> {
  // RFC 3339 in UTC with milliseconds, as rfc3339() writes them: text order is time order.
  const newest = entries
    .map((e) => e.updated)
    .sort()
    .at(-1);
  if (newest) return newest;
  return rfc3339(await newestWrite(db)) ?? "1970-01-01T00:00:00.000Z";
}
