declare module "cloudflare:test" {
  interface ProvidedEnv extends Env {
    TEST_MIGRATIONS: import("cloudflare:test").D1Migration[];
    /** Origin of the Node HTTP server global setup starts (the demo site and the fault routes). */
    TEST_ORIGIN: string;
    ADMIN_TOKEN: string;
  }
}

declare module "vitest" {
  interface ProvidedContext {
    testOrigin: string;
  }
}
