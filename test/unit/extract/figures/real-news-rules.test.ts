import { describe, expect, it } from "vitest";
import { extractFacts, MAX_FACTS } from "../../../../workers/extract/figures/facts";
import type { Fact, Lang } from "../../../../workers/extract/types";

// Sentences written for these tests, one rule each; figures are made up.
const read = (text: string, lang: Lang, published: string | null = null, title: string | null = null) =>
  extractFacts(text, { lang, published }, title);
const named = (facts: Fact[]) => facts.filter((f) => f.metric !== "other");
const periodOf = (facts: Fact[], value: number) => facts.find((f) => f.value === value)?.period ?? null;
const metricOf = (facts: Fact[], value: number) => facts.find((f) => f.value === value)?.metric;

describe("periods bound to the right number", () => {
  it("gives each number of a list the label stated before it", () => {
    const facts = read("Năm 2023, GRDP quý I tăng 5,1%, quý II tăng 6,2%, quý III tăng 7,3%.", "vi");
    expect(periodOf(facts, 5.1)).toEqual({ start: "2023-01", end: "2023-03" });
    expect(periodOf(facts, 6.2)).toEqual({ start: "2023-04", end: "2023-06" });
    expect(periodOf(facts, 7.3)).toEqual({ start: "2023-07", end: "2023-09" });
    const en = read("GDP grew 5.1% in the first quarter of 2023, 6.2% in the second quarter and 7.3% in the third quarter.", "en");
    expect(periodOf(en, 6.2)).toEqual({ start: "2023-04", end: "2023-06" });
  });

  it("reads 'N tháng của năm YYYY' as N months, not the year", () => {
    expect(periodOf(read("Trong 10 tháng của năm 2022, xuất khẩu đạt 12 tỷ USD.", "vi"), 12e9)).toEqual({
      start: "2022-01",
      end: "2022-10",
    });
  });

  it("settles 'this year' by the article's date, without moving it to last year", () => {
    expect(periodOf(read("Quý I năm nay, GRDP tăng 5,4%.", "vi", "2024-04-02"), 5.4)).toEqual({ start: "2024-01", end: "2024-03" });
    expect(periodOf(read("Ekonomi tahun ini diperkirakan tumbuh 6%.", "id", "2024-04-02"), 6)).toEqual({
      start: "2024-01",
      end: "2024-12",
    });
  });

  it("reads as-of dates as the months up to them", () => {
    expect(periodOf(read("Per 30 Juni 2024, realisasi ekspor mencapai 20 miliar dolar AS.", "id"), 20e9)).toEqual({
      start: "2024-01",
      end: "2024-06",
    });
  });

  it("gives a baseline period to the figure of the baseline", () => {
    const facts = read("Năm 2024, thu ngân sách tăng 12%, cao hơn cùng kỳ năm 2023 là 9%.", "vi");
    expect(periodOf(facts, 12)).toEqual({ start: "2024-01", end: "2024-12" });
    expect(periodOf(facts, 9)).toEqual({ start: "2023-01", end: "2023-12" });
    const id = read("Selama enam bulan pertama 2024, ekspor tumbuh 7%, lebih tinggi dari periode yang sama tahun lalu (5%).", "id");
    expect(periodOf(id, 5)).toEqual({ start: "2023-01", end: "2023-06" });
  });

  it("does not carry a headline's period into the body", () => {
    const facts = read("Kim ngạch xuất khẩu tháng 5/2024 đạt 1,3 tỷ USD.", "vi", null, "Xuất khẩu 6 tháng đầu năm 2024 đạt 8 tỷ USD");
    expect(periodOf(facts, 1.3e9)).toEqual({ start: "2024-05", end: "2024-05" });
    expect(periodOf(facts, 8e9)).toEqual({ start: "2024-01", end: "2024-06" });
  });

  it("counts a same-period year as the year before the one reported", () => {
    const facts = read("Lượng khách quý I ước đạt 3 triệu lượt, tăng 10% so với cùng kỳ 2023.", "vi");
    expect(periodOf(facts, 3e6)).toEqual({ start: "2024-01", end: "2024-03" });
  });
});

describe("guards against wrong cues", () => {
  it("leaves month-on-month changes and ratios out of growth", () => {
    const facts = read("Tháng 6/2024, xuất khẩu đạt 1,2 tỷ USD, giảm 3% so với tháng trước và bằng 95% cùng kỳ.", "vi");
    expect(metricOf(facts, 3)).toBe("other");
    expect(metricOf(facts, 95)).toBe("other");
    expect(metricOf(read("In June 2024, exports rose 4% month-on-month.", "en"), 4)).toBe("other");
  });

  it("reads the capital of new businesses as theirs, not as investment", () => {
    const facts = read("Năm 2023, có 25.000 doanh nghiệp thành lập mới với tổng vốn đăng ký 300.000 tỷ đồng.", "vi");
    expect(named(facts).map((f) => f.metric)).toEqual(["new_enterprises", "new_enterprises_capital"]);
  });

  it("reads a change of an amount, a threshold and a range as no level", () => {
    expect(metricOf(read("In 2024, GDP per capita reached $4,900, an increase of $200.", "en"), 200)).toBe("other");
    expect(metricOf(read("Pada 2023, sebanyak 30 barang ekspor mencatat nilai lebih dari 2 miliar dolar AS.", "id"), 2e9)).toBe("other");
    expect(named(read("In 2025 the city targets GRDP growth of between 7% and 8%.", "en"))).toEqual([]);
  });

  it("leaves exchange rates out, so they do not hide the growth after them", () => {
    const facts = read("Pada 2023 nilai ekspor mencapai 20 miliar dolar AS (1 dolar AS = Rp15.500), naik 4 persen.", "id");
    expect(named(facts).map((f) => [f.metric, f.value])).toEqual([
      ["exports", 20e9],
      ["exports_growth", 4],
    ]);
  });

  it("reads a growth of the number of projects as no share and no growth of capital", () => {
    const facts = read("Năm 2023, vốn FDI đạt 2 tỷ USD, số dự án cấp mới tăng 15% số dự án so với cùng kỳ.", "vi");
    expect(metricOf(facts, 15)).toBe("other");
  });

  it("reads a growth named after its figure", () => {
    const facts = read("In 2023, the city drew US$1.5 billion in FDI, marking a 20% year-on-year rise.", "en");
    expect(named(facts).map((f) => [f.metric, f.value])).toEqual([
      ["fdi_registered", 1.5e9],
      ["fdi_growth", 20],
    ]);
  });
});

describe("input limits", () => {
  it("keeps at most MAX_FACTS facts and repeats once", () => {
    const line = (i: number) => `Tháng ${(i % 12) + 1}/2023, xuất khẩu đạt ${i + 1} triệu USD.`;
    const text = Array.from({ length: 3000 }, (_, i) => line(i)).join("\n");
    expect(read(text, "vi").length).toBe(MAX_FACTS);
    const repeated = Array.from({ length: 50 }, () => line(1)).join("\n");
    expect(read(repeated, "vi").length).toBe(1);
  });
});

describe("more rules from unseen news", () => {
  it("reads several quarters, a bare count of months before a comparison, and 'between' month ranges", () => {
    expect(periodOf(read("In the first three quarters of 2022, exports rose 9.1%.", "en"), 9.1)).toEqual({
      start: "2022-01",
      end: "2022-09",
    });
    expect(periodOf(read("Trong 3 quý đầu năm 2022, GRDP tăng 6,8%.", "vi"), 6.8)).toEqual({ start: "2022-01", end: "2022-09" });
    expect(periodOf(read("Selama tiga kuartal pertama 2022, ekspor naik 4,2 persen.", "id"), 4.2)).toEqual({
      start: "2022-01",
      end: "2022-09",
    });
    expect(periodOf(read("Pada 2022, pertumbuhan PDRB 6 bulan sebesar 5,5 persen.", "id"), 5.5)).toEqual({
      start: "2022-01",
      end: "2022-06",
    });
    expect(periodOf(read("Between February and May 2022, exports rose 3.3%.", "en"), 3.3)).toEqual({ start: "2022-02", end: "2022-05" });
    expect(periodOf(read("In February and May 2022, exports rose 3.3%.", "en"), 3.3)).not.toEqual({ start: "2022-02", end: "2022-05" });
  });

  it("keeps the period in force when a sentence lists its parts", () => {
    const facts = read(
      "In the first nine months of 2022, GRDP rose 6.9%. It grew 6.1% in Q1, 6.9% in Q2 and 7.7% in Q3. Services climbed 7.2% year on year.",
      "en",
    );
    expect(periodOf(facts, 7.7)).toEqual({ start: "2022-07", end: "2022-09" });
    expect(periodOf(facts, 7.2)).toEqual({ start: "2022-01", end: "2022-09" });
  });

  it("takes a bar that a counted set of places clears for no value, but keeps the list after it", () => {
    const facts = read(
      "Năm 2022, có 5/63 tỉnh, thành phố có tốc độ tăng trưởng GRDP trên 12%: Bắc Giang (14,2%), Hải Phòng (12,3%).",
      "vi",
    );
    expect(metricOf(facts, 12)).toBe("other");
    expect(metricOf(facts, 14.2)).toBe("grdp_growth");
    expect(metricOf(facts, 12.3)).toBe("grdp_growth");
  });

  it("reads a share contributed to a whole as no growth", () => {
    const facts = read("In 2022, GRDP grew 7%; services grew 6.1%, contributing 48.5% to the GRDP increase.", "en");
    expect(metricOf(facts, 6.1)).toBe("grdp_growth");
    expect(metricOf(facts, 48.5)).toBe("other");
  });
});

describe("wordings from the project's own demo articles", () => {
  it("reads 'the last quarter of the year' in the year the sentence just named", () => {
    const facts = read("GRDP grew 7.1% in the third quarter of 2022 and 7.4% in the last quarter of the year.", "en", "2022-12-01");
    expect(periodOf(facts, 7.4)).toEqual({ start: "2022-10", end: "2022-12" });
  });

  it("reads an economy that shrank or contracted as negative growth", () => {
    expect(named(read("Perekonomian kota menyusut 3,1 persen pada kuartal kedua 2020.", "id")).map((f) => [f.metric, f.value])).toEqual([
      ["grdp_growth", -3.1],
    ]);
    expect(named(read("In the second quarter of 2020 the economy contracted 2.2%.", "en")).map((f) => [f.metric, f.value])).toEqual([
      ["grdp_growth", -2.2],
    ]);
  });

  it("takes a bare 'nông nghiệp' and the full Indonesian farm-sector name as the agriculture branch of GRDP", () => {
    const vi = read("Năm 2021, GRDP tăng 2,9%, trong đó dịch vụ tăng 3,1%; nông nghiệp tăng 2,2%.", "vi");
    expect(vi.find((f) => f.value === 2.2)?.part).toEqual({ dimension: "industry", member: "agriculture" });
    const id = read("Ekonomi kota tumbuh 2,9 persen pada 2021, dengan sektor pertanian, kehutanan dan perikanan sebesar 2,2 persen.", "id");
    expect(id.find((f) => f.value === 2.2)?.part).toEqual({ dimension: "industry", member: "agriculture" });
  });
});

describe("all-time totals", () => {
  it("gives a cumulative figure no period, but keeps 'lũy kế 9 tháng' the nine months", () => {
    expect(periodOf(read("Since 1995, Korean investors have put $4.4 billion into the city.", "en", "2022-05-01"), 4.4e9)).toBeNull();
    expect(periodOf(read("Tính lũy kế đến nay, thành phố thu hút 60 tỷ USD vốn FDI.", "vi", "2022-05-01"), 60e9)).toBeNull();
    expect(periodOf(read("Lũy kế 4 tháng năm 2022, vốn FDI đạt 1,1 tỷ USD.", "vi"), 1.1e9)).toEqual({ start: "2022-01", end: "2022-04" });
  });
});

describe("cumulative spans", () => {
  it("keeps the span a cumulative word names after it", () => {
    expect(periodOf(read("Secara kumulatif, ekspor kota selama Januari-Mei 2022 mencapai 2,1 miliar dolar AS.", "id"), 2.1e9)).toEqual({
      start: "2022-01",
      end: "2022-05",
    });
  });
});

describe("a paragraph of all-time totals", () => {
  it("keeps the next sentences all-time until one names a period", () => {
    const facts = read(
      "Năm 2022, thành phố thu hút 2 tỷ USD vốn FDI. Tính lũy kế, có 110 quốc gia đầu tư vào thành phố. Hàn Quốc dẫn đầu với 9,8 tỷ USD. Riêng năm 2022, Hàn Quốc đầu tư 0,5 tỷ USD.",
      "vi",
    );
    expect(periodOf(facts, 9.8e9)).toBeNull();
    expect(periodOf(facts, 0.5e9)).toEqual({ start: "2022-01", end: "2022-12" });
  });
});

describe("English change phrases and converted amounts", () => {
  it("reads 'a decrease of X% in exports' as export growth", () => {
    expect(named(read("In 2022 the city recorded a decrease of 2.4% in exports.", "en")).map((f) => [f.metric, f.value])).toEqual([
      ["exports_growth", -2.4],
    ]);
  });

  it("keeps an amount converted in brackets the same measure, whatever the total's name holds", () => {
    const facts = read("In 2022, retail sales of goods and services reached VND700 trillion (over US$29 billion).", "en");
    expect(named(facts).map((f) => [f.metric, f.value])).toEqual([
      ["retail_sales", 700e12],
      ["retail_sales", 29e9],
    ]);
  });

  it("still takes the bar a counted set of items clears for no value", () => {
    expect(metricOf(read("Năm 2022, có 12 mặt hàng xuất khẩu đạt trên 1 tỷ USD.", "vi"), 1e9)).toBe("other");
  });
});

describe("changes on the month before, beside changes on the year before", () => {
  it("drops the month-on-month change and keeps the year-on-year one of the same measure", () => {
    const facts = read("Trong tháng 5/2022, xuất khẩu đạt 1,4 tỷ USD, tăng 2,1% so với tháng trước và tăng 7,7% so với cùng kỳ.", "vi");
    expect(metricOf(facts, 2.1)).toBe("other");
    expect(metricOf(facts, 7.7)).toBe("exports_growth");
  });
});

describe("a headline figure the body reads in context", () => {
  it("gives way to the body's month-on-month reading of the same figure, but stands where the body names no measure", () => {
    const mom = read("Tháng 9/2022, chỉ số giá tiêu dùng tăng 1,2% so với tháng 8.", "vi", null, "CPI tháng 9 tăng 1,2%");
    expect(named(mom)).toEqual([]);
    const growth = read(
      "The city's economy in 2022 is projected to surpass 7% compared to 2.9% last year.",
      "en",
      "2022-12-05",
      "Hanoi GRDP growth to hit over 7% in 2022",
    );
    expect(named(growth).map((f) => [f.metric, f.value])).toContainEqual(["grdp_growth", 7]);
  });
});

describe("new businesses, conversions and frames", () => {
  it("reads an amount converted in brackets as the figure before it was finally read", () => {
    const facts = read(
      "In the first five months of 2022, 9,000 new enterprises were established, with total registered capital of 90 trillion VND (nearly 3.8 billion USD).",
      "en",
    );
    expect(named(facts).map((f) => [f.metric, f.value])).toEqual([
      ["new_enterprises", 9000],
      ["new_enterprises_capital", 90e12],
      ["new_enterprises_capital", 3.8e9],
    ]);
  });

  it("gives 'last year's corresponding period' to the figure before, not to the amount after it", () => {
    const facts = read(
      "In May 2022 alone, 1,900 new enterprises were set up, up 12% over last year's corresponding period, with registered capital of 20 trillion VND.",
      "en",
    );
    expect(periodOf(facts, 20e12)).toEqual({ start: "2022-05", end: "2022-05" });
  });

  it("keeps the period in force past a record 'in the 2010-2022 period'", () => {
    const facts = read(
      "In the first half of 2022 the city collected 190 trillion VND, the highest increase in the 2010-2022 period. Domestic revenue reached 180 trillion VND.",
      "en",
    );
    expect(periodOf(facts, 180e12)).toEqual({ start: "2022-01", end: "2022-06" });
  });

  it("reads the state-run business sector as the state sector", () => {
    const facts = read(
      "In 2022, the city collected 300 trillion VND in budget revenue; the State-run business sector contributed 40 trillion VND.",
      "en",
    );
    expect(facts.find((f) => f.value === 40e12)?.part).toEqual({ dimension: "sector", member: "state" });
  });
});
