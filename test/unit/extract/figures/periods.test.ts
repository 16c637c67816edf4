import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { findPeriods, shiftPeriod } from "../../../../workers/extract/figures/periods";
import { inferArticleYear } from "../../../../workers/extract/text/article-year";

const ctx = (year: number | null = null, publishedMonth: number | null = null) => ({ year, publishedMonth });
const first = (s: string, year: number | null = null) => findPeriods(s, ctx(year))[0]?.period ?? null;

describe("findPeriods (vi)", () => {
  it("reads whole years and the first N months of a year", () => {
    expect(first("Trong năm 2024, thành phố đã cơ bản hoàn thành 23/24 chỉ tiêu")).toEqual({ start: "2024-01", end: "2024-12" });
    expect(first("Trong 9 tháng năm 2020, tổng sản phẩm trên địa bàn (GRDP) tăng 3,27%")).toEqual({ start: "2020-01", end: "2020-09" });
    expect(first("6 tháng đầu năm 2018, với tổng số vốn FDI thu hút là 5 tỷ 915 triệu USD")).toEqual({ start: "2018-01", end: "2018-06" });
  });

  it("takes the year in force for yearless periods", () => {
    expect(first("Trong 6 tháng đầu năm, Thành phố thu hút gần 2.265 triệu USD vốn FDI", 2023)).toEqual({
      start: "2023-01",
      end: "2023-06",
    });
    expect(first("4 tháng đầu năm nay, xuất khẩu tăng 9%", 2024)).toEqual({ start: "2024-01", end: "2024-04" });
    expect(first("Trong 6 tháng đầu năm, Thành phố thu hút vốn FDI", null)).toBeNull();
  });

  it("reads quarters, months and year ranges", () => {
    expect(first("GRDP quý I/2023 tăng 6,1%")).toEqual({ start: "2023-01", end: "2023-03" });
    expect(first("CPI tháng 7/2023 tăng 0,4%")).toEqual({ start: "2023-07", end: "2023-07" });
    expect(first("giai đoạn 2011-2022, Hà Nội thu hút 40 tỷ USD")).toEqual({ start: "2011-01", end: "2022-12" });
  });

  it("marks the same period of the previous year as a one-year shift", () => {
    const [p] = findPeriods("Tốc độ tăng trưởng dự kiến đạt 6,52% so với 6,27% cùng kỳ năm trước.", ctx(2024));
    // A baseline: it belongs to the figure right before it and never carries.
    expect(p).toMatchObject({ period: null, shift: 1, comparison: true });
    expect(shiftPeriod({ start: "2024-01", end: "2024-09" }, 1)).toEqual({ start: "2023-01", end: "2023-09" });
  });

  it("flags baselines and skips horizons, terms and dates", () => {
    expect(findPeriods("dẫn đầu cả nước và vượt kết quả năm 2022", ctx())[0]?.comparison).toBe(true);
    expect(findPeriods("phát triển của thủ đô Hà Nội đến năm 2020", ctx())).toEqual([]);
    expect(findPeriods("Trưởng Cơ quan đại diện nhiệm kỳ 2024-2027", ctx())).toEqual([]);
    expect(findPeriods("Ngày 11 tháng 12 năm 2024, lãnh đạo thành phố làm việc", ctx())).toEqual([]);
  });
});

describe("findPeriods (id, en)", () => {
  it("reads Indonesian periods", () => {
    expect(first("Pada tahun 2024, kota ini pada dasarnya telah mencapai 23/24 target")).toEqual({ start: "2024-01", end: "2024-12" });
    expect(first("selama sembilan bulan pertama tahun 2024 tumbuh 6,12%")).toEqual({ start: "2024-01", end: "2024-09" });
    expect(first("pertumbuhan pada kuartal III/2024 mencapai 6,42%")).toEqual({ start: "2024-07", end: "2024-09" });
    expect(findPeriods("6,27% pada periode yang sama tahun lalu", ctx(2024))[0]).toMatchObject({ shift: 1 });
  });

  it("reads 'so far this year' up to a stated day or month", () => {
    expect(first("từ đầu năm đến ngày 20/9, Hà Nội thu hút 2,04 tỷ USD vốn FDI", 2024)).toEqual({ start: "2024-01", end: "2024-09" });
    expect(first("Hingga 20 September, Hanoi menarik investasi asing", 2024)).toEqual({ start: "2024-01", end: "2024-09" });
    expect(first("Pendapatan anggaran selama sembilan bulan mencapai 336.522 miliar VND", 2024)).toEqual({
      start: "2024-01",
      end: "2024-09",
    });
    expect(first("Thu ngân sách 9 tháng đạt 336.522 tỷ đồng", 2024)).toEqual({ start: "2024-01", end: "2024-09" });
    expect(first("chỉ mất 2 tháng để chữa khỏi", 2024)).toBeNull();
  });

  it("puts a yearless period that would end after publication in the previous year", () => {
    expect(findPeriods("9 tháng đầu năm, xuất khẩu tăng 5%", { year: 2024, publishedMonth: 5 })[0]?.period).toEqual({
      start: "2023-01",
      end: "2023-09",
    });
  });

  it("reads English periods", () => {
    expect(first("In the January-September period, the capital attracted US$1.48 billion", 2024)).toEqual({
      start: "2024-01",
      end: "2024-09",
    });
    expect(first("GRDP grew 6.12% in the first nine months of 2024")).toEqual({ start: "2024-01", end: "2024-09" });
    expect(first("Mexico's economy grew by 1.1% in the first quarter of 2023")).toEqual({ start: "2023-01", end: "2023-03" });
    expect(first("Last year, the city's economy expanded by 6.27%", 2024)).toEqual({ start: "2023-01", end: "2023-12" });
  });

  it("never throws on arbitrary strings", () => {
    fc.assert(
      fc.property(fc.string(), fc.option(fc.integer({ min: 1900, max: 2100 })), (s, y) => {
        findPeriods(s, ctx(y));
        inferArticleYear(s);
      }),
    );
    fc.assert(
      fc.property(
        fc.stringMatching(/^[0-9a-zăâđêôơưáàạ\s/-]{0,40}(?:tháng|năm|quý|bulan|tahun|Q)[0-9IV\s/-]{0,12}$/),
        (s) => void findPeriods(s, ctx(2024)),
      ),
    );
  });
});

describe("inferArticleYear", () => {
  it("picks the year the text names most", () => {
    expect(inferArticleYear("Diễn ra từ ngày 13 đến 16/4/2023 … vào năm 2023 … 8 tháng năm 2023 … vượt kết quả năm 2022")).toBe(2023);
    expect(inferArticleYear("Không có năm nào")).toBeNull();
  });
});

describe("findPeriods word starts", () => {
  it("reads no month or year inside a longer word, and still reads the one after it", () => {
    const s = "Dismay 2024 was an album; its sales rose in March 2024.";
    const found = findPeriods(s, { year: 2024, publishedMonth: null });
    expect(found.map((p) => s.slice(p.start, p.end))).toEqual(["in March 2024"]);
    expect(found[0].period).toEqual({ start: "2024-03", end: "2024-03" });
  });
});
