/**
 * The answer to a request no route took: 405 with an `Allow` header when the path exists with other
 * methods (computed from the app's registered routes), else 404. Both are problems.
 */
import type { Context } from "hono";
import { problem } from "./errors";

/** What Hono records for each registered handler; middleware (app.use) is method "ALL". */
interface RegisteredRoute {
  path: string;
  method: string;
}

const ORDER = ["GET", "HEAD", "POST", "PUT", "PATCH", "DELETE", "OPTIONS"];

/** A registered path ("/v1/metrics/:id/series", "/docs/*") as a regex over request paths. */
export function pathPattern(path: string): RegExp {
  const source = path
    .split("/")
    .map((seg) => (seg === "*" ? ".*" : seg.startsWith(":") ? "[^/]+" : seg.replace(/[.*+?^${}()|[\]\\]/g, "\\$&")))
    .join("/");
  return new RegExp(`^${source}$`);
}

/**
 * The methods a path has among `routes` (HEAD wherever GET is, as Hono answers it), in a fixed
 * order; `alsoOptions` when something else (the CORS middleware) answers OPTIONS there.
 */
export function allowedMethods(routes: readonly RegisteredRoute[], pathname: string, alsoOptions = false): string[] {
  const methods = new Set(routes.filter((r) => r.method !== "ALL" && pathPattern(r.path).test(pathname)).map((r) => r.method));
  if (methods.size === 0) return [];
  if (methods.has("GET")) methods.add("HEAD");
  if (alsoOptions) methods.add("OPTIONS");
  return [...methods].sort((a, b) => ORDER.indexOf(a) - ORDER.indexOf(b));
}

/** A notFound handler for an app: `optionsAnswered` says which paths the CORS middleware answers OPTIONS on. */
export function unmatchedRequest(app: { routes: readonly RegisteredRoute[] }, optionsAnswered: (pathname: string) => boolean) {
  return (c: Context) => {
    const { pathname } = new URL(c.req.url);
    const allow = allowedMethods(app.routes, pathname, optionsAnswered(pathname));
    if (allow.length)
      return problem(c, "method-not-allowed", `${c.req.method} is not allowed on ${pathname}; it allows ${allow.join(", ")}.`, {
        headers: { allow: allow.join(", ") },
      });
    return problem(c, "not-found", `No route for ${c.req.method} ${pathname}.`);
  };
}
