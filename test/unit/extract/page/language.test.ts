import { describe, expect, it } from "vitest";
import { detectLanguage } from "../../../../workers/extract/page/language";

describe("detectLanguage", () => {
  it("recognises Vietnamese by its letters, even in a short line", () => {
    expect(detectLanguage("Chiều 11/12, lãnh đạo UBND TP Hà Nội làm việc.", null)).toBe("vi");
    expect(detectLanguage("Kinh tế Thủ đô tăng trưởng 6,52%", "en")).toBe("vi");
  });

  it("recognises Indonesian text that names Vietnamese people", () => {
    const text =
      "Wakil Ketua Komite Rakyat Hanoi Nguyễn Mạnh Quyền mengatakan bahwa kota ini akan terus menarik investasi dari mitra utama.";
    expect(detectLanguage(text, null)).toBe("id");
    expect(detectLanguage("Para pemimpin Hanoi berjanji untuk mempromosikan investasi.", "en")).toBe("id");
  });

  it("recognises English with Vietnamese names in it", () => {
    expect(
      detectLanguage("Vice Chairman Nguyễn Mạnh Quyền said the city will keep attracting investment from its key partners.", null),
    ).toBe("en");
  });

  it("falls back to <html lang> on text too short to judge", () => {
    expect(detectLanguage("Hanoi 2024", "id")).toBe("id");
    expect(detectLanguage("", "vi")).toBe("vi");
  });

  it("names other languages from <html lang> or the script", () => {
    expect(detectLanguage("Les grévistes ont manifesté devant le ministère pendant toute la matinée de jeudi.", "fr")).toBe("fr");
    expect(detectLanguage("รัฐบาลประกาศมาตรการใหม่เพื่อกระตุ้นเศรษฐกิจในปีนี้", null)).toBe("th");
  });
});

describe("detectLanguage on decomposed text", () => {
  it("recognises Vietnamese written with combining tone marks (NFD, as windows-1258 decodes)", () => {
    expect(detectLanguage("Chiều 11/12, lãnh đạo thành phố Hà Nội làm việc với các đại sứ.".normalize("NFD"), "en")).toBe("vi");
  });
});
