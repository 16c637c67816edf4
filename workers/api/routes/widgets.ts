/**
 * The embeddable widgets and the public dashboard:
 *
 *   GET /widget.js     the custom elements <newsfacts-card> and <newsfacts-summary> (minified, cached, CORS)
 *   GET /widget/card   the same card as a script-free page for an <iframe>
 *   GET /              the dashboard
 *
 * Both pages read the app's own JSON API in-process, so they show exactly what the API answers;
 * widget/ renders them and knows nothing of the API's modules.
 */

import type { Schema } from "hono/types";
import { cardPage, cardParams, loadCard, METRIC_ID } from "../../widget/card";
import { WIDGET_ETAG, WIDGET_JS } from "../../widget/client-bundle";
import { pickLang } from "../../widget/contract";
import { dashboardPage, loadDashboard, type Theme } from "../../widget/dashboard";
import { cardCsp, dashboardCsp, newNonce, setPageHeaders } from "../../widget/security";
import type { ApiApp } from "../app-type";
import { internalApi } from "../internal-api";
import { badParam } from "./bad-param";

/** Registers the widget script, the iframe card and the dashboard (pages: the app's typed schema is returned unchanged). */
export function registerWidget<S extends Schema>(app: ApiApp<S>) {
  app.get("/widget.js", (c) => {
    c.header("access-control-allow-origin", "*");
    c.header("cross-origin-resource-policy", "cross-origin");
    c.header("x-content-type-options", "nosniff");
    c.header("cache-control", "public, max-age=3600, stale-while-revalidate=86400");
    c.header("etag", WIDGET_ETAG);
    if ((c.req.header("if-none-match") ?? "").split(",").some((t) => t.trim().replace(/^W\//, "") === WIDGET_ETAG))
      return c.body(null, 304);
    return c.body(WIDGET_JS, 200, { "content-type": "text/javascript; charset=utf-8" });
  });

  app.get("/widget/card", async (c) => {
    const p = cardParams(c.req.query());
    if (!p) return badParam(c, "metric", "metric must be a metric id such as fdi_registered");
    const { summary, series } = await loadCard(internalApi(app, c), p.metric, p.lang);
    const nonce = newNonce();
    setPageHeaders(c, cardCsp(nonce), "public, max-age=300");
    return c.html(cardPage(p, summary, series, nonce));
  });

  app.get("/", async (c) => {
    const q = c.req.query();
    const lang = pickLang(q.lang);
    // s_<metric>=<span kind>: the span kind the reader switched a chart to.
    const spans = Object.fromEntries(Object.entries(q).flatMap(([k, v]) => (k.startsWith("s_") ? [[k.slice(2), v]] : [])));
    const data = await loadDashboard(internalApi(app, c), lang, spans);
    const metric = q.w_metric && METRIC_ID.test(q.w_metric) ? q.w_metric : (data.items[0]?.metric ?? "fdi_registered");
    const theme: Theme = q.w_theme === "dark" || q.w_theme === "light" ? q.w_theme : "auto";
    const nonce = newNonce();
    setPageHeaders(c, dashboardCsp(nonce), "no-cache");
    return c.html(dashboardPage(data, lang, new URL(c.req.url).origin, { metric, lang: pickLang(q.w_lang, lang), theme }, nonce));
  });
  return app;
}
