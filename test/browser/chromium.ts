/**
 * Launches Debian's Chromium through playwright-core (no bundled browser download): headless, a
 * fresh profile per launch, no background network.
 */
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { type BrowserContext, chromium, type Page } from "playwright-core";

export const CHROMIUM = process.env.CHROMIUM_PATH ?? "/usr/bin/chromium";

/** A persistent context on a throwaway profile; close() also removes the profile. */
export async function launch(
  opts: { colorScheme?: "light" | "dark" } = {},
): Promise<{ context: BrowserContext; close: () => Promise<void> }> {
  const profile = mkdtempSync(join(tmpdir(), "newsfacts-chromium-"));
  const context = await chromium.launchPersistentContext(profile, {
    executablePath: CHROMIUM,
    headless: true,
    args: [
      "--headless",
      "--no-sandbox",
      "--disable-gpu",
      "--disable-background-networking",
      "--disable-component-update",
      "--disable-sync",
      "--no-first-run",
    ],
    viewport: { width: 1280, height: 900 },
    colorScheme: opts.colorScheme ?? "light",
    locale: "en-US",
  });
  return {
    context,
    close: async () => {
      await context.close();
      rmSync(profile, { recursive: true, force: true });
    },
  };
}

/** Collects console errors and uncaught page errors of a page. */
export function collectErrors(page: Page): string[] {
  const errors: string[] = [];
  page.on("console", (m) => {
    if (m.type() === "error") errors.push(m.text());
  });
  page.on("pageerror", (e) => errors.push(String(e)));
  return errors;
}

/** Normalises the spaces Intl emits (NBSP, narrow NBSP) so texts compare across ICU builds. */
export const norm = (s: string | null | undefined) => (s ?? "").replace(/[\s\u00a0\u202f]+/g, " ").trim();

/**
 * Polls an in-page expression until it is truthy. (page.waitForFunction evaluates its predicate
 * with eval, which the host page's CSP rightly forbids.)
 */
export async function waitForTrue(page: Page, expression: string, timeoutMs = 15_000): Promise<void> {
  const until = Date.now() + timeoutMs;
  while (!(await page.evaluate<boolean>(expression))) {
    if (Date.now() > until) throw new Error(`timed out waiting for ${expression}`);
    await new Promise((r) => setTimeout(r, 50));
  }
}

/**
 * Console errors that matter: all of them, except — while the API does not serve an endpoint yet —
 * the browser's own "Failed to load resource … 404" line for it, which the widget turns into its
 * empty state.
 */
export function unexpectedErrors(errors: string[], endpointMissing: boolean): string[] {
  return endpointMissing ? errors.filter((e) => !/Failed to load resource: .* 404/.test(e)) : errors;
}
