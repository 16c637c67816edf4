export {};

declare module "vitest" {
  interface ProvidedContext {
    /** Origin of the Node HTTP server global setup starts (the demo site and the test routes). */
    testOrigin: string;
  }
}
