/**
 * The consumer's read of one article and its source (status, content hash, archive key, whether the
 * source is local). It stays a D1 prepared statement, not a Drizzle query, because the consumer sends
 * it in one D1 batch with the raw slot reservation of db/crawl-hosts.ts: one round trip for both.
 */

/** Where a page of articles (a person's, an observation's sources) starts: after this article, by its publication date and id. */
export interface ArticleCursor {
  published: string | null;
  articleId: number;
}

/** What the consumer needs to know about an article before it fetches or re-extracts it. */
export interface ArticleState {
  id: number;
  url: string;
  status: string;
  contentHash: string | null;
  extractorVersion: string | null;
  pageKey: string | null;
  source: { local: boolean; url: string } | null;
}

const ARTICLE_SQL = `SELECT a.id, a.url, a.status, a.content_hash, a.extractor_version, a.page_key,
  s.local AS source_local, s.url AS source_url FROM articles a LEFT JOIN sources s ON s.id = a.source_id`;

/** The statement that reads an article (by id or by URL) with its source; run it alone or in a batch. */
export function articleStateStatement(d1: D1Database, by: { id: number } | { url: string }): D1PreparedStatement {
  return "id" in by ? d1.prepare(`${ARTICLE_SQL} WHERE a.id = ?`).bind(by.id) : d1.prepare(`${ARTICLE_SQL} WHERE a.url = ?`).bind(by.url);
}

interface ArticleJoinRow {
  id: number;
  url: string;
  status: string;
  content_hash: string | null;
  extractor_version: string | null;
  page_key: string | null;
  source_local: number | null;
  source_url: string | null;
}

/** The state read by articleStateStatement, or null when no row matched. */
export function articleState(row: unknown): ArticleState | null {
  const r = row as ArticleJoinRow | undefined | null;
  if (!r) return null;
  return {
    id: r.id,
    url: r.url,
    status: r.status,
    contentHash: r.content_hash,
    extractorVersion: r.extractor_version,
    pageKey: r.page_key,
    source: r.source_url !== null ? { local: r.source_local === 1, url: r.source_url } : null,
  };
}
