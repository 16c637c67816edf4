/**
 * The streamed exports kept per dataset version in R2 (workers/dataset/export-store.ts), against the
 * real Worker, D1 and R2 of workerd: a miss streams and stores the same bytes, the object appears
 * only once the stream has ended, a hit reads R2 and no data from D1, an export larger than one part
 * goes up as a multipart upload, a client that leaves or a source that fails leaves no object (and the
 * upload is aborted), and superseded versions are pruned. The bucket is the real binding; where a test
 * needs to see the calls made to it, a Proxy records them and passes each one on.
 */
import { createExecutionContext, waitOnExecutionContext } from "cloudflare:test";
import { describe, expect, it } from "vitest";
import { exportKeyOf } from "../../../workers/archive/keys";
import { PART_BYTES, pruneExports, storeWhileStreaming } from "../../../workers/dataset/export-store";
import { forgetRemembered } from "../../../workers/dataset/http-cache";
import { readVersion } from "../../../workers/db/dataset-version";
import { extraction, fact, writeTestArticle } from "../dataset/fixtures";
import { testEnv as env } from "../test-env";

interface RecordedUpload {
  key: string;
  uploadId: string;
  /** The size of each part sent, in order (once it has been sent). */
  parts: number[];
  completed: boolean;
  aborted: boolean;
}

/** The real bucket, with the multipart uploads and puts made through it recorded. */
function recordingBucket(bucket: R2Bucket): { bucket: R2Bucket; uploads: RecordedUpload[]; puts: string[] } {
  const uploads: RecordedUpload[] = [];
  const puts: string[] = [];
  const size = (v: unknown) => (ArrayBuffer.isView(v) ? v.byteLength : v instanceof ArrayBuffer ? v.byteLength : -1);
  const proxy = new Proxy(bucket, {
    get(target, prop) {
      if (prop === "createMultipartUpload")
        return async (key: string, options?: R2MultipartOptions) => {
          const upload = await target.createMultipartUpload(key, options);
          const rec: RecordedUpload = { key, uploadId: upload.uploadId, parts: [], completed: false, aborted: false };
          uploads.push(rec);
          return {
            key: upload.key,
            uploadId: upload.uploadId,
            uploadPart: async (n: number, value: ArrayBufferView) => {
              const part = await upload.uploadPart(n, value);
              rec.parts.push(size(value));
              return part;
            },
            abort: async () => {
              await upload.abort();
              rec.aborted = true;
            },
            complete: async (parts: R2UploadedPart[]) => {
              const done = await upload.complete(parts);
              rec.completed = true;
              return done;
            },
          } as R2MultipartUpload;
        };
      if (prop === "put")
        return (key: string, ...rest: Parameters<R2Bucket["put"]> extends [string, ...infer R] ? R : never) => {
          puts.push(key);
          return target.put(key, ...rest);
        };
      const v = Reflect.get(target, prop);
      return typeof v === "function" ? v.bind(target) : v;
    },
  });
  return { bucket: proxy, uploads, puts };
}

/** A D1 that counts the statements it is asked to prepare. */
function countingD1(d1: D1Database): { db: D1Database; count: () => number } {
  let n = 0;
  const db = new Proxy(d1, {
    get(target, prop) {
      if (prop === "prepare")
        return (q: string) => {
          n++;
          return target.prepare(q);
        };
      const v = Reflect.get(target, prop);
      return typeof v === "function" ? v.bind(target) : v;
    },
  });
  return { db, count: () => n };
}

/**
 * One request to the Worker's own fetch handler with these bindings. The Response comes back as the
 * Worker made it: its body is the stream the Worker returns, not encoded (the runtime encodes on the way out).
 */
async function call(path: string, bindings: Partial<typeof env> = {}, init: { method?: string; headers?: Record<string, string> } = {}) {
  const { default: worker } = await import("../test-worker");
  const ctx = createExecutionContext();
  const req = new Request<unknown, IncomingRequestCfProperties>(`http://api.test${path}`, {
    method: init.method ?? "GET",
    headers: init.headers,
  });
  const res = await worker.fetch(req, { ...env, ...bindings }, ctx);
  return { res, done: () => waitOnExecutionContext(ctx) };
}

const bytesOf = async (body: ReadableStream<Uint8Array> | null) => new Uint8Array(await new Response(body).arrayBuffer());
const textOf = (bytes: Uint8Array) => new TextDecoder().decode(bytes);
const sameBytes = (a: Uint8Array, b: Uint8Array) => a.byteLength === b.byteLength && a.every((x, i) => x === b[i]);

/**
 * `n` more facts for one article, written straight into D1 (an NDJSON line is about 500 bytes: 15,000
 * make more than one 5 MiB part). The version is not bumped: write an article first.
 */
async function bulkFacts(articleId: number, n: number): Promise<void> {
  await env.DB.prepare(
    `WITH RECURSIVE k(i) AS (SELECT 1 UNION ALL SELECT i + 1 FROM k WHERE i < ?)
     INSERT INTO facts (article_id, seq, metric, value, unit, currency, period_start, period_end, geo, qualifier, basis, sentence)
     SELECT ?, 1000 + i, 'exports', i, 'currency', 'USD', '2024-01', '2024-12', 'bulk-geo', 'exact', 'actual', hex(randomblob(50)) FROM k`,
  )
    .bind(n, articleId)
    .run();
}

describe("exports stored in R2 per dataset version", () => {
  it("a miss streams and stores the same bytes, visible once the stream has ended; a hit reads R2 and only the version row from D1", async () => {
    await writeTestArticle(extraction({ facts: [fact({ metric: "exports", value: 5, geo: "store-geo" })] }));
    forgetRemembered();
    const version = await readVersion(env.DB);
    const key = exportKeyOf(version, "observations.csv");
    expect(await env.ARCHIVE.head(key)).toBeNull();

    const d1 = countingD1(env.DB);
    const miss = await call("/v1/export/observations.csv", { DB: d1.db });
    expect([miss.res.status, miss.res.headers.get("x-cache")]).toEqual([200, "miss"]);
    const sent = await bytesOf(miss.res.body);
    await miss.done();
    expect(d1.count()).toBeGreaterThanOrEqual(2); // the version, then the pages
    const csv = textOf(sent);
    expect(csv).toMatch(/^id,metric,geo,/);
    expect(csv).toContain("store-geo");

    const stored = await env.ARCHIVE.get(key);
    expect(stored?.httpMetadata).toMatchObject({ contentType: "text/csv; charset=utf-8" });
    expect(sameBytes(await bytesOf(stored?.body ?? null), sent)).toBe(true);

    const before = d1.count();
    const hit = await call("/v1/export/observations.csv", { DB: d1.db });
    expect([hit.res.headers.get("x-cache"), hit.res.headers.get("x-cache-layer")]).toEqual(["hit", "r2"]);
    expect(hit.res.headers.get("etag")).toBe(miss.res.headers.get("etag"));
    expect(hit.res.headers.get("content-disposition")).toBe('attachment; filename="observations.csv"');
    expect(sameBytes(await bytesOf(hit.res.body), sent)).toBe(true);
    await hit.done();
    expect(d1.count() - before).toBe(1); // the version row; no data

    // The client's copy of this version: 304, no body.
    const again = await call("/v1/export/observations.csv", {}, { headers: { "if-none-match": hit.res.headers.get("etag") ?? "" } });
    expect(again.res.status).toBe(304);
  });

  it("a new dataset version makes a new object; the superseded one stays for downloads begun before, and is pruned an hour later", async () => {
    await writeTestArticle(extraction({ facts: [fact({ metric: "imports", value: 1, geo: "version-geo" })] }));
    const v1 = await readVersion(env.DB);
    const first = await call("/v1/export/facts.ndjson");
    await bytesOf(first.res.body);
    await first.done();
    await writeTestArticle(extraction({ facts: [fact({ metric: "imports", value: 2, geo: "version-geo" })] }));
    const v2 = await readVersion(env.DB);
    expect(v2).not.toBe(v1);
    const second = await call("/v1/export/facts.ndjson");
    expect(second.res.headers.get("x-cache")).toBe("miss");
    const lines = textOf(await bytesOf(second.res.body))
      .trim()
      .split("\n");
    expect(lines.filter((l) => l.includes('"version-geo"'))).toHaveLength(2);
    await second.done(); // the pruning after the store

    const [old, current] = [exportKeyOf(v1, "facts.ndjson"), exportKeyOf(v2, "facts.ndjson")];
    expect(await env.ARCHIVE.head(old)).not.toBeNull();
    expect(await env.ARCHIVE.head(current)).not.toBeNull();
    // An hour after the new version was stored, the old one goes; the newest stays, other exports are not touched.
    const other = exportKeyOf(v1, "observations.csv");
    await env.ARCHIVE.put(other, "x");
    expect(await pruneExports(env.ARCHIVE, "facts.ndjson")).toEqual([]);
    expect(await pruneExports(env.ARCHIVE, "facts.ndjson", Date.now() + 2 * 3600_000)).toEqual([old]);
    expect(await env.ARCHIVE.head(old)).toBeNull();
    expect(await env.ARCHIVE.head(current)).not.toBeNull();
    expect(await env.ARCHIVE.head(other)).not.toBeNull();
  });

  it("HEAD answers from the object's metadata, and a HEAD miss stores nothing", async () => {
    await writeTestArticle(extraction({ facts: [fact({ metric: "exports", value: 9, geo: "head-geo" })] }));
    const key = exportKeyOf(await readVersion(env.DB), "observations.csv");
    const headMiss = await call("/v1/export/observations.csv", {}, { method: "HEAD" });
    expect([headMiss.res.status, headMiss.res.headers.get("x-cache"), headMiss.res.body]).toEqual([200, "miss", null]);
    await headMiss.done();
    expect(await env.ARCHIVE.head(key)).toBeNull();

    const get = await call("/v1/export/observations.csv");
    await bytesOf(get.res.body);
    await get.done();
    const headHit = await call("/v1/export/observations.csv", {}, { method: "HEAD" });
    expect([headHit.res.headers.get("x-cache"), headHit.res.headers.get("x-cache-layer"), headHit.res.body]).toEqual(["hit", "r2", null]);
    expect(headHit.res.headers.get("content-type")).toBe("text/csv; charset=utf-8");
  });

  it("an export larger than one part waits for its reader, goes up in parts of 5 MiB as it streams, and its object is the bytes the client got", async () => {
    const id = await writeTestArticle(extraction({ facts: [fact({ metric: "exports", value: 3, geo: "big-geo" })] }));
    await bulkFacts(id, 15_000);
    const r2 = recordingBucket(env.ARCHIVE);
    const d1 = countingD1(env.DB);
    const { res, done } = await call("/v1/export/facts.ndjson", { ARCHIVE: r2.bucket, DB: d1.db });
    // The answer is out before the export is read, and the export waits for its reader: unread, it
    // stays a few pages ahead (the version read, then pages of 500 facts), with nothing stored yet.
    await new Promise((r) => setTimeout(r, 300));
    expect(d1.count()).toBeLessThanOrEqual(5);
    expect(r2.uploads.length + r2.puts.length).toBe(0);
    const sent = await bytesOf(res.body);
    await done();
    expect(d1.count()).toBeGreaterThan(30); // 15,000 facts and more: over 30 pages
    expect(sent.byteLength).toBeGreaterThan(PART_BYTES);
    expect(r2.uploads).toHaveLength(1);
    expect(r2.uploads[0]).toMatchObject({ completed: true, aborted: false });
    const whole = Math.floor(sent.byteLength / PART_BYTES);
    expect(r2.uploads[0].parts).toEqual([...Array(whole).fill(PART_BYTES), sent.byteLength - whole * PART_BYTES].filter((n) => n > 0));
    const stored = await env.ARCHIVE.get(exportKeyOf(await readVersion(env.DB), "facts.ndjson"));
    expect(sameBytes(await bytesOf(stored?.body ?? null), sent)).toBe(true);
    expect(
      textOf(sent)
        .split("\n")
        .filter((l) => l.includes('"bulk-geo"')).length,
    ).toBeGreaterThanOrEqual(15_000);
  }, 60_000);

  it("a client that goes away mid-export leaves no object, and the upload it began is aborted", async () => {
    const id = await writeTestArticle(extraction({ facts: [fact({ metric: "exports", value: 4, geo: "gone-geo" })] }));
    await bulkFacts(id, 15_000);
    const key = exportKeyOf(await readVersion(env.DB), "facts.ndjson");
    const r2 = recordingBucket(env.ARCHIVE);
    const { res, done } = await call("/v1/export/facts.ndjson", { ARCHIVE: r2.bucket });
    const reader = (res.body as ReadableStream<Uint8Array>).getReader();
    // Past the first part, and until it has been sent.
    for (let got = 0; got <= PART_BYTES; ) got += (await reader.read()).value?.byteLength ?? 0;
    for (let i = 0; i < 200 && !r2.uploads[0]?.parts.length; i++) await new Promise((r) => setTimeout(r, 25));
    expect(r2.uploads[0]?.parts).toEqual([PART_BYTES]);
    await reader.cancel("client gone");
    await done();
    expect(r2.uploads[0]).toMatchObject({ completed: false, aborted: true });
    expect(await env.ARCHIVE.head(key)).toBeNull();
    // The aborted upload takes no more parts, so nobody can complete it.
    const upload = env.ARCHIVE.resumeMultipartUpload(key, r2.uploads[0].uploadId);
    await expect(upload.uploadPart(2, "late")).rejects.toThrow();
    // The next download is a miss that stores it.
    const next = await call("/v1/export/facts.ndjson");
    expect(next.res.headers.get("x-cache")).toBe("miss");
    await bytesOf(next.res.body);
    await next.done();
    expect(await env.ARCHIVE.head(key)).not.toBeNull();
  }, 60_000);

  it("a source that fails half-way errors the client's stream, aborts the upload and stores nothing", async () => {
    const key = "exports/999/failing.ndjson.gz";
    let sent = 0;
    const source = new ReadableStream<Uint8Array>({
      pull(controller) {
        if (sent > PART_BYTES + 1024 * 1024) throw new Error("D1 went away");
        const chunk = crypto.getRandomValues(new Uint8Array(64 * 1024));
        sent += chunk.byteLength;
        controller.enqueue(chunk);
      },
    });
    const r2 = recordingBucket(env.ARCHIVE);
    const pending: Promise<unknown>[] = [];
    const stored: string[] = [];
    const body = storeWhileStreaming(r2.bucket, key, source, {
      httpMetadata: { contentType: "application/x-ndjson" },
      waitUntil: (p) => pending.push(p),
      onStored: async () => stored.push(key),
    });
    await expect(new Response(body).arrayBuffer()).rejects.toThrow("D1 went away");
    await Promise.all(pending);
    expect(r2.uploads[0]).toMatchObject({ completed: false, aborted: true, parts: [PART_BYTES] });
    expect(stored).toEqual([]);
    expect(await env.ARCHIVE.head(key)).toBeNull();
  });

  it("an export smaller than one part is written with one put, and a failed write still gives the client every byte", async () => {
    const text = "a small export\n".repeat(1000);
    const source = () => new Blob([text]).stream();
    const r2 = recordingBucket(env.ARCHIVE);
    const body = storeWhileStreaming(r2.bucket, "exports/998/small.csv.gz", source(), { httpMetadata: {}, waitUntil: () => {} });
    expect(await new Response(body).text()).toBe(text);
    expect([r2.uploads, r2.puts]).toEqual([[], ["exports/998/small.csv.gz"]]);
    expect(await (await env.ARCHIVE.get("exports/998/small.csv.gz"))?.text()).toBe(text);

    const broken = new Proxy(env.ARCHIVE, {
      get: (target, prop) => (prop === "put" ? () => Promise.reject(new Error("R2 is down")) : Reflect.get(target, prop)),
    });
    const kept = storeWhileStreaming(broken, "exports/997/small.csv.gz", source(), { httpMetadata: {}, waitUntil: () => {} });
    expect(await new Response(kept).text()).toBe(text);
    expect(await env.ARCHIVE.head("exports/997/small.csv.gz")).toBeNull();
  });
});
