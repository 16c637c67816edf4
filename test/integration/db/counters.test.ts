/**
 * The counter rows behind /v1/stats, /v1/sources and /v1/metrics, a person's titles and spellings
 * and a breakdown's dimensions are kept by triggers, and so are the publication dates mentions and
 * quotes copy from their article: after any inserts, status changes, re-extractions and deletes
 * they equal counting (or reading) the tables themselves.
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
  expect(await all("SELECT person_id, title, name_as_written, mentions FROM person_mention_counts ORDER BY 1, 2, 3")).toEqual(
    await all("SELECT person_id, title, name_as_written, count(*) AS mentions FROM person_mentions GROUP BY 1, 2, 3 ORDER BY 1, 2, 3"),
  );
  expect(await all("SELECT metric, geo, part_dimension, n FROM slice_counts ORDER BY 1, 2, 3")).toEqual(
    await all(`SELECT metric, geo, part_dimension, count(*) AS n FROM observations WHERE basis = 'actual' AND part_dimension <> ''
      GROUP BY 1, 2, 3 ORDER BY 1, 2, 3`),
  );
  // Mentions and quotes carry their article's publication date.
  for (const table of ["person_mentions", "quotes"])
    expect(
      await all(`SELECT x.article_id FROM ${table} x JOIN articles a ON a.id = x.article_id WHERE x.published IS NOT a.published`),
      table,
    ).toEqual([]);
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
    const market = (member: string, value: number) => fact({ metric: "exports", value, geo, part: { dimension: "market", member } });
    const a = await writeTestArticle(
      extraction({
        facts: [fact({ metric: "exports", value: 100, geo }), fact({ metric: "imports", value: 50, geo }), market("US", 30)],
        people: [{ name: "Nguyễn Văn Đếm", titles: ["Giám đốc", "Phó Chủ tịch"] }],
        quotes: [{ speaker: "Nguyễn Văn Đếm", text: "Đếm đủ." }],
      }),
    );
    const b = await writeTestArticle(
      extraction({
        published: null,
        facts: [fact({ metric: "exports", value: 180, geo }), market("US", 30), market("JP", 20)],
        people: [{ name: "Nguyen Van Dem", titles: ["Giám đốc"] }],
      }),
    );
    await expectCountersMatchTables();
    expect(await all("SELECT conflicts FROM metric_counts WHERE metric = 'exports'")).toEqual([{ conflicts: expect.any(Number) }]);
    expect(await all(`SELECT n FROM slice_counts WHERE geo = '${geo}'`)).toEqual([{ n: 2 }]);
    // The conflict goes when article a is corrected to agree; imports loses its only fact, the US its
    // slice from a, the person a title; the article's date changes.
    await rewriteTestArticle(
      a,
      extraction({
        published: "2023-04-05",
        facts: [fact({ metric: "exports", value: 180, geo })],
        people: [{ name: "Nguyễn Văn Đếm", titles: ["Giám đốc"] }],
        quotes: [{ speaker: "Nguyễn Văn Đếm", text: "Đếm lại." }],
      }),
    );
    await expectCountersMatchTables();
    expect(await all("SELECT published FROM quotes WHERE text = 'Đếm lại.'")).toEqual([{ published: "2023-04-05" }]);
    await env.DB.prepare("UPDATE articles SET published = '2022-02-02' WHERE id = ?").bind(a).run();
    await expectCountersMatchTables();
    await env.DB.prepare("DELETE FROM articles WHERE url = 'https://news.test/c/2'").run();
    await env.DB.prepare("UPDATE articles SET source_id = 'count-src' WHERE id = ?").bind(a).run();
    await expectCountersMatchTables();
    // A deleted article takes its mentions and quotes along (the cascade fires the triggers).
    await env.DB.prepare("DELETE FROM articles WHERE id = ?").bind(b).run();
    await expectCountersMatchTables();
    expect(await all("SELECT name_as_written FROM person_mention_counts WHERE person_id = 'nguyen-van-dem'")).toEqual([
      { name_as_written: "Nguyễn Văn Đếm" },
    ]);
  });
});
