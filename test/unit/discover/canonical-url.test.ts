import { describe, expect, it } from "vitest";
import { canonicalUrl } from "../../../workers/discover/canonical-url";

describe("canonical URLs for links found in listings", () => {
  it("drops what cannot be fetched: other schemes and unparsable links", () => {
    expect(canonicalUrl("javascript:alert(1)")).toBeNull();
    expect(canonicalUrl("mailto:toasoan@example.vn")).toBeNull();
    expect(canonicalUrl("http://[bad")).toBeNull();
  });

  it("makes one URL of one article behind different tracking links", () => {
    const a = canonicalUrl("https://Example.vn:443/tin-tuc/a.html?utm_source=feed-a&utm_medium=rss#top");
    const b = canonicalUrl("https://example.vn/tin-tuc/a.html?fbclid=IwAR0xyz&ref=homepage");
    expect(a).toBe("https://example.vn/tin-tuc/a.html");
    expect(b).toBe(a);
  });
});

describe("canonicalUrl", () => {
  it("drops the fragment and tracking parameters and lower-cases the host", () => {
    expect(canonicalUrl("HTTPS://KinhTeDoThi.vn/ha-noi-dat-trong-tam.html?utm_source=rss&utm_medium=feed#comments")).toBe(
      "https://kinhtedothi.vn/ha-noi-dat-trong-tam.html",
    );
  });

  it("keeps parameters that select content, sorted so their order does not make a new URL", () => {
    expect(canonicalUrl("https://example.vn/view?page=2&id=15&fbclid=abc")).toBe("https://example.vn/view?id=15&page=2");
    expect(canonicalUrl("https://example.vn/view?id=15&page=2")).toBe(canonicalUrl("https://example.vn/view?page=2&id=15"));
  });

  it("drops default ports and resolves relative links against a base", () => {
    expect(canonicalUrl("/tin-tuc/a.html", "http://example.vn:80/rss.xml")).toBe("http://example.vn/tin-tuc/a.html");
  });

  it("refuses what is not an http(s) URL", () => {
    expect(canonicalUrl("javascript:alert(1)")).toBeNull();
    expect(canonicalUrl("mailto:toasoan@example.vn")).toBeNull();
    expect(canonicalUrl("not a url")).toBeNull();
  });
});
