/** Types for build.mjs (the widget bundler). */
export const BUNDLE_PATH: string;
/** The minified widget script, as served. */
export function buildWidget(): Promise<string>;
/** The TypeScript module that carries the script and its ETag. */
export function bundleModule(js: string): string;
