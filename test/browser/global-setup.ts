/**
 * Starts, once for the browser tests, the same stack `npm start` runs (demo site with the planted
 * article, migrations, `wrangler dev`), fires the cron, waits for the queue to drain, and starts the
 * host site on another origin.
 */
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join, resolve } from "node:path";
import { pathToFileURL } from "node:url";
import type { TestProject } from "vitest/node";
import type { DemoRoute } from "../../demo/server.mjs";
import { startHostSite } from "./host-page";
import { PLANT_PATH, plantRoutes } from "./plant";

type Stack = {
  origin: string;
  demoOrigin: string;
  stop(): Promise<void>;
  fireCron(): Promise<void>;
};
type StackModule = {
  startStack(o: { port: number; demoPort: number; persistTo: string; routes: DemoRoute[]; log?: (s: string) => void }): Promise<Stack>;
};

declare module "vitest" {
  interface ProvidedContext {
    /** The Worker under `wrangler dev` (API, widget script, iframe card, dashboard). */
    apiOrigin: string;
    /** The publisher's site, another origin, embedding the widget. */
    hostOrigin: string;
  }
}

export default async function setup(project: TestProject) {
  // stack.mjs has no type declarations; its shape is restated in StackModule.
  const mod = (await import(pathToFileURL(resolve(import.meta.dirname, "../../scripts/lib/stack.mjs")).href)) as StackModule;
  const persistTo = mkdtempSync(join(tmpdir(), "newsfacts-browser-"));
  const port = Number(process.env.BROWSER_TEST_PORT ?? 8941);
  let log = "";
  const stack = await mod.startStack({ port, demoPort: port + 1, persistTo, routes: plantRoutes, log: (s) => (log += s) });
  try {
    await stack.fireCron();
    await waitForIngestion(stack.origin, () => log);
  } catch (e) {
    await stack.stop();
    rmSync(persistTo, { recursive: true, force: true });
    throw new Error(`stack did not ingest the demo site: ${e}\n${log.slice(-3000)}`);
  }
  const host = await startHostSite(stack.origin, port + 2);
  project.provide("apiOrigin", stack.origin);
  project.provide("hostOrigin", host.origin);
  return async () => {
    await host.close();
    await stack.stop();
    rmSync(persistTo, { recursive: true, force: true });
  };
}

type ArticleRow = { url: string; status: string };

/**
 * Waits until every article is past the queue (the five demo pages and the planted one). `wrangler
 * dev` reloads the Worker when a source file changes, and a reload drops a batch in flight (the
 * cron re-sends it only an hour later); when that happened, carrying on with the planted article
 * ingested is fine — every test compares against what the API answers.
 */
async function waitForIngestion(origin: string, log: () => string, timeoutMs = 90_000): Promise<void> {
  const until = Date.now() + timeoutMs;
  let rows: ArticleRow[] = [];
  for (;;) {
    const res = await fetch(`${origin}/v1/articles?limit=200`);
    rows = res.ok ? ((await res.json()) as { items: ArticleRow[] }).items : [];
    const pending = rows.filter((a) => a.status === "queued" || a.status === "fetched");
    if (rows.length >= 6 && pending.length === 0) return;
    if (Date.now() > until) break;
    await new Promise((r) => setTimeout(r, 500));
  }
  const planted = rows.find((a) => a.url.endsWith(PLANT_PATH));
  if (planted?.status === "extracted" && log().includes("Reloading local server")) {
    console.warn(`browser tests: ${rows.filter((a) => a.status === "queued").length} article(s) lost to a wrangler reload; continuing`);
    return;
  }
  throw new Error(`articles not ingested in ${timeoutMs} ms: ${JSON.stringify(rows)}`);
}
