import path from "node:path";
import { cloudflareTest, readD1Migrations } from "@cloudflare/vitest-plugin";
import { defineConfig } from "vitest/config";

export default defineConfig(async () => {
  const migrations = await readD1Migrations(path.join(import.meta.dirname, "migrations"));
  return {
    test: {
      projects: [
        {
          // Pure modules (extractor, parsers, the demo site) under Node.
          test: { name: "unit", include: ["test/unit/**/*.test.ts"], environment: "node" },
        },
        {
          // The widgets and the dashboard in Debian's Chromium, against the stack `npm start` runs.
          test: {
            name: "browser",
            include: ["test/browser/**/*.test.ts"],
            environment: "node",
            globalSetup: ["test/browser/global-setup.ts"],
            testTimeout: 60_000,
            hookTimeout: 180_000,
            fileParallelism: false,
          },
        },
        {
          // The Worker itself, inside workerd with local D1 and Queues.
          plugins: [
            cloudflareTest(({ inject }) => ({
              // The pipeline Worker's bindings, with the API Worker's fetch handler beside its own (see test-worker.ts).
              wrangler: { configPath: "./wrangler.pipeline.toml" },
              main: "./test/integration/test-worker.ts",
              miniflare: {
                // The API Worker's bindings that the pipeline's configuration does not have.
                queueProducers: { COMMANDS: { queueName: "newsfacts-commands" } },
                // A low public limit, so a test can reach it (requests without CF-Connecting-IP are not limited).
                ratelimits: { PUBLIC_RATE_LIMIT: { namespace_id: "1001", simple: { limit: 5, period: 60 } } },
                // Only for vitest's own runner modules (node:inspector); the Worker itself needs no Node APIs.
                compatibilityFlags: ["nodejs_compat"],
                // An empty database for the upgrade test: migrations applied step by step to populated tables.
                d1Databases: { UPGRADE_DB: "upgrade-db" },
                bindings: {
                  TEST_MIGRATIONS: migrations,
                  // Real HTTP from workerd to the Node test server started in global setup.
                  TEST_ORIGIN: inject("testOrigin"),
                  RETRY_BASE_SECONDS: "0",
                  // Tests write and read at once: every request reads the version.
                  VERSION_FRESH_MS: "0",
                  BOT_CONTACT_URL: "https://newsfacts.example/bot",
                  FETCH_TIMEOUT_MS: "2000",
                  HOST_INTERVAL_MS: "0",
                  ADMIN_TOKEN: "test-admin-token",
                },
              },
            })),
          ],
          test: {
            name: "workers",
            include: ["test/integration/**/*.test.ts"],
            setupFiles: ["test/integration/apply-migrations.ts"],
            globalSetup: ["test/support/global-setup.ts"],
          },
        },
      ],
    },
  };
});
