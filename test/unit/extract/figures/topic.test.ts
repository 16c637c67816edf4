import { describe, expect, it } from "vitest";
import { extractFacts } from "../../../../workers/extract/figures/facts";
import type { Fact, Lang } from "../../../../workers/extract/types";

const facts = (text: string, lang: Lang = "vi"): Fact[] => extractFacts(text, { lang, published: "2024-11-01" });
const pick = (fs: Fact[]) => fs.map((f) => [f.metric, f.value, f.geo]);

describe("the paragraph's topic names figures no cue named", () => {
  it("gives places ranked with an amount the FDI metrics of their paragraph (vi)", () => {
    const out = facts(
      "Vốn FDI đăng ký vào cả nước 10 tháng đạt 27,26 tỷ USD. Bắc Ninh dẫn đầu cả nước với hơn 4,1 tỷ USD. Hà Nội xếp thứ ba với 2,12 tỷ USD.",
    );
    expect(pick(out).slice(1)).toEqual([
      ["fdi_rank", 1, "bac_ninh"],
      ["fdi_registered", 4100000000, "bac_ninh"],
      ["fdi_rank", 3, "hanoi"],
      ["fdi_registered", 2120000000, "hanoi"],
    ]);
  });

  it("takes the topic from a share named later in the paragraph when none came before", () => {
    const out = facts(
      "Tăng trưởng kinh tế đạt 6%.\nĐà Nẵng xếp thứ hai với 1,5 tỷ USD. Thành phố chiếm 5,5% tổng vốn đầu tư đăng ký của cả nước.",
    );
    expect(pick(out).slice(1, 3)).toEqual([
      ["fdi_rank", 2, "da_nang"],
      ["fdi_registered", 1500000000, "da_nang"],
    ]);
  });

  it("works the same way in English and Indonesian", () => {
    const en = facts(
      "Foreign direct investment (FDI) registered in Vietnam reached $27.26 billion in the first ten months of 2024. Bac Ninh led the country with over $4.1 billion. Hanoi ranked third with $2.12 billion.",
      "en",
    );
    expect(pick(en).slice(1)).toEqual([
      ["fdi_rank", 1, "bac_ninh"],
      ["fdi_registered", 4100000000, "bac_ninh"],
      ["fdi_rank", 3, "hanoi"],
      ["fdi_registered", 2120000000, "hanoi"],
    ]);
    const id = facts(
      "Investasi asing langsung (FDI) yang terdaftar di Vietnam mencapai 27,26 miliar dolar AS. Hanoi menempati peringkat ketiga dengan 2,12 miliar dolar AS.",
      "id",
    );
    expect(pick(id).slice(1)).toEqual([
      ["fdi_rank", 3, "hanoi"],
      ["fdi_registered", 2120000000, "hanoi"],
    ]);
  });

  it("gives a top investor's capital in an FDI article to FDI, and leaves an amount spent and a component as other", () => {
    const out = facts(
      "Vốn FDI vào Hà Nội đạt 2 tỷ USD. Singapore là nhà đầu tư lớn nhất với gần 8,5 tỷ USD. Hà Nội chi 5.000 tỷ đồng cho trường học. Trong đó, hàng điện tử đạt 3 tỷ USD.",
    );
    expect(out.slice(1).map((f) => f.metric)).toEqual(["fdi_registered", "other", "other"]);
    const en = facts(
      "FDI into Hanoi reached $2 billion. Hanoi ranked third with $2.12 billion, while Singapore was the largest investor with $8.5 billion.",
      "en",
    );
    expect(en.map((f) => f.metric)).toEqual(["fdi_registered", "fdi_rank", "fdi_registered", "fdi_registered"]);
    // Without FDI in the article or the sentence, a "largest investor" amount is not named.
    expect(facts("Singapore là nhà đầu tư lớn nhất với gần 8,5 tỷ USD.")[0].metric).toBe("other");
  });

  it("never carries across a paragraph, a target or a new metric cue, and only to fitting units", () => {
    expect(
      facts("Vốn FDI đạt 2 tỷ USD.\nHà Nội xếp thứ ba với 2,12 tỷ USD.")
        .slice(1)
        .map((f) => f.metric),
    ).toEqual(["other", "other"]);
    expect(facts("Vốn FDI đạt 2 tỷ USD. Hà Nội đặt mục tiêu đạt 3 tỷ USD.")[1].metric).toBe("other");
    // After an export figure the topic is exports: an amount is exports, a rank has no export metric.
    const out = facts("Vốn FDI đạt 2 tỷ USD. Kim ngạch xuất khẩu đạt 15 tỷ USD. Hà Nội xếp thứ hai với 3 tỷ USD.");
    expect(pick(out).slice(2)).toEqual([
      ["other", 2, "hanoi"],
      ["exports", 3000000000, "hanoi"],
    ]);
  });
});
