/**
 * One middleware for the public dataset routes: a strong ETag derived from the dataset version and
 * the URL, 304 on If-None-Match, and a stored copy keyed by version. A hit costs at most one D1 read
 * (the version row, by primary key) and none within a short freshness window (VERSION_FRESH_MS, 2 s
 * by default); an ingestion that changes data bumps the version (in its own batch), so no copy
 * outlives the data it was built from by more than that window.
 *
 * Where copies are kept:
 * - JSON, SVG and Atom answers: a small in-isolate memory of recent bodies (no I/O at all beyond the
 *   version read), then the Cache API (shared by the isolates of a colo), keyed by URL + version.
 * - The streamed exports (observations.csv, facts.ndjson): one object per export and version in R2
 *   (export-store.ts), written while the first download streams — no copy of the response is taken,
 *   so the export starts at once and its memory stays one upload part, whatever its size. They are
 *   keyed by export and version, not by URL: a query string cannot make a new full-table read.
 *
 * A request with `Cache-Control: no-cache` (or no-store) skips the stored copy and refreshes it only
 * when `mayBypass` says so (the operator's token): from the public it is ignored, so no caller can make
 * every request, or a full-table export, reach D1.
 *
 * Exports (CSV, NDJSON) go out compressed by the client's Accept-Encoding (br, else gzip), hit or
 * miss: the Workers runtime encodes the body as the Content-Encoding header says, and Cloudflare does
 * not compress those types on its own. The client's own header is `request.cf.clientAcceptEncoding`:
 * the Accept-Encoding a Worker sees is always rewritten to "br, gzip", and for these types the edge
 * would not decode for a client that cannot read br. Without it (a service binding, a test calling
 * the Worker) nothing is encoded; wrangler dev fills it from the request's own header. The stored
 * copies stay unencoded, one per version.
 */
import type { Context, MiddlewareHandler } from "hono";
import { exportKeyOf } from "../archive/keys";
import { readVersion } from "../db/dataset-version";
import { pruneExports, storedExportName, storeWhileStreaming } from "./export-store";

/** What browsers and CDNs may do: reuse for a minute, then revalidate with the ETag. */
export const CLIENT_CACHE_CONTROL = "public, max-age=60";
/** The Cache API copy is keyed by version, so it cannot go stale: keep it a day. */
const STORED_CACHE_CONTROL = "public, max-age=86400";

/** Paths whose responses depend only on the versioned dataset (not on crawl state such as article statuses). */
const CACHEABLE = [
  /^\/v1\/summary$/,
  /^\/v1\/metrics$/,
  /^\/v1\/metrics\/[^/]+\/(?:series|breakdown|plan)$/,
  /^\/v1\/metrics\/[^/]+\/card\.svg$/,
  /^\/v1\/observations(?:\/\d+\/sources)?$/,
  /^\/v1\/facts$/,
  /^\/v1\/people(?:\/[^/]+(?:\/(?:articles|quotes))?)?$/,
  /^\/v1\/events$/,
  /^\/v1\/export\/[^/]+$/,
  /^\/v1\/feeds\/(?:observations|conflicts)\.atom$/,
];

/** Bodies kept in isolate memory: at most this many, each at most MEMORY_MAX_BYTES (never anything under /v1/export/). */
const MEMORY_ENTRIES = 128;
const MEMORY_MAX_BYTES = 256 * 1024;

interface Remembered {
  body: ArrayBuffer;
  headers: [string, string][];
}

/** Insertion-ordered, so the oldest entry is the first key: a cheap LRU when hits re-insert. */
const memory = new Map<string, Remembered>();

function remember(key: string, value: Remembered): void {
  memory.delete(key);
  memory.set(key, value);
  while (memory.size > MEMORY_ENTRIES) memory.delete(memory.keys().next().value as string);
}

function recall(key: string): Remembered | undefined {
  const hit = memory.get(key);
  if (hit) remember(key, hit);
  return hit;
}

/** Empties the in-isolate layer and the remembered version (tests use it to reach the Cache API layer). */
export function forgetRemembered(): void {
  memory.clear();
  known = null;
}

export function isCacheablePath(pathname: string): boolean {
  return CACHEABLE.some((re) => re.test(pathname));
}

/** 32-bit FNV-1a, hex: enough to tell URLs apart inside one version's ETags. */
export function fnv1a(text: string): string {
  let h = 0x811c9dc5;
  for (let i = 0; i < text.length; i++) {
    h ^= text.charCodeAt(i);
    h = Math.imul(h, 0x01000193);
  }
  return (h >>> 0).toString(16).padStart(8, "0");
}

/** The strong ETag of a URL (path and query) at a dataset version. */
export function etagFor(version: string, url: URL): string {
  return `"v${version}-${fnv1a(url.pathname + url.search)}"`;
}

/** Whether an If-None-Match header names this ETag (or is "*"). */
export function matchesEtag(header: string | undefined, etag: string): boolean {
  if (!header) return false;
  return header.split(",").some((t) => {
    const tag = t.trim().replace(/^W\//, "");
    return tag === "*" || tag === etag;
  });
}

/** The Cache API key: the request URL with the version added, so a new version never meets an old entry. */
export function cacheKey(url: URL, version: string): Request {
  const key = new URL(url);
  key.searchParams.set("__dataset_version", version);
  return new Request(key.toString(), { method: "GET" });
}

type AnyEnv = { Bindings: { DB: D1Database; ARCHIVE: R2Bucket; VERSION_FRESH_MS?: string } };

export interface DatasetCacheOptions<E extends AnyEnv> {
  /** Whether this request may skip the cache with Cache-Control: no-cache (default: never). */
  mayBypass?: (c: Context<E>) => Promise<boolean>;
}

/** Content types that leave compressed when the client accepts it (the runtime does the encoding). */
const COMPRESSIBLE = /^(?:text\/csv|application\/x-ndjson)\b/i;

/** The encoding to send for an Accept-Encoding header: br, else gzip, else none (q=0 refuses one). */
export function negotiateEncoding(acceptEncoding: string | undefined): "br" | "gzip" | null {
  const accepted = new Map<string, number>();
  for (const part of (acceptEncoding ?? "").toLowerCase().split(",")) {
    const [name, ...params] = part.trim().split(";");
    if (!name) continue;
    const q = params.map((p) => /^\s*q=([\d.]+)\s*$/.exec(p)).find(Boolean);
    accepted.set(name.trim(), q ? Number(q[1]) : 1);
  }
  const wants = (e: string) => (accepted.get(e) ?? accepted.get("*") ?? 0) > 0;
  return wants("br") ? "br" : wants("gzip") ? "gzip" : null;
}

/** The Accept-Encoding the client itself sent, as Cloudflare's edge reports it; undefined when unknown. */
function clientAcceptEncoding(req: Request): string | undefined {
  return (req as Request & { cf?: { clientAcceptEncoding?: string } }).cf?.clientAcceptEncoding;
}

/** Marks a compressible answer for encoding by the runtime; others pass through. */
function encodeFor(res: Response, acceptEncoding: string | undefined): Response {
  if (!COMPRESSIBLE.test(res.headers.get("content-type") ?? "") || res.headers.has("content-encoding")) return res;
  const out = new Response(res.body, res);
  out.headers.append("vary", "Accept-Encoding");
  const encoding = negotiateEncoding(acceptEncoding);
  if (encoding) {
    out.headers.set("content-encoding", encoding);
    out.headers.delete("content-length");
  }
  return out;
}

/**
 * How long an isolate trusts the version it read last: a cache hit inside the window touches no D1 at all,
 * and a new ingestion shows at most this long (plus the client's max-age) later.
 */
export const DEFAULT_VERSION_FRESH_MS = 2000;
const freshMs = (v: string | undefined) =>
  v !== undefined && v !== "" && Number.isFinite(Number(v)) ? Number(v) : DEFAULT_VERSION_FRESH_MS;
let known: { version: string; at: number } | null = null;

/** The dataset version, read again only when the last read is older than `windowMs`. */
async function freshVersion(d1: D1Database, windowMs: number): Promise<string> {
  const now = Date.now();
  if (known && windowMs > 0 && now - known.at < windowMs) return known.version;
  const version = await readVersion(d1);
  known = { version, at: now };
  return version;
}

/** The 304 answer to an If-None-Match that names the current ETag. */
function notModified(etag: string, version: string, timing: string): Response {
  return new Response(null, {
    status: 304,
    headers: { etag, "cache-control": CLIENT_CACHE_CONTROL, "x-dataset-version": version, "server-timing": timing },
  });
}

/** A stored copy of the answer: from isolate memory (never for /v1/export/), else from the Cache API; null on a miss. */
async function storedCopy(key: Request, method: string, inMemory: boolean, timing: string): Promise<Response | null> {
  const near = inMemory ? recall(key.url) : undefined;
  if (near) {
    const res = new Response(method === "HEAD" ? null : near.body, { status: 200, headers: near.headers });
    res.headers.set("x-cache", "hit");
    res.headers.set("x-cache-layer", "memory");
    res.headers.set("server-timing", timing);
    return res;
  }
  const hit = await caches.default.match(key);
  if (!hit) return null;
  const res = new Response(method === "HEAD" ? null : hit.body, hit);
  res.headers.set("cache-control", CLIENT_CACHE_CONTROL);
  res.headers.set("x-cache", "hit");
  res.headers.set("x-cache-layer", "cache-api");
  res.headers.set("server-timing", timing);
  return res;
}

/** Runs `work` after the response if there is an execution context, else (a bare app.request in a test) before it. */
async function afterResponse(c: Pick<Context, "executionCtx">, work: Promise<unknown>): Promise<void> {
  try {
    c.executionCtx.waitUntil(work);
  } catch {
    await work;
  }
}

/**
 * Keeps a copy of a fresh answer in the Cache API and (small JSON only) in isolate memory, after the
 * response if it can. For small answers only: the clone buffers whatever its slower reader has not read.
 */
async function keepCopy(c: Pick<Context, "executionCtx">, key: Request, res: Response, inMemory: boolean): Promise<void> {
  const stored = res.clone();
  stored.headers.set("cache-control", STORED_CACHE_CONTROL);
  const forMemory = inMemory ? res.clone() : null;
  const put = Promise.all([
    caches.default.put(key, stored),
    forMemory?.arrayBuffer().then((body) => {
      if (body.byteLength <= MEMORY_MAX_BYTES) remember(key.url, { body, headers: [...res.headers] });
    }),
  ]);
  await afterResponse(c, put);
}

/** The headers every dataset answer carries beside its body's own. */
function versionHeaders(headers: Headers, etag: string, version: string, cache: "hit" | "miss" | "bypass", timing: string): Headers {
  headers.set("etag", etag);
  headers.set("x-dataset-version", version);
  headers.set("x-cache", cache);
  headers.set("cache-control", CLIENT_CACHE_CONTROL);
  headers.set("server-timing", timing);
  return headers;
}

interface ExportRequest {
  name: string;
  version: string;
  etag: string;
  timing: string;
  bypass: boolean;
}

/**
 * A streamed export: its object for this version from R2 (HEAD reads only its metadata), else the
 * route's stream, sent and stored at the same time (GET only; a HEAD stores nothing).
 */
async function exportByVersion<E extends AnyEnv>(
  c: Context<E>,
  next: () => Promise<void>,
  x: ExportRequest,
): Promise<Response | undefined> {
  const bucket = c.env.ARCHIVE;
  const key = exportKeyOf(x.version, x.name);
  const head = c.req.method === "HEAD";
  const acceptEncoding = clientAcceptEncoding(c.req.raw);
  if (!x.bypass) {
    const stored = head ? await bucket.head(key) : await bucket.get(key);
    if (stored) {
      const headers = new Headers();
      stored.writeHttpMetadata(headers);
      versionHeaders(headers, x.etag, x.version, "hit", x.timing).set("x-cache-layer", "r2");
      const body = head ? null : (stored as R2ObjectBody).body;
      return encodeFor(new Response(body, { status: 200, headers }), acceptEncoding);
    }
  }
  await next();
  if (c.res.status !== 200) return;
  const headers = versionHeaders(new Headers(c.res.headers), x.etag, x.version, x.bypass ? "bypass" : "miss", x.timing);
  if (head || !c.res.body) {
    void c.res.body?.cancel(); // a HEAD reads no more than the page the stream may have begun with
    c.res = encodeFor(new Response(null, { status: 200, headers }), acceptEncoding);
    return;
  }
  const body = storeWhileStreaming(bucket, key, c.res.body, {
    httpMetadata: {
      contentType: headers.get("content-type") ?? undefined,
      contentDisposition: headers.get("content-disposition") ?? undefined,
    },
    waitUntil: (work) => void afterResponse(c, work),
    onStored: () => pruneExports(bucket, x.name),
  });
  c.res = encodeFor(new Response(body, { status: 200, headers }), acceptEncoding);
}

export function datasetCache<E extends AnyEnv>(options: DatasetCacheOptions<E> = {}): MiddlewareHandler<E> {
  return async function cacheByVersion(c, next) {
    const method = c.req.method;
    const url = new URL(c.req.url);
    if ((method !== "GET" && method !== "HEAD") || !isCacheablePath(url.pathname)) return next();

    const bypass =
      /no-cache|no-store/i.test(c.req.header("cache-control") ?? "") && options.mayBypass !== undefined && (await options.mayBypass(c));
    // Timed for Server-Timing: the one D1 read a cache hit pays outside the freshness window (workerd's clock
    // advances across I/O); inside it, none.
    const t0 = Date.now();
    const version = await freshVersion(c.env.DB, bypass ? 0 : freshMs(c.env.VERSION_FRESH_MS));
    const timing = `dataset-version;dur=${Date.now() - t0}`;
    const etag = etagFor(version, url);
    if (matchesEtag(c.req.header("if-none-match"), etag)) return notModified(etag, version, timing);

    const exportName = storedExportName(url.pathname);
    if (exportName) return exportByVersion(c, next, { name: exportName, version, etag, timing, bypass });

    const key = cacheKey(url, version);
    const inMemory = !url.pathname.startsWith("/v1/export/");
    const copy = bypass ? null : await storedCopy(key, method, inMemory, timing);
    if (copy) return encodeFor(copy, clientAcceptEncoding(c.req.raw));

    await next();
    if (c.res.status !== 200) return;
    const res = new Response(c.res.body, c.res);
    versionHeaders(res.headers, etag, version, bypass ? "bypass" : "miss", timing);
    if (method === "GET") await keepCopy(c, key, res, inMemory);
    c.res = encodeFor(res, clientAcceptEncoding(c.req.raw));
  };
}
