/**
 * The fault corpus, page side: every route of test/support/fault-routes.ts delivered to the real
 * consumer over real HTTP, each ending in its expected article status and reason (the fault table
 * of docs/threat-model.md). Transient faults are retried (message back on the queue, row `queued`
 * with the reason); permanent ones are acked with a final status.
 */
import { describe, expect, it } from "vitest";
import { articleRow, articleText, deliver, hits, insertArticle } from "./consumer-harness";

interface Case {
  path: string;
  status: "extracted" | "skipped" | "failed" | "queued";
  reason: RegExp | null;
  http?: number | null;
  vars?: Partial<PipelineEnv>;
  /** For retried cases: the delay the message must come back after. */
  delay?: number;
}

const VI_SENTENCE = "thành phố thu hút được 2.067 triệu USD vốn FDI đăng ký";

const FINAL: Case[] = [
  { path: "/faults/malformed.html", status: "extracted", reason: null, http: 200 },
  { path: "/faults/huge-50mb.html", status: "skipped", reason: /^body is over the 5000000-byte cap$/, http: 200 },
  { path: "/faults/huge-declared.html", status: "skipped", reason: /^body of 52428800 bytes is over the 5000000-byte cap$/, http: 200 },
  { path: "/faults/report.pdf", status: "skipped", reason: /^content type application\/pdf is not HTML$/, http: 200 },
  { path: "/faults/photo.jpg", status: "skipped", reason: /^content type image\/jpeg is not HTML$/, http: 200 },
  {
    path: "/faults/binary-as-html.html",
    status: "skipped",
    reason: /^not text: \d+% of the first 16 KB are control or undecodable characters$/,
    http: 200,
  },
  { path: "/faults/loop-a.html", status: "failed", reason: /^redirect loop at http:\/\/127\.0\.0\.1:\d+\/faults\/loop-[ab]\.html$/ },
  {
    path: "/faults/redirect-private.html",
    status: "skipped",
    reason:
      /^refused redirect to http:\/\/169\.254\.169\.254\/latest\/meta-data\/: address 169\.254\.169\.254 is not globally reachable \(link-local\)$/,
  },
  {
    path: "/faults/redirect-localhost.html",
    status: "skipped",
    reason: /^refused redirect to http:\/\/localhost:9\/admin: host localhost is internal$/,
  },
  {
    path: "/faults/redirect-to-disallowed/bai-viet.html",
    status: "skipped",
    reason:
      /^disallowed by robots\.txt \(Disallow: \/faults\/robots-disallowed\/\) at redirect hop 1 to http:\/\/127\.0\.0\.1:\d+\/faults\/robots-disallowed\/bai-viet\.html$/,
    http: null,
  },
  { path: "/faults/gone-404.html", status: "failed", reason: /^HTTP 404 Not Found$/, http: 404 },
  { path: "/faults/gone-410.html", status: "failed", reason: /^HTTP 410 Gone$/, http: 410 },
  { path: "/faults/empty.html", status: "failed", reason: /^empty body$/, http: 200 },
  {
    path: "/faults/robots-disallowed/bai-viet.html",
    status: "skipped",
    reason: /^disallowed by robots\.txt \(Disallow: \/faults\/robots-disallowed\/\)$/,
    http: null,
  },
  // The bot's own robots.txt group overrides `*` (RFC 9309), and it allows this path.
  { path: "/faults/robots-everyone-else/bai-viet.html", status: "extracted", reason: null, http: 200 },
];

const TRANSIENT: Case[] = [
  {
    path: "/faults/rate-limited.html",
    status: "queued",
    reason: /^retrying after attempt 1: HTTP 429 Too Many Requests$/,
    http: 429,
    delay: 7,
  },
  {
    path: "/faults/error-500.html",
    status: "queued",
    reason: /^retrying after attempt 1: HTTP 500 Internal Server Error$/,
    http: 500,
    delay: 0,
  },
  {
    path: "/faults/error-503.html",
    status: "queued",
    reason: /^retrying after attempt 1: HTTP 503 Service Unavailable$/,
    http: 503,
    delay: 0,
  },
  {
    path: "/faults/slow-headers.html",
    status: "queued",
    reason: /^retrying after attempt 1: timed out after 300 ms$/,
    vars: { FETCH_TIMEOUT_MS: "300" },
    delay: 0,
  },
  {
    path: "/faults/slow-body.html",
    status: "queued",
    reason: /^retrying after attempt 1: timed out after 300 ms while reading the body$/,
    http: 200,
    vars: { FETCH_TIMEOUT_MS: "300" },
    delay: 0,
  },
  { path: "/faults/reset.html", status: "queued", reason: /^retrying after attempt 1: network error: .+/, delay: 0 },
  {
    path: "/faults/reset-mid-body.html",
    status: "queued",
    reason: /^retrying after attempt 1: connection broke while reading the body: .+/,
    http: 200,
    delay: 0,
  },
];

describe("fault corpus: permanent outcomes are recorded and acked", () => {
  it.each(FINAL)("$path → $status", async (c) => {
    const msg = await insertArticle(c.path);
    const result = await deliver([msg], { vars: c.vars });
    expect(result.explicitAcks).toEqual(result.ids);
    expect(result.retryMessages).toEqual([]);
    const row = await articleRow(msg.articleId);
    expect(row?.status).toBe(c.status);
    if (c.reason) expect(row?.reason).toMatch(c.reason);
    else expect(row?.reason).toBeNull();
    if (c.http !== undefined) expect(row?.http_status).toBe(c.http);
    expect(row?.attempts).toBe(1);
  });
});

describe("fault corpus: transient faults come back with a delay and a reason", () => {
  it.each(TRANSIENT)("$path → retried", async (c) => {
    const msg = await insertArticle(c.path);
    const result = await deliver([msg], { vars: c.vars });
    expect(result.explicitAcks).toEqual([]);
    expect(result.retryMessages.map((m) => m.msgId)).toEqual(result.ids);
    expect(result.delays[result.ids[0]]).toBe(c.delay);
    const row = await articleRow(msg.articleId);
    expect(row?.status).toBe("queued");
    expect(row?.reason).toMatch(c.reason as RegExp);
    if (c.http !== undefined) expect(row?.http_status).toBe(c.http);
  });

  it("backs off exponentially from RETRY_BASE_SECONDS, and Retry-After wins when it is longer", async () => {
    const msg = await insertArticle("/faults/error-503.html");
    const third = await deliver([msg], { attempts: 3, vars: { RETRY_BASE_SECONDS: "5" } });
    expect(third.delays[third.ids[0]]).toBe(20);
    const limited = await insertArticle("/faults/rate-limited.html");
    const first = await deliver([limited], { attempts: 1, vars: { RETRY_BASE_SECONDS: "5" } });
    expect(first.delays[first.ids[0]]).toBe(7);
  });
});

describe("fault corpus: bodies that must not be held whole", () => {
  it("stops reading a 50 MB chunked body at the cap instead of downloading it", async () => {
    const msg = await insertArticle("/faults/huge-50mb.html");
    await deliver([msg]);
    const served = await hits("/faults/huge-50mb.html");
    // The server writes ahead into socket buffers, but nowhere near the whole 50 MB.
    expect(served.streamed).toBeLessThan(25 * 1024 * 1024);
  });

  it("a 5 MB page of tags that never close is refused before the extractor, quickly", async () => {
    const msg = await insertArticle("/faults/unclosed-5mb.html");
    const started = Date.now();
    const result = await deliver([msg]);
    expect(result.explicitAcks).toEqual(result.ids);
    expect(await articleRow(msg.articleId)).toMatchObject({
      status: "skipped",
      reason: expect.stringMatching(/^markup nests \d+ elements deep \(over 10000\): not a readable page$/),
    });
    expect(Date.now() - started).toBeLessThan(5_000);
  });
});

describe("fault corpus: tag soup", () => {
  it("malformed HTML still yields its text and its figures", async () => {
    const msg = await insertArticle("/faults/malformed.html");
    await deliver([msg]);
    const row = await articleRow(msg.articleId);
    expect(row?.status).toBe("extracted");
    expect(row?.fact_count).toBeGreaterThan(0);
    expect(await articleText(msg.articleId)).toContain("2.067 triệu USD vốn FDI đăng ký");
  });
});

describe("fault corpus: charsets", () => {
  it.each([
    ["/faults/windows-1258.html", "declared windows-1258"],
    ["/faults/windows-1258-says-utf8.html", "windows-1258 bytes declared utf-8"],
  ])("%s (%s): the Vietnamese text comes out precomposed and right", async (path) => {
    const msg = await insertArticle(path);
    await deliver([msg]);
    expect((await articleRow(msg.articleId))?.status).toBe("extracted");
    const text = (await articleText(msg.articleId)) ?? "";
    expect(text).toContain(VI_SENTENCE);
    expect(text).toContain("Kim ngạch xuất nhập khẩu của Thủ đô đạt 19,4 tỷ USD");
    expect(text).not.toMatch(/[\u0300-\u036f]|\uFFFD/);
  });

  it("an ISO-8859-1 page keeps its accented letters", async () => {
    const msg = await insertArticle("/faults/latin1.html");
    await deliver([msg]);
    expect((await articleRow(msg.articleId))?.status).toBe("extracted");
    expect(await articleText(msg.articleId)).toContain("The São Paulo and Zürich delegations pledged £40 million");
  });
});

describe("fault corpus: redirects", () => {
  it("a 301 to a new canonical URL is followed and the final URL recorded", async () => {
    const msg = await insertArticle("/faults/moved.html");
    await deliver([msg]);
    const row = await articleRow(msg.articleId);
    expect(row?.status).toBe("extracted");
    expect(row?.final_url).toMatch(/\/faults\/new-home\.html$/);
    expect(await articleText(msg.articleId)).toContain(VI_SENTENCE);
  });

  it("a redirect to a path robots.txt disallows ends `skipped`, and the target is never requested", async () => {
    const target = "/faults/robots-disallowed/redirected-here.html";
    const before = { from: (await hits("/faults/redirect-to-disallowed/redirected-here.html")).hits, to: (await hits(target)).hits };
    const msg = await insertArticle("/faults/redirect-to-disallowed/redirected-here.html");
    const result = await deliver([msg]);
    expect(result.explicitAcks).toEqual(result.ids);
    expect(await articleRow(msg.articleId)).toMatchObject({
      status: "skipped",
      reason: expect.stringMatching(/^disallowed by robots\.txt \(Disallow: \/faults\/robots-disallowed\/\) at redirect hop 1 to /),
      attempts: 1,
    });
    expect((await hits("/faults/redirect-to-disallowed/redirected-here.html")).hits - before.from).toBe(1);
    expect((await hits(target)).hits - before.to).toBe(0);
  });

  it("a redirect loop is cut after one round: each hop fetched once", async () => {
    const msg = await insertArticle("/faults/loop-b.html", { unique: false });
    const before = (await hits("/faults/loop-b.html")).hits;
    await deliver([msg]);
    expect((await hits("/faults/loop-b.html")).hits - before).toBe(1);
    expect((await articleRow(msg.articleId))?.reason).toMatch(/^redirect loop at /);
  });
});
