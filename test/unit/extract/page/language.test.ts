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

describe("pages in other languages", () => {
  // Own sentences about a made-up city budget, one per language.
  const pages: Array<[string, string]> = [
    [
      "pt",
      "A prefeitura informou que as receitas do município cresceram 8% no ano, segundo o relatório divulgado pela secretaria de finanças.",
    ],
    [
      "es",
      "El ayuntamiento informó que los ingresos del municipio crecieron un 8% en el año, según el informe publicado por la secretaría de hacienda.",
    ],
    [
      "fr",
      "La mairie a indiqué que les recettes de la commune ont progressé de 8 % sur l'année, selon le rapport publié par le service des finances.",
    ],
    [
      "de",
      "Die Stadtverwaltung teilte mit, dass die Einnahmen der Gemeinde im Jahr um 8 Prozent gestiegen sind, wie aus dem Bericht der Finanzabteilung hervorgeht.",
    ],
    ["zh", "市政府表示，根据财政部门发布的报告，该市全年收入增长了百分之八。"],
    ["ja", "市役所は、財政部の報告によると市の歳入が年間で8％増加したと発表した。"],
    ["ko", "시청은 재정부 보고서에 따르면 시의 세입이 연간 8% 증가했다고 밝혔다."],
    ["th", "ศาลากลางระบุว่ารายได้ของเทศบาลเพิ่มขึ้นร้อยละ 8 ในปีนี้ตามรายงานของฝ่ายการคลัง"],
  ];
  for (const [lang, text] of pages)
    it(`names ${lang} as ${lang}, without a page declaration`, () => {
      expect(detectLanguage(text, null)).toBe(lang);
    });

  it("gets no Vietnamese or Indonesian number rules: no facts from a Spanish page", async () => {
    const { extract } = await import("../../../../workers/extract");
    const out = extract({ body: `Presupuesto municipal\n${pages[1][1]} Los ingresos sumaron 2.500 millones de dólares.`, kind: "text" });
    expect(out.lang).toBe("es");
    expect(out.facts).toEqual([]);
  });
});
