import { describe, expect, it } from "vitest";
import { findDateRanges } from "../../../../workers/extract/entities/date-ranges";
import { extractEvents } from "../../../../workers/extract/entities/events";

type Ctx = { lang: string; published: string | null };
const vi: Ctx = { lang: "vi", published: "2024-11-10" };
const id: Ctx = { lang: "id", published: "2024-12-05" };
const en: Ctx = { lang: "en", published: "2024-10-10" };

const events = (text: string, ctx: Ctx) => extractEvents(text, ctx).map((e) => [e.name, e.start, e.end]);

describe("extractEvents — Vietnamese quoted names after an event noun", () => {
  it("reads a straight-quoted name after a capitalized head with 'từ ngày 15 đến 17/11/2024'", () => {
    expect(events('Hội chợ "Tinh hoa làng nghề Hà Nội 2024" diễn ra từ ngày 15 đến 17/11/2024 tại Công viên Thống Nhất.', vi)).toEqual([
      ['Hội chợ "Tinh hoa làng nghề Hà Nội 2024"', "2024-11-15", "2024-11-17"],
    ]);
  });

  it("keeps the words between the head and the quoted name, and an ordinal after the quotes", () => {
    expect(events("Lễ hội Áo dài “Hà Nội – Duyên dáng” diễn ra từ ngày 15 đến 17/11/2024.", vi)).toEqual([
      ["Lễ hội Áo dài “Hà Nội – Duyên dáng”", "2024-11-15", "2024-11-17"],
    ]);
    expect(events("Hội chợ “Tinh hoa làng nghề” lần thứ 5 diễn ra từ 15 - 17/11/2024.", vi)).toEqual([
      ["Hội chợ “Tinh hoa làng nghề” lần thứ 5", "2024-11-15", "2024-11-17"],
    ]);
  });

  it("reads a name after 'sự kiện' or 'chương trình' only when the sentence gives its days", () => {
    expect(events('Sự kiện "Hà Nội – Điểm hẹn đầu tư 2024" diễn ra từ ngày 15 đến 17/11/2024.', vi)).toEqual([
      ["Hà Nội – Điểm hẹn đầu tư 2024", "2024-11-15", "2024-11-17"],
    ]);
    expect(events("Chương trình “Mỗi xã một sản phẩm” được triển khai mạnh mẽ tại các huyện.", vi)).toEqual([]);
  });

  it("does not take an award, a theme or a slogan in quotes for an event", () => {
    expect(events('Doanh nghiệp nhận giải thưởng "Sao Khuê 2024" vào ngày 10/11/2024.', vi)).toEqual([]);
    expect(events("Diễn đàn mang chủ đề “Hà Nội – Kiến tạo tương lai” nhận được nhiều ý kiến.", vi)).toEqual([]);
  });
});

describe("extractEvents — Vietnamese sessions and opening/closing days", () => {
  it("names a council session by its ordinal and body, with the days in brackets", () => {
    expect(
      events("Kỳ họp thứ 20 HĐND Thành phố khóa XVI diễn ra trong 2 ngày (từ ngày 9-10/12).", { lang: "vi", published: "2024-12-05" }),
    ).toEqual([["Kỳ họp thứ 20 HĐND Thành phố khóa XVI", "2024-12-09", "2024-12-10"]]);
  });

  it("reads a lower-case session with an ordinal and 'trong 2 ngày 9 và 10/12'", () => {
    expect(events("Các đại biểu dự kỳ họp thứ 20 diễn ra trong 2 ngày 9 và 10/12.", { lang: "vi", published: "2024-12-05" })).toEqual([
      ["kỳ họp thứ 20", "2024-12-09", "2024-12-10"],
    ]);
  });

  it("joins the opening and the closing day into one span", () => {
    expect(events("Diễn đàn Đầu tư Hà Nội 2024 khai mạc ngày 9/12 và bế mạc ngày 12/12.", vi)).toEqual([
      ["Diễn đàn Đầu tư Hà Nội 2024", "2024-12-09", "2024-12-12"],
    ]);
  });

  it("does not give an event a deadline as its day, nor take a venue for an event", () => {
    expect(events("Hạn chót đăng ký tham gia Hội chợ Hàng Việt 2024 là ngày 30/10.", vi)).toEqual([["Hội chợ Hàng Việt 2024", null, null]]);
    expect(events("Doanh nghiệp nộp hồ sơ dự Hội chợ Xuân 2025 trước ngày 30/11/2024.", vi)).toEqual([["Hội chợ Xuân 2025", null, null]]);
    expect(events("Sáng 9/12, tại Trung tâm Hội nghị Quốc gia, thành phố gặp gỡ nhà đầu tư.", vi)).toEqual([]);
  });
});

describe("extractEvents — English month names without a year", () => {
  it("reads 'from October 16 to 18' with the year of publication", () => {
    expect(events('The "Hanoi Autumn Festival" will take place from October 16 to 18 at Hoan Kiem Lake.', en)).toEqual([
      ["Hanoi Autumn Festival", "2024-10-16", "2024-10-18"],
    ]);
  });

  it("reads 'on October 16-18', 'October 16–18, 2024' and 'between 16 and 18 October'", () => {
    expect(events("The Hanoi Tourism Week will take place on October 16-18.", en)).toEqual([
      ["Hanoi Tourism Week", "2024-10-16", "2024-10-18"],
    ]);
    expect(
      events("The Vietnam International Defence Expo was held October 16–18, 2024 at Gia Lam Airport.", { lang: "en", published: null }),
    ).toEqual([["Vietnam International Defence Expo", "2024-10-16", "2024-10-18"]]);
    expect(events("The Hanoi Creative Design Festival will be held between 16 and 18 October.", en)).toEqual([
      ["Hanoi Creative Design Festival", "2024-10-16", "2024-10-18"],
    ]);
  });

  it("joins 'opens on … and runs until …' and reads a single day after 'held on'", () => {
    expect(events("The Vietnam-Japan Festival opens on September 30 and runs until October 2.", en)).toEqual([
      ["Vietnam-Japan Festival", "2024-09-30", "2024-10-02"],
    ]);
    expect(events("Mr Hai attended the 2024 Hanoi Investment Forum, held on 9 December.", en)).toEqual([
      ["2024 Hanoi Investment Forum", "2024-12-09", "2024-12-09"],
    ]);
  });

  it("names a session by its ordinal and body, and a quoted name after 'titled'", () => {
    expect(events("The 20th session of the Hanoi People's Council took place on December 9-10, 2024.", en)).toEqual([
      ["20th session of the Hanoi People's Council", "2024-12-09", "2024-12-10"],
    ]);
    expect(events('The exhibition, titled "Hanoi – Autumn Melody", takes place from October 16 to 18.', en)).toEqual([
      ["Hanoi – Autumn Melody", "2024-10-16", "2024-10-18"],
    ]);
  });

  it("gives the days of the next sentence to the event it calls by its head noun", () => {
    const text = "Hanoi will host the Vietnam International Travel Mart this autumn. The mart is scheduled for October 16-18.";
    expect(events(text, en)).toEqual([["Vietnam International Travel Mart", "2024-10-16", "2024-10-18"]]);
  });

  it("does not read weeks, dated meetings, institutions, venues or a registration deadline as events", () => {
    expect(events("Last week, exports rose. The August 2017 meeting was cancelled. I will be meeting him on October 3.", en)).toEqual([]);
    expect(events("The US Congress passed the bill on October 3, 2024.", en)).toEqual([]);
    expect(events("Delegates met at the National Convention Center on December 9.", en)).toEqual([]);
    expect(events("Registration for the Hanoi Startup Contest closes on October 30.", en)).toEqual([["Hanoi Startup Contest", null, null]]);
  });
});

describe("extractEvents — Indonesian sessions and meetings", () => {
  it("reads 'Sidang ke-20 … pada 9-10 Desember 2024' with the body's name", () => {
    expect(events("Sidang ke-20 Dewan Rakyat Kota Hanoi periode XVI digelar pada 9-10 Desember 2024.", id)).toEqual([
      ["Sidang ke-20 Dewan Rakyat Kota Hanoi periode XVI", "2024-12-09", "2024-12-10"],
    ]);
  });

  it("reads 'tanggal 9 hingga 10 Desember' and '9 s.d. 10 Desember'", () => {
    expect(events("Rapat Pleno Komite Partai Hanoi berlangsung tanggal 9 hingga 10 Desember.", id)).toEqual([
      ["Rapat Pleno Komite Partai Hanoi", "2024-12-09", "2024-12-10"],
    ]);
    expect(events('Pameran bertajuk "Hanoi Kota Kreatif" berlangsung 9 s.d. 10 Desember 2024 di Hanoi.', id)).toEqual([
      ["Hanoi Kota Kreatif", "2024-12-09", "2024-12-10"],
    ]);
  });

  it("keeps a capitalized word that spells a stop word inside the name", () => {
    expect(events("Pertemuan ke-5 Komite Bersama Vietnam-Indonesia berlangsung pada 9 Desember 2024.", id)).toEqual([
      ["Pertemuan ke-5 Komite Bersama Vietnam-Indonesia", "2024-12-09", "2024-12-09"],
    ]);
  });

  it("does not take a closing registration day or a generic meeting for an event", () => {
    expect(events("Pendaftaran Pameran ditutup pada 1 Oktober 2024.", id)).toEqual([]);
    expect(events("Pertemuan tersebut berlangsung pada 9 Desember 2024.", id)).toEqual([]);
  });
});

describe("findDateRanges — more spans", () => {
  const days = (s: string, year: number | null = 2024) => findDateRanges(s, year).map((d) => [d.start, d.end]);

  it("reads spans across years and months with month names", () => {
    expect(days("held December 30, 2024 to January 2, 2025")).toEqual([["2024-12-30", "2025-01-02"]]);
    expect(days("September 30 – October 2", 2025)).toEqual([["2025-09-30", "2025-10-02"]]);
  });

  it("joins an opening and a closing day only when both are cued", () => {
    expect(days("dibuka pada 9 Desember dan ditutup pada 12 Desember")).toEqual([["2024-12-09", "2024-12-12"]]);
    expect(days("từ ngày 9/12 cho đến hết ngày 12/12")).toEqual([["2024-12-09", "2024-12-12"]]);
    expect(days("Ngày 9/12, thành phố họp; ngày 12/12 công bố kết quả")).toEqual([
      ["2024-12-09", "2024-12-09"],
      ["2024-12-12", "2024-12-12"],
    ]);
  });
});
