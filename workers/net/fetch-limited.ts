/**
 * One HTTP GET as the bot makes it: a timeout, a body size cap, redirects followed by hand (at most
 * `maxRedirects`, loops and unsafe targets refused, each target put to `beforeRedirect` before it is
 * requested), and the outcome classified so the caller knows whether to retry. Never throws for
 * network or HTTP trouble.
 */
import { unsafeTargetReason } from "./ssrf-guard";

export interface FetchOptions {
  userAgent: string;
  timeoutMs: number;
  maxBytes: number;
  maxRedirects?: number;
  /** Internal targets allowed anyway: `true` for any (tooling), or the hosts of a local source (see privateHostsFor). */
  allowPrivate?: boolean | readonly string[];
  headers?: Record<string, string>;
  /** The network; the global fetch unless a test injects faults. */
  fetcher?: typeof fetch;
  /**
   * Asked before a redirect target (hop 1, 2, …) is requested, once the SSRF guard has passed it:
   * null to go on, or why not (the fetch then ends with that). The caller's robots.txt and
   * politeness rules live here, so they hold for every host a redirect chain visits.
   */
  beforeRedirect?: (target: URL, hop: number) => Promise<HopRefusal | null>;
}

/** Why a redirect target is not requested, as beforeRedirect says it. */
export type HopRefusal = Pick<FetchFailure, "transient" | "outcome" | "reason" | "retryAfterSeconds">;

export type FetchOutcome = FetchSuccess | FetchFailure;

export interface FetchSuccess {
  ok: true;
  status: number;
  finalUrl: string;
  headers: Headers;
  contentType: string | null;
  /** Empty when the server answered 304 Not Modified. */
  bytes: Uint8Array;
  notModified: boolean;
}

export interface FetchFailure {
  ok: false;
  /** Worth trying again later (network, timeout, 429, 5xx). */
  transient: boolean;
  /** `skipped` when the URL is fine but not for us (too large, not allowed); `failed` otherwise. */
  outcome: "failed" | "skipped";
  status: number | null;
  finalUrl: string;
  reason: string;
  retryAfterSeconds?: number;
}

/** Queues delay a message at most 12 hours; a longer Retry-After is clamped to that. */
const MAX_RETRY_AFTER_SECONDS = 12 * 3600;

const TRANSIENT_STATUS = new Set([408, 425, 429, 500, 502, 503, 504, 520, 521, 522, 523, 524]);

/**
 * @example
 *   const res = await fetchLimited(url, { userAgent, timeoutMs: 10_000, maxBytes: 5_000_000 });
 *   if (!res.ok) console.log(res.transient ? "retry later" : "give up", res.reason);
 */
export async function fetchLimited(url: string, opts: FetchOptions): Promise<FetchOutcome> {
  const maxRedirects = opts.maxRedirects ?? 5;
  const fetcher = opts.fetcher ?? fetch;
  const seen = new Set<string>();
  let current = url;
  for (let hop = 0; ; hop++) {
    let target: URL;
    try {
      target = new URL(current);
    } catch {
      return fail(false, "failed", null, current, `invalid URL: ${current}`);
    }
    const unsafe = unsafeTargetReason(target, opts.allowPrivate ?? false);
    if (unsafe) return fail(false, "skipped", null, current, hop ? `refused redirect to ${target.href}: ${unsafe}` : `refused: ${unsafe}`);
    if (seen.has(target.href)) return fail(false, "failed", null, current, `redirect loop at ${target.href}`);
    seen.add(target.href);
    if (hop > 0 && opts.beforeRedirect) {
      const refusal = await opts.beforeRedirect(target, hop);
      if (refusal) return { ok: false, status: null, finalUrl: target.href, ...refusal };
    }

    const controller = new AbortController();
    const timer = setTimeout(() => controller.abort(), opts.timeoutMs);
    let res: Response;
    try {
      res = await fetcher(target.href, {
        redirect: "manual",
        signal: controller.signal,
        headers: {
          "user-agent": opts.userAgent,
          accept: "text/html,application/xhtml+xml,application/xml;q=0.9,*/*;q=0.5",
          ...opts.headers,
        },
      });
    } catch (e) {
      clearTimeout(timer);
      const why = controller.signal.aborted ? `timed out after ${opts.timeoutMs} ms` : `network error: ${errorText(e)}`;
      return fail(true, "failed", null, target.href, why);
    }

    if (res.status >= 300 && res.status < 400 && res.status !== 304) {
      clearTimeout(timer);
      await res.body?.cancel();
      const location = res.headers.get("location");
      if (!location) return fail(false, "failed", res.status, target.href, `HTTP ${res.status} without a Location header`);
      if (hop >= maxRedirects) return fail(false, "failed", res.status, target.href, `more than ${maxRedirects} redirects`);
      current = new URL(location, target).href;
      continue;
    }

    if (!res.ok && res.status !== 304) {
      clearTimeout(timer);
      await res.body?.cancel();
      const transient = TRANSIENT_STATUS.has(res.status);
      const retryAfter = parseRetryAfter(res.headers.get("retry-after"));
      return {
        ...fail(transient, "failed", res.status, target.href, `HTTP ${res.status}${res.statusText ? ` ${res.statusText}` : ""}`),
        retryAfterSeconds: retryAfter,
      };
    }

    const declared = Number(res.headers.get("content-length") ?? "NaN");
    if (Number.isFinite(declared) && declared > opts.maxBytes) {
      clearTimeout(timer);
      await res.body?.cancel();
      return fail(false, "skipped", res.status, target.href, `body of ${declared} bytes is over the ${opts.maxBytes}-byte cap`);
    }
    try {
      const bytes = res.status === 304 ? new Uint8Array() : await readCapped(res, opts.maxBytes);
      if (bytes === null) return fail(false, "skipped", res.status, target.href, `body is over the ${opts.maxBytes}-byte cap`);
      return {
        ok: true,
        status: res.status,
        finalUrl: target.href,
        headers: res.headers,
        contentType: res.headers.get("content-type"),
        bytes,
        notModified: res.status === 304,
      };
    } catch (e) {
      const why = controller.signal.aborted
        ? `timed out after ${opts.timeoutMs} ms while reading the body`
        : `connection broke while reading the body: ${errorText(e)}`;
      return fail(true, "failed", res.status, target.href, why);
    } finally {
      clearTimeout(timer);
    }
  }
}

/** Reads a body up to `max` bytes; null (and the stream cancelled) past that. */
async function readCapped(res: Response, max: number): Promise<Uint8Array | null> {
  if (!res.body) return new Uint8Array();
  const reader = res.body.getReader();
  const parts: Uint8Array[] = [];
  let total = 0;
  for (;;) {
    const { done, value } = await reader.read();
    if (done) break;
    total += value.byteLength;
    if (total > max) {
      await reader.cancel();
      return null;
    }
    parts.push(value);
  }
  const out = new Uint8Array(total);
  let at = 0;
  for (const p of parts) {
    out.set(p, at);
    at += p.byteLength;
  }
  return out;
}

/** Retry-After in seconds, from either form the header takes (seconds or an HTTP date). */
export function parseRetryAfter(value: string | null): number | undefined {
  if (!value) return undefined;
  if (/^\d+$/.test(value.trim())) return Math.min(MAX_RETRY_AFTER_SECONDS, Number(value.trim()));
  const when = Date.parse(value);
  return Number.isNaN(when) ? undefined : Math.min(MAX_RETRY_AFTER_SECONDS, Math.max(0, Math.round((when - Date.now()) / 1000)));
}

function fail(transient: boolean, outcome: "failed" | "skipped", status: number | null, finalUrl: string, reason: string): FetchFailure {
  return { ok: false, transient, outcome, status, finalUrl, reason };
}

function errorText(e: unknown): string {
  return e instanceof Error ? e.message : String(e);
}
