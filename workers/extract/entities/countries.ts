import { lazy } from "../text/lazy";
import type { ArticleContext } from "../types";
import { COUNTRY_NAMES } from "./country-names";
import { normalizeVi } from "./normalize";
import { firstWord, isCap, wordBefore, wordsOf } from "./words";

interface NameInfo {
  code: string;
  ambiguous: boolean;
  lang: string | null;
}

/** A country name found in the text. */
export interface CountryMention {
  code: string;
  start: number;
  end: number;
  name: string;
}

interface NameEntry {
  /** The name as matched, with its spaces and hyphens. */
  full: string;
  words: string[];
  /** What stands between consecutive words: " " (any run of spaces) or "-". */
  seps: string[];
  infos: NameInfo[];
}

// Names indexed by their first word, longest first, so "Korea Utara" wins over "Korea". Matching walks
// the words of the text (case-sensitive on purpose: "Pháp" the country vs "biện pháp", "AS" vs "as").
const BY_FIRST = lazy(() => {
  const byFirst = new Map<string, NameEntry[]>();
  const byName = new Map<string, NameEntry>();
  for (const row of COUNTRY_NAMES) {
    const [code, ...names] = row.split("|");
    for (const raw of names) {
      const ambiguous = raw.startsWith("?");
      const [name, lang] = (ambiguous ? raw.slice(1) : raw).split("@");
      const key = normalizeVi(name).replace(/\.$/, "");
      let entry = byName.get(key);
      if (!entry) {
        const parts = key.split(/([ -])/);
        entry = { full: key, words: parts.filter((_, i) => i % 2 === 0), seps: parts.filter((_, i) => i % 2 === 1), infos: [] };
        byName.set(key, entry);
        const first = firstWord(key);
        const list = byFirst.get(first) ?? [];
        list.push(entry);
        list.sort((a, b) => b.full.length - a.full.length);
        byFirst.set(first, list);
      }
      entry.infos.push({ code, ambiguous, lang: lang ?? null });
    }
  }
  return byFirst;
});
const WORD_CHAR = /[\p{L}\p{M}\p{N}]/u;

// Words after which a bare, ambiguous name ("Anh", "Nga", "Mỹ", "America") reads as a country.
const CONTEXT_BEFORE = lazy(
  () =>
    new Set(
      (
        "nước quốc tại ở sang đến từ của với phía người hàng giữa thăm và nhà bạn đoàn sứ quán thống tướng trưởng vương hoàng giao phủ hội " +
        "đội nghiệp tư trường hãng quyền đảng cả lẫn là " +
        "di ke dari dengan negara antara mengunjungi asal dan atau untuk oleh pemerintah presiden menteri " +
        "in to from with of and or between visit visited visiting for against by across including like"
      ).split(" "),
    ),
);
// Words after which a country name follows a title and may precede a person's name ("Tổng thống Nga Vladimir Putin").
const TITLE_END = lazy(
  () => new Set("thống tướng trưởng sứ vương hoàng giao nước president minister ambassador presiden menteri besar".split(" ")),
);
// A name never counts after these: the language, not the country ("tiếng Anh", "bahasa Inggris"), or the continent.
const NEVER_AFTER = lazy(() => new Set("tiếng bahasa châu".split(" ")));
// Syllables that turn an ambiguous name into an ordinary word ("Pháp luật", "Mỹ thuật", "Anh hùng", "Ý kiến").
const NOT_BEFORE: Record<string, string> = {
  Pháp: "luật lý lệnh chế nhân quyền sư môn danh trị y điển viện quy định thuật bảo hội",
  Mỹ: "thuật phẩm nghệ quan mãn nhân lệ học vị ý danh tục cảm từ nữ miều tửu",
  Anh: "hùng em chị ấy ta trai rể ruột họ có đã là cả tài minh dũng linh thư hào quân tú đào kiệt vũ đang sẽ cũng nói cho không",
  Đức: "tính độ hạnh tin phật cha giáo mẹ ông vua",
  Nhật: "ký báo thực nguyệt trình dụng lệnh",
  Ý: "kiến nghĩa tưởng thức chí định muốn tứ nguyện",
  Áo: "dài khoác mưa sơ phông len choàng giáp thun ấm quần",
  Bỉ: "ổi",
};
const NOT_BEFORE_SETS = lazy(() => new Map(Object.entries(NOT_BEFORE).map(([k, v]) => [k, new Set(v.split(" "))])));
// A country name inside a currency's name is no mention of the country: "US$", "dolar AS", "đô la Mỹ",
// "yên Nhật", "Singapore dollars". Words before the name (Vietnamese, Indonesian) and after it (English).
const CURRENCY_BEFORE = /(?:(?<![\p{L}\p{M}])(?:đô\s+la|đôla|dolar|dollar|yên|yen|yuan|won|baht|rupee|rupi|ringgit|peso|bảng|euro)\s+)$/iu;
const CURRENCY_AFTER = /^(?:\s*\$|\s+(?:dollars?|yen|yuan|baht|rupees?|ringgits?|pesos?|francs?)(?![\p{L}\p{M}]))/u;
// Territories named with their state in brackets, "Hồng Kông (Trung Quốc)", "Taiwan (China)": no mention of the state itself.
const TERRITORIES = new Set(["HK", "TW", "MO"]);
const LIST_GAP = /^\s*(?:[,;/&–-]|và|and|dan|hoặc|or|atau|cùng|with|với)\s*$/u;

/**
 * Finds every country name in the text with its position (Vietnam included, as "VN"), keeping an
 * ambiguous name only in a country context: after a context word ("nước Pháp", "tại Mỹ", "in
 * Georgia"), after a title ("Tổng thống Nga"), or in a list next to another country ("Singapore, Mỹ").
 */
export function findCountryMentions(text: string, lang: string): CountryMention[] {
  if (memo && memo.text === text && memo.lang === lang) return memo.out;
  const norm = normalizeVi(text);
  const raw: { start: number; end: number; name: string; infos: NameInfo[] }[] = [];
  let skipUntil = 0;
  const words = wordsOf(norm);
  const byFirst = BY_FIRST();
  for (const w of words) {
    // Every name starts with a capital: only capitalized words can open one.
    if (w.start < skipUntil || !isCap(w.text)) continue;
    const entries = byFirst.get(w.text);
    if (!entries) continue;
    for (const e of entries) {
      if (!norm.startsWith(e.full, w.start)) continue;
      const end = w.start + e.full.length;
      if (end < norm.length && WORD_CHAR.test(norm[end])) continue;
      const infos = e.infos.filter((x) => x.lang === null || x.lang === lang);
      if (!infos.length) continue;
      raw.push({ start: w.start, end, name: e.full, infos });
      skipUntil = end;
      break;
    }
  }
  const out: CountryMention[] = [];
  raw.forEach((r, k) => {
    if (CURRENCY_AFTER.test(norm.slice(r.end, r.end + 10)) || CURRENCY_BEFORE.test(norm.slice(Math.max(0, r.start - 12), r.start))) return;
    const prior = raw[k - 1];
    if (prior && /^\s*\($/.test(norm.slice(prior.end, r.start)) && prior.infos.some((x) => TERRITORIES.has(x.code))) return;
    const p = wordBefore(words, r.start);
    const prev = p && r.start - p.end <= 40 ? p.text : "";
    if (NEVER_AFTER().has(prev.toLowerCase())) return;
    const info = r.infos[0];
    if (info.ambiguous && !ambiguousOk(norm, r, prev, raw[k - 1], raw[k + 1])) return;
    out.push({ code: info.code, start: r.start, end: r.end, name: text.slice(r.start, r.end) });
  });
  memo = { text, lang, out };
  return out;
}

// The person finder and the country list read the same article: remember the last answer.
let memo: { text: string; lang: string; out: CountryMention[] } | null = null;

function ambiguousOk(
  norm: string,
  r: { start: number; end: number; name: string },
  prev: string,
  before: { end: number } | undefined,
  after: { start: number } | undefined,
): boolean {
  const nextWord = /^\s+([\p{L}\p{M}]+)/u.exec(norm.slice(r.end, r.end + 40))?.[1] ?? "";
  const prevLower = prev.toLowerCase();
  const afterTitle = TITLE_END().has(prevLower);
  if (nextWord) {
    if (NOT_BEFORE_SETS().get(r.name)?.has(nextWord.toLowerCase())) return false;
    // "Lào Cai", "Mỹ Đình", "Nga Sơn": part of a longer proper name, unless a person's name follows a title.
    if (/^\p{Lu}/u.test(nextWord) && !afterTitle) return false;
  }
  // A capitalized word right before ("Chu Ngọc Anh", "Mỹ Đức", "Latin America") makes it part of a name.
  const gapBefore = norm.slice(Math.max(0, r.start - 3), r.start);
  if (/^\p{Lu}/u.test(prev) && /^\s$/.test(gapBefore.slice(-1)) && !CONTEXT_BEFORE().has(prevLower) && !/[,;:(–-]\s*$/.test(gapBefore)) {
    return inList(norm, r, before, after);
  }
  if (CONTEXT_BEFORE().has(prevLower) || afterTitle) return true;
  return inList(norm, r, before, after);
}

function inList(
  norm: string,
  r: { start: number; end: number },
  before: { end: number } | undefined,
  after: { start: number } | undefined,
): boolean {
  if (before && LIST_GAP.test(norm.slice(before.end, r.start))) return true;
  if (after && LIST_GAP.test(norm.slice(r.end, after.start))) return true;
  return false;
}

/**
 * ISO 3166-1 alpha-2 codes (and "EU") of the foreign countries the article names, in order of first
 * mention; Vietnam itself is left out.
 *
 * @example extractCountries("đối tác như Nhật Bản, Hàn Quốc, Mỹ và Liên minh châu Âu", ctx) // ["JP", "KR", "US", "EU"]
 */
export function extractCountries(text: string, ctx: ArticleContext): string[] {
  const codes = new Set<string>();
  for (const m of findCountryMentions(text, ctx.lang)) if (m.code !== "VN") codes.add(m.code);
  return [...codes];
}
