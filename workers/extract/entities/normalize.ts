import { longestOfPattern } from "../text/any-of";
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

/** Builds one alternation, longest first, so "Korea Utara" wins over "Korea". */
export function alternation(items: Iterable<string>): string {
  // Merged into a trie: the engine tries each first letter once instead of every item at every position.
  return longestOfPattern([...new Set(items)]);
}

let sentenceMemo: { text: string; out: Sentence[] } | null = null;

/** splitSentences, remembered for the last text: people, quotes and events all split the same article. */
export function sentencesOf(text: string): Sentence[] {
  if (sentenceMemo?.text !== text) sentenceMemo = { text, out: splitSentences(text) };
  return sentenceMemo.out;
}

const WORD_CHAR = /[\p{L}\p{M}\p{N}]/u;

/**
 * `re.exec(s)` from `re.lastIndex` (a global or sticky-free regex), skipping matches that begin inside a
 * word. A look-behind at the front of a long alternation makes V8 try it at every position; checking
 * the character before each candidate instead lets the engine scan for the first letters.
 */
export function execAtWordStart(re: RegExp, s: string): RegExpExecArray | null {
  for (let m = re.exec(s); m; m = re.exec(s)) {
    if (m.index === 0 || !WORD_CHAR.test(s[m.index - 1])) return m;
    re.lastIndex = m.index + 1;
  }
  return null;
}
