/**
 * One JSON error envelope for the whole API: `{ "error": { "code", "message", "issues"? } }`.
 * Handlers throw HTTPException (or let zod validation fail); `onApiError` renders it.
 */
import type { Context } from "hono";
import { HTTPException } from "hono/http-exception";
import type { ContentfulStatusCode } from "hono/utils/http-status";

export interface ApiIssue {
  param: string;
  message: string;
}

export function errorBody(code: string, message: string, issues?: ApiIssue[]) {
  return { error: issues?.length ? { code, message, issues } : { code, message } };
}

const CODES: Record<number, string> = {
  400: "bad_request",
  401: "unauthorized",
  403: "forbidden",
  404: "not_found",
  405: "method_not_allowed",
  409: "conflict",
  413: "too_large",
  429: "rate_limited",
};

/** Renders any error as JSON; internals of unexpected errors stay in the log, not the response. */
export function onApiError(err: Error, c: Context): Response {
  if (err instanceof HTTPException) {
    const status = err.status as ContentfulStatusCode;
    return c.json(errorBody(CODES[status] ?? "error", err.message || "request failed"), status);
  }
  console.error("api: unhandled error", err);
  return c.json(errorBody("internal", "internal error"), 500);
}

/** Turns zod issues into `{ param, message }` pairs that name the offending parameter. */
export function issuesFrom(error: { issues: ReadonlyArray<{ path: ReadonlyArray<PropertyKey>; message: string }> }): ApiIssue[] {
  return error.issues.map((i) => ({ param: i.path.map(String).join(".") || "(request)", message: i.message }));
}
