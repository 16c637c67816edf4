export {};

declare module "vitest" {
  interface ProvidedContext {
    /** Origin of the Node HTTP server global setup starts (the demo site and the test routes). */
    testOrigin: string;
  }
}

declare global {
  namespace Cloudflare {
    interface GlobalProps {
      /** What `exports` from cloudflare:workers holds in the integration tests. */
      mainModule: typeof import("./test-worker");
    }
  }
}
