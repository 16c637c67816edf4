/**
 * The streamed exports (observations.csv, facts.ndjson) kept per dataset version as objects in the R2
 * bucket (`exports/<version>/<name>`, workers/archive/keys.ts), never in the Cache API and never
 * through a tee of the response: a tee runs at the pace of its faster reader and buffers the rest for
 * the slower one, which for a full-table export is the whole table.
 *
 * On a miss the export's bytes go two ways from one pull-based stream (storeWhileStreaming): to the
 * client, and into a part buffer written to R2 as a multipart upload whenever it holds PART_BYTES.
 * The client's reads drive the D1 pages, and a part's upload holds the next read back, so memory is
 * one part and a page whatever the export's size. The object becomes visible only when the upload
 * completes (after the last byte, before the client's stream ends); a client that goes away or a
 * failed read aborts it, so nothing half-written is ever served. An export smaller than one part is
 * written with one put. On a hit the object's body is the response body, streamed from R2.
 *
 * The objects are stored as the bytes the route makes (not gzip): the runtime encodes every answer as
 * the client accepts (br, gzip), as it did for the Cache API's copies. Compressing here would need
 * CompressionStream, which in workerd reads its whole input when its output is not read (no
 * backpressure): the slower the client, the more of the export it would hold. Old versions are
 * deleted after a new one is stored (pruneExports).
 */
import { EXPORTS_PREFIX, parseExportKey } from "../archive/keys";

/** One part of the multipart upload: R2's least for every part but the last (all but the last the same size). */
export const PART_BYTES = 5 * 1024 * 1024;

/** The exports stored in R2, by the last segment of their path under /v1/export/. */
const STORED_EXPORTS = new Set(["observations.csv", "facts.ndjson"]);

/** The stored export a path serves (`observations.csv`, `facts.ndjson`), or null. */
export function storedExportName(pathname: string): string | null {
  const m = /^\/v1\/export\/([^/]+)$/.exec(pathname);
  return m && STORED_EXPORTS.has(m[1]) ? m[1] : null;
}

export interface StoreOptions {
  /** Kept with the object: its content type and disposition. */
  httpMetadata: R2HTTPMetadata;
  /** Lets work outlive the response (ctx.waitUntil): an abort after the client left, the pruning after a store. */
  waitUntil: (work: Promise<unknown>) => void;
  /** Runs (in waitUntil) once the object is stored and visible. */
  onStored?: () => Promise<unknown>;
}

/**
 * `source`'s bytes, unchanged and at the reader's pace, written meanwhile to `key`: in parts of PART_BYTES
 * (a multipart upload, completed after the last byte and before the stream closes), or with one put when
 * the whole is smaller than a part. Cancelling the stream (the client went away) or a failed read aborts
 * the upload; a failed write only gives up storing, and the client still gets every byte.
 */
export function storeWhileStreaming(
  bucket: R2Bucket,
  key: string,
  source: ReadableStream<Uint8Array>,
  options: StoreOptions,
): ReadableStream<Uint8Array> {
  const reader = source.getReader();
  const { httpMetadata, waitUntil } = options;
  let part: Uint8Array | null = null;
  let filled = 0;
  let upload: R2MultipartUpload | null = null;
  const parts: R2UploadedPart[] = [];
  let storing = true;
  let cancelled = false;

  const abandon = () => {
    if (!storing) return;
    storing = false;
    part = null;
    if (upload) waitUntil(upload.abort().catch(() => {}));
  };

  async function sendPart(bytes: Uint8Array): Promise<void> {
    if (!upload) {
      const created = await bucket.createMultipartUpload(key, { httpMetadata });
      if (!storing) {
        waitUntil(created.abort().catch(() => {}));
        return;
      }
      upload = created;
    }
    const sent = await upload.uploadPart(parts.length + 1, bytes);
    if (storing) parts.push(sent);
  }

  /** Copies a chunk into the part buffer, sending each part as it fills (the buffer is reused once a part is sent). */
  async function keep(chunk: Uint8Array): Promise<void> {
    for (let at = 0; at < chunk.byteLength && storing; ) {
      part ??= new Uint8Array(PART_BYTES);
      const n = Math.min(PART_BYTES - filled, chunk.byteLength - at);
      part.set(chunk.subarray(at, at + n), filled);
      filled += n;
      at += n;
      if (filled === PART_BYTES) {
        await sendPart(part);
        filled = 0;
      }
    }
  }

  /** Sends what is left and makes the object visible. */
  async function finish(): Promise<void> {
    const rest = (part ?? new Uint8Array(0)).subarray(0, filled);
    if (upload === null) {
      await bucket.put(key, rest, { httpMetadata });
    } else {
      if (rest.byteLength > 0) await sendPart(rest);
      if (!storing) return;
      await upload.complete(parts);
    }
    storing = false;
    part = null;
    if (options.onStored) waitUntil(options.onStored().catch(() => {}));
  }

  return new ReadableStream<Uint8Array>({
    async pull(controller) {
      let next: ReadableStreamReadResult<Uint8Array>;
      try {
        next = await reader.read();
      } catch (e) {
        abandon(); // the export failed half-way: nothing of it is kept
        throw e;
      }
      if (next.done) {
        if (storing) await finish().catch(abandon);
        if (!cancelled) controller.close();
        return;
      }
      if (cancelled) return;
      controller.enqueue(next.value);
      if (storing) await keep(next.value).catch(abandon);
    },
    cancel(reason) {
      cancelled = true;
      abandon(); // the client went away: the object is never completed
      return reader.cancel(reason);
    },
  });
}

/**
 * How long an export's object is kept after a newer one of it was stored: any download of it that
 * began before (it is read only until its version is superseded) has this long to finish.
 */
export const SUPERSEDED_KEEP_MS = 60 * 60 * 1000;

/**
 * Deletes the objects of export `name` superseded for at least SUPERSEDED_KEEP_MS: those stored before
 * the newest one that was stored that long before `now`. Returns their keys. Run after each store, it
 * leaves the objects of the last hour and the one before them. Ordered by upload time, not by version
 * number, so that versions counted again from 1 (a new database) cannot make it delete the new objects.
 */
export async function pruneExports(bucket: R2Bucket, name: string, now = Date.now()): Promise<string[]> {
  const objects: { key: string; uploaded: number }[] = [];
  let cursor: string | undefined;
  do {
    const page = await bucket.list({ prefix: EXPORTS_PREFIX, cursor });
    for (const o of page.objects) if (parseExportKey(o.key)?.name === name) objects.push({ key: o.key, uploaded: o.uploaded.getTime() });
    cursor = page.truncated ? page.cursor : undefined;
  } while (cursor);
  const settled = objects.filter((o) => o.uploaded <= now - SUPERSEDED_KEEP_MS).map((o) => o.uploaded);
  if (settled.length === 0) return [];
  const floor = Math.max(...settled);
  const doomed = objects.filter((o) => o.uploaded < floor).map((o) => o.key);
  for (let i = 0; i < doomed.length; i += 1000) await bucket.delete(doomed.slice(i, i + 1000));
  return doomed;
}
