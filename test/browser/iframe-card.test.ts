/**
 * The script-free iframe card: strict CSP, frameable by any site, same values as the API, hostile
 * titles as text, and it renders inside another origin's page.
 */
import { resolve } from "node:path";
import { afterAll, beforeAll, describe, expect, inject, it } from "vitest";
import { formatPlan, WORDS } from "../../workers/widget/format";
import { expectedMetaParts, expectedSources, expectedValueText, summaryOf } from "./api";
import { collectErrors, launch, norm, unexpectedErrors } from "./chromium";
import { XSS_FLAG } from "./in-page";
import { EVIL_TITLE } from "./plant";

const api = inject("apiOrigin");
const host = inject("hostOrigin");
// Screenshots of test runs (with the planted hostile article) stay out of the tree; README shots come from `npm run screenshots`.
const SHOTS = resolve(import.meta.dirname, "../../test-results/screenshots");

let browser: Awaited<ReturnType<typeof launch>>;
/** True while the API has no /v1/summary yet (built in parallel): the pages then show their empty state. */
let summaryMissing = false;
beforeAll(async () => {
  browser = await launch();
  summaryMissing = (await fetch(`${api}/v1/summary`)).status === 404;
});
afterAll(async () => browser?.close());

describe("/widget/card", () => {
  it("answers HTML with a script-free CSP that any site may frame", async () => {
    const res = await fetch(`${api}/widget/card?metric=fdi_registered&lang=vi`);
    expect(res.status).toBe(200);
    expect(res.headers.get("content-type")).toMatch(/^text\/html/);
    const csp = res.headers.get("content-security-policy") ?? "";
    expect(csp).toContain("default-src 'none'");
    expect(csp).toContain("frame-ancestors *");
    expect(csp).not.toContain("script-src");
    expect(res.headers.get("x-frame-options")).toBeNull();
    expect(res.headers.get("x-content-type-options")).toBe("nosniff");
    expect(res.headers.get("referrer-policy")).toBe("strict-origin-when-cross-origin");
    const body = await res.text();
    expect(body).not.toMatch(/<script/i);
    const nonce = /style-src 'nonce-([^']+)'/.exec(csp)?.[1];
    expect(body).toContain(`<style nonce="${nonce}">`);
  });

  it("rejects a malformed metric id with 400 and shows an empty state for an unknown one", async () => {
    expect((await fetch(`${api}/widget/card?metric=%3Cscript%3E`)).status).toBe(400);
    const res = await fetch(`${api}/widget/card?metric=no_such_metric&lang=en`);
    expect(res.status).toBe(200);
    expect(await res.text()).toContain(WORDS.en.empty);
  });

  it("states the span in the reader's language and how much of a target the latest figure reached", async () => {
    for (const lang of ["vi", "en", "id"] as const) {
      const summary = await summaryOf(api, lang, ["grdp_growth", "tourists"]);
      for (const item of summary?.items ?? []) {
        const body = await (await fetch(`${api}/widget/card?metric=${item.metric}&lang=${lang}`)).text();
        const text = norm(body.replace(/<[^>]+>/g, " "));
        for (const part of expectedMetaParts(item, lang)) expect(text).toContain(norm(part));
        if (item.plan) expect(text).toContain(norm(formatPlan(item.plan, lang)));
      }
    }
    // The demo has a GRDP growth target for its latest full year: the card says so.
    const en = await summaryOf(api, "en", ["grdp_growth"]);
    expect(en?.items[0]?.plan?.target.basis).toBe("target");
  });

  it("renders inside another origin's page with the values of /v1/summary", async () => {
    const summary = await summaryOf(api, "vi", ["fdi_registered"]);
    const page = await browser.context.newPage();
    const errors = collectErrors(page);
    await page.goto(`${host}/?el=iframe&metric=fdi_registered&lang=vi`);
    const frame = page.frameLocator("#w");
    const item = summary?.items.find((i) => i.metric === "fdi_registered");
    if (!item) await expect.poll(() => frame.locator("[role=status]").textContent()).toBe(WORDS.vi.empty);
    else {
      expect(await frame.locator("data").getAttribute("value")).toBe(String(item.latest.value));
      expect(norm(await frame.locator(".v").textContent())).toBe(norm(expectedValueText(item.latest, "vi")));
      const hrefs = await frame.locator("a").evaluateAll((as) => as.map((a) => a.getAttribute("href") ?? ""));
      expect(hrefs).toEqual(
        expectedSources(item.latest)
          .slice(0, 2)
          .map((s) => s.href),
      );
    }
    expect(await frame.locator("script").count()).toBe(0);
    await page.locator("#w").screenshot({ path: resolve(SHOTS, "iframe-card.png") });
    expect(unexpectedErrors(errors, summaryMissing)).toEqual([]);
    await page.close();
  });

  it("escapes a headline carrying <img onerror> (in the HTML source and in the rendered frame)", async () => {
    const summary = await summaryOf(api, "en", ["fdi_registered", "grdp_growth"]);
    const planted = summary?.items.find((i) => i.latest.sources.some((s) => s.title === EVIL_TITLE));
    const metric = planted?.metric ?? "fdi_registered";
    const body = await (await fetch(`${api}/widget/card?metric=${metric}&lang=en&theme=dark`)).text();
    expect(body).not.toContain("<img");
    const page = await browser.context.newPage();
    await page.goto(`${api}/widget/card?metric=${metric}&lang=en&theme=dark`);
    if (planted) {
      expect(body).toContain("&lt;img src=x onerror=&quot;window.__nfXss=1&quot;&gt;");
      expect(await page.locator("a").allTextContents()).toContain(EVIL_TITLE);
    }
    expect(await page.locator("img").count()).toBe(0);
    expect(await page.evaluate(XSS_FLAG)).toBeUndefined();
    await page.close();
  });
});
