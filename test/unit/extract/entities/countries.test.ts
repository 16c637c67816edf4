import { describe, expect, it } from "vitest";
import { extractCountries } from "../../../../workers/extract/entities/countries";

const vi = { lang: "vi", published: "2024-12-11" };
const id = { lang: "id", published: "2024-12-11" };
const en = { lang: "en", published: "2024-12-11" };

describe("extractCountries", () => {
  it("reads a Vietnamese list of partners, with the EU and without Vietnam itself", () => {
    const text =
      "Hà Nội thời gian tới sẽ tiếp tục đẩy mạnh thu hút nguồn đầu tư từ các đối tác trọng điểm như Nhật Bản, Hàn Quốc, Singapore, Mỹ và Liên minh châu Âu.";
    expect(extractCountries(text, vi)).toEqual(["JP", "KR", "SG", "US", "EU"]);
  });

  it("finds the country in a title before a foreign leader's name", () => {
    const text =
      "tiêu biểu là các đoàn của Tổng Bí Thư - Chủ tịch nước Lào Thongloun Sisoulith, Tổng thống Nga Vladimir Putin và Thủ tướng Trung Quốc Lý Cường.";
    expect(extractCountries(text, vi)).toEqual(["LA", "RU", "CN"]);
  });

  it("does not read ordinary words as countries: biện pháp, pháp luật, mỹ thuật, tiếng Anh", () => {
    const text =
      "Thành phố áp dụng nhiều biện pháp hỗ trợ. Pháp luật quy định rõ. Trường dạy mỹ thuật và tiếng Anh cho học sinh. Mỹ phẩm được bán nhiều.";
    expect(extractCountries(text, vi)).toEqual([]);
  });

  it("does not read Vietnamese names and places as countries (Chu Ngọc Anh, Lào Cai, Mỹ Đình, châu Mỹ)", () => {
    const text =
      "Chủ tịch UBND thành phố Chu Ngọc Anh làm việc tại tỉnh Lào Cai, sau đó dự trận đấu ở sân Mỹ Đình; thành phố mở rộng hợp tác với châu Mỹ, châu Phi.";
    expect(extractCountries(text, vi)).toEqual([]);
  });

  it("reads a country after a country word or next to another country", () => {
    expect(extractCountries("Các đại biểu đến từ Pháp cũng đã có cơ hội tham quan di sản của Hà Nội.", vi)).toEqual(["FR"]);
    expect(extractCountries("Hội nghị hợp tác giữa các địa phương Việt Nam - Pháp lần thứ 12", vi)).toEqual(["FR"]);
  });

  it("reads Indonesian names, AS only in upper case", () => {
    const text =
      "Hanoi akan terus menarik investasi dari mitra utama seperti Jepang, Korea Selatan, Singapura, AS, dan Uni Eropa. Skala GIDP sekitar 58 miliar dolar AS, as well.";
    expect(extractCountries(text, id)).toEqual(["JP", "KR", "SG", "US", "EU"]);
    expect(extractCountries("Duta Besar Vietnam untuk Tiongkok dan Negara Federasi Mikronesia", id)).toEqual(["CN", "FM"]);
  });

  it("reads English names and demonyms but not the continent in Latin America", () => {
    expect(extractCountries("Russian President Vladimir Putin met the Japanese delegation in Hanoi.", en)).toEqual(["RU", "JP"]);
    expect(extractCountries("Exports to Latin America rose, while the U.S. and North Korea held a summit.", en)).toEqual(["US", "KP"]);
  });

  it("keeps Triều Tiên (KP) apart from Hàn Quốc (KR)", () => {
    expect(extractCountries("Hội nghị cấp cao Hoa Kỳ – Triều Tiên lần hai; doanh nghiệp Hàn Quốc", vi)).toEqual(["US", "KP", "KR"]);
  });

  it("accepts the older tone placement (Thuỵ Sĩ)", () => {
    expect(extractCountries("Đoàn công tác thăm Thuỵ Sĩ và Thuỵ Điển.", vi)).toEqual(["CH", "SE"]);
  });
});
