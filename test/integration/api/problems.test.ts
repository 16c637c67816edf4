/**
 * Errors are RFC 9457 problems everywhere: unknown routes, wrong methods (405 with Allow from the
 * registered routes), and errors the handlers did not expect (500 without internals). The other
 * statuses are checked where they arise (validation, admin-docs, costs, abuse).
 */
import { exports } from "cloudflare:workers";
import { HTTPException } from "hono/http-exception";
import { describe, expect, it } from "vitest";
import { createRouter } from "../../../workers/api/app-type";
import { onApiError } from "../../../workers/api/errors";
import { allowedMethods } from "../../../workers/api/not-found";
import { get, ORIGIN, readProblem } from "./api-client";

describe("problem details", () => {
  it("answers an unknown route with a 404 problem naming the method and path", async () => {
    const res = await get("/v1/nothing/here?x=1");
    expect(res.status).toBe(404);
    const body = await readProblem(res, "not-found", "/v1/nothing/here?x=1");
    expect(body).toEqual({
      type: `${ORIGIN}/docs/problems#not-found`,
      title: "Not found",
      status: 404,
      detail: "No route for GET /v1/nothing/here.",
      instance: "/v1/nothing/here?x=1",
    });
  });

  it("answers a known path with a wrong method with 405 and the path's methods in Allow", async () => {
    const post = await exports.default.fetch(`${ORIGIN}/v1/people/nguyen-van-a`, { method: "DELETE" });
    expect(post.status).toBe(405);
    expect(post.headers.get("allow")).toBe("GET, HEAD, OPTIONS");
    const body = await readProblem(post, "method-not-allowed", "/v1/people/nguyen-van-a");
    expect(body.title).toBe("Method not allowed");
    expect(body.detail).toBe("DELETE is not allowed on /v1/people/nguyen-van-a; it allows GET, HEAD, OPTIONS.");
  });

  it("computes Allow from registered routes: parameters match one segment, HEAD follows GET", () => {
    const routes = [
      { path: "*", method: "ALL" },
      { path: "/v1/metrics/:id/series", method: "GET" },
      { path: "/v1/admin/sources", method: "POST" },
      { path: "/v1/admin/sources/:id", method: "PATCH" },
    ];
    expect(allowedMethods(routes, "/v1/metrics/exports/series")).toEqual(["GET", "HEAD"]);
    expect(allowedMethods(routes, "/v1/metrics/a/b/series")).toEqual([]);
    expect(allowedMethods(routes, "/v1/admin/sources", true)).toEqual(["POST", "OPTIONS"]);
    expect(allowedMethods(routes, "/v1/admin/sources/x")).toEqual(["PATCH"]);
    expect(allowedMethods(routes, "/elsewhere")).toEqual([]);
  });

  it("renders an unexpected error as a 500 problem that keeps the internals in the log", async () => {
    const app = createRouter();
    app.get("/boom", () => {
      throw new Error("D1_ERROR: no such table: secret_internal_table");
    });
    app.get("/teapot", () => {
      throw new HTTPException(403, { message: "not for you" });
    });
    app.onError(onApiError);
    const res = await app.request(`${ORIGIN}/boom`);
    expect(res.status).toBe(500);
    const text = await res.clone().text();
    expect(text).not.toMatch(/secret_internal_table|D1_ERROR|at /);
    const body = await readProblem(res, "internal", "/boom");
    expect(body.title).toBe("Internal error");
    // A status with no kind of its own: about:blank and the HTTP reason phrase.
    const forbidden = await app.request(`${ORIGIN}/teapot`);
    expect(forbidden.status).toBe(403);
    expect(forbidden.headers.get("content-type")).toMatch(/^application\/problem\+json/);
    expect(await forbidden.json()).toEqual({
      type: "about:blank",
      title: "Forbidden",
      status: 403,
      detail: "not for you",
      instance: "/teapot",
    });
  });
});
