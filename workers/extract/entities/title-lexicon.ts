import { lazy } from "../text/lazy";
import { alternation, normalizeVi } from "./normalize";
import { firstWord, wordsOf } from "./words";

/**
 * Head words of the titles that stand before a person's name, in Vietnamese, Indonesian and English.
 * A title is one of these, optionally preceded by modifiers ("Phó", "Nguyên", "Wakil", "Deputy"), then
 * whatever organisation words follow up to the name ("Phó Chủ tịch UBND TP Hà Nội").
 */
const TITLE_HEADS = [
  // Vietnamese: state, party, government
  "chủ tịch nước",
  "chủ tịch quốc hội",
  "chủ tịch",
  "tổng bí thư",
  "bí thư",
  "thủ tướng",
  "bộ trưởng",
  "thứ trưởng",
  "trợ lý",
  "tổng giám đốc",
  "giám đốc",
  "tổng lãnh sự",
  "lãnh sự",
  "đại sứ đặc mệnh toàn quyền",
  "đại sứ",
  "tham tán",
  "tùy viên",
  "ủy viên",
  "trưởng ban",
  "trưởng đoàn",
  "trưởng phòng",
  "trưởng khoa",
  "trưởng đại diện",
  "trưởng cơ quan đại diện",
  "chánh văn phòng",
  "chánh án",
  "chánh thanh tra",
  "viện trưởng",
  "tổng cục trưởng",
  "cục trưởng",
  "vụ trưởng",
  "hiệu trưởng",
  "tổng thống",
  "quốc vương",
  "nhà vua",
  "hoàng tử",
  "công chúa",
  "nữ hoàng",
  "thái tử",
  "giáo hoàng",
  "thị trưởng",
  "tỉnh trưởng",
  "thống đốc",
  "chủ nhiệm",
  "tổng thư ký",
  "thư ký",
  "người phát ngôn",
  "phát ngôn viên",
  "ngoại trưởng",
  "tư lệnh",
  "chính ủy",
  "đại tướng",
  "thượng tướng",
  "trung tướng",
  "thiếu tướng",
  "đại tá",
  "thượng tá",
  "trung tá",
  "thiếu tá",
  "giáo sư",
  "gs.ts",
  "pgs.ts",
  "gs",
  "pgs",
  "ts",
  "ths",
  "tiến sĩ",
  "bs",
  "bs.ck1",
  "bs.ck2",
  "bs.ckii",
  "bs.cki",
  "ths.bs",
  "ts.bs",
  "bsck1",
  "bsck2",
  "nsnd",
  "nsưt",
  "nghệ sĩ nhân dân",
  "nghệ sĩ ưu tú",
  "thạc sĩ",
  "bác sĩ",
  "luật sư",
  "kiến trúc sư",
  "kỹ sư",
  "nhà báo",
  "biên tập viên",
  "chuyên gia",
  "nghệ sĩ",
  "nghệ nhân",
  "nhà văn",
  "nhà nghiên cứu",
  "đại biểu quốc hội",
  "đại biểu hđnd",
  "đại biểu hội đồng nhân dân",
  "đại biểu",
  "chuyên viên",
  "điều phối viên",
  "nhà sáng lập",
  "người sáng lập",
  "đồng sáng lập",
  // Indonesian
  "duta besar luar biasa dan berkuasa penuh",
  "presiden",
  "perdana menteri",
  "menteri luar negeri",
  "menteri",
  "menlu",
  "asisten menteri",
  "asisten",
  "duta besar",
  "dubes",
  "konsul jenderal",
  "konjen",
  "konsul",
  "ketua",
  "sekretaris jenderal",
  "sekjen",
  "sekretaris",
  "direktur jenderal",
  "dirjen",
  "direktur utama",
  "dirut",
  "direktur",
  "kepala",
  "gubernur",
  "wali kota",
  "walikota",
  "bupati",
  "juru bicara",
  "jubir",
  "raja",
  "ratu",
  "pangeran",
  "kaisar",
  "sultan",
  "kanselir",
  "jenderal",
  "kolonel",
  "profesor",
  "pendiri",
  "founder",
  "co-founder",
  "anggota",
  "panglima",
  "pakar",
  "pengamat",
  // English
  "president",
  "prime minister",
  "foreign minister",
  "minister",
  "secretary-general",
  "secretary general",
  "general secretary",
  "secretary",
  "party chief",
  "chairman",
  "chairwoman",
  "chairperson",
  "director-general",
  "director general",
  "general director",
  "managing director",
  "director",
  "head",
  "chief",
  "ambassador extraordinary and plenipotentiary",
  "ambassador",
  "premier",
  "consul general",
  "consul-general",
  "consul",
  "governor",
  "mayor",
  "spokesman",
  "spokeswoman",
  "spokesperson",
  "king",
  "queen",
  "prince",
  "princess",
  "emperor",
  "chancellor",
  "ceo",
  "professor",
  "senator",
  "treasurer",
  "commissioner",
  "chief justice",
  "justice",
  "general",
  "colonel",
  "admiral",
  "expert",
  "editor",
  "supervisor",
  "lawmaker",
  "councillor",
  "councilor",
  "analyst",
  "economist",
];

/** Modifiers before a head ("Phó Chủ tịch", "Wakil Ketua", "Deputy Director", "Nguyên Bộ trưởng"). */
const MODIFIERS = [
  "phó",
  "nguyên",
  "cựu",
  "quyền",
  "tân",
  "thường trực",
  "wakil",
  "mantan",
  "deputy",
  "vice",
  "acting",
  "former",
  "first",
  "permanent",
  "executive",
  "senior",
  "assistant",
];

/** Courtesy words: they show that a name follows but are not titles themselves. */
const HONORIFIC_WORDS = [
  "ông",
  "bà",
  "anh",
  "chị",
  "ngài",
  "đồng chí",
  "bapak",
  "ibu",
  "pak",
  "bu",
  "tuan",
  "nyonya",
  "mr",
  "mr.",
  "mrs",
  "mrs.",
  "ms",
  "ms.",
  "miss",
  "dr",
  "dr.",
  "sir",
  "madam",
  "prof",
  "prof.",
  "datuk",
  "dato",
  "dato'",
  "tan sri",
  "tun",
  "seri",
  "dame",
  // Reporters: a name follows ("Phóng viên Bob Costantinil"), but the word is most often the one being
  // spoken to ("Trao đổi với phóng viên, Phó Cục trưởng …"), so it is never taken as a person's title.
  "phóng viên",
  "wartawan",
  "koresponden",
  "reporter",
  "correspondent",
  "journalist",
];
/** HONORIFIC_WORDS as normalizeVi writes them. */
export const HONORIFICS = lazy(() => new Set(HONORIFIC_WORDS.map(normalizeVi)));

/** The Vietnamese "ông/bà" and their kin, which also refer back to the last person ("ông cho biết"). */
export const PRONOUN_SPEAKERS = new Set(["ông", "bà", "he", "she", "beliau", "dia", "ia"]);

/** A title head with its modifiers, case-insensitive, on word boundaries; match on normalizeVi() text. */
export const TITLE_RE = lazy(
  () =>
    new RegExp(
      `(?<![\\p{L}\\p{M}\\p{N}])(?:(?:${alternation(MODIFIERS)})[\\s-]+)*(?:${alternation(TITLE_HEADS.map(normalizeVi))}|trưởng(?=\\s+\\p{Lu}))(?![\\p{L}\\p{M}\\p{N}])(?!\\s+quán)`,
      "giu",
    ),
);

/** Lower-case words of all title phrases: they never belong to a person's name ("Prime Minister Li Qiang"). */
export const TITLE_WORDS = lazy(
  () =>
    new Set(
      [...TITLE_HEADS, ...MODIFIERS, ...HONORIFICS()]
        .flatMap((t) =>
          normalizeVi(t)
            .toLowerCase()
            .split(/[\s-]+/),
        )
        .filter((w) => w.length > 1),
    ),
);

// For speed, heads are grouped by their first word: at a word of the text only the few heads that
// start with it are tried, after any modifiers ("Phó", "Wakil", "Deputy").
const HEAD_TAIL = "(?![\\p{L}\\p{M}\\p{N}])(?!\\s+quán)";
const HEADS_BY_FIRST = lazy(() => {
  const byFirst = new Map<string, RegExp>();
  const groups = new Map<string, string[]>();
  for (const h of TITLE_HEADS.map(normalizeVi)) {
    const first = firstWord(h).toLowerCase();
    groups.set(first, [...(groups.get(first) ?? []), h]);
  }
  for (const [first, heads] of groups) {
    const extra = first === "trưởng" ? "|trưởng(?=\\s+\\p{Lu})" : "";
    const re = new RegExp(`(?:${alternation(heads)}${extra})${HEAD_TAIL}`, "iuy");
    for (const v of caseVariants(first)) byFirst.set(v, re);
  }
  if (!byFirst.has("trưởng")) {
    const re = new RegExp(`trưởng(?=\\s+\\p{Lu})${HEAD_TAIL}`, "iuy");
    for (const v of caseVariants("trưởng")) byFirst.set(v, re);
  }
  return byFirst;
});
// Looked up as the word stands (lower, Capitalized, UPPER): lower-casing every word costs more than the lookup.
const MODIFIER_WORDS = lazy(() => new Set(MODIFIERS.flatMap((m) => m.split(" ")).flatMap(caseVariants)));

function caseVariants(w: string): string[] {
  return [w, w[0].toUpperCase() + w.slice(1), w.toUpperCase()];
}

/**
 * Every title in a (normalizeVi) text, as spans: the same matches as scanning with TITLE_RE, but the
 * patterns only run where a word can open a title.
 */
export function findTitleSpans(norm: string): { start: number; end: number }[] {
  const out: { start: number; end: number }[] = [];
  const words = wordsOf(norm);
  const modifierWords = MODIFIER_WORDS();
  const headsByFirst = HEADS_BY_FIRST();
  for (let i = 0; i < words.length; i++) {
    const first = words[i].text;
    if (!modifierWords.has(first) && !headsByFirst.has(first)) continue;
    let j = i;
    while (j < words.length - 1 && modifierWords.has(words[j].text) && /^[\s-]+$/.test(norm.slice(words[j].end, words[j + 1].start))) j++;
    const re = headsByFirst.get(words[j].text);
    if (!re) continue;
    re.lastIndex = words[j].start;
    const m = re.exec(norm);
    if (!m) continue;
    const end = words[j].start + m[0].length;
    out.push({ start: words[i].start, end });
    while (i + 1 < words.length && words[i + 1].start < end) i++;
  }
  return out;
}
