import { describe, expect, it } from "vitest";
import { extractCountries } from "../../../../workers/extract/entities/countries";

const vi = { lang: "vi", published: "2024-11-01" };
const id = { lang: "id", published: "2024-11-01" };
const en = { lang: "en", published: "2024-11-01" };

describe("extractCountries — currencies are not mentions of the country", () => {
  it("ignores US$, 'Singapore dollars' and 'US dollar' in English but keeps the country named on its own", () => {
    expect(extractCountries("Exports were estimated at US$9.45 billion, up 8.1%.", en)).toEqual([]);
    expect(extractCountries("The fund holds 2 billion Singapore dollars in bonds.", en)).toEqual([]);
    expect(extractCountries("Exports to the US reached US$5 billion.", en)).toEqual(["US"]);
  });

  it("ignores 'dolar AS' in Indonesian but keeps 'Amerika Serikat'", () => {
    expect(extractCountries("Hanoi menarik FDI sebesar 2,04 miliar dolar AS.", id)).toEqual([]);
    expect(extractCountries("Investor berasal dari Jepang dan Amerika Serikat, dengan modal 3 miliar dolar AS.", id)).toEqual(["JP", "US"]);
  });

  it("ignores 'đô la Mỹ' and 'yên Nhật' in Vietnamese but keeps the partner list", () => {
    expect(extractCountries("Kim ngạch đạt 5 tỷ đô la Mỹ, đồng yên Nhật giảm giá.", vi)).toEqual([]);
    expect(extractCountries("Các nhà đầu tư đến từ Nhật Bản, Hàn Quốc và Hoa Kỳ.", vi)).toEqual(["JP", "KR", "US"]);
  });

  it("does not count the state written in brackets after a territory", () => {
    expect(extractCountries("Tiếp theo là Nhật Bản, Hồng Kông (Trung Quốc) và Hàn Quốc.", vi)).toEqual(["JP", "HK", "KR"]);
    expect(extractCountries("Trung Quốc và Hàn Quốc là hai đối tác lớn.", vi)).toEqual(["CN", "KR"]);
  });
});
