/**
 * A CSV row names the newest 100 articles of its observation, newest first: a figure every paper
 * repeats gathers thousands, and a row (and the page of rows the export holds in memory) must not
 * grow with them. article_count still counts every article.
 */
import { parse } from "csv-parse/browser/esm/sync";
import { describe, expect, it } from "vitest";
import { extraction, fact, writeTestArticle } from "../dataset/fixtures";
import { get } from "./api-client";

describe("observations.csv source_urls", () => {
  it("lists the newest 100 of 104 articles, newest publication first, and counts all 104", async () => {
    const geo = "csv-many";
    const urls: string[] = [];
    for (let i = 0; i < 104; i++) {
      const day = new Date(Date.UTC(2024, 0, 1 + i)).toISOString().slice(0, 10);
      const url = `https://news.test/csv-many/${i}`;
      await writeTestArticle(
        extraction({ published: day, facts: [fact({ metric: "tourists", value: 5000, unit: "count", currency: undefined, geo })] }),
        url,
      );
      urls.push(url);
    }
    const res = await get("/v1/export/observations.csv", { "cache-control": "no-cache", authorization: "Bearer test-admin-token" });
    expect(res.status).toBe(200);
    const rows = parse(await res.text(), { columns: true }) as Record<string, string>[];
    const row = rows.find((r) => r.geo === geo);
    expect(row?.article_count).toBe("104");
    expect(row?.source_urls.split(" ")).toEqual(urls.reverse().slice(0, 100));
  }, 60_000);
});
