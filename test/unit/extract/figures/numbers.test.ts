import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { numberStyle, parseDigits, readAmount } from "../../../../workers/extract/figures/numbers";

describe("parseDigits", () => {
  it("reads Vietnamese and Indonesian groups and decimal commas", () => {
    expect(parseDigits("2.067", "comma")).toBe(2067);
    expect(parseDigits("500.000", "comma")).toBe(500000);
    expect(parseDigits("6,52", "comma")).toBe(6.52);
    expect(parseDigits("1.234.567,89", "comma")).toBe(1234567.89);
  });

  it("reads English groups and decimal points", () => {
    expect(parseDigits("2,067", "dot")).toBe(2067);
    expect(parseDigits("19.4", "dot")).toBe(19.4);
    expect(parseDigits("1,234,567.5", "dot")).toBe(1234567.5);
  });

  it("treats a dot not followed by three digits as a decimal point even in Vietnamese", () => {
    expect(parseDigits("2.5", "comma")).toBe(2.5);
    expect(parseDigits("2,5", "dot")).toBe(2.5);
  });

  it("reads several marks of the other style in threes as thousands", () => {
    expect(parseDigits("1,234,567", "comma")).toBe(1234567);
    expect(parseDigits("1.234.567", "dot")).toBe(1234567);
  });

  it("rejects malformed digit strings", () => {
    expect(parseDigits("12.34.56", "comma")).toBeNull();
    expect(parseDigits("abc", "dot")).toBeNull();
  });
});

describe("readAmount", () => {
  it("applies Vietnamese scale words, stacked and compound", () => {
    expect(readAmount("2.067 triệu USD", 0, "comma")?.value).toBe(2067000000);
    expect(readAmount("74,37 nghìn tỷ đồng", 0, "comma")?.value).toBe(74370000000000);
    expect(readAmount("5 tỷ 428 triệu USD", 0, "comma")?.value).toBe(5428000000);
    expect(readAmount("500.000 tỷ VND", 0, "comma")?.value).toBe(500000000000000);
  });

  it("applies Indonesian and English scale words", () => {
    expect(readAmount("58 miliar dolar AS", 0, "comma")?.value).toBe(58000000000);
    expect(readAmount("134,79 triliun", 0, "comma")?.value).toBe(134790000000000);
    expect(readAmount("1.48 billion", 0, "dot")?.value).toBe(1480000000);
    expect(readAmount("2bn", 0, "dot")?.value).toBe(2000000000);
  });

  it("marks a number with a decimal part and no scale as fractional", () => {
    expect(readAmount("4.0 tác động", 0, "comma")?.scaled).toBe(false);
    expect(readAmount("6,5 triệu", 0, "comma")).toMatchObject({ value: 6500000, scaled: true, fractional: false });
  });
});

describe("numberStyle", () => {
  it("follows the language for vi, id and en", () => {
    expect(numberStyle("vi")).toBe("comma");
    expect(numberStyle("id")).toBe("comma");
    expect(numberStyle("en", "GDP grew 6.5% to $1.2 billion.")).toBe("dot");
  });

  it("overrides a mislabelled English page that writes Indonesian numbers", () => {
    expect(numberStyle("en", "mencapai 6,52% dan 19,4 miliar dolar AS, 2.067 juta, naik 16,7 persen, 9,6 persen")).toBe("comma");
  });
});

describe("number parsing properties", () => {
  const value = fc.oneof(
    fc.integer({ min: 0, max: 10_000_000_000 }),
    fc.double({ min: 0, max: 1e9, noNaN: true }).map((x) => Math.round(x * 100) / 100),
  );
  const locales: Array<[string, "comma" | "dot"]> = [
    ["vi-VN", "comma"],
    ["id-ID", "comma"],
    ["en-US", "dot"],
  ];

  it("never throws on arbitrary strings", () => {
    fc.assert(
      fc.property(fc.string(), fc.nat(50), (s, i) => {
        parseDigits(s, "comma");
        parseDigits(s, "dot");
        readAmount(s, Math.min(i, s.length), "comma");
        readAmount(s, Math.min(i, s.length), "dot");
      }),
    );
  });

  for (const [locale, style] of locales) {
    it(`reads back numbers formatted by Intl.NumberFormat("${locale}")`, () => {
      const fmt = new Intl.NumberFormat(locale, { maximumFractionDigits: 2, useGrouping: true });
      fc.assert(
        fc.property(value, (v) => {
          const parsed = parseDigits(fmt.format(v), style);
          expect(parsed).not.toBeNull();
          expect(Math.abs((parsed ?? 0) - Number(v.toFixed(2)))).toBeLessThan(1e-9 * Math.max(1, v));
        }),
      );
    });

    it(`reads back ${locale} numbers followed by a scale word`, () => {
      const fmt = new Intl.NumberFormat(locale, { maximumFractionDigits: 2 });
      const scale = locale === "vi-VN" ? [" triệu", 1e6] : locale === "id-ID" ? [" miliar", 1e9] : [" million", 1e6];
      fc.assert(
        fc.property(fc.double({ min: 0.01, max: 999_999, noNaN: true }), (v) => {
          const exact = Number(v.toFixed(2));
          const amount = readAmount(`${fmt.format(v)}${scale[0]} USD`, 0, style);
          expect(amount?.scaled).toBe(true);
          expect(Math.abs((amount?.value ?? 0) - exact * (scale[1] as number))).toBeLessThan(1e-6 * exact * (scale[1] as number) + 1e-6);
        }),
      );
    });
  }
});
