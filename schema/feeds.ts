/** The query of the Atom feeds (/v1/feeds/*.atom); the language parameter is the API's own. */
import { z } from "@hono/zod-openapi";
import { Lang } from "./api";

export const FeedQuery = z.object({
  lang: Lang,
  metric: z
    .string()
    .regex(/^[a-z0-9_]{1,64}$/, "metric must be a metric id such as fdi_registered")
    .optional()
    .openapi({
      param: { name: "metric", in: "query" },
      description: "Only this metric's observations (see /v1/metrics).",
      example: "exports",
    }),
});
