/**
 * Whole-table counts, read from counter rows that triggers keep in step with every write
 * (migrations/0009_counters.sql): a few rows read, however many articles, facts or people there are.
 */
import { eq, gt, sql } from "drizzle-orm";
import { articleCounts, metricCounts, tableCounts } from "../../schema/tables";
import type { Db } from "./client";

/** Articles per source (undefined for a URL recorded without one) and status; statuses with none left are omitted. */
export async function articlesBySourceAndStatus(db: Db): Promise<{ sourceId: string | null; status: string; n: number }[]> {
  const rows = await db
    .select({ sourceId: articleCounts.sourceId, status: articleCounts.status, n: articleCounts.n })
    .from(articleCounts)
    .where(gt(articleCounts.n, 0))
    .all();
  return rows.map((r) => ({ ...r, sourceId: r.sourceId === "" ? null : r.sourceId }));
}

/** Articles per status, over every source. */
export async function articlesByStatus(db: Db): Promise<Record<string, number>> {
  const out: Record<string, number> = {};
  for (const r of await articlesBySourceAndStatus(db)) out[r.status] = (out[r.status] ?? 0) + r.n;
  return out;
}

/** Facts, observations and conflicts per metric (metrics with none of them omitted). */
export function countsByMetric(db: Db) {
  return db
    .select({
      metric: metricCounts.metric,
      facts: metricCounts.facts,
      observations: metricCounts.observations,
      conflicts: metricCounts.conflicts,
    })
    .from(metricCounts)
    .where(sql`${metricCounts.facts} > 0 OR ${metricCounts.observations} > 0`)
    .all();
}

/** Every fact. */
export async function factTotal(db: Db): Promise<number> {
  const row = await db
    .select({ n: sql<number>`coalesce(sum(${metricCounts.facts}), 0)` })
    .from(metricCounts)
    .get();
  return Number(row?.n ?? 0);
}

/** Rows of a counted table ("people"). */
export async function tableCount(db: Db, name: "people"): Promise<number> {
  const row = await db.select({ n: tableCounts.n }).from(tableCounts).where(eq(tableCounts.name, name)).get();
  return row?.n ?? 0;
}
