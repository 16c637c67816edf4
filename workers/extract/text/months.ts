import { lazy } from "./lazy";

/**
 * Month names and abbreviations of English and Indonesian (and the short forms pages use in
 * dates: "janv", "mrt", "agt"), one table for page dates and for date spans in the text.
 */
const MONTH_NAMES = [
  ["january jan januari janv", 1],
  ["february feb februari pebruari febr", 2],
  ["march mar maret mrt", 3],
  ["april apr", 4],
  ["may mei", 5],
  ["june jun juni", 6],
  ["july jul juli", 7],
  ["august aug agustus agu ags agt", 8],
  ["september sep sept", 9],
  ["october oct oktober okt", 10],
  ["november nov nop nopember", 11],
  ["december dec desember des", 12],
] as const;
/** Name or abbreviation → month number, built on first use. */
export const MONTHS = lazy(() => {
  const months: Record<string, number> = {};
  for (const [names, n] of MONTH_NAMES) for (const name of names.split(" ")) months[name] = n;
  return months;
});

/** Month number for an English or Indonesian month name or abbreviation (a final dot allowed), else 0. */
export function monthNumber(name: string): number {
  return MONTHS()[name.toLowerCase().replace(/\.$/, "")] ?? 0;
}
