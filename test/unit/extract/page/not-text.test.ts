import { describe, expect, it } from "vitest";
import { extract, NotTextError, notTextReason } from "../../../../workers/extract";

/** Bytes of noise, decoded the way a page would be. */
function noise(n: number): string {
  const bytes = new Uint8Array(n);
  let x = 12345;
  for (let i = 0; i < n; i++) {
    x = (x * 1664525 + 1013904223) >>> 0;
    bytes[i] = x >>> 24;
  }
  return new TextDecoder("utf-8").decode(bytes);
}

describe("non-text input", () => {
  it("refuses binary bodies with the reason", () => {
    const body = noise(200_000);
    expect(notTextReason(body)).toMatch(/^not text: \d+% of the first 16 KB are control or undecodable characters$/);
    expect(() => extract({ body, kind: "html" })).toThrow(NotTextError);
  });

  it("accepts pages with a stray control character", () => {
    const page = `<html><body><p>Thu ngân sách đạt 10 tỷ đồng.\u0007</p>${"<p>Đoạn văn bình thường của bài báo.</p>".repeat(40)}</body></html>`;
    expect(notTextReason(page)).toBeNull();
    expect(notTextReason("")).toBeNull();
  });
});
