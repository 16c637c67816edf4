import { describe, expect, it } from "vitest";
import { findDateRanges } from "../../../../workers/extract/entities/date-ranges";
import { extractEvents } from "../../../../workers/extract/entities/events";

const vi = { lang: "vi", published: "2025-04-09" };
const id = { lang: "id", published: "2025-04-17" };
const en = { lang: "en", published: "2025-03-18" };

const events = (text: string, ctx: { lang: string; published: string | null }) =>
  extractEvents(text, ctx).map((e) => [e.name, e.start, e.end]);

describe("extractEvents — names in quotation marks with an event noun", () => {
  it("reads an English quoted name followed by 'festival' with its days", () => {
    const text = 'The Deputy Mayor invited Hanoi to join the "Paris – Hanoi Days" festival, scheduled for September 20–28, 2025 in Paris.';
    expect(events(text, en)).toEqual([["Paris – Hanoi Days", "2025-09-20", "2025-09-28"]]);
  });

  it("reads a Vietnamese quoted name after a lower-case event noun", () => {
    const text = "Thành phố tổ chức lễ hội “Hà Nội – Paris: Hành trình văn hóa” từ ngày 1 đến 3/10/2025.";
    expect(events(text, vi)).toEqual([["Hà Nội – Paris: Hành trình văn hóa", "2025-10-01", "2025-10-03"]]);
  });

  it("does not take a quoted slogan or a quoted sentence for an event", () => {
    expect(events('He said "Hanoi is open for business" at the meeting on March 18.', en)).toEqual([]);
    expect(events("Hội nghị năm nay có chủ đề “Hà Nội - Hợp tác đầu tư, phát triển bền vững”.", vi)).toEqual([]);
  });
});

describe("extractEvents — Indonesian week and fair names", () => {
  it("reads 'Pekan … yang berlangsung pada 15-19 April 2025'", () => {
    const text = "Konferensi ini merupakan acara utama Pekan Promosi Investasi Hanoi 2025 yang berlangsung pada 15-19 April 2025.";
    expect(events(text, id)).toEqual([["Pekan Promosi Investasi Hanoi 2025", "2025-04-15", "2025-04-19"]]);
  });

  it("does not read 'pekan lalu' (last week) as an event", () => {
    expect(events("Pekan lalu, ekspor Hanoi naik 5 persen pada 10 April 2025.", id)).toEqual([]);
  });
});

describe("extractEvents — the full name gets the days", () => {
  it("gives the days to the event, not to the alias in brackets, and widens the opening day to the span", () => {
    const text =
      "Sáng 9/4/2025, tại Trung tâm Triển lãm quốc tế I.C.E Hà Nội, Bộ Công Thương khai mạc Hội chợ Thương mại quốc tế Việt Nam lần thứ 34 (Vietnam Expo 2025).\nHội chợ diễn ra từ ngày 9 đến 12/4/2025 với sự tham gia của khoảng 500 doanh nghiệp.";
    expect(events(text, vi)).toEqual([["Hội chợ Thương mại quốc tế Việt Nam lần thứ 34", "2025-04-09", "2025-04-12"]]);
  });

  it("keeps a one-day event at its day when a later span does not hold it", () => {
    const text =
      "Sáng 17/4/2025, UBND thành phố tổ chức Hội nghị Xúc tiến đầu tư năm 2025.\nHội nghị diễn ra trước Tuần lễ văn hóa từ ngày 20 đến 25/4/2025.";
    expect(events(text, vi)[0]).toEqual(["Hội nghị Xúc tiến đầu tư năm 2025", "2025-04-17", "2025-04-17"]);
  });
});

describe("extractEvents — venues are not events", () => {
  it("skips convention and exhibition centres in three languages", () => {
    expect(events("Sáng 17/4/2025, tại Trung tâm Hội nghị Quốc gia, thành phố trao quyết định đầu tư.", vi)).toEqual([]);
    expect(events("Acara digelar di Jakarta Convention Center pada 17 April 2025.", id)).toEqual([]);
    expect(events("The Hanoi International Exhibition Center will host the 2025 Vietnam Expo from April 9-12, 2025.", en)).toEqual([
      ["2025 Vietnam Expo", "2025-04-09", "2025-04-12"],
    ]);
  });
});

describe("findDateRanges — spans across months", () => {
  it("reads day spans that cross a month in three languages", () => {
    const days = (s: string) => findDateRanges(s, 2025).map((d) => [d.start, d.end]);
    expect(days("diễn ra từ 30/9 - 2/10/2025")).toEqual([["2025-09-30", "2025-10-02"]]);
    expect(days("runs from September 30 to October 2")).toEqual([["2025-09-30", "2025-10-02"]]);
    expect(days("berlangsung 30 September hingga 2 Oktober 2025")).toEqual([["2025-09-30", "2025-10-02"]]);
  });
});
