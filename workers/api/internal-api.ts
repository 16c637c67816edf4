/**
 * Reads the app's own JSON API in-process (no network hop), so the pages show exactly what the API
 * answers. A missing endpoint or a failure reads as "no data" and the page shows an empty state.
 */
import type { Context } from "hono";
import type { ApiGet } from "../widget/contract";
import type { ApiEnv, Router } from "./app-type";

/** A getter bound to this request's bindings. */
export function internalApi(app: Pick<Router, "request">, c: Context<ApiEnv>): ApiGet {
  let ctx: Parameters<Router["request"]>[3];
  try {
    ctx = c.executionCtx;
  } catch {
    // app.request() in tests has no execution context; the read-only routes do not need one.
  }
  return async <T>(path: string) => {
    try {
      const res = await app.request(path, { headers: { accept: "application/json" } }, c.env, ctx);
      if (!res.ok) return null;
      return (await res.json()) as T;
    } catch (e) {
      console.warn(`internal GET ${path} failed:`, e);
      return null;
    }
  };
}
