import { createRoute } from "@hono/zod-openapi";
import { ErrorBody, ObservationOut, ObservationsQuery, pageOf } from "../../../schema/api";
import { OBSERVATION_COLUMNS, type ObservationRow, withSources } from "../../dataset/observation-rows";
import type { Router } from "../app-type";
import { decodeCursor, encodeCursor } from "../cursor";
import { badParam, requireMetric } from "./bad-param";

const route = createRoute({
  method: "get",
  path: "/v1/observations",
  tags: ["dataset"],
  summary:
    "Observations — one per (metric, geo, period, currency, basis, slice) — with every source and conflicts marked; actual totals by default",
  request: { query: ObservationsQuery },
  responses: {
    200: { description: "A page of observations, by id", content: { "application/json": { schema: pageOf(ObservationOut) } } },
    400: { description: "Bad parameter", content: { "application/json": { schema: ErrorBody } } },
    404: { description: "Unknown metric", content: { "application/json": { schema: ErrorBody } } },
  },
});

export function registerObservations(app: Router): void {
  app.openapi(route, async function listObservations(c) {
    const q = c.req.valid("query");
    if (q.from && q.to && q.from > q.to) return badParam(c, "from", "from must not be after to");
    if (q.metric) requireMetric(q.metric);
    const where: string[] = [];
    const binds: (string | number)[] = [];
    const add = (clause: string, value: string | number) => {
      where.push(clause);
      binds.push(value);
    };
    if (q.cursor) {
      const after = decodeCursor(q.cursor);
      if (after === null) return badParam(c, "cursor", "not a cursor this API issued");
      add("id > ?", after);
    }
    if (q.metric) add("metric = ?", q.metric);
    if (q.geo) add("geo = ?", q.geo);
    if (q.from) add("period_end >= ?", q.from);
    if (q.to) add("period_start <= ?", q.to);
    if (q.status) add("status = ?", q.status);
    if (q.span) add("span = ?", q.span);
    add("basis = ?", q.basis);
    // Totals unless a slicing or a slice is asked for: a slice never passes for its total.
    if (q.dimension && q.dimension !== "total") add("part_dimension = ?", q.dimension);
    else if (!q.member) where.push("part_dimension = ''");
    if (q.member) {
      if (q.dimension === "total") return badParam(c, "member", "a total has no member; leave out dimension=total");
      add("part_member = ?", q.member);
    }
    const { results } = await c.env.DB.prepare(
      `SELECT ${OBSERVATION_COLUMNS} FROM observations ${where.length ? `WHERE ${where.join(" AND ")}` : ""} ORDER BY id LIMIT ?`,
    )
      .bind(...binds, q.limit + 1)
      .all<ObservationRow>();
    const page = results.slice(0, q.limit);
    const next = results.length > q.limit ? encodeCursor(page[page.length - 1].id) : null;
    return c.json({ items: await withSources(c.env.DB, page), next_cursor: next }, 200);
  });
}
