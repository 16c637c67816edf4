/**
 * The page archive: every fetched page as gzip bytes in R2, with what is needed to read it again
 * without the network — its final URL, the headers that decide how it decodes, when it was fetched
 * and the SHA-256 of the bytes as served.
 */
import { pageKeyOf } from "./keys";

/** The response headers kept beside a page: enough to decode it and to revalidate it later. */
const KEPT_HEADERS = ["content-type", "content-language", "last-modified", "etag"] as const;

export interface ArchivedPage {
  bytes: Uint8Array;
  finalUrl: string;
  httpStatus: number;
  contentType: string | null;
  headers: Record<string, string>;
  fetchedAt: string;
  contentHash: string;
}

export interface PageToArchive {
  bytes: Uint8Array;
  finalUrl: string;
  httpStatus: number;
  headers: Headers | null;
  contentType: string | null;
  fetchedAt: string;
  contentHash: string;
}

async function gzip(bytes: Uint8Array): Promise<Uint8Array> {
  const stream = new Blob([bytes]).stream().pipeThrough(new CompressionStream("gzip"));
  return new Uint8Array(await new Response(stream).arrayBuffer());
}

async function gunzip(stream: ReadableStream): Promise<Uint8Array> {
  return new Uint8Array(await new Response(stream.pipeThrough(new DecompressionStream("gzip"))).arrayBuffer());
}

function keptHeaders(headers: Headers | null, contentType: string | null): Record<string, string> {
  const out: Record<string, string> = {};
  for (const name of KEPT_HEADERS) {
    const v = headers?.get(name);
    if (v) out[name] = v.slice(0, 300);
  }
  if (contentType && !out["content-type"]) out["content-type"] = contentType;
  return out;
}

/** Stores a page under the article's key and returns the key. */
export async function putPage(bucket: R2Bucket, articleId: number, page: PageToArchive): Promise<string> {
  const key = pageKeyOf(articleId);
  const headers = keptHeaders(page.headers, page.contentType);
  await bucket.put(key, await gzip(page.bytes), {
    httpMetadata: { contentType: "text/html", contentEncoding: "gzip" },
    customMetadata: {
      finalUrl: page.finalUrl,
      httpStatus: String(page.httpStatus),
      fetchedAt: page.fetchedAt,
      contentHash: page.contentHash,
      headers: JSON.stringify(headers),
    },
  });
  return key;
}

/** The archived page of an article, or null when there is none. */
export async function getPage(bucket: R2Bucket, articleId: number): Promise<ArchivedPage | null> {
  const obj = await bucket.get(pageKeyOf(articleId));
  if (!obj) return null;
  const meta = obj.customMetadata ?? {};
  const headers = JSON.parse(meta.headers ?? "{}") as Record<string, string>;
  return {
    bytes: await gunzip(obj.body),
    finalUrl: meta.finalUrl ?? "",
    httpStatus: Number(meta.httpStatus ?? 200),
    contentType: headers["content-type"] ?? null,
    headers,
    fetchedAt: meta.fetchedAt ?? "",
    contentHash: meta.contentHash ?? "",
  };
}
