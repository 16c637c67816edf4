/**
 * Page decoding inside workerd, where the pipeline runs: the runtime's own TextDecoder reads
 * windows-1258 (the Vietnamese code page), so no hand-written table is needed.
 */
import { describe, expect, it } from "vitest";
import { decodeBody } from "../../../workers/net/decode";
import { encodeWindows1258 } from "../../support/fault-routes";

/** "Hà Nội" in windows-1258 as CMSs write it: base letters, then a tone-mark byte (0xCC grave, 0xF2 dot below). */
const HA_NOI = Uint8Array.from([0x48, 0x61, 0xcc, 0x20, 0x4e, 0xf4, 0xf2, 0x69]);

describe("windows-1258 in workerd", () => {
  it("the runtime's TextDecoder knows the label and maps the tone-mark bytes", () => {
    expect(new TextDecoder("windows-1258").decode(HA_NOI).normalize("NFC")).toBe("Hà Nội");
    expect(new TextDecoder("windows-1258").decode(Uint8Array.from([0xf0, 0xd0]))).toBe("đĐ");
  });

  it("decodeBody gives precomposed Vietnamese for a page declared windows-1258 (any label), or claiming utf-8 but not", () => {
    for (const contentType of ["text/html; charset=windows-1258", "text/html; charset=cp1258", "text/html; charset=utf-8"])
      expect(decodeBody(HA_NOI, contentType)).toBe("Hà Nội");
  });

  it("round-trips a whole Vietnamese sentence written with combining tone marks", () => {
    const sentence = "Kinh tế Thủ đô tăng trưởng 8,5%, thu ngân sách vượt 500 nghìn tỷ đồng.";
    const bytes = encodeWindows1258(sentence);
    expect(bytes.length).toBeGreaterThan(sentence.length);
    expect(decodeBody(bytes, "text/html; charset=windows-1258")).toBe(sentence);
  });
});
