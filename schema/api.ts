/**
 * The zod schemas the public API validates with; the OpenAPI document is generated from the same
 * schemas, so the docs cannot drift from what is enforced.
 */
import { z } from "@hono/zod-openapi";
import { SPAN_KINDS } from "./spans";
import { ARTICLE_STATUSES, OBSERVATION_STATUSES, SOURCE_KINDS } from "./tables";

// ---- Examples (shown in /openapi.json and /docs): one story, an FDI figure for Hanoi in 2024 ----------

const EXAMPLE_ARTICLE = {
  url: "https://hanoimoi.vn/kinh-te/ha-noi-thu-hut-2-07-ty-usd-von-fdi-nam-2024",
  title: "Hà Nội thu hút 2,07 tỷ USD vốn FDI năm 2024",
  published: "2024-12-27",
  lang: "vi",
};
const EXAMPLE_SENTENCE = "Năm 2024, Hà Nội thu hút 2,07 tỷ USD vốn đầu tư trực tiếp nước ngoài.";
const EXAMPLE_SOURCE_REF = {
  article_id: 3,
  url: EXAMPLE_ARTICLE.url,
  title: EXAMPLE_ARTICLE.title,
  published: EXAMPLE_ARTICLE.published,
  lang: "vi",
  sentence: EXAMPLE_SENTENCE,
  value: 2070000000,
  qualifier: "approx",
};
const EXAMPLE_OBSERVATION = {
  id: 12,
  metric: "fdi_registered",
  geo: "hanoi",
  period: { start: "2024-01", end: "2024-12" },
  span: "year",
  basis: "actual",
  part: null,
  value: 2067000000,
  unit: "currency",
  currency: "USD",
  qualifier: "exact",
  qualifiers: ["exact", "approx"],
  status: "agreed",
  values: [2067000000, 2070000000],
  fact_count: 2,
  source_count: 2,
  sources: [
    EXAMPLE_SOURCE_REF,
    {
      article_id: 7,
      url: "https://en.hanoimoi.vn/hanoi-attracts-2-067-billion-usd-of-fdi-in-2024",
      title: "Hanoi attracts US$2.067 billion of FDI in 2024",
      published: "2024-12-28",
      lang: "en",
      sentence: "Hanoi attracted US$2.067 billion in foreign direct investment in 2024.",
      value: 2067000000,
      qualifier: "exact",
    },
  ],
};

/** The Fact and Article examples, also the base of other schemas' examples (ArticleDetail). */
export const FACT_EXAMPLE = {
  id: 41,
  article_id: 3,
  metric: "fdi_registered",
  value: 2070000000,
  unit: "currency",
  currency: "USD",
  period: { start: "2024-01", end: "2024-12" },
  geo: "hanoi",
  qualifier: "approx",
  basis: "actual",
  part: null,
  sentence: EXAMPLE_SENTENCE,
  article: EXAMPLE_ARTICLE,
};
export const ARTICLE_EXAMPLE = {
  id: 3,
  url: EXAMPLE_ARTICLE.url,
  source_id: "hanoimoi-kinhte",
  status: "extracted",
  reason: null,
  attempts: 1,
  http_status: 200,
  lang: "vi",
  title: EXAMPLE_ARTICLE.title,
  published: EXAMPLE_ARTICLE.published,
  fact_count: 4,
  discovered_at: "2024-12-27T08:15:00.000Z",
  updated_at: "2024-12-27T08:15:03.412Z",
};

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
    .regex(/^[A-Za-z0-9_-]{1,400}$/, "cursor must be a value returned as next_cursor")
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
  basis: z
    .enum(["actual", "target", "forecast"])
    .optional()
    .openapi({
      param: { name: "basis", in: "query" },
      description: "Only results, goals or projections (default: all).",
      example: "actual",
    }),
  dimension: z
    .enum(["total", "sector", "industry", "market", "product", "component", "area"])
    .optional()
    .openapi({
      param: { name: "dimension", in: "query" },
      description: "Only totals (`total`) or only slices along one dimension (default: all).",
      example: "total",
    }),
});

/** The media type of every error answer (RFC 9457 problem details). */
export const PROBLEM_JSON = "application/problem+json";

/** One offending request parameter: its name (a dotted path for a body field) and what is wrong with it. */
export const ProblemIssue = z
  .object({
    param: z.string().openapi({ description: "The parameter at fault: a query or path parameter, or a dotted path into the JSON body." }),
    message: z.string(),
  })
  .openapi("ProblemIssue", { example: { param: "limit", message: "Too big: expected number to be <=200" } });

/**
 * Every error answer: an RFC 9457 problem details object, sent as application/problem+json. `type`
 * names the kind of problem (a section of /docs/problems on the API's own origin); `issues` is the
 * extension member of invalid-parameters problems.
 */
export const ErrorBody = z
  .object({
    type: z.string().openapi({
      format: "uri",
      description: "The kind of problem: a URL of the section of /docs/problems that explains it.",
    }),
    title: z.string().openapi({ description: "A short summary of the kind of problem (the same for every problem of one type)." }),
    status: z.number().int().openapi({ description: "The HTTP status code of the answer." }),
    detail: z.string().openapi({ description: "What went wrong with this request, for people." }),
    instance: z.string().openapi({ description: "The request's path and query: where this problem occurred." }),
    issues: z
      .array(ProblemIssue)
      .optional()
      .openapi({ description: "invalid-parameters only: each offending parameter, with what is wrong with it." }),
  })
  .openapi("Problem", {
    example: {
      type: "https://newsfacts.example/docs/problems#invalid-parameters",
      title: "Invalid request parameters",
      status: 400,
      detail: "limit: Too big: expected number to be <=200",
      instance: "/v1/facts?limit=500",
      issues: [{ param: "limit", message: "Too big: expected number to be <=200" }],
    },
  });

/** A documented error answer of an operation: `description`, as application/problem+json. */
export function problemResponse(description: string) {
  return { description, content: { [PROBLEM_JSON]: { schema: ErrorBody } } } as const;
}

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
    basis: z.enum(["actual", "target", "forecast"]).openapi({ description: "A result, a goal set in advance, or a projection." }),
    part: z
      .object({ dimension: z.string(), member: z.string() })
      .nullable()
      .openapi({ description: "Null for a total; the slice otherwise (exports of the FDI sector: sector/fdi)." }),
    sentence: z.string(),
    article: z
      .object({ url: z.string(), title: z.string().nullable(), published: z.string().nullable(), lang: z.string().nullable() })
      .optional(),
  })
  .openapi("Fact", { example: FACT_EXAMPLE });

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
  .openapi("Article", { example: ARTICLE_EXAMPLE });

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
  .openapi("Source", {
    example: {
      id: "hanoimoi-kinhte",
      name: "Hà Nội Mới — Kinh tế",
      kind: "rss",
      url: "https://hanoimoi.vn/rss/kinh-te",
      lang: "vi",
      active: true,
      last_status: "ok",
      last_error: null,
      last_crawled_at: "2024-12-27T08:00:00.000Z",
      last_found: 40,
      last_queued: 3,
      articles: { extracted: 120, failed: 2 },
    },
  });

export function pageOf<T extends z.ZodTypeAny>(item: T) {
  return z.object({ items: z.array(item), next_cursor: z.string().nullable() });
}

// ---- The dataset: observations, metrics, people, events -------------------------------------

const METRIC_ID = /^[a-z0-9_]{1,64}$/;

export const Lang = z
  .enum(["vi", "en", "id"])
  .default("en")
  .openapi({ param: { name: "lang", in: "query" }, description: "Label language.", example: "vi" });

export const LangQuery = z.object({ lang: Lang });

const metricParam = (where: "query" | "path") =>
  z
    .string()
    .regex(METRIC_ID, "metric must be a metric id such as fdi_registered")
    .openapi({ param: { name: where === "path" ? "id" : "metric", in: where }, example: "fdi_registered" });

const geoParam = z
  .string()
  .regex(/^[a-z0-9_-]{1,64}$/, "geo must be a geo id such as hanoi")
  .openapi({ param: { name: "geo", in: "query" }, example: "hanoi" });

const monthParam = (name: "from" | "to", description: string) =>
  z
    .string()
    .regex(YEAR_MONTH, `${name} must be YYYY-MM`)
    .optional()
    .openapi({ param: { name, in: "query" }, description, example: name === "from" ? "2020-01" : "2024-12" });

/** Sources listed with an observation: the newest; the rest page through /v1/observations/{id}/sources. */
export const SOURCES_LISTED = 10;

export const SourceRef = z
  .object({
    article_id: z.number(),
    url: z.string(),
    title: z.string().nullable(),
    published: z.string().nullable(),
    lang: z.string().nullable(),
    sentence: z.string(),
    value: z.number(),
    qualifier: z.string(),
  })
  .openapi("SourceRef", { example: EXAMPLE_SOURCE_REF });

const BASES = ["actual", "target", "forecast"] as const;
const DIMENSIONS = ["sector", "industry", "market", "product", "component", "area"] as const;
const Part = z
  .object({ dimension: z.string(), member: z.string() })
  .nullable()
  .openapi({ description: "Null for a total; the slice otherwise (exports to the US: market/US)." });

export const ObservationOut = z
  .object({
    id: z.number(),
    metric: z.string(),
    geo: z.string(),
    period: z.object({ start: z.string(), end: z.string() }),
    span: z.enum(SPAN_KINDS).openapi({
      description: "What the period covers: month, quarter, half, ytd (January to a month), year, multi_year, point (a stock), other.",
    }),
    basis: z.enum(BASES).openapi({ description: "actual: a result; target: a goal set in advance; forecast: a projection." }),
    part: Part,
    value: z.number().openapi({ description: "An exact figure's value when there is one, else the earliest fact's." }),
    unit: z.string(),
    currency: z.string().nullable(),
    qualifier: z.string(),
    qualifiers: z.array(z.string()),
    status: z.enum(OBSERVATION_STATUSES).openapi({ description: "conflict: the sources give values that do not agree within rounding." }),
    values: z
      .array(z.number())
      .openapi({ description: "The distinct values the sources give (more than one only on conflict or rounding)." }),
    fact_count: z.number(),
    source_count: z.number().openapi({
      description: "Every source: one per article and value. `sources` lists the newest; /v1/observations/{id}/sources pages through all.",
    }),
    sources: z.array(SourceRef).openapi({
      description: `The newest sources (at most ${SOURCES_LISTED}): latest publication first, undated last, then latest article.`,
    }),
  })
  .openapi("Observation", { example: EXAMPLE_OBSERVATION });

export const ObservationSourcesOut = z
  .object({
    observation_id: z.number(),
    source_count: z.number(),
    items: z.array(SourceRef),
    next_cursor: z.string().nullable(),
  })
  .openapi("ObservationSources");

export const ObservationsQuery = PageQuery.extend({
  metric: metricParam("query").optional(),
  geo: geoParam.optional(),
  from: monthParam("from", "Periods ending in or after this month (YYYY-MM)."),
  to: monthParam("to", "Periods starting in or before this month (YYYY-MM)."),
  status: z
    .enum(OBSERVATION_STATUSES)
    .optional()
    .openapi({ param: { name: "status", in: "query" }, example: "conflict" }),
  basis: z
    .enum(BASES)
    .default("actual")
    .openapi({ param: { name: "basis", in: "query" }, description: "Results (default), targets or forecasts.", example: "target" }),
  dimension: z
    .enum(["total", ...DIMENSIONS])
    .optional()
    .openapi({
      param: { name: "dimension", in: "query" },
      description: "Slices along one dimension (market, sector, …); `total` or absent: totals only, unless `member` is given.",
      example: "market",
    }),
  member: z
    .string()
    .regex(/^[A-Za-z0-9_-]{1,64}$/, "member must be a slice id such as US or fdi")
    .optional()
    .openapi({ param: { name: "member", in: "query" }, description: "One slice (US, fdi, electronics …).", example: "US" }),
  span: z
    .enum(SPAN_KINDS)
    .optional()
    .openapi({ param: { name: "span", in: "query" }, description: "Only periods of this span kind.", example: "year" }),
});

export const MetricPath = z.object({ id: metricParam("path") });

export const SeriesQuery = z.object({
  geo: geoParam.default("hanoi"),
  lang: Lang,
  span: z
    .enum(SPAN_KINDS)
    .optional()
    .openapi({
      param: { name: "span", in: "query" },
      description: "The span kind of the points (default: the kind with the most observations).",
      example: "year",
    }),
  currency: z
    .string()
    .regex(/^[A-Z]{3}$/, "currency must be an ISO 4217 code such as USD")
    .optional()
    .openapi({
      param: { name: "currency", in: "query" },
      description: "For currency metrics: the currency of the points (default: the most used).",
    }),
});

export const SeriesOut = z
  .object({
    metric: z.string(),
    label: z.string(),
    unit: z.string(),
    currency: z.string().nullable(),
    geo: z.string(),
    span: z.enum(SPAN_KINDS).nullable().openapi({ description: "The span kind of every point (null when the metric has none)." }),
    spans: z
      .array(z.object({ span: z.enum(SPAN_KINDS), count: z.number() }))
      .openapi({ description: "Every span kind the metric has for this geo and currency, with its number of observations." }),
    points: z.array(ObservationOut),
  })
  .openapi("Series");

export const PlanQuery = PageQuery.extend({
  geo: geoParam.default("hanoi"),
  lang: Lang,
  limit: z.coerce
    .number()
    .int()
    .min(1)
    .max(100)
    .default(20)
    .openapi({ param: { name: "limit", in: "query" }, description: "Periods a page, 1–100.", example: 20 }),
});

const PlanRow = z
  .object({
    period: z.object({ start: z.string(), end: z.string() }),
    span: z.enum(SPAN_KINDS),
    currency: z.string().nullable(),
    target: ObservationOut.nullable(),
    forecast: ObservationOut.nullable(),
    actual: ObservationOut.nullable(),
    reached: z
      .number()
      .nullable()
      .openapi({ description: "actual ÷ target × 100 (one decimal), when both are there and comparable; null otherwise." }),
    stated: z
      .array(ObservationOut)
      .openapi({ description: "Shares of the plan the articles state themselves (a *_vs_plan metric) for the same period." }),
  })
  .openapi("PlanRow");

export const PlanOut = z
  .object({
    metric: z.string(),
    label: z.string(),
    unit: z.string(),
    geo: z.string(),
    items: z.array(PlanRow),
    next_cursor: z.string().nullable(),
  })
  .openapi("Plan");

export const BreakdownQuery = z.object({
  geo: geoParam.default("hanoi"),
  lang: Lang,
  dimension: z
    .enum(DIMENSIONS)
    .optional()
    .openapi({
      param: { name: "dimension", in: "query" },
      description: "The slicing (default: the dimension with the most slices).",
      example: "market",
    }),
  period: z
    .string()
    .regex(/^\d{4}-(0[1-9]|1[0-2])(\.\.\d{4}-(0[1-9]|1[0-2]))?$/, "period must be YYYY-MM or YYYY-MM..YYYY-MM")
    .optional()
    .openapi({
      param: { name: "period", in: "query" },
      description: "The period, as start..end months (or one month); default: the latest period with slices.",
      example: "2024-01..2024-12",
    }),
  currency: z
    .string()
    .regex(/^[A-Z]{3}$/, "currency must be an ISO 4217 code such as USD")
    .optional()
    .openapi({ param: { name: "currency", in: "query" }, description: "Default: the currency most slices use." }),
});

export const BreakdownOut = z
  .object({
    metric: z.string(),
    label: z.string(),
    unit: z.string(),
    geo: z.string(),
    dimension: z.string().nullable(),
    dimensions: z.array(z.object({ dimension: z.string(), count: z.number() })),
    period: z.object({ start: z.string(), end: z.string() }).nullable(),
    span: z.enum(SPAN_KINDS).nullable(),
    currency: z.string().nullable(),
    total: ObservationOut.nullable(),
    slices: z.array(ObservationOut),
    sum: z.number().nullable().openapi({ description: "The slices added up (only for currency and count units)." }),
    unexplained: z
      .number()
      .nullable()
      .openapi({ description: "total − sum of the slices: what the articles leave unattributed (never forced to zero)." }),
  })
  .openapi("Breakdown");

export const MetricOut = z
  .object({
    id: z.string(),
    unit: z.string(),
    label: z.string(),
    labels: z.object({ vi: z.string(), en: z.string(), id: z.string() }),
    fact_count: z.number(),
    observation_count: z.number(),
    conflict_count: z.number(),
  })
  .openapi("Metric", {
    example: {
      id: "fdi_registered",
      unit: "currency",
      label: "Foreign direct investment attracted (registered capital)",
      labels: {
        vi: "Vốn FDI thu hút (đăng ký)",
        en: "Foreign direct investment attracted (registered capital)",
        id: "Modal FDI terdaftar",
      },
      fact_count: 14,
      observation_count: 6,
      conflict_count: 1,
    },
  });

export const SummaryQuery = z.object({
  lang: Lang,
  geo: geoParam.default("hanoi"),
  metrics: z
    .string()
    .regex(/^[a-z0-9_]{1,64}(,[a-z0-9_]{1,64}){0,19}$/, "metrics must be up to 20 comma-separated metric ids")
    .optional()
    .openapi({ param: { name: "metrics", in: "query" }, example: "grdp_growth,fdi_registered" }),
});

export const SummaryItem = z
  .object({
    metric: z.string(),
    label: z.string(),
    unit: z.string(),
    currency: z.string().nullable(),
    geo: z.string(),
    latest: ObservationOut,
    previous: ObservationOut.nullable(),
    change: z.object({ abs: z.number(), pct: z.number().nullable() }).nullable(),
    plan: z
      .object({ target: ObservationOut, reached: z.number().nullable() })
      .nullable()
      .openapi({ description: "The target for the latest period, and the share of it reached (percent), when there is one." }),
  })
  .openapi("SummaryItem");

export const SummaryOut = z
  .object({ version: z.string(), lang: z.string(), geo: z.string(), items: z.array(SummaryItem) })
  .openapi("Summary");

export const CardSvgQuery = z.object({
  lang: Lang,
  theme: z
    .enum(["light", "dark"])
    .default("light")
    .openapi({ param: { name: "theme", in: "query" }, description: "Colours of the card (default light).", example: "dark" }),
  geo: geoParam.default("hanoi"),
});

/** A Frictionless Data Package descriptor (https://specs.frictionlessdata.io/data-package/), loosely: the keys this API fills. */
const TableField = z
  .object({
    name: z.string(),
    type: z.string(),
    format: z.string().optional(),
    description: z.string(),
    constraints: z.record(z.string(), z.unknown()).optional(),
  })
  .loose();

export const DataPackageOut = z
  .object({
    profile: z.string(),
    name: z.string(),
    title: z.string(),
    description: z.string(),
    homepage: z.string(),
    keywords: z.array(z.string()),
    licenses: z.array(z.object({ name: z.string(), path: z.string(), title: z.string() })),
    sources: z.array(z.object({ title: z.string(), path: z.string().optional() })),
    resources: z.array(
      z
        .object({
          profile: z.string(),
          name: z.string(),
          title: z.string(),
          description: z.string(),
          path: z.string(),
          format: z.string(),
          mediatype: z.string(),
          encoding: z.string(),
          schema: z.object({ fields: z.array(TableField), primaryKey: z.array(z.string()), missingValues: z.array(z.string()).optional() }),
        })
        .loose(),
    ),
  })
  .loose()
  .openapi("DataPackage");

export const PeopleQuery = PageQuery.extend({
  q: z
    .string()
    .min(1)
    .max(100)
    .optional()
    .openapi({ param: { name: "q", in: "query" }, description: "Part of a name, with or without diacritics.", example: "nguyen manh" }),
  sort: z
    .enum(["articles", "name"])
    .default("articles")
    .openapi({ param: { name: "sort", in: "query" }, description: "articles: most-mentioned first (then by id); name: by id." }),
});

export const PersonOut = z
  .object({
    id: z.string(),
    name: z.string(),
    titles: z.array(z.string()),
    article_count: z.number(),
    quote_count: z.number(),
  })
  .openapi("Person", {
    example: {
      id: "nguyen-manh-quyen",
      name: "Nguyễn Mạnh Quyền",
      titles: ["Phó Chủ tịch UBND thành phố Hà Nội"],
      article_count: 2,
      quote_count: 1,
    },
  });

export const PersonPath = z.object({
  id: z
    .string()
    .regex(/^[a-z0-9-]{1,120}$/, "id must be a person id such as nguyen-manh-quyen")
    .openapi({ param: { name: "id", in: "path" }, example: "nguyen-manh-quyen" }),
});

const ArticleRef = z.object({
  id: z.number(),
  url: z.string(),
  title: z.string().nullable(),
  published: z.string().nullable(),
  lang: z.string().nullable(),
});

/** Articles and quotes listed with a person: the newest; the rest page through /v1/people/{id}/articles and …/quotes. */
export const PERSON_ARTICLES_LISTED = 20;
export const PERSON_QUOTES_LISTED = 10;

const NEWEST_FIRST = "newest publication first, undated last, then latest article";

const PersonQuote = z.object({ text: z.string(), article: ArticleRef });

export const PersonDetail = z
  .object({
    id: z.string(),
    name: z.string(),
    spellings: z.array(z.string()).openapi({ description: "Every spelling the articles use, most used first." }),
    titles: z
      .array(
        z.object({ title: z.string(), first_seen: z.string().nullable(), last_seen: z.string().nullable(), article_count: z.number() }),
      )
      .openapi({
        description:
          "Every title the articles give the person, with the first and last publication day of an article giving it (null when none " +
          "is dated) and how many articles give it; earliest first, titles only undated articles give last.",
      }),
    article_count: z.number().openapi({ description: "Every article that mentions the person; `articles` lists the newest." }),
    quote_count: z.number().openapi({ description: "Every quote attributed to the person; `quotes` lists the newest." }),
    quotes: z.array(PersonQuote).openapi({
      description: `The newest quotes (at most ${PERSON_QUOTES_LISTED}): ${NEWEST_FIRST}, an article's in text order. /v1/people/{id}/quotes pages through all.`,
    }),
    articles: z.array(ArticleRef).openapi({
      description: `The newest articles (at most ${PERSON_ARTICLES_LISTED}): ${NEWEST_FIRST}. /v1/people/{id}/articles pages through all.`,
    }),
  })
  .openapi("PersonDetail", {
    example: {
      id: "nguyen-manh-quyen",
      name: "Nguyễn Mạnh Quyền",
      spellings: ["Nguyễn Mạnh Quyền", "Nguyen Manh Quyen"],
      titles: [{ title: "Phó Chủ tịch UBND thành phố Hà Nội", first_seen: "2024-06-20", last_seen: "2024-12-27", article_count: 2 }],
      article_count: 2,
      quote_count: 1,
      quotes: [{ text: "Hà Nội luôn đồng hành cùng nhà đầu tư.", article: { id: 3, ...EXAMPLE_ARTICLE } }],
      articles: [{ id: 3, ...EXAMPLE_ARTICLE }],
    },
  });

export const PersonArticlesOut = z
  .object({
    person_id: z.string(),
    article_count: z.number(),
    items: z.array(ArticleRef).openapi({ description: `A page of the articles mentioning the person: ${NEWEST_FIRST}.` }),
    next_cursor: z.string().nullable(),
  })
  .openapi("PersonArticles", {
    example: { person_id: "nguyen-manh-quyen", article_count: 2, items: [{ id: 3, ...EXAMPLE_ARTICLE }], next_cursor: null },
  });

export const PersonQuotesOut = z
  .object({
    person_id: z.string(),
    quote_count: z.number(),
    items: z
      .array(PersonQuote)
      .openapi({ description: `A page of the quotes attributed to the person: ${NEWEST_FIRST}, an article's in text order.` }),
    next_cursor: z.string().nullable(),
  })
  .openapi("PersonQuotes", {
    example: {
      person_id: "nguyen-manh-quyen",
      quote_count: 1,
      items: [{ text: "Hà Nội luôn đồng hành cùng nhà đầu tư.", article: { id: 3, ...EXAMPLE_ARTICLE } }],
      next_cursor: null,
    },
  });

export const EventsQuery = PageQuery.extend({
  from: monthParam("from", "Events starting in or after this month (YYYY-MM)."),
  to: monthParam("to", "Events starting in or before this month (YYYY-MM)."),
});

export const EventOut = z
  .object({
    key: z.string(),
    name: z.string(),
    start: z.string().nullable(),
    end: z.string().nullable(),
    article_count: z.number(),
    articles: z.array(ArticleRef.pick({ id: true, url: true, title: true })),
  })
  .openapi("Event", {
    example: {
      key: "hoi-nghi-xuc-tien-dau-tu-ha-noi-2024@2024-06-20",
      name: "Hội nghị Xúc tiến đầu tư Hà Nội 2024",
      start: "2024-06-20",
      end: "2024-06-20",
      article_count: 2,
      articles: [
        { id: 5, url: "https://hanoimoi.vn/kinh-te/hoi-nghi-xuc-tien-dau-tu-2024", title: "Hà Nội trao chủ trương đầu tư cho 20 dự án" },
      ],
    },
  });

// ---- Admin ----------------------------------------------------------------------------------

export const NewSource = z
  .object({
    id: z.string().regex(/^[a-z0-9][a-z0-9_-]{0,63}$/, "id must be lowercase letters, digits, - and _"),
    name: z.string().min(1).max(200),
    kind: z.enum(SOURCE_KINDS),
    url: z
      .string()
      .url()
      .max(2000)
      .refine((u) => /^https?:\/\//i.test(u), "url must be http(s)"),
    lang: z.enum(["vi", "en", "id"]).optional(),
    active: z.boolean().default(true),
  })
  .openapi("NewSource", {
    example: { id: "hanoimoi-kinhte", name: "Hà Nội Mới — Kinh tế", kind: "rss", url: "https://hanoimoi.vn/rss/kinh-te", lang: "vi" },
  });

export const SourcePatch = z
  .object({
    name: z.string().min(1).max(200).optional(),
    url: z
      .string()
      .url()
      .max(2000)
      .refine((u) => /^https?:\/\//i.test(u), "url must be http(s)")
      .optional(),
    active: z.boolean().optional(),
  })
  .refine((p) => Object.keys(p).length > 0, "nothing to change")
  .openapi("SourcePatch", { example: { active: false } });

export const SourceIdPath = z.object({
  id: z
    .string()
    .regex(/^[a-z0-9][a-z0-9_-]{0,63}$/, "id must be a source id")
    .openapi({ param: { name: "id", in: "path" }, example: "hanoimoi-rss" }),
});
