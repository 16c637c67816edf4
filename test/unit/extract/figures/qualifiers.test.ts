import { describe, expect, it } from "vitest";
import { qualifierBefore } from "../../../../workers/extract/figures/qualifiers";

const q = (s: string, figure: string) => qualifierBefore(s, s.indexOf(figure));

describe("qualifierBefore", () => {
  it("reads estimate, approx, more_than and less_than in Vietnamese", () => {
    expect(q("Tốc độ tăng trưởng dự kiến đạt 6,52% so với 6,27% cùng kỳ năm trước.", "6,52")).toBe("estimate");
    expect(q("Quy mô GIDP đạt khoảng 58 tỷ USD, đảm bảo cân đối thu chi ngân sách.", "58")).toBe("approx");
    expect(q("tổng vốn đầu tư đăng ký trên 74,37 nghìn tỷ đồng", "74,37")).toBe("more_than");
    expect(q("tỷ lệ hộ nghèo dưới 0,5%", "0,5")).toBe("less_than");
  });

  it("lets the qualifier nearest the number win", () => {
    expect(q("Tổng thu ngân sách ước tính đạt 120,5% dự toán, cụ thể là khoảng 500.000 tỷ VND", "120,5")).toBe("estimate");
    const budget = "Tổng thu ngân sách ước tính đạt 120,5% dự toán, cụ thể là khoảng 500.000 tỷ VND";
    expect(qualifierBefore(budget, budget.indexOf("500.000"), budget.indexOf("120,5%") + 6)).toBe("approx");
    expect(q("với giá trị viện trợ khoảng hơn 20 tỷ đồng", "20")).toBe("more_than");
    expect(q("với tổng mức đầu tư, dự kiến, trong thời gian tới, khoảng gần 70.000 tỷ đồng", "70.000")).toBe("approx");
  });

  it("does not read a comparison as more_than", () => {
    expect(q("Tăng trưởng cao hơn 1,5 điểm phần trăm so với cả nước", "1,5")).toBe("exact");
    expect(q("growth was higher than 5% last year", "5%")).toBe("exact");
  });

  it("reads Indonesian and English qualifiers", () => {
    expect(q("Tingkat pertumbuhan diperkirakan mencapai 6,52%", "6,52")).toBe("estimate");
    expect(q("dengan lebih dari 65 delegasi internasional", "65")).toBe("more_than");
    expect(q("The city welcomed about 19.1 million visitors", "19.1")).toBe("approx");
    expect(q("spending more than $146 million before the election", "146")).toBe("more_than");
    expect(q("monthly rent up to $3,664", "3,664")).toBe("less_than");
  });

  it("needs adjacency for words with other senses", () => {
    expect(q("Hà Nội đứng trên địa bàn với 12 đoàn", "12")).toBe("exact");
    expect(q("talked about the plan, 5 delegations came", "5")).toBe("exact");
  });
});
