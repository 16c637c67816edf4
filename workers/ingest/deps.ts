/**
 * What the consumer talks to, as parameters: tests pass the real parts with a fault wrapped around
 * one of them (a D1 whose batch fails once, a network that resets, an extractor that throws) rather
 * than mocks. Production uses `defaultDeps`.
 */
import { extract } from "../extract";

export interface IngestDeps {
  /** The network, as fetchLimited calls it. */
  fetch: typeof fetch;
  /** The extractor (pure). */
  extract: typeof extract;
  /** The D1 database to use for this env. */
  db: (env: PipelineEnv) => D1Database;
  /** The R2 bucket that archives pages and texts. */
  archive: (env: PipelineEnv) => R2Bucket;
  /** Epoch milliseconds. */
  now: () => number;
  /** Waits for a host's request slot. */
  sleep: (ms: number) => Promise<void>;
}

export const defaultDeps: IngestDeps = {
  fetch: (input, init) => fetch(input, init),
  extract,
  db: (env) => env.DB,
  archive: (env) => env.ARCHIVE,
  now: () => Date.now(),
  sleep: (ms) => new Promise((resolve) => setTimeout(resolve, ms)),
};

/** The default deps with some replaced. */
export function withDeps(overrides: Partial<IngestDeps> = {}): IngestDeps {
  return { ...defaultDeps, ...overrides };
}
