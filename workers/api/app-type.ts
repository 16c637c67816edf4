import { OpenAPIHono } from "@hono/zod-openapi";
import type { Context, Next } from "hono";
import { errorBody, issuesFrom } from "./errors";

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
 * An OpenAPIHono whose validation failures answer 400 with the envelope that names each bad
 * parameter, and whose every answer carries the security headers.
 */
export function createRouter() {
  const app = new OpenAPIHono<ApiEnv>({
    defaultHook: (result, c) => {
      if (!result.success) return c.json(errorBody("bad_request", "invalid request parameters", issuesFrom(result.error)), 400);
    },
  });
  app.use("*", securityHeaders);
  return app;
}

export type Router = ReturnType<typeof createRouter>;
