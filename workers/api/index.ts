/**
 * The public API: a Hono app whose routes each live in routes/, validated by the zod schemas of
 * schema/api.ts, which also generate /openapi.json.
 */
import { cors } from "hono/cors";
import { registerWidget } from "../widget";
import { createRouter } from "./app-type";
import { errorBody, onApiError } from "./errors";
import { registerArticle } from "./routes/article";
import { registerArticles } from "./routes/articles";
import { registerFacts } from "./routes/facts";
import { registerHealth } from "./routes/health";
import { registerSources } from "./routes/sources";
import { registerStats } from "./routes/stats";

export function createApi() {
  const app = createRouter();
  app.use("/v1/*", cors({ origin: "*", allowMethods: ["GET", "HEAD", "OPTIONS"] }));
  registerHealth(app);
  registerSources(app);
  registerStats(app);
  registerArticles(app);
  registerArticle(app);
  registerFacts(app);
  registerWidget(app);
  app.doc31("/openapi.json", {
    openapi: "3.1.0",
    info: { title: "newsfacts API", version: "1.0.0", description: "Facts from Hanoi's news, with their sources." },
  });
  app.notFound((c) => c.json(errorBody("not_found", `no route for ${c.req.method} ${new URL(c.req.url).pathname}`), 404));
  app.onError(onApiError);
  return app;
}
