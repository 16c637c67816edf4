import { describe, expect, it } from "vitest";
import { articleGeo, figureGeo } from "../../../../workers/extract/figures/geo";

const at = (s: string, figure: string, fallback = "hanoi") => figureGeo(s, s.indexOf(figure), fallback);

describe("articleGeo", () => {
  it("defaults to the place an article names most, else vietnam when it names Vietnam, else unknown", () => {
    expect(articleGeo("Hà Nội thu hút vốn FDI. Thành phố Hà Nội dẫn đầu. Đà Nẵng đứng thứ 3.")).toBe("hanoi");
    expect(articleGeo("Hanoi menarik investasi. Hanoi menempati peringkat ke-5.")).toBe("hanoi");
    expect(articleGeo("TP.HCM thu hút 1 tỷ USD. Trong khi đó TP.HCM cấp mới 300 dự án. Hà Nội đứng thứ 2.")).toBe("ho_chi_minh_city");
    expect(articleGeo("Việt Nam: the economy grew 6% this year.")).toBe("vietnam");
    expect(articleGeo("Mexico’s economy grew 1.1% in the first quarter.")).toBe("unknown");
  });
});

describe("figureGeo", () => {
  it("takes the nation when it is the subject before the figure", () => {
    expect(at("Cả nước thu hút 24,78 tỷ USD vốn FDI trong 9 tháng", "24,78")).toBe("vietnam");
    expect(at("Secara nasional, investasi asing mencapai 24,78 miliar dolar AS", "24,78")).toBe("vietnam");
  });

  it("does not take the nation from the scope of a rank or a comparison", () => {
    expect(at("Hà Nội hiện đứng thứ 2 toàn quốc về thu hút FDI với 19,4% số dự án", "19,4")).toBe("hanoi");
    expect(at("GRDP tăng 3,27%, gấp 1,54 lần mức tăng của cả nước", "1,54")).toBe("hanoi");
    expect(at("tăng trưởng cao hơn so với cả nước 1,5 điểm", "1,5")).toBe("hanoi");
  });

  it("takes another named province as the subject", () => {
    expect(at("Trong khi đó, TP.HCM đứng thứ 2 với 1,9 tỷ USD", "1,9")).toBe("ho_chi_minh_city");
    expect(at("Vốn FDI của Đà Nẵng đạt 500 triệu USD", "500")).toBe("da_nang");
  });
});
