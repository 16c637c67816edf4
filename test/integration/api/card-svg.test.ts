/**
 * GET /v1/metrics/{id}/card.svg in workerd: an SVG image with a strict CSP, cached by dataset
 * version, well-formed XML however hostile the article's headline, the same figure as
 * /v1/summary; 404 for an unknown metric, 400 for a bad parameter.
 */
import { XMLParser, XMLValidator } from "fast-xml-parser";
import { describe, expect, it } from "vitest";
import type { Summary } from "../../../workers/widget/contract";
import { formatChange, formatPeriod, formatValue, WORDS } from "../../../workers/widget/format";
import { extraction, fact, writeTestArticle } from "../dataset/fixtures";
import { get, getJson, readProblem } from "./api-client";

/** A headline with every character that breaks XML when pasted raw, and a control character XML forbids outright. */
const HOSTILE_TITLE = "Xuất khẩu <b>\"tăng\"</b> & <i>'kỷ lục'</i>\u0001";
const GEO = "svg-geo";

/** Two years of exports for GEO, the newer from the hostile article. */
async function plantExports(): Promise<void> {
  await writeTestArticle(
    extraction({
      title: "Xuất khẩu 2023",
      published: "2024-01-05",
      facts: [fact({ metric: "exports", value: 8_000_000_000, geo: GEO, period: { start: "2023-01", end: "2023-12" } })],
    }),
  );
  await writeTestArticle(
    extraction({
      title: HOSTILE_TITLE,
      published: "2025-01-06",
      facts: [fact({ metric: "exports", value: 9_200_000_000, geo: GEO, period: { start: "2024-01", end: "2024-12" } })],
    }),
  );
}

/** Every text node of a parsed XML tree, in document order, joined by spaces. */
function allText(node: unknown): string {
  if (typeof node === "string" || typeof node === "number") return String(node);
  if (Array.isArray(node)) return node.map(allText).join(" ");
  if (node && typeof node === "object")
    return Object.entries(node)
      .filter(([k]) => !k.startsWith(":@"))
      .map(([, v]) => allText(v))
      .join(" ");
  return "";
}

/** The text of the <text class="…"> element, from the parsed (order-preserving) tree. */
function textOf(tree: unknown, cls: string): string | null {
  let found: string | null = null;
  const walk = (n: unknown) => {
    if (found !== null || !n || typeof n !== "object") return;
    if (Array.isArray(n)) {
      for (const c of n) walk(c);
      return;
    }
    const rec = n as Record<string, unknown>;
    const attrs = rec[":@"] as Record<string, string> | undefined;
    if ("text" in rec && attrs?.["@_class"] === cls) found = allText(rec.text);
    else for (const [k, v] of Object.entries(rec)) if (k !== ":@") walk(v);
  };
  walk(tree);
  return found;
}

const parser = new XMLParser({ ignoreAttributes: false, preserveOrder: true, trimValues: false, processEntities: true });
const norm = (s: string | null) => (s ?? "").replace(/[\s\u00a0\u202f]+/g, " ").trim();

describe("GET /v1/metrics/{id}/card.svg", () => {
  it("answers an SVG image with a strict CSP, cacheable by dataset version", async () => {
    await plantExports();
    const url = `/v1/metrics/exports/card.svg?lang=en&geo=${GEO}`;
    const res = await get(url);
    expect(res.status).toBe(200);
    expect(res.headers.get("content-type")).toBe("image/svg+xml; charset=utf-8");
    expect(res.headers.get("content-security-policy")).toBe("default-src 'none'; style-src 'unsafe-inline'");
    expect(res.headers.get("x-content-type-options")).toBe("nosniff");
    expect(res.headers.get("cross-origin-resource-policy")).toBe("cross-origin");
    expect(res.headers.get("access-control-allow-origin")).toBe("*");
    expect(res.headers.get("cache-control")).toBe("public, max-age=60");
    expect(res.headers.get("x-cache")).toBe("miss");
    const etag = res.headers.get("etag") ?? "";
    expect(etag).toMatch(/^"v\d+-[0-9a-f]{8}"$/);
    const body = await res.text();

    expect((await get(url, { "if-none-match": etag })).status).toBe(304);
    // The stored copy lands after the response: poll until it answers, headers and all.
    let again = await get(url);
    for (let i = 0; i < 100 && again.headers.get("x-cache") !== "hit"; i++) {
      await again.arrayBuffer();
      await new Promise((r) => setTimeout(r, 50));
      again = await get(url);
    }
    expect(again.headers.get("x-cache")).toBe("hit");
    expect(again.headers.get("content-type")).toBe("image/svg+xml; charset=utf-8");
    expect(again.headers.get("content-security-policy")).toBe("default-src 'none'; style-src 'unsafe-inline'");
    expect(await again.text()).toBe(body);

    // Another theme is another URL: another ETag.
    const dark = await get(`/v1/metrics/exports/card.svg?lang=en&geo=${GEO}&theme=dark`);
    expect(dark.headers.get("etag")).not.toBe(etag);
    const darkBody = await dark.text();
    expect(darkBody).toContain('fill="#17191d"');
    expect(body).toContain('fill="#fff"');
  });

  it("stays well-formed XML with a headline full of markup characters, and shows it as text", async () => {
    await plantExports();
    for (const lang of ["vi", "en", "id"] as const) {
      const body = await (await get(`/v1/metrics/exports/card.svg?lang=${lang}&geo=${GEO}`)).text();
      expect(XMLValidator.validate(body), lang).toBe(true);
      expect(body).not.toMatch(/<script|<foreignObject|<image|\shref=|xlink:|@import|@font-face/i);
      // The only URL reference is the card's own clip path; the only http(s) string the SVG namespace.
      expect(body.match(/url\([^)]*\)/g)).toEqual(["url(#nf-clip)"]);
      expect(body.match(/https?:\/\/[^"\s]+/g)).toEqual(["http://www.w3.org/2000/svg"]);
      const tree = parser.parse(body);
      const source = norm(textOf(tree, "source"));
      expect(source.startsWith(`${WORDS[lang].sources}:`)).toBe(true);
      // The title, minus the control character XML cannot carry, as plain text.
      expect(source).toContain(norm(HOSTILE_TITLE.replace("\u0001", "")));
    }
  });

  it("shows what /v1/summary reports: value, period, change against the previous period, a trend of the series", async () => {
    await plantExports();
    for (const lang of ["vi", "en", "id"] as const) {
      const summary = await getJson<Summary>(`/v1/summary?lang=${lang}&geo=${GEO}&metrics=exports`);
      const item = summary.items[0];
      expect(item.previous).not.toBeNull();
      const tree = parser.parse(await (await get(`/v1/metrics/exports/card.svg?lang=${lang}&geo=${GEO}`)).text());
      expect(norm(textOf(tree, "label"))).toBe(norm(item.label));
      expect(norm(textOf(tree, "value"))).toBe(norm(formatValue(item.latest.value, item.unit, item.currency, lang)));
      const meta = norm(textOf(tree, "meta"));
      expect(meta).toContain(norm(formatPeriod(item.latest.period, lang)));
      expect(meta).toContain(norm(formatChange(item.change, item.unit, lang)?.text ?? "?"));
      expect(meta).toContain(norm(`${WORDS[lang].vs} ${formatPeriod(item.previous?.period, lang)}`));
    }
    const body = await (await get(`/v1/metrics/exports/card.svg?lang=en&geo=${GEO}`)).text();
    // Two years, so a line through two points.
    expect(/<path d="(M[\d.]+ [\d.]+L[\d.]+ [\d.]+)"/.exec(body)?.[1]).toBeTruthy();
  });

  it("shows the label and the empty state for a known metric with no figure yet", async () => {
    const body = await (await get("/v1/metrics/tourists/card.svg?lang=vi&geo=svg-empty")).text();
    expect(XMLValidator.validate(body)).toBe(true);
    const tree = parser.parse(body);
    const catalog = await getJson<{ items: { id: string; label: string }[] }>("/v1/metrics?lang=vi");
    expect(norm(textOf(tree, "label"))).toBe(norm(catalog.items.find((m) => m.id === "tourists")?.label ?? "?"));
    expect(norm(textOf(tree, "empty"))).toBe(norm(WORDS.vi.empty));
  });

  it("answers a 404 problem for an unknown metric and a 400 problem naming a bad lang, theme, geo or id", async () => {
    const missing = await get("/v1/metrics/no_such_metric/card.svg");
    expect(missing.status).toBe(404);
    const err = await readProblem(missing, "not-found", "/v1/metrics/no_such_metric/card.svg");
    expect(err.detail).toContain("no_such_metric");

    for (const [path, param] of [
      ["/v1/metrics/exports/card.svg?lang=fr", "lang"],
      ["/v1/metrics/exports/card.svg?theme=blue", "theme"],
      ["/v1/metrics/exports/card.svg?geo=%3Cx%3E", "geo"],
      ["/v1/metrics/EXPORTS!/card.svg", "id"],
    ]) {
      const res = await get(path);
      expect(res.status, path).toBe(400);
      const body = await readProblem(res, "invalid-parameters", path);
      expect(body.issues?.map((i) => i.param)).toContain(param);
    }
  });

  it("is documented in /openapi.json with its parameters and its 200, 400 and 404 answers", async () => {
    const doc = await getJson<{
      paths: Record<string, { get: { summary: string; parameters: { name: string }[]; responses: Record<string, { content?: object }> } }>;
    }>("/openapi.json");
    const op = doc.paths["/v1/metrics/{id}/card.svg"]?.get;
    expect(op?.summary).toMatch(/SVG/);
    expect(op?.parameters.map((p) => p.name)).toEqual(expect.arrayContaining(["id", "lang", "theme", "geo"]));
    expect(Object.keys(op?.responses ?? {})).toEqual(expect.arrayContaining(["200", "400", "404"]));
    expect(Object.keys(op?.responses["200"].content ?? {})).toEqual(["image/svg+xml"]);
  });
});
