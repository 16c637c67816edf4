/** Types for scripts/lib/bulk-fill.mjs (bench:scale's and bench:write's bulk fill). */

export interface BulkState {
  byKey: Map<string, unknown>;
  articleIds: number[];
}

export function createBulkState(): BulkState;
export function localStores(persistTo: string): { d1: string; r2: string; blobs: string };
export function bulkFill(
  persistTo: string,
  options: { from: number; to: number; seed: number; state: BulkState; nowMs?: number },
): Promise<{
  articles: number;
  facts: number;
  ids: number[];
  observations: number;
  conflicts: number;
  rowsMs: number;
  observationsMs: number;
  indexMs: number;
  ms: number;
}>;
