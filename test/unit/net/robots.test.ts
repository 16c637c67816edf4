import { describe, expect, it } from "vitest";
import { botToken, crawlDelaySeconds, robotsVerdict } from "../../../workers/net/robots";

const UA = "newsfactsbot/0.1 (+https://github.com/newsfacts/newsfacts/blob/main/README.md#the-bot)";

describe("robots.txt (RFC 9309)", () => {
  it("takes the bot's product token from its User-Agent", () => {
    expect(botToken(UA)).toBe("newsfactsbot");
  });

  it("obeys the group naming the bot and ignores `*` then", () => {
    const txt = "User-agent: *\nDisallow: /\n\nUser-agent: NewsFactsBot\nDisallow: /private/\n";
    expect(robotsVerdict(txt, "newsfactsbot", "/tin-tuc/a.html")).toEqual({ allowed: true, rule: null });
    expect(robotsVerdict(txt, "newsfactsbot", "/private/a.html")).toEqual({ allowed: false, rule: "Disallow: /private/" });
    expect(robotsVerdict(txt, "otherbot", "/tin-tuc/a.html").allowed).toBe(false);
  });

  it("lets the longest matching rule win, and Allow win a tie", () => {
    const txt = "User-agent: *\nDisallow: /tin-tuc/\nAllow: /tin-tuc/kinh-te/\nDisallow: /a\nAllow: /a\n";
    expect(robotsVerdict(txt, "newsfactsbot", "/tin-tuc/kinh-te/fdi.html").allowed).toBe(true);
    expect(robotsVerdict(txt, "newsfactsbot", "/tin-tuc/the-thao/a.html").allowed).toBe(false);
    expect(robotsVerdict(txt, "newsfactsbot", "/a.html").allowed).toBe(true);
  });

  it("reads `*` and `$` in patterns, and query strings", () => {
    const txt = "User-agent: newsfactsbot\nDisallow: /*.pdf$\nDisallow: /*?print=\n";
    expect(robotsVerdict(txt, "newsfactsbot", "/files/report.pdf").allowed).toBe(false);
    expect(robotsVerdict(txt, "newsfactsbot", "/files/report.pdf?x=1").allowed).toBe(true);
    expect(robotsVerdict(txt, "newsfactsbot", "/a.html?print=1").allowed).toBe(false);
  });

  it("groups consecutive user-agent lines, skips comments, and treats an empty Disallow as no rule", () => {
    const txt = "# site\nUser-agent: a\nUser-agent: newsfactsbot # us\nDisallow:\n\nUser-agent: *\nDisallow: /\n";
    expect(robotsVerdict(txt, "newsfactsbot", "/anything").allowed).toBe(true);
  });

  it("always allows /robots.txt itself and matches percent-escapes case-insensitively", () => {
    expect(robotsVerdict("User-agent: *\nDisallow: /", "newsfactsbot", "/robots.txt").allowed).toBe(true);
    expect(robotsVerdict("User-agent: *\nDisallow: /ha-n%e1%bb%99i/", "newsfactsbot", "/ha-n%E1%BB%99i/a").allowed).toBe(false);
  });
});

describe("robots.txt Crawl-delay", () => {
  const bot = "newsfactsbot";

  it("reads the delay of the bot's own group, and ignores the one for `*` then", () => {
    const txt = "User-agent: *\nCrawl-delay: 30\n\nUser-agent: newsfactsbot\nCrawl-delay: 2\nDisallow: /x/\n";
    expect(crawlDelaySeconds(txt, bot)).toBe(2);
    expect(crawlDelaySeconds(txt, "otherbot")).toBe(30);
  });

  it("asks nothing of the bot when its own group names no delay, even if `*` does", () => {
    const txt = "User-agent: *\nCrawl-delay: 10\n\nUser-agent: newsfactsbot\nAllow: /\n";
    expect(crawlDelaySeconds(txt, bot)).toBeNull();
  });

  it("falls back to `*` when no group names the bot, and to none without either", () => {
    expect(crawlDelaySeconds("User-agent: *\ncrawl-delay : 4 # slow please\nDisallow: /tmp/", bot)).toBe(4);
    expect(crawlDelaySeconds("User-agent: otherbot\nCrawl-delay: 9", bot)).toBeNull();
    expect(crawlDelaySeconds("", bot)).toBeNull();
  });

  it("reads fractions, ignores values it cannot read, and takes the longest when several groups apply", () => {
    expect(crawlDelaySeconds("User-agent: newsfactsbot\nCrawl-delay: 0.5", bot)).toBe(0.5);
    expect(crawlDelaySeconds("User-agent: newsfactsbot\nCrawl-delay: soon\nCrawl-delay: -3\nCrawl-delay: 2s", bot)).toBeNull();
    const twoGroups = "User-agent: newsfactsbot\nCrawl-delay: 1\n\nUser-agent: NewsFactsBot/2.0\nCrawl-delay: 3\n";
    expect(crawlDelaySeconds(twoGroups, bot)).toBe(3);
  });

  it("keeps a group's rules together across its Crawl-delay line", () => {
    const txt = "User-agent: newsfactsbot\nCrawl-delay: 1\nDisallow: /private/\n";
    expect(robotsVerdict(txt, bot, "/private/a.html")).toEqual({ allowed: false, rule: "Disallow: /private/" });
  });
});
