import { drizzle } from "drizzle-orm/d1";
import * as schema from "../../schema/tables";

/** A Drizzle client over the D1 binding, with snake_case columns as drizzle-kit generated them. */
export function createDb(d1: D1Database) {
  return drizzle(d1, { schema, casing: "snake_case" });
}

export type Db = ReturnType<typeof createDb>;

/** D1 binds at most 100 parameters a statement: the largest number of rows one INSERT may carry. */
export function rowsPerInsert(columns: number): number {
  return Math.max(1, Math.floor(100 / columns));
}

/** Splits rows into chunks small enough for one D1 statement each. */
export function chunkRows<T>(rows: T[], columns: number): T[][] {
  const size = rowsPerInsert(columns);
  const out: T[][] = [];
  for (let i = 0; i < rows.length; i += size) out.push(rows.slice(i, i + size));
  return out;
}
