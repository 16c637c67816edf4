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
