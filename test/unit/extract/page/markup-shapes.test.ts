import { describe, expect, it } from "vitest";
import { extract } from "../../../../workers/extract";

/**
 * The shapes news sites wrap an article in, generated here (no third-party page is kept in the repository):
 * the article's own words must come out whole, the site's furniture must not, and the page's date and
 * language must be read from where each shape puts them.
 */
const ARTICLE = [
  "Hanoi's exports reached 12 billion USD in the first half of 2024, up 8 percent year on year, the city's statistics office said.",
  "Electronics and garments made up most of the shipments, while farm produce fell slightly as prices eased in regional markets.",
  "Officials expect the second half to be stronger as new orders arrive from partners in Europe and North America.",
];
const FURNITURE = ["Most read", "Subscribe to our newsletter", "Related news", "Leave a comment", "Cookie settings", "All rights reserved"];

const nav = `<nav><ul>${["Home", "Economy", "World", "Sport"].map((s) => `<li><a href="/${s}">${s}</a></li>`).join("")}</ul></nav>`;
const related = `<aside class="related"><h3>Related news</h3><ul>${[1, 2, 3]
  .map((i) => `<li><a href="/r${i}">Province reports ${i * 7}% rise in tourist numbers</a></li>`)
  .join("")}</ul></aside>`;
const footer = `<footer><p>Most read</p><p>Subscribe to our newsletter</p><p>Cookie settings</p><p>© 2024 Example News. All rights reserved</p></footer>`;
const comments = `<section id="comments"><h3>Leave a comment</h3><form><textarea></textarea><button>Send</button></form></section>`;
const paragraphs = ARTICLE.map((p) => `<p>${p}</p>`).join("\n");

const SHAPES: Record<string, string> = {
  "an <article> with meta tags": `<!doctype html><html lang="en"><head><title>Hanoi exports up 8% | Example News</title>
    <meta property="article:published_time" content="2024-07-02T08:30:00+07:00"></head>
    <body>${nav}<main><article><h1>Hanoi exports up 8%</h1>${paragraphs}</article>${related}</main>${comments}${footer}</body></html>`,
  "div soup with a JSON-LD date": `<html><head><title>Hanoi exports up 8%</title>
    <script type="application/ld+json">{"@context":"https://schema.org","@type":"NewsArticle","headline":"Hanoi exports up 8%","datePublished":"2024-07-02"}</script></head>
    <body><div class="wrap">${nav}<div class="col-left"><div class="detail-content">${ARTICLE.map((p) => `<div class="para">${p}</div>`).join("")}</div></div>
    <div class="col-right">${related}<div class="ads">Advertisement</div></div></div>${footer}</body></html>`,
  "a table layout with a dateline in the byline": `<html><head><title>Hanoi exports up 8%</title></head><body>
    <table><tr><td>${nav}</td></tr><tr><td class="byline">Tuesday, 02/07/2024 08:30</td></tr>
    <tr><td class="content">${paragraphs}</td><td>${related}</td></tr><tr><td>${footer}</td></tr></table></body></html>`,
  "text broken by <br> inside one block": `<html lang="en"><head><title>Hanoi exports up 8%</title>
    <meta name="pubdate" content="2024-07-02"></head><body>${nav}<div id="content">${ARTICLE.join("<br><br>")}</div>${footer}</body></html>`,
};

describe("extract() on generated page shapes", () => {
  for (const [shape, html] of Object.entries(SHAPES))
    it(`keeps the article and drops the furniture: ${shape}`, () => {
      const out = extract({ body: html, kind: "html", url: "https://news.example/economy/hanoi-exports" });
      for (const sentence of ARTICLE) expect(out.text).toContain(sentence);
      for (const bit of FURNITURE) expect(out.text).not.toContain(bit);
      expect(out.text).not.toMatch(/tourist numbers/);
      expect(out.lang).toBe("en");
      expect(out.published).toBe("2024-07-02");
      expect(out.facts.find((f) => f.metric === "exports")).toMatchObject({ value: 12e9, currency: "USD" });
    });

  it("survives truncated and malformed markup", () => {
    const page = SHAPES["an <article> with meta tags"];
    for (const cut of [0, 100, 500, Math.floor(page.length / 2)])
      expect(() => extract({ body: page.slice(0, cut), kind: "html" })).not.toThrow();
    expect(() => extract({ body: "<div><p>unclosed <b>tags <table><tr><td>cell", kind: "html" })).not.toThrow();
    // Thousands of unclosed tags nest as deep as they are many: no stack overflow.
    const deep = extract({ body: `<body>${"<div><b>Hà Nội ".repeat(10000)}</body>`, kind: "html" });
    expect(deep.text).toContain("Hà Nội");
  });
});
