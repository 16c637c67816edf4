/**
 * The dataset version: a counter bumped in the same batch as every write that changes the data, so
 * caches keyed by it (ETag, Cache API) never outlive one ingestion. Every query of dataset_meta.
 *
 * The bump's new value is the one raw SQL expression here: the version is stored as text, and
 * "the stored value plus one" inside the upsert (atomic, within the writer's batch) is arithmetic
 * over a CAST, which the builder has no form for.
 */
import { eq, sql } from "drizzle-orm";
import type { BatchItem } from "drizzle-orm/batch";
import { datasetMeta } from "../../schema/tables";
import { createDb, type Db } from "./client";

const KEY = "version";

export function bumpVersionStatement(db: Db): BatchItem<"sqlite"> {
  return db
    .insert(datasetMeta)
    .values({ key: KEY, value: "1" })
    .onConflictDoUpdate({ target: datasetMeta.key, set: { value: sql`CAST(CAST(${datasetMeta.value} AS INTEGER) + 1 AS TEXT)` } });
}

/** The read of the version row (unexecuted, for a batch): no row for an empty dataset. */
export function versionQuery(db: Db) {
  return db.select({ value: datasetMeta.value }).from(datasetMeta).where(eq(datasetMeta.key, KEY));
}

/** The current version; "0" for an empty dataset. One indexed read of one tiny row. */
export async function readVersion(d1: D1Database): Promise<string> {
  const row = await versionQuery(createDb(d1)).get();
  return row?.value ?? "0";
}
