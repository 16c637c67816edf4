import { lazy } from "../text/lazy";
import type { Lang } from "../types";

/**
 * How a language writes numbers: "comma" = "." groups thousands and "," is the decimal mark
 * (Vietnamese, Indonesian); "dot" = the other way round (English).
 */
export type NumberStyle = "comma" | "dot";

/** Scale words in the three languages, lower case, longest first where one prefixes another. */
const SCALES: ReadonlyArray<readonly [string, number]> = [
  ["nghìn tỷ", 1e12],
  ["ngàn tỷ", 1e12],
  ["nghìn tỉ", 1e12],
  ["ngàn tỉ", 1e12],
  ["nghìn nghìn tỷ", 1e15],
  ["ngàn ngàn tỷ", 1e15],
  ["nghìn nghìn tỉ", 1e15],
  ["triệu tỷ", 1e15],
  ["triệu tỉ", 1e15],
  ["nghìn", 1e3],
  ["ngàn", 1e3],
  ["triệu", 1e6],
  ["tỷ", 1e9],
  ["tỉ", 1e9],
  ["trăm", 1e2],
  ["ribu", 1e3],
  ["juta", 1e6],
  ["miliar", 1e9],
  ["milyar", 1e9],
  ["triliun", 1e12],
  ["kuadriliun", 1e15],
  ["ratus", 1e2],
  ["thousand", 1e3],
  ["million", 1e6],
  ["billion", 1e9],
  ["trillion", 1e12],
  ["quadrillion", 1e15],
  ["hundred", 1e2],
  ["lakh", 1e5],
  ["crore", 1e7],
  ["mln", 1e6],
  ["bln", 1e9],
  ["bn", 1e9],
  ["tn", 1e12],
  ["tr", 1e6],
  ["rb", 1e3],
  ["jt", 1e6],
];

const SCALE_VALUE = lazy(() => new Map<string, number>(SCALES));

// One or more scale words after a number ("nghìn tỷ" is one entry; "triệu" alone another).
const SCALE_RE = lazy(
  () => new RegExp(`^[ \\u00a0]*(${SCALES.map(([w]) => w.replace(/ /g, "[ \\u00a0]+")).join("|")})(?![\\p{L}\\p{N}])`, "iu"),
);

/** Small number words worth reading ("hai đoàn", "dua delegasi", "two million"). */
const WORD_VALUES: ReadonlyArray<readonly [string, number]> = [
  ["một", 1],
  ["hai", 2],
  ["ba", 3],
  ["bốn", 4],
  ["sáu", 6],
  ["bảy", 7],
  ["tám", 8],
  ["chín", 9],
  ["mười", 10],
  ["satu", 1],
  ["dua", 2],
  ["tiga", 3],
  ["empat", 4],
  ["lima", 5],
  ["enam", 6],
  ["tujuh", 7],
  ["delapan", 8],
  ["sembilan", 9],
  ["sepuluh", 10],
  ["sebelas", 11],
  ["one", 1],
  ["two", 2],
  ["three", 3],
  ["four", 4],
  ["five", 5],
  ["six", 6],
  ["seven", 7],
  ["eight", 8],
  ["nine", 9],
  ["ten", 10],
  ["eleven", 11],
  ["twelve", 12],
  ["a", 1],
  ["an", 1],
];
const WORDS = lazy(() => new Map<string, number>(WORD_VALUES));

/** The number words, longest first, for one regex. */
export const NUMBER_WORD_LIST = lazy((): readonly string[] => [...WORDS().keys()].sort((a, b) => b.length - a.length));

/** The value of a small number word, or null. "a"/"an" count only before a scale ("a million"). */
export function wordNumber(word: string): number | null {
  return WORDS().get(word.toLowerCase()) ?? null;
}

/** The number style of a language; other languages are guessed from the text. */
export function numberStyle(lang: Lang, text = ""): NumberStyle {
  if (lang === "vi" || lang === "id") return "comma";
  // A page labelled English (or unknown) that writes "juta", "triệu" or "6,52%" is not English.
  // Without the "u" flag these scan several times faster; the hints are ASCII digits and BMP letters.
  // One lower-cased copy scanned by case-sensitive patterns: faster than two case-insensitive scans.
  const lower = text.toLowerCase();
  const commaHints = (lower.match(/\d,\d{1,2}(?!\d)|\d\.\d{3}(?:[.\s]|$)|\b(?:juta|miliar|triliun|persen|triệu|tỷ|nghìn)\b/g) ?? []).length;
  const dotHints = (lower.match(/\d\.\d{1,2}(?!\d)|\d,\d{3}(?:[,\s]|$)|\b(?:million|billion|percent)\b/g) ?? []).length;
  if (lang === "en") return commaHints > dotHints * 2 + 2 ? "comma" : "dot";
  return commaHints > dotHints ? "comma" : "dot";
}

/**
 * Reads a digit string with separators in the given style. Sanity checks win over the style:
 * a "." followed by other than three digits in Vietnamese ("2.5") is a decimal point, several
 * "," groups in Vietnamese ("1,234,567") are thousands. Returns null for malformed strings.
 *
 * @example parseDigits("2.067", "comma") // 2067
 * @example parseDigits("6,52", "comma") // 6.52
 * @example parseDigits("19.4", "dot") // 19.4
 */
export function parseDigits(raw: string, style: NumberStyle): number | null {
  if (!/^\d+(?:[.,]\d+)*$/.test(raw)) return null;
  const group = style === "comma" ? "." : ",";
  const decimal = style === "comma" ? "," : ".";
  const groups = raw.split(/[.,]/);
  const seps = raw.replace(/\d/g, "");
  if (seps.length === 0) return Number(raw);
  const allThree = groups.slice(1).every((g) => g.length === 3) && groups[0].length <= 3;
  // Only group marks, all in threes: thousands in this style.
  if (!seps.includes(decimal) && allThree) return Number(groups.join(""));
  // Only one decimal mark: a decimal in this style.
  if (seps === decimal) return Number(raw.replace(decimal, "."));
  // Groups then one decimal mark: "2.067,5" (comma style) or "2,067.5" (dot style).
  if (
    seps.endsWith(decimal) &&
    !seps.slice(0, -1).includes(decimal) &&
    groups.slice(1, -1).every((g) => g.length === 3) &&
    groups[0].length <= 3
  ) {
    const last = raw.lastIndexOf(decimal);
    return Number(`${raw.slice(0, last).split(group).join("")}.${raw.slice(last + 1)}`);
  }
  // The other style written by mistake or copied: several of the same mark in threes = thousands.
  if (new Set(seps).size === 1 && seps.length > 1 && allThree) return Number(groups.join(""));
  // One mark of the other kind not followed by three digits ("2.5" in Vietnamese): a decimal.
  if (seps.length === 1 && groups[1].length !== 3) return Number(`${groups[0]}.${groups[1]}`);
  // Mixed marks in the other order: read them the other style's way.
  const other: NumberStyle = style === "comma" ? "dot" : "comma";
  if (seps.length > 1 && seps.endsWith(group)) return parseDigits(raw, other);
  return null;
}

/** A number read from text: its value and where it ends. */
export interface Amount {
  value: number;
  /** Index just past the number and its scale words. */
  end: number;
  /** True when the digits have a decimal part and no scale word made them whole. */
  fractional: boolean;
  /** True when a scale word followed. */
  scaled: boolean;
}

/** The scale word at `from` in `s` (after optional spaces), or null. */
export function scaleAt(s: string, from: number): { value: number; end: number } | null {
  const m = SCALE_RE().exec(s.slice(from, from + 24));
  if (!m) return null;
  const word = m[1].toLowerCase().replace(/[ \u00a0]+/g, " ");
  const value = SCALE_VALUE().get(word);
  return value === undefined ? null : { value, end: from + m[0].length };
}

const DIGITS_AT = /^\d+(?:[.,]\d+)*/;

/**
 * Reads the amount whose digits start at `start`: the digits, scale words after them
 * ("74,37 nghìn tỷ") and the smaller parts of a compound ("5 tỷ 428 triệu").
 *
 * @example readAmount("5 tỷ 428 triệu USD", 0, "comma") // { value: 5428000000, end: 14, … }
 */
export function readAmount(s: string, start: number, style: NumberStyle): Amount | null {
  const m = DIGITS_AT.exec(s.slice(start, start + 40));
  if (!m) return null;
  let value = parseDigits(m[0], style);
  if (value === null || !Number.isFinite(value)) return null;
  let end = start + m[0].length;
  const fractional = !Number.isInteger(value);
  const first = scaleAt(s, end);
  if (!first) return { value, end, fractional, scaled: false };
  value *= first.value;
  end = first.end;
  let last = first.value;
  // Compound: "5 tỷ 428 triệu", "2 triệu 500 nghìn": each further part has a smaller scale.
  for (;;) {
    const next = /^[ \u00a0]+(\d+(?:[.,]\d+)*)/.exec(s.slice(end, end + 30));
    if (!next) break;
    const part = parseDigits(next[1], style);
    const sc = scaleAt(s, end + next[0].length);
    if (part === null || !sc || sc.value >= last || part * sc.value >= last) break;
    value += part * sc.value;
    end = sc.end;
    last = sc.value;
  }
  return { value: round(value), end, fractional: false, scaled: true };
}

/** Rounds away binary noise (74.37 * 1e12 = 74370000000000.01). */
export function round(v: number): number {
  if (!Number.isFinite(v)) return v;
  const r = Number(v.toPrecision(12));
  return Number.isFinite(r) ? r : v;
}
