/**
 * The counter rows behind /v1/stats, /v1/sources and /v1/metrics are kept by triggers: after any
 * inserts, status changes, re-extractions and deletes they equal counting the tables themselves.
 */
import { describe, expect, it } from "vitest";
import { extraction, fact, rewriteTestArticle, writeTestArticle } from "../dataset/fixtures";
import { testEnv as env } from "../test-env";

async function all(sql: string) {
  return (await env.DB.prepare(sql).all()).results;
}

async function expectCountersMatchTables() {
  expect(await all("SELECT source_id, status, n FROM article_counts WHERE n > 0 ORDER BY 1, 2")).toEqual(
    await all("SELECT coalesce(source_id, '') AS source_id, status, count(*) AS n FROM articles GROUP BY 1, 2 ORDER BY 1, 2"),
  );
  expect(await all("SELECT metric, facts FROM metric_counts WHERE facts > 0 ORDER BY 1")).toEqual(
    await all("SELECT metric, count(*) AS facts FROM facts GROUP BY 1 ORDER BY 1"),
  );
  expect(await all("SELECT metric, observations, conflicts FROM metric_counts WHERE observations > 0 ORDER BY 1")).toEqual(
    await all("SELECT metric, count(*) AS observations, sum(status = 'conflict') AS conflicts FROM observations GROUP BY 1 ORDER BY 1"),
  );
  expect(await all("SELECT n FROM table_counts WHERE name = 'people'")).toEqual(await all("SELECT count(*) AS n FROM people"));
}

describe("counter rows", () => {
  it("equal the tables' own counts after writes, status changes, re-extractions and deletes", async () => {
    await env.DB.prepare(
      "INSERT INTO sources (id, name, kind, url) VALUES ('count-src', 'Counted', 'rss', 'https://news.test/feed')",
    ).run();
    await env.DB.prepare(
      "INSERT INTO articles (url, source_id) VALUES ('https://news.test/c/1', 'count-src'), ('https://news.test/c/2', 'count-src')",
    ).run();
    await env.DB.prepare("UPDATE articles SET status = 'failed', reason = 'http 500' WHERE url = 'https://news.test/c/2'").run();
    const geo = "count-geo";
    const a = await writeTestArticle(
      extraction({
        facts: [fact({ metric: "exports", value: 100, geo }), fact({ metric: "imports", value: 50, geo })],
        people: [{ name: "Nguyễn Văn Đếm", titles: ["Giám đốc"] }],
      }),
    );
    await writeTestArticle(extraction({ facts: [fact({ metric: "exports", value: 180, geo })] }));
    await expectCountersMatchTables();
    expect(await all("SELECT conflicts FROM metric_counts WHERE metric = 'exports'")).toEqual([{ conflicts: expect.any(Number) }]);
    // The conflict goes when article a is corrected to agree; imports loses its only fact.
    await rewriteTestArticle(a, extraction({ facts: [fact({ metric: "exports", value: 180, geo })] }));
    await expectCountersMatchTables();
    await env.DB.prepare("DELETE FROM articles WHERE url = 'https://news.test/c/2'").run();
    await env.DB.prepare("UPDATE articles SET source_id = 'count-src' WHERE id = ?").bind(a).run();
    await expectCountersMatchTables();
  });
});
