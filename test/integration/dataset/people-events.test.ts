/** People and events merge across spellings (with and without diacritics); titles keep their dates. */
import { describe, expect, it } from "vitest";
import { getAll, getJson } from "../api/api-client";
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
