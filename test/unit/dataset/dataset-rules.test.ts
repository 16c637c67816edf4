/** The pure rules of the dataset: agreement within rounding, latest/previous picks, cursors, ETags. */
import { describe, expect, it } from "vitest";
import { spanOf } from "../../../schema/spans";
import { decodeCursor, decodeKeyCursor, encodeCursor, encodeKeyCursor } from "../../../workers/api/cursor";
import { latestAndPrevious } from "../../../workers/api/routes/summary";
import { etagFor, isCacheablePath, matchesEtag } from "../../../workers/dataset/http-cache";
import type { ObservationRow } from "../../../workers/dataset/observation-rows";
import { valuesAgree } from "../../../workers/dataset/observations";

describe("valuesAgree", () => {
  it("agrees on figures equal within 0.5%: 2,067 million USD and 2.07 billion USD", () => {
    expect(valuesAgree([2_067_000_000, 2_070_000_000], "currency")).toBe(true);
  });
  it("agrees on a percentage rounded to one decimal (3.27% and 3.3%) but not on 6.52% and 6.6%", () => {
    expect(valuesAgree([3.27, 3.3], "percent")).toBe(true);
    expect(valuesAgree([6.52, 6.6], "percent")).toBe(false);
  });
  it("does not agree on counts or ranks that differ", () => {
    expect(valuesAgree([100, 140], "count")).toBe(false);
    expect(valuesAgree([1, 2], "rank")).toBe(false);
  });
  it("judges the whole spread, not neighbours: 100, 100.4, 100.8 is a conflict", () => {
    expect(valuesAgree([100, 100.4, 100.8], "count")).toBe(false);
  });
});

function obs(id: number, start: string, end: string, months: number): ObservationRow {
  return {
    id,
    metric: "grdp_growth",
    geo: "hanoi",
    period_start: start,
    period_end: end,
    currency: "",
    basis: "actual",
    part_dimension: "",
    part_member: "",
    span: spanOf(start, end),
    unit: "percent",
    value: id,
    value_min: id,
    value_max: id,
    qualifier: "exact",
    qualifiers: "exact",
    status: "agreed",
    fact_count: 1,
    article_count: 1,
    source_count: 1,
    value_list: String(id),
    months,
  };
}

describe("latestAndPrevious", () => {
  it("takes the latest period end, the longer period on a tie, and a previous period of the same length", () => {
    const rows = [
      obs(1, "2023-01", "2023-12", 12),
      obs(2, "2024-01", "2024-09", 9),
      obs(3, "2024-01", "2024-12", 12),
      obs(4, "2023-01", "2023-09", 9),
    ];
    const r = latestAndPrevious(rows);
    expect(r?.latest.id).toBe(3);
    expect(r?.previous?.id).toBe(1);
  });
  it("has no previous when no earlier period has the same length", () => {
    expect(latestAndPrevious([obs(1, "2024-01", "2024-12", 12), obs(2, "2023-01", "2023-06", 6)])?.previous).toBeNull();
  });
});

describe("cursors", () => {
  it("round-trips ids and text keys, and rejects what the API did not issue", () => {
    expect(decodeCursor(encodeCursor(12345))).toBe(12345);
    expect(decodeKeyCursor(encodeKeyCursor("hoi-nghi@2025-06-29"))).toBe("hoi-nghi@2025-06-29");
    expect(decodeCursor(encodeKeyCursor("12"))).toBeNull();
    expect(decodeKeyCursor(encodeCursor(12))).toBeNull();
    expect(decodeCursor("not base64!")).toBeNull();
  });
});

describe("ETags", () => {
  it("differ by version and by URL, and match If-None-Match lists and weak forms", () => {
    const a = etagFor("7", new URL("http://x/v1/summary?lang=vi"));
    expect(a).not.toBe(etagFor("8", new URL("http://x/v1/summary?lang=vi")));
    expect(a).not.toBe(etagFor("7", new URL("http://x/v1/summary?lang=en")));
    expect(matchesEtag(`"other", W/${a}`, a)).toBe(true);
    expect(matchesEtag('"other"', a)).toBe(false);
  });
  it("caches only the routes whose data the version covers", () => {
    expect(isCacheablePath("/v1/metrics/fdi_registered/series")).toBe(true);
    expect(isCacheablePath("/v1/stats")).toBe(false);
    expect(isCacheablePath("/v1/admin/rebuild")).toBe(false);
    for (const path of ["/v1/observations/12/sources", "/v1/people/nguyen-van-a/articles", "/v1/people/nguyen-van-a/quotes"])
      expect(isCacheablePath(path), path).toBe(true);
    expect(isCacheablePath("/v1/people/nguyen-van-a/other")).toBe(false);
  });
});
