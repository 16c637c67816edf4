import type { TestProject } from "vitest/node";
import { startDemoSite } from "../../demo/server.mjs";
import { faultRoutes, setSlowSiteOrigin, slowSiteRoutes } from "./fault-routes";
import { testRoutes } from "./test-routes";

/**
 * Starts the demo site (plus the test routes and the fault corpus) on a free loopback port for the
 * workerd tests, and a second site on another port: a host of its own, whose robots.txt asks for a Crawl-delay.
 */
export default async function setup(project: TestProject) {
  const site = await startDemoSite({ port: 0, routes: [...faultRoutes, ...testRoutes] });
  const slow = await startDemoSite({ port: 0, routes: slowSiteRoutes });
  setSlowSiteOrigin(slow.origin);
  project.provide("testOrigin", site.origin);
  return async () => {
    await Promise.all([site.close(), slow.close()]);
  };
}
