/**
 * The Atom feeds (/v1/feeds/observations.atom, /v1/feeds/conflicts.atom), read back with a real feed
 * parser (@rowanmanning/feed-parser, pure JS, so it runs here in workerd) and, where one level of XML
 * decoding must be seen exactly, with fast-xml-parser: well-formed Atom with every required element,
 * entries that are the dataset's observations and conflicts, per-metric feeds, the three languages,
 * a hostile article title kept as text, caching by dataset version, errors, autodiscovery, the
 * OpenAPI description, and the indexes the feed's statements use.
 */

import { createExecutionContext, waitOnExecutionContext } from "cloudflare:test";
import { parseFeed } from "@rowanmanning/feed-parser";
import { XMLParser, XMLValidator } from "fast-xml-parser";
import { beforeAll, describe, expect, it } from "vitest";
import { createApi } from "../../../workers/api";
import { metricInfo } from "../../../workers/dataset/metrics";
import { extraction, fact, writeTestArticle } from "../dataset/fixtures";
import { explain, planText, QueryLog, recordingD1 } from "../db/plan-check";
import { testEnv as env } from "../test-env";
import { get, getAll, type Observation, ORIGIN } from "./api-client";

const RFC3339 = /^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d(?:\.\d+)?(?:Z|[+-]\d\d:\d\d)$/;
const HOSTILE = `Bán lẻ <b>tăng</b> & "vượt" ]]> <script>alert(1)</script>`;
const LANGS = ["vi", "en", "id"] as const;

type Parsed = ReturnType<typeof parseFeed>;

/** The feed at `path`: its status, headers, raw text and parsed form (200 only). */
async function feed(path: string, headers: Record<string, string> = {}): Promise<{ res: Response; xml: string; parsed: Parsed }> {
  const res = await get(path, headers);
  const xml = await res.text();
  expect(res.status, `${path}: ${xml.slice(0, 300)}`).toBe(200);
  return { res, xml, parsed: parseFeed(xml) };
}

/** The document as fast-xml-parser reads it: one level of XML decoding, arrays for repeatable elements. */
function xmlTree(xml: string) {
  const tree = new XMLParser({
    ignoreAttributes: false,
    attributeNamePrefix: "@",
    parseTagValue: false,
    textNodeName: "#text",
    isArray: (name) => ["entry", "link", "author", "category"].includes(name),
  }).parse(xml) as { feed: Record<string, unknown> & { entry?: Record<string, unknown>[] } };
  return tree.feed;
}

const text = (node: unknown): string =>
  typeof node === "string" ? node : String((node as Record<string, unknown> | undefined)?.["#text"] ?? "");

/** Observation ids of entries, read from the alternate link's key and matched to the API's observations. */
function keyOf(o: Pick<Observation, "metric" | "geo" | "period">): string {
  return `${o.metric}/${o.geo}/${o.period.start}/${o.period.end}`;
}

function entryKey(url: string | null): string {
  const u = new URL(url ?? "");
  const p = u.searchParams;
  return `${p.get("metric")}/${p.get("geo")}/${p.get("from")}/${p.get("to")}`;
}

beforeAll(async () => {
  // Written oldest first, so each is newer than the ones before it.
  await writeTestArticle(
    extraction({
      title: "Xuất khẩu 2024 đạt 10 tỷ USD",
      facts: [fact({ metric: "exports", value: 10e9, sentence: "Xuất khẩu đạt 10 tỷ USD." })],
    }),
    "https://news.test/feeds/exports-a",
  );
  await writeTestArticle(
    extraction({ title: "Exports hit $10bn", lang: "en", facts: [fact({ metric: "exports", value: 10.02e9 })] }),
    "https://news.test/feeds/exports-b",
  );
  // The planted conflict: 3 and 4.5 billion for one key.
  await writeTestArticle(
    extraction({ title: "FDI 3 tỷ USD", facts: [fact({ metric: "fdi_registered", value: 3e9 })] }),
    "https://news.test/feeds/fdi-a",
  );
  await writeTestArticle(
    extraction({ title: "FDI 4,5 tỷ USD", facts: [fact({ metric: "fdi_registered", value: 4.5e9 })] }),
    "https://news.test/feeds/fdi-b",
  );
  await writeTestArticle(
    extraction({ title: "GRDP tăng 6,52%", facts: [fact({ metric: "grdp_growth", value: 6.52, unit: "percent", currency: undefined })] }),
    "https://news.test/feeds/grdp",
  );
  await writeTestArticle(
    extraction({ title: HOSTILE, facts: [fact({ metric: "retail_sales", value: 5e9, currency: "VND" })] }),
    "https://news.test/feeds/hostile?a=1&b=2",
  );
  // Newest of all: exports of another year, and a target and a slice (which the feeds leave out).
  await writeTestArticle(
    extraction({
      title: "Xuất khẩu 2023",
      facts: [
        fact({ metric: "exports", value: 8e9, period: { start: "2023-01", end: "2023-12" } }),
        fact({ metric: "exports", value: 12e9, basis: "target", period: { start: "2025-01", end: "2025-12" } }),
        fact({ metric: "exports", value: 2e9, part: { dimension: "market", member: "US" } }),
      ],
    }),
    "https://news.test/feeds/exports-2023",
  );
});

describe("the observations feed", () => {
  it("is well-formed Atom with every required element, unique tag: ids and RFC 3339 dates", async () => {
    const { res, xml, parsed } = await feed("/v1/feeds/observations.atom?lang=vi");
    expect(res.headers.get("content-type")).toBe("application/atom+xml; charset=utf-8");
    expect(XMLValidator.validate(xml)).toBe(true);
    expect(parsed.meta).toEqual({ type: "atom", version: "1.0" });
    expect(parsed.language).toBe("vi");
    expect(parsed.title).toBe("newsfacts — Số liệu mới");
    expect(parsed.self).toBe(`${ORIGIN}/v1/feeds/observations.atom?lang=vi`);
    expect(parsed.url).toBe(`${ORIGIN}/?lang=vi`);
    expect(parsed.authors.map((a) => a.name)).toEqual(["newsfacts"]);

    // RFC 4287's musts, element by element: feed id, title, updated; each entry's id, title, updated, author, link.
    const tree = xmlTree(xml);
    expect(tree["@xmlns"]).toBe("http://www.w3.org/2005/Atom");
    expect(text(tree.id)).toMatch(/^tag:newsfacts,2026:feed\/observations\/vi$/);
    expect(text(tree.updated)).toMatch(RFC3339);
    const entries = tree.entry ?? [];
    expect(entries.length).toBe(parsed.items.length);
    for (const e of entries) {
      expect(text(e.id)).toMatch(/^tag:newsfacts,2026:observation\/vi\//);
      expect(text(e.title)).not.toBe("");
      expect(text(e.updated)).toMatch(RFC3339);
      expect((e.author as { name: string }[]).map((a) => a.name)).toEqual(["newsfacts"]);
      expect((e.link as Record<string, string>[]).map((l) => [l["@rel"], l["@type"]])).toEqual([["alternate", "application/json"]]);
      expect((e.summary as Record<string, string>)["@type"]).toBe("text");
      expect((e.content as Record<string, string>)["@type"]).toBe("html");
    }
    const ids = parsed.items.map((i) => i.id);
    expect(new Set(ids).size).toBe(ids.length);

    // Newest first; the feed's updated is its newest entry's.
    const updated = parsed.items.map((i) => i.updated?.getTime() ?? Number.NaN);
    expect(updated.every(Number.isFinite)).toBe(true);
    expect([...updated].sort((a, b) => b - a)).toEqual(updated);
    expect(parsed.updated?.getTime()).toBe(updated[0]);
  });

  it("lists the dataset's actual totals, newest source first, with each source named and linked", async () => {
    const { parsed } = await feed("/v1/feeds/observations.atom?lang=en");
    const totals = await getAll<Observation>("/v1/observations?limit=200");
    expect(parsed.items.map((i) => entryKey(i.url)).sort()).toEqual(totals.map(keyOf).sort());
    // Targets and slices are not in it: one exports entry per year.
    expect(parsed.items.filter((i) => i.url?.includes("metric=exports")).length).toBe(2);
    // The newest article's observation leads.
    expect(entryKey(parsed.items[0].url)).toBe("exports/hanoi/2023-01/2023-12");

    const exports2024 = parsed.items.find((i) => entryKey(i.url) === "exports/hanoi/2024-01/2024-12");
    expect(exports2024?.title).toBe(`${metricInfo("exports")?.labels.en}, 2024: US$10 billion`);
    expect(exports2024?.description).toContain("Exports hit $10bn; Xuất khẩu 2024 đạt 10 tỷ USD");
    expect(exports2024?.content).toContain('<a href="https://news.test/feeds/exports-a">');
    expect(exports2024?.content).toContain("Xuất khẩu đạt 10 tỷ USD.");
    expect(exports2024?.categories.map((c) => c.term)).toEqual(["exports"]);
    // The alternate link is the API's listing of that observation.
    const listed = await getAll<Observation>(new URL(exports2024?.url ?? "").pathname + new URL(exports2024?.url ?? "").search);
    expect(listed.map(keyOf)).toEqual(["exports/hanoi/2024-01/2024-12"]);
  });

  it("shows the planted conflict as a conflict, with both values", async () => {
    const { parsed } = await feed("/v1/feeds/observations.atom?lang=en");
    const fdi = parsed.items.find((i) => i.url?.includes("metric=fdi_registered"));
    expect(fdi?.title).toBe(`${metricInfo("fdi_registered")?.labels.en}, 2024: US$3 billion / US$4.5 billion — Sources disagree`);
    expect(fdi?.categories.map((c) => c.term)).toEqual(["fdi_registered", "conflict"]);
    const agreed = parsed.items.filter((i) => !i.url?.includes("metric=fdi_registered"));
    for (const i of agreed) expect(i.categories.map((c) => c.term)).not.toContain("conflict");
  });

  it("filters by metric, and the title says which", async () => {
    const { parsed } = await feed("/v1/feeds/observations.atom?lang=en&metric=exports");
    expect(parsed.title).toBe(`newsfacts — New figures: ${metricInfo("exports")?.labels.en}`);
    expect(parsed.items.map((i) => entryKey(i.url))).toEqual(["exports/hanoi/2023-01/2023-12", "exports/hanoi/2024-01/2024-12"]);
    const empty = await feed("/v1/feeds/observations.atom?lang=en&metric=tourists");
    expect(empty.parsed.items).toEqual([]);
    // An empty feed is still valid: its updated is the dataset's last write.
    expect(XMLValidator.validate(empty.xml)).toBe(true);
    expect(empty.parsed.updated?.getTime()).toBe((await feed("/v1/feeds/observations.atom?lang=en")).parsed.items[0].updated?.getTime());
  });
});

describe("the conflicts feed", () => {
  it("lists exactly the dataset's conflicts, and no agreed observation", async () => {
    const { xml, parsed } = await feed("/v1/feeds/conflicts.atom?lang=vi");
    expect(XMLValidator.validate(xml)).toBe(true);
    expect(parsed.title).toBe("newsfacts — Số liệu các nguồn đưa khác nhau");
    const conflicts = await getAll<Observation>("/v1/observations?status=conflict");
    expect(conflicts.map(keyOf)).toEqual(["fdi_registered/hanoi/2024-01/2024-12"]);
    expect(parsed.items.map((i) => entryKey(i.url))).toEqual(conflicts.map(keyOf));
    const [entry] = parsed.items;
    expect(entry.title).toBe(`${metricInfo("fdi_registered")?.labels.vi}, 2024: 3 tỷ USD / 4,5 tỷ USD — Các nguồn chưa thống nhất`);
    expect(entry.description).toContain("FDI 4,5 tỷ USD; FDI 3 tỷ USD");
    // The same observation has the same id in both feeds of a language.
    const all = await feed("/v1/feeds/observations.atom?lang=vi");
    expect(all.parsed.items.map((i) => i.id)).toContain(entry.id);
  });

  it("filters by metric: the conflicts of exports are none", async () => {
    expect((await feed("/v1/feeds/conflicts.atom?lang=en&metric=exports")).parsed.items).toEqual([]);
    expect((await feed("/v1/feeds/conflicts.atom?lang=en&metric=fdi_registered")).parsed.items).toHaveLength(1);
  });
});

describe("languages", () => {
  it("titles the same observation in each language, with the language's number format", async () => {
    const titles: Record<string, string> = {};
    const ids = new Set<string>();
    for (const lang of LANGS) {
      const { parsed } = await feed(`/v1/feeds/observations.atom?lang=${lang}&metric=grdp_growth`);
      expect(parsed.language).toBe(lang);
      expect(parsed.items).toHaveLength(1);
      titles[lang] = parsed.items[0].title ?? "";
      ids.add(parsed.items[0].id ?? "");
    }
    expect(titles).toEqual({
      vi: `${metricInfo("grdp_growth")?.labels.vi}, 2024: 6,52%`,
      en: `${metricInfo("grdp_growth")?.labels.en}, 2024: 6.52%`,
      id: `${metricInfo("grdp_growth")?.labels.id}, 2024: 6,52%`,
    });
    expect(new Set(Object.values(titles)).size).toBe(3);
    // Each language's entry is an entry of its own.
    expect(ids.size).toBe(3);
  });
});

describe("escaping", () => {
  it("keeps a hostile article title as text: in the summary as is, in the HTML content escaped, no markup or CDATA end in the XML", async () => {
    const { xml, parsed } = await feed("/v1/feeds/observations.atom?lang=vi&metric=retail_sales");
    expect(XMLValidator.validate(xml)).toBe(true);
    expect(xml).not.toContain("<script");
    expect(xml).not.toContain("<b>");
    expect(xml).not.toContain("]]>");
    const [entry] = parsed.items;
    expect(entry.description).toContain(HOSTILE);

    // One level of XML decoding gives the HTML of type="html" content: the title in it is still escaped text,
    // and the source URL's & is an attribute's &amp;.
    const content = text(xmlTree(xml).entry?.[0].content);
    expect(content).toContain("Bán lẻ &lt;b&gt;tăng&lt;/b&gt; &amp; &quot;vượt&quot; ]]&gt; &lt;script&gt;alert(1)&lt;/script&gt;");
    expect(content).toContain('<a href="https://news.test/feeds/hostile?a=1&amp;b=2">');
    expect(content).not.toMatch(/<script|<b>/);
    expect(text(xmlTree(xml).entry?.[0].summary)).toContain(HOSTILE);
  });
});

describe("caching, errors and discovery", () => {
  it("is cached by dataset version: a strong ETag, 304 on If-None-Match, then a hit", async () => {
    const path = "/v1/feeds/conflicts.atom?lang=en";
    const first = await get(path);
    expect(first.status).toBe(200);
    const body = await first.text();
    const etag = first.headers.get("etag") ?? "";
    expect(etag).toMatch(/^"v\d+-[0-9a-f]{8}"$/);
    expect(first.headers.get("cache-control")).toBe("public, max-age=60");
    const again = await get(path, { "if-none-match": etag });
    expect(again.status).toBe(304);
    let hit = await get(path);
    for (let i = 0; i < 100 && hit.headers.get("x-cache") !== "hit"; i++) {
      await hit.arrayBuffer();
      await new Promise((r) => setTimeout(r, 50));
      hit = await get(path);
    }
    expect(hit.headers.get("x-cache")).toBe("hit");
    expect(hit.headers.get("content-type")).toBe("application/atom+xml; charset=utf-8");
    expect(await hit.text()).toBe(body);
    // A new article is a new version: the old ETag no longer answers 304.
    await writeTestArticle(extraction({ facts: [fact({ metric: "imports", value: 1e9 })] }));
    const after = await get(path, { "if-none-match": etag });
    expect(after.status).toBe(200);
    await after.arrayBuffer();
  });

  it("answers a bad language 400 and an unknown metric 404, as problems", async () => {
    for (const [path, status] of [
      ["/v1/feeds/observations.atom?lang=fr", 400],
      ["/v1/feeds/conflicts.atom?metric=Not%20an%20id", 400],
      ["/v1/feeds/observations.atom?metric=no_such_metric", 404],
      ["/v1/feeds/conflicts.atom?lang=vi&metric=no_such_metric", 404],
    ] as const) {
      const res = await get(path);
      expect(res.status, path).toBe(status);
      expect(res.headers.get("content-type"), path).toMatch(/^application\/(problem\+)?json/);
      const body = (await res.json()) as { status?: number; error?: { code: string } };
      expect(body.status ?? (body.error ? status : undefined), path).toBe(status);
    }
  });

  it("is named in the dashboard's head for autodiscovery, in the page's language", async () => {
    const res = await get("/?lang=en");
    const html = await res.text();
    expect(html).toContain(
      '<link rel="alternate" type="application/atom+xml" title="newsfacts — New figures" href="/v1/feeds/observations.atom?lang=en">',
    );
    expect(html).toContain(
      '<link rel="alternate" type="application/atom+xml" title="newsfacts — Figures the sources disagree on" href="/v1/feeds/conflicts.atom?lang=en">',
    );
    expect(html.indexOf("application/atom+xml")).toBeLessThan(html.indexOf("</head>"));
  });

  it("is described in /openapi.json: operation ids, no security, Atom 200, 400/404/429 problems", async () => {
    const doc = (await (await get("/openapi.json")).json()) as {
      paths: Record<
        string,
        { get: { operationId: string; security: unknown[]; responses: Record<string, { content?: Record<string, unknown> }> } }
      >;
    };
    for (const [path, id] of [
      ["/v1/feeds/observations.atom", "observationsFeed"],
      ["/v1/feeds/conflicts.atom", "conflictsFeed"],
    ]) {
      const op = doc.paths[path]?.get;
      expect(op?.operationId).toBe(id);
      expect(op?.security).toEqual([]);
      expect(Object.keys(op?.responses ?? {}).sort()).toEqual(["200", "400", "404", "429"]);
      expect(Object.keys(op?.responses["200"].content ?? {})).toEqual(["application/atom+xml"]);
    }
  });
});

describe("query plans of the feeds", () => {
  it("walk articles on articles_fetched_idx, or one feed's partial index newest first, never by basis or role", async () => {
    const log = new QueryLog();
    const db = recordingD1(env.DB, log);
    const app = createApi();
    for (const path of [
      "/v1/feeds/observations.atom?lang=vi",
      "/v1/feeds/observations.atom?metric=exports",
      "/v1/feeds/conflicts.atom",
      "/v1/feeds/conflicts.atom?metric=fdi_registered",
    ]) {
      log.label = path;
      const ctx = createExecutionContext();
      const res = await app.fetch(
        new Request(`${ORIGIN}${path}`, { headers: { "cache-control": "no-cache", authorization: "Bearer test-admin-token" } }),
        { ...env, DB: db },
        ctx,
      );
      expect(res.status).toBe(200);
      expect(res.headers.get("x-cache")).toBe("bypass");
      await res.arrayBuffer();
      await waitOnExecutionContext(ctx);
    }
    const plans = new Map<string, string>();
    for (const q of log.queries.values()) plans.set(q.sql, planText(await explain(env.DB, q.sql, q.params)));
    const planOf = (re: RegExp) => [...plans].find(([sql]) => re.test(sql))?.[1] ?? "";
    const all = [...plans.values()].join("\n");
    // The conflicts' walk may SCAN its partial index: it holds only actual totals in conflict, newest first, and stops at the limit.
    expect(all.replace(/^\s*SCAN o USING INDEX observations_feed_conflicts_idx$/m, "")).not.toMatch(
      /facts_basis_idx|observations_role_idx|^\s*SCAN (?:f|o|a|facts|observations|articles)\b/m,
    );
    // The filtered feeds come off their index in order: nothing is sorted.
    for (const [sql, plan] of plans) if (/o\.updated_at AS updated/.test(sql)) expect(plan).not.toMatch(/TEMP B-TREE/);
    expect(planOf(/from "articles" where/)).toMatch(/articles_fetched_idx/);
    expect(planOf(/SELECT DISTINCT f\.article_id/)).toMatch(/SEARCH f USING INDEX facts_article_seq_unique[\s\S]*observations_key_unique/);
    expect(planOf(/o\.updated_at AS updated[\s\S]*o\.metric = \?(?![\s\S]*status)/)).toMatch(
      /SEARCH o USING INDEX observations_feed_metric_idx \(metric=\?\)/,
    );
    expect(planOf(/o\.updated_at AS updated[\s\S]*o\.metric = \? AND o\.status = 'conflict'/)).toMatch(
      /SEARCH o USING INDEX observations_feed_metric_idx \(metric=\?\)/,
    );
    expect(planOf(/o\.updated_at AS updated[\s\S]*WHERE o\.status = 'conflict'/)).toMatch(
      /SCAN o USING INDEX observations_feed_conflicts_idx/,
    );
  });
});
