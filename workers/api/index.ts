/**
 * The public API: a Hono app whose routes each live in routes/, validated by the zod schemas of
 * schema/api.ts, which also generate /openapi.json (rendered for people at /docs).
 */
import { cors } from "hono/cors";
import { datasetCache } from "../dataset/http-cache";
import { isAdminRequest } from "./admin-auth";
import { createRouter } from "./app-type";
import { onApiError } from "./errors";
import { unmatchedRequest } from "./not-found";
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
import { registerFeeds } from "./routes/feeds";
import { registerHealth } from "./routes/health";
import { registerMetrics } from "./routes/metrics";
import { registerObservationSources } from "./routes/observation-sources";
import { registerObservations } from "./routes/observations";
import { registerPeople } from "./routes/people";
import { registerPlan } from "./routes/plan";
import { registerSources } from "./routes/sources";
import { registerStats } from "./routes/stats";
import { registerSummary } from "./routes/summary";
import { registerWidget } from "./routes/widgets";

/**
 * Registers route files in order on one app, keeping each file's operations in the app's type:
 * `.add(registerX)` passes the app on and takes back what registerX returns.
 */
function chain<A>(app: A) {
  return { add: <B>(register: (app: A) => B) => chain(register(app)), app };
}

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
  const api = chain(app)
    .add(registerHealth)
    .add(registerSources)
    .add(registerStats)
    .add(registerArticles)
    .add(registerArticle)
    .add(registerFacts)
    .add(registerSummary)
    .add(registerMetrics)
    .add(registerCardSvg)
    .add(registerPlan)
    .add(registerBreakdown)
    .add(registerObservations)
    .add(registerObservationSources)
    .add(registerPeople)
    .add(registerEvents)
    .add(registerExports)
    .add(registerDataPackage)
    .add(registerFeeds)
    .add(registerAdmin)
    .add(registerWidget)
    .add(registerDocs).app;
  // No route took the request: 405 with Allow when the path has other methods (and OPTIONS under
  // /v1/, which the CORS middleware answers), else 404.
  app.notFound(unmatchedRequest(app, (pathname) => pathname.startsWith("/v1/")));
  app.onError(onApiError);
  return api;
}

/**
 * The API's type, for a typed client: `hc<AppType>(origin)` from hono/client knows every operation's
 * path, parameters and answers (see README, "Typed client").
 */
export type AppType = ReturnType<typeof createApi>;
