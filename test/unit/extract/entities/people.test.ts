import { describe, expect, it } from "vitest";
import { extractPeople } from "../../../../workers/extract/entities/people";

const vi = { lang: "vi", published: "2024-12-11" };
const id = { lang: "id", published: "2024-12-11" };
const en = { lang: "en", published: "2024-12-11" };

const names = (text: string, ctx: { lang: string; published: string | null }) => extractPeople(text, ctx).map((p) => p.name);

describe("extractPeople — Vietnamese", () => {
  it("cuts the name out of a long title with an organisation and a city", () => {
    const people = extractPeople("Tham dự buổi làm việc có Phó Chủ tịch UBND TP Hà Nội Nguyễn Mạnh Quyền.", vi);
    expect(people).toEqual([{ name: "Nguyễn Mạnh Quyền", titles: ["Phó Chủ tịch UBND TP Hà Nội"] }]);
  });

  it("keeps titles joined by a comma or kiêm as separate entries", () => {
    const text =
      "Thứ trưởng Bộ Ngoại giao, Đại sứ đặc mệnh toàn quyền Việt Nam tại Trung Quốc Phạm Thanh Bình; Trợ lý Bộ trưởng Bộ Ngoại giao kiêm Đại sứ Việt Nam tại Campuchia Nguyễn Minh Vũ.";
    expect(extractPeople(text, vi)).toEqual([
      { name: "Phạm Thanh Bình", titles: ["Thứ trưởng Bộ Ngoại giao", "Đại sứ đặc mệnh toàn quyền Việt Nam tại Trung Quốc"] },
      { name: "Nguyễn Minh Vũ", titles: ["Trợ lý Bộ trưởng Bộ Ngoại giao", "Đại sứ Việt Nam tại Campuchia"] },
    ]);
  });

  it("does not let one person's title reach over another name in a list of leaders", () => {
    const text =
      "tiêu biểu là các đoàn của Tổng Bí Thư - Chủ tịch nước Lào Thongloun Sisoulith, Tổng thống Nga Vladimir Putin và Thủ tướng Trung Quốc Lý Cường.";
    expect(extractPeople(text, vi)).toEqual([
      { name: "Thongloun Sisoulith", titles: ["Tổng Bí Thư", "Chủ tịch nước Lào"] },
      { name: "Vladimir Putin", titles: ["Tổng thống Nga"] },
      { name: "Lý Cường", titles: ["Thủ tướng Trung Quốc"] },
    ]);
  });

  it("merges a later short reference into the full name", () => {
    const text =
      "Tại buổi làm việc, Phó Giám đốc Sở Kế hoạch và Đầu tư Thành phố Hà Nội Lê Trung Hiếu báo cáo. Cũng theo Phó Giám đốc Lê Trung Hiếu, thành phố sẽ thu hút đầu tư. Ông Hiếu cho biết thêm.";
    expect(extractPeople(text, vi)).toEqual([{ name: "Lê Trung Hiếu", titles: ["Phó Giám đốc Sở Kế hoạch và Đầu tư Thành phố Hà Nội"] }]);
  });

  it("takes a name after ông/bà or a job word, and a foreign name after bà", () => {
    expect(names("Sau khi tham dự, bà Virgine Rouquette (đại biểu đến từ Pháp) bày tỏ niềm vui.", vi)).toEqual(["Virgine Rouquette"]);
    expect(names("Phóng viên Bob Costantinil đài Westwood one news đánh giá cao sự chuẩn bị.", vi)).toEqual(["Bob Costantinil"]);
  });

  it("does not take organisations, places or bylines for people", () => {
    const text =
      "Lãnh đạo Ủy Ban Nhân Dân Thành phố Hà Nội làm việc với Bộ Ngoại giao. Thủ đô Hà Nội mở rộng hợp tác. Vụ cháy quán cà phê trên đường Phạm Văn Đồng.\nBình An";
    expect(names(text, vi)).toEqual([]);
  });

  it("reads several titles after the name, set off by commas, after 'Đồng chí'", () => {
    const people = extractPeople("Đồng chí Đinh Tiến Dũng, Ủy viên Bộ Chính trị, Bí thư Thành ủy Hà Nội phát biểu chỉ đạo hội nghị.", vi);
    expect(people).toEqual([{ name: "Đinh Tiến Dũng", titles: ["Ủy viên Bộ Chính trị", "Bí thư Thành ủy Hà Nội"] }]);
  });

  it("keeps a one-word name after a head-of-state title apart from the next person in the list", () => {
    expect(extractPeople("Tổng thống Putin và Thủ tướng Li Qiang đã điện đàm.", vi)).toEqual([
      { name: "Li Qiang", titles: ["Thủ tướng"] },
      { name: "Putin", titles: ["Tổng thống"] },
    ]);
  });

  it("reads names written without diacritics and a title in parentheses", () => {
    const people = extractPeople("Tại phiên bế mạc, Chủ tịch Ủy ban nhân dân (UBND) thành phố Hà Nội Trần Sỹ Thanh khẳng định.", vi);
    expect(people).toEqual([{ name: "Trần Sỹ Thanh", titles: ["Chủ tịch Ủy ban nhân dân (UBND) thành phố Hà Nội"] }]);
  });
});

describe("extractPeople — Indonesian and English", () => {
  it("reads Indonesian titles before Vietnamese names without diacritics", () => {
    const text =
      "Yang hadir dalam pertemuan tersebut adalah Wakil Ketua Komite Rakyat Hanoi Nguyen Manh Quyen; Asisten Menteri Luar Negeri dan Duta Besar Luar Biasa dan Berkuasa Penuh Vietnam untuk Kamboja Nguyen Minh Vu.";
    expect(extractPeople(text, id)).toEqual([
      { name: "Nguyen Manh Quyen", titles: ["Wakil Ketua Komite Rakyat Hanoi"] },
      { name: "Nguyen Minh Vu", titles: ["Asisten Menteri Luar Negeri", "Duta Besar Luar Biasa dan Berkuasa Penuh Vietnam untuk Kamboja"] },
    ]);
  });

  it("reads an Indonesian title set off by commas and drops the organisation after it", () => {
    const text =
      "Dalam sambutannya, Ketua Dewan Pembina Yayasan Golden Nusantara, Almaraja Limbong, menyampaikan bahwa wisuda bukan akhir.";
    expect(extractPeople(text, id)).toEqual([{ name: "Almaraja Limbong", titles: ["Ketua Dewan Pembina Yayasan Golden Nusantara"] }]);
  });

  it("reads English titles and keeps the object of a preposition out", () => {
    expect(names("Prime Minister Li Qiang met Russian President Vladimir Putin in Beijing.", en)).toEqual(["Li Qiang", "Vladimir Putin"]);
    expect(names("He is the founder of Apex Financial Services and visited Los Angeles.", en)).toEqual([]);
  });

  it("reads an English appositive title after the name", () => {
    const people = extractPeople(
      "Le Trung Hieu, Deputy Director of the Hanoi Department of Planning and Investment, said the city grew.",
      en,
    );
    expect(people).toEqual([{ name: "Le Trung Hieu", titles: ["Deputy Director of the Hanoi Department of Planning and Investment"] }]);
  });
});
