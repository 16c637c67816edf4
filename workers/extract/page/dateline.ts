import { inferArticleYear } from "../text/article-year";
import type { Lang } from "../types";
import { dateFromUrl, MONTH_NAME_RE, monthNumber, ymd } from "./dates";

/**
 * Datelines: the day a news article says its story happened, written near the start ("Chiều 11/12,",
 * "Pada sore hari tanggal 11 Desember", "May 8, 2024"), with the year inferred from the article
 * when the dateline leaves it out.
 */

interface DayMonth {
  y: number | null;
  m: number;
  d: number;
}

/** How far into the text a dateline may stand. */
const HEAD_CHARS = 400;

const VI_PART_OF_DAY =
  "(?:sáng sớm|sáng|trưa|chiều tối|chiều|tối|đêm|rạng sáng|khuya|ngày|hôm nay|hôm qua)(?:\\s+(?:nay|qua|mai|hôm nay))?";
const ID_PART_OF_DAY =
  "(?:pada\\s+)?(?:(?:pagi|siang|sore|malam|petang)\\s+hari\\s+|hari\\s+)?(?:(?:senin|selasa|rabu|kamis|jumat|jum'at|sabtu|minggu)\\s*,?\\s*)?(?:tanggal|tgl\\.?)?";
const WEEKDAYS_ID = "(?:senin|selasa|rabu|kamis|jumat|jum'at|sabtu|minggu|ahad)";

// Full numeric date, day first: "11/12/2024", "30/06/2023 16:58", "Thứ Hai, 11/12/2024".
const DMY_FULL = /(?:^|[^\d/])(\d{1,2})[/.-](\d{1,2})[/.-]((?:19|20)\d{2})(?![\d/])/;
// US order for English text: "05/08/2024".
const ISO_IN_TEXT = /(?:^|\D)((?:19|20)\d{2})-(\d{2})-(\d{2})(?!\d)/;
const NAME_MDY = new RegExp(`\\b(${MONTH_NAME_RE})\\s+(\\d{1,2})(?:st|nd|rd|th)?(?:,?\\s+((?:19|20)\\d{2}))?\\b`, "i");
const NAME_DMY = new RegExp(`\\b(\\d{1,2})(?:st|nd|rd|th)?\\.?\\s+(?:of\\s+)?(${MONTH_NAME_RE}),?(?:\\s+((?:19|20)\\d{2}))?\\b`, "i");
const VI_NAMED = /ngày\s+(\d{1,2})\s+tháng\s+(\d{1,2})(?:\s+năm\s+((?:19|20)\d{2}))?/i;
const VI_DAYLINE = new RegExp(
  `(?:^|[\\n(.;:)\\u2013\\u2014-]\\s*|,\\s*)${VI_PART_OF_DAY}\\s*\\(?(\\d{1,2})[/.-](\\d{1,2})(?:[/.-]((?:19|20)\\d{2}))?(?![\\d/])`,
  "i",
);
const ID_DAYLINE = new RegExp(`${ID_PART_OF_DAY}\\s*\\(?(\\d{1,2})[/.-](\\d{1,2})(?:[/.-]((?:19|20)?\\d{2}))?\\)`, "i");
const ID_WEEKDAY = new RegExp(`\\b${WEEKDAYS_ID}\\s*\\(\\s*(\\d{1,2})[/.-](\\d{1,2})(?:[/.-]((?:19|20)?\\d{2}))?\\s*\\)`, "i");

function fromParts(d: string, m: string, y: string | undefined): DayMonth | null {
  const day = +d;
  const month = +m;
  if (month < 1 || month > 12 || day < 1 || day > 31) return null;
  return { y: y ? +y : null, m: month, d: day };
}

// Weekday names (Sunday = 0) in English, Indonesian and Vietnamese.
const WEEKDAYS: ReadonlyArray<readonly [RegExp, number]> = [
  [/\b(?:sunday|sun|minggu|chủ nhật)\b/iu, 0],
  [/\b(?:monday|mon|senin|thứ hai|thứ 2)\b/iu, 1],
  [/\b(?:tuesday|tue|tues|selasa|thứ ba|thứ 3)\b/iu, 2],
  [/\b(?:wednesday|wed|rabu|thứ tư|thứ 4)\b/iu, 3],
  [/\b(?:thursday|thu|thurs|kamis|thứ năm|thứ 5)\b/iu, 4],
  [/\b(?:friday|fri|jumat|jum'at|thứ sáu|thứ 6)\b/iu, 5],
  [/\b(?:saturday|sat|sabtu|thứ bảy|thứ 7)\b/iu, 6],
];

/** The weekday named in `text`, or null. */
function weekdayBefore(text: string): number | null {
  for (const [re, day] of WEEKDAYS) if (re.test(text)) return day;
  return null;
}

function weekdayOf(dm: DayMonth): number | null {
  return dm.y === null ? null : new Date(Date.UTC(dm.y, dm.m - 1, dm.d)).getUTCDay();
}

/** The first dateline-like day in `head` for the language, or null. */
function scanHead(head: string, lang: Lang, requireYear: boolean): DayMonth | null {
  const hits: Array<{ at: number; dm: DayMonth }> = [];
  const push = (m: RegExpExecArray | null, read: (m: RegExpExecArray) => DayMonth | null) => {
    if (!m) return;
    const dm = read(m);
    if (dm && (!requireYear || dm.y !== null)) hits.push({ at: m.index, dm });
  };
  push(ISO_IN_TEXT.exec(head), (m) => fromParts(m[3], m[2], m[1]));
  push(DMY_FULL.exec(head), (m) => {
    const dmy = fromParts(m[1], m[2], m[3]);
    const mdy = fromParts(m[2], m[1], m[3]);
    // A weekday named before the date settles the order: "Tuesday, 02/07/2024" is 2 July.
    const named = weekdayBefore(head.slice(Math.max(0, m.index - 24), m.index + 1));
    if (named !== null && dmy && mdy) {
      if (weekdayOf(dmy) === named && weekdayOf(mdy) !== named) return dmy;
      if (weekdayOf(mdy) === named && weekdayOf(dmy) !== named) return mdy;
    }
    // English pages write the month first unless the first number cannot be a month.
    if (lang === "en" && +m[1] <= 12) return mdy;
    return dmy;
  });
  push(NAME_MDY.exec(head), (m) => ({ y: m[3] ? +m[3] : null, m: monthNumber(m[1]), d: +m[2] }));
  push(NAME_DMY.exec(head), (m) => ({ y: m[3] ? +m[3] : null, m: monthNumber(m[2]), d: +m[1] }));
  push(VI_NAMED.exec(head), (m) => fromParts(m[1], m[2], m[3]));
  if (lang !== "en") push(VI_DAYLINE.exec(head), (m) => fromParts(m[1], m[2], m[3]));
  if (lang !== "vi") {
    const full = (y: string | undefined) => (y && y.length === 2 ? `20${y}` : y);
    const weekday = ID_WEEKDAY.exec(head);
    if (weekday) push(weekday, (m) => fromParts(m[1], m[2], full(m[3])));
    else {
      const m = ID_DAYLINE.exec(head);
      if (m && /tanggal|tgl|hari|senin|selasa|rabu|kamis|jumat|sabtu|minggu/i.test(m[0])) push(m, (x) => fromParts(x[1], x[2], full(x[3])));
    }
  }
  if (!hits.length) return null;
  hits.sort((a, b) => a.at - b.at);
  return hits[0].dm;
}

/**
 * The publication day a dateline near the start of the article gives (YYYY-MM-DD), or null.
 * The URL's date wins when it has one; a dateline without a year takes the year the article names.
 *
 * @example findDateline("Chiều 11/12, lãnh đạo … nhiệm kỳ 2024-2027 …", "vi", null) // "2024-12-11"
 */
export function findDateline(text: string, lang: Lang, url: string | null): string | null {
  const fromUrl = dateFromUrl(url);
  if (fromUrl) return fromUrl;
  const head = text.slice(0, HEAD_CHARS);
  const dm = scanHead(head, lang, false);
  if (!dm) return null;
  let year = dm.y;
  if (year === null) {
    year = inferArticleYear(text);
    if (year === null) return null;
    // A January or February story that reviews last year and plans this one names both; the
    // dateline belongs to the later year.
    if (dm.m <= 2 && new RegExp(`(?<!\\d)${year + 1}(?!\\d)`).test(text)) year += 1;
  }
  return ymd(year, dm.m, dm.d);
}

/**
 * A full date (with its year) anywhere in a page header: the byline block above the article.
 *
 * @example findHeaderDate("Thứ Hai, 11/12/2024 08:00 GMT+7", "vi") // "2024-12-11"
 */
export function findHeaderDate(text: string, lang: Lang): string | null {
  for (const line of text.split("\n")) {
    // Dated bylines are short; a long line is a sentence or a caption that mentions some other day.
    if (line.length > 100) continue;
    const dm = scanHead(line, lang, true);
    if (dm?.y) {
      const d = ymd(dm.y, dm.m, dm.d);
      if (d) return d;
    }
  }
  return null;
}
