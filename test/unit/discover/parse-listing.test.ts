import { describe, expect, it } from "vitest";
import { ListingError, parseListing } from "../../../workers/discover/parse-listing";

const BASE = "https://news.example.vn/rss.xml";

describe("parseListing", () => {
  it("reads RSS 2.0 items with their titles and dates", () => {
    const rss = `<?xml version="1.0" encoding="UTF-8"?><rss version="2.0"><channel><title>Thời sự</title>
      <item><title>Hà Nội thu hút 2.067 triệu USD vốn FDI</title><link>https://news.example.vn/a.html</link><pubDate>Wed, 11 Dec 2024 18:45:00 +0700</pubDate></item>
      <item><title>Đối ngoại &amp; hội nhập</title><link>/b.html</link></item></channel></rss>`;
    const listing = parseListing(rss, BASE);
    expect(listing).toEqual({
      kind: "feed",
      entries: [
        {
          url: "https://news.example.vn/a.html",
          title: "Hà Nội thu hút 2.067 triệu USD vốn FDI",
          published: "Wed, 11 Dec 2024 18:45:00 +0700",
        },
        { url: "https://news.example.vn/b.html", title: "Đối ngoại & hội nhập", published: undefined },
      ],
    });
  });

  it("reads Atom entries through their alternate link", () => {
    const atom = `<?xml version="1.0"?><feed xmlns="http://www.w3.org/2005/Atom"><title>x</title>
      <entry><title>Hanoi FDI</title><link rel="self" href="https://news.example.vn/self"/><link rel="alternate" href="https://news.example.vn/en/fdi.html"/><published>2024-12-11T10:00:00Z</published></entry></feed>`;
    expect(parseListing(atom, BASE)).toEqual({
      kind: "feed",
      entries: [{ url: "https://news.example.vn/en/fdi.html", title: "Hanoi FDI", published: "2024-12-11T10:00:00Z" }],
    });
  });

  it("reads a Google News sitemap and a sitemap index", () => {
    const news = `<?xml version="1.0"?><urlset xmlns="http://www.sitemaps.org/schemas/sitemap/0.9" xmlns:news="http://www.google.com/schemas/sitemap-news/0.9">
      <url><loc>https://news.example.vn/a.html</loc><news:news><news:publication_date>2024-12-11</news:publication_date><news:title>A</news:title></news:news></url></urlset>`;
    expect(parseListing(news, BASE)).toEqual({
      kind: "urlset",
      entries: [{ url: "https://news.example.vn/a.html", title: "A", published: "2024-12-11" }],
    });
    const index = `<?xml version="1.0"?><sitemapindex xmlns="http://www.sitemaps.org/schemas/sitemap/0.9"><sitemap><loc>https://news.example.vn/s1.xml</loc></sitemap><sitemap><loc>https://news.example.vn/s2.xml</loc></sitemap></sitemapindex>`;
    expect(parseListing(index, BASE)).toEqual({
      kind: "sitemapindex",
      sitemaps: ["https://news.example.vn/s1.xml", "https://news.example.vn/s2.xml"],
    });
  });

  it("takes article-like links of the same site from an HTML page list", () => {
    const html = `<html><body><nav><a href="/">Trang chủ</a><a href="/thoi-su">Thời sự</a></nav>
      <a href="/tin-tuc/ha-noi-dat-trong-tam-thu-hut-dau-tu.html">A</a><a href="https://other.example.com/x-y-z-w.html">B</a>
      <a href="/kinh-te/ha-noi-thu-hut-von-fdi-dung-thu-5-ca-nuoc">C</a></body></html>`;
    const listing = parseListing(html, "https://news.example.vn/thoi-su");
    expect(listing.kind).toBe("html");
    expect(listing.kind === "html" && listing.entries.map((e) => e.url)).toEqual([
      "https://news.example.vn/tin-tuc/ha-noi-dat-trong-tam-thu-hut-dau-tu.html",
      "https://news.example.vn/kinh-te/ha-noi-thu-hut-von-fdi-dung-thu-5-ca-nuoc",
    ]);
  });

  it("reports broken XML instead of reading half of it", () => {
    expect(() => parseListing(`<?xml version="1.0"?><rss><channel><item><link>https://a.vn/x.html</link></item>`, BASE)).toThrow(
      ListingError,
    );
    expect(() => parseListing(`<?xml version="1.0"?><rss><channel><item><link>https://a.vn/x.html</link></item>`, BASE)).toThrow(
      /broken XML/,
    );
  });
});
