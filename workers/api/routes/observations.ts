import { createRoute } from "@hono/zod-openapi";
import type { Schema } from "hono/types";
import { ObservationOut, ObservationsQuery, pageOf, problemResponse } from "../../../schema/api";
import { withSources } from "../../dataset/observation-rows";
import { createDb } from "../../db/client";
import { observationPage } from "../../db/observations";
import type { ApiApp } from "../app-type";
import { decodeCursor, encodeCursor } from "../cursor";
import { badParam, requireMetric } from "./bad-param";
import { PUBLIC, RATE_LIMITED } from "./responses";

const route = createRoute({
  method: "get",
  path: "/v1/observations",
  operationId: "listObservations",
  tags: ["dataset"],
  security: PUBLIC,
  summary:
    "Observations — one per (metric, geo, period, currency, basis, slice) — with every source and conflicts marked; actual totals by default",
  request: { query: ObservationsQuery },
  responses: {
    200: { description: "A page of observations, by id", content: { "application/json": { schema: pageOf(ObservationOut) } } },
    400: problemResponse("Bad parameter"),
    404: problemResponse("Unknown metric"),
    ...RATE_LIMITED,
  },
});

export function registerObservations<S extends Schema>(app: ApiApp<S>) {
  return app.openapi(route, async function listObservations(c) {
    const q = c.req.valid("query");
    if (q.from && q.to && q.from > q.to) return badParam(c, "from", "from must not be after to");
    if (q.metric) requireMetric(q.metric);
    let afterId: number | undefined;
    if (q.cursor) {
      const after = decodeCursor(q.cursor);
      if (after === null) return badParam(c, "cursor", "not a cursor this API issued");
      afterId = after;
    }
    if (q.member && q.dimension === "total") return badParam(c, "member", "a total has no member; leave out dimension=total");
    // Totals unless a slicing or a slice is asked for: a slice never passes for its total.
    const dimension = q.dimension && q.dimension !== "total" ? q.dimension : q.member ? undefined : "";
    const { metric, geo, from, to, status, span, basis, member } = q;
    const db = createDb(c.env.DB);
    const results = await observationPage(db, { afterId, metric, geo, from, to, status, span, basis, dimension, member }, q.limit + 1);
    const page = results.slice(0, q.limit);
    const next = results.length > q.limit ? encodeCursor(page[page.length - 1].id) : null;
    return c.json({ items: await withSources(db, page), next_cursor: next }, 200);
  });
}
