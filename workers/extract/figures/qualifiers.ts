import { lazy } from "../text/lazy";
import type { Qualifier } from "../types";

interface Cue {
  q: Exclude<Qualifier, "exact">;
  /** Must stand right before the number ("trên 74 tỷ", "over 5%"): these words have other senses. */
  adjacent: boolean;
  words: string[];
}

const CUES: Cue[] = [
  {
    q: "estimate",
    adjacent: false,
    words: [
      "ước tính",
      "ước đạt",
      "ước",
      "dự kiến",
      "dự báo",
      "diperkirakan",
      "perkiraan",
      "estimasi",
      "diproyeksikan",
      "ditaksir",
      "estimated",
      "an estimated",
      "expected",
      "projected",
      "forecast",
      "forecasted",
    ],
  },
  {
    q: "approx",
    adjacent: true,
    words: [
      "khoảng",
      "chừng",
      "xấp xỉ",
      "ước chừng",
      "gần",
      "sekitar",
      "kira-kira",
      "kurang lebih",
      "lebih kurang",
      "sekira",
      "hampir",
      "mendekati",
      "about",
      "around",
      "approximately",
      "approx.",
      "roughly",
      "some",
      "circa",
      "nearly",
      "almost",
      "close to",
    ],
  },
  {
    q: "more_than",
    adjacent: true,
    words: [
      "hơn",
      "trên",
      "lebih dari",
      "di atas",
      "melebihi",
      "more than",
      "over",
      "above",
      "in excess of",
      "upwards of",
      "at least",
      "exceeding",
    ],
  },
  {
    q: "less_than",
    adjacent: true,
    words: [
      "dưới",
      "chưa đến",
      "chưa tới",
      "không quá",
      "kurang dari",
      "di bawah",
      "tidak sampai",
      "tidak lebih dari",
      "less than",
      "fewer than",
      "under",
      "below",
      "up to",
      "at most",
      "no more than",
    ],
  },
];

const escapeRe = (w: string) => w.replace(/[.*+?^${}()|[\]\\]/g, "\\$&").replace(/ /g, "\\s+");
/** Every cue word with its cue, longest first. */
const ALL = lazy(() => CUES.flatMap((c) => c.words.map((w) => ({ w, c }))).sort((a, b) => b.w.length - a.w.length));
const RE = lazy(
  () =>
    new RegExp(
      `(?<![\\p{L}\\p{N}])(${ALL()
        .map((x) => escapeRe(x.w))
        .join("|")})(?![\\p{L}\\p{N}])`,
      "giu",
    ),
);
const BY_WORD = lazy(() => new Map(ALL().map((x) => [x.w, x.c])));
// "cao hơn 5%" (5% higher), "higher than": a comparison, not "more than".
const COMPARATIVE = /(?:cao|thấp|lớn|nhỏ|nhiều|ít|nhanh|chậm|mạnh|higher|lower|larger|smaller|bigger|faster|slower|greater)\s*$/iu;
// Between an adjacent qualifier and the digits only spaces and a currency sign may stand.
const ADJACENT_GAP = /^[\s\u00a0]*(?:US\$|S\$|A\$|\$|€|£|¥|Rp\.?|USD|VND)?[\s\u00a0]*$/u;

/**
 * The qualifier of the number starting at `numStart`: the qualifier word nearest before it wins
 * ("ước tính đạt 120,5%" → estimate; "dự kiến, khoảng gần 70.000 tỷ" → approx; "khoảng hơn 20 tỷ"
 * → more_than). The search stops at `from` (the end of the previous figure) and 60 characters back.
 *
 * @example qualifierBefore("Quy mô GIDP đạt khoảng 58 tỷ USD", 22) // "approx"
 */
export function qualifierBefore(s: string, numStart: number, from = 0): Qualifier {
  const lo = Math.max(from, numStart - 60);
  const window = s.slice(lo, numStart);
  let best: { end: number; q: Qualifier } | null = null;
  const re = RE();
  const byWord = BY_WORD();
  re.lastIndex = 0;
  for (let m = re.exec(window); m; m = re.exec(window)) {
    const word = m[1].toLowerCase().replace(/\s+/g, " ");
    const cue = byWord.get(word);
    if (!cue) continue;
    const end = m.index + m[0].length;
    if (cue.adjacent && !ADJACENT_GAP.test(window.slice(end))) continue;
    if ((word === "hơn" || word === "more than") && COMPARATIVE.test(window.slice(0, m.index))) continue;
    if (!best || end >= best.end) best = { end, q: cue.q };
  }
  return best?.q ?? "exact";
}
