/**
 * Observations are maintained inside each article's write batch: one per key, backed by every fact
 * with that key, agreeing within rounding or marked as a conflict — and a full rebuild gives the same.
 */
import { describe, expect, it } from "vitest";
import { rebuildStatements } from "../../../workers/dataset/observations";
import { createDb } from "../../../workers/db/client";
import { testEnv as env } from "../test-env";
import { extraction, fact, observationsFor, rewriteTestArticle, writeTestArticle } from "./fixtures";

describe("observations maintained incrementally", () => {
  it("merges the same figure from a Vietnamese article and its Indonesian translation into one observation", async () => {
    const geo = "merge-geo";
    await writeTestArticle(
      extraction({
        lang: "vi",
        facts: [fact({ metric: "fdi_registered", value: 2_067_000_000, geo, sentence: "Vốn FDI thu hút đạt 2.067 triệu USD." })],
      }),
    );
    await writeTestArticle(
      extraction({
        lang: "id",
        facts: [fact({ metric: "fdi_registered", value: 2_067_000_000, geo, sentence: "FDI mencapai 2,067 miliar USD." })],
      }),
    );
    const rows = await observationsFor(geo);
    expect(rows).toHaveLength(1);
    expect(rows[0]).toMatchObject({ metric: "fdi_registered", value: 2_067_000_000, status: "agreed", fact_count: 2, article_count: 2 });
  });

  it("treats values equal within rounding as agreeing: 2,067 million vs 2.07 billion, 3.27% vs 3.3%", async () => {
    const geo = "rounding-geo";
    await writeTestArticle(
      extraction({
        facts: [
          fact({ metric: "fdi_registered", value: 2_067_000_000, geo }),
          fact({ metric: "grdp_growth", value: 3.27, unit: "percent", currency: undefined, geo }),
        ],
      }),
    );
    await writeTestArticle(
      extraction({
        facts: [
          fact({ metric: "fdi_registered", value: 2_070_000_000, geo, qualifier: "approx" }),
          fact({ metric: "grdp_growth", value: 3.3, unit: "percent", currency: undefined, geo }),
        ],
      }),
    );
    const rows = await observationsFor(geo);
    expect(rows.map((r) => [r.metric, r.status, r.value])).toEqual([
      ["fdi_registered", "agreed", 2_067_000_000],
      ["grdp_growth", "agreed", 3.27],
    ]);
    expect(rows[0].qualifiers.split(",").sort()).toEqual(["approx", "exact"]);
  });

  it("keeps different values for one key as a conflict with both sources", async () => {
    const geo = "conflict-geo";
    await writeTestArticle(
      extraction({ facts: [fact({ metric: "grdp_growth", value: 6.52, unit: "percent", currency: undefined, geo })] }),
    );
    await writeTestArticle(extraction({ facts: [fact({ metric: "grdp_growth", value: 6.8, unit: "percent", currency: undefined, geo })] }));
    const rows = await observationsFor(geo);
    expect(rows).toHaveLength(1);
    expect(rows[0]).toMatchObject({ status: "conflict", fact_count: 2, article_count: 2 });
  });

  it("keeps a figure given in two currencies as two observations, not a conflict", async () => {
    const geo = "currency-geo";
    await writeTestArticle(
      extraction({
        facts: [
          fact({ metric: "fdi_capital_licensed", value: 130_061_000_000_000, currency: "VND", geo }),
          fact({ metric: "fdi_capital_licensed", value: 5_428_000_000, currency: "USD", geo }),
        ],
      }),
    );
    const rows = await observationsFor(geo);
    expect(rows.map((r) => [r.currency, r.status])).toEqual([
      ["USD", "agreed"],
      ["VND", "agreed"],
    ]);
  });

  it("ignores facts without a period and facts of metric other", async () => {
    const geo = "skip-geo";
    await writeTestArticle(
      extraction({
        facts: [fact({ metric: "other", value: 5, unit: "count", geo }), fact({ metric: "exports", value: 9, geo, period: null })],
      }),
    );
    expect(await observationsFor(geo)).toEqual([]);
  });

  it("keeps totals, slices and targets of one key apart: each is its own observation, none conflicts with another", async () => {
    const geo = "roles-geo";
    const id = await writeTestArticle(
      extraction({
        facts: [
          fact({ metric: "exports", value: 14e9, geo }),
          fact({ metric: "exports", value: 6e9, geo, part: { dimension: "sector", member: "fdi" } }),
          fact({ metric: "exports", value: 16e9, geo, basis: "target" }),
        ],
      }),
    );
    const rows = await observationsFor(geo);
    const shape = (r: (typeof rows)[number]) => [r.basis, r.part_dimension, r.part_member, r.value, r.status, r.fact_count, r.span];
    expect(rows.map(shape).sort()).toEqual(
      [
        ["actual", "", "", 14e9, "agreed", 1, "year"],
        ["actual", "sector", "fdi", 6e9, "agreed", 1, "year"],
        ["target", "", "", 16e9, "agreed", 1, "year"],
      ].sort(),
    );
    const stored = await env.DB.prepare("SELECT basis, part_dimension, part_member FROM facts WHERE article_id = ? ORDER BY seq")
      .bind(id)
      .all();
    expect(stored.results).toEqual([
      { basis: "actual", part_dimension: null, part_member: null },
      { basis: "actual", part_dimension: "sector", part_member: "fdi" },
      { basis: "target", part_dimension: null, part_member: null },
    ]);
    // Re-extracted as a market slice only, the total, the sector slice and the target go.
    await rewriteTestArticle(
      id,
      extraction({ facts: [fact({ metric: "exports", value: 14e9, geo, part: { dimension: "market", member: "US" } })] }),
    );
    expect((await observationsFor(geo)).map(shape)).toEqual([["actual", "market", "US", 14e9, "agreed", 1, "year"]]);
  });

  it("recomputes only the keys an article touches when it is re-extracted, old keys included, and keeps ids stable", async () => {
    const geo = "rewrite-geo";
    const a = await writeTestArticle(
      extraction({
        facts: [fact({ metric: "exports", value: 100, geo }), fact({ metric: "imports", value: 50, geo })],
      }),
    );
    const b = await writeTestArticle(extraction({ facts: [fact({ metric: "exports", value: 120, geo })] }));
    const before = await observationsFor(geo);
    expect(before.map((r) => [r.metric, r.status])).toEqual([
      ["exports", "conflict"],
      ["imports", "agreed"],
    ]);
    // Article b is corrected: its exports figure now agrees; article a drops imports altogether.
    await rewriteTestArticle(b, extraction({ facts: [fact({ metric: "exports", value: 100, geo })] }));
    await rewriteTestArticle(a, extraction({ facts: [fact({ metric: "exports", value: 100, geo })] }));
    const after = await observationsFor(geo);
    expect(after.map((r) => [r.metric, r.status, r.fact_count])).toEqual([["exports", "agreed", 2]]);
    expect(after[0].id).toBe(before[0].id);
    expect(await env.DB.prepare("SELECT count(*) AS n FROM observation_dirty").first("n")).toBe(0);
  });

  it("a full rebuild yields exactly the rows the incremental path maintained", async () => {
    const geo = "rebuild-geo";
    await writeTestArticle(extraction({ facts: [fact({ metric: "tourists", value: 1000, unit: "count", currency: undefined, geo })] }));
    await writeTestArticle(extraction({ facts: [fact({ metric: "tourists", value: 1400, unit: "count", currency: undefined, geo })] }));
    const all =
      "SELECT metric, geo, period_start, period_end, currency, value, status, fact_count, article_count, months FROM observations ORDER BY 1, 2, 3, 4, 5";
    const incremental = (await env.DB.prepare(all).all()).results;
    await env.DB.exec("DELETE FROM observations");
    const db = createDb(env.DB);
    const [first, ...rest] = rebuildStatements(db);
    await db.batch([first, ...rest]);
    expect((await env.DB.prepare(all).all()).results).toEqual(incremental);
    expect(incremental.length).toBeGreaterThan(5);
  });
});
