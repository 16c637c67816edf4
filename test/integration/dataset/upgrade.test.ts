/**
 * A database of the schema before observation roles (migrations 0000–0003), populated, upgrades to
 * today's schema without losing a row: counts and a sample of rows compare equal, the old
 * observations become actual totals with their span kind, and a rebuild from the facts gives the same.
 */
import { applyD1Migrations } from "cloudflare:test";
import { describe, expect, it } from "vitest";
import { rebuildStatements } from "../../../workers/dataset/observations";
import { createDb } from "../../../workers/db/client";
import { testEnv as env } from "../test-env";

const BEFORE_ROLES = 4; // 0000_init … 0003_fact_roles

async function populate(db: D1Database): Promise<void> {
  const stmts = [
    "INSERT INTO sources (id, name, kind, url) VALUES ('s1', 'Demo', 'rss', 'http://127.0.0.1/rss.xml')",
    "INSERT INTO articles (id, url, source_id, status, lang, title, published, fact_count) VALUES (1, 'http://127.0.0.1/a', 's1', 'extracted', 'vi', 'A', '2025-01-05', 3)",
    "INSERT INTO articles (id, url, source_id, status, lang, title, published, fact_count) VALUES (2, 'http://127.0.0.1/b', 's1', 'extracted', 'en', 'B', '2024-10-02', 2)",
    "INSERT INTO article_texts (article_id, text) VALUES (1, 'Xuất khẩu năm 2024 đạt 18,6 tỷ USD.'), (2, 'Exports reached 13.2 billion USD in nine months.')",
    `INSERT INTO facts (article_id, seq, metric, value, unit, currency, period_start, period_end, geo, qualifier, basis, part_dimension, part_member, sentence) VALUES
      (1, 0, 'exports', 18.6e9, 'currency', 'USD', '2024-01', '2024-12', 'hanoi', 'exact', 'actual', NULL, NULL, 'Xuất khẩu năm 2024 đạt 18,6 tỷ USD.'),
      (1, 1, 'exports_growth', 8.8, 'percent', NULL, '2024-01', '2024-12', 'hanoi', 'exact', 'actual', NULL, NULL, 'Tăng 8,8%.'),
      (1, 2, 'exports', 20e9, 'currency', 'USD', '2025-01', '2025-12', 'hanoi', 'exact', 'target', NULL, NULL, 'Mục tiêu 20 tỷ USD.'),
      (2, 0, 'exports', 13.2e9, 'currency', 'USD', '2024-01', '2024-09', 'hanoi', 'exact', 'actual', NULL, NULL, 'Exports reached 13.2 billion USD.'),
      (2, 1, 'exports', 4.1e9, 'currency', 'USD', '2024-01', '2024-09', 'hanoi', 'exact', 'actual', 'market', 'US', 'Of which 4.1 billion went to the US.')`,
    "INSERT INTO people (id, name) VALUES ('tran van a', 'Trần Văn A')",
    "INSERT INTO person_mentions (article_id, person_id, name_as_written, title) VALUES (1, 'tran van a', 'Trần Văn A', 'Giám đốc Sở Công Thương')",
    "INSERT INTO quotes (article_id, seq, person_id, speaker, text) VALUES (1, 0, 'tran van a', 'Trần Văn A', 'Xuất khẩu giữ đà tăng.')",
    "INSERT INTO events (article_id, seq, key, name, start) VALUES (1, 0, 'hoi cho@2025-03-01', 'Hội chợ', '2025-03-01')",
    "INSERT INTO article_countries (article_id, country) VALUES (2, 'US')",
    "INSERT INTO dataset_meta (key, value) VALUES ('version', '7')",
    // Observations as the old schema kept them: actual totals only.
    `INSERT INTO observations (id, metric, geo, period_start, period_end, currency, unit, value, value_min, value_max, qualifier, qualifiers, status, fact_count, article_count, months) VALUES
      (1, 'exports', 'hanoi', '2024-01', '2024-12', 'USD', 'currency', 18.6e9, 18.6e9, 18.6e9, 'exact', 'exact', 'agreed', 1, 1, 12),
      (2, 'exports_growth', 'hanoi', '2024-01', '2024-12', '', 'percent', 8.8, 8.8, 8.8, 'exact', 'exact', 'agreed', 1, 1, 12),
      (3, 'exports', 'hanoi', '2024-01', '2024-09', 'USD', 'currency', 13.2e9, 13.2e9, 13.2e9, 'exact', 'exact', 'agreed', 1, 1, 9)`,
  ];
  await db.batch(stmts.map((s) => db.prepare(s)));
}

const TABLES = [
  "sources",
  "articles",
  "article_texts",
  "facts",
  "people",
  "person_mentions",
  "quotes",
  "events",
  "article_countries",
  "dataset_meta",
  "observations",
];

async function snapshot(db: D1Database) {
  const counts: Record<string, number> = {};
  for (const t of TABLES) counts[t] = (await db.prepare(`SELECT count(*) AS n FROM ${t}`).first<{ n: number }>())?.n ?? -1;
  const facts = (
    await db
      .prepare(
        "SELECT article_id, seq, metric, value, period_start, period_end, basis, part_member, sentence FROM facts ORDER BY article_id, seq",
      )
      .all()
  ).results;
  const observations = (
    await db.prepare("SELECT id, metric, period_start, period_end, currency, value, status, fact_count FROM observations ORDER BY id").all()
  ).results;
  const texts = (await db.prepare("SELECT article_id, text FROM article_texts ORDER BY article_id").all()).results;
  return { counts, facts, observations, texts };
}

describe("upgrading a populated database to observation roles", () => {
  it("keeps every row, and turns the old observations into actual totals with their span kind", async () => {
    const db = env.UPGRADE_DB;
    await applyD1Migrations(db, env.TEST_MIGRATIONS.slice(0, BEFORE_ROLES));
    await populate(db);
    const before = await snapshot(db);
    expect(before.counts.facts).toBe(5);

    await applyD1Migrations(db, env.TEST_MIGRATIONS);
    expect(env.TEST_MIGRATIONS.length).toBeGreaterThan(BEFORE_ROLES);
    expect(await snapshot(db)).toEqual(before);
    const roles = await db
      .prepare("SELECT id, basis, part_dimension, part_member, span FROM observations ORDER BY id")
      .all<{ id: number; basis: string; part_dimension: string; part_member: string; span: string }>();
    expect(roles.results).toEqual([
      { id: 1, basis: "actual", part_dimension: "", part_member: "", span: "year" },
      { id: 2, basis: "actual", part_dimension: "", part_member: "", span: "year" },
      { id: 3, basis: "actual", part_dimension: "", part_member: "", span: "ytd" },
    ]);
    // People get the counts the list sorts by, from the mentions and quotes already stored.
    const person = await db.prepare("SELECT article_count, quote_count FROM people WHERE id = 'tran van a'").first();
    expect(person).toEqual({ article_count: 1, quote_count: 1 });
    // Mentions and quotes get their article's date, and the person their titles and spellings (migration 0010).
    expect(await db.prepare("SELECT published FROM person_mentions UNION ALL SELECT published FROM quotes").all()).toMatchObject({
      results: [{ published: "2025-01-05" }, { published: "2025-01-05" }],
    });
    expect((await db.prepare("SELECT person_id, title, name_as_written, mentions FROM person_mention_counts").all()).results).toEqual([
      { person_id: "tran van a", title: "Giám đốc Sở Công Thương", name_as_written: "Trần Văn A", mentions: 1 },
    ]);

    // The rebuild (POST /v1/admin/rebuild does the same) keeps the totals' ids and adds the slice and the target.
    const orm = createDb(db);
    const [first, ...rest] = rebuildStatements(orm);
    await orm.batch([first, ...rest]);
    const rebuilt = await db
      .prepare("SELECT id, metric, basis, part_member, span, value FROM observations ORDER BY basis, part_member, metric, period_end")
      .all<{ id: number; metric: string; basis: string; part_member: string; span: string; value: number }>();
    expect(rebuilt.results.map((r) => [r.metric, r.basis, r.part_member, r.span, r.value])).toEqual([
      ["exports", "actual", "", "ytd", 13.2e9],
      ["exports", "actual", "", "year", 18.6e9],
      ["exports_growth", "actual", "", "year", 8.8],
      ["exports", "actual", "US", "ytd", 4.1e9],
      ["exports", "target", "", "year", 20e9],
    ]);
    // The new slice is counted by the triggers the migration added.
    expect((await db.prepare("SELECT metric, geo, part_dimension, n FROM slice_counts").all()).results).toEqual([
      { metric: "exports", geo: "hanoi", part_dimension: "market", n: 1 },
    ]);
    expect(
      rebuilt.results
        .filter((r) => r.basis === "actual" && r.part_member === "")
        .map((r) => r.id)
        .sort(),
    ).toEqual([1, 2, 3]);
  });
});
