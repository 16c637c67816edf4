import { describe, expect, it } from "vitest";
import { charsetFrom, decodeBody } from "../../../workers/net/decode";

const utf8 = (s: string) => new TextEncoder().encode(s);

describe("decodeBody", () => {
  it("decodes utf-8 Vietnamese as served", () => {
    expect(decodeBody(utf8("<p>Vốn FDI đăng ký đạt 2.067 triệu USD</p>"), "text/html; charset=utf-8")).toBe(
      "<p>Vốn FDI đăng ký đạt 2.067 triệu USD</p>",
    );
  });

  it("takes the charset from the header, then from a meta tag", () => {
    const latin1 = Uint8Array.from([0x3c, 0x70, 0x3e, 0x63, 0x61, 0x66, 0xe9, 0x3c, 0x2f, 0x70, 0x3e]); // <p>café</p> in ISO-8859-1
    expect(decodeBody(latin1, "text/html; charset=ISO-8859-1")).toBe("<p>café</p>");
    const withMeta = new Uint8Array([...utf8('<meta charset="iso-8859-1">'), ...latin1]);
    expect(decodeBody(withMeta, "text/html")).toBe('<meta charset="iso-8859-1"><p>café</p>');
  });

  it("falls back to a single-byte decoding when a page claims utf-8 but is not", () => {
    const bytes = Uint8Array.from([0x48, 0xe0, 0x20, 0x4e, 0xe9]); // "Hà Né" in windows-1258
    const text = decodeBody(bytes, "text/html; charset=utf-8");
    expect(text).not.toContain("\uFFFD");
    expect(text.startsWith("Hà")).toBe(true);
  });

  it("reads the charset parameter in its usual spellings", () => {
    expect(charsetFrom('text/html; charset="windows-1258"')).toBe("windows-1258");
    expect(charsetFrom("text/html")).toBeNull();
  });
});
