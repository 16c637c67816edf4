import { OpenAPIHono } from "@hono/zod-openapi";
import { errorBody, issuesFrom } from "./errors";

export type ApiEnv = { Bindings: Env };

/** An OpenAPIHono whose validation failures answer 400 with the envelope that names each bad parameter. */
export function createRouter() {
  return new OpenAPIHono<ApiEnv>({
    defaultHook: (result, c) => {
      if (!result.success) return c.json(errorBody("bad_request", "invalid request parameters", issuesFrom(result.error)), 400);
    },
  });
}

export type Router = ReturnType<typeof createRouter>;
