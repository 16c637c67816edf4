#!/usr/bin/env node
/**
 * Small dependency-free HTTP server for the demo news site (demo/site), bound to 127.0.0.1.
 *
 * Requests go through a route table: extra routes given in the options come first, then the
 * static files. A fault corpus (429, 500, redirects, slow bodies, wrong charsets …) is just more
 * routes, e.g.
 *
 *   startDemoSite({ routes: [{ path: "/faults/429", handler: (req, res) => { res.writeHead(429, { "retry-after": "1" }); res.end(); } }] })
 *
 * Types for TypeScript callers live in server.d.mts.
 *
 * CLI: `node demo/server.mjs [--port 8790] [--root DIR]` prints `demo site: http://127.0.0.1:8790`.
 */
import { createHash } from "node:crypto";
import { readdirSync, readFileSync, statSync } from "node:fs";
import { createServer } from "node:http";
import { dirname, extname, join, relative, resolve, sep } from "node:path";
import { fileURLToPath } from "node:url";
import { parseArgs } from "node:util";

/** Placeholder written in the site files wherever an absolute URL needs the origin. */
export const ORIGIN_PLACEHOLDER = "{{ORIGIN}}";
export const DEFAULT_ROOT = join(dirname(fileURLToPath(import.meta.url)), "site");
const HOST = "127.0.0.1";

/** @type {Record<string, string>} */
const CONTENT_TYPES = {
  ".html": "text/html; charset=utf-8",
  ".xml": "application/xml; charset=utf-8",
  ".rss": "application/rss+xml; charset=utf-8",
  ".txt": "text/plain; charset=utf-8",
  ".css": "text/css; charset=utf-8",
  ".js": "text/javascript; charset=utf-8",
  ".json": "application/json; charset=utf-8",
  ".svg": "image/svg+xml",
  ".png": "image/png",
  ".jpg": "image/jpeg",
  ".ico": "image/x-icon",
};
/** File names served as feeds although they end in .xml. */
const FEED_NAMES = new Set(["rss.xml", "feed.xml"]);
/** Types whose body gets the origin placeholder replaced. */
const TEXT_TYPE = /^(text\/|application\/(xml|rss\+xml|json)|image\/svg\+xml)/;

/**
 * Content-Type for a site path.
 * @param {string} relPath path inside the site root, "/" separated
 * @returns {string}
 */
export function contentTypeFor(relPath) {
  const name = relPath.slice(relPath.lastIndexOf("/") + 1);
  if (FEED_NAMES.has(name)) return "application/rss+xml; charset=utf-8";
  return CONTENT_TYPES[extname(name).toLowerCase()] ?? "application/octet-stream";
}

/**
 * Reads every file under root once, with the origin placeholder replaced, and its validators.
 * Small site, so memory is fine and no request touches the file system.
 * @param {string} root
 * @param {string} origin
 * @returns {Map<string, import("./server.d.mts").StaticFile>}
 */
export function loadStaticFiles(root, origin) {
  /** @type {Map<string, import("./server.d.mts").StaticFile>} */
  const files = new Map();
  /** @param {string} dir */
  const walk = (dir) => {
    for (const entry of readdirSync(dir, { withFileTypes: true })) {
      const full = join(dir, entry.name);
      if (entry.isDirectory()) {
        walk(full);
        continue;
      }
      if (!entry.isFile()) continue;
      const rel = relative(root, full).split(sep).join("/");
      const contentType = contentTypeFor(rel);
      const raw = readFileSync(full);
      const body = TEXT_TYPE.test(contentType) ? Buffer.from(raw.toString("utf8").replaceAll(ORIGIN_PLACEHOLDER, origin), "utf8") : raw;
      const mtime = statSync(full).mtime;
      // HTTP dates have second precision; keep the same so If-Modified-Since compares equal.
      const lastModified = new Date(Math.floor(mtime.getTime() / 1000) * 1000);
      const etag = `"${createHash("sha1").update(body).digest("base64url").slice(0, 27)}"`;
      files.set(`/${rel}`, { path: `/${rel}`, body, contentType, etag, lastModified });
    }
  };
  walk(root);
  return files;
}

/**
 * True when the request's validators match, so the answer is 304 (RFC 9110 §13.1: If-None-Match
 * wins over If-Modified-Since; ETags compare weakly for GET/HEAD).
 * @param {import("node:http").IncomingHttpHeaders} headers
 * @param {{ etag: string, lastModified: Date }} file
 */
export function isNotModified(headers, file) {
  const inm = headers["if-none-match"];
  if (typeof inm === "string") {
    if (inm.trim() === "*") return true;
    const strip = (/** @type {string} */ tag) => tag.trim().replace(/^W\//, "");
    return inm.split(",").some((tag) => strip(tag) === strip(file.etag));
  }
  const ims = headers["if-modified-since"];
  if (typeof ims === "string") {
    const since = Date.parse(ims);
    return !Number.isNaN(since) && file.lastModified.getTime() <= since;
  }
  return false;
}

/**
 * Maps a request path to a key of the static file map ("/" → "/index.html", "/id/" → "/id/index.html").
 * @param {string} pathname
 * @returns {string | null} null for paths that cannot name a file (e.g. "..")
 */
export function staticKey(pathname) {
  let decoded;
  try {
    decoded = decodeURIComponent(pathname);
  } catch {
    return null;
  }
  if (decoded.includes("\0") || decoded.split("/").includes("..")) return null;
  return decoded.endsWith("/") ? `${decoded}index.html` : decoded;
}

/**
 * Sends a whole body with the usual headers (HEAD gets the headers only).
 * @param {import("node:http").IncomingMessage} req
 * @param {import("node:http").ServerResponse} res
 * @param {number} status
 * @param {Record<string, string | number>} headers
 * @param {string | Uint8Array} [body]
 */
export function send(req, res, status, headers, body = "") {
  const bytes = typeof body === "string" ? Buffer.from(body, "utf8") : body;
  res.writeHead(status, { "content-length": bytes.byteLength, ...headers });
  res.end(req.method === "HEAD" ? undefined : bytes);
}

/**
 * Route that serves the static files: GET/HEAD with validators and 304, 404 for unknown paths.
 * @param {Map<string, import("./server.d.mts").StaticFile>} files
 * @returns {import("./server.d.mts").DemoRoute}
 */
export function staticRoute(files) {
  return {
    name: "static",
    path: /^\//,
    handler(req, res, ctx) {
      if (req.method !== "GET" && req.method !== "HEAD") {
        send(req, res, 405, { allow: "GET, HEAD", "content-type": "text/plain; charset=utf-8" }, "405 Method Not Allowed\n");
        return;
      }
      const key = staticKey(ctx.url.pathname);
      const file = key === null ? undefined : files.get(key);
      if (!file) {
        notFound(req, res);
        return;
      }
      const validators = {
        etag: file.etag,
        "last-modified": file.lastModified.toUTCString(),
        "cache-control": "public, max-age=60",
      };
      if (isNotModified(req.headers, file)) {
        res.writeHead(304, validators);
        res.end();
        return;
      }
      send(req, res, 200, { "content-type": file.contentType, ...validators }, file.body);
    },
  };
}

/**
 * @param {import("node:http").IncomingMessage} req
 * @param {import("node:http").ServerResponse} res
 */
function notFound(req, res) {
  send(
    req,
    res,
    404,
    { "content-type": "text/html; charset=utf-8" },
    "<!doctype html><title>404 - Không tìm thấy trang</title><h1>404</h1>\n",
  );
}

/**
 * Does a route answer this request?
 * @param {import("./server.d.mts").DemoRoute} route
 * @param {string} method
 * @param {string} pathname
 * @returns {RegExpExecArray | null | false} match groups for RegExp paths, null for string paths, false when not matched
 */
function matchRoute(route, method, pathname) {
  if (route.method && route.method !== method && !(route.method === "GET" && method === "HEAD")) return false;
  if (typeof route.path === "string") return route.path === pathname ? null : false;
  const m = route.path.exec(pathname);
  return m ?? false;
}

/**
 * Builds the full route table: extra routes first (so they can shadow files), then static files.
 * @param {import("./server.d.mts").DemoRoute[]} extraRoutes
 * @param {Map<string, import("./server.d.mts").StaticFile>} files
 * @returns {import("./server.d.mts").RouteTable}
 */
export function buildRouteTable(extraRoutes, files) {
  return [...extraRoutes, staticRoute(files)];
}

/**
 * Starts the demo site on 127.0.0.1.
 * @param {import("./server.d.mts").DemoSiteOptions} [options]
 * @returns {Promise<import("./server.d.mts").DemoSite>}
 * @example
 *   const site = await startDemoSite();            // random free port
 *   const res = await fetch(`${site.origin}/rss.xml`);
 *   await site.close();
 */
export async function startDemoSite({ port = 0, root = DEFAULT_ROOT, routes = [] } = {}) {
  const siteRoot = resolve(root);
  /** @type {import("./server.d.mts").RouteTable} */
  let table = [];
  /** @type {Map<string, import("./server.d.mts").StaticFile>} */
  let files = new Map();
  let origin = "";

  const server = createServer(async (req, res) => {
    const method = req.method ?? "GET";
    try {
      // Origin-form targets ("/path?q") are the norm; anything else ("*", absolute-form) is read as "/".
      const target = req.url ?? "/";
      const url = new URL(target.startsWith("/") ? `${origin}${target}` : `${origin}/`);
      for (const route of table) {
        const match = matchRoute(route, method, url.pathname);
        if (match === false) continue;
        await route.handler(req, res, {
          url,
          origin,
          match,
          files,
          send: (status, headers, body) => send(req, res, status, headers, body),
        });
        return;
      }
      notFound(req, res);
    } catch (error) {
      // A broken fault route must not take the server down; report it as a plain 500.
      if (!res.headersSent) send(req, res, 500, { "content-type": "text/plain; charset=utf-8" }, `500 ${String(error)}\n`);
      else res.destroy();
    }
  });

  await new Promise((resolveListen, rejectListen) => {
    server.once("error", rejectListen);
    server.listen(port, HOST, () => {
      server.off("error", rejectListen);
      resolveListen(undefined);
    });
  });
  const address = server.address();
  const boundPort = typeof address === "object" && address ? address.port : port;
  origin = `http://${HOST}:${boundPort}`;
  try {
    files = loadStaticFiles(siteRoot, origin);
  } catch (error) {
    server.close();
    throw error;
  }
  table = buildRouteTable(routes, files);

  return {
    origin,
    port: boundPort,
    routes: table,
    close: () =>
      new Promise((resolveClose, rejectClose) => {
        server.close((error) => (error ? rejectClose(error) : resolveClose(undefined)));
        // Keep-alive sockets from fetch() would otherwise hold close() open.
        server.closeAllConnections();
      }),
  };
}

/** CLI entry: `node demo/server.mjs --port 8790`. */
async function main() {
  const { values } = parseArgs({ options: { port: { type: "string", default: "8790" }, root: { type: "string" } } });
  const port = Number(values.port);
  if (!Number.isInteger(port) || port < 0 || port > 65535) throw new Error(`bad --port ${values.port}`);
  const site = await startDemoSite({ port, root: values.root });
  console.log(`demo site: ${site.origin}`);
  const stop = () => {
    site.close().then(() => process.exit(0));
  };
  process.once("SIGINT", stop);
  process.once("SIGTERM", stop);
}

if (process.argv[1] && resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  main().catch((error) => {
    console.error(error instanceof Error ? error.message : error);
    process.exit(1);
  });
}
