/**
 * Where the archive's objects live in R2. An article's keys are derived from its id, so one article
 * has exactly one page and one text; D1 records the key once the object is written. The streamed
 * exports are kept per dataset version beside them (see workers/dataset/export-store.ts).
 */
export const pageKeyOf = (articleId: number): string => `pages/${articleId}.html.gz`;
export const textKeyOf = (articleId: number): string => `texts/${articleId}.txt`;

/** Every stored export's key starts with this. */
export const EXPORTS_PREFIX = "exports/";
/** A streamed export (`observations.csv`, `facts.ndjson`) of one dataset version. */
export const exportKeyOf = (version: string, name: string): string => `${EXPORTS_PREFIX}${version}/${name}`;

/** The version and the name of an export's key; null for a key that is not one. */
export function parseExportKey(key: string): { version: string; name: string } | null {
  const m = /^exports\/(\d+)\/([^/]+)$/.exec(key);
  return m ? { version: m[1], name: m[2] } : null;
}
