/** Span kinds (JS and SQL twins), plan against actual and breakdowns: the pure rules behind the new routes. */
import { DatabaseSync } from "node:sqlite";
import { describe, expect, it } from "vitest";
import { SPAN_KINDS, spanOf, spanSql } from "../../../schema/spans";
import { pickBreakdown } from "../../../workers/dataset/breakdown";
import type { ObservationRow } from "../../../workers/dataset/observation-rows";
import { planRows, shareReached } from "../../../workers/dataset/plan";

describe("spanOf", () => {
  it("names months, quarters, halves, years and January-to-month stretches", () => {
    expect(spanOf("2024-05", "2024-05")).toBe("month");
    expect(spanOf("2024-04", "2024-06")).toBe("quarter");
    expect(spanOf("2024-07", "2024-12")).toBe("half");
    expect(spanOf("2024-01", "2024-12")).toBe("year");
    expect(spanOf("2024-01", "2024-09")).toBe("ytd");
    expect(spanOf("2024-01", "2024-02")).toBe("ytd");
  });
  it("keeps a January–March or January–June figure a quarter or a half, not a year-to-date", () => {
    expect(spanOf("2020-01", "2020-03")).toBe("quarter");
    expect(spanOf("2020-01", "2020-06")).toBe("half");
  });
  it("sets periods across years, stocks and odd stretches apart", () => {
    expect(spanOf("2021-01", "2025-12")).toBe("multi_year");
    expect(spanOf("2024-11", "2025-02")).toBe("multi_year");
    expect(spanOf("2024-01", "2024-12", "partner_cities")).toBe("point");
    expect(spanOf("2024-02", "2024-04")).toBe("other");
    expect(spanOf("2024-03", "2024-08")).toBe("other");
  });
  it("agrees with its SQL twin on every pair of months over two years", () => {
    const db = new DatabaseSync(":memory:");
    const months: string[] = [];
    for (const y of [2023, 2024]) for (let m = 1; m <= 12; m++) months.push(`${y}-${String(m).padStart(2, "0")}`);
    let pairs = 0;
    for (const metric of ["exports", "diplomatic_missions"])
      for (const s of months)
        for (const e of months.filter((x) => x >= s)) {
          const sql = spanSql(`'${metric}'`, `'${s}'`, `'${e}'`);
          const got = (db.prepare(`SELECT ${sql} AS span`).get() as { span: string }).span;
          expect(SPAN_KINDS).toContain(got);
          expect(got, `${metric} ${s}..${e}`).toBe(spanOf(s, e, metric));
          pairs++;
        }
    expect(pairs).toBe(2 * 300);
  });
});

function row(over: Partial<ObservationRow>): ObservationRow {
  const start = over.period_start ?? "2024-01";
  const end = over.period_end ?? "2024-12";
  return {
    id: 1,
    metric: "exports",
    geo: "hanoi",
    period_start: start,
    period_end: end,
    currency: "USD",
    basis: "actual",
    part_dimension: "",
    part_member: "",
    span: spanOf(start, end),
    unit: "currency",
    value: 0,
    value_min: 0,
    value_max: 0,
    qualifier: "exact",
    qualifiers: "exact",
    status: "agreed",
    fact_count: 1,
    article_count: 1,
    source_count: 1,
    value_list: String(over.value ?? 0),
    months: 12,
    ...over,
  };
}

describe("plan against actual", () => {
  it("gives the share of a level target reached, one decimal", () => {
    expect(shareReached(row({ value: 3.12e9 }), row({ value: 3e9 }))).toBe(104);
    expect(shareReached(row({ value: 2e9 }), row({ value: 3e9 }))).toBe(66.7);
  });
  it("refuses a share for growth rates, other currencies and zero targets", () => {
    expect(shareReached(row({ unit: "percent", currency: "", value: 7.2 }), row({ unit: "percent", currency: "", value: 8 }))).toBeNull();
    expect(shareReached(row({ value: 5 }), row({ value: 5, currency: "VND" }))).toBeNull();
    expect(shareReached(row({ value: 5 }), row({ value: 0 }))).toBeNull();
  });
  it("meets each target with the actual of the very same period, never a shorter one", () => {
    const rows = [
      row({ id: 1, basis: "target", value: 4e9 }),
      row({ id: 2, value: 3e9, period_end: "2024-09", months: 9 }),
      row({ id: 3, basis: "target", value: 5e9, period_start: "2025-01", period_end: "2025-12" }),
      row({ id: 4, value: 4.2e9 }),
    ];
    const stated = [row({ id: 9, metric: "exports_vs_plan", unit: "percent", currency: "", value: 105 })];
    const plan = planRows(rows, stated);
    expect(plan.map((p) => [p.period_end, p.target?.id, p.actual?.id ?? null, p.reached])).toEqual([
      ["2025-12", 3, null, null],
      ["2024-12", 1, 4, 105],
    ]);
    expect(plan[1].stated.map((s) => s.id)).toEqual([9]);
  });
});

describe("breakdown", () => {
  const rows = [
    row({ id: 1, value: 10e9 }),
    row({ id: 2, part_dimension: "market", part_member: "US", value: 3e9 }),
    row({ id: 3, part_dimension: "market", part_member: "JP", value: 2e9 }),
    row({ id: 4, part_dimension: "product", part_member: "electronics", value: 4e9 }),
    row({ id: 5, part_dimension: "market", part_member: "US", value: 2e9, period_start: "2023-01", period_end: "2023-12" }),
  ];
  it("picks the dimension with most slices and its latest period, and leaves the remainder unexplained", () => {
    const b = pickBreakdown(rows, {});
    expect(b.dimension).toBe("market");
    expect(b.period).toEqual({ start: "2024-01", end: "2024-12" });
    expect(b.slices.map((s) => s.part_member)).toEqual(["US", "JP"]);
    expect(b.total?.id).toBe(1);
    expect(b.sum).toBe(5e9);
    expect(b.unexplained).toBe(5e9);
  });
  it("serves an asked period without a total, and adds up no growth rates", () => {
    const b = pickBreakdown(rows, { period: { start: "2023-01", end: "2023-12" } });
    expect(b.total).toBeNull();
    expect(b.unexplained).toBeNull();
    const growth = pickBreakdown([row({ unit: "percent", currency: "", part_dimension: "market", part_member: "US", value: 12 })], {});
    expect(growth.sum).toBeNull();
  });
  it("takes the dimensions as counted over every period when given only one period's rows, and picks the same", () => {
    const counted = [
      { dimension: "market", count: 3 },
      { dimension: "product", count: 1 },
    ];
    const oneYear = rows.filter((r) => r.period_start === "2024-01" && r.part_dimension !== "product");
    const fromOnePeriod = pickBreakdown(oneYear, { dimension: "market", period: { start: "2024-01", end: "2024-12" } }, counted);
    const fromAll = pickBreakdown(rows, {});
    expect(fromAll.dimensions).toEqual(counted);
    expect(fromOnePeriod).toEqual(fromAll);
  });
});
