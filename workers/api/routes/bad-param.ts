import type { Context } from "hono";
import { HTTPException } from "hono/http-exception";
import { metricInfo } from "../../dataset/metrics";
import { invalidParameters } from "../errors";

/** A 400 problem naming the one parameter at fault. */
export function badParam(c: Context, param: string, message: string) {
  return invalidParameters(c, [{ param, message }]);
}

/** Throws 404 naming the metric when the catalog does not have it. */
export function requireMetric(id: string) {
  const m = metricInfo(id);
  if (!m) throw new HTTPException(404, { message: `unknown metric "${id}" (see /v1/metrics)` });
  return m;
}
