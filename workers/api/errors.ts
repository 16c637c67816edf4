/**
 * Every error answer of the API is an RFC 9457 problem details object, sent as
 * `application/problem+json`: `{ type, title, status, detail, instance }`, plus `issues` (each
 * offending parameter) on invalid-parameters problems.
 *
 * `type` is a URL of this API's own docs, one section per kind of problem
 * (`<origin>/docs/problems#not-found`), so a client can branch on it and a person can read what it
 * means; a status this API has no kind for gets `about:blank` and its HTTP reason phrase as title.
 * Handlers throw HTTPException (or let zod validation fail); `onApiError` renders it.
 */
import type { z } from "@hono/zod-openapi";
import type { Context } from "hono";
import { HTTPException } from "hono/http-exception";
import type { ContentfulStatusCode } from "hono/utils/http-status";
import { type ErrorBody, PROBLEM_JSON } from "../../schema/api";

export type Problem = z.infer<typeof ErrorBody>;

export interface ApiIssue {
  param: string;
  message: string;
}

/**
 * The kinds of problem, by `type` fragment: status, title, what it means, and the `code` the old
 * `{ "error": { "code", … } }` envelope gave it (docs/api-contract.md maps one to the other).
 */
export const PROBLEMS = {
  "invalid-parameters": {
    status: 400,
    title: "Invalid request parameters",
    oldCode: "bad_request",
    about:
      "A query or path parameter, or a field of the JSON body, is malformed or out of range. `issues` names each one (`param`) and says what is wrong with it (`message`); `detail` sums them up.",
  },
  unauthorized: {
    status: 401,
    title: "Admin token required",
    oldCode: "unauthorized",
    about:
      'An admin route was called without `Authorization: Bearer <ADMIN_TOKEN>`, or with a wrong token. The answer carries `WWW-Authenticate: Bearer realm="newsfacts-admin"` (with `error="invalid_token"` when a token was given and is wrong).',
  },
  "not-found": {
    status: 404,
    title: "Not found",
    oldCode: "not_found",
    about: "No route has this path, or the id in the path (a metric, article, person or source) does not exist. `detail` names it.",
  },
  "method-not-allowed": {
    status: 405,
    title: "Method not allowed",
    oldCode: "not_found",
    about: "The path exists but not with this method. The `Allow` header lists the methods it has.",
  },
  conflict: {
    status: 409,
    title: "Conflict",
    oldCode: "conflict",
    about: "The request would overwrite something that exists, such as a source id that is taken.",
  },
  "payload-too-large": {
    status: 413,
    title: "Request body too large",
    oldCode: "too_large",
    about: "The request body is larger than the route accepts (admin JSON bodies: 16 KiB).",
  },
  "rate-limited": {
    status: 429,
    title: "Too many requests",
    oldCode: "rate_limited",
    about: "This client (by IP address) has made more requests than the public limit allows. `Retry-After` says how many seconds to wait.",
  },
  internal: {
    status: 500,
    title: "Internal error",
    oldCode: "internal",
    about: "Something failed inside the API. The details stay in the Worker's log; retrying later may help.",
  },
  unavailable: {
    status: 503,
    title: "Service unavailable",
    oldCode: "error",
    about: "A dependency the answer needs could not be read just now (the SVG card when the summary cannot be read). Retry later.",
  },
} as const;

export type ProblemKind = keyof typeof PROBLEMS;
type StatusOf<K extends ProblemKind> = (typeof PROBLEMS)[K]["status"];

const KIND_BY_STATUS = new Map<number, ProblemKind>(Object.entries(PROBLEMS).map(([kind, p]) => [p.status, kind as ProblemKind]));

/** HTTP reason phrases for the statuses a problem of type about:blank may have. */
const REASONS: Record<number, string> = {
  400: "Bad Request",
  401: "Unauthorized",
  403: "Forbidden",
  404: "Not Found",
  405: "Method Not Allowed",
  406: "Not Acceptable",
  408: "Request Timeout",
  409: "Conflict",
  410: "Gone",
  411: "Length Required",
  412: "Precondition Failed",
  413: "Content Too Large",
  414: "URI Too Long",
  415: "Unsupported Media Type",
  416: "Range Not Satisfiable",
  422: "Unprocessable Content",
  429: "Too Many Requests",
  500: "Internal Server Error",
  501: "Not Implemented",
  502: "Bad Gateway",
  503: "Service Unavailable",
  504: "Gateway Timeout",
};

/** The `type` URI of a kind of problem on this request's origin. */
export function problemType(c: Context, kind: ProblemKind): string {
  return `${new URL(c.req.url).origin}/docs/problems#${kind}`;
}

/** The request's path and query, the `instance` of a problem. */
function instanceOf(c: Context): string {
  const url = new URL(c.req.url);
  return url.pathname + url.search;
}

/** The problem details object of a kind of problem, for this request. */
export function problemBody(c: Context, kind: ProblemKind, detail: string, issues?: ApiIssue[]): Problem {
  const { status, title } = PROBLEMS[kind];
  const body: Problem = { type: problemType(c, kind), title, status, detail, instance: instanceOf(c) };
  if (issues?.length) body.issues = issues;
  return body;
}

/** An error answer: the problem details of `kind` as application/problem+json, with any extra headers. */
export function problem<K extends ProblemKind>(
  c: Context,
  kind: K,
  detail: string,
  opts: { issues?: ApiIssue[]; headers?: Record<string, string> } = {},
) {
  const status = PROBLEMS[kind].status as StatusOf<K>;
  return c.json(problemBody(c, kind, detail, opts.issues), status, { ...opts.headers, "Content-Type": PROBLEM_JSON });
}

/** A 400 answer naming each offending parameter; `detail` lists them too. */
export function invalidParameters(c: Context, issues: ApiIssue[]) {
  const detail = issues.map((i) => `${i.param}: ${i.message}`).join("; ");
  return problem(c, "invalid-parameters", detail.length > 500 ? `${detail.slice(0, 499)}…` : detail, { issues });
}

/** A problem for any status: its kind when the API has one, else about:blank with the HTTP reason phrase. */
export function problemForStatus(c: Context, status: ContentfulStatusCode, detail: string): Response {
  const kind = KIND_BY_STATUS.get(status);
  if (kind) return problem(c, kind, detail);
  const body: Problem = { type: "about:blank", title: REASONS[status] ?? "Error", status, detail, instance: instanceOf(c) };
  return c.json(body, status, { "Content-Type": PROBLEM_JSON });
}

/** Renders any error as a problem; internals of unexpected errors stay in the log, not the response. */
export function onApiError(err: Error, c: Context): Response {
  if (err instanceof HTTPException) {
    // A middleware that built its own answer (the admin check's 401) already rendered the problem.
    if (err.res) return err.getResponse();
    // Hono's own 400s (a body that is not JSON): a parameter problem like any other, with an issue.
    if (err.status === 400) return invalidParameters(c, [{ param: "(request)", message: err.message || "malformed request" }]);
    return problemForStatus(c, err.status as ContentfulStatusCode, err.message || REASONS[err.status] || "request failed");
  }
  console.error("api: unhandled error", err);
  return problem(c, "internal", "The request could not be completed.");
}

/** Turns zod issues into `{ param, message }` pairs that name the offending parameter. */
export function issuesFrom(error: { issues: ReadonlyArray<{ path: ReadonlyArray<PropertyKey>; message: string }> }): ApiIssue[] {
  return error.issues.map((i) => ({ param: i.path.map(String).join(".") || "(request)", message: i.message }));
}
