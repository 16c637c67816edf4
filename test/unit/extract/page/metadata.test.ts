import { describe, expect, it } from "vitest";
import { parseDate } from "../../../../workers/extract/page/dates";
import { readHtmlPage } from "../../../../workers/extract/page/read-page";

const BODY =
  "<article><p>Hà Nội tiếp tục đẩy mạnh thu hút nguồn đầu tư từ các đối tác trọng điểm như Nhật Bản, Hàn Quốc, Singapore, Mỹ và Liên minh châu Âu trong năm tới.</p></article>";
const withHead = (head: string, body = BODY) => `<html><head>${head}</head><body>${body}</body></html>`;
const published = (head: string, body?: string, url: string | null = null) => readHtmlPage(withHead(head, body), url).published;

describe("publication date sources", () => {
  it("reads JSON-LD datePublished, also inside @graph, ignoring dateModified", () => {
    expect(
      published(
        `<script type="application/ld+json">{"@type":"NewsArticle","dateModified":"2024-12-20T08:00:00+07:00","datePublished":"2024-12-11T18:45:00+07:00"}</script>`,
      ),
    ).toBe("2024-12-11");
    expect(
      published(
        `<script type="application/ld+json">{"@context":"https://schema.org","@graph":[{"@type":"WebSite","name":"X"},{"@type":"NewsArticle","datePublished":"2023-11-02T05:00:00+07:00"}]}</script>`,
      ),
    ).toBe("2023-11-02");
  });

  it("keeps the local day of an ISO time with an offset", () => {
    expect(published(`<meta property="article:published_time" content="2024-12-11T23:30:00+07:00">`)).toBe("2024-12-11");
  });

  it("moves a UTC timestamp to the local day the page also writes", () => {
    const head = `<meta property="article:published_time" content="2023-11-09T01:09:55+00:00">`;
    const body = `${BODY}<div class="time"><time datetime="2023-11-08 18:09:55">November 8, 2023 at 6:09 p.m.</time></div>`;
    expect(published(head, body)).toBe("2023-11-08");
  });

  it("reads the usual meta tags", () => {
    for (const tag of [
      `<meta property="og:published_time" content="2020-10-30">`,
      `<meta itemprop="datePublished" content="2020-10-30T15:00:00+07:00">`,
      `<meta name="parsely-pub-date" content="2020-10-30T08:00:00Z">`,
      `<meta name="DC.date" content="2020-10-30">`,
      `<meta name="sailthru.date" content="2020-10-30 10:11:12">`,
      `<meta name="pubdate" content="20201030">`,
    ])
      expect(published(tag), tag).toBe("2020-10-30");
  });

  it("prefers the publication date over a modified date in meta tags", () => {
    expect(
      published(
        `<meta property="article:modified_time" content="2024-12-20"><meta property="article:published_time" content="2024-12-11">`,
      ),
    ).toBe("2024-12-11");
  });

  it("reads <time datetime> and itemprop dates in the body", () => {
    expect(published("", `${BODY}<time class="published" datetime="2024-05-08T09:00:00-04:00">May 8, 2024</time>`)).toBe("2024-05-08");
    expect(published("", `<span itemprop="datePublished" content="2024-05-08">8 May</span>${BODY}`)).toBe("2024-05-08");
  });

  it("reads the date in the URL path", () => {
    expect(published("", BODY, "https://example.com/news/2024/12/11/ha-noi.html")).toBe("2024-12-11");
    expect(published("", BODY, "https://example.vn/ha-noi-20241211093000.htm")).toBe("2024-12-11");
  });

  it("reads a dated byline above the article when nothing else dates the page", () => {
    const body = `<h1>Hà Nội đặt trọng tâm thu hút đầu tư</h1><div class="meta"><span>Thứ Tư, 11/12/2024 18:45 (GMT+7)</span></div>${BODY}`;
    expect(published("", body)).toBe("2024-12-11");
  });

  it("parses dates as pages write them", () => {
    expect(parseDate("Wed, 11 Dec 2024 16:30:00 GMT")).toBe("2024-12-11");
    expect(parseDate("December 11, 2024")).toBe("2024-12-11");
    expect(parseDate("11 Desember 2024")).toBe("2024-12-11");
    expect(parseDate("ngày 11 tháng 12 năm 2024")).toBe("2024-12-11");
    expect(parseDate("1733900000")).toBe("2024-12-11");
    expect(parseDate("31/02/2024")).toBeNull();
  });
});

describe("title, author, canonical URL, language", () => {
  const head = `<title>Hà Nội đặt trọng tâm thu hút đầu tư - Thời báo Thủ Đô</title><link rel="canonical" href="https://example.vn/a.html"><meta name="author" content="Thời báo Thủ Đô"><meta property="og:site_name" content="Thời báo Thủ Đô">`;

  it("strips the site name from <title> and reads the canonical link", () => {
    const page = readHtmlPage(`<html lang="vi-VN"><head>${head}</head><body>${BODY}</body></html>`, null);
    expect(page.title).toBe("Hà Nội đặt trọng tâm thu hút đầu tư");
    expect(page.canonicalUrl).toBe("https://example.vn/a.html");
    expect(page.htmlLang).toBe("vi");
  });

  it("does not take the site name as the author when a person is named", () => {
    const page = readHtmlPage(`<html><head>${head}</head><body><p class="article-author">Bình An</p>${BODY}</body></html>`, null);
    expect(page.author).toBe("Bình An");
  });

  it("prefers og:title over an h1 that differs", () => {
    const page = readHtmlPage(
      withHead(`<meta property="og:title" content="Hà Nội mong các cơ quan đại diện đồng hành">`, `<h1>Tin nổi bật</h1>${BODY}`),
      null,
    );
    expect(page.title).toBe("Hà Nội mong các cơ quan đại diện đồng hành");
  });

  it("resolves a relative canonical link against the page URL", () => {
    const page = readHtmlPage(withHead(`<link rel="canonical" href="/tin-tuc/a.html">`), "https://example.vn/tin-tuc/a.html?utm=x");
    expect(page.canonicalUrl).toBe("https://example.vn/tin-tuc/a.html");
  });
});
