/** Every endpoint validates its parameters: a bad one is a 400 problem whose issues name it; an unknown metric a 404 problem naming it. */
import { describe, expect, it } from "vitest";
import { get, readProblem } from "./api-client";

const BAD: [path: string, param: string][] = [
  ["/v1/summary?lang=fr", "lang"],
  ["/v1/summary?geo=Ha%20Noi", "geo"],
  ["/v1/summary?metrics=fdi_registered,,x", "metrics"],
  ["/v1/metrics?lang=xx", "lang"],
  ["/v1/metrics/fdi_registered/series?geo=%3Cscript%3E", "geo"],
  ["/v1/metrics/fdi_registered/series?currency=usd", "currency"],
  ["/v1/metrics/FDI!/series", "id"],
  ["/v1/observations?metric=FDI", "metric"],
  ["/v1/observations?from=2024-13", "from"],
  ["/v1/observations?to=2024", "to"],
  ["/v1/observations?from=2024-05&to=2024-01", "from"],
  ["/v1/observations?status=maybe", "status"],
  ["/v1/observations?limit=0", "limit"],
  ["/v1/observations?limit=201", "limit"],
  ["/v1/observations?cursor=abc", "cursor"],
  ["/v1/observations?cursor=%2F%2F", "cursor"],
  ["/v1/facts?limit=nine", "limit"],
  ["/v1/facts?article=-1", "article"],
  ["/v1/people?q=", "q"],
  ["/v1/people?q=---", "q"],
  ["/v1/people?cursor=aTEy", "cursor"],
  ["/v1/people?sort=age", "sort"],
  ["/v1/people/Nguyen%20Manh", "id"],
  ["/v1/events?from=last-year", "from"],
  ["/v1/events?cursor=zzzz", "cursor"],
  ["/v1/articles?status=gone", "status"],
  ["/v1/articles/abc", "id"],
];

describe("parameter validation", () => {
  it.each(BAD)("GET %s is a 400 naming %s", async (path, param) => {
    const res = await get(path);
    expect(res.status).toBe(400);
    const body = await readProblem(res, "invalid-parameters", path);
    expect(body.title).toBe("Invalid request parameters");
    expect(body.issues?.map((i) => i.param)).toContain(param);
    // The detail sums the issues up, each naming its parameter.
    for (const i of body.issues ?? []) expect(body.detail).toContain(`${i.param}: ${i.message}`);
  });

  it.each([
    "/v1/metrics/no_such_metric/series",
    "/v1/observations?metric=no_such_metric",
    "/v1/summary?metrics=grdp_growth,no_such_metric",
  ])("GET %s is a 404 naming the unknown metric", async (path) => {
    const res = await get(path);
    expect(res.status).toBe(404);
    const body = await readProblem(res, "not-found", path);
    expect(body.detail).toContain('"no_such_metric"');
  });

  it("answers a 404 problem for a person that does not exist", async () => {
    const res = await get("/v1/people/nobody-at-all");
    expect(res.status).toBe(404);
    expect((await readProblem(res, "not-found", "/v1/people/nobody-at-all")).detail).toContain("nobody-at-all");
  });

  it("serves the public routes to any origin (CORS open)", async () => {
    const res = await get("/v1/metrics", { origin: "https://example.org" });
    expect(res.headers.get("access-control-allow-origin")).toBe("*");
  });
});
