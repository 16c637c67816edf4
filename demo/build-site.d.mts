/** Types for demo/build-site.mjs. */
export const ORIGIN: "{{ORIGIN}}";
/** Builds the site into outDir (default demo/site); returns written paths relative to it. */
export function buildSite(options?: { outDir?: string; seedsDir?: string }): string[];
