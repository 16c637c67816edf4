import { applyD1Migrations, env } from "cloudflare:test";

// Every test file starts from the schema drizzle-kit generated, the same one wrangler applies.
await applyD1Migrations(env.DB, env.TEST_MIGRATIONS);
