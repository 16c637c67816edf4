/** Vite's `?raw` imports: a file's text (used to read wrangler.pipeline.toml's queue settings in tests). */
declare module "*?raw" {
  const text: string;
  export default text;
}
