import type { TestProject } from "vitest/node";
import { startDemoSite } from "../../demo/server.mjs";
import { faultRoutes } from "./fault-routes";
import { testRoutes } from "./test-routes";

/** Starts the demo site (plus the test routes and the fault corpus) on a free loopback port for the workerd tests. */
export default async function setup(project: TestProject) {
  const site = await startDemoSite({ port: 0, routes: [...faultRoutes, ...testRoutes] });
  project.provide("testOrigin", site.origin);
  return async () => {
    await site.close();
  };
}
