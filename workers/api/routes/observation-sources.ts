import { createRoute } from "@hono/zod-openapi";
import { HTTPException } from "hono/http-exception";
import type { Schema } from "hono/types";
import { IdParam, ObservationSourcesOut, PageQuery, problemResponse } from "../../../schema/api";
import { pageSources } from "../../dataset/observation-rows";
import { createDb } from "../../db/client";
import { observationById } from "../../db/observations";
import type { ApiApp } from "../app-type";
import { decodeArticleCursor, encodeArticleCursor } from "../cursor";
import { badParam } from "./bad-param";
import { PUBLIC, RATE_LIMITED } from "./responses";

const route = createRoute({
  method: "get",
  path: "/v1/observations/{id}/sources",
  operationId: "listObservationSources",
  tags: ["dataset"],
  security: PUBLIC,
  summary:
    "Every source of one observation — an article and the value it gives — newest publication first, a page at a time (an observation lists only its newest)",
  request: { params: IdParam, query: PageQuery },
  responses: {
    200: { description: "A page of sources", content: { "application/json": { schema: ObservationSourcesOut } } },
    400: problemResponse("Bad parameter"),
    404: problemResponse("No such observation"),
    ...RATE_LIMITED,
  },
});

export function registerObservationSources<S extends Schema>(app: ApiApp<S>) {
  return app.openapi(route, async function listObservationSources(c) {
    const { id } = c.req.valid("param");
    const { limit, cursor } = c.req.valid("query");
    const after = cursor ? decodeArticleCursor(cursor) : null;
    if (cursor && after === null) return badParam(c, "cursor", "not a cursor this API issued");
    const db = createDb(c.env.DB);
    const observation = await observationById(db, id);
    if (!observation) throw new HTTPException(404, { message: `no observation with id ${id}` });
    const page = await pageSources(db, id, after, limit);
    return c.json(
      {
        observation_id: id,
        source_count: observation.source_count,
        items: page.items,
        next_cursor: page.next ? encodeArticleCursor(page.next) : null,
      },
      200,
    );
  });
}
