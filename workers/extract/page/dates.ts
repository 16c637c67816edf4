import { monthNumber } from "../text/months";

/**
 * Date strings as pages write them (ISO with offset, RFC 2822, "May 8, 2024", "11 Desember 2024",
 * "ngày 11 tháng 12 năm 2024", epoch seconds) to a YYYY-MM-DD day as written locally: an ISO time
 * with an offset keeps its own day rather than being moved to UTC.
 */

export { monthNumber } from "../text/months";

export const MONTH_NAME_RE =
  "(?:jan(?:uary|uari)?|feb(?:ruary|ruari)?|pebruari|mar(?:ch|et)?|mrt|apr(?:il)?|ma[yi]|mei|jun[ei]?|jul[yi]?|aug(?:ust)?|agu(?:stus)?|ags|agt|sep(?:t(?:ember)?)?|o[ck]t(?:ober)?|nov(?:ember)?|nop(?:ember)?|de[cs](?:ember)?)\\.?";

function pad(n: number): string {
  return n < 10 ? `0${n}` : String(n);
}

/** YYYY-MM-DD when the parts make a real day in a plausible news year, else null. */
export function ymd(y: number, m: number, d: number): string | null {
  if (y < 100) y += y < 70 ? 2000 : 1900;
  if (y < 1990 || y > 2100 || m < 1 || m > 12 || d < 1 || d > 31) return null;
  const dim = new Date(Date.UTC(y, m, 0)).getUTCDate();
  if (d > dim) return null;
  return `${y}-${pad(m)}-${pad(d)}`;
}

const ISO = /^\s*(\d{4})-?(\d{2})-?(\d{2})(?:$|[T\s_]|[^\d])/;
const YMD_SLASH = /(?:^|\D)(\d{4})[/.](\d{1,2})[/.](\d{1,2})(?!\d)/;
const DMY_SLASH = /(?:^|\D)(\d{1,2})[/.-](\d{1,2})[/.-](\d{4})(?!\d)/;
const MDY_NAME = new RegExp(`\\b(${MONTH_NAME_RE})\\s+(\\d{1,2})(?:st|nd|rd|th)?,?\\s+(\\d{4})\\b`, "i");
const DMY_NAME = new RegExp(`\\b(\\d{1,2})(?:st|nd|rd|th)?\\.?\\s+(?:of\\s+)?(${MONTH_NAME_RE}),?\\s+(\\d{4})\\b`, "i");
const VI_FULL = /ngày\s+(\d{1,2})\s+tháng\s+(\d{1,2})\s+năm\s+(\d{4})/i;

/**
 * Parses a date as a page writes it in metadata; `dayFirst` settles "03/04/2024" (true for
 * Vietnamese and Indonesian pages, and for most non-US metadata).
 *
 * @example parseDate("2024-12-11T23:30:00+07:00") // "2024-12-11"
 * @example parseDate("Wed, 11 Dec 2024 16:30:00 GMT") // "2024-12-11"
 */
export function parseDate(raw: string, dayFirst = true): string | null {
  const s = raw.trim();
  if (!s) return null;
  let m = ISO.exec(s);
  if (m) return ymd(+m[1], +m[2], +m[3]);
  if (/^\d{10}(?:\d{3})?$/.test(s)) {
    const ms = s.length === 13 ? +s : +s * 1000;
    const d = new Date(ms);
    return ymd(d.getUTCFullYear(), d.getUTCMonth() + 1, d.getUTCDate());
  }
  m = YMD_SLASH.exec(s);
  if (m) return ymd(+m[1], +m[2], +m[3]);
  m = VI_FULL.exec(s);
  if (m) return ymd(+m[3], +m[2], +m[1]);
  m = MDY_NAME.exec(s);
  if (m) return ymd(+m[3], monthNumber(m[1]), +m[2]);
  m = DMY_NAME.exec(s);
  if (m) return ymd(+m[3], monthNumber(m[2]), +m[1]);
  m = DMY_SLASH.exec(s);
  if (m) {
    const a = +m[1];
    const b = +m[2];
    if (a > 12) return ymd(+m[3], b, a);
    if (b > 12) return ymd(+m[3], a, b);
    return dayFirst ? ymd(+m[3], b, a) : ymd(+m[3], a, b);
  }
  return null;
}

/** A date in a URL path: /2024/12/11/, /2024-12-11/, -20241211, /20241211/. */
export function dateFromUrl(url: string | null): string | null {
  if (!url) return null;
  let path = url;
  try {
    path = new URL(url).pathname;
  } catch {
    // not absolute: read it as a path
  }
  let m = /\/((?:19|20)\d{2})[/_-](\d{1,2})[/_-](\d{1,2})(?:[/_.-]|$)/.exec(path);
  if (m) return ymd(+m[1], +m[2], +m[3]);
  m = /(?:^|[/_-])((?:19|20)\d{2})(\d{2})(\d{2})(?:\d{0,6})(?:[/_.-]|$)/.exec(path);
  if (m) return ymd(+m[1], +m[2], +m[3]);
  return null;
}
