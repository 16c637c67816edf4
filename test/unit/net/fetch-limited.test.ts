/**
 * fetchLimited over a scripted network (the `fetcher` option): what a public server can make the
 * bot do with redirects, which the loopback test site cannot show (its host is private itself).
 */
import { describe, expect, it } from "vitest";
import { fetchLimited, parseRetryAfter } from "../../../workers/net/fetch-limited";

function network(routes: Record<string, () => Response>) {
  const asked: string[] = [];
  const fetcher: typeof fetch = async (input) => {
    const url = String(input);
    asked.push(url);
    const route = routes[url];
    if (!route) throw new TypeError(`no route to ${url}`);
    return route();
  };
  return { asked, fetcher };
}

const opts = { userAgent: "newsfactsbot/0.1", timeoutMs: 1000, maxBytes: 1000 };

describe("fetchLimited", () => {
  it("refuses a redirect from a public site to a private address without requesting it", async () => {
    const net = network({
      "https://news.example.vn/a.html": () => new Response(null, { status: 302, headers: { location: "http://169.254.169.254/latest/" } }),
    });
    const res = await fetchLimited("https://news.example.vn/a.html", { ...opts, fetcher: net.fetcher });
    expect(res).toMatchObject({
      ok: false,
      transient: false,
      outcome: "skipped",
      reason: "refused redirect to http://169.254.169.254/latest/: address 169.254.169.254 is not globally reachable (link-local)",
    });
    expect(net.asked).toEqual(["https://news.example.vn/a.html"]);
  });

  it("refuses a redirect to a non-http scheme", async () => {
    const net = network({
      "https://news.example.vn/a.html": () => new Response(null, { status: 301, headers: { location: "file:///etc/passwd" } }),
    });
    const res = await fetchLimited("https://news.example.vn/a.html", { ...opts, fetcher: net.fetcher });
    expect(res.ok).toBe(false);
    if (!res.ok) expect(res.reason).toMatch(/scheme file is not fetched/);
  });

  it("gives up after maxRedirects distinct hops", async () => {
    const routes: Record<string, () => Response> = {};
    for (let i = 0; i < 10; i++)
      routes[`https://news.example.vn/${i}`] = () => new Response(null, { status: 302, headers: { location: `/${i + 1}` } });
    const res = await fetchLimited("https://news.example.vn/0", { ...opts, maxRedirects: 3, fetcher: network(routes).fetcher });
    expect(res).toMatchObject({ ok: false, reason: "more than 3 redirects" });
  });

  it("puts every redirect target, and only those, to beforeRedirect before requesting it", async () => {
    const net = network({
      "https://news.example.vn/a.html": () => new Response(null, { status: 301, headers: { location: "https://www.example.vn/a.html" } }),
      "https://www.example.vn/a.html": () => new Response(null, { status: 302, headers: { location: "/bai/a.html" } }),
      "https://www.example.vn/bai/a.html": () => new Response("<p>ok</p>", { headers: { "content-type": "text/html" } }),
    });
    const asked: string[] = [];
    const res = await fetchLimited("https://news.example.vn/a.html", {
      ...opts,
      fetcher: net.fetcher,
      beforeRedirect: async (target, hop) => {
        asked.push(`${hop} ${target.href}`);
        return null;
      },
    });
    expect(res).toMatchObject({ ok: true, finalUrl: "https://www.example.vn/bai/a.html" });
    expect(asked).toEqual(["1 https://www.example.vn/a.html", "2 https://www.example.vn/bai/a.html"]);
  });

  it("ends with beforeRedirect's refusal and never requests the refused target", async () => {
    const net = network({
      "https://news.example.vn/a.html": () =>
        new Response(null, { status: 301, headers: { location: "https://cdn.example.com/private/a.html" } }),
      "https://cdn.example.com/private/a.html": () => new Response("<p>must not be read</p>"),
    });
    const res = await fetchLimited("https://news.example.vn/a.html", {
      ...opts,
      fetcher: net.fetcher,
      beforeRedirect: async (target, hop) =>
        target.pathname.startsWith("/private/") ? { transient: false, outcome: "skipped", reason: `no (hop ${hop})` } : null,
    });
    expect(res).toEqual({
      ok: false,
      transient: false,
      outcome: "skipped",
      status: null,
      finalUrl: "https://cdn.example.com/private/a.html",
      reason: "no (hop 1)",
    });
    expect(net.asked).toEqual(["https://news.example.vn/a.html"]);
  });

  it("does not ask beforeRedirect about a target the SSRF guard already refused", async () => {
    const net = network({
      "https://news.example.vn/a.html": () => new Response(null, { status: 302, headers: { location: "http://[::ffff:7f00:1]/" } }),
    });
    let asked = 0;
    const res = await fetchLimited("https://news.example.vn/a.html", {
      ...opts,
      fetcher: net.fetcher,
      beforeRedirect: async () => {
        asked++;
        return null;
      },
    });
    expect(res).toMatchObject({ ok: false, outcome: "skipped", reason: expect.stringMatching(/IPv4-mapped\)$/) });
    expect(asked).toBe(0);
  });

  it("reads Retry-After in seconds and as a date, clamped to the queue's 12-hour limit", () => {
    expect(parseRetryAfter("120")).toBe(120);
    expect(parseRetryAfter(new Date(Date.now() + 60_000).toUTCString())).toBeGreaterThanOrEqual(58);
    expect(parseRetryAfter("999999999")).toBe(43_200);
    expect(parseRetryAfter("soon")).toBeUndefined();
  });
});
