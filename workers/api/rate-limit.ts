/**
 * A per-client limit on the public API, on the Workers rate-limiting binding (PUBLIC_RATE_LIMIT;
 * emulated by Miniflare locally). Keyed by CF-Connecting-IP, which Cloudflare sets on every request
 * from the Internet: a request without it did not come through Cloudflare's edge (a service binding,
 * a test calling the handler) and is not limited. The operator's bearer token is not limited either.
 * Cached answers count too: a request costs a Worker invocation whether or not it reaches D1.
 */
import type { MiddlewareHandler } from "hono";
import { isAdminRequest } from "./admin-auth";
import type { ApiEnv } from "./app-type";
import { problem } from "./errors";

/** The binding's window ([[ratelimits]] simple.period in wrangler.api.toml): a refused client may retry after it. */
export const RATE_LIMIT_PERIOD_SECONDS = 60;

export function publicRateLimit(): MiddlewareHandler<ApiEnv> {
  return async function limitPerClient(c, next) {
    const limiter = c.env.PUBLIC_RATE_LIMIT;
    const client = c.req.header("cf-connecting-ip");
    if (!limiter || !client) return next();
    if (c.req.header("authorization") && (await isAdminRequest(c))) return next();
    const { success } = await limiter.limit({ key: client });
    if (success) return next();
    return problem(c, "rate-limited", `Too many requests from this client: retry after ${RATE_LIMIT_PERIOD_SECONDS} s.`, {
      headers: { "retry-after": String(RATE_LIMIT_PERIOD_SECONDS), "cache-control": "no-store" },
    });
  };
}
