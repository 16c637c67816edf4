/**
 * The public API: a Hono app whose routes each live in routes/, validated by the zod schemas of
 * schema/api.ts, which also generate /openapi.json (rendered for people at /docs).
 */
import { cors } from "hono/cors";
import { datasetCache } from "../dataset/http-cache";
import { isAdminRequest } from "./admin-auth";
import { createRouter } from "./app-type";
import { errorBody, onApiError } from "./errors";
import { publicRateLimit } from "./rate-limit";
import { registerAdmin } from "./routes/admin";
import { registerArticle } from "./routes/article";
import { registerArticles } from "./routes/articles";
import { registerBreakdown } from "./routes/breakdown";
import { registerCardSvg } from "./routes/card-svg";
import { registerDataPackage } from "./routes/datapackage";
import { registerDocs } from "./routes/docs";
import { registerEvents } from "./routes/events";
import { registerExports } from "./routes/exports";
import { registerFacts } from "./routes/facts";
import { registerHealth } from "./routes/health";
import { registerMetrics } from "./routes/metrics";
import { registerObservations } from "./routes/observations";
import { registerPeople } from "./routes/people";
import { registerPlan } from "./routes/plan";
import { registerSources } from "./routes/sources";
import { registerStats } from "./routes/stats";
import { registerSummary } from "./routes/summary";
import { registerWidget } from "./routes/widgets";

export function createApi() {
  const app = createRouter();
  app.use(
    "/v1/*",
    cors({
      origin: "*",
      allowMethods: ["GET", "HEAD", "OPTIONS"],
      exposeHeaders: ["ETag", "X-Dataset-Version", "X-Cache", "X-Cache-Layer"],
    }),
  );
  // Every request from the Internet counts against its client's limit, cached or not.
  app.use("*", publicRateLimit());
  // ETag/304 and the Cache API for the versioned dataset routes (see dataset/http-cache.ts for which);
  // only the operator may skip them.
  app.use("/v1/*", datasetCache({ mayBypass: isAdminRequest }));
  registerHealth(app);
  registerSources(app);
  registerStats(app);
  registerArticles(app);
  registerArticle(app);
  registerFacts(app);
  registerSummary(app);
  registerMetrics(app);
  registerCardSvg(app);
  registerPlan(app);
  registerBreakdown(app);
  registerObservations(app);
  registerPeople(app);
  registerEvents(app);
  registerExports(app);
  registerDataPackage(app);
  registerAdmin(app);
  registerWidget(app);
  registerDocs(app);
  app.notFound((c) => c.json(errorBody("not_found", `no route for ${c.req.method} ${new URL(c.req.url).pathname}`), 404));
  app.onError(onApiError);
  return app;
}
