import { lazy } from "../text/lazy";
import type { Lang } from "../types";

/**
 * Language of an article: Vietnamese by its letters (ơ, ư, đ and stacked tone marks), Indonesian
 * and English by stopword profiles; <html lang> breaks ties on short or unclear text and names
 * languages the profiles do not know.
 */

/** Letters that only Vietnamese uses among our languages (precomposed, NFC). */
const VI_LETTERS = /[ăâđêôơưạảấầẩẫậắằẳẵặẹẻẽếềểễệỉịọỏốồổỗộớờởỡợụủứừửữựỳỵỷỹ]/gi;
/** Vietnamese written without diacritics still has these syllables. */
const VI_WORDS = lazy(
  () => new Set("cua va cac nhung trong duoc cho voi nay la mot khong da se tai nguoi nam thanh pho ha noi viet theo tu den ve".split(" ")),
);
const ID_WORDS = lazy(
  () =>
    new Set(
      "yang dan di ini itu dengan untuk dari pada dalam tidak akan juga ke adalah oleh para tersebut telah sebagai karena bahwa atau ada mereka kami saya bisa sudah lebih kota menjadi secara antara serta hingga sejumlah kata ujar tahun dapat sebesar namun masih harus".split(
        " ",
      ),
    ),
);
const EN_WORDS = lazy(
  () =>
    new Set(
      "the and of to in is that for on with as was by at it from this be are have has said will an which were not but had their they who would been its his her more than also after about into there".split(
        " ",
      ),
    ),
);

// Other Latin-script languages, so that their pages are named as what they are and get no vi/id/en rules.
const OTHER_WORDS = lazy(
  (): ReadonlyArray<readonly [string, ReadonlySet<string>]> => [
    [
      "pt",
      new Set(
        "de que não uma os as do da dos das em para com por mais foi são pelo pela como ao à também já seu sua está isso entre muito".split(
          " ",
        ),
      ),
    ],
    [
      "es",
      new Set(
        "el los las que del una por con para como más pero sus fue este esta también entre cuando muy sin sobre ya han está años".split(
          " ",
        ),
      ),
    ],
    [
      "fr",
      new Set(
        "le les des une est que qui dans pour pas sur avec sont par plus ont été cette aux mais ses ce il elle nous vous leur entre".split(
          " ",
        ),
      ),
    ],
    [
      "de",
      new Set(
        "der die das und ist nicht mit den dem ein eine sich auf für von auch wird sind zu im bei nach wie aus einer oder hat wurde".split(
          " ",
        ),
      ),
    ],
    [
      "it",
      new Set("il che di la della delle gli nel con per una sono anche più come alla degli dal dei è non questo stato tra loro".split(" ")),
    ],
    [
      "nl",
      new Set("de het een van en niet met voor zijn op ook dat die aan bij naar wordt werd heeft hebben door worden maar deze".split(" ")),
    ],
  ],
);
// Each word of the other profiles → the profiles it belongs to ("de" is Portuguese, Spanish, French and Dutch).
const OTHER_INDEX = lazy(() => {
  const index = new Map<string, number[]>();
  OTHER_WORDS().forEach(([, set], i) => {
    for (const w of set) index.set(w, [...(index.get(w) ?? []), i]);
  });
  return index;
});
const WORD = /[a-z']+/g;
/** Indonesian affixes: meN-/ber-/di-/ter- prefixes, -kan/-nya suffixes. */
const ID_AFFIX = /^(?:mem|men|meng|meny|ber|ter|di|pe[mn]g?)[a-z]{4,}$|^[a-z]{3,}(?:kan|nya)$/;
/** English suffixes: -tion, -ing, -ed, -ly. */
const EN_AFFIX = /^[a-z]{3,}(?:tion|ing|ed|ly|ment|ness)$/;

/**
 * @example detectLanguage("Chiều 11/12, lãnh đạo UBND TP Hà Nội …", null) // "vi"
 * @example detectLanguage("Para pemimpin Hanoi berjanji untuk …", "en") // "id"
 */
export function detectLanguage(text: string, htmlLang: string | null): Lang {
  const sample = text.length > 2500 ? text.slice(0, 2500) : text;
  const lower = sample.normalize("NFC").toLowerCase();
  const letters = lower.replace(/[^\p{L}]/gu, "").length;
  const hint = htmlLang ? htmlLang.toLowerCase().slice(0, 2) : null;
  if (letters === 0) return hint ?? "en";
  const vi = (lower.match(VI_LETTERS) ?? []).length;
  // Vietnamese prose has a marked letter in roughly every third syllable; a name or two in
  // Indonesian or English text stays far below that.
  if (vi / letters > 0.04) return "vi";
  let id = 0;
  let en = 0;
  let viPlain = 0;
  let words = 0;
  const other = OTHER_WORDS().map(([lang]) => [lang, 0] as [string, number]);
  const [otherIndex, idWords, enWords, viWords] = [OTHER_INDEX(), ID_WORDS(), EN_WORDS(), VI_WORDS()];
  for (const w of lower.match(WORD) ?? []) {
    words++;
    const o = otherIndex.get(w);
    if (o) for (const i of o) other[i][1]++;
    if (idWords.has(w)) id++;
    else if (ID_AFFIX.test(w)) id += 0.5;
    if (enWords.has(w)) en++;
    else if (EN_AFFIX.test(w)) en += 0.5;
    if (viWords.has(w)) viPlain++;
  }
  // Non-Latin scripts and unlisted languages: trust the page's own declaration.
  const latin = (lower.match(/[a-z]/g) ?? []).length;
  if (latin / letters < 0.5) return hint && hint !== "en" && hint !== "vi" && hint !== "id" ? hint : scriptGuess(lower);
  const ranked = [["id", id], ["en", en], ["vi", viPlain], ...other] as const;
  const sorted = [...ranked].sort((a, b) => b[1] - a[1]);
  const [bestLang, best] = sorted[0];
  const second = sorted[1][1];
  const share = best / Math.max(words, 1);
  // Clear when the profile leads by a margin; a short line needs a bigger lead than a page.
  const clear = best >= 2 && best >= second * 2 && share > 0.1;
  if (!clear) {
    if (hint) return hint;
    if (best === 0) return vi > 0 ? "vi" : "en";
  }
  if (hint && hint !== "en" && hint !== "id" && hint !== "vi" && share < 0.12) return hint;
  return bestLang;
}

function scriptGuess(s: string): Lang {
  if (/[\u0e00-\u0e7f]/.test(s)) return "th";
  if (/[\u3040-\u30ff]/.test(s)) return "ja";
  if (/[\uac00-\ud7af]/.test(s)) return "ko";
  if (/[\u4e00-\u9fff]/.test(s)) return "zh";
  if (/[\u0400-\u04ff]/.test(s)) return "ru";
  if (/[\u0600-\u06ff]/.test(s)) return "ar";
  return "und";
}
