/**
 * The operator's bearer token (the ADMIN_TOKEN secret): what the admin routes require, and what
 * lets a request skip the cache or the public rate limit. Compared in constant time.
 */
import type { Context, MiddlewareHandler } from "hono";
import { HTTPException } from "hono/http-exception";
import type { ApiEnv } from "./app-type";

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
  const m = /^Bearer\s+(\S+)$/i.exec(c.req.header("authorization") ?? "");
  return Boolean(expected && m && (await tokenMatches(m[1], expected)));
}

/** 401 JSON unless the request is the operator's; admin answers are never stored by a cache. */
export const requireAdmin: MiddlewareHandler<ApiEnv> = async (c, next) => {
  if (!(await isAdminRequest(c))) throw new HTTPException(401, { message: "admin routes need Authorization: Bearer <ADMIN_TOKEN>" });
  c.header("cache-control", "no-store");
  await next();
};
