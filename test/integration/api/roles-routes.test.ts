/**
 * Roles and spans through the public API: series of one span kind, observations by basis and slice,
 * breakdowns with their unexplained remainder, plan against actual, and the summary's share of plan.
 */
import { beforeAll, describe, expect, it } from "vitest";
import { extraction, fact, rewriteTestArticle, writeTestArticle } from "../dataset/fixtures";
import { get, getAll, getJson, type Observation, readProblem } from "./api-client";

const geo = "roles-api";
const year = (y: number) => ({ start: `${y}-01`, end: `${y}-12` });
const nineMonths = (y: number) => ({ start: `${y}-01`, end: `${y}-09` });

type RoleObservation = Observation & { span: string; basis: string; part: { dimension: string; member: string } | null };

beforeAll(async () => {
  await writeTestArticle(
    extraction({
      published: "2025-01-08",
      facts: [
        fact({ metric: "exports", value: 10e9, geo, period: year(2024) }),
        fact({ metric: "exports", value: 3e9, geo, period: year(2024), part: { dimension: "market", member: "US" } }),
        fact({ metric: "exports", value: 2e9, geo, period: year(2024), part: { dimension: "market", member: "JP" } }),
        fact({ metric: "exports", value: 4e9, geo, period: year(2024), part: { dimension: "sector", member: "fdi" } }),
        fact({ metric: "exports", value: 12e9, geo, period: year(2025), basis: "target" }),
        fact({ metric: "grdp_growth", value: 6.52, unit: "percent", currency: undefined, geo, period: year(2024) }),
        fact({ metric: "grdp_growth", value: 8, unit: "percent", currency: undefined, geo, period: year(2025), basis: "target" }),
      ],
    }),
  );
  await writeTestArticle(
    extraction({
      published: "2024-10-05",
      facts: [
        fact({ metric: "exports", value: 7e9, geo, period: nineMonths(2024) }),
        fact({ metric: "exports", value: 9.6e9, geo, period: year(2024), basis: "target" }),
        fact({ metric: "grdp_growth", value: 6.0, unit: "percent", currency: undefined, geo, period: nineMonths(2024) }),
        fact({ metric: "grdp_growth", value: 6.27, unit: "percent", currency: undefined, geo, period: year(2023) }),
        fact({ metric: "exports", value: 9e9, geo, period: year(2023) }),
        fact({ metric: "budget_revenue", value: 500e12, currency: "VND", geo, period: year(2024), basis: "target" }),
        fact({ metric: "budget_revenue_vs_plan", value: 110, unit: "percent", currency: undefined, geo, period: year(2024) }),
      ],
    }),
  );
});

describe("series are one span kind at a time", () => {
  it("defaults to the kind with the most observations and lists the others with their counts", async () => {
    const s = await getJson<{ span: string; spans: { span: string; count: number }[]; points: RoleObservation[] }>(
      `/v1/metrics/grdp_growth/series?geo=${geo}`,
    );
    expect(s.span).toBe("year");
    expect(s.spans).toEqual([
      { span: "year", count: 2 },
      { span: "ytd", count: 1 },
    ]);
    expect(s.points.map((p) => [p.period.end, p.value, p.span])).toEqual([
      ["2023-12", 6.27, "year"],
      ["2024-12", 6.52, "year"],
    ]);
  });

  it("serves the nine-month figure under its own kind, and never a target on the line", async () => {
    const s = await getJson<{ span: string; points: RoleObservation[] }>(`/v1/metrics/grdp_growth/series?geo=${geo}&span=ytd`);
    expect(s.points.map((p) => [p.period, p.value])).toEqual([[nineMonths(2024), 6.0]]);
    const years = await getJson<{ points: RoleObservation[] }>(`/v1/metrics/exports/series?geo=${geo}&span=year`);
    expect(years.points.every((p) => p.basis === "actual" && p.part === null)).toBe(true);
    expect(years.points.map((p) => p.value)).toEqual([9e9, 10e9]);
  });

  it("rejects a span kind it does not know", async () => {
    const res = await get(`/v1/metrics/exports/series?geo=${geo}&span=decade`);
    expect(res.status).toBe(400);
    expect((await readProblem(res, "invalid-parameters")).issues?.[0].param).toBe("span");
  });
});

describe("observations by role", () => {
  it("lists actual totals by default, slices by dimension or member, and targets by basis", async () => {
    const totals = await getAll<RoleObservation>(`/v1/observations?geo=${geo}&metric=exports`);
    expect(totals.every((o) => o.basis === "actual" && o.part === null)).toBe(true);
    expect(totals.map((o) => o.value).sort()).toEqual([10e9, 7e9, 9e9].sort());

    const markets = await getAll<RoleObservation>(`/v1/observations?geo=${geo}&metric=exports&dimension=market`);
    expect(markets.map((o) => [o.part?.member, o.value]).sort()).toEqual([
      ["JP", 2e9],
      ["US", 3e9],
    ]);
    const us = await getAll<RoleObservation>(`/v1/observations?geo=${geo}&member=US`);
    expect(us.map((o) => o.part)).toEqual([{ dimension: "market", member: "US" }]);

    const targets = await getAll<RoleObservation>(`/v1/observations?geo=${geo}&metric=exports&basis=target`);
    expect(targets.map((o) => [o.period.end, o.value]).sort()).toEqual([
      ["2024-12", 9.6e9],
      ["2025-12", 12e9],
    ]);
  });

  it("answers 400 for a member of a total", async () => {
    const res = await get(`/v1/observations?geo=${geo}&dimension=total&member=US`);
    expect(res.status).toBe(400);
  });
});

describe("breakdown", () => {
  it("gives the total, its slices along the busiest dimension, their sum and the unexplained rest", async () => {
    const b = await getJson<{
      dimension: string;
      dimensions: { dimension: string; count: number }[];
      period: { start: string; end: string };
      span: string;
      total: RoleObservation;
      slices: RoleObservation[];
      sum: number;
      unexplained: number;
    }>(`/v1/metrics/exports/breakdown?geo=${geo}`);
    expect(b.dimension).toBe("market");
    expect(b.dimensions).toEqual([
      { dimension: "market", count: 2 },
      { dimension: "sector", count: 1 },
    ]);
    expect(b.period).toEqual(year(2024));
    expect(b.span).toBe("year");
    expect(b.total.value).toBe(10e9);
    expect(b.slices.map((s) => [s.part?.member, s.value])).toEqual([
      ["US", 3e9],
      ["JP", 2e9],
    ]);
    expect(b.slices[0].sources.length).toBe(1);
    expect(b.sum).toBe(5e9);
    expect(b.unexplained).toBe(5e9);
  });

  it("takes a dimension and a period, and has no total where none was reported", async () => {
    const b = await getJson<{ slices: RoleObservation[]; total: RoleObservation | null; unexplained: number | null }>(
      `/v1/metrics/exports/breakdown?geo=${geo}&dimension=sector&period=2024-01..2024-12`,
    );
    expect(b.slices.map((s) => s.part?.member)).toEqual(["fdi"]);
    expect(b.total?.value).toBe(10e9);
    expect(b.unexplained).toBe(6e9);
    const none = await getJson<{ slices: RoleObservation[]; total: RoleObservation | null }>(
      `/v1/metrics/exports/breakdown?geo=${geo}&period=2023-01..2023-12`,
    );
    expect(none.slices).toEqual([]);
    expect(none.total).toBeNull();
    expect((await get(`/v1/metrics/exports/breakdown?geo=${geo}&period=2024`)).status).toBe(400);
  });
});

describe("breakdown over many periods", () => {
  it("counts every period's slices per dimension, takes the latest period (the longer one on a tie) and its currency, and follows re-extractions", async () => {
    const g = "roles-many";
    const slice = (member: string, value: number, period: { start: string; end: string }, currency = "USD") =>
      fact({ metric: "exports", value, geo: g, period, currency, part: { dimension: "market", member } });
    const q4 = { start: "2024-10", end: "2024-12" };
    await writeTestArticle(
      extraction({
        facts: [
          slice("US", 1e9, year(2022)),
          slice("JP", 2e9, year(2022)),
          slice("KR", 3e9, year(2023)),
          fact({ metric: "exports", value: 8e9, geo: g, period: year(2023) }),
          fact({ metric: "exports", value: 1e9, geo: g, period: year(2024), part: { dimension: "sector", member: "fdi" } }),
        ],
      }),
    );
    const latest = await writeTestArticle(
      extraction({
        facts: [
          // Two periods end in 2024-12: the full year wins over the quarter. Its slices are mostly in USD.
          slice("US", 4e9, year(2024)),
          slice("CN", 3e9, year(2024)),
          slice("JP", 60e12, year(2024), "VND"),
          slice("US", 1e9, q4),
          fact({ metric: "exports", value: 12e9, geo: g, period: year(2024) }),
          fact({ metric: "exports", value: 290e12, geo: g, period: year(2024), currency: "VND" }),
        ],
      }),
    );
    type B = {
      dimension: string;
      dimensions: { dimension: string; count: number }[];
      period: { start: string; end: string } | null;
      currency: string | null;
      total: RoleObservation | null;
      slices: RoleObservation[];
      sum: number | null;
    };
    const b = await getJson<B>(`/v1/metrics/exports/breakdown?geo=${g}`);
    expect(b.dimensions).toEqual([
      { dimension: "market", count: 7 },
      { dimension: "sector", count: 1 },
    ]);
    expect([b.dimension, b.period, b.currency]).toEqual(["market", year(2024), "USD"]);
    expect(b.slices.map((s) => [s.part?.member, s.value])).toEqual([
      ["US", 4e9],
      ["CN", 3e9],
    ]);
    expect([b.total?.value, b.sum]).toEqual([12e9, 7e9]);
    const vnd = await getJson<B>(`/v1/metrics/exports/breakdown?geo=${g}&currency=VND`);
    expect([vnd.total?.value, vnd.slices.map((s) => s.part?.member)]).toEqual([290e12, ["JP"]]);
    const sector = await getJson<B>(`/v1/metrics/exports/breakdown?geo=${g}&dimension=sector`);
    expect([sector.period, sector.total?.value, sector.slices.length]).toEqual([year(2024), 12e9, 1]);
    const older = await getJson<B>(`/v1/metrics/exports/breakdown?geo=${g}&period=2023-01..2023-12`);
    expect([older.total?.value, older.slices.map((s) => s.part?.member)]).toEqual([8e9, ["KR"]]);

    // The 2024 article is extracted again without its slices: the counts and the latest period follow.
    await rewriteTestArticle(latest, extraction({ facts: [fact({ metric: "exports", value: 12e9, geo: g, period: year(2024) })] }));
    const after = await getJson<B>(`/v1/metrics/exports/breakdown?geo=${g}`);
    expect(after.dimensions).toEqual([
      { dimension: "market", count: 3 },
      { dimension: "sector", count: 1 },
    ]);
    expect([after.period, after.slices.map((s) => s.part?.member)]).toEqual([year(2023), ["KR"]]);
  });
});

describe("plan against actual", () => {
  it("meets each target with the actual of its period and the share reached, latest period first", async () => {
    const p = await getJson<{
      items: {
        period: { start: string; end: string };
        target: RoleObservation | null;
        actual: RoleObservation | null;
        reached: number | null;
      }[];
    }>(`/v1/metrics/exports/plan?geo=${geo}`);
    expect(p.items.map((i) => [i.period.end, i.target?.value ?? null, i.actual?.value ?? null, i.reached])).toEqual([
      ["2025-12", 12e9, null, null],
      ["2024-12", 9.6e9, 10e9, 104.2],
    ]);
  });

  it("sets the share of plan an article states beside the target", async () => {
    const p = await getJson<{ items: { target: RoleObservation | null; stated: RoleObservation[]; reached: number | null }[] }>(
      `/v1/metrics/budget_revenue/plan?geo=${geo}`,
    );
    expect(p.items).toHaveLength(1);
    expect(p.items[0].target?.value).toBe(500e12);
    expect(p.items[0].stated.map((s) => [s.metric, s.value])).toEqual([["budget_revenue_vs_plan", 110]]);
    expect(p.items[0].reached).toBeNull();
  });

  it("answers 404 for a metric the catalog does not have", async () => {
    expect((await get(`/v1/metrics/no_such_metric/plan?geo=${geo}`)).status).toBe(404);
  });
});

describe("summary", () => {
  it("compares the latest full year with the year before, and says how much of its target was reached", async () => {
    const s = await getJson<{
      items: {
        metric: string;
        latest: RoleObservation;
        previous: RoleObservation | null;
        plan: { target: RoleObservation; reached: number | null } | null;
      }[];
    }>(`/v1/summary?geo=${geo}&metrics=exports,grdp_growth`);
    const exports = s.items.find((i) => i.metric === "exports");
    expect(exports?.latest.value).toBe(10e9);
    expect(exports?.previous?.value).toBe(9e9);
    expect(exports?.plan).toMatchObject({ target: { value: 9.6e9 }, reached: 104.2 });
    const growth = s.items.find((i) => i.metric === "grdp_growth");
    expect(growth?.previous?.value).toBe(6.27);
    expect(growth?.plan).toBeNull();
  });
});
