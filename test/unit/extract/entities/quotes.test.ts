import { describe, expect, it } from "vitest";
import { extractPeople } from "../../../../workers/extract/entities/people";
import { extractQuotes } from "../../../../workers/extract/entities/quotes";

const vi = { lang: "vi", published: "2024-12-11" };
const id = { lang: "id", published: "2024-12-11" };
const en = { lang: "en", published: "2024-12-11" };

function quotes(text: string, ctx: { lang: string; published: string | null }) {
  return extractQuotes(text, extractPeople(text, ctx), ctx).map((q) => [q.speaker, q.text.slice(0, 20)]);
}

/** The expected speaker and the first 20 characters of the quote. */
const q = (speaker: string | null, start: string) => [speaker, start.slice(0, 20)];

describe("extractQuotes", () => {
  it("gives a quote its speaker after it, and the next quote the same speaker", () => {
    const text =
      'Tại buổi làm việc, Phó Giám đốc Sở Kế hoạch và Đầu tư Thành phố Hà Nội Lê Trung Hiếu đã báo cáo.\n"Trong năm 2024, thành phố đã cơ bản hoàn thành 23/24 chỉ tiêu kinh tế - xã hội", Phó Giám đốc Lê Trung Hiếu phát biểu. "Kim ngạch xuất nhập khẩu hàng năm của Hà Nội đạt 19,4 tỷ USD".';
    expect(quotes(text, vi)).toEqual([
      q("Lê Trung Hiếu", "Trong năm 2024, thành phố đã cơ"),
      q("Lê Trung Hiếu", "Kim ngạch xuất nhập khẩu hàng n"),
    ]);
  });

  it("reads 'Theo X, …' before the quote", () => {
    const text =
      'Giám đốc Sở Ngoại vụ Thành phố Hà Nội Ngô Minh Hoàng đã trình bày báo cáo.\nTheo Giám đốc Ngô Minh Hoàng, trong năm 2024, "Hà Nội đã tổ chức 17 đoàn ngoại giao của lãnh đạo thành phố".';
    expect(quotes(text, vi)).toEqual([q("Ngô Minh Hoàng", "Hà Nội đã tổ chức 17 đoàn ngoạ")]);
  });

  it("resolves a speaker named by title only to the person who holds that title", () => {
    const text =
      "Theo Giám đốc Sở Ngoại vụ Hà Nội Ngô Minh Hoàng, Hội nghị là điểm sáng đối ngoại.\n“Hoạt động đối ngoại đã đóng góp vào thành tựu chung trong phát triển kinh tế - xã hội của Thủ đô…”, Giám đốc Sở Ngoại vụ Hà Nội cho biết.";
    expect(quotes(text, vi)).toEqual([q("Ngô Minh Hoàng", "Hoạt động đối ngoại đã đóng góp")]);
  });

  it("reads a speaker before a colon", () => {
    const text =
      'Sau khi tham dự tất cả các nội dung của Hội nghị, bà Virgine Rouquette (đại biểu đến từ Pháp) bày tỏ: "Hội nghị hợp tác giữa các địa phương Việt Nam - Pháp lần thứ 12 thành công".';
    expect(quotes(text, vi)).toEqual([q("Virgine Rouquette", "Hội nghị hợp tác giữa các địa p")]);
  });

  it("joins a quote over two paragraphs and gives it to the person 'ông' refers back to", () => {
    const text =
      "Phát biểu tại hội nghị, Chủ tịch UBND TP Trần Sỹ Thanh nêu kết quả.\n“Chúng tôi sẽ tập trung tháo gỡ vướng mắc cho các dự án đầu tư nước ngoài.\n“Đồng thời, thành phố sẽ cải cách thủ tục hành chính”, ông cho biết.";
    const out = extractQuotes(text, extractPeople(text, vi), vi);
    expect(out).toHaveLength(1);
    expect(out[0].speaker).toBe("Trần Sỹ Thanh");
    expect(out[0].text).toContain("cải cách thủ tục hành chính");
  });

  it("leaves out quoted award names and themes", () => {
    const text =
      'Hà Nội tiếp tục khẳng định vị thế là điểm đến du lịch hàng đầu với nhiều giải thưởng lớn như "Điểm đến du lịch hàng đầu châu Á", "Điểm đến du lịch thành phố cho kỳ nghỉ ngắn hạn hàng đầu châu Á", và "Điểm đến văn hóa Hà Nội, Việt Nam". Hội nghị với chủ đề “Hợp tác địa phương: Động lực thúc đẩy phục hồi và phát triển bền vững, toàn diện sau đại dịch Covid-19” được tổ chức tại Hà Nội.';
    expect(quotes(text, vi)).toEqual([]);
  });

  it("reads Indonesian 'ujar X' after the quote", () => {
    const text =
      'Pada sesi kerja, Wakil Direktur Departemen Perencanaan dan Investasi Hanoi Le Trung Hieu melaporkan situasi.\n"Pada tahun 2024, kota ini pada dasarnya telah mencapai 23/24 target sosial-ekonomi," ujar Wakil Direktur Le Trung Hieu.';
    expect(quotes(text, id)).toEqual([q("Le Trung Hieu", "Pada tahun 2024, kota ini pada")]);
  });

  it("reads English 'X said' and keeps a short quoted term without a speaker out", () => {
    const text =
      'Prime Minister Pham Minh Chinh spoke at the forum. "Hanoi will keep attracting foreign investment in high technology," Prime Minister Pham Minh Chinh said. About 3 in 10 say that "committed to democracy" describes her.';
    expect(quotes(text, en)).toEqual([q("Pham Minh Chinh", "Hanoi will keep attracting fore")]);
  });
});

describe("speakers set off by their title", () => {
  it("credits the name when a title in commas stands between it and the verb", () => {
    const text =
      "Giá phòng tăng trong tuần lễ hội. “Khách đặt trước cả tháng”, ông Phạm Văn Hùng, chủ một khách sạn nhỏ ở phố cổ, cho biết.";
    expect(extractQuotes(text, extractPeople(text, vi), vi).map((x) => x.speaker)).toEqual(["Phạm Văn Hùng"]);
    const enText = "“Demand is back”, Le Thi Mai, head of sales at a travel agency, said.";
    expect(extractQuotes(enText, extractPeople(enText, en), en).map((x) => x.speaker)).toEqual(["Le Thi Mai"]);
  });

  it("reads a council delegate as a person who can speak", () => {
    const text = "Tại phiên họp, đại biểu HĐND thành phố Đỗ Quang Minh phát biểu: “Cần thêm bãi đỗ xe ngầm”.";
    const people = extractPeople(text, vi);
    expect(people.map((p) => p.name)).toEqual(["Đỗ Quang Minh"]);
    expect(extractQuotes(text, people, vi).map((x) => x.speaker)).toEqual(["Đỗ Quang Minh"]);
  });
});
