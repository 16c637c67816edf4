/**
 * /v1/admin/*: operator actions behind a bearer token (the ADMIN_TOKEN secret), compared in
 * constant time. Sources, a crawl now, re-extraction of every stored article, and a full rebuild
 * of the observations.
 */
import { createRoute, z } from "@hono/zod-openapi";
import { count, eq } from "drizzle-orm";
import type { Context } from "hono";
import { HTTPException } from "hono/http-exception";
import { ErrorBody, NewSource, SourceIdPath, SourcePatch } from "../../../schema/api";
import type { PipelineCommand } from "../../../schema/messages";
import { articles, sources } from "../../../schema/tables";
import { rebuildStatements } from "../../dataset/observations";
import { createDb } from "../../db/client";
import { bumpVersionStatement, versionQuery } from "../../db/dataset-version";
import { totalsQuery } from "../../db/observations";
import { requireAdmin } from "../admin-auth";
import type { ApiEnv, Router } from "../app-type";

const SECURITY = [{ adminToken: [] }];
const unauthorized = { description: "Missing or wrong bearer token", content: { "application/json": { schema: ErrorBody } } };

const SourceRow = z.object({
  id: z.string(),
  name: z.string(),
  kind: z.string(),
  url: z.string(),
  lang: z.string().nullable(),
  active: z.boolean(),
});

const addSource = createRoute({
  method: "post",
  path: "/v1/admin/sources",
  tags: ["admin"],
  summary: "Add a source (a feed, sitemap or page of links)",
  security: SECURITY,
  request: { body: { required: true, content: { "application/json": { schema: NewSource } } } },
  responses: {
    201: { description: "Added", content: { "application/json": { schema: SourceRow } } },
    400: { description: "Bad body", content: { "application/json": { schema: ErrorBody } } },
    401: unauthorized,
    409: { description: "The id is taken", content: { "application/json": { schema: ErrorBody } } },
  },
});

const patchSource = createRoute({
  method: "patch",
  path: "/v1/admin/sources/{id}",
  tags: ["admin"],
  summary: 'Change or disable a source ({ "active": false })',
  security: SECURITY,
  request: { params: SourceIdPath, body: { required: true, content: { "application/json": { schema: SourcePatch } } } },
  responses: {
    200: { description: "The source as it is now", content: { "application/json": { schema: SourceRow } } },
    400: { description: "Bad body", content: { "application/json": { schema: ErrorBody } } },
    401: unauthorized,
    404: { description: "No such source", content: { "application/json": { schema: ErrorBody } } },
  },
});

const Accepted = z.object({
  accepted: z.boolean(),
  /** For a re-extraction: the articles it covers (every extracted one). */
  articles: z.number().optional(),
  from: z.enum(["archive", "network"]).optional(),
});

const ReextractQuery = z.object({
  refetch: z.enum(["true", "false"]).optional().openapi({ description: "true: fetch every page again instead of reading the R2 archive" }),
});

const crawl = createRoute({
  method: "post",
  path: "/v1/admin/crawl",
  tags: ["admin"],
  summary: "Run discovery over every active source now (the pipeline Worker runs it from the commands queue)",
  security: SECURITY,
  responses: { 202: { description: "Started", content: { "application/json": { schema: Accepted } } }, 401: unauthorized },
});

const reextract = createRoute({
  method: "post",
  path: "/v1/admin/reextract",
  tags: ["admin"],
  summary:
    "Re-extract every extracted article with the current extractor, from the archived page (no fetch) or, with refetch=true, from the network",
  security: SECURITY,
  request: { query: ReextractQuery },
  responses: { 202: { description: "Queued", content: { "application/json": { schema: Accepted } } }, 401: unauthorized },
});

const rebuild = createRoute({
  method: "post",
  path: "/v1/admin/rebuild",
  tags: ["admin"],
  summary: "Rebuild every observation from the facts (one transaction) and bump the dataset version",
  security: SECURITY,
  responses: {
    200: {
      description: "Rebuilt",
      content: { "application/json": { schema: z.object({ observations: z.number(), conflicts: z.number(), version: z.string() }) } },
    },
    401: unauthorized,
  },
});

function sourceJson(s: typeof sources.$inferSelect) {
  return { id: s.id, name: s.name, kind: s.kind, url: s.url, lang: s.lang, active: s.active };
}

/** Hands an action to the pipeline Worker: the API holds no pipeline code, only the queue between them. */
async function sendCommand(c: Context<ApiEnv>, cmd: PipelineCommand): Promise<void> {
  await c.env.COMMANDS.send(cmd);
}

export function registerAdmin(app: Router): void {
  app.openAPIRegistry.registerComponent("securitySchemes", "adminToken", { type: "http", scheme: "bearer" });
  app.use("/v1/admin/*", requireAdmin);

  app.openapi(addSource, async function adminAddSource(c) {
    const body = c.req.valid("json");
    const db = createDb(c.env.DB);
    const row = await db
      .insert(sources)
      .values({ id: body.id, name: body.name, kind: body.kind, url: body.url, lang: body.lang ?? null, active: body.active })
      .onConflictDoNothing()
      .returning()
      .get();
    if (!row) throw new HTTPException(409, { message: `a source with id ${body.id} exists` });
    return c.json(sourceJson(row), 201);
  });

  app.openapi(patchSource, async function adminPatchSource(c) {
    const { id } = c.req.valid("param");
    const patch = c.req.valid("json");
    const row = await createDb(c.env.DB).update(sources).set(patch).where(eq(sources.id, id)).returning().get();
    if (!row) throw new HTTPException(404, { message: `no source with id ${id}` });
    return c.json(sourceJson(row), 200);
  });

  app.openapi(crawl, async function adminCrawl(c) {
    await sendCommand(c, { command: "crawl" });
    return c.json({ accepted: true }, 202);
  });

  app.openapi(reextract, async function adminReextract(c) {
    const refetch = c.req.valid("query").refetch === "true";
    const row = await createDb(c.env.DB).select({ n: count() }).from(articles).where(eq(articles.status, "extracted")).get();
    await sendCommand(c, { command: "reextract", refetch });
    return c.json({ accepted: true, articles: row?.n ?? 0, from: refetch ? ("network" as const) : ("archive" as const) }, 202);
  });

  app.openapi(rebuild, async function adminRebuild(c) {
    const db = createDb(c.env.DB);
    const [first, ...rest] = [...rebuildStatements(db), bumpVersionStatement(db)];
    await db.batch([first, ...rest]);
    // The counts and the version in one batch (one round trip, one transaction), as they stand after the rebuild.
    const [[counts], [meta]] = await db.batch([totalsQuery(db), versionQuery(db)]);
    return c.json({ observations: counts?.n ?? 0, conflicts: counts?.conflicts ?? 0, version: meta?.value ?? "0" }, 200);
  });
}
