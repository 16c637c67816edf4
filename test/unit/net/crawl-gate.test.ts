import { describe, expect, it } from "vitest";
import { type CachedRobots, crawlDelayMs, knownInterval, learnCrawlDelay, MAX_CRAWL_DELAY_MS } from "../../../workers/net/crawl-gate";

const robots = (text: string, status: CachedRobots["status"] = "ok"): CachedRobots => ({ status, text, fetchedAt: 0 });

describe("Crawl-delay as a per-origin interval", () => {
  it("turns the bot's Crawl-delay into milliseconds, rounding fractions up", () => {
    expect(crawlDelayMs(robots("User-agent: newsfactsbot\nCrawl-delay: 2"), "newsfactsbot")).toBe(2000);
    expect(crawlDelayMs(robots("User-agent: *\nCrawl-delay: 0.0015"), "newsfactsbot")).toBe(2);
  });

  it("caps a delay longer than MAX_CRAWL_DELAY_MS instead of stalling the origin's articles", () => {
    expect(MAX_CRAWL_DELAY_MS).toBe(60_000);
    expect(crawlDelayMs(robots("User-agent: *\nCrawl-delay: 86400"), "newsfactsbot")).toBe(MAX_CRAWL_DELAY_MS);
  });

  it("asks no delay without readable rules: never fetched, no robots.txt, or unreachable", () => {
    expect(crawlDelayMs(null, "newsfactsbot")).toBe(0);
    expect(crawlDelayMs({ status: "none", text: null, fetchedAt: 0 }, "newsfactsbot")).toBe(0);
    expect(crawlDelayMs({ status: "unreachable", text: null, fetchedAt: 0 }, "newsfactsbot")).toBe(0);
  });

  it("reserves with HOST_INTERVAL_MS until a longer delay is learned for that origin, and forgets it when it is lifted", () => {
    const origin = "https://slow.example.vn";
    expect(knownInterval(origin, 1000)).toBe(1000);
    learnCrawlDelay(origin, 5000);
    expect(knownInterval(origin, 1000)).toBe(5000);
    expect(knownInterval(origin, 8000)).toBe(8000);
    expect(knownInterval("https://other.example.vn", 1000)).toBe(1000);
    learnCrawlDelay(origin, 0);
    expect(knownInterval(origin, 1000)).toBe(1000);
  });
});
