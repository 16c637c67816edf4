import { describe, expect, it } from "vitest";
import { extractFacts } from "../../../../workers/extract/figures/facts";
import type { Fact, Lang } from "../../../../workers/extract/types";

// Sentences written for these tests; figures are made up.
const read = (text: string, lang: Lang, published: string | null = "2024-10-05") => extractFacts(text, { lang, published });
const roles = (facts: Fact[]) =>
  facts
    .filter((f) => f.metric !== "other")
    .map((f) => [f.metric, f.value, f.basis, f.part ? `${f.part.dimension}:${f.part.member}` : null]);

describe("slices keep their total's metric and never stand in for it", () => {
  it("reads a total and its 'trong đó / of which / di antaranya' sector slice", () => {
    expect(roles(read("9 tháng năm 2024, xuất khẩu của thành phố đạt 14 tỷ USD, trong đó khu vực FDI đạt 6,2 tỷ USD.", "vi"))).toEqual([
      ["exports", 14e9, "actual", null],
      ["exports", 6.2e9, "actual", "sector:fdi"],
    ]);
    expect(roles(read("Exports reached $9 billion in 2023, of which domestic firms shipped $3.5 billion.", "en"))).toEqual([
      ["exports", 9e9, "actual", null],
      ["exports", 3.5e9, "actual", "sector:domestic"],
    ]);
  });

  it("gives a sector's growth to the total the paragraph is about, not to FDI", () => {
    const facts = read(
      "Kim ngạch xuất khẩu tháng 9 đạt 1,6 tỷ USD, tăng 5% so với cùng kỳ. Khu vực có vốn đầu tư nước ngoài đạt 700 triệu USD, tăng 2,1%.",
      "vi",
    );
    expect(roles(facts).slice(2)).toEqual([
      ["exports", 7e8, "actual", "sector:fdi"],
      ["exports_growth", 2.1, "actual", "sector:fdi"],
    ]);
  });

  it("keeps a market whose value follows an appositive comma ('yakni', 'namely', 'tức là') as that market's slice", () => {
    expect(
      roles(read("Tahun 2022, ekspor kota mencapai 15 miliar dolar AS; ekspor ke Jepang paling tinggi, yakni 2,1 miliar dolar AS.", "id")),
    ).toEqual([
      ["exports", 15e9, "actual", null],
      ["exports", 2.1e9, "actual", "market:JP"],
    ]);
    expect(roles(read("In 2022 the city exported $15 billion; exports to Japan were the largest, namely $2.1 billion.", "en"))).toEqual([
      ["exports", 15e9, "actual", null],
      ["exports", 2.1e9, "actual", "market:JP"],
    ]);
  });

  it("reads markets after a preposition, as the subject of a partner frame, and two countries as one slice", () => {
    expect(roles(read("In 2023, exports to the United States were worth $12 billion.", "en"))).toEqual([
      ["exports", 12e9, "actual", "market:US"],
    ]);
    expect(
      roles(
        read(
          "Pada 2023, Jepang menjadi negara tujuan ekspor terbesar dengan nilai 3,1 miliar dolar AS, disusul Korea Selatan dengan 2 miliar dolar AS.",
          "id",
        ),
      ),
    ).toEqual([
      ["exports", 3.1e9, "actual", "market:JP"],
      ["exports", 2e9, "actual", "market:KR"],
    ]);
    const joined = read("Quý I/2024, có 1,5 triệu lượt khách đến từ Nhật Bản và Úc.", "vi");
    expect(joined[0].part).toEqual({ dimension: "market", member: "JP+AU" });
  });

  it("reads a partner that sells to the country as a market of its imports", () => {
    expect(roles(read("In 2022, South Korea was the largest supplier to Vietnam, with a trade value of $60 billion.", "en"))).toEqual([
      ["imports", 60e9, "actual", "market:KR"],
    ]);
  });

  it("reads commodities of trade, with the direction of a list of falls", () => {
    const facts = read(
      "Trong 8 tháng năm 2024, nhiều nhóm hàng xuất khẩu giảm so với cùng kỳ như giày dép (4,2%), hàng dệt may (3%).",
      "vi",
    );
    expect(roles(facts)).toEqual([
      ["exports_growth", -4.2, "actual", "product:footwear"],
      ["exports_growth", -3, "actual", "product:textiles"],
    ]);
  });

  it("pairs 'lần lượt / respectively' lists in order", () => {
    expect(roles(read("Năm 2023, xuất khẩu của khu vực trong nước và khu vực FDI lần lượt tăng 4% và 7%.", "vi"))).toEqual([
      ["exports_growth", 4, "actual", "sector:domestic"],
      ["exports_growth", 7, "actual", "sector:fdi"],
    ]);
    expect(roles(read("In 2023, shipments of rice and coffee earned $1 billion and $2 billion, respectively.", "en"))).toEqual([
      ["exports", 1e9, "actual", "product:rice"],
      ["exports", 2e9, "actual", "product:coffee"],
    ]);
  });

  it("splits FDI into new, added and share-purchase capital", () => {
    const facts = read(
      "In the first half of 2024, the city drew $2 billion in FDI: $800 million from new projects, $700 million from existing projects increasing their capital and $500 million through capital contributions.",
      "en",
    );
    expect(roles(facts)).toEqual([
      ["fdi_registered", 2e9, "actual", null],
      ["fdi_registered", 8e8, "actual", "component:new"],
      ["fdi_registered", 7e8, "actual", "component:added"],
      ["fdi_registered", 5e8, "actual", "component:shares"],
    ]);
  });

  it("reads international and domestic visitors as components of all visitors", () => {
    expect(roles(read("Năm 2023, thành phố đón 20 triệu lượt khách, trong đó có 4 triệu lượt khách quốc tế.", "vi"))).toEqual([
      ["tourists", 20e6, "actual", null],
      ["tourists", 4e6, "actual", "component:international"],
    ]);
    expect(roles(read("Wisatawan nusantara pada 2023 mencapai 7 juta kunjungan.", "id"))[0]).toEqual([
      "tourists",
      7e6,
      "actual",
      "component:domestic",
    ]);
  });

  it("reads branches of the economy as slices of GRDP growth only where the paragraph is about GRDP", () => {
    expect(roles(read("In 2023, GRDP grew 6.3%; the service sector grew 7.1% and industry and construction 5.2%.", "en"))).toEqual([
      ["grdp_growth", 6.3, "actual", null],
      ["grdp_growth", 7.1, "actual", "industry:services"],
      ["grdp_growth", 5.2, "actual", "industry:industry-construction"],
    ]);
    expect(roles(read("Doanh thu dịch vụ tăng 9% trong năm 2023.", "vi"))).toEqual([]);
  });
});

describe("targets and forecasts are not results", () => {
  it("reads plan nouns and planning verbs, across a comma list of goals", () => {
    expect(roles(read("Năm 2025, Hà Nội phấn đấu tăng trưởng GRDP 8%, thu ngân sách 600.000 tỷ đồng.", "vi"))).toEqual([
      ["grdp_growth", 8, "target", null],
      ["budget_revenue", 6e14, "target", null],
    ]);
    expect(roles(read("Indonesia menargetkan pertumbuhan ekonomi sebesar 5,5% pada 2025.", "id"))).toEqual([
      ["grdp_growth", 5.5, "target", null],
    ]);
    expect(roles(read("The province aims to attract $3 billion in FDI by 2030.", "en"))).toEqual([["fdi_registered", 3e9, "target", null]]);
  });

  it("keeps a result compared with a goal a result", () => {
    expect(roles(read("GRDP trong năm 2023 tăng 6,3%, thấp hơn mục tiêu 7%.", "vi"))).toEqual([
      ["grdp_growth", 6.3, "actual", null],
      ["grdp_growth", 7, "target", null],
    ]);
  });

  it("tells a projection from a year-end estimate by the article's date", () => {
    const early = read("Kinh tế năm nay được dự kiến tăng trưởng 6,5%.", "vi", "2024-03-20");
    expect(early[0].basis).toBe("forecast");
    const late = read("Kinh tế năm nay được dự kiến tăng trưởng 6,5%.", "vi", "2024-12-20");
    expect(late[0].basis).toBe("actual");
    expect(roles(read("The World Bank forecasts growth of 6% for Vietnam in 2025.", "en", "2025-01-10"))[0][2]).toBe("forecast");
  });

  it("reads a share of the plan as a share, not as a target", () => {
    expect(roles(read("Thu ngân sách năm 2023 đạt 90.000 tỷ đồng, bằng 105% dự toán.", "vi"))).toEqual([
      ["budget_revenue", 9e13, "actual", null],
      ["budget_revenue_vs_plan", 105, "actual", null],
    ]);
    expect(roles(read("Thu ngân sách năm 2023 vượt 8% so với dự toán.", "vi"))[0]).toEqual(["budget_revenue_vs_plan", 108, "actual", null]);
  });
});

describe("lists and clauses that go on with a slice", () => {
  it("reads each item of a list of markets in the frame of the first one", () => {
    const facts = read("Năm 2022, khách quốc tế đến từ Hàn Quốc đạt 300.000 lượt; Nhật Bản 120.000 lượt; Trung Quốc 45.000 lượt.", "vi");
    expect(roles(facts).map((r) => r[3])).toEqual(["market:KR", "market:JP", "market:CN"]);
    const id = read("Pada 2022, wisatawan asal Australia mencapai 90 ribu kunjungan; Jerman 40 ribu kunjungan.", "id");
    expect(roles(id).map((r) => r[3])).toEqual(["market:AU", "market:DE"]);
  });

  it("goes on with a slice after ';' when the clause names only a period, and takes no quarter-on-quarter change for growth", () => {
    const facts = read(
      "Domestic visitors reached 150,000 in November 2022; in the fourth quarter of 2022 an estimated 420,000, up 4% quarter on quarter.",
      "en",
    );
    expect(roles(facts)).toEqual([
      ["tourists", 150000, "actual", "component:domestic"],
      ["tourists", 420000, "actual", "component:domestic"],
    ]);
  });
});

describe("shares of plan", () => {
  it("keeps the growth after 'vượt X% dự toán và tăng Y%' a result, not a target", () => {
    expect(roles(read("Năm 2022, thu ngân sách đạt 300 nghìn tỷ đồng, vượt 6,5% dự toán và tăng 12% so với năm trước.", "vi"))).toEqual([
      ["budget_revenue", 300e12, "actual", null],
      ["budget_revenue_vs_plan", 106.5, "actual", null],
      ["budget_revenue_growth", 12, "actual", null],
    ]);
  });

  it("makes a slice's share of its plan a slice of the share, bracketed restatements included", () => {
    const facts = read(
      "Năm 2022, thu ngân sách đạt 300 nghìn tỷ đồng. Trong đó, thu nội địa 270 nghìn tỷ đồng, đạt 96% dự toán Trung ương giao (đạt 92% dự toán thành phố giao) và tăng 8%.",
      "vi",
    );
    expect(roles(facts).slice(1)).toEqual([
      ["budget_revenue", 270e12, "actual", "component:domestic"],
      ["budget_revenue_vs_plan", 96, "actual", "component:domestic"],
      ["budget_revenue_vs_plan", 92, "actual", "component:domestic"],
      ["budget_revenue_growth", 8, "actual", "component:domestic"],
    ]);
  });
});

describe("goals and their parts", () => {
  it("dates a goal by the year named right after it, and makes the parts of a goal goals", () => {
    const facts = read(
      "The city met its export plan this year and has set a goal of about $20 billion in exports for 2023, including $8 billion from the FDI sector.",
      "en",
      "2022-12-20",
    );
    expect(facts.map((f) => [f.value, f.basis, f.period, f.part])).toEqual([
      [20e9, "target", { start: "2023-01", end: "2023-12" }, null],
      [8e9, "target", { start: "2023-01", end: "2023-12" }, { dimension: "sector", member: "fdi" }],
    ]);
  });
});

describe("retail components", () => {
  it("reads 'retail sales of goods and services' as the total, and a component's growth past its share", () => {
    const facts = read(
      "In March 2023, retail sales of goods and consumer services reached VND60 trillion. Revenue from accommodation and food services reached VND8 trillion, accounting for 13.3 per cent of the total and growing by 9 per cent.",
      "en",
    );
    expect(roles(facts)).toEqual([
      ["retail_sales", 60e12, "actual", null],
      ["retail_sales", 8e12, "actual", "component:accommodation-food"],
      ["retail_sales_growth", 9, "actual", "component:accommodation-food"],
    ]);
  });
});
