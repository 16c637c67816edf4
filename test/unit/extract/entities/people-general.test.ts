import { describe, expect, it } from "vitest";
import { extractPeople } from "../../../../workers/extract/entities/people";

const vi = { lang: "vi", published: "2025-04-17" };
const id = { lang: "id", published: "2025-04-17" };
const en = { lang: "en", published: "2025-04-17" };

const names = (text: string, ctx: { lang: string; published: string | null }) => extractPeople(text, ctx).map((p) => p.name);

describe("extractPeople — titles whose office ends without a place name", () => {
  it("takes the name after 'UBND thành phố' when no city is named", () => {
    expect(extractPeople("Tham dự buổi tiếp có Phó Chủ tịch UBND thành phố Nguyễn Thị Lan Anh.", vi)).toEqual([
      { name: "Nguyễn Thị Lan Anh", titles: ["Phó Chủ tịch UBND thành phố"] },
    ]);
    expect(names("Giám đốc Sở Trần Văn Bình cho biết thêm về kế hoạch.", vi)).toEqual(["Trần Văn Bình"]);
  });

  it("still reads 'thành phố Hồ Chí Minh' as the city, and a street named after a person as a street", () => {
    expect(names("Chủ tịch UBND thành phố Hồ Chí Minh Phan Văn Mãi phát biểu.", vi)).toEqual(["Phan Văn Mãi"]);
    expect(names("Cửa hàng mới mở trên phố Nguyễn Thái Học.", vi)).toEqual([]);
  });

  it("reads an English title with 'of' and an organisation before the name", () => {
    expect(
      extractPeople("Chairman of the Hanoi People's Committee Le Quang Vinh received a delegation from Paris on March 18.", en),
    ).toEqual([{ name: "Le Quang Vinh", titles: ["Chairman of the Hanoi People's Committee"] }]);
    expect(extractPeople("Vice Chairman of the municipal People's Committee Nguyen Duc Thanh said growth came from services.", en)).toEqual(
      [{ name: "Nguyen Duc Thanh", titles: ["Vice Chairman of the municipal People's Committee"] }],
    );
  });
});

describe("extractPeople — offices whose names list their fields with commas", () => {
  it("reads the whole office before the name in Vietnamese and English", () => {
    expect(extractPeople("Tham dự có Bộ trưởng Bộ Văn hóa, Thể thao và Du lịch Nguyễn Văn Hùng.", vi)).toEqual([
      { name: "Nguyễn Văn Hùng", titles: ["Bộ trưởng Bộ Văn hóa, Thể thao và Du lịch"] },
    ]);
    expect(extractPeople("Minister of Culture, Sports and Tourism Nguyen Van Hung attended the ceremony.", en)).toEqual([
      { name: "Nguyen Van Hung", titles: ["Minister of Culture, Sports and Tourism"] },
    ]);
  });

  it("keeps two titles apart when the comma opens a second title", () => {
    expect(extractPeople("Ủy viên Bộ Chính trị, Bí thư Thành ủy Hà Nội Phạm Văn Đông tiếp đoàn.", vi)).toEqual([
      { name: "Phạm Văn Đông", titles: ["Ủy viên Bộ Chính trị", "Bí thư Thành ủy Hà Nội"] },
    ]);
  });

  it("does not take the fields of an Indonesian ministry for a name", () => {
    const text = "Menteri Pariwisata dan Ekonomi Kreatif, Sandiaga Uno, menghadiri acara itu.";
    expect(extractPeople(text, id)).toEqual([{ name: "Sandiaga Uno", titles: ["Menteri Pariwisata dan Ekonomi Kreatif"] }]);
  });

  it("does not read 'Sales & Regional Operations' after a comma as part of a title before a name", () => {
    const text = '"It looks new," said David Kershaw, division vice president, Nissan Sales & Regional Operations at Nissan.';
    expect(names(text, en)).toEqual(["David Kershaw"]);
  });
});

describe("extractPeople — appositive names and hyphenated given names", () => {
  it("takes a name set off by commas after an Indonesian office", () => {
    const text =
      "Menurut Direktur Dinas Perencanaan dan Investasi Hanoi, Do Minh Tuan, pada kuartal I/2025 kota ini menarik sekitar 1,02 miliar dolar AS.";
    expect(extractPeople(text, id)).toEqual([{ name: "Do Minh Tuan", titles: ["Direktur Dinas Perencanaan dan Investasi Hanoi"] }]);
  });

  it("takes a Korean name with its appositive title after ông", () => {
    const text =
      "Đại diện các nhà đầu tư, ông Park Jae-won, Tổng Giám đốc Tập đoàn Hanmi Construction (Hàn Quốc), đánh giá môi trường đầu tư ngày càng minh bạch.";
    expect(extractPeople(text, vi)).toEqual([{ name: "Park Jae-won", titles: ["Tổng Giám đốc Tập đoàn Hanmi Construction"] }]);
  });

  it("keeps a hyphenated given name whole", () => {
    expect(
      extractPeople("The delegation was led by Deputy Mayor Anne-Claire Moreau on March 18.", en).map((p) => [p.name, p.titles]),
    ).toEqual([["Anne-Claire Moreau", ["Deputy Mayor"]]]);
  });

  it("does not read a hyphenated title as a given name", () => {
    expect(names("The slate was headed by General Secretary-Treasurer Fred Zuckerman.", en)).toEqual(["Fred Zuckerman"]);
  });

  it("takes a name written right after the verb that closes a quotation", () => {
    expect(names('"We will keep investing in the city," said Donna Smith. Smith added that hiring would go on.', en)).toEqual([
      "Donna Smith",
    ]);
  });
});

describe("extractPeople — organisations and reporters are not people", () => {
  it("does not take a company or an office for a person", () => {
    expect(names("Tổng Giám đốc Tập đoàn Hanmi Construction phát biểu tại hội nghị.", vi)).toEqual([]);
    expect(names("Direktur Dinas Perencanaan dan Investasi menyampaikan laporan tahunan.", id)).toEqual([]);
    expect(names("The chief executive of Samsung Engineering said orders rose.", en)).toEqual([]);
  });

  it("reads past an Indonesian chamber or association to the name after it", () => {
    const text =
      "Ketua Kamar Dagang dan Industri (Kadin) Arsjad Rasjid juga hadir. Ketua Asosiasi Pengusaha Indonesia Shinta Kamdani menyambut baik.";
    expect(names(text, id)).toEqual(["Arsjad Rasjid", "Shinta Kamdani"]);
  });

  it("does not give a person the reporter he spoke to as a title", () => {
    const text = "Trao đổi với phóng viên, Phó Cục trưởng Cục Đầu tư nước ngoài Trần Thị Minh Châu nhận định dòng vốn vẫn tích cực.";
    expect(extractPeople(text, vi)).toEqual([{ name: "Trần Thị Minh Châu", titles: ["Phó Cục trưởng Cục Đầu tư nước ngoài"] }]);
    expect(extractPeople("Kepada wartawan, Menteri Perdagangan Budi Santoso mengatakan ekspor naik.", id)).toEqual([
      { name: "Budi Santoso", titles: ["Menteri Perdagangan"] },
    ]);
  });

  it("still takes the name that follows a reporter's job word", () => {
    expect(extractPeople("Reporter Jane Doe asked about the budget.", en)).toEqual([{ name: "Jane Doe", titles: [] }]);
  });
});
