/**
 * GET /v1/metrics/{id}/card.svg — a metric's card as an SVG image (widget/card-svg.ts draws it),
 * from the same in-process reads of /v1/summary and the series as the iframe card. Cached by
 * dataset version like the JSON routes (dataset/http-cache.ts lists the path).
 */
import { createRoute, z } from "@hono/zod-openapi";
import { HTTPException } from "hono/http-exception";
import type { Schema } from "hono/types";
import { CardSvgQuery, MetricPath, problemResponse } from "../../../schema/api";
import { loadCard } from "../../widget/card";
import { cardSvg, SVG_CSP } from "../../widget/card-svg";
import type { ApiApp } from "../app-type";
import { internalApi } from "../internal-api";
import { requireMetric } from "./bad-param";
import { PUBLIC, RATE_LIMITED } from "./responses";

const route = createRoute({
  method: "get",
  path: "/v1/metrics/{id}/card.svg",
  operationId: "getMetricCard",
  tags: ["widgets"],
  security: PUBLIC,
  summary:
    "A metric's card as a self-contained SVG image for <img> and Markdown: label, latest value in the reader's language, period, change from the previous period, trend line, newest source",
  description:
    "The same figure as /v1/summary (and the widgets) for this metric and geo. No fonts, scripts, images or links inside; every text is XML-escaped. Cached by dataset version (ETag, max-age=60).",
  request: { params: MetricPath, query: CardSvgQuery },
  responses: {
    200: {
      description: "The card, 420×202 CSS pixels. With no observation yet, the metric's label and an empty state.",
      content: { "image/svg+xml": { schema: z.string() } },
    },
    400: problemResponse("Bad parameter (lang, theme, geo or a malformed id)"),
    404: problemResponse("Unknown metric"),
    503: problemResponse("The summary could not be read"),
    ...RATE_LIMITED,
  },
});

export function registerCardSvg<S extends Schema>(app: ApiApp<S>) {
  return app.openapi(route, async function metricCardSvg(c) {
    const { id } = c.req.valid("param");
    const { lang, theme, geo } = c.req.valid("query");
    const metric = requireMetric(id);
    const { summary, series } = await loadCard(internalApi(app, c), id, lang, geo);
    // A failed read is not "no data": an empty card would be cached for the whole dataset version.
    if (!summary || !series) throw new HTTPException(503, { message: "could not read the summary for the card" });
    const svg = cardSvg({ metric: id, label: metric.labels[lang], lang, theme }, summary, series);
    // zod-openapi types only JSON and text/* bodies; an SVG is neither, so the typed response is `never`.
    return c.body(svg, 200, {
      "content-type": "image/svg+xml; charset=utf-8",
      "content-security-policy": SVG_CSP,
      // Any site may show it in an <img>, including pages that require CORP (COEP).
      "cross-origin-resource-policy": "cross-origin",
    }) as never;
  });
}
