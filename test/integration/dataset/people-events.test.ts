/** People and events merge across spellings (with and without diacritics); titles keep their dates. */
import { describe, expect, it } from "vitest";
import { get, getAll, getJson } from "../api/api-client";
import { testEnv as env } from "../test-env";
import { extraction, rewriteTestArticle, writeTestArticle } from "./fixtures";

describe("people and events across articles", () => {
  it("merges a person written with and without diacritics, with titles over time and quotes", async () => {
    await writeTestArticle(
      extraction({
        published: "2023-03-01",
        people: [{ name: "Trần Sỹ Thanh", titles: ["Chủ tịch UBND thành phố Hà Nội"] }],
        quotes: [{ speaker: "Trần Sỹ Thanh", text: "Hà Nội luôn chào đón các nhà đầu tư." }],
      }),
    );
    await writeTestArticle(
      extraction({
        lang: "en",
        published: "2024-06-01",
        people: [{ name: "Tran Sy Thanh", titles: ["Chairman of the Hanoi People's Committee"] }],
      }),
    );
    await writeTestArticle(
      extraction({ published: "2024-09-01", people: [{ name: "Trần Sỹ Thanh", titles: ["Chủ tịch UBND thành phố Hà Nội"] }] }),
    );
    const found = await getAll<{ id: string; article_count: number; quote_count: number }>("/v1/people?q=S%E1%BB%B9%20Thanh");
    expect(found).toEqual([expect.objectContaining({ id: "tran-sy-thanh", article_count: 3, quote_count: 1 })]);
    const p = await getJson<{
      name: string;
      spellings: string[];
      titles: { title: string; first_seen: string; last_seen: string; article_count: number }[];
      quotes: { text: string; article: { published: string } }[];
    }>("/v1/people/tran-sy-thanh");
    expect(p.name).toBe("Trần Sỹ Thanh");
    expect(new Set(p.spellings)).toEqual(new Set(["Trần Sỹ Thanh", "Tran Sy Thanh"]));
    expect(p.titles).toContainEqual({
      title: "Chủ tịch UBND thành phố Hà Nội",
      first_seen: "2023-03-01",
      last_seen: "2024-09-01",
      article_count: 2,
    });
    expect(p.quotes).toEqual([
      expect.objectContaining({
        text: "Hà Nội luôn chào đón các nhà đầu tư.",
        article: expect.objectContaining({ published: "2023-03-01" }),
      }),
    ]);
  });

  it("pages people most-mentioned first without losing or repeating anyone, in both sort orders", async () => {
    await writeTestArticle(
      extraction({
        people: [
          { name: "Lê Hồng Sơn", titles: [] },
          { name: "Đỗ Văn A", titles: [] },
        ],
      }),
    );
    await writeTestArticle(extraction({ people: [{ name: "Le Hong Son", titles: [] }] }));
    type P = { id: string; article_count: number };
    const whole = await getAll<P>("/v1/people?limit=200");
    const paged = await getAll<P>("/v1/people?limit=1");
    expect(paged).toEqual(whole);
    const counts = whole.map((p) => p.article_count);
    expect(counts).toEqual([...counts].sort((a, b) => b - a));
    expect(whole.find((p) => p.id === "le-hong-son")?.article_count).toBe(2);
    const byName = await getAll<P>("/v1/people?sort=name&limit=2");
    expect(byName.map((p) => p.id)).toEqual(whole.map((p) => p.id).sort());
  });

  it("keeps each person's stored counts equal to their mentions and quotes when an article is extracted again", async () => {
    const id = await writeTestArticle(
      extraction({
        people: [
          { name: "Phạm Quang Vinh", titles: ["Giám đốc Sở Tài chính", "Phó Chủ tịch"] },
          { name: "Ngô Thị Hà", titles: [] },
        ],
        quotes: [
          { speaker: "Phạm Quang Vinh", text: "Thu ngân sách vượt dự toán." },
          { speaker: "Phạm Quang Vinh", text: "Chi đầu tư công tăng." },
        ],
      }),
    );
    await writeTestArticle(extraction({ people: [{ name: "Pham Quang Vinh", titles: [] }] }));
    // Extracted again: one person gone, one new, one quote fewer.
    await rewriteTestArticle(
      id,
      extraction({
        people: [
          { name: "Phạm Quang Vinh", titles: ["Giám đốc Sở Tài chính"] },
          { name: "Đinh Văn Lộc", titles: [] },
        ],
        quotes: [{ speaker: "Phạm Quang Vinh", text: "Thu ngân sách vượt dự toán." }],
      }),
    );
    const stored = await env.DB.prepare(
      `SELECT id, article_count, quote_count,
         (SELECT count(DISTINCT article_id) FROM person_mentions WHERE person_id = people.id) AS mentioned,
         (SELECT count(*) FROM quotes WHERE person_id = people.id) AS quoted
       FROM people WHERE id IN ('pham-quang-vinh', 'ngo-thi-ha', 'dinh-van-loc') ORDER BY id`,
    ).all<{ id: string; article_count: number; quote_count: number; mentioned: number; quoted: number }>();
    expect(stored.results.map((r) => [r.id, r.article_count, r.quote_count])).toEqual([
      ["dinh-van-loc", 1, 0],
      ["ngo-thi-ha", 0, 0],
      ["pham-quang-vinh", 2, 1],
    ]);
    for (const r of stored.results) expect([r.article_count, r.quote_count], r.id).toEqual([r.mentioned, r.quoted]);
  });

  it("lists a person's newest articles and quotes with their counts, and pages through all of them without loss or repeat", async () => {
    const name = "Hoàng Minh Tuấn";
    const id = "hoang-minh-tuan";
    // 24 articles: dates in pairs (ties), six undated; some give two titles (two mentions, one
    // article), one a title no dated article gives; 0 to 3 quotes of the person each, beside a quote
    // of someone else.
    const [chief, deputy, envoy] = ["Giám đốc Sở Tài chính", "Phó Chủ tịch UBND thành phố", "Đại sứ"];
    const written: { id: number; published: string | null; titles: string[]; quotes: string[] }[] = [];
    for (let i = 0; i < 24; i++) {
      const published = i % 8 === 2 || i % 8 === 7 ? null : `${2000 + Math.floor(i / 2)}-06-15`;
      const titles = i % 5 === 4 ? [chief, deputy] : i === 2 ? [chief, envoy] : [i < 12 ? chief : deputy];
      const mine = Array.from({ length: i % 4 }, (_, k) => `Câu ${i}.${k}`);
      const articleId = await writeTestArticle(
        extraction({
          published,
          people: [
            { name: i % 3 ? name : "Hoang Minh Tuan", titles },
            { name: "Vũ Đức Khách", titles: [] },
          ],
          quotes: [{ speaker: "Vũ Đức Khách", text: `Khách ${i}` }, ...mine.map((text) => ({ speaker: name, text }))],
        }),
      );
      written.push({ id: articleId, published, titles, quotes: mine });
    }
    // Newest publication first, undated last, then the latest article; an article's quotes in text order.
    const order = [...written].sort((a, b) =>
      a.published === b.published ? b.id - a.id : a.published === null ? 1 : b.published === null ? -1 : a.published < b.published ? 1 : -1,
    );
    const articleIds = order.map((a) => a.id);
    const quoteTexts = order.flatMap((a) => a.quotes);
    expect(quoteTexts.length).toBe(36);

    type Ref = { id: number; published: string | null };
    const p = await getJson<{
      spellings: string[];
      titles: { title: string; first_seen: string | null; last_seen: string | null; article_count: number }[];
      article_count: number;
      quote_count: number;
      articles: Ref[];
      quotes: { text: string; article: Ref }[];
    }>(`/v1/people/${id}`);
    expect([p.article_count, p.quote_count]).toEqual([24, 36]);
    expect(p.articles.map((a) => a.id)).toEqual(articleIds.slice(0, 20));
    expect(p.quotes.map((q) => q.text)).toEqual(quoteTexts.slice(0, 10));
    expect(p.spellings).toEqual([name, "Hoang Minh Tuan"]); // most used first
    // Each title: its first and last publication day and its articles; earliest first.
    const titled = (title: string) => written.filter((a) => a.titles.includes(title));
    const seen = (title: string) => {
      const days = titled(title)
        .map((a) => a.published)
        .filter((d) => d !== null)
        .sort();
      return { title, first_seen: days[0], last_seen: days.at(-1), article_count: titled(title).length };
    };
    expect(p.titles).toEqual([
      { title: chief, first_seen: "2000-06-15", last_seen: "2009-06-15", article_count: 14 },
      { title: deputy, first_seen: "2002-06-15", last_seen: "2011-06-15", article_count: 14 },
      { title: envoy, first_seen: null, last_seen: null, article_count: 1 },
    ]);
    expect(p.titles).toEqual([seen(chief), seen(deputy), { ...seen(envoy), first_seen: null, last_seen: null }]);
    for (const limit of [1, 3, 200]) {
      const articles = await getAll<Ref>(`/v1/people/${id}/articles?limit=${limit}`);
      expect(
        articles.map((a) => a.id),
        `articles by ${limit}`,
      ).toEqual(articleIds);
      // Quotes by 2: an article's three quotes span two pages.
      const quotes = await getAll<{ text: string; article: Ref }>(`/v1/people/${id}/quotes?limit=${limit === 3 ? 2 : limit}`);
      expect(
        quotes.map((q) => q.text),
        `quotes by ${limit}`,
      ).toEqual(quoteTexts);
    }
    const page = await getJson<{ person_id: string; article_count: number; items: Ref[]; next_cursor: string | null }>(
      `/v1/people/${id}/articles?limit=5`,
    );
    expect([page.person_id, page.article_count, page.items.length, typeof page.next_cursor]).toEqual([id, 24, 5, "string"]);
    const quotesPage = await getJson<{ quote_count: number; next_cursor: string | null }>(`/v1/people/${id}/quotes?limit=200`);
    expect([quotesPage.quote_count, quotesPage.next_cursor]).toEqual([36, null]);
  });

  it("answers 404 for the articles or quotes of nobody, and 400 for a cursor it did not issue", async () => {
    expect((await get("/v1/people/nobody-at-all/articles")).status).toBe(404);
    expect((await get("/v1/people/nobody-at-all/quotes")).status).toBe(404);
    expect((await get("/v1/people/tran-sy-thanh/articles?cursor=aTEy")).status).toBe(400);
    expect((await get("/v1/people/tran-sy-thanh/quotes?cursor=aTEy")).status).toBe(400);
  });

  it("merges one event named with and without diacritics, and keeps an event on another day apart", async () => {
    await writeTestArticle(extraction({ events: [{ name: "Hội nghị Xúc tiến đầu tư Hà Nội", start: "2025-06-29", end: null }] }));
    await writeTestArticle(
      extraction({ lang: "id", events: [{ name: "Hoi nghi Xuc tien dau tu Ha Noi", start: "2025-06-29", end: null }] }),
    );
    await writeTestArticle(extraction({ events: [{ name: "Hội nghị Xúc tiến đầu tư Hà Nội", start: "2024-04-09", end: null }] }));
    const events = await getAll<{ key: string; start: string; article_count: number }>("/v1/events?limit=1");
    const mine = events.filter((e) => e.key.startsWith("hoi-nghi-xuc-tien-dau-tu-ha-noi@"));
    expect(mine.map((e) => [e.start, e.article_count])).toEqual([
      ["2025-06-29", 2],
      ["2024-04-09", 1],
    ]);
    const only2024 = await getAll<{ start: string }>("/v1/events?from=2024-01&to=2024-12");
    expect(only2024.map((e) => e.start)).toEqual(["2024-04-09"]);
  });
});
