/**
 * The operator's bearer token (the ADMIN_TOKEN secret): what the admin routes require, and what
 * lets a request skip the cache or the public rate limit. Compared in constant time.
 *
 * The admin routes use Hono's bearer-auth middleware (header parsing, the token syntax of RFC 6750,
 * the WWW-Authenticate challenge) with our own comparison as its verifyToken; every refusal is a
 * 401 problem (application/problem+json). A header that is not a bearer token at all (another
 * scheme, no token) counts as no credentials: 401 with the bare challenge, as RFC 6750 §3.1 asks of a
 * request that lacks bearer credentials, rather than the middleware's default 400.
 */
import type { Context, MiddlewareHandler } from "hono";
import { bearerAuth } from "hono/bearer-auth";
import type { ApiEnv } from "./app-type";
import { problem } from "./errors";

/** The realm of the admin routes' WWW-Authenticate challenge. */
export const ADMIN_REALM = "newsfacts-admin";
const CHALLENGE = `Bearer realm="${ADMIN_REALM}"`;

/** RFC 6750's b64token: the only token syntax the admin routes accept (bearer-auth checks the same). */
const BEARER = /^Bearer +([A-Za-z0-9._~+/-]+=*)$/i;

async function sha256(text: string): Promise<ArrayBuffer> {
  return crypto.subtle.digest("SHA-256", new TextEncoder().encode(text));
}

/** Whether `given` equals `expected`, in time independent of where they differ (both hashed to equal length first). */
export async function tokenMatches(given: string, expected: string): Promise<boolean> {
  const [a, b] = await Promise.all([sha256(given), sha256(expected)]);
  return crypto.subtle.timingSafeEqual(a, b);
}

/** Whether the request carries `Authorization: Bearer <ADMIN_TOKEN>`. No header: false, without hashing anything. */
export async function isAdminRequest(c: Context<ApiEnv>): Promise<boolean> {
  const expected = c.env.ADMIN_TOKEN;
  const m = BEARER.exec(c.req.header("authorization") ?? "");
  return Boolean(expected && m && (await tokenMatches(m[1], expected)));
}

const refuse = (detail: string) => (c: Context) => problem(c, "unauthorized", detail);

/** 401 problem unless the request is the operator's; admin answers are never stored by a cache. */
const bearer = bearerAuth<ApiEnv>({
  realm: ADMIN_REALM,
  // No ADMIN_TOKEN set: nothing matches, every admin request is refused.
  verifyToken: async (token, c) => Boolean(c.env.ADMIN_TOKEN) && tokenMatches(token, c.env.ADMIN_TOKEN ?? ""),
  noAuthenticationHeader: {
    wwwAuthenticateHeader: CHALLENGE,
    message: refuse("The admin routes need Authorization: Bearer <ADMIN_TOKEN>."),
  },
  invalidAuthenticationHeader: {
    wwwAuthenticateHeader: CHALLENGE,
    message: refuse("The Authorization header is not a bearer token: the admin routes need Authorization: Bearer <ADMIN_TOKEN>."),
  },
  invalidToken: {
    wwwAuthenticateHeader: `${CHALLENGE}, error="invalid_token"`,
    message: refuse("The bearer token is not the admin token."),
  },
});

export const requireAdmin: MiddlewareHandler<ApiEnv> = (c, next) =>
  bearer(c, async () => {
    c.header("cache-control", "no-store");
    await next();
  });
