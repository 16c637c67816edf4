/**
 * The SVG card in Chromium, against the stack `npm start` runs: opened as a document and shown
 * as an <img> on another origin's page, it says what /v1/summary says (value, period, change,
 * formatted the same way), renders its text, keeps the planted hostile headline as text, and
 * breaks no CSP. Leaves a picture of the light and dark cards in docs/screenshots/card-svg.png.
 */
import { mkdirSync } from "node:fs";
import { createServer } from "node:http";
import type { AddressInfo } from "node:net";
import { resolve } from "node:path";
import { afterAll, beforeAll, describe, expect, inject, it } from "vitest";
import type { Lang, Series, Summary } from "../../workers/widget/contract";
import { formatChange, formatPeriod, formatPlan, WORDS } from "../../workers/widget/format";
import { apiJson, expectedSources, expectedValueText, summaryOf } from "./api";
import { collectErrors, launch, norm } from "./chromium";
import { XSS_FLAG } from "./in-page";
import { EVIL_TITLE } from "./plant";

const api = inject("apiOrigin");
const SHOTS = resolve(import.meta.dirname, "../../test-results/screenshots");
const DOCS_SHOT = resolve(import.meta.dirname, "../../docs/screenshots/card-svg.png");
let browser: Awaited<ReturnType<typeof launch>>;
/** Another origin (a port of its own): the publisher whose page shows the card as an <img>. */
let publisher: { origin: string; pages: Map<string, string>; close: () => Promise<void> };
beforeAll(async () => {
  browser = await launch();
  mkdirSync(SHOTS, { recursive: true });
  publisher = await startPublisher();
});
afterAll(async () => {
  await browser?.close();
  await publisher?.close();
});

/** Serves the pages put in `pages` (by path), under a CSP that allows images from the API only. */
function startPublisher(): Promise<typeof publisher> {
  const pages = new Map<string, string>();
  const server = createServer((req, res) => {
    const body = pages.get(new URL(req.url ?? "/", "http://x").pathname);
    if (!body) return void res.writeHead(404).end();
    res.writeHead(200, {
      "content-type": "text/html; charset=utf-8",
      "content-security-policy": `default-src 'none'; img-src ${api}; style-src 'unsafe-inline'`,
    });
    res.end(body);
  });
  return new Promise((ok) =>
    server.listen(0, "127.0.0.1", () => {
      const a = server.address() as AddressInfo;
      ok({ origin: `http://127.0.0.1:${a.port}`, pages, close: () => new Promise((r) => server.close(() => r())) });
    }),
  );
}

const cardUrl = (metric: string, q: Record<string, string>) => `${api}/v1/metrics/${metric}/card.svg?${new URLSearchParams(q)}`;

/** The card's lines as Chromium reads them from the SVG document. */
const READ_SVG = `(() => {
  const t = (cls) => document.querySelector("." + cls)?.textContent ?? null;
  return {
    root: document.documentElement.localName,
    label: t("label"), value: t("value"), meta: t("meta"), note: t("note"), source: t("source"), empty: t("empty"),
    path: document.querySelector("g.spark path")?.getAttribute("d") ?? null,
    elements: [...document.querySelectorAll("*")].map((e) => e.localName),
    width: document.documentElement.getBoundingClientRect().width,
  };
})()`;
type ReadSvg = {
  root: string;
  label: string | null;
  value: string | null;
  meta: string | null;
  note: string | null;
  source: string | null;
  empty: string | null;
  path: string | null;
  elements: string[];
  width: number;
};

/** A publisher's page showing the given cards as <img>, under a CSP that allows images from the API only. */
function publisherPage(imgs: { id: string; src: string; alt: string }[]): string {
  const esc = (s: string) => s.replaceAll("&", "&amp;").replaceAll('"', "&quot;").replaceAll("<", "&lt;");
  return `<!doctype html><html lang="en"><head><meta charset="utf-8"><title>README</title>
<style>body{margin:0;padding:12px;background:#f6f8fa;display:flex;gap:12px;align-items:flex-start}img{display:block}</style></head>
<body>${imgs.map((i) => `<img id="${esc(i.id)}" src="${esc(i.src)}" alt="${esc(i.alt)}" crossorigin="anonymous">`).join("")}</body></html>`;
}

/** Opens a publisher page with these images, and waits until each has decoded. */
async function openPublisher(imgs: { id: string; src: string; alt: string }[]) {
  const page = await browser.context.newPage();
  const errors = collectErrors(page);
  const path = `/readme-${publisher.pages.size}`;
  publisher.pages.set(path, publisherPage(imgs));
  await page.goto(`${publisher.origin}${path}`);
  const sizes = await page.evaluate<{ id: string; w: number; h: number }[]>(
    `Promise.all([...document.images].map((i) => i.decode().then(() => ({ id: i.id, w: i.naturalWidth, h: i.naturalHeight }), (e) => ({ id: i.id, error: String(e) }))))`,
  );
  return { page, errors, sizes };
}

/**
 * How much of an image differs from its top-left corner's colour (the card's background), drawn on
 * a canvas: text and the trend line make a few percent; a blank or broken image none.
 */
const INKED = (id: string) => `(() => {
  const img = document.getElementById(${JSON.stringify(id)});
  const c = document.createElement("canvas");
  c.width = img.naturalWidth; c.height = img.naturalHeight;
  const g = c.getContext("2d");
  g.drawImage(img, 0, 0);
  const d = g.getImageData(0, 0, c.width, c.height).data;
  const [r, gg, b] = [d[(10 * c.width + 10) * 4], d[(10 * c.width + 10) * 4 + 1], d[(10 * c.width + 10) * 4 + 2]];
  let n = 0;
  for (let i = 0; i < d.length; i += 4) if (d[i + 3] > 0 && Math.abs(d[i] - r) + Math.abs(d[i + 1] - gg) + Math.abs(d[i + 2] - b) > 60) n++;
  return n / (c.width * c.height);
})()`;

describe("GET /v1/metrics/{id}/card.svg in Chromium", () => {
  it("is served as an SVG image with a CSP that forbids everything but its inline styles", async () => {
    const res = await fetch(cardUrl("fdi_registered", { lang: "en" }));
    expect(res.status).toBe(200);
    expect(res.headers.get("content-type")).toBe("image/svg+xml; charset=utf-8");
    expect(res.headers.get("content-security-policy")).toBe("default-src 'none'; style-src 'unsafe-inline'");
    expect(res.headers.get("etag")).toBeTruthy();
    await res.arrayBuffer();
  });

  for (const lang of ["vi", "en", "id"] as Lang[]) {
    it(`opened as a document, says what /v1/summary?lang=${lang} says for fdi_registered`, async () => {
      const summary = await summaryOf(api, lang, ["fdi_registered"]);
      const item = summary?.items.find((i) => i.metric === "fdi_registered");
      const page = await browser.context.newPage();
      const errors = collectErrors(page);
      const res = await page.goto(cardUrl("fdi_registered", { lang }));
      expect(res?.headers()["content-type"]).toBe("image/svg+xml; charset=utf-8");
      const r = await page.evaluate<ReadSvg>(READ_SVG);
      expect(r.root).toBe("svg");
      expect(r.width).toBe(420);
      if (!item) expect(norm(r.empty)).toBe(norm(WORDS[lang].empty));
      else {
        expect(norm(r.label)).toBe(norm(item.label));
        expect(norm(r.value)).toBe(norm(expectedValueText(item.latest, lang)));
        const meta = norm(r.meta);
        expect(meta.startsWith(norm(formatPeriod(item.latest.period, lang)))).toBe(true);
        const change = item.previous ? formatChange(item.change, item.unit, lang) : null;
        if (change) expect(meta).toContain(norm(`${change.text} ${WORDS[lang].vs} ${formatPeriod(item.previous?.period, lang)}`));
        if (item.plan) expect(norm(r.note)).toContain(norm(formatPlan(item.plan, lang)));
        // The newest source's title, as text (cut to fit when long: the planted one is).
        const title = expectedSources(item.latest)[0]?.title ?? "";
        const shown = norm(r.source)
          .slice(norm(`${WORDS[lang].sources}:`).length)
          .trim();
        expect(norm(title).startsWith(shown.replace(/…$/, ""))).toBe(true);
        // The trend is the series in the latest figure's span kind, one vertex a point.
        const series = await apiJson<Series>(`${api}/v1/metrics/fdi_registered/series?lang=${lang}&span=${item.latest.span}`);
        const pts = (series?.points ?? []).filter((p) => p.unit === item.unit && (p.currency || null) === (item.currency || null));
        if (pts.length >= 2) expect(r.path?.match(/[ML]/g)).toHaveLength(pts.length);
        else expect(r.path).toBeNull();
      }
      // The planted headline's <img onerror> stayed text: no element, no script ran.
      expect(r.elements).not.toContain("img");
      expect(await page.evaluate(XSS_FLAG)).toBeUndefined();
      // Its own CSP (no script, inline styles only) is not violated.
      expect(errors).toEqual([]);
      await page.close();
    });
  }

  it("renders as an <img> on another origin's page, light and dark, with its text drawn", async () => {
    const { page, errors, sizes } = await openPublisher([
      { id: "light", src: cardUrl("fdi_registered", { lang: "vi" }), alt: "FDI" },
      { id: "dark", src: cardUrl("fdi_registered", { lang: "en", theme: "dark" }), alt: "FDI" },
    ]);
    expect(sizes).toEqual([
      { id: "light", w: 420, h: 202 },
      { id: "dark", w: 420, h: 202 },
    ]);
    for (const id of ["light", "dark"]) {
      const inked = await page.evaluate<number>(INKED(id));
      expect(inked, id).toBeGreaterThan(0.01);
      expect(inked, id).toBeLessThan(0.5);
    }
    expect(errors).toEqual([]);
    await page.locator("body").screenshot({ path: resolve(SHOTS, "card-svg-img.png") });
    await page.close();
  });

  it("leaves a picture for the README: a card with a change and a trend, light (vi) and dark (en)", async () => {
    // A metric the planted article does not touch, so the picture shows the plain demo data.
    const candidates = ["budget_revenue", "exports", "tourists", "retail_sales", "grdp", "fdi_registered"];
    const summary = await apiJson<Summary>(`${api}/v1/summary?lang=en&metrics=${candidates.join(",")}`);
    const clean = (summary?.items ?? []).filter((i) => i.previous && !i.latest.sources.some((s) => s.title === EVIL_TITLE));
    const metric = candidates.find((m) => clean.some((i) => i.metric === m)) ?? "fdi_registered";
    const { page } = await openPublisher([
      { id: "light", src: cardUrl(metric, { lang: "vi" }), alt: metric },
      { id: "dark", src: cardUrl(metric, { lang: "en", theme: "dark" }), alt: metric },
    ]);
    await page.setViewportSize({ width: 420 * 2 + 12 * 3, height: 202 + 24 });
    await page.locator("body").screenshot({ path: DOCS_SHOT });
    await page.close();
  });
});
