import { lazy } from "../text/lazy";
import { MONTHS, monthNumber } from "../text/months";

/** A day or a span of days written in the text; missing years are filled in by the caller's rule. */
export interface DateRange {
  start: string | null;
  end: string | null;
  index: number;
  length: number;
}

interface Parts {
  d1: number;
  m1: number;
  y1: number | null;
  d2: number;
  m2: number;
  y2: number | null;
}

// Month names are capitalized in English and Indonesian; requiring it keeps "may" the verb out.
const monthGroup = () =>
  `((?:${Object.keys(MONTHS())
    .sort((a, b) => b.length - a.length)
    .map((m) => m[0].toUpperCase() + m.slice(1))
    .join("|")})\\.?)`;
const D = "(\\d{1,2})";
const Y = "(\\d{4})";
const ORD = "(?:st|nd|rd|th)?";
const B = "(?<![\\p{L}\\p{N}/.,])";
const E = "(?![\\p{L}\\p{N}]|[/.,]\\d)";
const TO_VI = "\\s*(?:-|–|,|đến|tới|và)\\s*(?:ngày\\s+)?";
const TO_ID = "\\s*(?:-|–|hingga|sampai(?:\\s+dengan)?|s\\.d\\.?|dan)\\s*";
const TO_EN = "\\s*(?:-|–|to|and|until|through|till)\\s*";
const TO_ID_EN = "\\s*(?:-|–|hingga|sampai(?:\\s+dengan)?|to|until|through|till)\\s*";

const mon = monthNumber;
const num = (s: string | undefined): number | null => (s ? Number(s) : null);

/** Patterns, most specific first; each turns its match into the two ends of the span (compiled on first use). */
const PATTERNS = lazy((): { re: RegExp; parts: (m: RegExpExecArray) => Parts }[] => {
  const MON = monthGroup();
  return [
    // 30/3 đến 2/4/2023, 30/3/2023 - 2/4/2023
    {
      re: new RegExp(`${B}${D}/${D}(?:/${Y})?${TO_VI}${D}/${D}(?:/${Y})?${E}`, "gu"),
      parts: (m) => ({ d1: +m[1], m1: +m[2], y1: num(m[3]), d2: +m[4], m2: +m[5], y2: num(m[6]) }),
    },
    // 13 đến 16/4/2023, 27 và 28/2/2019, 13-16/4
    {
      re: new RegExp(`${B}${D}${TO_VI}${D}/${D}(?:/${Y})?${E}`, "gu"),
      parts: (m) => ({ d1: +m[1], m1: +m[3], y1: num(m[4]), d2: +m[2], m2: +m[3], y2: num(m[4]) }),
    },
    // ngày 13 tháng 4 năm 2023 đến ngày 2 tháng 5 năm 2023
    {
      re: new RegExp(`${B}${D}\\s+tháng\\s+${D}(?:\\s+năm\\s+${Y})?${TO_VI}${D}\\s+tháng\\s+${D}(?:\\s+năm\\s+${Y})?${E}`, "giu"),
      parts: (m) => ({ d1: +m[1], m1: +m[2], y1: num(m[3]), d2: +m[4], m2: +m[5], y2: num(m[6]) }),
    },
    // 13 đến 16 tháng 4 năm 2023
    {
      re: new RegExp(`${B}${D}${TO_VI}${D}\\s+tháng\\s+${D}(?:\\s*(?:năm|/)\\s*${Y})?${E}`, "giu"),
      parts: (m) => ({ d1: +m[1], m1: +m[3], y1: num(m[4]), d2: +m[2], m2: +m[3], y2: num(m[4]) }),
    },
    // 13 April 2023 - 2 Mei 2023, 30 March to 2 April 2023
    {
      re: new RegExp(`${B}${D}${ORD}\\s+${MON},?(?:\\s+${Y})?${TO_ID_EN}${D}${ORD}\\s+${MON},?(?:\\s+${Y})?${E}`, "gu"),
      parts: (m) => ({ d1: +m[1], m1: mon(m[2]), y1: num(m[3]), d2: +m[4], m2: mon(m[5]), y2: num(m[6]) }),
    },
    // March 30 to April 2, 2023; December 30, 2024 to January 2, 2025
    {
      re: new RegExp(`${B}${MON}\\s+${D}${ORD}(?:,?\\s+${Y})?,?${TO_EN}${MON}\\s+${D}${ORD},?(?:\\s+${Y})?${E}`, "gu"),
      parts: (m) => ({ d1: +m[2], m1: mon(m[1]), y1: num(m[3]), d2: +m[5], m2: mon(m[4]), y2: num(m[6]) }),
    },
    // 27-28 Februari 2019, from 13 to 16 April 2023, 27 and 28 February
    {
      re: new RegExp(`${B}${D}${ORD}(?:${TO_ID}|${TO_EN})${D}${ORD}\\s+(?:of\\s+)?${MON},?(?:\\s+${Y})?${E}`, "gu"),
      parts: (m) => ({ d1: +m[1], m1: mon(m[3]), y1: num(m[4]), d2: +m[2], m2: mon(m[3]), y2: num(m[4]) }),
    },
    // April 13-16, 2023, February 27 and 28
    {
      re: new RegExp(`${B}${MON}\\s+${D}${ORD}${TO_EN}${D}${ORD},?(?:\\s+${Y})?${E}`, "gu"),
      parts: (m) => ({ d1: +m[2], m1: mon(m[1]), y1: num(m[4]), d2: +m[3], m2: mon(m[1]), y2: num(m[4]) }),
    },
    // ngày 13 tháng 4 năm 2023
    {
      re: new RegExp(`${B}${D}\\s+tháng\\s+${D}(?:\\s*(?:năm|/)\\s*${Y})?${E}`, "giu"),
      parts: (m) => single(+m[1], +m[2], num(m[3])),
    },
    // 13 April 2023, 13th of April
    {
      re: new RegExp(`${B}${D}${ORD}\\s+(?:of\\s+)?${MON},?(?:\\s+${Y})?${E}`, "gu"),
      parts: (m) => single(+m[1], mon(m[2]), num(m[3])),
    },
    // April 13, 2023
    {
      re: new RegExp(`${B}${MON}\\s+${D}${ORD},?(?:\\s+${Y})?${E}`, "gu"),
      parts: (m) => single(+m[2], mon(m[1]), num(m[3])),
    },
    // 15/12/2000, 13/4
    {
      re: new RegExp(`${B}${D}/${D}(?:/${Y})?${E}`, "gu"),
      parts: (m) => single(+m[1], +m[2], num(m[3])),
    },
  ];
});

function single(d: number, m: number, y: number | null): Parts {
  return { d1: d, m1: m, y1: y, d2: d, m2: m, y2: y };
}

/**
 * Day spans written in a sentence, in Vietnamese, Indonesian or English, as YYYY-MM-DD. A missing year
 * comes from the other end of the span, else from `fallbackYear`; without any year the days are null.
 *
 * @example findDateRanges("diễn ra từ ngày 13 đến 16/4/2023", null)[0] // { start: "2023-04-13", end: "2023-04-16", … }
 */
export function findDateRanges(sentence: string, fallbackYear: number | null): DateRange[] {
  const found: { index: number; length: number; p: Parts }[] = [];
  for (const { re, parts } of PATTERNS()) {
    re.lastIndex = 0;
    for (let m = re.exec(sentence); m; m = re.exec(sentence)) {
      const index = m.index;
      const length = m[0].length;
      if (found.some((f) => index < f.index + f.length && f.index < index + length)) continue;
      const p = parts(m);
      if (!valid(p.d1, p.m1) || !valid(p.d2, p.m2)) continue;
      found.push({ index, length, p });
    }
  }
  found.sort((a, b) => a.index - b.index);
  return joinOpenClose(
    sentence,
    found.map(({ index, length, p }) => {
      let y2 = p.y2 ?? p.y1 ?? fallbackYear;
      let y1 = p.y1 ?? (y2 !== null && p.m1 > p.m2 ? y2 - 1 : y2);
      if (p.y2 === null && p.y1 !== null && p.m2 < p.m1) y2 = p.y1 + 1;
      if (y1 === null || y2 === null) return { start: null, end: null, index, length };
      if (y1 > y2) y1 = y2;
      const start = iso(y1, p.m1, p.d1);
      const end = iso(y2, p.m2, p.d2);
      return start <= end ? { start, end, index, length } : { start: null, end: null, index, length };
    }),
  );
}

// "khai mạc ngày 9/12 và bế mạc ngày 12/12", "opens on September 30 and runs until October 2",
// "dibuka pada 9 Desember dan ditutup 12 Desember", "từ ngày 9/12 cho đến hết ngày 12/12".
const OPENS =
  /(?:khai mạc|bắt đầu|từ|opens?|opened|opening|kicks? off|starts?|started|begins?|began|from|dibuka|dimulai|mulai|sejak|dari)[^\d.;!?]{0,14}$/iu;
const CLOSES = /^[^\d.;!?]{0,45}$/u;
const CLOSE_WORD =
  /(?<![\p{L}\p{M}])(?:bế mạc|kết thúc|đến hết|cho đến|kéo dài đến|until|till|through|runs? to|clos(?:es|ed|ing)|ends?|ended|concludes?|concluded|wraps? up|ditutup|berakhir|selesai|hingga|sampai)(?![\p{L}\p{M}])/iu;

/** Two single days joined as the opening and the closing of one thing become one span. */
function joinOpenClose(sentence: string, ranges: DateRange[]): DateRange[] {
  if (ranges.length < 2) return ranges;
  const out: DateRange[] = [];
  for (const r of ranges) {
    const prev = out.at(-1);
    if (prev?.start && r.start && prev.start === prev.end && r.start === r.end && prev.start < r.start) {
      const between = sentence.slice(prev.index + prev.length, r.index);
      const before = sentence.slice(Math.max(0, prev.index - 30), prev.index);
      if (CLOSES.test(between) && CLOSE_WORD.test(between) && OPENS.test(before)) {
        out[out.length - 1] = { start: prev.start, end: r.end, index: prev.index, length: r.index + r.length - prev.index };
        continue;
      }
    }
    out.push(r);
  }
  return out;
}

function valid(d: number, m: number): boolean {
  return m >= 1 && m <= 12 && d >= 1 && d <= 31;
}

function iso(y: number, m: number, d: number): string {
  return `${y}-${String(m).padStart(2, "0")}-${String(d).padStart(2, "0")}`;
}
