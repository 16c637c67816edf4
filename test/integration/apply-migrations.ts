import { applyD1Migrations } from "cloudflare:test";
import { testEnv } from "./test-env";

// Every test file starts from the schema drizzle-kit generated, the same one wrangler applies.
await applyD1Migrations(testEnv.DB, testEnv.TEST_MIGRATIONS);
