import type { TestProject } from "vitest/node";
import { startDemoSite } from "../../demo/server.mjs";
import { testRoutes } from "./test-routes";

/** Starts the demo site (plus the test routes) on a free loopback port for the workerd tests. */
export default async function setup(project: TestProject) {
  const site = await startDemoSite({ port: 0, routes: testRoutes });
  project.provide("testOrigin", site.origin);
  return async () => {
    await site.close();
  };
}
