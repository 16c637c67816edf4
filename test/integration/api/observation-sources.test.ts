/**
 * An observation lists its newest sources only (a figure every paper repeats can have thousands);
 * /v1/observations/{id}/sources pages through all of them: every (article, value) once, newest
 * publication first, undated last, whole articles per page, with the total the observation gives.
 */
import { beforeAll, describe, expect, it } from "vitest";
import { extraction, fact, writeTestArticle } from "../dataset/fixtures";
import { get, getJson, readProblem } from "./api-client";

type Source = { article_id: number; value: number; published: string | null };
type Page = { observation_id: number; source_count: number; items: Source[]; next_cursor: string | null };
type Obs = { id: number; source_count: number; values: number[]; sources: Source[] };

const GEO = "many-sources";
/** What was written: one entry per source (article, value), in the order the API must give them. */
const expected: { article_id: number; value: number; published: string | null }[] = [];

beforeAll(async () => {
  const tourists = (value: number) => fact({ metric: "tourists", value, unit: "count", currency: undefined, geo: GEO });
  for (let i = 0; i < 23; i++) {
    // Every fourth article is undated; some give the figure twice (one source), some a second value (two).
    const published = i % 4 === 3 ? null : `2025-${String((i % 12) + 1).padStart(2, "0")}-${String((i % 27) + 1).padStart(2, "0")}`;
    const facts = i % 5 === 0 ? [tourists(1000), tourists(1000)] : i % 7 === 0 ? [tourists(1000), tourists(1002)] : [tourists(1000)];
    const id = await writeTestArticle(extraction({ published, facts }));
    for (const value of [...new Set(facts.map((f) => f.value))]) expected.push({ article_id: id, value, published });
  }
  // Newest publication first, undated last, then newest article; an article's values newest fact first.
  expected.sort((a, b) => {
    if (a.published !== b.published) return a.published === null ? 1 : b.published === null ? -1 : a.published < b.published ? 1 : -1;
    return b.article_id - a.article_id || (a.value === b.value ? 0 : a.value > b.value ? -1 : 1);
  });
});

async function observation(): Promise<Obs> {
  const { items } = await getJson<{ items: Obs[] }>(`/v1/observations?geo=${GEO}&metric=tourists`);
  expect(items).toHaveLength(1);
  return items[0];
}

describe("an observation's sources", () => {
  it("lists the newest ten with the observation, and counts them all", async () => {
    const o = await observation();
    expect(o.source_count).toBe(expected.length);
    expect(o.sources).toHaveLength(10);
    expect(o.sources.map((s) => [s.article_id, s.value])).toEqual(expected.slice(0, 10).map((s) => [s.article_id, s.value]));
    expect(o.values).toEqual([1000, 1002]);
  });

  it("pages through every source once, in order, whatever the page size", async () => {
    const o = await observation();
    for (const limit of [1, 3, 7, 100]) {
      const seen: Source[] = [];
      let cursor: string | null = null;
      let pages = 0;
      do {
        const page: Page = await getJson<Page>(`/v1/observations/${o.id}/sources?limit=${limit}${cursor ? `&cursor=${cursor}` : ""}`);
        expect(page.observation_id).toBe(o.id);
        expect(page.source_count).toBe(expected.length);
        // Whole articles: a page holds at most `limit` sources unless one article alone gives more.
        expect(page.items.length <= limit || new Set(page.items.map((s) => s.article_id)).size === 1).toBe(true);
        seen.push(...page.items);
        cursor = page.next_cursor;
        expect(++pages).toBeLessThan(100);
      } while (cursor);
      expect(
        seen.map((s) => [s.article_id, s.value, s.published]),
        `limit ${limit}`,
      ).toEqual(expected.map((s) => [s.article_id, s.value, s.published]));
    }
  });

  it("answers 404 for an unknown observation and 400 for a cursor it did not issue", async () => {
    await readProblem(await get("/v1/observations/999999999/sources"), "not-found");
    const o = await observation();
    await readProblem(await get(`/v1/observations/${o.id}/sources?cursor=bm90LWEtY3Vyc29y`), "invalid-parameters");
  });
});
