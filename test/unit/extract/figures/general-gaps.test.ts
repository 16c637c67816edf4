import { describe, expect, it } from "vitest";
import { extractFacts } from "../../../../workers/extract/figures/facts";
import type { Fact } from "../../../../workers/extract/types";

const facts = (text: string, lang: "vi" | "id" | "en", published = "2024-12-20") => extractFacts(text, { lang, published });
/** metric, value and geo of each fact. */
const pick = (fs: Fact[]) => fs.map((f) => [f.metric, f.value, f.geo]);
const year = (y: number) => ({ start: `${y}-01`, end: `${y}-12` });

describe("per-capita figures", () => {
  it("names GRDP or income per capita grdp_per_capita, never grdp, in three languages", () => {
    for (const [s, lang] of [
      ["Hanoi's per capita GRDP reached US$7,500 in 2024.", "en"],
      ["The per capita income of Hanoi reached US$7,500 in 2024.", "en"],
      ["Năm 2024, thu nhập bình quân đầu người của Hà Nội đạt 7.500 USD.", "vi"],
      ["Năm 2024, GRDP bình quân đầu người của Hà Nội đạt 7.500 USD.", "vi"],
      ["Pada 2024, PDRB per kapita Hanoi mencapai 7.500 dolar AS.", "id"],
    ] as const)
      expect(
        pick(facts(s, lang)).map((f) => f.slice(0, 2)),
        s,
      ).toEqual([["grdp_per_capita", 7500]]);
  });

  it("does not read a multiple of per-capita income as a multiple of national growth", () => {
    expect(facts("The city's per capita income reached US$6,000, 1.5 times the national average.", "en")[1].metric).toBe("other");
    expect(facts("Thu nhập bình quân đầu người đạt 7.500 USD, gấp 1,5 lần bình quân cả nước.", "vi")[1].metric).toBe("other");
    expect(facts("Pendapatan per kapita mencapai 7.500 dolar AS, 1,5 kali rata-rata nasional.", "id")[1].metric).toBe("other");
    // A multiple of growth stays one.
    expect(facts("The economy grew 6.5%, 1.2 times the national average.", "en")[1].metric).toBe("grdp_growth_vs_national");
  });

  it("leaves the growth of GRDP per capita out of GRDP growth", () => {
    expect(facts("In 2024, GRDP per capita grew 8%.", "en")[0].metric).toBe("other");
  });
});

describe("numbers", () => {
  it("reads quadrillions in three languages", () => {
    for (const [s, lang] of [
      ["In 2024, HCM City's state budget revenue reached VND1.58 quadrillion.", "en"],
      ["Năm 2024, thu ngân sách đạt 1,58 triệu tỷ đồng.", "vi"],
      ["Năm 2024, thu ngân sách đạt 1,58 nghìn nghìn tỷ đồng.", "vi"],
      ["Pada 2024, pendapatan anggaran mencapai 1,58 kuadriliun VND.", "id"],
    ] as const) {
      const [f] = facts(s, lang);
      expect([f.metric, f.value, f.currency], s).toEqual(["budget_revenue", 1.58e15, "VND"]);
    }
  });

  it("reads ordinal words as ranks when a ranking names the metric", () => {
    expect(pick(facts("In 2024, FDI attraction reached US$2.5 billion, ranking the city fourth nationwide.", "en"))[1].slice(0, 2)).toEqual(
      ["fdi_rank", 4],
    );
    expect(facts("In 2024, Hanoi took second place nationwide in FDI attraction.", "en")[0]).toMatchObject({
      metric: "fdi_rank",
      value: 2,
    });
    expect(facts("Năm 2024, vốn FDI đạt 2,5 tỷ USD, xếp thứ tư cả nước.", "vi")[1]).toMatchObject({ metric: "fdi_rank", value: 4 });
    expect(facts("Năm 2024, thu hút FDI của Hà Nội đứng thứ nhì cả nước.", "vi")[0]).toMatchObject({ metric: "fdi_rank", value: 2 });
    expect(facts("Pada 2024, modal FDI mencapai 2,5 miliar dolar AS, peringkat keempat nasional.", "id")[1]).toMatchObject({
      metric: "fdi_rank",
      value: 4,
    });
    // "among the top 10" is no rank.
    expect(facts("The report ranked Hanoi among the top 10 in the PCI.", "en")).toEqual([]);
  });

  it("keeps a number word's count when a catalog cue claims it, and drops it otherwise", () => {
    expect(facts("In 2024, the city sent three trade promotion delegations abroad.", "en")[0]).toMatchObject({
      metric: "trade_promotion_delegations",
      value: 3,
    });
    expect(facts("Năm 2024, thành phố tổ chức ba đoàn xúc tiến thương mại.", "vi")[0]).toMatchObject({
      metric: "trade_promotion_delegations",
      value: 3,
    });
    expect(facts("Pada 2024, kota mengirim tiga delegasi promosi perdagangan.", "id")[0]).toMatchObject({
      metric: "trade_promotion_delegations",
      value: 3,
    });
    expect(facts("The city has three large public delegations of artists.", "en")).toEqual([]);
  });
});

describe("visitor, investor, delegate and fall cues", () => {
  it("names visitor counts and their growth, with a nationality or origin word", () => {
    expect(pick(facts("Năm 2024, khách quốc tế đạt 6,12 triệu lượt, tăng 33,4% so với năm 2023.", "vi")).map((f) => f.slice(0, 2))).toEqual(
      [
        ["tourists", 6120000],
        ["tourists_growth", 33.4],
      ],
    );
    expect(facts("In 2024, Hanoi welcomed nearly 1.4 million Korean tourists.", "en")[0]).toMatchObject({
      metric: "tourists",
      value: 1400000,
    });
    expect(pick(facts("Foreign arrivals reached 6.12 million in 2024, up 33.4% year on year.", "en")).map((f) => f.slice(0, 2))).toEqual([
      ["tourists", 6120000],
      ["tourists_growth", 33.4],
    ]);
    expect(
      pick(facts("Wisatawan mancanegara ke Hanoi pada 2024 mencapai 6,12 juta kunjungan, naik 33,4%.", "id")).map((f) => f.slice(0, 2)),
    ).toEqual([
      ["tourists", 6120000],
      ["tourists_growth", 33.4],
    ]);
    // A capitalised word after a number with no visitor cue stays out.
    expect(facts("The company hired 1.4 million Korean workers.", "en")).toEqual([]);
  });

  it("gives the top foreign investor's amount to FDI", () => {
    expect(
      facts("In 2024, South Korea was the largest foreign investor in Hanoi with 120 projects worth US$1.2 billion.", "en")[1].metric,
    ).toBe("fdi_registered");
    expect(facts("Pada 2024, Korea Selatan merupakan investor asing terbesar dengan nilai 1,2 miliar dolar AS.", "id")[0].metric).toBe(
      "fdi_registered",
    );
  });

  it("reads Indonesian conference attendance", () => {
    expect(facts("Konferensi tersebut dihadiri lebih dari 500 delegasi.", "id")[0]).toMatchObject({
      metric: "conference_delegates",
      value: 500,
      qualifier: "more_than",
    });
    expect(facts("Konferensi tersebut dihadiri oleh lebih dari 500 peserta dari 20 negara.", "id")[0].metric).toBe("conference_delegates");
  });

  it("signs falls negative on growth metrics", () => {
    expect(facts("In 2024, the number of foreign tourists dropped 3%.", "en")[0]).toMatchObject({ metric: "tourists_growth", value: -3 });
    expect(facts("Năm 2024, kim ngạch nhập khẩu giảm 5,2% so với năm trước.", "vi")[0]).toMatchObject({
      metric: "imports_growth",
      value: -5.2,
    });
    expect(facts("Pada 2024, ekspor mengalami penurunan 5,2%.", "id")[0]).toMatchObject({ metric: "exports_growth", value: -5.2 });
  });
});

describe("the second figure of a comparison", () => {
  it("takes the first figure's metric and its own place", () => {
    for (const [s, lang, geo] of [
      ["In 2024, Hanoi's GRDP grew 7.2%, faster than Ho Chi Minh City's 6.5%.", "en", "ho_chi_minh_city"],
      ["Năm 2024, GRDP của Hà Nội tăng 6,52%, cao hơn so với mức 5,72% của cả nước.", "vi", "vietnam"],
      ["Năm 2024, tăng trưởng GRDP của Hà Nội đạt 6,52%, trong khi TP.HCM đạt 7,17%.", "vi", "ho_chi_minh_city"],
      ["Pada 2024, PDRB Hanoi tumbuh 6,52%, sementara Kota Ho Chi Minh tumbuh 7,17%.", "id", "ho_chi_minh_city"],
      ["Pada 2024, pertumbuhan ekonomi Hanoi mencapai 6,52%, lebih tinggi dari rata-rata nasional 5,72%.", "id", "vietnam"],
    ] as const) {
      const fs = facts(s, lang);
      expect(
        fs.map((f) => [f.metric, f.geo]),
        s,
      ).toEqual([
        ["grdp_growth", "hanoi"],
        ["grdp_growth", geo],
      ]);
    }
    const money = facts("In 2024, Hanoi's exports reached US$19 billion, compared with HCM City's US$51.7bn in 2023.", "en");
    expect(money[1]).toMatchObject({ metric: "exports", geo: "ho_chi_minh_city", period: year(2023) });
  });

  it("leaves a gap in points and a plain other figure alone, and marks a compared target as a target", () => {
    const pts = facts("Năm 2024, GRDP của Hà Nội tăng 6,52%, cao hơn 0,8 điểm phần trăm so với cả nước.", "vi");
    expect(pts[1].metric).toBe("other");
    // A target compared with is the target of the same measure, not a result.
    const target = facts("In 2024, Hanoi's GRDP grew 7.2%, compared with the target of 8%.", "en")[1];
    expect([target.metric, target.basis]).toEqual(["grdp_growth", "target"]);
    expect(facts("In 2024, Hanoi's GRDP grew 7.2%, while industry grew 9%.", "en")[1].metric).toBe("other");
  });
});

describe("periods", () => {
  it("reads the full year, not the months elapsed", () => {
    for (const [s, lang] of [
      ["GRDP grew 6.5% in the first nine months. The full-year figure is expected at 7%.", "en"],
      ["GRDP 9 tháng tăng 6,5%. Cả năm, GRDP ước tăng 7%.", "vi"],
      ["PDRB sembilan bulan tumbuh 6,5%. Sepanjang tahun, pertumbuhan ekonomi diperkirakan 7%.", "id"],
    ] as const) {
      const fs = facts(s, lang, "2024-10-05");
      expect(
        fs.map((f) => [f.metric, f.period]),
        s,
      ).toEqual([
        ["grdp_growth", { start: "2024-01", end: "2024-09" }],
        ["grdp_growth", year(2024)],
      ]);
    }
  });

  it("dates an index figure by the index year, not the month it was published", () => {
    for (const [s, lang] of [
      ["Theo chỉ số PAR Index 2023 công bố tháng 4/2024, Hà Nội xếp thứ 5.", "vi"],
      ["In PCI 2023, released in May 2024, Hanoi ranked 10th.", "en"],
      ["Dalam PCI 2023 yang dirilis pada Mei 2024, Hanoi menempati peringkat ke-10.", "id"],
    ] as const)
      expect(facts(s, lang, "2024-05-05")[0], s).toMatchObject({ metric: "pci_rank", period: year(2023) });
  });

  it("reads 'in 2024' after an amount as the year", () => {
    expect(facts("Hanoi's GRDP per capita reached US$7,500 in 2024.", "en")[0].period).toEqual(year(2024));
  });

  it("keeps a target's metric and marks it a target, not a result", () => {
    for (const [s, lang] of [
      ["Cả năm, thành phố phấn đấu tăng trưởng GRDP 8%.", "vi"],
      ["For the full year, the city targets GRDP growth of 8%.", "en"],
    ] as const) {
      const [f] = facts(s, lang);
      expect([f.metric, f.basis]).toEqual(["grdp_growth", "target"]);
    }
  });
});

describe("per-capita markers stay in their clause", () => {
  it("names only the per-capita amount of a sentence with both", () => {
    expect(
      pick(facts("In 2024, Hanoi's GRDP reached VND1.4 quadrillion and per capita GRDP VND160 million.", "en")).map((f) => f[0]),
    ).toEqual(["grdp", "grdp_per_capita"]);
    expect(
      pick(facts("Pada 2024, PDRB per kapita Hanoi mencapai 160 juta VND, sedangkan PDRB mencapai 1.400 triliun VND.", "id")).map(
        (f) => f[0],
      ),
    ).toEqual(["grdp_per_capita", "grdp"]);
    expect(facts("In 2024, Hanoi's GRDP reached US$7,500 per capita.", "en")[0].metric).toBe("grdp_per_capita");
  });

  it("keeps a multiple of the national growth when the growth words follow it", () => {
    expect(facts("Năm 2024, GRDP Hà Nội gấp 1,2 lần mức tăng trưởng chung của cả nước.", "vi")[0].metric).toBe("grdp_growth_vs_national");
    expect(facts("Năm 2024, GRDP bình quân đầu người của Hà Nội gấp 1,5 lần bình quân cả nước.", "vi")[0].metric).toBe("other");
  });
});

describe("visitor word orders", () => {
  it("reads arrivals 'rose … to N', 'hit N' and Indonesian 'wisman'", () => {
    expect(pick(facts("In 2024, foreign visitor arrivals rose 33.4% to 6.12 million.", "en")).map((f) => f.slice(0, 2))).toEqual([
      ["tourists_growth", 33.4],
      ["tourists", 6120000],
    ]);
    expect(facts("International visitors to Hanoi hit 6.12 million in 2024.", "en")[0].metric).toBe("tourists");
    expect(pick(facts("Pada 2024, kunjungan wisman ke Hanoi mencapai 6,12 juta, naik 33,4%.", "id")).map((f) => f.slice(0, 2))).toEqual([
      ["tourists", 6120000],
      ["tourists_growth", 33.4],
    ]);
    // A bare "N million" with no visitor word stays out.
    expect(facts("In 2024, the fund rose 3% to 6.12 million.", "en").map((f) => f.unit)).toEqual(["percent"]);
  });
});
