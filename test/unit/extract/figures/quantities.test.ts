import { describe, expect, it } from "vitest";
import { findQuantities } from "../../../../workers/extract/figures/quantities";

const vi = (s: string) =>
  findQuantities(s, "comma", "vi").map(({ value, unit, currency }) => ({ value, unit, ...(currency ? { currency } : {}) }));
const id = (s: string) =>
  findQuantities(s, "comma", "id").map(({ value, unit, currency }) => ({ value, unit, ...(currency ? { currency } : {}) }));
const en = (s: string) =>
  findQuantities(s, "dot", "en").map(({ value, unit, currency }) => ({ value, unit, ...(currency ? { currency } : {}) }));

describe("findQuantities (vi)", () => {
  it("reads money in base units, percentages and ranks", () => {
    expect(vi("Thành phố thu hút được 2.067 triệu USD vốn FDI đăng ký, đứng thứ 5 cả nước")).toEqual([
      { value: 2067000000, unit: "currency", currency: "USD" },
      { value: 5, unit: "rank" },
    ]);
    expect(vi("Kim ngạch xuất nhập khẩu đạt 19,4 tỷ USD, tăng 16,7%")).toEqual([
      { value: 19400000000, unit: "currency", currency: "USD" },
      { value: 16.7, unit: "percent" },
    ]);
    expect(vi("có 11 dự án FDI với tổng vốn đầu tư là 130.061 tỷ đồng (tương đương 5 tỷ 428 triệu USD)")).toEqual([
      { value: 11, unit: "count" },
      { value: 130061000000000, unit: "currency", currency: "VND" },
      { value: 5428000000, unit: "currency", currency: "USD" },
    ]);
  });

  it("reads counts of things, a fraction of targets as a count, multiples and 'dẫn đầu cả nước'", () => {
    expect(vi("Hà Nội đã tổ chức 17 đoàn ngoại giao của lãnh đạo thành phố")).toEqual([{ value: 17, unit: "count" }]);
    expect(vi("thành phố đã cơ bản hoàn thành 23/24 chỉ tiêu kinh tế - xã hội")).toEqual([{ value: 23, unit: "count" }]);
    expect(vi("GRDP tăng 3,27%, gấp 1,54 lần mức tăng của cả nước")).toEqual([
      { value: 3.27, unit: "percent" },
      { value: 1.54, unit: "times" },
    ]);
    expect(vi("Thành phố thu hút gần 2.265 triệu USD vốn FDI, dẫn đầu cả nước")[1]).toEqual({ value: 1, unit: "rank" });
    expect(vi("Hà Nội đã tạm vượt lên đứng thứ nhất cả nước")).toEqual([{ value: 1, unit: "rank" }]);
  });

  it("leaves out dates, years, ordinals, durations, terms and identifiers", () => {
    expect(vi("Chiều 11/12, lãnh đạo Ủy Ban Nhân Dân Thành phố Hà Nội làm việc nhiệm kỳ 2024-2027.")).toEqual([]);
    expect(vi("Hội nghị hợp tác lần thứ 12 diễn ra từ ngày 13 đến 16/4/2023, kỷ niệm 50 năm quan hệ ngoại giao")).toEqual([]);
    expect(vi("Nghị quyết 15-NQ/TW, Nghị quyết 22 của Bộ Chính trị và Nghị quyết 28 của Trung ương 8 Khóa XI")).toEqual([]);
    expect(vi("những thách thức của cuộc cách mạng công nghiệp 4.0 tác động đến sự phát triển")).toEqual([]);
    expect(vi("là 1 trong 3 địa phương đứng đầu cả nước")).toEqual([{ value: 3, unit: "count" }]);
    expect(vi("chỉ số giá tiêu dùng tháng 9/2024 tăng 0,36%")).toEqual([{ value: 0.36, unit: "percent" }]);
    expect(vi("Liên hệ đường dây nóng 024.3825.1234 hoặc 0912 345 678 lúc 10h30 ngày 5/5.")).toEqual([]);
  });
});

describe("findQuantities (id)", () => {
  it("reads Indonesian amounts, ranks and counts", () => {
    expect(id("Skala GIDP sekitar 58 miliar dolar AS")).toEqual([{ value: 58000000000, unit: "currency", currency: "USD" }]);
    expect(id("sekitar 500.000 miliar VND")).toEqual([{ value: 500000000000000, unit: "currency", currency: "VND" }]);
    expect(id("menarik modal FDI terdaftar sebesar 2.067 juta dolar AS, menempati peringkat ke-5 di negara ini")).toEqual([
      { value: 2067000000, unit: "currency", currency: "USD" },
      { value: 5, unit: "rank" },
    ]);
    expect(id("menyambut 12 delegasi tingkat tinggi")).toEqual([{ value: 12, unit: "count" }]);
  });

  it("ignores page furniture", () => {
    expect(id("[iklan_2]\nKomentar (0)")).toEqual([]);
  });
});

describe("findQuantities (en)", () => {
  it("reads currency signs, scale words and percent words", () => {
    expect(en("the capital attracted US$1.48 billion in foreign direct investment, ranking fifth nationwide")).toEqual([
      { value: 1480000000, unit: "currency", currency: "USD" },
      { value: 5, unit: "rank" },
    ]);
    expect(en("Britain's FTSE 100 slipped 0.14 per cent")).toEqual([{ value: 0.14, unit: "percent" }]);
    expect(en("spending about $980bn (£720bn) in 2025")).toEqual([
      { value: 980000000000, unit: "currency", currency: "USD" },
      { value: 720000000000, unit: "currency", currency: "GBP" },
    ]);
    expect(en("signed 15 MoUs worth US$2.5 billion")).toEqual([
      { value: 15, unit: "count" },
      { value: 2500000000, unit: "currency", currency: "USD" },
    ]);
  });

  it("leaves out names, addresses, measures and times", () => {
    expect(en("Aidan Joly joined the News 4 staff in 2022.")).toEqual([]);
    expect(en("a bag weighing a mere 3 pounds and 6 ounces, 300 miles away at 7 p.m.")).toEqual([]);
    expect(en("Ryan Hollman of 3170 W. County Road 600S met them at 10:30")).toEqual([]);
  });
});
