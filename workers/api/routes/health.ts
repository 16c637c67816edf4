import { createRoute, z } from "@hono/zod-openapi";
import type { Schema } from "hono/types";
import { readVersion } from "../../db/dataset-version";
import type { ApiApp } from "../app-type";
import { PUBLIC, RATE_LIMITED } from "./responses";

const route = createRoute({
  method: "get",
  path: "/healthz",
  operationId: "getHealth",
  tags: ["meta"],
  summary: "Liveness, and the dataset version the API serves",
  security: PUBLIC,
  responses: {
    200: {
      description: "OK",
      content: {
        "application/json": {
          schema: z.object({ ok: z.boolean(), version: z.string() }).openapi({ example: { ok: true, version: "42" } }),
        },
      },
    },
    ...RATE_LIMITED,
  },
});

export function registerHealth<S extends Schema>(app: ApiApp<S>) {
  return app.openapi(route, async function healthz(c) {
    return c.json({ ok: true, version: await readVersion(c.env.DB) }, 200);
  });
}
