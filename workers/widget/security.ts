/**
 * Response headers for the HTML pages: a per-response nonce for the few inline <style>/<script>
 * blocks, a Content-Security-Policy, and the usual hardening headers. The iframe card may be framed
 * by any site; the dashboard by none.
 */
import type { Context } from "hono";

/** 128 random bits, base64 — fresh for every response, so an injected tag cannot guess it. */
export function newNonce(): string {
  const bytes = crypto.getRandomValues(new Uint8Array(16));
  return btoa(String.fromCharCode(...bytes));
}

/** CSP of the iframe card: no script at all, only its own nonce'd stylesheet; frameable anywhere. */
export function cardCsp(nonce: string): string {
  return `default-src 'none'; style-src 'nonce-${nonce}'; img-src data:; base-uri 'none'; form-action 'none'; frame-ancestors *`;
}

/** CSP of the dashboard: nonce'd inline script and style, same-origin preview frame, never framed. */
export function dashboardCsp(nonce: string): string {
  return [
    "default-src 'none'",
    `script-src 'nonce-${nonce}'`,
    `style-src 'nonce-${nonce}'`,
    "img-src 'self' data:",
    "connect-src 'self'",
    "frame-src 'self'",
    "base-uri 'none'",
    "form-action 'self'",
    "frame-ancestors 'none'",
  ].join("; ");
}

/** Sets CSP and the hardening headers every HTML page of ours carries. */
export function setPageHeaders(c: Context, csp: string, cache: string): void {
  c.header("content-security-policy", csp);
  c.header("x-content-type-options", "nosniff");
  c.header("referrer-policy", "strict-origin-when-cross-origin");
  c.header("cache-control", cache);
  if (csp.includes("frame-ancestors 'none'")) c.header("x-frame-options", "DENY");
}
