/**
 * The demo pages (five seeds and the project's own articles) through the real pipeline (discovery → queue → consumer → D1), then the
 * dataset endpoints over them: one observation per distinct figure, the Vietnamese article and its
 * Indonesian translation merged, a planted conflicting figure marked, exports that parse back.
 */
import { createExecutionContext, createScheduledController, env, waitOnExecutionContext } from "cloudflare:test";
import { parse } from "csv-parse/browser/esm/sync";
import { beforeAll, describe, expect, it } from "vitest";
import { ARTICLES } from "../../../demo/articles.mjs";
import { SEED_LAYOUTS } from "../../../demo/seed-layout.mjs";
import { extraction, fact, writeTestArticle } from "../dataset/fixtures";
import { addLocalSource, countRows, waitFor } from "../helpers";
import worker from "../test-worker";
import { get, getAll, getJson, type Observation } from "./api-client";

type Fact = {
  id: number;
  metric: string;
  geo: string;
  value: number;
  currency: string | null;
  period: { start: string; end: string } | null;
  basis: "actual" | "target" | "forecast";
  part: { dimension: string; member: string } | null;
  article: { url: string; lang: string };
};

beforeAll(async () => {
  await addLocalSource("demo-sitemap", "sitemap", "/sitemap.xml");
  const ctx = createExecutionContext();
  await worker.scheduled(createScheduledController({ cron: "*/15 * * * *" }), env, ctx);
  await waitOnExecutionContext(ctx);
  await waitFor(
    () => countRows("articles", "status IN ('queued', 'fetched')"),
    (n) => n === 0,
  );
}, 60_000);

const keyOf = (o: { metric: string; geo: string; period: { start: string; end: string } | null; currency: string | null }) =>
  `${o.metric}|${o.geo}|${o.period?.start}|${o.period?.end}|${o.currency ?? ""}`;

describe("the dataset built from the demo site", () => {
  it("has one observation per distinct total figure, every total backing exactly one", async () => {
    expect(await countRows("articles", "status = 'extracted'")).toBe(SEED_LAYOUTS.length + ARTICLES.length);
    const facts = await getAll<Fact>("/v1/facts?limit=200");
    const keyed = facts.filter((f) => f.metric !== "other" && f.period && f.basis === "actual" && f.part === null);
    // The role filters give the same split.
    const totals = await getAll<Fact>("/v1/facts?limit=200&dimension=total&basis=actual");
    expect(totals.filter((f) => f.metric !== "other" && f.period).length).toBe(keyed.length);
    const observations = await getAll<Observation>("/v1/observations?limit=200");
    expect(observations.length).toBe(new Set(keyed.map(keyOf)).size);
    expect(new Set(observations.map(keyOf))).toEqual(new Set(keyed.map(keyOf)));
    expect(observations.reduce((n, o) => n + o.fact_count, 0)).toBe(keyed.length);
  });

  it("merges the Vietnamese article and its Indonesian translation: each translated figure has both as sources", async () => {
    const facts = await getAll<Fact>("/v1/facts?limit=200");
    // Seed 003 is the Indonesian translation of seed 000; the other Indonesian articles are the project's own.
    const seed003 = SEED_LAYOUTS.find((l) => l.id === "003")?.path ?? "";
    const translated = facts.filter(
      (f) => f.article.url.endsWith(seed003) && f.metric !== "other" && f.period && f.basis === "actual" && !f.part,
    );
    expect(translated.length).toBeGreaterThan(5);
    const observations = await getAll<Observation>("/v1/observations?limit=200");
    const byKey = new Map(observations.map((o) => [keyOf(o), o]));
    for (const f of translated) {
      const o = byKey.get(keyOf(f));
      expect(o, keyOf(f)).toBeDefined();
      // Both editions back it; an article of the project's own may repeat the figure too.
      const langs = new Set(o?.sources.map((s) => s.lang));
      expect(langs.has("vi") && langs.has("id"), keyOf(f)).toBe(true);
    }
    const fdi = byKey.get("fdi_registered|hanoi|2024-01|2024-12|USD");
    expect(fdi).toMatchObject({ value: 2_067_000_000, status: "agreed", source_count: 2 });
  });

  it("shows a planted conflicting figure as a conflict with every source, and the series marks it", async () => {
    await writeTestArticle(
      extraction({
        lang: "en",
        title: "Hanoi drew 2.5 billion USD of FDI",
        facts: [fact({ metric: "fdi_registered", value: 2_500_000_000, sentence: "Hanoi drew 2.5 billion USD of FDI in 2024." })],
      }),
    );
    const conflicts = await getAll<Observation>("/v1/observations?status=conflict&metric=fdi_registered&from=2024-01&to=2024-12");
    const o = conflicts.find((c) => c.period.start === "2024-01" && c.period.end === "2024-12" && c.geo === "hanoi");
    expect(o).toBeDefined();
    expect(o?.values).toEqual([2_067_000_000, 2_500_000_000]);
    expect(o?.source_count).toBe(3);
    expect(o?.value).toBe(2_067_000_000);
    const series = await getJson<{ points: Observation[]; currency: string }>("/v1/metrics/fdi_registered/series?geo=hanoi&lang=vi");
    expect(series.currency).toBe("USD");
    expect(series.points.find((p) => p.id === o?.id)?.status).toBe("conflict");
    expect(series.points.map((p) => p.period.start)).toEqual([...series.points.map((p) => p.period.start)].sort());
  });

  it("summarizes the latest figure per key metric, with the previous one of the same length and the change", async () => {
    const s = await getJson<{
      items: { metric: string; label: string; latest: Observation; previous: Observation | null; change: { pct: number | null } | null }[];
    }>("/v1/summary?lang=vi&metrics=grdp_growth");
    const grdp = s.items.find((i) => i.metric === "grdp_growth");
    expect(grdp?.label).toBe("Tốc độ tăng trưởng GRDP");
    // The latest full year is 2025 (an article of the project's own, estimated in December 2025).
    expect(grdp?.latest.period).toEqual({ start: "2025-01", end: "2025-12" });
    expect(grdp?.latest.value).toBe(8.5);
    expect(grdp?.previous?.period).toEqual({ start: "2024-01", end: "2024-12" });
    expect(grdp?.previous?.value).toBe(6.52);
    expect(grdp?.change?.pct).toBeCloseTo(((8.5 - 6.52) / 6.52) * 100, 1);
  });

  it("counts facts and observations per metric in the catalog, labelled in the asked language", async () => {
    const m = await getJson<{
      items: { id: string; label: string; labels: Record<string, string>; fact_count: number; observation_count: number }[];
    }>("/v1/metrics?lang=id");
    const fdi = m.items.find((i) => i.id === "fdi_registered");
    expect(fdi?.label).toBe(fdi?.labels.id);
    expect(fdi?.observation_count).toBeGreaterThanOrEqual(3);
    expect(fdi?.fact_count).toBeGreaterThan(fdi?.observation_count ?? 0);
  });

  it("exports observations as CSV that parses back to the same rows as the JSON API", async () => {
    const res = await get("/v1/export/observations.csv");
    expect(res.headers.get("content-type")).toMatch(/^text\/csv/);
    const all = parse(await res.text(), { columns: true }) as Record<string, string>[];
    // The CSV has every role (the project's own articles carry slices and targets); the JSON list
    // answers actual totals by default, so compare those rows.
    const rows = all.filter((r) => r.basis === "actual" && r.part_dimension === "");
    expect(all.length).toBeGreaterThan(rows.length);
    const observations = await getAll<Observation>("/v1/observations?limit=200");
    expect(rows.length).toBe(observations.length);
    for (const o of observations) {
      const r = rows.find((x) => Number(x.id) === o.id);
      expect(r).toMatchObject({
        metric: o.metric,
        geo: o.geo,
        period_start: o.period.start,
        period_end: o.period.end,
        currency: o.currency ?? "",
        status: o.status,
        qualifier: o.qualifier,
      });
      expect(Number(r?.value)).toBe(o.value);
      expect(new Set(r?.source_urls.split(" "))).toEqual(new Set(o.sources.map((s) => s.url)));
    }
  });

  it("exports every fact as NDJSON with its provenance", async () => {
    const res = await get("/v1/export/facts.ndjson");
    const lines = (await res.text())
      .trim()
      .split("\n")
      .map((l) => JSON.parse(l) as Fact & { sentence: string });
    expect(lines.length).toBe(await countRows("facts"));
    expect(lines.every((f) => f.article.url.startsWith("http") && f.sentence.length > 0)).toBe(true);
  });

  it("merges people across spellings and keeps their titles and quotes", async () => {
    const people = await getAll<{ id: string; name: string; titles: string[]; article_count: number }>("/v1/people?limit=200");
    const merged = people.filter((p) => p.article_count >= 2);
    expect(merged.map((p) => p.id)).toContain("nguyen-manh-quyen");
    const p = await getJson<{ name: string; spellings: string[]; titles: { title: string }[]; articles: { lang: string }[] }>(
      "/v1/people/nguyen-manh-quyen",
    );
    expect(p.name).toBe("Nguyễn Mạnh Quyền");
    expect(new Set(p.spellings)).toEqual(new Set(["Nguyễn Mạnh Quyền", "Nguyen Manh Quyen"]));
    expect(new Set(p.articles.map((a) => a.lang))).toEqual(new Set(["vi", "id"]));
    expect(p.titles.length).toBeGreaterThanOrEqual(2);
  });
});

type RoleObs = Observation & { span: string; basis: string; part: { dimension: string; member: string } | null };
const roleKey = (o: {
  metric: string;
  geo: string;
  period: { start: string; end: string } | null;
  currency: string | null;
  basis: string;
  part: { dimension: string; member: string } | null;
}) => `${keyOf(o)}|${o.basis}|${o.part?.dimension ?? ""}|${o.part?.member ?? ""}`;

describe("roles and spans in the demo dataset", () => {
  it("never mixes span kinds in a series: every metric's every kind, walked", async () => {
    const metrics = await getJson<{ items: { id: string; observation_count: number }[] }>("/v1/metrics");
    let walked = 0;
    for (const m of metrics.items.filter((x) => x.observation_count > 0)) {
      const first = await getJson<{ span: string | null; spans: { span: string; count: number }[] }>(`/v1/metrics/${m.id}/series`);
      for (const k of first.spans) {
        const s = await getJson<{ span: string; points: RoleObs[] }>(`/v1/metrics/${m.id}/series?span=${k.span}`);
        expect(s.span).toBe(k.span);
        expect(s.points.length).toBe(k.count);
        for (const p of s.points) expect([p.span, p.basis, p.part]).toEqual([k.span, "actual", null]);
        walked++;
      }
    }
    expect(walked).toBeGreaterThan(10);
    // GRDP growth: full years on one line, the nine-month figures on their own.
    const grdp = await getJson<{ span: string; spans: { span: string }[] }>("/v1/metrics/grdp_growth/series");
    expect(grdp.span).toBe("year");
    expect(grdp.spans.map((k) => k.span)).toContain("ytd");
    // About a hundred requests in sequence: on a loaded machine that outlasts the 5 s default, without any wait in it.
  }, 30_000);

  it("backs every observation, of every role, by exactly the facts of its key and role", async () => {
    const facts = (await getAll<Fact>("/v1/facts?limit=200")).filter((f) => f.metric !== "other" && f.period);
    const wanted = new Map<string, number>();
    for (const f of facts) wanted.set(roleKey(f), (wanted.get(roleKey(f)) ?? 0) + 1);
    const observations: RoleObs[] = [];
    for (const basis of ["actual", "target", "forecast"])
      for (const dimension of ["total", "sector", "industry", "market", "product", "component", "area"])
        observations.push(...(await getAll<RoleObs>(`/v1/observations?limit=200&basis=${basis}&dimension=${dimension}`)));
    expect(new Map(observations.map((o) => [roleKey(o), o.fact_count]))).toEqual(wanted);
    expect(observations.some((o) => o.basis === "target")).toBe(true);
    expect(observations.some((o) => o.part !== null)).toBe(true);
    // The default listing is totals that happened, and nothing else.
    const defaults = await getAll<RoleObs>("/v1/observations?limit=200");
    expect(defaults.every((o) => o.basis === "actual" && o.part === null)).toBe(true);
  });

  it("serves each metric's slices as a breakdown and its targets against actuals", async () => {
    const facts = (await getAll<Fact>("/v1/facts?limit=200")).filter((f) => f.metric !== "other" && f.period && f.geo === "hanoi");
    const sliced = [...new Set(facts.filter((f) => f.part && f.basis === "actual").map((f) => `${f.metric}|${f.part?.dimension}`))];
    expect(sliced.length).toBeGreaterThan(0);
    for (const key of sliced) {
      const [metric, dimension] = key.split("|");
      const b = await getJson<{ dimension: string; slices: RoleObs[]; total: RoleObs | null; unexplained: number | null }>(
        `/v1/metrics/${metric}/breakdown?dimension=${dimension}`,
      );
      expect(b.slices.length, key).toBeGreaterThan(0);
      for (const s of b.slices) expect(s.part?.dimension).toBe(dimension);
      if (b.total) expect([b.total.basis, b.total.part]).toEqual(["actual", null]);
    }
    const planned = [...new Set(facts.filter((f) => f.basis === "target" && !f.part).map((f) => f.metric))];
    expect(planned).toContain("grdp_growth");
    for (const metric of planned) {
      const p = await getJson<{ items: { target: RoleObs | null; actual: RoleObs | null }[] }>(`/v1/metrics/${metric}/plan`);
      expect(
        p.items.some((i) => i.target?.basis === "target"),
        metric,
      ).toBe(true);
      for (const i of p.items) if (i.actual && i.target) expect(i.actual.period).toEqual(i.target.period);
    }
    // A plan met: some target in the demo has the actual of its very period.
    const met = await Promise.all(
      planned.map((m) => getJson<{ items: { actual: RoleObs | null; target: RoleObs | null }[] }>(`/v1/metrics/${m}/plan`)),
    );
    expect(met.some((p) => p.items.some((i) => i.actual && i.target))).toBe(true);
  });
});
