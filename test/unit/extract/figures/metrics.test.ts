import { describe, expect, it } from "vitest";
import { classify } from "../../../../workers/extract/figures/metrics";
import { findQuantities } from "../../../../workers/extract/figures/quantities";

const metrics = (s: string, lang: "vi" | "id" | "en" = "vi") => {
  const qs = findQuantities(s, lang === "en" ? "dot" : "comma", lang);
  return classify(s, qs).map((c) => c.metric);
};

describe("classify (vi)", () => {
  it("names the subject nearest the figure: trade, its growth, then exports' growth", () => {
    expect(metrics("Kim ngạch xuất nhập khẩu hàng năm của Hà Nội đạt 19,4 tỷ USD, tăng 16,7%, trong đó xuất khẩu tăng 9,6%.")).toEqual([
      "trade_turnover",
      "trade_turnover_growth",
      "exports_growth",
    ]);
  });

  it("reads a topic standing right after the amount, and a rank about FDI", () => {
    expect(metrics("Thành phố thu hút được 2.067 triệu USD vốn FDI đăng ký, đứng thứ 5 cả nước")).toEqual(["fdi_registered", "fdi_rank"]);
    expect(
      metrics(
        "Hà Nội hiện đứng thứ 2 toàn quốc về thu hút vốn đầu tư nước ngoài (FDI) với 19,4% số dự án; 10,2% vốn đầu tư đăng ký và 8,4% vốn giải ngân so với cả nước.",
      ),
    ).toEqual(["fdi_rank", "fdi_project_share", "fdi_registered_share", "fdi_disbursed_share"]);
  });

  it("tells budget revenue from its share of the estimate", () => {
    expect(metrics("Tổng thu ngân sách ước tính đạt 120,5% dự toán, cụ thể là khoảng 500.000 tỷ VND")).toEqual([
      "budget_revenue_vs_plan",
      "budget_revenue",
    ]);
  });

  it("tells licensed FDI and domestic projects from all licensed projects by the longer cue", () => {
    const s =
      "Tại Hội nghị, thành phố Hà Nội đã trao quyết định chủ trương đầu tư, giấy chứng nhận đầu tư cho 71 dự án đầu tư với tổng số vốn đầu tư 397.335 tỷ đồng, trong đó: có 11 dự án FDI với tổng vốn đầu tư là 130.061 tỷ đồng, 60 dự án đầu tư trong nước với tổng số vốn đầu tư là 267.274 tỷ đồng.";
    expect(metrics(s)).toEqual([
      "investment_projects_licensed",
      "investment_capital_licensed",
      "fdi_projects_licensed",
      "fdi_capital_licensed",
      "domestic_projects_licensed",
      "domestic_capital_licensed",
    ]);
  });

  it("keeps partner cities apart from cities with a signed agreement and from trading partners", () => {
    expect(
      metrics(
        "Hà Nội có quan hệ hữu nghị, hợp tác với hơn 100 thành phố, thủ đô của các nước; trong đó, đã ký thỏa thuận hợp tác với 61 thủ đô, thành phố các nước; có quan hệ kinh tế thương mại với gần 200 quốc gia và vùng lãnh thổ",
      ),
    ).toEqual(["partner_cities", "cooperation_agreements", "trading_partners"]);
  });

  it("leaves figures that are not clearly a catalog metric as other", () => {
    expect(
      metrics(
        "Năm 2025, quận Thanh Xuân phấn đấu tốc độ tăng giá trị sản xuất trên địa bàn đạt 8,8% (trong đó công nghiệp và xây dựng tăng 6,8%; dịch vụ tăng 11%)",
      ),
    ).toEqual(["other", "other", "other"]);
    expect(metrics("Toàn Thành phố ghi nhận 258 trường hợp mắc sốt xuất huyết")).toEqual(["other"]);
  });

  it("gives a growth after another measure's amount to that measure, not to the topic before it", () => {
    expect(
      metrics("Hà Nội thu hút 1,73 tỷ USD vốn FDI, xếp thứ 4 cả nước; tổng vốn đầu tư xã hội ước đạt 269.000 tỷ đồng, tăng 12,5%."),
    ).toEqual(["fdi_registered", "fdi_rank", "social_investment", "social_investment_growth"]);
    expect(metrics("Số dự án đầu tư trực tiếp nước ngoài cấp mới là 486 dự án, giảm 3,2%.")).toEqual(["fdi_projects_new", "other"]);
    expect(metrics("Thu ngân sách nhà nước trên địa bàn đạt 348.300 tỷ đồng, bằng 68,2% dự toán, tăng 46,4% so với cùng kỳ.")).toEqual([
      "budget_revenue",
      "budget_revenue_vs_plan",
      "budget_revenue_growth",
    ]);
  });

  it("gives a fall a negative growth value", () => {
    const s = "Kim ngạch nhập khẩu đạt 8 tỷ USD, giảm 3,5%";
    const qs = findQuantities(s, "comma", "vi");
    expect(classify(s, qs)[1]).toMatchObject({ metric: "imports_growth", value: -3.5 });
  });
});

describe("classify (id, en)", () => {
  it("does not take 'ekspor' inside 'omzet impor-ekspor' as exports", () => {
    expect(
      metrics("Omzet impor-ekspor tahunan Hanoi mencapai 19,4 miliar dolar AS, naik 16,7%, di mana ekspor meningkat sebesar 9,6%.", "id"),
    ).toEqual(["trade_turnover", "trade_turnover_growth", "exports_growth"]);
  });

  it("reads Indonesian delegations by the noun after the count", () => {
    expect(
      metrics(
        "Hanoi menyelenggarakan 17 delegasi diplomatik para pemimpin kota, termasuk 11 delegasi yang dipimpin oleh para pemimpin kota dan 6 delegasi yang mendampingi para pemimpin Partai dan Negara.",
        "id",
      ),
    ).toEqual(["outbound_delegations", "outbound_delegations_city_led", "outbound_delegations_accompanying"]);
  });

  it("reads English economic sentences", () => {
    expect(
      metrics("The city's total State budget revenue was estimated at VND 350 trillion, equal to 85.4% of the yearly estimate.", "en"),
    ).toEqual(["budget_revenue", "budget_revenue_vs_plan"]);
    expect(metrics("Import-export turnover reached nearly $30 billion, up 10.5%, of which exports rose 12.3%.", "en")).toEqual([
      "trade_turnover",
      "trade_turnover_growth",
      "exports_growth",
    ]);
    expect(metrics("Mexico's central bank has raised interest rates to 11.25% and inflation remains high, at 6.85%.", "en")).toEqual([
      "other",
      "cpi_growth",
    ]);
  });
});
