import { OpenAPIHono } from "@hono/zod-openapi";
import type { Context, Next } from "hono";
import type { BlankSchema, Schema } from "hono/types";
import { invalidParameters, issuesFrom } from "./errors";

export type ApiEnv = { Bindings: ApiBindings };

/** Headers every API answer carries; JSON ones also get a CSP that lets them render nothing if opened as a page. */
const ALWAYS = { "x-content-type-options": "nosniff", "referrer-policy": "no-referrer" } as const;
const FOR_JSON = { "content-security-policy": "default-src 'none'; frame-ancestors 'none'", "x-frame-options": "DENY" } as const;

/** Adds the security headers without overwriting ones a route chose (the widgets set their own CSP). */
export async function securityHeaders(c: Context, next: Next): Promise<void> {
  await next();
  const json = /^application\/(json|problem\+json)|\+json\b/i.test(c.res.headers.get("content-type") ?? "");
  const wanted: Record<string, string> = json ? { ...ALWAYS, ...FOR_JSON } : { ...ALWAYS };
  const missing = Object.entries(wanted).filter(([k]) => !c.res.headers.has(k));
  if (!missing.length) return;
  try {
    for (const [k, v] of missing) c.res.headers.set(k, v);
  } catch {
    // A Response from the Cache API or fetch() has immutable headers: copy it, then set them.
    const copy = new Response(c.res.body, c.res);
    for (const [k, v] of missing) copy.headers.set(k, v);
    c.res = copy;
  }
}

/**
 * An OpenAPIHono whose validation failures answer 400 with a problem (application/problem+json)
 * that names each bad parameter, and whose every answer carries the security headers.
 */
export function createRouter() {
  const app = new OpenAPIHono<ApiEnv>({
    defaultHook: (result, c) => {
      if (!result.success) return invalidParameters(c, issuesFrom(result.error));
    },
  });
  app.use("*", securityHeaders);
  return app;
}

export type Router = ReturnType<typeof createRouter>;

/**
 * The app with the routes registered so far in its type (S). Route files take it and return what
 * `app.openapi(...)` returns, so createApi's chain ends in a type that lists every operation with its
 * parameters and answers (AppType, for `hc` from hono/client).
 */
export type ApiApp<S extends Schema = BlankSchema> = OpenAPIHono<ApiEnv, S>;
