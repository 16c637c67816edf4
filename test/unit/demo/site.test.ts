import { mkdtempSync, readdirSync, readFileSync, rmSync, statSync } from "node:fs";
import { tmpdir } from "node:os";
import { join, relative } from "node:path";
import { parseHTML } from "linkedom";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { ARTICLES, type Article, articlePath } from "../../../demo/articles.mjs";
import { buildSite } from "../../../demo/build-site.mjs";
import { articleBlocks, SEED_LAYOUTS, type SeedLayout, seedLines } from "../../../demo/seed-layout.mjs";
import { type DemoSite, startDemoSite } from "../../../demo/server.mjs";

/** linkedom's document type (the project's tsconfig has no DOM lib). */
type Doc = ReturnType<typeof parseHTML>["document"];
type El = NonNullable<ReturnType<Doc["querySelector"]>>;

const DEMO = join(import.meta.dirname, "../../../demo");

function seedOf(layout: SeedLayout): string[] {
  return seedLines(readFileSync(join(DEMO, "seeds", layout.seed), "utf8"));
}

/** Text with runs of whitespace collapsed, as a reader sees it. */
function squash(text: string | null | undefined): string {
  return (text ?? "").replace(/\s+/g, " ").trim();
}

/** Lines of the seed that are article text (lead, paragraphs, headings, captions). */
function articleLines(layout: SeedLayout, lines: string[]): string[] {
  const out = [lines[layout.lead - 1]];
  for (const block of articleBlocks(layout, lines)) out.push(...(block.caption ?? [block.text]));
  return out;
}

describe("demo site pages", () => {
  let site: DemoSite;
  const pages = new Map<string, Doc>();

  beforeAll(async () => {
    site = await startDemoSite();
    for (const layout of SEED_LAYOUTS) {
      const html = await (await fetch(`${site.origin}${layout.path}`)).text();
      pages.set(layout.id, parseHTML(html).document);
    }
  });
  afterAll(async () => {
    await site.close();
  });

  describe.each(SEED_LAYOUTS.map((l) => [l.id, l] as const))("seed %s", (_id, layout) => {
    const lines = seedOf(layout);
    const page = () => pages.get(layout.id) as Doc;
    const article = () => page().querySelector("article.article-detail") as El;

    it("has the head a news page has: charset, 'Headline - Site' title, og:title, canonical, description", () => {
      const doc = page();
      expect(doc.querySelector("meta[charset]")?.getAttribute("charset")).toBe("utf-8");
      expect(doc.title).toBe(`${layout.headline} - Thời báo Thủ Đô`);
      expect(doc.querySelector('meta[property="og:title"]')?.getAttribute("content")).toBe(layout.headline);
      expect(doc.querySelector('link[rel="canonical"]')?.getAttribute("href")).toBe(`${site.origin}${layout.path}`);
      expect(doc.querySelector('meta[name="description"]')?.getAttribute("content")?.length).toBeGreaterThan(50);
      expect(doc.documentElement.getAttribute("lang")).toBe(layout.lang);
    });

    it("keeps every article sentence of the seed verbatim inside the article element", () => {
      const text = squash(article().textContent);
      const wanted = articleLines(layout, lines);
      expect(wanted.length).toBeGreaterThan(10);
      for (const line of wanted) expect(text, line.slice(0, 60)).toContain(squash(line));
      expect(squash(article().querySelector("h1")?.textContent)).toBe(layout.headline);
      expect(squash(article().querySelector(".article-sapo")?.textContent)).toBe(squash(lines[layout.lead - 1]));
    });

    it("puts every other seed line in the page chrome, outside the article body", () => {
      const inArticle = new Set(articleLines(layout, lines));
      const body = squash(article().querySelector(".article-body")?.textContent);
      const whole = squash(`${page().documentElement.outerHTML} ${page().body.textContent}`)
        .replace(/&amp;/g, "&")
        .replace(/&quot;/g, '"');
      const chromeLines = lines.filter((l, i) => l.trim() !== "" && !inArticle.has(l) && i + 1 !== layout.lead);
      for (const line of chromeLines) {
        // Image alt texts repeat the headline: they belong to figures, not the body text.
        if (line !== layout.headline) expect(body, line.slice(0, 60)).not.toContain(squash(line));
        expect(whole, line.slice(0, 60)).toContain(squash(line));
      }
    });

    it("has a header with logo and 8-12 section links, a breadcrumb, a share bar, an ad slot and a footer", () => {
      const doc = page();
      expect(doc.querySelector("header.site-header .logo img")).not.toBeNull();
      const nav = doc.querySelectorAll("nav.main-nav a").length;
      expect(nav).toBeGreaterThanOrEqual(8);
      expect(nav).toBeLessThanOrEqual(12);
      expect(doc.querySelectorAll("nav.breadcrumb li").length).toBeGreaterThanOrEqual(2);
      expect(doc.querySelectorAll(".share-bar a").length).toBeGreaterThanOrEqual(3);
      expect(doc.querySelector(".ad-slot")).not.toBeNull();
      const footer = squash(doc.querySelector("footer.site-footer")?.textContent);
      expect(footer).toMatch(/Hà Nội|Hanoi/);
      expect(footer).toMatch(/\(024\)|\+84 24/);
      expect(footer).toContain("©");
    });

    it("ends the article with the author line", () => {
      const last = article().lastElementChild;
      const author = article().querySelector(".article-author");
      expect(author).not.toBeNull();
      expect([author, author?.nextElementSibling]).toContain(last);
      if ("line" in layout.author) expect(squash(author?.textContent)).toBe(lines[layout.author.line - 1]);
    });

    it("has a related-articles block whose teaser numbers never occur in the article", () => {
      const blocks = page().querySelectorAll("section.related-news");
      expect(blocks.length).toBeGreaterThan(0);
      const headings = [...blocks].map((b) => squash(b.querySelector("h2")?.textContent));
      expect(headings.every((h) => (layout.lang === "id" ? h === "Baca juga" : h === "Tin khác" || h === "Nên xem"))).toBe(true);
      const teasers = page().querySelectorAll("section.related-news article.teaser");
      expect(teasers.length).toBeGreaterThanOrEqual(3);
      const sentences = `${article().querySelector(".article-sapo")?.textContent} ${article().querySelector(".article-body")?.textContent}`;
      const articleNumbers = new Set(squash(sentences).match(/\d+(?:[.,]\d+)*/g));
      const teaserNumbers = [...teasers].flatMap((t) => squash(t.textContent).match(/\d+(?:[.,]\d+)*/g) ?? []);
      expect(teaserNumbers.length).toBeGreaterThan(0);
      // Seed 002's own teasers may repeat an article number by chance; the invented ones must not.
      if (layout.related.every((b) => "teasers" in b)) for (const n of teaserNumbers) expect(articleNumbers.has(n), n).toBe(false);
      for (const t of teasers) expect(t.querySelector("a[href] img"), squash(t.textContent)).not.toBeNull();
    });

    it("has a comment form with its language's prompt", () => {
      const form = page().querySelector("section.comments form.comment-form");
      expect(form).not.toBeNull();
      expect(form?.querySelector('input[type="email"]')).not.toBeNull();
      expect(form?.querySelector("textarea")).not.toBeNull();
      const section = squash(page().querySelector("section.comments")?.textContent);
      if (layout.lang === "vi") {
        expect(section).toContain("Trả lời");
        expect(section).toContain("Email của bạn sẽ không được hiển thị công khai. Các trường bắt buộc được đánh dấu *");
      } else {
        expect(section).toContain("Komentar (0)");
      }
    });

    it("carries publication-date meta tags exactly when the seed states the date", () => {
      const doc = page();
      const meta = doc.querySelector('meta[property="article:published_time"]')?.getAttribute("content") ?? null;
      const ld = [...doc.querySelectorAll('script[type="application/ld+json"]')].map((s) => JSON.parse(s.textContent ?? "{}"));
      const newsArticle = ld.find((x) => x["@type"] === "NewsArticle");
      const html = doc.documentElement.outerHTML;
      if (layout.published) {
        expect(meta).toMatch(/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}\+07:00$/);
        expect(meta).toBe(layout.published);
        expect(newsArticle?.datePublished).toBe(layout.published);
        expect(doc.querySelector("time[datetime]")?.getAttribute("datetime")).toBe(layout.published);
      } else {
        expect(meta).toBeNull();
        expect(newsArticle).toBeUndefined();
        expect(html).not.toMatch(/datePublished|published_time|<time/);
      }
    });
  });

  it("dates the pages the seeds date: 000 and 003 on 2024-12-11, 001 on 2020-10-30, 002 and 004 none", () => {
    const day = (id: string) =>
      pages.get(id)?.querySelector('meta[property="article:published_time"]')?.getAttribute("content")?.slice(0, 10) ?? null;
    expect(["000", "001", "002", "003", "004"].map(day)).toEqual(["2024-12-11", "2020-10-30", null, "2024-12-11", null]);
  });

  it("uses the seed's own trailing teasers for seed 002, starting after 'Nên xem'", () => {
    const doc = pages.get("002") as Doc;
    const first = doc.querySelector("section.related-news");
    expect(squash(first?.querySelector("h2")?.textContent)).toBe("Nên xem");
    const titles = [...doc.querySelectorAll("section.related-news .teaser-title")].map((t) => squash(t.textContent));
    expect(titles).toContain("Hà Nội ghi nhận thêm 258 trường hợp mắc sốt xuất huyết");
    expect(titles).toContain("Năm 2024: Quận Thanh Xuân thu ngân sách ước đạt 108,91%");
    expect(squash(doc.querySelector(".article-body")?.textContent)).not.toContain("258");
  });

  it("keeps the Indonesian page under /id/ and links it to its Vietnamese original", () => {
    const id = SEED_LAYOUTS.find((l) => l.id === "003") as SeedLayout;
    expect(id.path.startsWith("/id/")).toBe(true);
    const doc = pages.get("003") as Doc;
    expect(doc.querySelector('link[hreflang="vi"]')?.getAttribute("href")).toBe(`${site.origin}${SEED_LAYOUTS[0].path}`);
    expect(squash(doc.querySelector(".article-body")?.textContent)).not.toMatch(/\[iklan_2\]|Sumber:|Komentar/);
  });
});

describe("the project's own articles (demo/articles.mjs)", () => {
  let site: DemoSite;
  const pages = new Map<string, Doc>();
  const homes = new Map<string, Doc>();

  beforeAll(async () => {
    site = await startDemoSite();
    for (const a of ARTICLES) {
      const html = await (await fetch(`${site.origin}${articlePath(a)}`)).text();
      pages.set(a.slug, parseHTML(html).document);
    }
    for (const [lang, path] of [
      ["vi", "/"],
      ["id", "/id/"],
      ["en", "/en/"],
    ]) {
      homes.set(lang, parseHTML(await (await fetch(`${site.origin}${path}`)).text()).document);
    }
  });
  afterAll(async () => {
    await site.close();
  });

  it("has about thirty articles in three editions, dated 2019–2025, with unique slugs", () => {
    const count = (lang: Article["lang"]) => ARTICLES.filter((a) => a.lang === lang).length;
    expect(count("vi")).toBeGreaterThanOrEqual(12);
    expect(count("en")).toBeGreaterThanOrEqual(8);
    expect(count("id")).toBeGreaterThanOrEqual(6);
    expect(new Set(ARTICLES.map(articlePath)).size).toBe(ARTICLES.length);
    for (const a of ARTICLES) {
      expect(a.published, a.slug).toMatch(/^20(19|2[0-5])-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}\+07:00$/);
      expect(a.paragraphs.length, a.slug).toBeGreaterThanOrEqual(3);
      expect(a.paragraphs.length, a.slug).toBeLessThanOrEqual(8);
    }
  });

  describe.each(ARTICLES.map((a) => [a.slug, a] as const))("%s", (_slug, article) => {
    const page = () => pages.get(article.slug) as Doc;
    const detail = () => page().querySelector("article.article-detail") as El;

    it("has the seed pages' chrome: head tags, nav, breadcrumb, share bar, ad, comments, footer", () => {
      const doc = page();
      expect(doc.documentElement.getAttribute("lang")).toBe(article.lang);
      expect(doc.title).toBe(`${article.title} - Thời báo Thủ Đô`);
      expect(doc.querySelector('meta[property="og:title"]')?.getAttribute("content")).toBe(article.title);
      expect(doc.querySelector('meta[name="description"]')?.getAttribute("content")).toBe(article.lead);
      expect(doc.querySelector('link[rel="canonical"]')?.getAttribute("href")).toBe(`${site.origin}${articlePath(article)}`);
      const nav = doc.querySelectorAll("nav.main-nav a").length;
      expect(nav).toBeGreaterThanOrEqual(8);
      expect(nav).toBeLessThanOrEqual(12);
      expect(doc.querySelectorAll("nav.breadcrumb li").length).toBe(2);
      expect(doc.querySelectorAll(".share-bar a").length).toBeGreaterThanOrEqual(3);
      expect(doc.querySelector(".ad-slot")).not.toBeNull();
      expect(doc.querySelector("section.comments form.comment-form textarea")).not.toBeNull();
      expect(squash(doc.querySelector("footer.site-footer")?.textContent)).toMatch(/\+84 24|\(024\)/);
    });

    it("dates the page in the meta tag, the JSON-LD, the <time> element, the feed and the news sitemap", async () => {
      const doc = page();
      expect(doc.querySelector('meta[property="article:published_time"]')?.getAttribute("content")).toBe(article.published);
      const ld = [...doc.querySelectorAll('script[type="application/ld+json"]')].map((x) => JSON.parse(x.textContent ?? "{}"));
      expect(ld.find((x) => x["@type"] === "NewsArticle")?.datePublished).toBe(article.published);
      expect(detail().querySelector("time[datetime]")?.getAttribute("datetime")).toBe(article.published);
      const news = await (await fetch(`${site.origin}/sitemaps/news.xml`)).text();
      expect(news).toContain(`<loc>${site.origin}${articlePath(article)}</loc>`);
      expect(news).toContain(`<news:publication_date>${article.published}</news:publication_date>`);
    });

    it("puts the title, lead, every paragraph and the byline inside the article element, in order", () => {
      expect(squash(detail().querySelector("h1")?.textContent)).toBe(article.title);
      expect(squash(detail().querySelector(".article-sapo")?.textContent)).toBe(article.lead);
      const blocks = [...detail().querySelectorAll(".article-body > p, .article-body > h2")].map((b) => squash(b.textContent));
      expect(blocks).toEqual(article.paragraphs.map((p) => squash(typeof p === "string" ? p : p.h2)));
      expect(squash(detail().querySelector(".article-author")?.textContent)).toBe(article.author ?? "Thời báo Thủ Đô");
    });

    it("links related articles of its edition whose teasers share no number with it", () => {
      const teasers = [...page().querySelectorAll("section.related-news article.teaser")];
      expect(teasers.length).toBeGreaterThan(0);
      const text = [".article-title", ".article-sapo", ".article-body"].map((sel) => detail().querySelector(sel)?.textContent).join(" ");
      const own = new Set(squash(text).match(/\d+(?:[.,]\d+)*/g));
      for (const t of teasers) {
        for (const n of squash(t.textContent).match(/\d+(?:[.,]\d+)*/g) ?? []) expect(own.has(n), n).toBe(false);
        const href = t.querySelector("a[href]")?.getAttribute("href") ?? "";
        expect(
          ARTICLES.some((o) => o.lang === article.lang && `${site.origin}${articlePath(o)}` === href),
          href,
        ).toBe(true);
      }
    });

    it("is listed on its edition's home page", () => {
      const home = homes.get(article.lang) as Doc;
      expect(home.querySelector(`a[href="${site.origin}${articlePath(article)}"]`)).not.toBeNull();
    });
  });
});

describe("committed demo/site", () => {
  let outDir = "";
  beforeAll(() => {
    outDir = mkdtempSync(join(tmpdir(), "demo-site-"));
    buildSite({ outDir });
  });
  afterAll(() => rmSync(outDir, { recursive: true, force: true }));

  function listFiles(root: string): string[] {
    const out: string[] = [];
    const walk = (dir: string) => {
      for (const name of readdirSync(dir)) {
        const full = join(dir, name);
        if (statSync(full).isDirectory()) walk(full);
        else out.push(relative(root, full));
      }
    };
    walk(root);
    return out.sort();
  }

  it("is exactly what demo/build-site.mjs generates from demo/seeds", () => {
    const committed = join(DEMO, "site");
    const files = listFiles(outDir);
    expect(listFiles(committed)).toEqual(files);
    for (const rel of files) expect(readFileSync(join(committed, rel), "utf8"), rel).toBe(readFileSync(join(outDir, rel), "utf8"));
  });

  it("hard-codes no origin or port, only the placeholder", () => {
    for (const rel of listFiles(join(DEMO, "site"))) {
      const text = readFileSync(join(DEMO, "site", rel), "utf8");
      expect(text, rel).not.toMatch(/https?:\/\/(127\.0\.0\.1|localhost)|:\d{4,5}\//);
    }
  });
});
