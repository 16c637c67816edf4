/**
 * The SVG card as a pure function: well-formed XML for any label or title (markup characters,
 * characters XML forbids, a lone surrogate, very long text), nothing external, both themes, the
 * conflict and plan note, and the empty state.
 */
import { XMLParser, XMLValidator } from "fast-xml-parser";
import { describe, expect, it } from "vitest";
import { cardSvg, fitText, textWidth, xmlText } from "../../../workers/widget/card-svg";
import type { Observation, Series, Summary, SummaryItem } from "../../../workers/widget/contract";
import { formatPlan, WORDS } from "../../../workers/widget/format";

const HOSTILE = `<svg onload="x()"> & "quoted" 'single' ]]> <!-- \u0000\u0008\u000b\u001f \ud800 lone`;

const obs = (value: number, start: string, end: string, over: Partial<Observation> = {}): Observation => ({
  id: value,
  metric: "exports",
  geo: "hanoi",
  period: { start, end },
  value,
  unit: "currency",
  currency: "USD",
  qualifier: "exact",
  status: "agreed",
  source_count: 1,
  sources: [{ article_id: 1, url: "https://news.test/a/1", title: HOSTILE, published: "2025-01-06" }],
  span: "year",
  ...over,
});

function item(over: Partial<SummaryItem> = {}): SummaryItem {
  const latest = obs(9.2e9, "2024-01", "2024-12");
  const previous = obs(8e9, "2023-01", "2023-12");
  return {
    metric: "exports",
    label: HOSTILE,
    unit: "currency",
    currency: "USD",
    geo: "hanoi",
    latest,
    previous,
    change: { abs: 1.2e9, pct: 15 },
    ...over,
  };
}

const series = (points: Observation[]): Series => ({
  metric: "exports",
  label: "x",
  unit: "currency",
  currency: "USD",
  geo: "hanoi",
  points,
});
const summary = (i: SummaryItem): Summary => ({ items: [i] });

const ELEMENTS = ["svg", "title", "defs", "clipPath", "rect", "g", "text", "tspan", "path", "line", "circle"];
const ATTRIBUTES = [
  ...["xmlns", "width", "height", "viewBox", "role", "aria-labelledby", "lang", "data-metric", "data-theme", "id", "class", "style"],
  ...["x", "y", "rx", "x1", "x2", "y1", "y2", "cx", "cy", "r", "d", "transform", "clip-path"],
  ...["fill", "stroke", "stroke-width", "stroke-linejoin", "stroke-linecap", "font-family", "font-size", "font-weight"],
];

/** Every element and attribute name the document uses. */
function vocabulary(svg: string): { elements: string[]; attributes: string[] } {
  const elements = new Set<string>();
  const attributes = new Set<string>();
  const walk = (n: unknown) => {
    if (Array.isArray(n)) {
      for (const c of n) walk(c);
      return;
    }
    if (!n || typeof n !== "object" || "?xml" in n) return;
    for (const [k, v] of Object.entries(n as Record<string, unknown>)) {
      if (k === ":@") for (const a of Object.keys(v as object)) attributes.add(a.replace(/^@_/, ""));
      else if (k !== "#text") {
        elements.add(k);
        walk(v);
      }
    }
  };
  walk(new XMLParser({ ignoreAttributes: false, preserveOrder: true }).parse(svg));
  return { elements: [...elements], attributes: [...attributes] };
}

/** The text of every element with class `cls`, entities decoded. */
function texts(svg: string, cls: string): string[] {
  const out: string[] = [];
  const walk = (n: unknown, inside: boolean) => {
    if (Array.isArray(n)) {
      for (const c of n) walk(c, inside);
      return;
    }
    if (!n || typeof n !== "object") return;
    const rec = n as Record<string, unknown>;
    const attrs = rec[":@"] as Record<string, string> | undefined;
    const here = inside || attrs?.["@_class"] === cls;
    for (const [k, v] of Object.entries(rec)) {
      if (k === "#text" && inside) out[out.length - 1] += String(v);
      else if (k !== ":@") {
        if (here && !inside) out.push("");
        walk(v, here);
      }
    }
  };
  walk(new XMLParser({ ignoreAttributes: false, preserveOrder: true, trimValues: false }).parse(svg), false);
  return out;
}

describe("xmlText and shorten", () => {
  it("escapes markup and drops what XML 1.0 cannot carry, keeping tabs, line breaks and astral characters", () => {
    expect(xmlText(`a<b>&"c"'d'`)).toBe("a&lt;b&gt;&amp;&quot;c&quot;&apos;d&apos;");
    expect(xmlText("x\u0000\u0007\u000b\u000c\u001f\ufffe\uffffy")).toBe("xy");
    expect(xmlText("\t\n\r")).toBe("\t\n\r");
    expect(xmlText("\ud800 \udc00 😀")).toBe("  😀");
  });

  it("cuts text to a width on code points and marks the cut", () => {
    expect(fitText("abcdef", 1000, 12)).toBe("abcdef");
    const cut = fitText("abcdefghijklmnop", 60, 12);
    expect(cut.endsWith("…")).toBe(true);
    expect(textWidth(cut, 12)).toBeLessThanOrEqual(60);
    expect(fitText("😀😀😀😀😀😀", 40, 12)).toMatch(/^(😀)+…$/u);
    // Tone marks take no room: a Vietnamese line is as wide as its unmarked letters.
    expect(textWidth("Hà Nội", 13)).toBe(textWidth("Ha Noi", 13));
    expect(textWidth("641,71", 26, true)).toBeGreaterThan(textWidth("641,71", 26));
  });
});

describe("cardSvg", () => {
  it("is well-formed XML with a hostile label and source title, and shows them as text", () => {
    for (const lang of ["vi", "en", "id"] as const) {
      const svg = cardSvg({ metric: "exports", label: "unused", lang, theme: "light" }, summary(item()), series([]));
      expect(XMLValidator.validate(svg), lang).toBe(true);
      // Only the card's own elements and attributes: the title's markup never became either.
      const { elements, attributes } = vocabulary(svg);
      expect(elements.filter((e) => !ELEMENTS.includes(e))).toEqual([]);
      expect(attributes.filter((a) => !ATTRIBUTES.includes(a))).toEqual([]);
      expect(svg).not.toMatch(/<!--|]]>|<!\[CDATA/);
      const clean = ["\u0000", "\u0008", "\u000b", "\u001f", "\ud800"].reduce((t, ch) => t.replaceAll(ch, ""), HOSTILE);
      // The label is cut to fit the card; what is shown is the beginning of the label, as text.
      const label = texts(svg, "label")[0];
      expect(clean.startsWith(label.replace(/…$/, ""))).toBe(true);
      expect(texts(svg, "source")[0]).toContain(`${WORDS[lang].sources}: `);
    }
  });

  it("shortens a long title with an ellipsis and stays inside the card (clip path)", () => {
    const long = "Hà Nội ".repeat(40).trim();
    const i = item({ label: "Exports" });
    i.latest.sources = [{ article_id: 1, url: "https://news.test/a/1", title: long, published: null }];
    const svg = cardSvg({ metric: "exports", label: "Exports", lang: "en", theme: "light" }, summary(i), series([]));
    const source = texts(svg, "source")[0];
    expect(source.endsWith("…")).toBe(true);
    expect(source.length).toBeLessThan(long.length);
    expect(svg).toContain('clip-path="url(#nf-clip)"');
  });

  it("draws the trend in the latest figure's span kind, and marks a conflict point", () => {
    const pts = [
      obs(7e9, "2022-01", "2022-12"),
      obs(8e9, "2023-01", "2023-12", { status: "conflict" }),
      obs(9.2e9, "2024-01", "2024-12"),
      obs(5e9, "2025-01", "2025-09", { span: "ytd" }),
    ];
    const svg = cardSvg(
      { metric: "exports", label: "Exports", lang: "en", theme: "dark" },
      summary(item({ label: "Exports" })),
      series(pts),
    );
    expect(XMLValidator.validate(svg)).toBe(true);
    const d = /<path d="([^"]+)"/.exec(svg)?.[1] ?? "";
    expect(d.match(/[ML]/g)).toHaveLength(3);
    expect(svg.match(/<line /g)).toHaveLength(1);
    expect(svg).toContain('fill="#17191d"');
  });

  it("notes a conflict and the share of plan under the change", () => {
    const target = obs(1e10, "2024-01", "2024-12", { basis: "target" });
    const i = item({ label: "Exports", plan: { target, reached: 92 } });
    i.latest.status = "conflict";
    const svg = cardSvg({ metric: "exports", label: "Exports", lang: "en", theme: "light" }, summary(i), series([]));
    const note = texts(svg, "note")[0];
    expect(note).toContain(WORDS.en.conflict);
    expect(note).toContain(formatPlan(i.plan, "en"));
  });

  it("shows the catalog label and the empty state when the summary has no figure", () => {
    const svg = cardSvg({ metric: "tourists", label: 'Du khách <"quốc tế"> & nội địa', lang: "vi", theme: "light" }, { items: [] }, null);
    expect(XMLValidator.validate(svg)).toBe(true);
    expect(texts(svg, "label")[0]).toBe('Du khách <"quốc tế"> & nội địa');
    expect(texts(svg, "empty")[0]).toBe(WORDS.vi.empty);
  });
});
