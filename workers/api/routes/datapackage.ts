/**
 * GET /v1/export/datapackage.json — a Frictionless Data Package (v1,
 * https://specs.frictionlessdata.io/data-package/) describing the two exports, so data tools
 * (frictionless, pandas via datapackage readers, Data Curator …) can load them with types:
 *
 *   observations  /v1/export/observations.csv  a Tabular Data Resource (CSV, Table Schema)
 *   facts         /v1/export/facts.ndjson      a Data Resource with a Table Schema of its top-level keys
 *
 * The package profile is "data-package", not "tabular-data-package": v1 allows only CSV in a
 * tabular package, and the facts are NDJSON with nested objects. The CSV resource itself is a
 * "tabular-data-resource". Paths are absolute URLs on the origin the request came to.
 *
 * Licences: the dataset (facts, observations, this description) is CC BY 4.0. Each fact's
 * `sentence` is a short quotation from the linked article, whose text stays its publisher's; no
 * article text is exported. The code is MIT.
 */
import { createRoute } from "@hono/zod-openapi";
import type { Schema } from "hono/types";
import { DataPackageOut } from "../../../schema/api";
import { SPAN_KINDS } from "../../../schema/spans";
import { OBSERVATION_STATUSES } from "../../../schema/tables";
import { EXPORT_SOURCE_URLS } from "../../db/observations";
import type { ApiApp } from "../app-type";
import type { factOut } from "../fact-json";
import { OBSERVATION_CSV_COLUMNS } from "./exports";
import { PUBLIC, RATE_LIMITED } from "./responses";

/** A Table Schema field descriptor (https://specs.frictionlessdata.io/table-schema/). */
export type TableField = {
  name: string;
  type: "string" | "number" | "integer" | "yearmonth" | "object" | "date";
  format?: string;
  description: string;
  constraints?: { required?: boolean; enum?: string[]; pattern?: string; minimum?: number };
};

/** The units a figure is in, as the `unit` column and key name them. */
export const UNITS = {
  currency: "money, in whole units of `currency` (2067000000 is 2.067 billion), never in thousands or millions",
  percent: "a percentage or a growth rate in percent (6.52 means 6.52 %)",
  count: "a number of things (enterprises, visitors, projects)",
  times: "a multiple (1.5 means one and a half times)",
  rank: "a position in a ranking (1 is first)",
} as const;

const BASES = ["actual", "target", "forecast"] as const;
const unitDescription = `The unit of value: ${Object.entries(UNITS)
  .map(([u, d]) => `${u} — ${d}`)
  .join("; ")}.`;
const VALUE_UNITS = "In the unit the `unit` field names (and, for money, the currency the `currency` field names).";

type CsvColumn = (typeof OBSERVATION_CSV_COLUMNS)[number];

/** The observations CSV, column by column (a column of the export without a field here fails to compile). */
const OBSERVATION_FIELDS: Record<CsvColumn, Omit<TableField, "name">> = {
  id: { type: "integer", description: "The observation's id, as in /v1/observations.", constraints: { required: true } },
  metric: {
    type: "string",
    description: "The metric's id in the catalog (/v1/metrics), e.g. fdi_registered.",
    constraints: { required: true },
  },
  geo: { type: "string", description: "Whose figure it is: a place id such as hanoi or vietnam.", constraints: { required: true } },
  period_start: { type: "yearmonth", description: "First month the figure covers (YYYY-MM).", constraints: { required: true } },
  period_end: { type: "yearmonth", description: "Last month the figure covers, included (YYYY-MM).", constraints: { required: true } },
  span: {
    type: "string",
    description:
      "What the period covers: month, quarter, half, ytd (January to a month), year, multi_year (across calendar years), point (a stock counted at a date), other.",
    constraints: { required: true, enum: [...SPAN_KINDS] },
  },
  basis: {
    type: "string",
    description: "actual: a result; target: a goal set in advance; forecast: a projection. Only actual totals are 'the figure'.",
    constraints: { required: true, enum: [...BASES] },
  },
  part_dimension: {
    type: "string",
    description:
      "Empty for a total; for a slice, the axis it divides the total along: sector, industry, market, product, component or area.",
  },
  part_member: {
    type: "string",
    description:
      "Empty for a total; for a slice, which one: an ISO 3166-1 code for a market (US), a short id otherwise (fdi, electronics).",
  },
  value: {
    type: "number",
    description: `The figure: an exact-qualified fact's value when there is one, else the earliest fact's. ${VALUE_UNITS}`,
    constraints: { required: true },
  },
  unit: { type: "string", description: unitDescription, constraints: { required: true, enum: Object.keys(UNITS) } },
  currency: {
    type: "string",
    description: "ISO 4217 code of a money figure (USD, VND); empty for other units.",
    constraints: { pattern: "[A-Z]{3}" },
  },
  qualifier: {
    type: "string",
    description: "How exactly the chosen fact states it: exact, approx, more_than, less_than, estimate.",
    constraints: { required: true },
  },
  status: {
    type: "string",
    description:
      "agreed: the sources agree within rounding (0.5 %, or 0.05 for percent and times); conflict: they do not — see value_min and value_max.",
    constraints: { required: true, enum: [...OBSERVATION_STATUSES] },
  },
  value_min: { type: "number", description: `The smallest value any source gives. ${VALUE_UNITS}`, constraints: { required: true } },
  value_max: { type: "number", description: `The largest value any source gives. ${VALUE_UNITS}`, constraints: { required: true } },
  fact_count: {
    type: "integer",
    description: "How many facts (figures in articles) back the observation.",
    constraints: { required: true, minimum: 1 },
  },
  article_count: { type: "integer", description: "How many articles those facts come from.", constraints: { required: true, minimum: 1 } },
  source_urls: {
    type: "string",
    description: `The URLs of those articles, newest publication first, separated by one space: the newest ${EXPORT_SOURCE_URLS} when article_count is larger (facts.ndjson names every fact's article).`,
  },
};

type FactKey = keyof ReturnType<typeof factOut>;

/** One NDJSON line of the facts export, key by key (a key factOut writes without a field here fails to compile). */
const FACT_FIELDS: Record<FactKey, Omit<TableField, "name">> = {
  id: { type: "integer", description: "The fact's id, as in /v1/facts.", constraints: { required: true } },
  article_id: {
    type: "integer",
    description: "The id of the article the fact was read from (/v1/articles/{id}).",
    constraints: { required: true },
  },
  metric: {
    type: "string",
    description: "The metric's id in the catalog (/v1/metrics), or other for a figure outside it.",
    constraints: { required: true },
  },
  value: { type: "number", description: `The figure as the sentence states it. ${VALUE_UNITS}`, constraints: { required: true } },
  unit: { type: "string", description: unitDescription, constraints: { required: true, enum: Object.keys(UNITS) } },
  currency: { type: "string", description: "ISO 4217 code of a money figure (USD, VND); null for other units." },
  period: {
    type: "object",
    description:
      'The months the figure covers, both included: {"start": "YYYY-MM", "end": "YYYY-MM"}; null when the article gives no period.',
  },
  geo: { type: "string", description: "Whose figure it is: a place id such as hanoi or vietnam.", constraints: { required: true } },
  qualifier: {
    type: "string",
    description: "How exactly the sentence states it: exact, approx, more_than, less_than, estimate.",
    constraints: { required: true },
  },
  basis: {
    type: "string",
    description: "actual: a result; target: a goal set in advance; forecast: a projection.",
    constraints: { required: true, enum: [...BASES] },
  },
  part: {
    type: "object",
    description:
      'Null for a total; for a slice, {"dimension": sector|industry|market|product|component|area, "member": "US" | "fdi" | …} (exports to the US: market/US).',
  },
  sentence: {
    type: "string",
    description: "The sentence the figure was read from, verbatim: a short quotation from the article, which remains its publisher's.",
    constraints: { required: true },
  },
  article: {
    type: "object",
    description:
      'Where the fact comes from: {"url": the article\'s address, "title": its headline or null, "published": YYYY-MM-DD or null, "lang": vi|en|id|… or null}.',
    constraints: { required: true },
  },
};

/** The fields of a record of descriptors, in the order given. */
const fieldsOf = <K extends string>(order: readonly K[], by: Record<K, Omit<TableField, "name">>): TableField[] =>
  order.map((name) => ({ name, ...by[name] }));

export const DATA_LICENSE = {
  name: "CC-BY-4.0",
  path: "https://creativecommons.org/licenses/by/4.0/",
  title: "Creative Commons Attribution 4.0 International",
} as const;

/** The descriptor, with every path on `origin` (scheme, host and port, no trailing slash). */
export function dataPackage(origin: string) {
  return {
    profile: "data-package",
    name: "newsfacts",
    title: "newsfacts: figures from Hanoi's news, with their sources",
    description:
      "Economic figures (GRDP, FDI, exports, budget revenue, tourists …) read from news articles. facts: every figure as one article states it, with the sentence and the article. observations: facts merged by metric, place, period, currency, basis and slice, with every source kept and disagreements marked as conflicts. " +
      "Licence: the dataset (facts, observations and this description) is CC BY 4.0 — credit newsfacts and link the source articles. Each `sentence` is a short quotation of the linked article, whose text remains its publisher's; article texts are not part of the dataset. The code that builds it is MIT-licensed.",
    homepage: `${origin}/`,
    keywords: ["economy", "statistics", "news", "hanoi", "vietnam", "provenance"],
    licenses: [DATA_LICENSE],
    sources: [
      { title: "News articles: each observation (source_urls) and each fact (article.url) names its own", path: `${origin}/v1/sources` },
    ],
    resources: [
      {
        profile: "tabular-data-resource",
        name: "observations",
        title: "Observations",
        description:
          "One row per observation — totals, slices (part_dimension, part_member) and targets (basis) alike — with the URLs of the articles behind it. The JSON form is /v1/observations.",
        path: `${origin}/v1/export/observations.csv`,
        format: "csv",
        mediatype: "text/csv",
        encoding: "utf-8",
        dialect: { delimiter: ",", lineTerminator: "\n", quoteChar: '"', doubleQuote: true, header: true },
        schema: { fields: fieldsOf(OBSERVATION_CSV_COLUMNS, OBSERVATION_FIELDS), primaryKey: ["id"], missingValues: [""] },
      },
      {
        profile: "data-resource",
        name: "facts",
        title: "Facts",
        description:
          "One JSON object a line: a figure as one article states it, its role (basis, part), the sentence it comes from and the article. The JSON form is /v1/facts.",
        path: `${origin}/v1/export/facts.ndjson`,
        format: "ndjson",
        mediatype: "application/x-ndjson",
        encoding: "utf-8",
        schema: { fields: fieldsOf(Object.keys(FACT_FIELDS) as FactKey[], FACT_FIELDS), primaryKey: ["id"] },
      },
    ],
  };
}

const route = createRoute({
  method: "get",
  path: "/v1/export/datapackage.json",
  operationId: "getDataPackage",
  tags: ["exports"],
  summary:
    "A Frictionless Data Package describing the CSV and NDJSON exports: resources with absolute paths, formats, a Table Schema per resource, licences (data CC-BY-4.0; code MIT)",
  security: PUBLIC,
  responses: {
    200: { description: "The datapackage.json descriptor", content: { "application/json": { schema: DataPackageOut } } },
    ...RATE_LIMITED,
  },
});

export function registerDataPackage<S extends Schema>(app: ApiApp<S>) {
  return app.openapi(route, function describeExports(c) {
    return c.json(dataPackage(new URL(c.req.url).origin), 200);
  });
}
