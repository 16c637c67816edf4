/** Periods as readers write them, by span kind, and the share of plan, in the three languages. */
import { describe, expect, it } from "vitest";
import type { Observation } from "../../../workers/widget/contract";
import { formatPeriod, formatPlan } from "../../../workers/widget/format";

const p = (start: string, end: string) => ({ start, end });

describe("formatPeriod states the span", () => {
  it("writes January to September as nine months, Jan–Sep, Januari–September", () => {
    expect(formatPeriod(p("2024-01", "2024-09"), "vi")).toBe("9 tháng 2024");
    expect(formatPeriod(p("2024-01", "2024-09"), "en")).toBe("Jan–Sep 2024");
    expect(formatPeriod(p("2024-01", "2024-09"), "id")).toBe("Januari–September 2024");
  });
  it("names quarters and halves as each language does", () => {
    expect(formatPeriod(p("2024-07", "2024-09"), "vi")).toBe("Quý III/2024");
    expect(formatPeriod(p("2024-07", "2024-09"), "en")).toBe("Q3 2024");
    expect(formatPeriod(p("2024-07", "2024-09"), "id")).toBe("Triwulan III 2024");
    expect(formatPeriod(p("2023-01", "2023-06"), "vi")).toBe("6 tháng đầu năm 2023");
    expect(formatPeriod(p("2023-07", "2023-12"), "en")).toBe("H2 2023");
    expect(formatPeriod(p("2023-01", "2023-06"), "id")).toBe("Semester I 2023");
  });
  it("keeps a full year, a month and a span of years short", () => {
    expect(formatPeriod(p("2024-01", "2024-12"), "en")).toBe("2024");
    expect(formatPeriod(p("2024-06", "2024-06"), "en")).toBe("June 2024");
    expect(formatPeriod(p("2021-01", "2025-12"), "id")).toBe("2021–2025");
    expect(formatPeriod(p("2024-03", "2024-05"), "vi")).toBe("tháng 3–5/2024");
  });
});

const obs = (value: number, unit: string, currency: string | null, period = p("2024-01", "2024-12")): Observation => ({
  id: 1,
  metric: "exports",
  geo: "hanoi",
  period,
  value,
  unit,
  currency,
  qualifier: "exact",
  status: "agreed",
  source_count: 1,
  sources: [],
});

describe("formatPlan", () => {
  it("says how much of a target was reached", () => {
    const plan = { target: obs(9.6e9, "currency", "USD"), reached: 104.2 };
    expect(formatPlan(plan, "en")).toBe("104.2% of the 2024 target");
    expect(formatPlan(plan, "vi")).toBe("đạt 104,2% kế hoạch 2024");
    expect(formatPlan(plan, "id")).toBe("104,2% dari target 2024");
  });
  it("states the target itself where no share applies, and nothing without a plan", () => {
    expect(formatPlan({ target: obs(8, "percent", null, p("2025-01", "2025-12")), reached: null }, "en")).toBe("Target 2025: 8%");
    expect(formatPlan(null, "en")).toBe("");
  });
});
