/**
 * A plan lists the periods with a target a page at a time, latest first: a city's plans add up
 * year after year, and one answer must not grow with them. Walking the pages gives every period
 * once, in order, each with its actual and share reached.
 */
import { beforeAll, describe, expect, it } from "vitest";
import { extraction, fact, writeTestArticle } from "../dataset/fixtures";
import { get, getJson, readProblem } from "./api-client";

const GEO = "plan-pages";
type Row = {
  period: { start: string; end: string };
  target: { value: number } | null;
  actual: { value: number } | null;
  reached: number | null;
};
type Plan = { items: Row[]; next_cursor: string | null };

beforeAll(async () => {
  const facts = [];
  for (let year = 2001; year <= 2025; year++) {
    const period = { start: `${year}-01`, end: `${year}-12` };
    facts.push(fact({ metric: "tourists", value: year * 1000, unit: "count", currency: undefined, geo: GEO, period, basis: "target" }));
    // Every other year also has a half-year target, and the even years an actual.
    if (year % 2 === 0) {
      facts.push(fact({ metric: "tourists", value: year * 1100, unit: "count", currency: undefined, geo: GEO, period }));
      const half = { start: `${year}-01`, end: `${year}-06` };
      facts.push(
        fact({ metric: "tourists", value: year * 400, unit: "count", currency: undefined, geo: GEO, period: half, basis: "target" }),
      );
    }
  }
  await writeTestArticle(extraction({ facts }));
});

describe("a plan's pages", () => {
  it("walks every period with a target once, latest end first, with its actual and share", async () => {
    const all = await getJson<Plan>(`/v1/metrics/tourists/plan?geo=${GEO}&limit=100`);
    expect(all.next_cursor).toBeNull();
    expect(all.items).toHaveLength(25 + 12);
    expect(all.items[0].period).toEqual({ start: "2025-01", end: "2025-12" });
    const y2024 = all.items.find((i) => i.period.start === "2024-01" && i.period.end === "2024-12");
    expect(y2024).toMatchObject({ target: { value: 2024000 }, actual: { value: 2226400 }, reached: 110 });
    for (const limit of [1, 4, 7]) {
      const seen: Row[] = [];
      let cursor: string | null = null;
      do {
        const page: Plan = await getJson<Plan>(`/v1/metrics/tourists/plan?geo=${GEO}&limit=${limit}${cursor ? `&cursor=${cursor}` : ""}`);
        expect(page.items.length).toBeLessThanOrEqual(limit);
        seen.push(...page.items);
        cursor = page.next_cursor;
      } while (cursor);
      expect(seen, `limit ${limit}`).toEqual(all.items);
    }
  });

  it("gives the latest 20 periods by default, and refuses a cursor it did not issue", async () => {
    const first = await getJson<Plan>(`/v1/metrics/tourists/plan?geo=${GEO}`);
    expect(first.items).toHaveLength(20);
    expect(first.next_cursor).not.toBeNull();
    await readProblem(await get(`/v1/metrics/tourists/plan?geo=${GEO}&cursor=bm90LWEtY3Vyc29y`), "invalid-parameters");
  });
});
