import { env } from "cloudflare:test";

/** Bindings that only the test configuration adds (vitest.config.ts), beside the Worker's own. */
export interface TestBindings {
  TEST_MIGRATIONS: import("cloudflare:test").D1Migration[];
  /** Origin of the Node HTTP server global setup starts (the demo site and the test routes). */
  TEST_ORIGIN: string;
  ADMIN_TOKEN: string;
  /** An empty D1 database, for applying migrations one by one to data of an older schema. */
  UPGRADE_DB: D1Database;
}

export const testEnv = env as typeof env & TestBindings;
