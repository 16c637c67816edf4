/**
 * The script widgets embedded in a page of another origin (with its own strict CSP), in Chromium:
 * same values as the API, no console errors, no layout shift, keyboard order, themes, and hostile
 * article titles rendered as text.
 */
import { mkdirSync } from "node:fs";
import { resolve } from "node:path";
import type { Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, inject, it } from "vitest";
import type { Lang } from "../../workers/widget/contract";
import { formatValue, WORDS } from "../../workers/widget/format";
import { CARD_H } from "../../workers/widget/styles";
import { expectedMetaParts, expectedSources, expectedValueText, seriesOf, summaryOf } from "./api";
import { collectErrors, launch, norm, unexpectedErrors, waitForTrue } from "./chromium";
import { BOX_BACKGROUND, CLS, FOCUSED, READ_WIDGET, RECORD_AFTER_TOP, SHIFTS, WIDGET_ALERT, WIDGET_SETTLED, XSS_FLAG } from "./in-page";
import { EVIL_TITLE } from "./plant";

const api = inject("apiOrigin");
const host = inject("hostOrigin");
// Screenshots of test runs (with the planted hostile article) stay out of the tree; README shots come from `npm run screenshots`.
const SHOTS = resolve(import.meta.dirname, "../../test-results/screenshots");

let browser: Awaited<ReturnType<typeof launch>>;
/** True while the API has no /v1/summary yet (built in parallel): the widgets then show their empty state. */
let summaryMissing = false;
beforeAll(async () => {
  browser = await launch();
  summaryMissing = (await fetch(`${api}/v1/summary`)).status === 404;
  mkdirSync(SHOTS, { recursive: true });
});
afterAll(async () => browser?.close());

type Rendered = {
  busy: boolean;
  state: string | null;
  label: string | null;
  values: { raw: string | null; text: string }[];
  metas: string[];
  links: { href: string; text: string; target: string | null; rel: string | null }[];
  sparkPaths: string[];
  sparkLabels: string[];
  imgs: number;
  rows: string[];
  boxHeight: number;
};

/** Reads what the widget #w rendered inside its shadow root. */
const readWidget = (page: Page) => page.evaluate<Rendered>(READ_WIDGET);

/** Opens the host page and waits until the widget has left its loading state. */
async function openHost(params: Record<string, string>, colorScheme: "light" | "dark" = "light") {
  const page = await browser.context.newPage();
  await page.emulateMedia({ colorScheme });
  const errors = collectErrors(page);
  await page.goto(`${host}/?${new URLSearchParams(params)}`);
  await waitForTrue(page, WIDGET_SETTLED);
  // Let any late layout settle before layout shifts are read.
  await page.waitForTimeout(300);
  return { page, errors };
}

describe("<newsfacts-card>", () => {
  for (const lang of ["vi", "en", "id"] as Lang[]) {
    it(`shows fdi_registered as /v1/summary?lang=${lang} reports it: value, period, change, sources`, async () => {
      const [summary, series] = await Promise.all([summaryOf(api, lang, ["fdi_registered"]), seriesOf(api, "fdi_registered", lang)]);
      const { page, errors } = await openHost({ el: "card", metric: "fdi_registered", lang });
      const r = await readWidget(page);
      const item = summary?.items.find((i) => i.metric === "fdi_registered");
      if (!item) {
        expect(norm(r.state)).toBe(norm(WORDS[lang].empty));
      } else {
        expect(r.label).toBe(item.label);
        expect(r.values).toHaveLength(1);
        expect(r.values[0].raw).toBe(String(item.latest.value));
        expect(norm(r.values[0].text)).toBe(norm(expectedValueText(item.latest, lang)));
        let at = 0;
        for (const part of expectedMetaParts(item, lang)) {
          const found = norm(r.metas[0]).indexOf(norm(part), at);
          expect(found, `"${part}" in "${r.metas[0]}"`).toBeGreaterThanOrEqual(at);
          at = found + norm(part).length;
        }
        const sources = expectedSources(item.latest).slice(0, 2);
        expect(r.links.map((l) => l.href)).toEqual(sources.map((s) => s.href));
        expect(r.links.map((l) => l.text)).toEqual(sources.map((s) => s.title || new URL(s.href).hostname));
        for (const l of r.links) expect([l.target, l.rel]).toEqual(["_blank", "noopener noreferrer"]);
        const pts = (series?.points ?? []).filter((p) => p.unit === item.unit && (p.currency || null) === (item.currency || null));
        if (pts.length >= 2) {
          expect(r.sparkPaths).toHaveLength(1);
          expect(r.sparkPaths[0].match(/[ML]/g)).toHaveLength(pts.length);
          for (const p of pts) expect(norm(r.sparkLabels[0])).toContain(norm(formatValue(p.value, p.unit, p.currency, lang)));
        } else expect(r.sparkPaths).toHaveLength(0);
      }
      expect(r.boxHeight).toBe(CARD_H);
      expect(unexpectedErrors(errors, summaryMissing)).toEqual([]);
      await page.close();
    });
  }

  it("does not move the host page: CLS is 0 and the text under it stays put", async () => {
    const page = await browser.context.newPage();
    const errors = collectErrors(page);
    // Record where the paragraph under the widget is at first paint, before any data arrives.
    await page.addInitScript(RECORD_AFTER_TOP);
    await page.goto(`${host}/?el=card&metric=fdi_registered&lang=vi`);
    await waitForTrue(page, WIDGET_SETTLED);
    await page.waitForTimeout(500);
    const m = await page.evaluate<{ cls: number; shifts: number[]; first: number; now: number }>(SHIFTS);
    expect(m.shifts).toEqual([]);
    expect(m.cls).toBe(0);
    expect(m.now).toBe(m.first);
    expect(unexpectedErrors(errors, summaryMissing)).toEqual([]);
    await page.close();
  });

  it("lets Tab reach the source links in order, between the host's links", async () => {
    const { page, errors } = await openHost({ el: "card", metric: "fdi_registered", lang: "en" });
    const links = (await readWidget(page)).links.map((l) => l.href);
    const order: string[] = [];
    await page.focus("#before");
    for (let i = 0; i < links.length + 1; i++) {
      await page.keyboard.press("Tab");
      order.push(await page.evaluate<string>(FOCUSED));
    }
    expect(order).toEqual([...links, "#next"]);
    expect(unexpectedErrors(errors, summaryMissing)).toEqual([]);
    await page.close();
  });

  it("renders a headline carrying <img onerror> as text, and never creates the element", async () => {
    const summary = await summaryOf(api, "en", ["fdi_registered", "grdp_growth"]);
    const planted = summary?.items.filter((i) => i.latest.sources.some((s) => s.title === EVIL_TITLE)) ?? [];
    for (const metric of planted.length ? planted.map((i) => i.metric) : ["fdi_registered"]) {
      const { page, errors } = await openHost({ el: "card", metric, lang: "en" });
      const r = await readWidget(page);
      if (planted.length) expect(r.links.map((l) => l.text)).toContain(EVIL_TITLE);
      expect(r.imgs).toBe(0);
      expect(await page.evaluate(XSS_FLAG)).toBeUndefined();
      expect(unexpectedErrors(errors, summaryMissing)).toEqual([]);
      await page.close();
    }
  });

  it("follows the theme attribute and prefers-color-scheme", async () => {
    const bg = async (params: Record<string, string>, scheme: "light" | "dark") => {
      const { page } = await openHost({ el: "card", metric: "fdi_registered", lang: "en", ...params }, scheme);
      const color = await page.evaluate<string>(BOX_BACKGROUND);
      return { page, color };
    };
    const light = await bg({}, "light");
    await light.page.locator("#w").screenshot({ path: resolve(SHOTS, "widget-light.png") });
    const dark = await bg({ theme: "dark" }, "light");
    await dark.page.locator("#w").screenshot({ path: resolve(SHOTS, "widget-dark.png") });
    const system = await bg({}, "dark");
    const forcedLight = await bg({ theme: "light" }, "dark");
    expect(light.color).toBe("rgb(255, 255, 255)");
    expect(dark.color).toBe("rgb(23, 25, 29)");
    expect(system.color).toBe("rgb(23, 25, 29)");
    expect(forcedLight.color).toBe("rgb(255, 255, 255)");
    for (const p of [light, dark, system, forcedLight]) await p.page.close();
  });

  it("shows an error state, not a broken box, when the API cannot be reached", async () => {
    const page = await browser.context.newPage();
    await page.goto(`${host}/?el=card&metric=fdi_registered&lang=id`);
    await page.locator("#w").evaluate((el) => el.setAttribute("data-api", "http://127.0.0.1:9"));
    await waitForTrue(page, WIDGET_ALERT);
    const r = await readWidget(page);
    expect(norm(r.state)).toBe(norm(WORDS.id.error));
    expect(r.boxHeight).toBe(CARD_H);
    await page.close();
  });
});

describe("<newsfacts-summary>", () => {
  it("shows one row per metric the API has, in the API's order, with the same values", async () => {
    const metrics = ["grdp_growth", "fdi_registered", "budget_revenue"];
    const summary = await summaryOf(api, "en", metrics);
    const { page, errors } = await openHost({ el: "summary", metrics: metrics.join(","), lang: "en" });
    const r = await readWidget(page);
    const items = summary?.items.filter((i) => i.latest) ?? [];
    if (!items.length) expect(norm(r.state)).toBe(norm(WORDS.en.empty));
    else {
      expect(r.rows).toEqual(items.map((i) => i.metric));
      expect(r.values.map((v) => v.raw)).toEqual(items.map((i) => String(i.latest.value)));
      expect(r.values.map((v) => norm(v.text))).toEqual(items.map((i) => norm(expectedValueText(i.latest, "en"))));
    }
    const m = await page.evaluate<number>(CLS);
    expect(m).toBe(0);
    expect(unexpectedErrors(errors, summaryMissing)).toEqual([]);
    await page.locator("#w").screenshot({ path: resolve(SHOTS, "widget-summary.png") });
    await page.close();
  });
});
