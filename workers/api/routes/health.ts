import { createRoute, z } from "@hono/zod-openapi";
import { readVersion } from "../../db/dataset-version";
import type { Router } from "../app-type";

const route = createRoute({
  method: "get",
  path: "/healthz",
  tags: ["meta"],
  summary: "Liveness, and the dataset version the API serves",
  responses: {
    200: { description: "OK", content: { "application/json": { schema: z.object({ ok: z.boolean(), version: z.string() }) } } },
  },
});

export function registerHealth(app: Router): void {
  app.openapi(route, async function healthz(c) {
    return c.json({ ok: true, version: await readVersion(c.env.DB) }, 200);
  });
}
