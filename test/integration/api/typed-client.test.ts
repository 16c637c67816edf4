/**
 * The typed client: `hc<AppType>` from hono/client against the Worker's own fetch handler. The
 * calls below type-check against the routes' zod schemas (tsc runs over this file), and the
 * `@ts-expect-error` lines prove the types are real: with an untyped client they would be unused
 * directives, which tsc reports.
 */
import { exports } from "cloudflare:workers";
import { hc } from "hono/client";
import { beforeAll, describe, expect, it } from "vitest";
import type { AppType } from "../../../workers/api";
import { extraction, fact, writeTestArticle } from "../dataset/fixtures";
import { ORIGIN } from "./api-client";

const client = hc<AppType>(ORIGIN, { fetch: (input: RequestInfo | URL, init?: RequestInit) => exports.default.fetch(input, init) });

beforeAll(async () => {
  await writeTestArticle(extraction({ facts: [fact({ metric: "exports", value: 1234, geo: "typed-client-geo" })] }));
});

describe("hc<AppType>", () => {
  it("lists facts with typed query parameters and a typed page", async () => {
    const res = await client.v1.facts.$get({ query: { metric: "exports", geo: "typed-client-geo", basis: "actual", limit: "5" } });
    expect(res.status).toBe(200);
    if (res.status !== 200) return;
    const page = await res.json();
    // `items` are Facts and `next_cursor` a string or null, as the route's response schema says.
    const values: number[] = page.items.map((f) => f.value);
    const cursor: string | null = page.next_cursor;
    expect(values).toContain(1234);
    expect(cursor).toBeNull();
    expect(page.items[0].sentence).toEqual(expect.any(String));
  });

  it("fills path parameters and reads the typed series", async () => {
    const res = await client.v1.metrics[":id"].series.$get({ param: { id: "exports" }, query: { geo: "typed-client-geo", lang: "vi" } });
    expect(res.status).toBe(200);
    if (res.status !== 200) return;
    const series = await res.json();
    expect(series.metric).toBe("exports");
    expect(series.points.map((p) => p.value)).toContain(1234);
  });

  it("types the error answers as problems", async () => {
    const res = await client.v1.metrics[":id"].series.$get({ param: { id: "no_such_metric" }, query: {} });
    expect(res.status).toBe(404);
    expect(res.headers.get("content-type")).toMatch(/^application\/problem\+json/);
    if (res.status !== 404) return;
    const problem = await res.json();
    const detail: string = problem.detail;
    expect(detail).toContain("no_such_metric");
    expect(problem.type).toBe(`${ORIGIN}/docs/problems#not-found`);
  });

  it("refuses what the types refuse, at run time too", async () => {
    // @ts-expect-error basis is one of actual, target, forecast
    const res = await client.v1.observations.$get({ query: { basis: "guess" } });
    expect(res.status).toBe(400);
    if (res.status !== 400) return;
    const problem = await res.json();
    expect(problem.issues?.map((i) => i.param)).toEqual(["basis"]);
    // @ts-expect-error the path parameter is `id`, not `metric`
    const wrongParam = () => client.v1.metrics[":id"].plan.$get({ param: { metric: "exports" }, query: {} });
    expect(typeof wrongParam).toBe("function");
  });
});
