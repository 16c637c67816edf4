import { readdirSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { readTextPage } from "../../../../workers/extract/page/read-page";

const dir = join(__dirname, "../../../fixtures/seed-pages/seeds");
const seed = (prefix: string) => {
  const name = readdirSync(dir).find((f) => f.startsWith(prefix));
  if (!name) throw new Error(`no seed ${prefix}`);
  return readFileSync(join(dir, name), "utf8");
};

describe("readTextPage", () => {
  it("takes a headline first line as the title and keeps it out of the text", () => {
    const page = readTextPage(seed("002_"));
    expect(page.title).toBe("Hà Nội: Đối ngoại thúc đẩy hội nhập quốc tế toàn diện");
    expect(page.text.startsWith("(LĐTĐ) Với vai trò là trung tâm chính trị")).toBe(true);
  });

  it("does not take a first sentence as a title", () => {
    const page = readTextPage(seed("000_"));
    expect(page.title).toBeNull();
    expect(page.text.startsWith("Chiều 11/12, lãnh đạo")).toBe(true);
  });

  it("ends the article at the 'Nên xem' box: teaser-only numbers do not survive", () => {
    const { text, author } = readTextPage(seed("002_"));
    for (const teaser of ["108,91%", "97 đề tài", "258 trường hợp", "Tin khác", "Nên xem", "Phiên bản di động"])
      expect(text).not.toContain(teaser);
    expect(text).toContain("Phấn đấu đưa Hà Nội là hình mẫu về công tác đối ngoại.");
    expect(author).toBe("Ngân Phương");
  });

  it("drops headline lines repeated as image alt text", () => {
    const { text } = readTextPage(seed("002_"));
    expect(text).not.toContain("Hà Nội: Đối ngoại thúc đẩy hội nhập quốc tế toàn diện");
  });

  it("removes the ad marker, the source line and the comment counter of an Indonesian page", () => {
    const page = readTextPage(seed("003_"));
    expect(page.text).not.toMatch(/\[iklan_2\]|Sumber:|Komentar/);
    expect(page.source).toBe("https://kinhtedothi.vn/ha-noi-dat-trong-tam-thu-hut-dau-tu-va-day-manh-hop-tac-quoc-te.html");
    expect(page.text.endsWith("berkembang kuat dan berkelanjutan di masa mendatang.")).toBe(true);
  });

  it("reads the trailing author and 'Theo …' source, and stops at the comment form", () => {
    const page = readTextPage(seed("004_"));
    expect(page.author).toBe("Bình An");
    expect(page.source).toBe("Cổng GTĐT TP");
    expect(page.text).not.toMatch(/Trả lời|Email của bạn|Bình An/);
    expect(page.title).toBe("Đưa Hà Nội trở thành Thành phố kết nối toàn cầu");
  });

  it("drops a teaser excerpt cut short with […]", () => {
    const { text } = readTextPage(seed("004_"));
    expect(text).not.toContain("[…]");
    expect(text.startsWith("Những năm qua, trên cơ sở thực hiện nhất quán")).toBe(true);
  });

  it("keeps a mid-article 'Theo …' sentence", () => {
    const body =
      "Tiêu đề bài viết\nTheo Giám đốc Sở Ngoại vụ Hà Nội Ngô Minh Hoàng, thành phố đã đón 12 đoàn cấp cao.\nĐoạn cuối của bài viết kết thúc ở đây.";
    expect(readTextPage(body).text).toContain("Theo Giám đốc Sở Ngoại vụ");
  });
});

describe("readTextPage comment prompts", () => {
  it("keeps a sentence that opens with 'Trả lời' and stops at the bare 'Trả lời' heading", () => {
    const body = [
      "Tiêu đề bài viết về đầu tư",
      "Trả lời phóng viên, ông Lê Trung Hiếu cho biết thành phố thu hút 2.067 triệu USD vốn FDI.",
      "Thành phố sẽ tiếp tục cải thiện môi trường đầu tư trong năm 2025.",
      "Trả lời",
      "Email của bạn sẽ không được hiển thị công khai.",
    ].join("\n");
    expect(readTextPage(body).text.split("\n")).toEqual([
      "Trả lời phóng viên, ông Lê Trung Hiếu cho biết thành phố thu hút 2.067 triệu USD vốn FDI.",
      "Thành phố sẽ tiếp tục cải thiện môi trường đầu tư trong năm 2025.",
    ]);
  });
});

describe("readTextPage page furniture lines", () => {
  it("drops a breadcrumb trail and a flattened share bar", () => {
    const body = [
      "Trang chủ > Kinh tế > Đầu tư",
      "Hà Nội đặt trọng tâm thu hút đầu tư",
      "Chiều 11/12, lãnh đạo UBND TP Hà Nội làm việc với các đại sứ nhiệm kỳ 2024-2027.",
      "Chia sẻ Facebook Zalo",
      "Thành phố thu hút 2.067 triệu USD vốn FDI đăng ký, đứng thứ 5 cả nước.",
    ].join("\n");
    const page = readTextPage(body);
    expect(page.title).toBe("Hà Nội đặt trọng tâm thu hút đầu tư");
    expect(page.text.split("\n")).toEqual([
      "Chiều 11/12, lãnh đạo UBND TP Hà Nội làm việc với các đại sứ nhiệm kỳ 2024-2027.",
      "Thành phố thu hút 2.067 triệu USD vốn FDI đăng ký, đứng thứ 5 cả nước.",
    ]);
  });
});

describe("readTextPage normalisation", () => {
  it("returns NFC text so later rules match precomposed Vietnamese", () => {
    const page = readTextPage("Tiêu đề\nThành phố thu hút 2.067 triệu USD vốn FDI đăng ký.".normalize("NFD"));
    expect(page.text).toBe("Thành phố thu hút 2.067 triệu USD vốn FDI đăng ký.");
  });
});
