import { lazy } from "./lazy";

/** A sentence and where it starts in the text it came from. */
export interface Sentence {
  text: string;
  start: number;
}

// A sentence ends at . ! ? … (and closing quotes after them) followed by space and a capital,
// a digit or an opening quote; "2.067" and "TP. Hà Nội"-like abbreviations do not end one.
const END = /([.!?…]+["”’»)]*)(\s+)(?=["“‘«(]?[\p{Lu}\p{N}])/gu;
const NOT_WORD = /[^\p{L}.]/u;
const ABBREVIATIONS = lazy(
  () =>
    new Set([
      ..."tp mr mrs ms dr st no vs jr sr inc co ltd u.s gs ts ths pgs".split(" "),
      // English titles, months and Latin abbreviations; Indonesian ones.
      ..."prof gen sen rep gov lt col capt sgt ft mt corp est approx e.g i.e etc a.m p.m jan feb mar apr jun jul aug sep sept oct nov dec dkk bpk yth tel hal".split(
        " ",
      ),
    ]),
);

/**
 * Splits article text into sentences, line by line: a line break always ends a sentence.
 *
 * @example splitSentences("GRDP tăng 6,52%. FDI đạt 2.067 triệu USD.").map((s) => s.text)
 * // ["GRDP tăng 6,52%.", "FDI đạt 2.067 triệu USD."]
 */
export function splitSentences(text: string): Sentence[] {
  const out: Sentence[] = [];
  let lineStart = 0;
  for (const line of text.split("\n")) {
    let from = 0;
    END.lastIndex = 0;
    for (let m = END.exec(line); m; m = END.exec(line)) {
      const cut = m.index + m[1].length;
      const before = line.slice(Math.max(from, m.index - 24), m.index);
      // The trailing run of letters and dots; splitting is linear where an end-anchored search is not.
      const lastWord = before.split(NOT_WORD).at(-1) ?? "";
      // "TP. Hà Nội", "U.S. trade", "J. Smith": an abbreviation or an initial does not end a sentence.
      // "quý I. Hàn Quốc…": a Roman numeral after a period word ends the sentence; other single capitals are initials.
      const numeral = /^[IVX]$/.test(lastWord) && /(?:quý|quarter|kuartal|triwulan|khóa|kỳ|phase|giai đoạn|tahap)\s+[IVX]$/iu.test(before);
      if (m[1] === "." && !numeral && (ABBREVIATIONS().has(lastWord.toLowerCase()) || /^\p{Lu}$/u.test(lastWord))) continue;
      push(out, line.slice(from, cut), lineStart + from);
      from = cut + m[2].length;
    }
    push(out, line.slice(from), lineStart + from);
    lineStart += line.length + 1;
  }
  return out;
}

function push(out: Sentence[], raw: string, start: number): void {
  const lead = raw.length - raw.trimStart().length;
  const text = raw.trim();
  if (text) out.push({ text, start: start + lead });
}
