import { describe, expect, it } from "vitest";
import { maxNesting } from "../../../workers/ingest/markup-guard";
import { decodeBody } from "../../../workers/net/decode";
import { encodeWindows1258 } from "../../support/fault-routes";

describe("windows-1258", () => {
  it("turns a Vietnamese page written with combining tone marks into precomposed text", () => {
    const sentence = "Kim ngạch xuất nhập khẩu của Thủ đô đạt 19,4 tỷ USD, tăng 16,7% so với cùng kỳ năm trước.";
    const bytes = encodeWindows1258(sentence);
    expect(bytes.length).toBeGreaterThan(sentence.length); // tone marks are separate bytes
    expect(decodeBody(bytes, "text/html; charset=windows-1258")).toBe(sentence);
    // Declared utf-8 but not utf-8: decoded again as windows-1258.
    expect(decodeBody(bytes, "text/html; charset=utf-8")).toBe(sentence);
  });
});

describe("markup nesting guard", () => {
  it("counts nesting as written, ignoring void elements, optional end tags and script bodies", () => {
    expect(maxNesting("<html><body><div><p>a<p>b<br><img src=x></div></body></html>")).toBe(3);
    expect(maxNesting('<script>for (i = 0; i < n; i++) s += "<div>";</script><div></div>')).toBe(1);
    expect(maxNesting("<div><span><b>".repeat(5000))).toBe(15_000);
  });
});
