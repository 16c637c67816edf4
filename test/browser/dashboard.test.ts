/**
 * The dashboard at /, in Chromium, after the demo ingestion: data from the API, hostile titles as
 * text, security headers, the language switch and the embed-snippet builder.
 */
import { resolve } from "node:path";
import { afterAll, beforeAll, describe, expect, inject, it } from "vitest";
import type { Summary } from "../../workers/widget/contract";
import { formatValue } from "../../workers/widget/format";
import { DASH } from "../../workers/widget/words";
import { apiJson } from "./api";
import { collectErrors, launch, norm, unexpectedErrors } from "./chromium";
import { XSS_FLAG } from "./in-page";
import { EVIL_TITLE } from "./plant";

const api = inject("apiOrigin");
// Screenshots of test runs (with the planted hostile article) stay out of the tree; README shots come from `npm run screenshots`.
const SHOTS = resolve(import.meta.dirname, "../../test-results/screenshots");

type Articles = { items: { id: number; title: string | null; url: string }[] };
type Sources = { items: { id: string; last_status: string | null; articles: Record<string, number> }[] };

let browser: Awaited<ReturnType<typeof launch>>;
/** True while the API has no /v1/summary yet (built in parallel): the pages then show their empty state. */
let summaryMissing = false;
beforeAll(async () => {
  browser = await launch();
  summaryMissing = (await fetch(`${api}/v1/summary`)).status === 404;
});
afterAll(async () => browser?.close());

describe("dashboard /", () => {
  it("is served with a nonce CSP that forbids framing, and the usual hardening headers", async () => {
    const res = await fetch(`${api}/`);
    expect(res.status).toBe(200);
    const csp = res.headers.get("content-security-policy") ?? "";
    expect(csp).toContain("frame-ancestors 'none'");
    expect(csp).toMatch(/script-src 'nonce-[A-Za-z0-9+/=]{16,}'/);
    expect(csp).not.toContain("unsafe-inline");
    expect(res.headers.get("x-frame-options")).toBe("DENY");
    expect(res.headers.get("x-content-type-options")).toBe("nosniff");
    expect(res.headers.get("referrer-policy")).toBe("strict-origin-when-cross-origin");
    const nonces = new Set([...(await res.text()).matchAll(/nonce="([^"]+)"/g)].map((m) => m[1]));
    expect(nonces.size).toBe(1);
    const again = await fetch(`${api}/`);
    expect(again.headers.get("content-security-policy")).not.toBe(csp);
  });

  it("shows the demo ingestion: headline figures, charts, articles (hostile title as text), sources", async () => {
    const [summary, articles, sources] = await Promise.all([
      apiJson<Summary>(`${api}/v1/summary?lang=en`),
      apiJson<Articles>(`${api}/v1/articles?limit=10`),
      apiJson<Sources>(`${api}/v1/sources`),
    ]);
    const page = await browser.context.newPage();
    const errors = collectErrors(page);
    await page.goto(`${api}/?lang=en`);
    expect(await page.locator("h1").textContent()).toBe(DASH.en.title);

    const items = summary?.items.filter((i) => i.latest) ?? [];
    const cards = page.locator("#key article[data-metric]");
    expect(await cards.count()).toBe(items.length);
    for (const [n, item] of items.entries()) {
      expect(await cards.nth(n).getAttribute("data-metric")).toBe(item.metric);
      expect(await cards.nth(n).locator("data").getAttribute("value")).toBe(String(item.latest.value));
      expect(norm(await cards.nth(n).locator("data").textContent())).toBe(
        norm(formatValue(item.latest.value, item.unit, item.currency, "en")),
      );
    }
    expect(await page.locator("#charts figure svg.chart").count()).toBeGreaterThanOrEqual(items.length ? 1 : 0);

    // Every listed article title appears as text — the planted one included, with no element made from it.
    const titles = await page.locator("#articles li[data-article] h3").allTextContents();
    expect(titles).toEqual((articles?.items ?? []).map((a) => a.title || a.url));
    expect(titles).toContain(EVIL_TITLE);
    expect(await page.locator("img").count()).toBe(0);
    expect(await page.evaluate(XSS_FLAG)).toBeUndefined();

    const rows = page.locator("#sources tr[data-source]");
    expect(await rows.count()).toBe(sources?.items.length ?? 0);
    for (const [n, s] of (sources?.items ?? []).entries()) {
      expect(await rows.nth(n).getAttribute("data-source")).toBe(s.id);
      expect(await rows.nth(n).locator("td").nth(2).textContent()).toBe(s.last_status ?? "—");
    }
    for (const href of ["/docs", "/v1/export/observations.csv", "/v1/export/facts.ndjson"])
      expect(await page.locator(`a[href="${href}"]`).count()).toBe(1);

    await page.screenshot({ path: resolve(SHOTS, "dashboard.png"), fullPage: true });
    expect(unexpectedErrors(errors, summaryMissing)).toEqual([]);
    await page.close();
  });

  it("draws GRDP growth as full years, switches to the nine-month line, and shows breakdown and plan panels from the API", async () => {
    type Obs = { value: number; period: { start: string; end: string }; span: string };
    const series = await apiJson<{ span: string; spans: { span: string; count: number }[]; points: Obs[] }>(
      `${api}/v1/metrics/grdp_growth/series?lang=en`,
    );
    const page = await browser.context.newPage();
    const errors = collectErrors(page);
    await page.goto(`${api}/?lang=en`);
    const panel = page.locator('#charts figure[data-metric="grdp_growth"]');
    expect(await panel.getAttribute("data-span")).toBe("year");
    expect(series?.span).toBe("year");
    // The chart's own table lists exactly the full-year points.
    const rows = panel.locator("tbody tr");
    expect(await rows.count()).toBe(series?.points.length ?? -1);
    for (const r of await rows.locator("td:first-child").allTextContents()) expect(r).toMatch(/^\d{4}$/);

    await panel.locator("p.spans a", { hasText: DASH.en.spanNames.ytd }).click();
    await page.waitForURL(/s_grdp_growth=ytd/);
    const ytd = page.locator('#charts figure[data-metric="grdp_growth"]');
    expect(await ytd.getAttribute("data-span")).toBe("ytd");
    const ytdCount = series?.spans.find((k) => k.span === "ytd")?.count ?? 0;
    expect(await ytd.locator("tbody tr").count()).toBe(ytdCount);
    for (const r of await ytd.locator("tbody td:first-child").allTextContents()) expect(r).toMatch(/^Jan–[A-Z][a-z]{2} \d{4}$/);

    // Breakdowns and plan against actual, as the API gives them.
    const summary = await apiJson<Summary>(`${api}/v1/summary?lang=en`);
    const bdPanels = page.locator("#breakdowns figure[data-breakdown]");
    let withSlices = 0;
    for (const item of summary?.items ?? []) {
      const b = await apiJson<{ slices: unknown[] }>(`${api}/v1/metrics/${item.metric}/breakdown?lang=en`);
      if (b?.slices.length) withSlices++;
    }
    expect(withSlices).toBeGreaterThan(0);
    expect(await bdPanels.count()).toBe(withSlices);
    expect(await page.locator("#plan tr[data-plan]").count()).toBeGreaterThan(0);
    await page.screenshot({ path: resolve(SHOTS, "dashboard-roles.png"), fullPage: true });
    expect(unexpectedErrors(errors, summaryMissing)).toEqual([]);
    await page.close();
  });

  it("switches language through ?lang= links", async () => {
    const page = await browser.context.newPage();
    await page.goto(`${api}/?lang=vi`);
    expect(await page.locator("html").getAttribute("lang")).toBe("vi");
    expect(await page.locator("h1").textContent()).toBe(DASH.vi.title);
    await page.click('a[hreflang="id"]');
    await page.waitForURL(/lang=id/);
    expect(await page.locator("h1").textContent()).toBe(DASH.id.title);
    expect(await page.locator('a[aria-current="page"]').getAttribute("hreflang")).toBe("id");
    await page.close();
  });

  it("builds both embed snippets live, identical to the server-rendered ones, and previews the card", async () => {
    const page = await browser.context.newPage();
    const errors = collectErrors(page);
    await page.goto(`${api}/?lang=en`);
    const options = await page.locator("select[name=w_metric] option").evaluateAll((os) => os.map((o) => o.getAttribute("value") ?? ""));
    const metric = options[options.length - 1];
    await page.selectOption("select[name=w_metric]", metric);
    await page.selectOption("select[name=w_lang]", "id");
    await page.selectOption("select[name=w_theme]", "dark");
    const live = { script: await page.locator("#snip-script").textContent(), iframe: await page.locator("#snip-iframe").textContent() };
    expect(live.script).toContain(`<newsfacts-card metric="${metric}" lang="id" theme="dark"></newsfacts-card>`);
    expect(live.script).toContain(`<script src="${api}/widget.js"></script>`);
    expect(live.iframe).toContain(`${api}/widget/card?metric=${metric}&amp;lang=id&amp;theme=dark`);
    expect(await page.locator("#preview").getAttribute("src")).toBe(`/widget/card?metric=${metric}&lang=id&theme=dark`);

    const server = await browser.context.newPage();
    await server.goto(`${api}/?lang=en&w_metric=${metric}&w_lang=id&w_theme=dark`);
    expect(await server.locator("#snip-script").textContent()).toBe(live.script);
    expect(await server.locator("#snip-iframe").textContent()).toBe(live.iframe);
    expect(unexpectedErrors(errors, summaryMissing)).toEqual([]);
    await page.close();
    await server.close();
  });
});
