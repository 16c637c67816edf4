/** A word of the text and where it stands. */
export interface Word {
  text: string;
  start: number;
  end: number;
}

// Latin letters with Vietnamese diacritics (precomposed or combining), digits, and an inner apostrophe
// ("People's", "d'Ivoire"). A plain character class: Unicode property escapes are several times slower.
// Combining marks (U+0300–036F) are listed on purpose, for text not in NFC.
const LETTER = "0-9A-Za-z\\u00C0-\\u00D6\\u00D8-\\u00F6\\u00F8-\\u024F\\u0300-\\u036F\\u1E00-\\u1EFF";
const WORD_RE = new RegExp(`[${LETTER}]+(?:['’][${LETTER}]+)*`, "g");

let memo: { text: string; out: Word[] } | null = null;

/**
 * The words of a text, split the same way for every entity finder, and remembered for the last text
 * (people, quotes, events and countries all read the same article).
 *
 * @example wordsOf("Hà Nội, U.S.").map((w) => w.text) // ["Hà", "Nội", "U", "S"]
 */
export function wordsOf(text: string): Word[] {
  if (memo?.text === text) return memo.out;
  const out: Word[] = [];
  WORD_RE.lastIndex = 0;
  for (let m = WORD_RE.exec(text); m; m = WORD_RE.exec(text)) out.push({ text: m[0], start: m.index, end: m.index + m[0].length });
  memo = { text, out };
  return out;
}

/** The first word of a phrase, split like wordsOf ("gs.ts" → "gs", "co-founder" → "co"). */
export function firstWord(phrase: string): string {
  WORD_RE.lastIndex = 0;
  return WORD_RE.exec(phrase)?.[0] ?? "";
}

/** Starts with a capital letter. */
export function isCap(word: string): boolean {
  const c = word[0];
  return c !== undefined && c !== c.toLowerCase();
}

/** The last word that ends at or before `pos` (binary search), or undefined. */
export function wordBefore(words: Word[], pos: number): Word | undefined {
  let lo = 0;
  let hi = words.length - 1;
  let found: Word | undefined;
  while (lo <= hi) {
    const mid = (lo + hi) >> 1;
    if (words[mid].end <= pos) {
      found = words[mid];
      lo = mid + 1;
    } else hi = mid - 1;
  }
  return found;
}
