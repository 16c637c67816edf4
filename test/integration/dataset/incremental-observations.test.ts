/**
 * New articles reach their observations incrementally (addArticleFactsStatement: O(the article's
 * facts)); re-extractions recompute the keys they touch. Whatever the order of writes and
 * rewrites, the result must be exactly what a full rebuild from the facts gives — every column,
 * the source counts and value lists included — and every fact must point at its observation.
 */
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { rebuildStatements } from "../../../workers/dataset/observations";
import { createDb } from "../../../workers/db/client";
import type { Fact } from "../../../workers/extract";
import { testEnv as env } from "../test-env";
import { extraction, fact, rewriteTestArticle, writeTestArticle } from "./fixtures";

/** A small pool of keys, values, units and qualifiers, so that writes collide, agree and conflict. */
const factArb = fc.record({
  metric: fc.constantFrom("exports", "tourists"),
  period: fc.constantFrom({ start: "2024-01", end: "2024-12" }, { start: "2024-01", end: "2024-06" }),
  value: fc.constantFrom(100, 100.4, 120, 250),
  unit: fc.constantFrom("count", "count", "count", "percent"),
  qualifier: fc.constantFrom("exact", "approx", "more_than"),
  basis: fc.constantFrom("actual", "actual", "target"),
  part: fc.constantFrom(null, { dimension: "market", member: "US" }),
  dated: fc.boolean(),
});

type FactDraw = typeof factArb extends fc.Arbitrary<infer T> ? T : never;

type Op = { kind: "new"; facts: FactDraw[] } | { kind: "rewrite"; target: number; facts: FactDraw[] };

const opArb: fc.Arbitrary<Op> = fc.oneof(
  { weight: 3, arbitrary: fc.record({ kind: fc.constant("new" as const), facts: fc.array(factArb, { minLength: 0, maxLength: 4 }) }) },
  {
    weight: 1,
    arbitrary: fc.record({
      kind: fc.constant("rewrite" as const),
      target: fc.nat(20),
      facts: fc.array(factArb, { minLength: 0, maxLength: 4 }),
    }),
  },
);

const COLUMNS =
  "metric, geo, period_start, period_end, currency, basis, part_dimension, part_member, span, unit, value, value_min, value_max, qualifier, qualifiers, status, fact_count, article_count, source_count, value_list, months";

async function snapshot(geo: string) {
  const rows = (await env.DB.prepare(`SELECT id, ${COLUMNS} FROM observations WHERE geo = ? ORDER BY id`).bind(geo).all()).results;
  // Every fact of the geo points at the observation with its key (or at none, when it backs none).
  const unlinked = await env.DB.prepare(
    `SELECT count(*) AS n FROM facts f WHERE f.geo = ? AND f.observation_id IS NOT (SELECT o.id FROM observations o
      WHERE o.metric = f.metric AND o.geo = f.geo AND o.period_start = f.period_start AND o.period_end = f.period_end
        AND o.currency = coalesce(f.currency, '') AND o.basis = f.basis AND o.part_dimension = coalesce(f.part_dimension, '')
        AND o.part_member = coalesce(f.part_member, ''))`,
  )
    .bind(geo)
    .first<number>("n");
  return { rows, unlinked };
}

let run = 0;

describe("observations kept incrementally equal a full rebuild", () => {
  it("after any sequence of new articles and re-extractions (property test)", async () => {
    await fc.assert(
      fc.asyncProperty(fc.array(opArb, { minLength: 1, maxLength: 8 }), async (ops) => {
        const geo = `prop-geo-${++run}`;
        const ids: number[] = [];
        const toFacts = (fs: FactDraw[]): Fact[] =>
          fs.map((f) =>
            fact({
              metric: f.metric,
              value: f.value,
              unit: f.unit,
              currency: undefined,
              period: f.period,
              qualifier: f.qualifier as Fact["qualifier"],
              basis: f.basis as Fact["basis"],
              part: f.part,
              geo,
            }),
          );
        for (const op of ops) {
          const dated = op.facts[0]?.dated ?? true;
          const x = extraction({ facts: toFacts(op.facts), published: dated ? `2025-0${(ids.length % 9) + 1}-10` : null });
          if (op.kind === "rewrite" && ids.length > 0) await rewriteTestArticle(ids[op.target % ids.length], x);
          else ids.push(await writeTestArticle(x));
        }
        const incremental = await snapshot(geo);
        expect(incremental.unlinked).toBe(0);
        const db = createDb(env.DB);
        const [first, ...rest] = rebuildStatements(db);
        await db.batch([first, ...rest]);
        const rebuilt = await snapshot(geo);
        expect(rebuilt).toEqual(incremental);
      }),
      { numRuns: 25, seed: 20261206 },
    );
  }, 60_000);

  it("lists each distinct value once in first-seen order and counts a source once per article and value", async () => {
    const geo = "sources-geo";
    const one = (value: number) => fact({ metric: "tourists", value, unit: "count", currency: undefined, geo });
    await writeTestArticle(extraction({ facts: [one(100), one(100), one(120)] }));
    await writeTestArticle(extraction({ facts: [one(120)] }));
    const row = await env.DB.prepare("SELECT value_list, source_count, fact_count, article_count FROM observations WHERE geo = ?")
      .bind(geo)
      .first();
    expect(row).toEqual({ value_list: "100.0,120.0", source_count: 3, fact_count: 4, article_count: 2 });
  });
});
