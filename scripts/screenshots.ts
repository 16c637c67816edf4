/**
 * npm run screenshots — the README's pictures, from the plain demo ingestion (what `npm start`
 * shows): the dashboard, its GRDP chart by span kind, the breakdown and plan panels, a card in light
 * and dark, the summary strip and the iframe card, each embedded in a page of another origin.
 */
import { mkdtempSync } from "node:fs";
import { tmpdir } from "node:os";
import { join, resolve } from "node:path";
import { launch, waitForTrue } from "../test/browser/chromium";
import { startHostSite } from "../test/browser/host-page";
import { WIDGET_SETTLED } from "../test/browser/in-page";
import { startStack } from "./lib/stack.mjs";

const OUT = resolve(import.meta.dirname, "../docs/screenshots");

const stack = await startStack({ port: 8951, demoPort: 8952, persistTo: mkdtempSync(join(tmpdir(), "newsfacts-shots-")) });
const host = await startHostSite(stack.origin);
try {
  await stack.fireCron();
  await stack.waitForDrain({ min: 35 });
  for (const scheme of ["light", "dark"] as const) {
    const { context, close } = await launch({ colorScheme: scheme });
    const page = await context.newPage();
    if (scheme === "light") {
      await page.goto(`${stack.origin}/?lang=en`);
      await page.screenshot({ path: join(OUT, "dashboard.png") });
      await page.screenshot({ path: join(OUT, "dashboard-full.png"), fullPage: true });
      // The span switch, the breakdowns and plan against actual.
      await page.locator('#charts figure[data-metric="grdp_growth"]').screenshot({ path: join(OUT, "chart-grdp-years.png") });
      await page.goto(`${stack.origin}/?lang=en&s_grdp_growth=ytd`);
      await page.locator('#charts figure[data-metric="grdp_growth"]').screenshot({ path: join(OUT, "chart-grdp-ytd.png") });
      await page.locator("#breakdowns").screenshot({ path: join(OUT, "breakdowns.png") });
      await page.locator("#plan").screenshot({ path: join(OUT, "plan.png") });
      await page.goto(`${host.origin}/?el=summary&metrics=grdp_growth,fdi_registered,budget_revenue&lang=en`);
      await waitForTrue(page, WIDGET_SETTLED);
      await page.waitForTimeout(300);
      await page.locator("#w").screenshot({ path: join(OUT, "widget-summary.png") });
      await page.goto(`${host.origin}/?el=iframe&metric=fdi_registered&lang=vi`);
      await page.waitForTimeout(800);
      await page.locator("#w").screenshot({ path: join(OUT, "iframe-card.png") });
    }
    await page.goto(`${host.origin}/?el=card&metric=fdi_registered&lang=${scheme === "light" ? "vi" : "en"}&theme=${scheme}`);
    await waitForTrue(page, WIDGET_SETTLED);
    await page.waitForTimeout(300);
    await page.locator("#w").screenshot({ path: join(OUT, `widget-${scheme}.png`) });
    await close();
  }
  console.log(`screenshots written to ${OUT}`);
} finally {
  await host.close();
  await stack.stop();
}
