import { describe, expect, it } from "vitest";
import { fold, foldKeepingPositions } from "../../../../workers/extract/text/fold";
import { splitSentences } from "../../../../workers/extract/text/sentences";

describe("splitSentences", () => {
  it("keeps decimals, abbreviations and initials inside sentences and quotes with theirs", () => {
    const text =
      'Tổng thu ngân sách đạt 120,5% dự toán, cụ thể là khoảng 500.000 tỷ VND", Phó Giám đốc phát biểu. "Kim ngạch đạt 19,4 tỷ USD".\nIt rose 5% on Jan. 5 in the U.S. market. Prof. Smith agreed.';
    const parts = splitSentences(text);
    expect(parts.map((s) => s.text)).toEqual([
      'Tổng thu ngân sách đạt 120,5% dự toán, cụ thể là khoảng 500.000 tỷ VND", Phó Giám đốc phát biểu.',
      '"Kim ngạch đạt 19,4 tỷ USD".',
      "It rose 5% on Jan. 5 in the U.S. market.",
      "Prof. Smith agreed.",
    ]);
    for (const s of parts) expect(text.slice(s.start, s.start + s.text.length)).toBe(s.text);
  });
});

describe("fold", () => {
  it("folds Vietnamese to plain lower case", () => {
    expect(fold("Hà Nội  Đống Đa")).toBe("ha noi dong da");
  });

  it("keeps every position when folding for matching", () => {
    const s = "Kim ngạch Xuất khẩu tăng 9,6% — Đà Nẵng";
    const f = foldKeepingPositions(s);
    expect(f).toHaveLength(s.length);
    expect(f).toBe("kim ngach xuat khau tang 9,6% — da nang");
    // Old and new tone placement fold alike.
    expect(foldKeepingPositions("hoá")).toBe(foldKeepingPositions("hóa"));
  });
});
