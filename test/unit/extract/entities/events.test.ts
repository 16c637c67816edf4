import { describe, expect, it } from "vitest";
import { findDateRanges } from "../../../../workers/extract/entities/date-ranges";
import { extractEvents } from "../../../../workers/extract/entities/events";

const undated = { lang: "vi", published: null };

describe("findDateRanges", () => {
  const days = (s: string, year: number | null = null) => findDateRanges(s, year).map((d) => [d.start, d.end]);

  it("reads Vietnamese day spans", () => {
    expect(days("Diễn ra từ ngày 13 đến 16/4/2023, Hội nghị là sự kiện đặc biệt")).toEqual([["2023-04-13", "2023-04-16"]]);
    expect(days("diễn ra vào ngày 27 và 28/2/2019")).toEqual([["2019-02-27", "2019-02-28"]]);
    expect(days("từ 30/12 đến 2/1/2024")).toEqual([["2023-12-30", "2024-01-02"]]);
    expect(days("ngày 13 tháng 4 năm 2023")).toEqual([["2023-04-13", "2023-04-13"]]);
  });

  it("reads Indonesian and English day spans", () => {
    expect(days("pada 27-28 Februari 2019")).toEqual([["2019-02-27", "2019-02-28"]]);
    expect(days("from 13 to 16 April 2023")).toEqual([["2023-04-13", "2023-04-16"]]);
    expect(days("on February 27 and 28, 2019")).toEqual([["2019-02-27", "2019-02-28"]]);
  });

  it("fills a missing year from the fallback and leaves days null without any year", () => {
    expect(days("Chiều 11/12", 2024)).toEqual([["2024-12-11", "2024-12-11"]]);
    expect(days("Chiều 11/12", null)).toEqual([[null, null]]);
  });

  it("does not read a count like 23/24 chỉ tiêu as a date", () => {
    expect(days("hoàn thành 23/24 chỉ tiêu", 2024)).toEqual([]);
  });
});

describe("extractEvents", () => {
  it("takes the dates of a named event from the next sentence that refers back to it", () => {
    const text =
      "Những ngày tháng 4, thành phố Hà Nội trở nên sôi động với Hội nghị hợp tác giữa các địa phương Việt Nam - Pháp lần thứ 12 với chủ đề “Hợp tác địa phương” được tổ chức tại Hà Nội.\nDiễn ra từ ngày 13 đến 16/4/2023, Hội nghị là sự kiện đặc biệt.";
    expect(extractEvents(text, undated)).toEqual([
      { name: "Hội nghị hợp tác giữa các địa phương Việt Nam - Pháp lần thứ 12", start: "2023-04-13", end: "2023-04-16" },
    ]);
  });

  it("reads a summit with its dates in the same sentence, and an undated event with null days", () => {
    const text =
      "Thành phố hoàn thành xuất sắc vai trò chủ nhà của Hội nghị cấp cao Hoa Kỳ – Triều Tiên lần hai, diễn ra vào ngày 27 và 28/2/2019. Thành phố tổ chức Tọa đàm “Gặp gỡ Canada”.";
    expect(extractEvents(text, undated)).toEqual([
      { name: "Hội nghị cấp cao Hoa Kỳ – Triều Tiên lần hai", start: "2019-02-27", end: "2019-02-28" },
      { name: "Tọa đàm “Gặp gỡ Canada”", start: null, end: null },
    ]);
  });

  it("does not take a generic mention for an event", () => {
    const text =
      "Phát biểu tại hội nghị, Bí thư cho biết. Các sự kiện đối ngoại, hội nghị, hội thảo được tổ chức chu đáo. Hội nghị chắc chắn sẽ là dấu ấn khó quên.";
    expect(extractEvents(text, undated)).toEqual([]);
  });

  it("reads Indonesian and English event names", () => {
    expect(extractEvents("KTT AS-Korea Utara kedua digelar di Hanoi pada 27-28 Februari 2019.", { lang: "id", published: null })).toEqual([
      { name: "KTT AS-Korea Utara kedua", start: "2019-02-27", end: "2019-02-28" },
    ]);
    expect(
      extractEvents("Hanoi hosted the second US-North Korea summit on February 27 and 28, 2019.", { lang: "en", published: null }),
    ).toEqual([{ name: "second US-North Korea summit", start: "2019-02-27", end: "2019-02-28" }]);
  });

  it("does not take a venue for an event and gives the dates to the event held there", () => {
    const text = "Triển lãm quốc tế Vietnam Expo 2024 được tổ chức tại Trung tâm Hội chợ Triển lãm Việt Nam từ ngày 3 đến ngày 6/4.";
    expect(extractEvents(text, { lang: "vi", published: "2024-03-20" })).toEqual([
      { name: "Triển lãm quốc tế Vietnam Expo 2024", start: "2024-04-03", end: "2024-04-06" },
    ]);
  });

  it("uses the publication year when the text gives none", () => {
    const text = "Ngày 20/12, Triển lãm Quốc phòng Quốc tế Việt Nam đã mở cửa cho người dân tham quan miễn phí.";
    expect(extractEvents(text, { lang: "vi", published: "2024-12-21" })).toEqual([
      { name: "Triển lãm Quốc phòng Quốc tế Việt Nam", start: "2024-12-20", end: "2024-12-20" },
    ]);
  });
});
