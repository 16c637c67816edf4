import { describe, expect, it } from "vitest";
import { findDateline } from "../../../../workers/extract/page/dateline";
import { inferArticleYear as inferYear } from "../../../../workers/extract/text/article-year";

describe("findDateline", () => {
  it("reads Vietnamese part-of-day datelines and infers the year from the article", () => {
    const text =
      "Chiều 11/12, lãnh đạo UBND Thành phố Hà Nội làm việc với Trưởng đoàn Cơ quan đại diện nhiệm kỳ 2024-2027.\nTrong năm 2024, thành phố hoàn thành 23/24 chỉ tiêu.";
    expect(findDateline(text, "vi", null)).toBe("2024-12-11");
    expect(
      findDateline("Sáng 30/10, tại Hà Nội, Bí thư Thành ủy chủ trì buổi làm việc. Trong 9 tháng năm 2020, GRDP tăng 3,27%.", "vi", null),
    ).toBe("2020-10-30");
    expect(findDateline("Ngày 23/12, Ủy ban MTTQ tổ chức hội nghị khóa XVIII, nhiệm kỳ 2024 - 2029.", "vi", null)).toBe("2024-12-23");
  });

  it("reads full Vietnamese dates with weekday or time", () => {
    expect(findDateline("Thứ Hai, 11/12/2024 08:00\nHà Nội tổ chức hội nghị.", "vi", null)).toBe("2024-12-11");
    expect(findDateline("30/06/2023 16:58\nKinh tế Thủ đô tăng trưởng.", "vi", null)).toBe("2023-06-30");
  });

  it("reads Indonesian datelines", () => {
    const text =
      "Pada sore hari tanggal 11 Desember, para pemimpin Komite Rakyat Hanoi mengadakan sesi kerja untuk masa jabatan 2024-2027. Pada tahun 2024, kota ini mencapai target.";
    expect(findDateline(text, "id", null)).toBe("2024-12-11");
    expect(findDateline("Jakarta, 11 Desember 2024 - Pemerintah kota mengumumkan hasil investasi.", "id", null)).toBe("2024-12-11");
    expect(findDateline("JAKARTA, KOMPAS.com - Menteri Perhubungan pada Kamis (2/11/2023) meninjau bandara.", "id", null)).toBe(
      "2023-11-02",
    );
  });

  it("reads English datelines in both day orders", () => {
    expect(findDateline("HANOI, May 8, 2024 — The city government said investment rose.", "en", null)).toBe("2024-05-08");
    expect(findDateline("8th May, 2024. The city government said investment rose.", "en", null)).toBe("2024-05-08");
    expect(findDateline("On May 8 the city said investment in 2024 rose by 6%.", "en", null)).toBe("2024-05-08");
  });

  it("does not read a date deep in the article as a dateline", () => {
    const text = `${"Những ngày tháng 4, thành phố Hà Nội trở nên sôi động với hội nghị hợp tác giữa các địa phương. ".repeat(6)}Diễn ra từ ngày 13 đến 16/4/2023, hội nghị là sự kiện đặc biệt.`;
    expect(findDateline(text, "vi", null)).toBeNull();
  });

  it("returns null without a year anywhere to infer from", () => {
    expect(findDateline("Chiều 11/12, lãnh đạo thành phố làm việc với các đại sứ.", "vi", null)).toBeNull();
  });

  it("prefers the date in the URL", () => {
    expect(findDateline("Chiều 11/12, lãnh đạo thành phố năm 2024.", "vi", "https://x.vn/2024/12/10/a.html")).toBe("2024-12-10");
  });
});

describe("inferYear", () => {
  it("counts the first year of a term and ignores target years", () => {
    expect(inferYear("nhiệm kỳ 2024-2027, năm 2024, tầm nhìn đến năm 2030, đến năm 2045")).toBe(2024);
    expect(inferYear("Rencana hingga 2045 dan tahun 2023 serta tahun 2023")).toBe(2023);
    expect(inferYear("no year here, only 1.500 đại biểu")).toBeNull();
  });
});

describe("findDateline year inference around the new year", () => {
  it("gives an early-January dateline the later of two years the story names", () => {
    const text =
      "Sáng 3/1, UBND TP Hà Nội tổng kết kết quả năm 2024 và triển khai nhiệm vụ năm 2025. Năm 2024, GRDP tăng 6,52%; năm 2024 thu ngân sách vượt dự toán.";
    expect(findDateline(text, "vi", null)).toBe("2025-01-03");
  });

  it("keeps a December dateline in the year under review when the plan year is named", () => {
    const text =
      "Chiều 20/12, HĐND thành phố thông qua kế hoạch năm 2025. Năm 2024, thành phố hoàn thành 23/24 chỉ tiêu; năm 2024 tăng trưởng 6,52%.";
    expect(findDateline(text, "vi", null)).toBe("2024-12-20");
  });
});

describe("findDateline after an agency tag", () => {
  it("reads the dateline that follows '(LĐTĐ)' or 'Kinhtedothi -'", () => {
    expect(
      findDateline("(LĐTĐ) Chiều 20/12, HĐND quận Bắc Từ Liêm khoá III, nhiệm kỳ 2021-2026 khai mạc kỳ họp thứ 19 năm 2024.", "vi", null),
    ).toBe("2024-12-20");
    expect(findDateline("Kinhtedothi - Sáng 11/12, UBND TP Hà Nội làm việc với các đại sứ nhiệm kỳ 2024-2027.", "vi", null)).toBe(
      "2024-12-11",
    );
  });
});
