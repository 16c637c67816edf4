/** Types for demo/server.mjs (the demo news site server). */
import type { IncomingHttpHeaders, IncomingMessage, ServerResponse } from "node:http";

/** One file of the site, loaded at start with the origin placeholder already replaced. */
export interface StaticFile {
  /** Request path, e.g. "/rss.xml". */
  path: string;
  body: Buffer;
  contentType: string;
  /** Strong ETag over the served bytes (so it changes with the origin). */
  etag: string;
  lastModified: Date;
}

/** What a route handler gets besides req/res. */
export interface RouteContext {
  url: URL;
  /** e.g. "http://127.0.0.1:8790" */
  origin: string;
  /** Groups when the route path is a RegExp; null for string paths. */
  match: RegExpExecArray | null;
  /** The static files, so a fault route can serve a real page slowly, with a wrong charset, etc. */
  files: ReadonlyMap<string, StaticFile>;
  /** Sends a whole body with content-length (headers only for HEAD). */
  send(status: number, headers: Record<string, string | number>, body?: string | Uint8Array): void;
}

/** Handles a matched request; it must end the response (it may stream, delay, or destroy the socket). */
export type RouteHandler = (req: IncomingMessage, res: ServerResponse, ctx: RouteContext) => void | Promise<void>;

/** One entry of the route table. */
export interface DemoRoute {
  /** For logs and debugging. */
  name?: string;
  /** Only this method (GET also answers HEAD); any method when absent. */
  method?: string;
  /** Exact pathname, or a RegExp tested against the pathname. */
  path: string | RegExp;
  handler: RouteHandler;
}

/** Routes in order; the first match answers. */
export type RouteTable = DemoRoute[];

export interface DemoSiteOptions {
  /** 0 (default) picks a free port. */
  port?: number;
  /** Site directory; default demo/site. */
  root?: string;
  /** Extra routes, tried before the static files (so they may shadow them). */
  routes?: DemoRoute[];
}

export interface DemoSite {
  /** e.g. "http://127.0.0.1:41234" — what replaced the placeholder in every file. */
  origin: string;
  port: number;
  /** The full route table in use (extra routes, then static files). */
  routes: RouteTable;
  close(): Promise<void>;
}

export const ORIGIN_PLACEHOLDER: "{{ORIGIN}}";
export const DEFAULT_ROOT: string;
export function startDemoSite(options?: DemoSiteOptions): Promise<DemoSite>;
export function buildRouteTable(extraRoutes: DemoRoute[], files: Map<string, StaticFile>): RouteTable;
export function staticRoute(files: Map<string, StaticFile>): DemoRoute;
export function loadStaticFiles(root: string, origin: string): Map<string, StaticFile>;
export function contentTypeFor(relPath: string): string;
export function isNotModified(headers: IncomingHttpHeaders, file: { etag: string; lastModified: Date }): boolean;
export function staticKey(pathname: string): string | null;
export function send(
  req: IncomingMessage,
  res: ServerResponse,
  status: number,
  headers: Record<string, string | number>,
  body?: string | Uint8Array,
): void;
