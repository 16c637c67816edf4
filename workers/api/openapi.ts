/**
 * The OpenAPI 3.1 document: generated from the routes' zod schemas by @hono/zod-openapi, with the
 * API's info, tags and `servers` (the origin the document was asked of). It only changes with a
 * deploy, so each isolate builds it once and serves it with a content hash as ETag.
 */
import type { OpenAPIHono } from "@hono/zod-openapi";

/** Every tag an operation may carry, in the order /docs shows them. */
export const TAGS = [
  { name: "dataset", description: "The figures: the metric catalog, headline summary, series, breakdowns, plans and observations." },
  { name: "facts", description: "Facts: one figure as one article states it, with the sentence and the article." },
  { name: "people", description: "People named in the articles, merged across spellings, with titles over time and quotes." },
  { name: "events", description: "Events the articles mention, merged across articles." },
  { name: "articles", description: "Every article URL the pipeline has seen, with its status, reason and what was taken from it." },
  { name: "sources", description: "The feeds, sitemaps and page lists that are crawled, with their health." },
  { name: "exports", description: "The whole dataset as streamed CSV and NDJSON, and a Frictionless Data Package describing them." },
  { name: "feeds", description: "Atom feeds of new figures and of conflicts, for feed readers." },
  { name: "widgets", description: "Images of the figures for pages and Markdown." },
  { name: "meta", description: "Liveness, dataset version and counts." },
  { name: "admin", description: "Operator actions; every one needs `Authorization: Bearer <ADMIN_TOKEN>`." },
];

export const OPENAPI_CONFIG = {
  openapi: "3.1.0",
  info: {
    title: "newsfacts API",
    version: "1.0.0",
    description:
      "Facts from Hanoi's news, with their sources: every figure keeps the article and the sentence it was read from. " +
      "Public routes are read-only, need no credentials and share a per-client rate limit; admin routes need the operator's bearer token. " +
      "Every error is an RFC 9457 problem (application/problem+json); the kinds are explained at /docs/problems. " +
      "The data is licensed CC BY 4.0 (credit newsfacts and link the source articles); the code is MIT-licensed.",
    license: { name: "CC BY 4.0 (the data; the code is MIT)", url: "https://creativecommons.org/licenses/by/4.0/" },
  },
  tags: TAGS,
};

type Doc = ReturnType<OpenAPIHono["getOpenAPI31Document"]>;

/** The document for a request on `origin` (scheme, host and port): the generated one with `servers` set to it. */
export function documentFor(base: Doc, origin: string): Doc {
  const { openapi, info, ...rest } = base;
  return { openapi, info, servers: [{ url: origin, description: "This deployment" }], ...rest };
}

/** A strong ETag for a body: the first 128 bits of its SHA-256, base64url. */
export async function contentEtag(body: string): Promise<string> {
  const digest = new Uint8Array(await crypto.subtle.digest("SHA-256", new TextEncoder().encode(body)));
  const b64 = btoa(String.fromCharCode(...digest.subarray(0, 16)))
    .replace(/\+/g, "-")
    .replace(/\//g, "_")
    .replace(/=+$/, "");
  return `"${b64}"`;
}

export interface ServedDocument {
  doc: Doc;
  body: string;
  etag: string;
}

/**
 * The document of an app, built on first use (after every route is registered) and kept with its
 * serialized body and ETag per origin; a handful of origins at most (a deployment answers on one or
 * two), so a client inventing Host headers cannot grow it.
 */
export function documentCache(app: Pick<OpenAPIHono, "getOpenAPI31Document">, maxOrigins = 8) {
  let base: Doc | undefined;
  const byOrigin = new Map<string, Promise<ServedDocument>>();
  return (origin: string): Promise<ServedDocument> => {
    const hit = byOrigin.get(origin);
    if (hit) return hit;
    base ??= app.getOpenAPI31Document(OPENAPI_CONFIG);
    const doc = documentFor(base, origin);
    const body = JSON.stringify(doc);
    const served = contentEtag(body).then((etag) => ({ doc, body, etag }));
    if (byOrigin.size >= maxOrigins) byOrigin.delete(byOrigin.keys().next().value as string);
    byOrigin.set(origin, served);
    return served;
  };
}
