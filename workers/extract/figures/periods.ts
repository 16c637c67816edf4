import { anyOfPattern, longestOfPattern } from "../text/any-of";
import { lazy } from "../text/lazy";
import type { Period } from "../types";

/**
 * A period named in a sentence. `period` is null for "the same period last year", which only
 * means something relative to the period in force (`shift` years earlier).
 */
export interface PeriodMention {
  start: number;
  end: number;
  period: Period | null;
  /** For "cùng kỳ năm trước" / "same period last year": how many years back from the period in force. */
  shift?: number;
  /**
   * Introduced by "so với", "compared with", "dibandingkan", "vượt kết quả"… (or in such a clause): a baseline.
   * It belongs only to a figure right before it ("hơn mức tăng 5,81% của 9 tháng năm 2023") and never carries.
   */
  comparison: boolean;
  /** Singled out ("Riêng quý III", "kuartal III saja"): it belongs to its own sentence and never carries. */
  singled?: boolean;
}

/** What a yearless period ("6 tháng đầu năm", "this year") is read against. */
export interface PeriodContext {
  /** The year in force: the last year stated before, or the article's year; null when unknown. */
  year: number | null;
  /** The month of publication (1–12) for "so far this year", or null. */
  publishedMonth: number | null;
  /** The year of a one-year period in force, for "cả năm", "the full year" (else `year`). */
  carriedYear?: number | null;
  /** The year the article is written in: "năm nay", "this year", "tahun ini" and "last year" count from it. */
  articleYear?: number | null;
  /** The last single month named (YYYY-MM), for "trong tháng", "in the month", "pada bulan tersebut". */
  lastMonth?: string | null;
}

const pad = (n: number) => String(n).padStart(2, "0");
const span = (y: number, m1: number, y2: number, m2: number): Period => ({ start: `${y}-${pad(m1)}`, end: `${y2}-${pad(m2)}` });
const months = (y: number, m1: number, m2: number): Period => span(y, m1, y, m2);

const SMALL: Record<string, number> = {
  một: 1,
  hai: 2,
  ba: 3,
  bốn: 4,
  tư: 4,
  năm: 5,
  sáu: 6,
  bảy: 7,
  tám: 8,
  chín: 9,
  mười: 10,
  "mười một": 11,
  "mười hai": 12,
  satu: 1,
  dua: 2,
  tiga: 3,
  empat: 4,
  lima: 5,
  enam: 6,
  tujuh: 7,
  delapan: 8,
  sembilan: 9,
  sepuluh: 10,
  sebelas: 11,
  "dua belas": 12,
  one: 1,
  two: 2,
  three: 3,
  four: 4,
  five: 5,
  six: 6,
  seven: 7,
  eight: 8,
  nine: 9,
  ten: 10,
  eleven: 11,
  twelve: 12,
  i: 1,
  ii: 2,
  iii: 3,
  iv: 4,
  pertama: 1,
  kedua: 2,
  ketiga: 3,
  keempat: 4,
  first: 1,
  second: 2,
  third: 3,
  fourth: 4,
  last: 4,
  final: 4,
};
const small = (w: string | undefined): number | null => {
  if (!w) return null;
  const k = w.toLowerCase().replace(/\s+/g, " ");
  if (/^\d+$/.test(k)) return Number(k);
  return SMALL[k] ?? null;
};

const MONTH_NAMES = lazy(() => {
  const byName: Record<string, number> = {};
  for (const [i, names] of [
    ["january", "januari", "jan"],
    ["february", "februari", "feb"],
    ["march", "maret", "mar"],
    ["april", "apr"],
    ["may", "mei"],
    ["june", "juni", "jun"],
    ["july", "juli", "jul"],
    ["august", "agustus", "aug", "agu"],
    ["september", "sep", "sept"],
    ["october", "oktober", "oct", "okt"],
    ["november", "nov"],
    ["december", "desember", "dec", "des"],
  ].entries())
    for (const n of names) byName[n] = i + 1;
  return byName;
});

const N_VI = "\\d{1,2}|một|hai|ba|bốn|năm|sáu|bảy|tám|chín|mười(?: một| hai)?";
const N_ID = "\\d{1,2}|satu|dua(?: belas)?|tiga|empat|lima|enam|tujuh|delapan|sembilan|sepuluh|sebelas";
const N_EN = "\\d{1,2}|one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve";
const ROMAN_Q = "IV|I{1,3}|[1-4]";
const MONTH =
  "January|February|March|April|May|June|July|August|September|October|November|December|Januari|Februari|Maret|Mei|Juni|Juli|Agustus|Oktober|Desember|Jan|Feb|Mar|Apr|Jun|Jul|Aug|Sept?|Oct|Nov|Dec";
const Y = "((?:19|20)\\d{2})";
// A year at the end of a period phrase: "năm 2023", "/2023", "tahun 2023", "of 2023", "2023".
// An alias in brackets may stand between ("kuartal pertama (Q1) tahun ini"); "năm nay / this year" is the year in force.
const YEAR_TAIL = `(?:\\s*\\([^)]{1,15}\\))?(?:\\s*(?:\\/|-|năm|tahun|of|in|,)?\\s*${Y}|\\s+(?:năm nay|tahun ini|(?:of )?this year|năm trước|năm ngoái|tahun lalu|(?:of )?last year))`;

// Month names always start a word in the rules that use them ("in March", "Jan–Sep", "hingga September").
const MONTH_WORDS = ["jan", "feb", "mar", "apr", "may", "mei", "jun", "jul", "aug", "agu", "sep", "oct", "okt", "nov", "dec", "des"];
// (After a non-alphanumeric character rather than a look-behind, which is slow at every position.)
const MONTH_KEYS = lazy(() => new RegExp(`(?:^|[^a-z0-9])${anyOfPattern(MONTH_WORDS)}`));
// Whole years and year ranges need a 19xx/20xx year.
const YEAR_KEYS = /(?:19|20)\d\d/;

type Make = (
  m: RegExpExecArray,
  ctx: PeriodContext,
) => (Omit<PeriodMention, "start" | "end" | "comparison"> & { fullYear?: boolean }) | null;
interface Rule {
  re: RegExp;
  make: Make;
  /** Matches when one of the rule's key words is in the sentence (checked before the rule). */
  keys: RegExp;
  /** The key words, when they are words (not a pattern). */
  words: string[];
}

const yearOf = (m: string | undefined, ctx: PeriodContext): number | null => (m ? Number(m) : ctx.year);
const rule = (keys: string[] | RegExp, src: string, make: Make): Rule => ({
  // The start must not be inside a word; findPeriods checks it, because a look-behind at the head of
  // the pattern costs a Unicode class test at every position of the sentence.
  re: new RegExp(`(?:${src})(?![\\p{L}\\p{N}])`, "giu"),
  make,
  // Tested on the lower-cased sentence: a plain search is much faster than a case-insensitive one.
  keys: Array.isArray(keys) ? new RegExp(anyOfPattern(keys)) : keys,
  words: Array.isArray(keys) ? keys : [],
});
const firstMonths = (n: number | null, y: number | null) => (n && y && n >= 1 && n <= 12 ? { period: months(y, 1, n) } : null);
const lastMonths = (n: number | null, y: number | null) => (n && y && n >= 1 && n <= 12 ? { period: months(y, 13 - n, 12) } : null);
const quarter = (q: number | null, y: number | null) => (q && y && q >= 1 && q <= 4 ? { period: months(y, 3 * q - 2, 3 * q) } : null);
const half = (h: number | null, y: number | null) =>
  h && y && h >= 1 && h <= 2 ? { period: months(y, h === 1 ? 1 : 7, h === 1 ? 6 : 12) } : null;
const monthName = (w: string | undefined) => (w ? (MONTH_NAMES()[w.toLowerCase()] ?? null) : null);

// Ordered: on overlap the earlier rule wins ("6 tháng đầu năm 2018" before "năm 2018"). Compiled on first use.
const RULES = lazy((): Rule[] => [
  // Same period of an earlier year: a baseline the figure before it belongs to.
  rule(
    ["cùng kỳ", "same", "periode yang sama", "corresponding"],
    `cùng kỳ(?: năm (?:trước|ngoái|${Y}))?|(?:the )?same (?:period|time|months?|quarter) (?:of |in )?(?:last year|the previous year|a year (?:earlier|ago)|${Y})|periode yang sama (?:tahun lalu|tahun sebelumnya|(?:tahun )?${Y})|periode yang sama|(?:last year['’]s|the previous year['’]s) corresponding period|(?:the )?corresponding period(?: (?:of|in) (?:last year|the previous year|${Y}))?`,
    (m, ctx) => {
      const y = m[1] ?? m[2] ?? m[3];
      if (y && ctx.year) return { period: null, shift: ctx.year - Number(y) };
      return { period: null, shift: 1 };
    },
  ),
  // "9 tháng năm 2020", "6 tháng đầu năm", "6 tháng cuối năm 2023", "4 tháng đầu năm nay".
  // "7 tháng/2017": the first months of a year.
  rule(["tháng"], `(${N_VI}) tháng\\s*\\/\\s*${Y}`, (m) => firstMonths(small(m[1]), Number(m[2]))),
  rule(["tháng"], `(${N_VI}) tháng (đầu|cuối)? ?(?:của )?năm(?: nay)?${YEAR_TAIL}?`, (m, ctx) => {
    const n = small(m[1]);
    const y = yearOf(m[3], ctx);
    if (!m[2] && !m[3] && !/nay/.test(m[0])) return null;
    return m[2] === "cuối" ? lastMonths(n, y) : firstMonths(n, y);
  }),
  rule(["bulan"], `((?:selama|dalam) )?(${N_ID}) bulan(?: (pertama|terakhir))?(?: (?:tahun ini|tahun))?${YEAR_TAIL}?`, (m, ctx) => {
    // "selama sembilan bulan" (during the nine months) names the first months of the year in force.
    if (!m[1] && !m[3] && !m[4]) return null;
    const n = small(m[2]);
    const y = yearOf(m[4], ctx);
    // "delapan bulan terakhir" without a year is the months so far ("the past eight months"), with one the year's last.
    return m[3] === "terakhir" && m[4] ? lastMonths(n, y) : firstMonths(n, y);
  }),
  // "9 bulan mencapai …", "pertumbuhan 9 bulan di atas 10%": a count of months right before the figure's verb or comparison.
  rule(
    ["bulan"],
    `(${N_ID}) bulan(?=\\s+(?:ini\\s+)?(?:tumbuh|naik|turun|mencapai|meningkat|menurun|tercatat|sebesar|di atas|di bawah|lebih dari|kurang dari|hanya|sekitar)(?![\\p{L}]))`,
    (m, ctx) => {
      const n = small(m[1]);
      return n && n >= 2 && n <= 11 ? firstMonths(n, ctx.year) : null;
    },
  ),
  rule(
    ["months"],
    `(?:the )?(?:first|past) (${N_EN}) months(?: of (?:the year|this year|${Y}))?|(${N_EN}) months of ${Y}|(?<=(?:in|during|over) )the (${N_EN})[- ]months?(?: period)?|(?<=(?:in|during|over) )(${N_EN}) months(?! (?:ago|earlier|later|before|after))`,
    (m, ctx) => {
      if (m[5] ?? m[6]) return firstMonths(small(m[5] ?? m[6]), ctx.year);
      const n = small(m[1] ?? m[3]);
      return firstMonths(n, yearOf(m[2] ?? m[4], ctx));
    },
  ),
  // Halves and quarters.
  rule(["nửa", "tháng"], `(?:nửa|6 tháng) (đầu|cuối) năm${YEAR_TAIL}?`, (m, ctx) => half(m[1] === "đầu" ? 1 : 2, yearOf(m[2], ctx))),
  rule(["semester"], `semester (I{1,2}|[12]|pertama|kedua)${YEAR_TAIL}?`, (m, ctx) => half(small(m[1]), yearOf(m[2], ctx))),
  rule(["half", "h1", "h2"], `(?:the )?(first|second) half(?: of (?:the year|this year|${Y}))?|H([12])[ /-]?${Y}`, (m, ctx) =>
    half(small(m[1]) ?? small(m[3]), yearOf(m[2] ?? m[4], ctx)),
  ),
  // "three quarters of 2019", "3 quý đầu năm", "tiga kuartal pertama 2025": the first months of the year.
  rule(
    ["quarters", "quý", "kuartal", "triwulan"],
    `(?:the )?(?:first )?(two|three|2|3) quarters(?: of (?:the year|this year|${Y}))?|(hai|ba|2|3) quý(?: đầu)?(?: năm)?${YEAR_TAIL}?|(dua|tiga|2|3) (?:kuartal|triwulan)(?: pertama)?(?: tahun)?${YEAR_TAIL}?`,
    (m, ctx) => {
      const n = small(m[1] ?? m[3] ?? m[5]);
      return firstMonths(n ? 3 * n : null, yearOf(m[2] ?? m[4] ?? m[6], ctx));
    },
  ),
  rule(["quý", "kuartal", "triwulan"], `(?:quý|kuartal|triwulan) (${ROMAN_Q}|pertama|kedua|ketiga|keempat)${YEAR_TAIL}?`, (m, ctx) =>
    quarter(small(m[1]), yearOf(m[2], ctx)),
  ),
  rule(
    ["q1", "q2", "q3", "q4", "q 1", "q 2", "q 3", "q 4", "quarter"],
    `Q([1-4])[ /-]?${Y}?|(?:the )?(first|second|third|fourth|last|final) quarter(?:\\s*\\([^)]{1,12}\\))?(?: of (?:the year|this year|${Y}))?`,
    (m, ctx) => quarter(small(m[1] ?? m[3]), yearOf(m[2] ?? m[4], ctx)),
  ),
  // Month ranges and single months.
  // Up to a day or month of the year in force: "tính đến ngày 20/9", "hingga 20 September", "as of September".
  rule(
    ["tính đến", "tính tới", "hingga", "sampai", "as of", "through", "until"],
    `tính (?:đến|tới) (?:hết )?(?:ngày \\d{1,2}\\/(\\d{1,2})|tháng (\\d{1,2}))(?:\\/${Y})?|(?:hingga|sampai(?: dengan)?|as of|through|until) (?:\\d{1,2} )?(${MONTH})(?:,? ${Y})?`,
    (m, ctx) => {
      const to = m[1] ? Number(m[1]) : m[2] ? Number(m[2]) : monthName(m[4]);
      const y = yearOf(m[3] ?? m[5], ctx);
      return y && to && to >= 1 && to <= 12 ? { period: months(y, 1, to) } : null;
    },
  ),
  rule(["tháng"], `(?:từ )?tháng (\\d{1,2}) (?:đến|tới|-|–) (?:hết )?tháng (\\d{1,2})${YEAR_TAIL}?`, (m, ctx) => {
    const a = Number(m[1]);
    const b = Number(m[2]);
    const y = yearOf(m[3], ctx);
    return y && a >= 1 && b <= 12 && a <= b ? { period: months(y, a, b) } : null;
  }),
  rule(
    MONTH_KEYS(),
    `(?:between |antara )?(${MONTH})\\s*(?:(?<=(?:between|antara)\\s+\\S+\\s*)(?:and|dan)|-|–|to|through|until|hingga|sampai(?: dengan)?|s\\.d\\.?)\\s*(${MONTH})(?:,?\\s*${Y})?`,
    (m, ctx) => {
      const a = monthName(m[1]);
      const b = monthName(m[2]);
      const y = yearOf(m[3], ctx);
      return a && b && y && a <= b ? { period: months(y, a, b) } : null;
    },
  ),
  rule(["tháng"], `(?:tính )?(?:đến )?hết tháng (\\d{1,2})${YEAR_TAIL}?`, (m, ctx) => firstMonths(Number(m[1]), yearOf(m[2], ctx))),
  rule(["tháng"], `tháng (\\d{1,2})\\s*(?:\\/|-|năm)\\s*${Y}`, (m) => {
    const mo = Number(m[1]);
    return mo >= 1 && mo <= 12 ? { period: months(Number(m[2]), mo, mo) } : null;
  }),
  rule(["tháng"], `(?:(?:trong|riêng|chỉ trong) )?tháng (\\d{1,2})(?!\\s*(?:\\/|năm|[.,]\\d))`, (m, ctx) => {
    const mo = Number(m[1]);
    return ctx.year && mo >= 1 && mo <= 12 ? { period: months(ctx.year, mo, mo) } : null;
  }),
  rule(MONTH_KEYS(), `(?:in|during|for|bulan) (${MONTH})(?:,?\\s*${Y})?|(${MONTH}),?\\s+${Y}`, (m, ctx) => {
    const mo = monthName(m[1] ?? m[3]);
    const y = yearOf(m[2] ?? m[4], ctx);
    return mo && y ? { period: months(y, mo, mo) } : null;
  }),
  rule(
    ["đầu năm", "the year", "this year", "awal tahun"],
    `từ đầu năm(?: ${Y})?(?: (?:đến|tới) (?:hết )?(?:ngày \\d{1,2}\\/|tháng )(\\d{1,2})(?:\\/\\d{4})?| (?:đến nay|tới nay))?|(?:since the start|so far) (?:of )?(?:this|the) year|sejak awal tahun`,
    (m, ctx) => {
      const y = yearOf(m[1], ctx);
      const to = m[2] ? Number(m[2]) : ctx.publishedMonth;
      return y && to && to >= 1 && to <= 12 ? { period: months(y, 1, to) } : null;
    },
  ),
  // "Thu ngân sách 9 tháng đạt…", "bình quân 9 tháng tăng…": the first N months of the year in force.
  rule(
    ["tháng"],
    `(?<=(?:trong|tính chung|bình quân|lũy kế|riêng)\\s)(${N_VI}) tháng(?! (?:năm|đầu|cuối))|(${N_VI}) tháng(?=\\s+(?:qua|vừa qua|ước|đạt|tăng|giảm)(?![\\p{L}]))`,
    (m, ctx) => {
      const n = small(m[1] ?? m[2]);
      return n && n >= 2 && n <= 11 ? firstMonths(n, ctx.year) : null;
    },
  ),
  // Year ranges: "giai đoạn 2011-2022", "periode 2011–2022", "from 2011 to 2022".
  rule(
    YEAR_KEYS,
    `(?:giai đoạn|thời kỳ|periode|period|the|từ năm|từ|from|between|tahun|of|in|for|during|over|trong|pada|selama) ${Y}\\s*(?:-|–|—|đến|tới|to|and|hingga|sampai)\\s*(?:năm )?${Y}`,
    (m) => {
      const a = Number(m[1]);
      const b = Number(m[2]);
      return a < b && b - a <= 30 ? { period: span(a, 1, b, 12) } : null;
    },
  ),
  // Whole years.
  rule(YEAR_KEYS, `(?:năm|tahun|in|for|during|throughout|of|pada|sepanjang|selama) ${Y}(?!\\s*[-–/]\\s*\\d)`, (m) => ({
    period: months(Number(m[1]), 1, 12),
  })),
  // The whole year in force: "cả năm", "the full-year figure", "sepanjang tahun" (not moved to last year).
  rule(
    ["cả năm", "full year", "full-year", "whole year", "sepanjang tahun", "setahun penuh"],
    `cả năm(?! (?:nay|ngoái|trước|\\d))|(?:the )?(?:full|whole)[- ]year(?: (?:of )?${Y})?|sepanjang tahun(?! (?:ini|lalu|\\d))|setahun penuh`,
    (m, ctx) => {
      const y = m[1] ? Number(m[1]) : (ctx.carriedYear ?? ctx.year);
      return y ? { period: months(y, 1, 12), fullYear: true } : null;
    },
  ),
  // An index named with its year: "PCI 2023", "PAR Index 2023", "Indeks PCI 2023" (not the month it was published).
  rule(YEAR_KEYS, `(?<=(?:PCI|PAPI|PAR|SIPAS|DDCI|PGI|Index|Indeks|chỉ số)\\s)${Y}`, (m) => ({ period: months(Number(m[1]), 1, 12) })),
  rule(["năm nay", "this year", "tahun ini"], `năm nay|this year|tahun ini`, (_m, ctx) =>
    ctx.year ? { period: months(ctx.year, 1, 12) } : null,
  ),
  // "per 30 Juni 2024": as of a day, the months up to it (keyed on the month name: "per" alone is in "per cent").
  rule(MONTH_KEYS(), `per (?:\\d{1,2} )?(${MONTH})(?:,? ${Y})?`, (m, ctx) => {
    const to = monthName(m[1]);
    const y = yearOf(m[2], ctx);
    return y && to ? { period: months(y, 1, to) } : null;
  }),
  // "Trong tháng có 57 dự án…", "in the month", "pada bulan tersebut": the month named last.
  rule(
    ["trong tháng", "in the month", "during the month", "bulan tersebut", "bulan ini", "trong tháng này"],
    `(?:trong tháng(?: này)?|in the month|during the month|(?:pada |dalam )?bulan (?:tersebut|ini))(?!\\s*\\d)`,
    (_m, ctx) => (ctx.lastMonth ? { period: { start: ctx.lastMonth, end: ctx.lastMonth } } : null),
  ),
  // "pada tahun tersebut", "that year", "năm đó": the year in force.
  rule(
    ["tahun tersebut", "tahun itu", "that year", "the same year", "năm đó"],
    `(?:pada )?tahun (?:tersebut|itu)|(?:in )?that year|the same year|năm đó`,
    (_m, ctx) => {
      const y = ctx.carriedYear ?? ctx.year;
      return y ? { period: months(y, 1, 12) } : null;
    },
  ),
  // A month named alone ("inflasi September", "September inflation"); "May" and "Mei" are also words, so not those.
  rule(
    MONTH_KEYS(),
    `(January|February|March|April|June|July|August|September|October|November|December|Januari|Februari|Maret|Juni|Juli|Agustus|Oktober|Desember)(?!\\s*\\d)`,
    (m, ctx) => {
      const mo = monthName(m[1]);
      return mo && ctx.year && /^\p{Lu}/u.test(m[0]) ? { period: months(ctx.year, mo, mo) } : null;
    },
  ),
  rule(["năm ngoái", "năm trước", "last year", "tahun lalu"], `năm ngoái|năm trước|last year|tahun lalu`, (_m, ctx) =>
    ctx.year ? { period: months(ctx.year - 1, 1, 12) } : null,
  ),
]);

// All rules' key words in one search, merged into a trie (fast first-letter scan). At a position it finds
// the longest key word; the shorter ones it starts with ("trong tháng" in "trong tháng này") count too,
// and an overlapping scan finds every key word of a sentence at once.
const KEY_LIST = lazy(() => [...new Set(RULES().flatMap((r) => r.words))]);
const KEY_WORDS = lazy(() => new RegExp(longestOfPattern(KEY_LIST()), "g"));
const KEY_PREFIXES = lazy(() => new Map(KEY_LIST().map((w) => [w, KEY_LIST().filter((o) => o !== w && w.startsWith(o))])));

const WORD_BEFORE = /[\p{L}\p{N}]$/u;
const THE_YEAR = /\b(?:of the year|the same year|của năm(?! \d)|năm đó|tahun (?:itu|tersebut))/iu;
const THIS_YEAR = /năm nay|this year|tahun ini/iu;
const LAST_YEAR = /^(?:năm ngoái|năm trước|last year|tahun lalu)$/iu;
const LAST_YEAR_TAIL = /\s(?:năm trước|năm ngoái|tahun lalu|(?:of )?last year)$/iu;

// Before a period: words that make it a baseline ("so với năm 2022", "up 5% from 2023").
const COMPARISON_BEFORE =
  /(?:so với|so cùng|so|vượt(?: kết quả)?|hơn|compared (?:with|to)|than|from|versus|vs\.?|dibandingkan(?: dengan)?|daripada|dari|(?:melambat|turun|naik|meningkat|slowed|down|up|giảm|tăng) (?:dari|from|từ))\s+(?:(?:mức|kết quả|con số|cùng|the|that|of|in|pada|dengan|với)\s+)*$/iu;
// The same, with words between inside the clause: "cao hơn mức tăng 5,81% của 9 tháng năm 2023".
const COMPARISON_IN_CLAUSE =
  /(?<![\p{L}])(?:so với|hơn|compared (?:with|to)|than|versus|dibandingkan(?: dengan)?|daripada)(?![\p{L}])(?:[^,;:.!?()]|[,.](?=\d))*$/iu;
// Words that introduce a figure's own period even after a comparison: "… so với 2022 trong 9 tháng năm 2023".
const NEW_CLAUSE = /(?<![\p{L}])(?:và|còn|and|while|whereas|dan|sedangkan|sementara)(?![\p{L}])/iu;
const OWN_PERIOD_BEFORE = /(?:trong|tính chung|riêng|during|selama|sepanjang)\s*$/iu;
// A sub-period singled out ("Riêng quý III", "kuartal III saja", "in Q3 alone") does not carry to the next figures.
const SINGLED_BEFORE = /(?:riêng|chỉ riêng|chỉ tính)\s*$/iu;
const SINGLED_AFTER = /^\s*(?:saja|alone|only)(?![\p{L}])/iu;
// Horizons and starting points are not periods of figures: "đến năm 2030", "by 2030", "since 2020".
const HORIZON_BEFORE =
  /(?:đến|tới|trước|sau|từ|hướng tới|tầm nhìn|by|until|since|before|after|towards?|hingga|sampai|sejak|menjelang|sebelum|setelah|nhiệm kỳ|khóa|khoá|học|tài khóa|(?:công bố|released|published|announced|unveiled|dirilis|diumumkan|dipublikasikan)(?:\s+(?:vào|hồi|on|in|pada))?)\s*$/iu;
// Dates ("ngày 11 tháng 12 năm 2024", "11 Desember 2024") are days, not periods.
const DAY_BEFORE = /(?:ngày\s+\d{1,2}\s+)$|(?:\d{1,2}\s+)$|ngày\s+$/iu;

/**
 * Finds the periods named in a sentence, in order, without overlaps.
 *
 * @example findPeriods("Trong 9 tháng năm 2020, GRDP tăng 3,27%", { year: null, publishedMonth: null })[0].period
 * // { start: "2020-01", end: "2020-09" }
 */
export function findPeriods(s: string, ctx: PeriodContext): PeriodMention[] {
  const taken: PeriodMention[] = [];
  const lower = s.toLowerCase();
  // Most sentences name no period: one search for the key words (and one each for a month and a year)
  // tells which rules can match, and skips the sentence when none can.
  const found = new Set<string>();
  const keyWords = KEY_WORDS();
  const keyPrefixes = KEY_PREFIXES();
  keyWords.lastIndex = 0;
  for (let m = keyWords.exec(lower); m; m = keyWords.exec(lower)) {
    found.add(m[0]);
    for (const shorter of keyPrefixes.get(m[0]) ?? []) found.add(shorter);
    keyWords.lastIndex = m.index + 1;
  }
  const monthKeys = MONTH_KEYS();
  const month = monthKeys.test(lower);
  const year = YEAR_KEYS.test(lower);
  if (found.size === 0 && !month && !year) return taken;
  for (const r of RULES()) {
    if (!(r.keys === YEAR_KEYS ? year : r.keys === monthKeys ? month : r.words.some((w) => found.has(w)))) continue;
    r.re.lastIndex = 0;
    for (let m = r.re.exec(s); m; m = r.re.exec(s)) {
      if (m[0].length === 0) {
        r.re.lastIndex++;
        continue;
      }
      // Inside a word: search again from the next character (the same as a look-behind before the pattern).
      if (m.index > 0 && WORD_BEFORE.test(s.slice(Math.max(0, m.index - 2), m.index))) {
        r.re.lastIndex = m.index + ((s.codePointAt(m.index) ?? 0) > 0xffff ? 2 : 1);
        continue;
      }
      const start = m.index;
      const end = start + m[0].length;
      if (taken.some((t) => start < t.end && end > t.start)) continue;
      const before = s.slice(Math.max(0, start - 40), start);
      const isMonthOrYear = !/^(?:cùng|same|the same|periode)/i.test(m[0]);
      if (isMonthOrYear && HORIZON_BEFORE.test(before)) continue;
      if (/^(?:năm|tahun|in|of|pada)\s/i.test(m[0]) && /tháng\s+\d{1,2}\s*$|\d{1,2}\s*\/\s*\d{1,2}\s*$/u.test(before)) continue;
      if (
        /^(?:tháng|bulan|January|February|March|April|May|June|July|August|September|October|November|December|Januari|Februari|Maret|Mei|Juni|Juli|Agustus|Oktober|Desember)/i.test(
          m[0],
        ) &&
        DAY_BEFORE.test(before)
      )
        continue;
      // "năm nay / this year / tahun ini" is the writer's year, whatever period a paragraph is about.
      // "kuartal pertama tahun lalu", "quý I năm trước": the same words of the year before the writer's.
      const writer = ctx.articleYear ?? ctx.year;
      const now =
        LAST_YEAR_TAIL.test(m[0]) && !LAST_YEAR.test(m[0]) && writer
          ? { ...ctx, year: writer - 1 }
          : THIS_YEAR.test(m[0]) || LAST_YEAR.test(m[0])
            ? { ...ctx, year: writer }
            : ctx;
      const made = r.make(m, now);
      if (!made) continue;
      // A yearless period that would end after publication ("9 tháng đầu năm" published in May) is last year's.
      const fullYear = made.fullYear === true;
      delete made.fullYear;
      if (
        made.period &&
        !fullYear &&
        ctx.publishedMonth &&
        ctx.year &&
        !/(?:19|20)\d\d|năm nay|this year|tahun ini/i.test(m[0]) &&
        made.period.end > `${ctx.year}-${pad(ctx.publishedMonth)}` &&
        made.period.end.startsWith(String(ctx.year))
      ) {
        made.period = shiftPeriod(made.period, 1);
      }
      const clause = s.slice(Math.max(0, start - 120), start);
      const inClause = COMPARISON_IN_CLAUSE.exec(clause);
      // "so với tháng trước và 7 tháng/2017 đạt …": after a conjunction a new clause states its own period.
      const joined = inClause !== null && NEW_CLAUSE.test(inClause[0]);
      const comparison = COMPARISON_BEFORE.test(before) || (inClause !== null && !joined && !OWN_PERIOD_BEFORE.test(before));
      const singled = SINGLED_BEFORE.test(before) || SINGLED_AFTER.test(s.slice(end, end + 8));
      taken.push({ start, end, ...made, comparison, ...(singled ? { singled } : {}) });
    }
  }
  taken.sort((a, b) => a.start - b.start);
  // "8.18% in the third quarter of 2025 and 8.53% in the last quarter of the year": "the year" is the one the
  // sentence just named, not the writer's.
  taken.forEach((p, k) => {
    if (!p.period || p.comparison || !THE_YEAR.test(s.slice(p.start, p.end))) return;
    const prev = taken.slice(0, k).findLast((o) => o.period && !o.comparison && /(?:19|20)\d\d/.test(s.slice(o.start, o.end)));
    const named = prev?.period?.end.slice(0, 4);
    const own = p.period.start.slice(0, 4);
    if (!named || prev?.period?.start.slice(0, 4) !== named || p.period.end.slice(0, 4) !== own || own === named) return;
    p.period = shiftPeriod(p.period, Number(own) - Number(named));
  });
  return taken;
}

/** Applies a "same period, N years earlier" mention to the period in force. */
export function shiftPeriod(p: Period, years: number): Period {
  const move = (ym: string) => `${Number(ym.slice(0, 4)) - years}${ym.slice(4)}`;
  return { start: move(p.start), end: move(p.end) };
}
