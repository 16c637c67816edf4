/**
 * /v1/admin/*: operator actions behind a bearer token (the ADMIN_TOKEN secret), compared in
 * constant time. Sources, a crawl now, re-extraction of every stored article, and a full rebuild
 * of the observations. JSON bodies are limited to 16 KiB (413 beyond).
 */
import { createRoute, z } from "@hono/zod-openapi";
import { count, eq } from "drizzle-orm";
import type { Context } from "hono";
import { bodyLimit } from "hono/body-limit";
import { HTTPException } from "hono/http-exception";
import type { Schema } from "hono/types";
import { NewSource, problemResponse, SourceIdPath, SourcePatch } from "../../../schema/api";
import type { PipelineCommand } from "../../../schema/messages";
import { articles, sources } from "../../../schema/tables";
import { rebuildStatements } from "../../dataset/observations";
import { createDb } from "../../db/client";
import { bumpVersionStatement, versionQuery } from "../../db/dataset-version";
import { totalsQuery } from "../../db/observations";
import { requireAdmin } from "../admin-auth";
import type { ApiApp, ApiEnv } from "../app-type";
import { problem } from "../errors";
import { ADMIN, UNAUTHORIZED } from "./responses";

/** The largest admin request body: a source is a few hundred bytes. */
export const ADMIN_BODY_LIMIT = 16 * 1024;
const tooLarge = { 413: problemResponse(`Body larger than ${ADMIN_BODY_LIMIT / 1024} KiB`) };

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
  operationId: "addSource",
  tags: ["admin"],
  summary: "Add a source (a feed, sitemap or page of links)",
  security: ADMIN,
  request: { body: { required: true, content: { "application/json": { schema: NewSource } } } },
  responses: {
    201: { description: "Added", content: { "application/json": { schema: SourceRow } } },
    400: problemResponse("Bad body"),
    ...UNAUTHORIZED,
    409: problemResponse("The id is taken"),
    ...tooLarge,
  },
});

const patchSource = createRoute({
  method: "patch",
  path: "/v1/admin/sources/{id}",
  operationId: "updateSource",
  tags: ["admin"],
  summary: 'Change or disable a source ({ "active": false })',
  security: ADMIN,
  request: { params: SourceIdPath, body: { required: true, content: { "application/json": { schema: SourcePatch } } } },
  responses: {
    200: { description: "The source as it is now", content: { "application/json": { schema: SourceRow } } },
    400: problemResponse("Bad id or body"),
    ...UNAUTHORIZED,
    404: problemResponse("No such source"),
    ...tooLarge,
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
  operationId: "startCrawl",
  tags: ["admin"],
  summary: "Run discovery over every active source now (the pipeline Worker runs it from the commands queue)",
  security: ADMIN,
  responses: { 202: { description: "Started", content: { "application/json": { schema: Accepted } } }, ...UNAUTHORIZED },
});

const reextract = createRoute({
  method: "post",
  path: "/v1/admin/reextract",
  operationId: "startReextraction",
  tags: ["admin"],
  summary:
    "Re-extract every extracted article with the current extractor, from the archived page (no fetch) or, with refetch=true, from the network",
  security: ADMIN,
  request: { query: ReextractQuery },
  responses: {
    202: { description: "Queued", content: { "application/json": { schema: Accepted } } },
    400: problemResponse("Bad parameter"),
    ...UNAUTHORIZED,
  },
});

const rebuild = createRoute({
  method: "post",
  path: "/v1/admin/rebuild",
  operationId: "rebuildObservations",
  tags: ["admin"],
  summary: "Rebuild every observation from the facts (one transaction) and bump the dataset version",
  security: ADMIN,
  responses: {
    200: {
      description: "Rebuilt",
      content: { "application/json": { schema: z.object({ observations: z.number(), conflicts: z.number(), version: z.string() }) } },
    },
    ...UNAUTHORIZED,
  },
});

function sourceJson(s: typeof sources.$inferSelect) {
  return { id: s.id, name: s.name, kind: s.kind, url: s.url, lang: s.lang, active: s.active };
}

/** Hands an action to the pipeline Worker: the API holds no pipeline code, only the queue between them. */
async function sendCommand(c: Context<ApiEnv>, cmd: PipelineCommand): Promise<void> {
  await c.env.COMMANDS.send(cmd);
}

export function registerAdmin<S extends Schema>(app: ApiApp<S>) {
  app.openAPIRegistry.registerComponent("securitySchemes", "adminToken", { type: "http", scheme: "bearer" });
  app.use(
    "/v1/admin/*",
    requireAdmin,
    bodyLimit({
      maxSize: ADMIN_BODY_LIMIT,
      onError: (c) => problem(c, "payload-too-large", `The request body is larger than ${ADMIN_BODY_LIMIT / 1024} KiB.`),
    }),
  );

  return app
    .openapi(addSource, async function adminAddSource(c) {
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
    })
    .openapi(patchSource, async function adminPatchSource(c) {
      const { id } = c.req.valid("param");
      const patch = c.req.valid("json");
      const row = await createDb(c.env.DB).update(sources).set(patch).where(eq(sources.id, id)).returning().get();
      if (!row) throw new HTTPException(404, { message: `no source with id ${id}` });
      return c.json(sourceJson(row), 200);
    })
    .openapi(crawl, async function adminCrawl(c) {
      await sendCommand(c, { command: "crawl" });
      return c.json({ accepted: true }, 202);
    })
    .openapi(reextract, async function adminReextract(c) {
      const refetch = c.req.valid("query").refetch === "true";
      const row = await createDb(c.env.DB).select({ n: count() }).from(articles).where(eq(articles.status, "extracted")).get();
      await sendCommand(c, { command: "reextract", refetch });
      return c.json({ accepted: true, articles: row?.n ?? 0, from: refetch ? ("network" as const) : ("archive" as const) }, 202);
    })
    .openapi(rebuild, async function adminRebuild(c) {
      const db = createDb(c.env.DB);
      const [first, ...rest] = [...rebuildStatements(db), bumpVersionStatement(db)];
      await db.batch([first, ...rest]);
      // The counts and the version in one batch (one round trip, one transaction), as they stand after the rebuild.
      const [[counts], [meta]] = await db.batch([totalsQuery(db), versionQuery(db)]);
      return c.json({ observations: counts?.n ?? 0, conflicts: counts?.conflicts ?? 0, version: meta?.value ?? "0" }, 200);
    });
}
