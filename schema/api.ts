/**
 * The zod schemas the public API validates with; the OpenAPI document is generated from the same
 * schemas, so the docs cannot drift from what is enforced.
 */
import { z } from "@hono/zod-openapi";
import { ARTICLE_STATUSES } from "./tables";

export const MAX_PAGE_SIZE = 200;
export const DEFAULT_PAGE_SIZE = 50;

const YEAR_MONTH = /^\d{4}-(0[1-9]|1[0-2])$/;

export const PageQuery = z.object({
  limit: z.coerce
    .number()
    .int()
    .min(1)
    .max(MAX_PAGE_SIZE)
    .default(DEFAULT_PAGE_SIZE)
    .openapi({ param: { name: "limit", in: "query" }, description: `Page size, 1–${MAX_PAGE_SIZE}.`, example: 50 }),
  cursor: z
    .string()
    .regex(/^[A-Za-z0-9_-]{1,64}$/, "cursor must be a value returned as next_cursor")
    .optional()
    .openapi({ param: { name: "cursor", in: "query" }, description: "The `next_cursor` of the previous page." }),
});

export const ArticlesQuery = PageQuery.extend({
  status: z
    .enum(ARTICLE_STATUSES)
    .optional()
    .openapi({ param: { name: "status", in: "query" }, example: "extracted" }),
  source: z
    .string()
    .max(64)
    .optional()
    .openapi({ param: { name: "source", in: "query" }, description: "A source id." }),
});

export const IdParam = z.object({
  id: z.coerce
    .number()
    .int()
    .min(1)
    .max(2 ** 53 - 1)
    .openapi({ param: { name: "id", in: "path" }, example: 1 }),
});

export const FactsQuery = PageQuery.extend({
  metric: z
    .string()
    .regex(/^[a-z0-9_]{1,64}$/, "metric must be a metric id such as fdi_registered")
    .optional()
    .openapi({ param: { name: "metric", in: "query" }, example: "fdi_registered" }),
  geo: z
    .string()
    .regex(/^[a-z0-9_-]{1,64}$/)
    .optional()
    .openapi({ param: { name: "geo", in: "query" }, example: "hanoi" }),
  from: z
    .string()
    .regex(YEAR_MONTH, "from must be YYYY-MM")
    .optional()
    .openapi({ param: { name: "from", in: "query" }, description: "Periods ending in or after this month (YYYY-MM).", example: "2020-01" }),
  to: z
    .string()
    .regex(YEAR_MONTH, "to must be YYYY-MM")
    .optional()
    .openapi({
      param: { name: "to", in: "query" },
      description: "Periods starting in or before this month (YYYY-MM).",
      example: "2024-12",
    }),
  article: z.coerce
    .number()
    .int()
    .min(1)
    .max(2 ** 53 - 1)
    .optional()
    .openapi({ param: { name: "article", in: "query" }, description: "Only this article's facts." }),
});

export const ErrorBody = z
  .object({
    error: z.object({
      code: z.string().openapi({ example: "bad_request" }),
      message: z.string(),
      issues: z.array(z.object({ param: z.string(), message: z.string() })).optional(),
    }),
  })
  .openapi("Error");

export const Period = z.object({ start: z.string(), end: z.string() }).nullable();

export const FactOut = z
  .object({
    id: z.number(),
    article_id: z.number(),
    metric: z.string(),
    value: z.number(),
    unit: z.string(),
    currency: z.string().nullable(),
    period: Period,
    geo: z.string(),
    qualifier: z.string(),
    sentence: z.string(),
    article: z
      .object({ url: z.string(), title: z.string().nullable(), published: z.string().nullable(), lang: z.string().nullable() })
      .optional(),
  })
  .openapi("Fact");

export const ArticleOut = z
  .object({
    id: z.number(),
    url: z.string(),
    source_id: z.string().nullable(),
    status: z.string(),
    reason: z.string().nullable(),
    attempts: z.number(),
    http_status: z.number().nullable(),
    lang: z.string().nullable(),
    title: z.string().nullable(),
    published: z.string().nullable(),
    fact_count: z.number(),
    discovered_at: z.string(),
    updated_at: z.string(),
  })
  .openapi("Article");

export const SourceOut = z
  .object({
    id: z.string(),
    name: z.string(),
    kind: z.string(),
    url: z.string(),
    lang: z.string().nullable(),
    active: z.boolean(),
    last_status: z.string().nullable(),
    last_error: z.string().nullable(),
    last_crawled_at: z.string().nullable(),
    last_found: z.number(),
    last_queued: z.number(),
    articles: z.record(z.string(), z.number()),
  })
  .openapi("Source");

export function pageOf<T extends z.ZodTypeAny>(item: T) {
  return z.object({ items: z.array(item), next_cursor: z.string().nullable() });
}
