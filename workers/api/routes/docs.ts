/**
 * /openapi.json (the OpenAPI 3.1 document, CORS open, cacheable with an ETag), /docs (the document
 * as one self-contained HTML page) and /docs/problems (what each kind of error means): rendered on
 * the server with no script and no CDN, so they read offline and cannot disagree with each other.
 */
import type { Schema } from "hono/types";
import { matchesEtag } from "../../dataset/http-cache";
import type { ApiApp } from "../app-type";
import { DOCS_CSP, type DocsInput, renderDocs, renderProblems } from "../docs-page";
import { documentCache } from "../openapi";

/** The document changes only with a deploy; the ETag lets a client revalidate after that for free. */
export const OPENAPI_CACHE_CONTROL = "public, max-age=600";

export function registerDocs<S extends Schema>(app: ApiApp<S>) {
  const documentOn = documentCache(app);
  const pages = new Map<string, string>();
  // Plain routes, left out of the document itself and of the app's typed schema (returned unchanged).
  app
    .get("/openapi.json", async (c) => {
      const { body, etag } = await documentOn(new URL(c.req.url).origin);
      c.header("access-control-allow-origin", "*");
      c.header("cache-control", OPENAPI_CACHE_CONTROL);
      c.header("etag", etag);
      if (matchesEtag(c.req.header("if-none-match"), etag)) return c.body(null, 304);
      return c.body(body, 200, { "content-type": "application/json; charset=utf-8" });
    })
    .get("/docs", async (c) => {
      const origin = new URL(c.req.url).origin;
      const { doc } = await documentOn(origin);
      let html = pages.get(origin);
      if (html === undefined) {
        html = renderDocs(doc as unknown as DocsInput);
        if (pages.size < 8) pages.set(origin, html);
      }
      c.header("content-security-policy", DOCS_CSP);
      c.header("cache-control", OPENAPI_CACHE_CONTROL);
      return c.html(html);
    })
    .get("/docs/problems", (c) => {
      c.header("content-security-policy", DOCS_CSP);
      c.header("cache-control", OPENAPI_CACHE_CONTROL);
      return c.html(renderProblems(new URL(c.req.url).origin));
    });
  return app;
}
