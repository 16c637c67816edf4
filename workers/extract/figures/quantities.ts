import { anyOfPattern } from "../text/any-of";
import { lazy } from "../text/lazy";
import type { Unit } from "../types";
import { NUMBER_WORD_LIST, type NumberStyle, parseDigits, readAmount, round, scaleAt, wordNumber } from "./numbers";

/** A number with its unit, as it stands in one sentence. */
export interface Quantity {
  value: number;
  unit: Unit;
  /** ISO 4217 when unit is "currency". */
  currency?: string;
  /** Where the number (or the rank word, "dẫn đầu") starts and ends. */
  start: number;
  end: number;
  /** The span hidden when cues are matched: digits with scale and unit ("6,52%", "2.067 triệu USD"). */
  markStart: number;
  markEnd: number;
  /** A scaled number with no unit or noun ("mencapai 20,3 juta,"): kept only if a catalog metric claims it. */
  bare?: boolean;
}

// ——— currencies ———
const CURRENCY_AFTER: ReadonlyArray<readonly [RegExp, string]> = [
  [/^(?:đô la|đôla|đô-la|dolar|dollars?)\s+(?:singapore|singapura)/iu, "SGD"],
  [/^(?:đô la|đôla|đô-la|dolar|dollars?)\s+(?:úc|australia)/iu, "AUD"],
  [/^(?:đô la|đôla|đô-la|dolar|dollars?)\s+(?:hồng kông|hong kong)/iu, "HKD"],
  [/^(?:đô la|đôla|đô-la|dolar|dollars?)\s+(?:canada|kanada)/iu, "CAD"],
  [/^(?:đô la|đôla|đô-la|dolar|dollars?)\s+(?:đài loan|taiwan)/iu, "TWD"],
  [
    /^(?:usd|us\$|đô la mỹ|đô-la mỹ|đôla mỹ|đô la|đôla|đô-la|dolar as|dolar amerika(?: serikat)?|dolar|us dollars?|u\.s\. dollars?|american dollars?|dollars?)/iu,
    "USD",
  ],
  [
    /^(?:vnđ|vnd|việt nam đồng|vietnamese dong|dong|đồng(?!\s+(?:chí|bào|thời|ý|hành|bằng|nghiệp|hồ|tình|lòng|đều|bộ|loạt|phục|minh|thuận|nhất|chủ|sáng lập|tổ chức|trưởng|đội|ca|dao|xu|quê|môn|hương|cỏ|ruộng|lúa|nội|tâm|cảm|điệu|chí))|đ(?![\p{L}\p{N}]))/iu,
    "VND",
  ],
  [/^(?:euro|eur|€)/iu, "EUR"],
  [/^(?:yên nhật|yên|yen|jpy)/iu, "JPY"],
  [/^(?:nhân dân tệ|ndt|cny|yuan|rmb)/iu, "CNY"],
  [/^(?:won|krw)/iu, "KRW"],
  [/^(?:bảng anh|pounds? sterling|british pounds?|gbp)/iu, "GBP"],
  [/^(?:rupiah|idr)/iu, "IDR"],
  [/^(?:baht|bạt|thb)/iu, "THB"],
  [/^(?:ringgit|myr)/iu, "MYR"],
  [/^(?:sgd)/iu, "SGD"],
  [/^(?:aud)/iu, "AUD"],
  [/^(?:rúp|ruble|roubles?|rub)/iu, "RUB"],
  [/^(?:kíp|kip|lak)/iu, "LAK"],
  [/^(?:franc thụy sĩ|swiss francs?|chf)/iu, "CHF"],
];
// Any of CURRENCY_AFTER in one anchored test: most numbers are followed by no currency and skip the list.
const ANY_CURRENCY_AFTER = lazy(() => new RegExp(`^(?:${CURRENCY_AFTER.map(([re]) => re.source.replace(/^\^/, "")).join("|")})`, "iu"));
const CURRENCY_BEFORE = /(US\$|S\$|A\$|HK\$|C\$|\$|€|£|¥|Rp\.?|USD|VNĐ|VNđ|VND|EUR|IDR|SGD|JPY|GBP|CNY|KRW)[\s\u00a0]*$/u;
const PREFIX_CODE: Record<string, string> = {
  US$: "USD",
  S$: "SGD",
  A$: "AUD",
  HK$: "HKD",
  C$: "CAD",
  $: "USD",
  "€": "EUR",
  "£": "GBP",
  "¥": "JPY",
  Rp: "IDR",
  "Rp.": "IDR",
  VNĐ: "VND",
  VNđ: "VND",
};

const PERCENT_AFTER =
  /^[\s\u00a0]*(?:%|điểm phần trăm|phần trăm|persen|poin persentase|percentage points?|per\s?cent|percent|pct)(?![\p{L}\p{N}])/iu;
const PERCENT_SIGN = /^[\s\u00a0]*%/u;

// ——— what makes a number not a figure ———
// Words right before a number that make it an identifier, an ordinal or a date part.
const ID_BEFORE =
  /(?:^|[^\p{L}])(?:thứ|số|khóa|khoá|kỳ|kì|lần|nghị quyết|quyết định|chỉ thị|thông tư|nghị định|công văn|kế hoạch|luật|điều|khoản|chương|mục|tầng|phòng|đường|quốc lộ|tỉnh lộ|quận|phường|tổ|ngõ|ngách|hẻm|tháng|ngày|năm|lớp|trang|giai đoạn|đợt|trung ương|hội nghị|vòng|ca|phiên|tập|khu|lô|nhóm|top|ke|nomor|no|tahun|bulan|tanggal|pasal|ayat|lantai|jalan|jilid|tahap|gelombang|kuartal|triwulan|semester|abad|number|year|article|chapter|section|phase|room|floor|page|route|highway|level|grade|session|term|round|quarter|covid|hạng|quý|năm thứ|version|phiên bản|resolution|decision|decree|circular|law|pukul|jam|lúc|vào lúc|mã|code|hotline|điện thoại|tel|fax|sđt|đt|ext)[\s.:#°]*$/iu;
// Words right after a number that make it a duration, a time, a date or a physical measure.
const STOP_AFTER = lazy(
  () =>
    new Set(
      (
        "năm tháng ngày tuần giờ phút giây quý thế kỷ tuổi lần buổi đêm thập kỷ thập niên kỳ khóa khoá " +
        "tahun bulan hari minggu jam menit detik kuartal abad kali usia malam dekade " +
        "years year months month days day weeks week hours hour minutes minute seconds second times time am pm decades decade century centuries " +
        "km m ha kg g mg ml l mm cm m2 m3 mét ki-lô-mét kilômét héc-ta hécta hecta lít tấn tạ mw kw kwh gw độ °c meter meters metres kilometres kilometers hectares tonnes tons liters litres " +
        "miles mile feet foot ft inches inch oz ounces ounce lb lbs pounds pound tsp tbsp cup cups acres acre sq square degrees mph kph gb mb tb pixels px hz ghz mp watts volts calories kcal " +
        "và hoặc đến tới của trong với là đã được trên dưới so cho từ theo tại về sau trước khi nên mà thì cũng " +
        "and or to of in on at for per the a an than from by with was were is are has have had " +
        "dan atau hingga sampai dari di ke yang pada untuk dengan adalah oleh " +
        "january february march april may june july august september october november december " +
        "januari februari maret mei juni juli agustus oktober desember jan feb mar apr jun jul aug sep sept oct nov dec"
      ).split(/\s+/),
    ),
);
const MONTH_BEFORE =
  /(?:January|February|March|April|May|June|July|August|September|October|November|December|Januari|Februari|Maret|Mei|Juni|Juli|Agustus|Oktober|Desember|Jan|Feb|Mar|Apr|Jun|Jul|Aug|Sept?|Oct|Nov|Dec)\.?\s*$/u;

// Nouns word numbers may count ("hai đoàn", "dua delegasi", "three projects"): they are rare and
// ambiguous ("ba" is also "father", "hai" is in "Hai Bà Trưng"), so only before these.
const WORD_COUNT_NOUNS =
  /^\s+(?:đoàn|dự án|biên bản|hội chợ|doanh nghiệp|thỏa thuận|thoả thuận|hiệp định|quốc gia|thành phố|thủ đô|tỉnh|delegasi|proyek|perjanjian|nota|kota|negara|delegations?|projects?|agreements?|memorand(?:a|um)|mous?|fairs?|cities|countries|provinces|enterprises|firms)(?![\p{L}])/iu;

// The same nouns after one to three plain words: "three trade promotion delegations", "tiga delegasi promosi".
const WORD_COUNT_NOUN_LATER = new RegExp(`^(?:\\s+[\\p{L}\\p{M}-]+){1,3}?${WORD_COUNT_NOUNS.source.slice(1)}`, "iu");

const RANK_WORD: Record<string, number> = {
  nhất: 1,
  nhì: 2,
  hai: 2,
  ba: 3,
  tư: 4,
  bốn: 4,
  năm: 5,
  sáu: 6,
  bảy: 7,
  tám: 8,
  chín: 9,
  mười: 10,
  pertama: 1,
  kedua: 2,
  ketiga: 3,
  keempat: 4,
  kelima: 5,
  keenam: 6,
  ketujuh: 7,
  kedelapan: 8,
  kesembilan: 9,
  kesepuluh: 10,
  teratas: 1,
  tertinggi: 1,
  first: 1,
  second: 2,
  third: 3,
  fourth: 4,
  fifth: 5,
  sixth: 6,
  seventh: 7,
  eighth: 8,
  ninth: 9,
  tenth: 10,
  top: 1,
};

interface PhraseRule {
  re: RegExp;
  /** Lower-case words one of which every match contains, to skip the regex on most sentences. */
  keys: string[];
  unit: "rank" | "times";
  /** Index of the group holding the number or word; 0 = the whole match is the figure (value `fixed`). */
  groups: number[];
  fixed?: number;
  /** Reject when this matches the 50 characters before ("1 trong 3 địa phương đứng đầu"). */
  notBefore?: RegExp;
}
const NUM = "\\d+(?:[.,]\\d+)?";
const TOP_GROUP = /(?:\d+\s+trong\s+(?:số\s+)?(?:\d+|các)|trong\s+(?:top|nhóm)|top\s*\d|one of|among|salah satu)[^.;]{0,40}$/iu;
/** The phrase rules, in order (compiled on first use). */
const PHRASES = lazy((): PhraseRule[] => [
  // vi ranks: "đứng thứ 5 cả nước", "xếp thứ 3/63", "đứng thứ nhất", "xếp hạng 5", "dẫn đầu cả nước".
  {
    keys: ["thứ"],
    re: /(?:đứng|xếp|xếp hạng|vươn lên|tụt xuống|giữ|ở|lên|xuống)\s+(?:vị trí\s+|hạng\s+)?thứ\s+(\d{1,3}|nhất|nhì|hai|ba|tư|bốn|năm|sáu|bảy|tám|chín|mười)(?![\p{L}\p{N}])/dgiu,
    unit: "rank",
    groups: [1],
  },
  { keys: ["hạng", "số"], re: /(?:xếp hạng|hạng|vị trí số|đứng số)\s+(\d{1,3})(?![\p{L}\p{N}.,])/dgiu, unit: "rank", groups: [1] },
  {
    keys: ["đầu", "số"],
    re: /(?<![\p{L}])(?:dẫn đầu|đứng đầu|đứng số một|đứng số 1)(?=\s+(?:trong\s+)?(?:cả nước|toàn quốc|các tỉnh|các địa phương|về|nationwide))/dgiu,
    unit: "rank",
    groups: [0],
    fixed: 1,
    notBefore: TOP_GROUP,
  },
  // id ranks: "peringkat ke-5", "menempati peringkat pertama", "posisi teratas".
  {
    keys: ["peringkat", "urutan", "posisi", "ranking", "rangking"],
    re: /(?:peringkat|urutan|posisi|ranking|rangking)\s+(?:ke-?\s?(\d{1,3})|(\d{1,3})(?![\p{N}.,%])|(pertama|kedua|ketiga|keempat|kelima|keenam|ketujuh|kedelapan|kesembilan|kesepuluh|teratas|tertinggi))(?![\p{L}])/dgiu,
    unit: "rank",
    groups: [1, 2, 3],
  },
  // en ranks: "ranked fifth", "ranks No. 1", "came second", "the second-largest".
  {
    keys: ["rank", "placed", "came", "finished", "stood"],
    // "stood at 5,965" is a level, not a rank: a number may not go on with a group or a decimal.
    re: /(?:rank(?:ed|s)?|placed|came|finished|stood|ranking)\s+(?:(?:at|in)\s+)?(?:(?:No\.?|number)\s*(\d{1,3})|(\d{1,3})(?:st|nd|rd|th)?|(first|second|third|fourth|fifth|sixth|seventh|eighth|ninth|tenth|top))(?![\p{L}\p{N}])(?![.,]\d)(?!\s*\d)/dgiu,
    unit: "rank",
    groups: [1, 2, 3],
    notBefore: TOP_GROUP,
  },
  // "ranking the city fourth nationwide", "ranked Hanoi 2nd", "took fourth place".
  {
    keys: ["rank", "place", "position", "spot"],
    re: /(?:rank(?:ed|s|ing)?\s+(?:(?!top\b|among\b|in\b|at\b)[\p{L}\p{M}'’.-]+\s+){1,3}?(?=(?:first|second|third|fourth|fifth|sixth|seventh|eighth|ninth|tenth|\d{1,2}(?:st|nd|rd|th))(?![\p{L}\p{N}]))|(?:(?:took|takes|take|secured|held|holds|retained|kept|claimed)\s+(?:the\s+)?|(?:in|at)\s+)(?=(?:first|second|third|fourth|fifth|sixth|seventh|eighth|ninth|tenth|\d{1,2}(?:st|nd|rd|th))\s+(?:place|position|spot)))(first|second|third|fourth|fifth|sixth|seventh|eighth|ninth|tenth|\d{1,2}(?:st|nd|rd|th))(?![\p{L}\p{N}])/dgiu,
    unit: "rank",
    groups: [1],
    notBefore: TOP_GROUP,
  },
  {
    keys: ["largest", "biggest", "highest", "leading"],
    re: /(?<![\p{L}])(first|second|third|fourth|fifth|sixth|seventh|eighth|ninth|tenth|\d{1,2}(?:st|nd|rd|th))[- ](?:largest|biggest|highest|leading)(?![\p{L}])/dgiu,
    unit: "rank",
    groups: [1],
    notBefore: TOP_GROUP,
  },
  {
    keys: ["top", "leading"],
    re: /(?<![\p{L}])top(?=\s+(?:FDI|foreign (?:direct )?investment|investment)\s+(?:destination|recipient|magnet|drawer|attractor))|(?<![\p{L}])leading(?=\s+(?:locality|province|city)(?:\s+(?:nationwide|in the country|in Vietnam))?\s+(?:in|for)\s+(?:attracting\s+)?(?:FDI|foreign))/dgiu,
    unit: "rank",
    groups: [0],
    fixed: 1,
  },
  {
    keys: ["topped", "led"],
    re: /(?<![\p{L}])(?:topped|led)\s+(?:the\s+)?(?:country|nation|list|ranking|all\s+(?:localities|provinces|cities))(?![\p{L}])/dgiu,
    unit: "rank",
    groups: [0],
    fixed: 1,
  },
  // Multiples: "gấp 1,54 lần", "gấp đôi", "1.54 times the", "1,54 kali lipat", "3-fold".
  {
    keys: ["gấp"],
    re: new RegExp(`gấp\\s+(?:(?:hơn|gần|khoảng|trên|xấp xỉ)\\s+)?(${NUM}|đôi|rưỡi|hai|ba|bốn|năm)(?:\\s+lần)?(?![\\p{L}\\p{N}])`, "dgiu"),
    unit: "times",
    groups: [1],
  },
  {
    keys: ["lần"],
    re: new RegExp(`(?<![\\p{L}\\p{N}.,])(${NUM})\\s+lần\\s+(?:so với|so|cùng kỳ|mức|năm trước)`, "dgiu"),
    unit: "times",
    groups: [1],
  },
  { keys: ["lần"], re: new RegExp(`tăng\\s+(${NUM})\\s+lần(?![\\p{L}])`, "dgiu"), unit: "times", groups: [1] },
  {
    keys: ["kali"],
    re: new RegExp(
      `(?<![\\p{L}\\p{N}.,])(${NUM}|dua|tiga|empat|lima)\\s*kali(?:\\s+lipat|(?=\\s+(?:dari|lebih|pertumbuhan|tingkat|rata|angka|nasional)))`,
      "dgiu",
    ),
    unit: "times",
    groups: [1],
  },
  {
    keys: ["fold", "times"],
    re: new RegExp(
      `(?<![\\p{L}\\p{N}.,])(${NUM}|two|three|four|five)(?:\\s*-?\\s*fold|\\s+times\\s+(?:the|that|higher|more|larger|bigger|greater|as|faster|over|compared|than))`,
      "dgiu",
    ),
    unit: "times",
    groups: [1],
  },
  { keys: ["twice"], re: /(?<![\p{L}])(twice)\s+(?:the|that|as)(?![\p{L}])/dgiu, unit: "times", groups: [1], fixed: 2 },
]);
// Number words only count before a scale word or one of WORD_COUNT_NOUNS: skip sentences with neither.
const WORD_NUMBER_HINT = lazy(
  () =>
    new RegExp(
      anyOfPattern(
        "nghìn|ngàn|triệu|tỷ|tỉ|ribu|juta|miliar|triliun|thousand|million|billion|trillion|đoàn|dự án|biên bản|hội chợ|doanh nghiệp|thỏa thuận|thoả thuận|hiệp định|quốc gia|thành phố|thủ đô|tỉnh|delegasi|proyek|perjanjian|nota|kota|negara|delegation|project|agreement|memorand|mou|fair|cities|countries|provinces|enterprises|firms".split(
          "|",
        ),
      ),
    ),
);
// Run on the lower-cased sentence; the letter class covers Latin and Vietnamese letters without the slower "u" mode.
const NUMBER_WORDS = lazy(
  () =>
    new RegExp(
      `(?<![a-z0-9\\u00c0-\\u024f\\u1e00-\\u1eff])(${NUMBER_WORD_LIST().join("|")})(?![a-z0-9\\u00c0-\\u024f\\u1e00-\\u1eff])`,
      "g",
    ),
);
// Any phrase rule's key word: most sentences have none and skip the rules at once.
const ANY_PHRASE_KEY = lazy(() => new RegExp(anyOfPattern(PHRASES().flatMap((r) => r.keys))));
const KEY_RES = new Map<PhraseRule, RegExp>();
/** One regex per rule for its key words (built on first use). */
function keyTest(r: PhraseRule): RegExp {
  let re = KEY_RES.get(r);
  if (!re) {
    re = new RegExp(anyOfPattern(r.keys));
    KEY_RES.set(r, re);
  }
  return re;
}
const TIMES_WORD: Record<string, number> = {
  đôi: 2,
  rưỡi: 1.5,
  hai: 2,
  ba: 3,
  bốn: 4,
  năm: 5,
  dua: 2,
  tiga: 3,
  empat: 4,
  lima: 5,
  two: 2,
  three: 3,
  four: 4,
  five: 5,
  twice: 2,
};

/**
 * Finds the figures of one sentence: percentages, amounts of money, counts of things, ranks and
 * multiples. Dates, years, times, identifiers ("Nghị quyết 22", "lần thứ 12"), durations ("70 năm")
 * and physical measures are left out.
 *
 * @example findQuantities("Thành phố thu hút được 2.067 triệu USD vốn FDI, đứng thứ 5 cả nước", "comma")
 * // [{ value: 2067000000, unit: "currency", currency: "USD", … }, { value: 5, unit: "rank", … }]
 */
export function findQuantities(s: string, style: NumberStyle, lang = ""): Quantity[] {
  const out: Quantity[] = [];
  const taken: Array<[number, number]> = [];
  const isTaken = (a: number, b: number) => taken.some(([x, y]) => a < y && b > x);

  const lower = s.toLowerCase();
  for (const r of ANY_PHRASE_KEY().test(lower) ? PHRASES() : []) {
    if (!keyTest(r).test(lower)) continue;
    r.re.lastIndex = 0;
    for (let m = r.re.exec(s); m; m = r.re.exec(s)) {
      const g = r.groups.find((i) => m?.[i] !== undefined) ?? 0;
      const text = m[g];
      const [start, end] = m.indices?.[g] ?? [m.index, m.index + m[0].length];
      if (isTaken(m.index, m.index + m[0].length)) continue;
      if (r.notBefore?.test(s.slice(Math.max(0, m.index - 50), m.index))) continue;
      let value: number | null = r.fixed ?? null;
      if (value === null) {
        const low = text.toLowerCase().replace(/(?<=\d)(?:st|nd|rd|th)$/, "");
        value = /^\d/.test(low) ? parseDigits(low, style) : r.unit === "rank" ? (RANK_WORD[low] ?? null) : (TIMES_WORD[low] ?? null);
      }
      if (value === null || !Number.isFinite(value) || value <= 0) continue;
      if (r.unit === "rank" && (!Number.isInteger(value) || value > 1000)) continue;
      taken.push([m.index, m.index + m[0].length]);
      out.push({ value, unit: r.unit, start, end, markStart: start, markEnd: end });
    }
  }

  const DIGITS = /\d+(?:[.,]\d+)*/g;
  for (let m = DIGITS.exec(s); m; m = DIGITS.exec(s)) {
    const start = m.index;
    const raw = m[0].replace(/[.,]$/, "");
    if (isTaken(start, start + raw.length)) continue;
    const q = readNumber(s, start, raw, style, lang);
    if (q) {
      out.push(q);
      taken.push([q.markStart, q.markEnd]);
      DIGITS.lastIndex = Math.max(DIGITS.lastIndex, q.end);
    }
  }

  const numberWords = NUMBER_WORDS();
  numberWords.lastIndex = 0;
  const wordsWorthReading = WORD_NUMBER_HINT().test(lower);
  const sameLength = lower.length === s.length;
  for (let m = wordsWorthReading && sameLength ? numberWords.exec(lower) : null; m; m = numberWords.exec(lower)) {
    const word = s.slice(m.index, m.index + m[1].length);
    const n = wordNumber(word);
    if (n === null) continue;
    const start = m.index;
    const end = start + word.length;
    // Cheap tests first: most number words ("a", "one") are followed by neither a scale nor a counted noun.
    const sc = scaleAt(s, end);
    // A counted noun right after ("ba đoàn"), or after up to three modifiers ("three trade promotion delegations"):
    // the latter is kept only when a catalog cue claims it (bare).
    const nounNext = n > 1 && WORD_COUNT_NOUNS.test(s.slice(end, end + 30));
    const nounLater = n > 1 && !nounNext && WORD_COUNT_NOUN_LATER.test(s.slice(end, end + 60));
    if (!(sc && sc.value >= 1000) && !nounNext && !nounLater) continue;
    // Vietnamese number words are lower case; a capital starts a name ("Hai Bà Trưng", "Ba Đình").
    if (/^\p{Lu}/u.test(word) && /[ăâđêôơư]|^(?:Một|Hai|Ba|Bốn|Sáu|Bảy|Tám|Chín|Mười)$/u.test(word)) continue;
    if (isTaken(start, end) || ID_BEFORE.test(s.slice(Math.max(0, start - 30), start))) continue;
    if (sc && sc.value >= 1000) {
      const q = withUnit(s, start, end, sc.end, round(n * sc.value), true, false, null);
      if (q) {
        out.push(q);
        taken.push([q.markStart, q.markEnd]);
      }
      continue;
    }
    if (nounNext || nounLater) {
      out.push({ value: n, unit: "count", start, end, markStart: start, markEnd: end, ...(nounLater ? { bare: true } : {}) });
      taken.push([start, end]);
    }
  }
  return out.sort((a, b) => a.start - b.start);
}

/** Reads the figure whose digits `raw` start at `start`, or null when it is not one. */
function readNumber(s: string, start: number, raw: string, style: NumberStyle, lang: string): Quantity | null {
  const end0 = start + raw.length;
  const prev = s[start - 1] ?? "";
  const next = s[end0] ?? "";
  const next2 = s[end0 + 1] ?? "";
  // Part of a date, a range, a time, a code or a phone number.
  if (/[/\-–:+#№]/.test(prev) && /\d/.test(s[start - 2] ?? "")) return null;
  if (/[-–_#@]/.test(prev) || /[+#№]/.test(prev)) return null;
  if (/[:]/.test(next) && /\d/.test(next2)) return null;
  if (/[hg]/i.test(next) && /\d/.test(next2)) return null;
  if (/[-–]/.test(next) && /[\p{L}\p{N}]/u.test(next2)) return null;
  if (/\s/.test(next) && /^\s*[-–]\s*\d/.test(s.slice(end0, end0 + 4)) && /^\s*[-–]\s*\d/.test(s.slice(end0))) return null;
  // The second end of a spaced range: "4.5 – 5 percent".
  if (/\d\s+[-–]\s*$/.test(s.slice(Math.max(0, start - 4), start))) return null;
  // Letters glued before the digits: an identifier ("G20", "R2", "iklan_2"), unless a currency code.
  let currency: string | null = null;
  if (/\p{L}/u.test(prev)) {
    const code = /(USD|VND|VNĐ|VNđ|EUR|IDR|SGD|Rp|US\$)$/u.exec(s.slice(Math.max(0, start - 4), start));
    if (!code) return null;
  }
  if (/^0\d/.test(raw)) return null;
  // Groups of a phone number or a list of bare numbers: "0912 345 678".
  if (/\d[ \u00a0]+$/.test(s.slice(Math.max(0, start - 3), start)) || /^[ \u00a0]+\d/.test(s.slice(end0, end0 + 3))) return null;
  // Glued letters after: "4G", "3D", "2nd", "5x" — except scale abbreviations ("$2bn", "5tr").
  if (/\p{L}/u.test(next) && !scaleAt(s, end0) && !ANY_CURRENCY_AFTER().test(s.slice(end0, end0 + 12))) return null;
  const before = s.slice(Math.max(0, start - 30), start);
  const cur = CURRENCY_BEFORE.exec(before);
  if (cur) {
    const code = cur[1];
    currency = PREFIX_CODE[code] ?? code.toUpperCase();
  }
  if (!cur && ID_BEFORE.test(before)) return null;
  if (!cur && MONTH_BEFORE.test(before)) return null;
  // "x/y": a count "23/24 chỉ tiêu" when a noun follows; otherwise (and always when y ≤ 12) a date.
  if (next === "/" && /\d/.test(next2)) {
    const frac = /^\/(\d{1,4})(\/\d{1,4})?/.exec(s.slice(end0));
    if (!frac || frac[2] || Number(frac[1]) >= 1000 || Number(frac[1]) <= 12) return null;
    const after = end0 + frac[0].length;
    const noun = countNoun(s, after);
    const whole = parseDigits(raw, style);
    if (!noun || whole === null || !Number.isInteger(whole) || whole > Number(frac[1])) return null;
    return { value: whole, unit: "count", start, end: end0, markStart: start, markEnd: after };
  }

  const amount = readAmount(s, start, style);
  if (!amount) return null;
  const decimalUsed = amount.value !== Number(raw.replace(/[.,]/g, "")) && !amount.scaled;
  const yearLike = /^(?:1[5-9]|20)\d{2}$/.test(raw) && !amount.scaled;
  const q = withUnit(
    s,
    start,
    end0,
    amount.end,
    amount.value,
    amount.scaled,
    decimalUsed || amount.fractional,
    currency,
    cur ? start - cur[0].length : start,
  );
  if (!q) return null;
  if (q.unit === "count" && yearLike) return null;
  // "Nhật Bản 120.000 lượt": a number in thousands groups is no "Local 90" or "Week 13".
  const thousands = q.value >= 1000 && /\d[.,]\d{3}(?!\d)/.test(s.slice(start, end0));
  if (q.unit === "count" && !thousands && looksLikeName(s, start, q.markEnd, lang)) {
    // "1.4 million Korean tourists", "50 Japanese firms": a proper adjective before a lower-case noun; kept
    // only when a catalog cue claims it.
    if (
      lang === "en" &&
      /^[\s\u00a0]+\p{Lu}\p{Ll}+[\s\u00a0]+\p{Ll}{3,}/u.test(s.slice(q.markEnd, q.markEnd + 40)) &&
      !looksLikeName(s, start, start, "")
    )
      return { ...q, bare: true };
    return null;
  }
  return q;
}

/** Attaches the unit that follows the amount ending at `amountEnd`, or returns null. */
function withUnit(
  s: string,
  start: number,
  numEnd: number,
  amountEnd: number,
  value: number,
  scaled: boolean,
  fractional: boolean,
  prefixCurrency: string | null,
  markStart = start,
): Quantity | null {
  const rest = s.slice(amountEnd, amountEnd + 40);
  const pct = PERCENT_AFTER.exec(rest) ?? (PERCENT_SIGN.exec(rest) as RegExpExecArray | null);
  if (pct && !prefixCurrency) {
    return { value, unit: "percent", start, end: numEnd, markStart, markEnd: amountEnd + pct[0].length };
  }
  const trimmed = rest.replace(/^[\s\u00a0]+/, "");
  const lead = rest.length - trimmed.length;
  for (const [re, code] of ANY_CURRENCY_AFTER().test(trimmed) ? CURRENCY_AFTER : []) {
    const m = re.exec(trimmed);
    if (m && /[\p{L}\p{N}]/u.test(trimmed[m[0].length] ?? "") && /\p{L}$/u.test(m[0])) continue;
    if (m) return { value, unit: "currency", currency: code, start, end: numEnd, markStart, markEnd: amountEnd + lead + m[0].length };
  }
  if (prefixCurrency) return { value, unit: "currency", currency: prefixCurrency, start, end: numEnd, markStart, markEnd: amountEnd };
  // A count needs a counted noun right after, and a whole number unless a scale word made it one.
  if (fractional && !scaled) return null;
  // "mencapai 20,3 juta, naik 14,3%": a scaled number ending its clause counts what the clause is about.
  // So does one followed by its period or a change: "reached 6.12 million in 2024, up 33.4%".
  // A whole number written with thousands groups ("reached 150,000 in November") reads the same way.
  const grouped = !scaled && Number.isInteger(value) && value >= 1000 && /\d[.,\u00a0 ]\d{3}(?!\d)/.test(s.slice(start, numEnd));
  const bareScaled =
    (scaled || grouped) &&
    value >= 1000 &&
    /^[\s\u00a0]*(?:[,.;:)]|$|(?:in|during|over|trong|năm|pada|selama|sepanjang|tahun)[\s\u00a0]+(?:the[\s\u00a0]+)?(?:(?:19|20)\d\d|first|last|past|same|tháng|quý|\d{1,2}[\s\u00a0]+tháng|(?:January|February|March|April|May|June|July|August|September|October|November|December|Januari|Februari|Maret|Mei|Juni|Juli|Agustus|Oktober|Desember)\b)|(?:up|down|naik|turun|tăng|giảm)[\s\u00a0])/u.test(
      rest,
    );
  const noun = countNoun(s, amountEnd);
  // "The number of new enterprises … stood at 5,965": the count of what the sentence numbers (kept only when
  // a catalog cue claims it).
  // "747.700 dari Korea Selatan", "200,000 from Japan": a list item whose noun the sentence gave before.
  const fromPlace =
    !noun && !bareScaled && Number.isInteger(value) && value >= 100 && /^[\s\u00a0]+(?:dari|from|từ|đến từ)[\s\u00a0]+\p{Lu}/u.test(rest);
  const before = !noun && !bareScaled && Number.isInteger(value) && value >= 2 ? s.slice(Math.max(0, start - 120), start) : "";
  const numbered = before !== "" && NUMBERED_HINT.test(before) && NUMBERED.test(before);
  if (!bareScaled && !noun && !numbered && !fromPlace) return null;
  return { value, unit: "count", start, end: numEnd, markStart, markEnd: amountEnd, ...(noun ? {} : { bare: true }) };
}

const NUMBERED_HINT = /number|số|jumlah|banyaknya/i;
const NUMBERED =
  /(?:number of|the number|số lượng|(?<![\p{L}])số|jumlah|banyaknya)(?![\p{L}])[^.;:]{2,90}(?:stood at|reached|was|were|totaled|totalled|hit|amounted to|đạt|là|mencapai|sebanyak|tercatat|ada|(?:rose|increased|climbed|grew|fell|dropped|declined|jumped)(?: by [\d.,]+\s*(?:%|percent|per cent))? to|(?:tăng|giảm)(?: [\d.,]+%)? lên|naik(?: [\d.,]+ persen)? menjadi)\s*(?:(?:about|around|nearly|over|more than|khoảng|gần|hơn|sekitar|hampir|lebih dari)\s+)?$/iu;

/**
 * A number inside a name or an address, not a count: after a capitalised word that does not start
 * the sentence ("News 4 staff", "Local 90", "Week 13"), or, in English, before one ("3170 W. County Road").
 */
function looksLikeName(s: string, start: number, end: number, lang: string): boolean {
  const prev = /([\p{L}][\p{L}\p{M}'’.]*)[\s\u00a0]+$/u.exec(s.slice(Math.max(0, start - 30), start));
  if (prev && /^\p{Lu}/u.test(prev[1])) {
    const at = start - prev[0].length;
    const sentenceStart = s.slice(0, at).trim() === "" || /[.:;!?"“(]\s*$/u.test(s.slice(0, at));
    if (!sentenceStart) return true;
  }
  // A capitalised word, not an acronym ("MoUs", "FDI"), or an initial ("W.").
  if (lang === "en" && /^[\s\u00a0]+(?:\p{Lu}\p{Ll}+(?![\p{Lu}])|\p{Lu}\.)/u.test(s.slice(end, end + 40))) return true;
  return false;
}

/** The noun a count counts, when the word after `at` is one (not a time unit, measure or function word). */
function countNoun(s: string, at: number): string | null {
  const m = /^[\s\u00a0]+([\p{L}][\p{L}\p{M}'’-]*)/u.exec(s.slice(at, at + 40));
  if (!m) return null;
  const w = m[1].toLowerCase();
  if (w.length < 2 || STOP_AFTER().has(w)) return null;
  // Two-word time units and measures.
  if (/^(?:thế|thập|ki-lô|mét)/.test(w)) return null;
  return w;
}

// Between two figures of one unit: the ends of a range ("between 8.5% and 9%", "từ 15 đến 17 triệu", "6,5-7%",
// "antara 5 hingga 6 persen", "ranging from VND85 million and VND87 million").
const RANGE_GAP = /^\s*(?:-|–|—|~|to|and|đến|tới|hingga|sampai|dan)\s*(?:(?:VND|USD|US\$|\$|Rp\.?)\s*)?$/iu;
const RANGE_OPEN = /(?:between|from|ranging from|từ|khoảng từ|antara|dari|kisaran)\s*(?:(?:VND|USD|US\$|\$|Rp\.?)\s*)?$/iu;
// "1 dolar AS = Rp14.469", "($1 = 26.380 dong)", "1 USD ≈ 25.000 đồng": an exchange rate, not a figure.
const RATE_GAP = /^\s*(?:\p{L}+\s+)?[=≈]\s*(?:(?:VND|USD|US\$|\$|Rp\.?)\s*)?$/u;

/**
 * The figures of a sentence that are not values of their own: both ends of a range and both sides of an
 * exchange rate. A range is no single value (annotators leave it out), a rate is no fact of the article.
 *
 * @example notValues("GRDP growth of between 8.5% and 9%", quantities) // Set { 0, 1 }
 */
export function notValues(s: string, qs: readonly Quantity[]): Set<number> {
  const out = new Set<number>();
  // "8,3%-8,5%": the second end was dropped when read, the first stays; it is no value either.
  qs.forEach((q, i) => {
    if (/^\s*[-–—]\s*\d/.test(s.slice(q.markEnd, q.markEnd + 4))) out.add(i);
  });
  for (let i = 1; i < qs.length; i++) {
    const a = qs[i - 1];
    const b = qs[i];
    const gap = s.slice(a.markEnd, b.start);
    if (RATE_GAP.test(gap)) {
      out.add(i - 1).add(i);
      continue;
    }
    if (a.unit !== b.unit && !(a.unit === "count" && a.bare)) continue;
    // "6,5-7%": the first end has no unit of its own.
    const dash = /^\s*[-–—]\s*$/.test(gap);
    if (
      RANGE_GAP.test(gap) &&
      (dash || RANGE_OPEN.test(s.slice(Math.max(0, a.start - 24), a.start).replace(/(?:khoảng|about|around|sekitar)\s*$/iu, "")))
    )
      out.add(i - 1).add(i);
  }
  return out;
}
