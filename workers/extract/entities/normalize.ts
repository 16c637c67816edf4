import { type Sentence, splitSentences } from "../text/sentences";

const OLD_TONE = /(?<![qQ])([oO])([àáảãạ])(?![\p{L}\p{M}])|([oO])([èéẻẽẹ])(?![\p{L}\p{M}])|(?<![qQ])([uU])([ỳýỷỹỵ])(?![\p{L}\p{M}])/gu;

/**
 * NFC plus the "new" Vietnamese tone placement ("hoà" → "hòa", "Uỷ" → "Ủy", "Thuỵ" → "Thụy"), so one
 * lexicon entry matches both spellings. Every character maps to exactly one character, so offsets
 * found in the normalized string are valid in the original one (when that was already NFC).
 *
 * @example normalizeVi("Uỷ ban nhân dân") // "Ủy ban nhân dân"
 */
export function normalizeVi(s: string): string {
  if (normMemo?.text === s) return normMemo.out;
  const out = normalizeUncached(s);
  normMemo = { text: s, out };
  return out;
}

let normMemo: { text: string; out: string } | null = null;
// A cheap test first: most texts use the new placement throughout and need no replacing.
const OLD_TONE_HINT = /[oO][àáảãạèéẻẽẹ]|[uU][ỳýỷỹỵ]/;

function normalizeUncached(s: string): string {
  const nfc = s.normalize("NFC");
  if (!OLD_TONE_HINT.test(nfc)) return nfc;
  return nfc.replace(OLD_TONE, (m: string) => {
    const [first, second] = [...m];
    const parts = second.normalize("NFD");
    const mark = parts.slice(1);
    return `${(first + mark).normalize("NFC")}${parts[0]}`;
  });
}

const FOLDED = new Map<string, string>();

/** Lower case + Vietnamese diacritics removed, for comparing names ("Lê" = "Le"). Cached: words repeat. */
export function foldKey(s: string): string {
  let k = FOLDED.get(s);
  if (k === undefined) {
    k = foldUncached(s);
    if (FOLDED.size > 50_000) FOLDED.clear();
    FOLDED.set(s, k);
  }
  return k;
}

function foldUncached(s: string): string {
  return s
    .normalize("NFD")
    .replace(/[\u0300-\u036f]/g, "")
    .replace(/[đĐ]/g, "d")
    .toLowerCase()
    .replace(/\s+/g, " ")
    .trim();
}

/** Escapes a literal for use inside a RegExp. */
function escapeRe(s: string): string {
  return s.replace(/[.*+?^${}()|[\]\\]/g, "\\$&");
}

/** Builds one alternation, longest first, so "Korea Utara" wins over "Korea". */
export function alternation(items: Iterable<string>): string {
  return [...new Set(items)]
    .sort((a, b) => b.length - a.length)
    .map(escapeRe)
    .join("|");
}

let sentenceMemo: { text: string; out: Sentence[] } | null = null;

/** splitSentences, remembered for the last text: people, quotes and events all split the same article. */
export function sentencesOf(text: string): Sentence[] {
  if (sentenceMemo?.text !== text) sentenceMemo = { text, out: splitSentences(text) };
  return sentenceMemo.out;
}
