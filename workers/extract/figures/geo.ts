import { longestOfPattern } from "../text/any-of";
import { foldKeepingPositions } from "../text/fold";
import { lazy } from "../text/lazy";
import { VN_PROVINCES } from "../text/vn-provinces";

/**
 * Whose figure it is. The rule:
 * 1. a metric that is national by nature (metrics.json "geo") takes that geo;
 * 2. otherwise the last place named as the subject before the figure in its sentence — a province
 *    or city ("TP.HCM thu hút…", "vốn FDI của Đà Nẵng…") or the nation ("Cả nước…", "nationwide",
 *    "secara nasional") — unless it comes after a comparison word ("so với cả nước", "than the
 *    national…") or is the scope of a rank or share ("đứng thứ 5 cả nước" names no subject: it stands
 *    after the figure);
 * 3. otherwise the article's place: the province or city it names most often (at least twice),
 *    else "vietnam" when it names Vietnam or the nation ("cả nước"), else "unknown". So "hanoi"
 *    is the default only for articles about Hanoi.
 */

/** Folded names → geo id: the centrally-run cities by their names; ALL_PLACES adds the provinces (before and after the 2025 mergers). */
const PLACES: ReadonlyArray<readonly [string, string]> = [
  ["ha noi", "hanoi"],
  ["hanoi", "hanoi"],
  ["thu do ha noi", "hanoi"],
  ["tp ho chi minh", "ho_chi_minh_city"],
  ["tp.ho chi minh", "ho_chi_minh_city"],
  ["tp. ho chi minh", "ho_chi_minh_city"],
  ["thanh pho ho chi minh", "ho_chi_minh_city"],
  ["ho chi minh city", "ho_chi_minh_city"],
  ["kota ho chi minh", "ho_chi_minh_city"],
  ["tp.hcm", "ho_chi_minh_city"],
  ["tp. hcm", "ho_chi_minh_city"],
  ["tp hcm", "ho_chi_minh_city"],
  ["tphcm", "ho_chi_minh_city"],
  ["hcmc", "ho_chi_minh_city"],
  ["hcm city", "ho_chi_minh_city"],
  ["tp ho chi minh city", "ho_chi_minh_city"],
  ["sai gon", "ho_chi_minh_city"],
  ["da nang", "da_nang"],
  ["hai phong", "hai_phong"],
  ["can tho", "can_tho"],
  ["tp hue", "hue"],
  ["thanh pho hue", "hue"],
  ["thua thien hue", "hue"],
];
/** Vietnam's provinces and centrally-run cities: PLACES, and every province with its geo id made from its folded name. */
const ALL_PLACES = (): ReadonlyArray<readonly [string, string]> => [
  ...PLACES,
  ...["ba ria - vung tau", "ba ria vung tau", ...VN_PROVINCES].map((n) => [n, n.replace(/ - | /g, "_")] as const),
];
const NATIONAL = [
  "ca nuoc",
  "toan quoc",
  "viet nam",
  "vietnam",
  "nationwide",
  "the country",
  "the nation",
  "secara nasional",
  "nasional",
  "seluruh negeri",
  "seluruh indonesia",
];

/** A place named in folded text. */
interface Mention {
  start: number;
  end: number;
  /** Geo id, or "vietnam" for the nation. */
  id: string;
  national: boolean;
  /** The folded words of the name, joined by one space. */
  name: string;
}

// All names in one regex, most words first (the longest name wins where several start at one word);
// words may be parted by any non-alphanumeric run, as in the folded text ("tp.hcm", "ha, noi").
const split = (s: string) => s.split(/[^a-z0-9]+/).filter(Boolean);
const NAMES = lazy(() => {
  const names = new Map<string, { id: string; national: boolean }>();
  for (const [name, id, national] of [
    ...ALL_PLACES().map(([n, i]) => [n, i, false] as const),
    ...NATIONAL.map((n) => [n, "vietnam", true] as const),
  ]) {
    const words = split(name);
    const key = words.join(" ");
    if (names.has(key)) continue;
    names.set(key, { id, national });
  }
  return names;
});
// Names must start a word; mentions() checks that, as a look-behind here would run at every position.
// The trie tries the longest name first at each position, as the words of a name may be parted by any
// non-alphanumeric run.
const NAME_RE = lazy(() => new RegExp(`${longestOfPattern([...NAMES().keys()], "[^a-z0-9]+")}(?![a-z0-9])`, "g"));

let lastFolded = "";
let lastMentions: Mention[] = [];

const ALNUM = /[a-z0-9]/;

/** The places and national markers named in folded text, in order, longest name first at each word. */
function mentions(folded: string): Mention[] {
  const out: Mention[] = [];
  const nameRe = NAME_RE();
  const names = NAMES();
  nameRe.lastIndex = 0;
  for (let m = nameRe.exec(folded); m; m = nameRe.exec(folded)) {
    if (m.index > 0 && ALNUM.test(folded[m.index - 1])) {
      nameRe.lastIndex = m.index + 1;
      continue;
    }
    const name = split(m[0]).join(" ");
    const known = names.get(name);
    if (known) out.push({ start: m.index, end: m.index + m[0].length, id: known.id, national: known.national, name });
  }
  return out;
}

// A place after these is a baseline, a destination or a partner, not the figure's subject.
const NOT_SUBJECT =
  /(?:so voi|hon|gap|cua ca|than|compared (?:with|to)|dibandingkan(?: dengan)?|daripada|voi|dai su|su quan|ubnd|thu tuong|chinh phu|bo|bank|ngan hang)\s*$/u;

/** Counts the places an article names in its first 4000 characters; the most-named (twice or more) is its default geo. */
export function articleGeo(text: string): string {
  // The opening of an article names its place; the end may be teasers about other places.
  const folded = foldKeepingPositions(text.slice(0, 4000).normalize("NFC"));
  const counts = new Map<string, number>();
  for (const m of mentions(folded)) if (!m.national) counts.set(m.id, (counts.get(m.id) ?? 0) + 1);
  let best = "";
  let n = 1;
  for (const [id, c] of counts) if (c > n) [best, n] = [id, c];
  if (best) return best;
  return /viet ?nam|ca nuoc|toan quoc/.test(folded) ? "vietnam" : "unknown";
}

/**
 * The geo of the figure starting at `figureStart` in `sentence` (rule 2 above), or `fallback`.
 * `folded` is the sentence folded by foldKeepingPositions, when the caller has it.
 *
 * @example figureGeo("Cả nước thu hút 20 tỷ USD vốn FDI", 16, "hanoi") // "vietnam"
 */
export function figureGeo(sentence: string, figureStart: number, fallback: string, folded = foldKeepingPositions(sentence)): string {
  return subjectPlace(folded, figureStart) ?? fallback;
}

/**
 * The place named as the subject of the figure starting at `figureStart` (rule 2 above), or null.
 * `folded` is the sentence folded by foldKeepingPositions.
 *
 * @example subjectPlace(foldKeepingPositions("Hà Nội xếp thứ ba với 2,12 tỷ USD"), 18) // "hanoi"
 */
export function subjectPlace(folded: string, figureStart: number): string | null {
  const before = folded.slice(0, figureStart);
  let best: string | null = null;
  // The figures of one sentence share its mentions: read them once.
  if (folded !== lastFolded) {
    lastFolded = folded;
    lastMentions = mentions(folded);
  }
  for (const m of lastMentions) {
    if (m.end > figureStart) break;
    const lead = before.slice(Math.max(0, m.start - 20), m.start);
    if (NOT_SUBJECT.test(lead)) continue;
    // "đứng thứ 2 toàn quốc", "dẫn đầu cả nước", "trong cả nước", "in the country", "led the country": the scope of a rank.
    if (m.national && /(?:thu \S+|dau|nhat|nhi|\d|trong|of|in|di|among|across|led|leads|topped|tops)\s*$/u.test(lead)) continue;
    // "Việt Nam" in a name ("cơ quan đại diện Việt Nam", "Đại sứ Việt Nam tại…") is not the subject.
    if (/^viet ?nam$/.test(m.name) && !/^\s*(?:co|da|dat|thu hut|xuat khau|nhap khau|ghi nhan)\b/.test(before.slice(m.end))) continue;
    best = m.id;
  }
  return best;
}

/**
 * The place named in folded text between `from` and `to` (the last one), or, when `to` is a figure's end,
 * one standing right after it ("5,72% của cả nước", "6.5% of the country"); null when none.
 *
 * @example placeNear(foldKeepingPositions("6,52%, trong khi TP.HCM đạt 7,17%"), 5, 25) // "ho_chi_minh_city"
 */
export function placeNear(folded: string, from: number, to: number, after = to): string | null {
  if (folded !== lastFolded) {
    lastFolded = folded;
    lastMentions = mentions(folded);
  }
  let best: string | null = null;
  for (const m of lastMentions) {
    if (m.start >= from && m.end <= to) best = m.id;
    else if (!best && m.start >= after && /^\s*(?:(?:cua|of|in|di|tai|o)\s+)?$/.test(folded.slice(after, m.start))) return m.id;
  }
  return best;
}
