/**
 * The dataset version: a counter bumped in the same batch as every write that changes the data, so
 * caches keyed by it (ETag, Cache API) never outlive one ingestion.
 */
import { sql } from "drizzle-orm";
import type { BatchItem } from "drizzle-orm/batch";
import { datasetMeta } from "../../schema/tables";
import type { Db } from "./client";

const KEY = "version";

export function bumpVersionStatement(db: Db): BatchItem<"sqlite"> {
  return db
    .insert(datasetMeta)
    .values({ key: KEY, value: "1" })
    .onConflictDoUpdate({ target: datasetMeta.key, set: { value: sql`CAST(CAST(${datasetMeta.value} AS INTEGER) + 1 AS TEXT)` } });
}

/** The current version; "0" for an empty dataset. One indexed read of one tiny row. */
export async function readVersion(d1: D1Database): Promise<string> {
  const row = await d1.prepare("SELECT value FROM dataset_meta WHERE key = ?").bind(KEY).first<{ value: string }>();
  return row?.value ?? "0";
}
