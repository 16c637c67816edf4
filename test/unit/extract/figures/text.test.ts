import { describe, expect, it } from "vitest";
import { anyOfPattern, longestOfPattern } from "../../../../workers/extract/text/any-of";
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

describe("anyOfPattern", () => {
  it("finds any of the words, and only those, like a plain alternation", () => {
    const words = ["tháng", "the year", "this year", "q 1", "q1", "h1", "half", "a.b"];
    const re = new RegExp(anyOfPattern(words));
    const plain = new RegExp(words.map((w) => w.replace(/[.*+?^${}()|[\]\\]/g, "\\$&")).join("|"));
    for (const s of ["trong 9 tháng", "in this year", "q 1 2024", "the first half", "axb", "this yea", "q 2", "a.b"]) {
      expect(re.test(s)).toBe(plain.test(s));
    }
    expect(re.test("axb")).toBe(false);
  });
});

describe("longestOfPattern", () => {
  it("matches the longest name at a position, with any separator for a space", () => {
    const re = new RegExp(`${longestOfPattern(["ha noi", "ha nam", "thu do ha noi", "ha"], "[^a-z0-9]+")}(?![a-z0-9])`, "g");
    expect([..."thu do ha, noi va ha nam, ha giang".matchAll(re)].map((m) => m[0])).toEqual(["thu do ha, noi", "ha nam", "ha"]);
  });
});
