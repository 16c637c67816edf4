import type { Context } from "hono";
import { HTTPException } from "hono/http-exception";
import { metricInfo } from "../../dataset/metrics";
import { errorBody } from "../errors";

/** A 400 answer naming the one parameter at fault, in the API's envelope. */
export function badParam(c: Context, param: string, message: string) {
  return c.json(errorBody("bad_request", "invalid request parameters", [{ param, message }]), 400);
}

/** Throws 404 naming the metric when the catalog does not have it. */
export function requireMetric(id: string) {
  const m = metricInfo(id);
  if (!m) throw new HTTPException(404, { message: `unknown metric "${id}" (see /v1/metrics)` });
  return m;
}
