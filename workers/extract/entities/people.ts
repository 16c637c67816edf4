import { lazy } from "../text/lazy";
import type { ArticleContext, Person } from "../types";
import { findCountryMentions } from "./countries";
import { NON_NAME_WORDS, ORG_NOUNS, PLACE_NOUNS, VN_PLACES, VN_SURNAMES } from "./name-lexicon";
import { foldKey, normalizeVi, sentencesOf } from "./normalize";
import { SPEECH_RE } from "./speech-verbs";
import { findTitleSpans, HONORIFICS, TITLE_WORDS } from "./title-lexicon";
import { isCap, type Word as Token, wordBefore, wordsOf } from "./words";

/** One place where a person is named, with the titles written right before (or after) the name. */
export interface PersonMention {
  /** The name as written ("Lê Trung Hiếu", or "Hiếu" for a short reference). */
  name: string;
  start: number;
  end: number;
  titles: string[];
  /** A one-word reference ("ông Hiếu", "Mr Putin") that must be resolved to a full name. */
  short: boolean;
  /** A one-word name that may stand alone when no full name ends with it ("Presiden Jokowi"). */
  alone?: boolean;
}

interface Span {
  start: number;
  end: number;
}

/** The article once prepared: normalized text, the original for output, and where titles stand. */
interface TextInfo {
  norm: string;
  src: string;
  lang: string;
  titleSpans: Span[];
  words: Token[];
}

/** Spans lying inside [from, to), in order. */
function within(spans: Span[], from: number, to: number): Span[] {
  return spans.filter((s) => s.start >= from && s.end <= to);
}

// A syllable of a Vietnamese name: capital then lower case ("Hiếu", "A"), never an acronym ("UBND").
const VN_SYLLABLE = /^\p{Lu}[\p{Ll}\p{M}]{0,6}$/u;
// A word of a foreign name: "Vladimir", "Sisoulith", "O'Brien", "Jean-Pierre", "Anne-Claire", "Jae-won".
const FOREIGN_WORD = /^\p{Lu}[\p{Ll}\p{M}'’]*(?:[-'’]\p{Lu}?[\p{Ll}\p{M}'’]+)*$/u;
// Syllables of organisations and places that never follow a Vietnamese family name in a person's name.
const VN_ORG_SYLLABLES = lazy(
  () => new Set("Bộ Sở Ủy Ban Tỉnh Quận Huyện Xã Phường Đảng Hội Viện Cục Công Ty Phố Đường Đô Nội".split(" ")),
);
// What may follow a name set off by commas after its title: a comma, a bracket or a verb of speaking.
const APPOSITION_END = lazy(() => new RegExp(`^(?:\\s*[,)]|\\s+(?:yang|who|người)\\s|\\s+(?:${SPEECH_RE().source}))`, "iu"));
// Words after which a foreign-looking capitalized run is the object of a preposition, not a person.
const FUNCTION_WORDS = lazy(
  () => new Set("of the at for to from with in on by and về của tại ở với cho từ dari di ke untuk dengan pada oleh".split(" ")),
);
// "Vice Chairman of the municipal People's Committee": a few lower-case words that English titles carry.
const EN_TITLE_CONNECTORS = lazy(
  () => new Set("of the for and on at to in de van von del da municipal city provincial state national".split(" ")),
);
// Titles after which one word can be a whole name ("Presiden Jokowi"); not "General", "Head", "Chief".
const STRONG_TITLE =
  /(?:tổng thống|thủ tướng|chủ tịch|presiden|perdana menteri|president|prime minister|king|queen|raja|ratu|sultan|chancellor|premier)$/iu;
// Korean and English family names that NON_NAME_WORDS holds as place words ("Central Park", "City Hall").
const FAMILY_NAME_TOO = new Set(["Park", "Hall"]);
// Indonesian abstract nouns made with pe(r)-…-an or ke-…-an ("Perencanaan", "Pembangunan", "Kebudayaan"):
// the fields in an office's name ("Dinas Perencanaan dan Investasi"), never a person's name.
const ID_NOMINAL = /^(?:Pe[rmn]?g?|Ke)[\p{Ll}]{4,}an$/u;
// Title syllables that fold to a family name ("Tổng" → Tống, "Trưởng" → Trương).
const NOT_SURNAME = new Set(["tổng", "trưởng", "tư"]);
// Words that cannot stand between a title and the name it introduces: verbs, auxiliaries, clause words.
const BLOCKED = lazy(
  () =>
    new Set(
      (
        "đã đang sẽ vừa được bị là có gặp tiếp nói cho khi thì mà nhưng rằng những cùng lại vì nếu sau trước này đó ấy làm với gửi trao tặng chúc thăm đón hội đàm tới " +
        "telah sudah akan sedang adalah ialah bertemu mengatakan yang bahwa menerima melakukan dengan kepada saat ketika pada bersama juga ini itu tersebut " +
        "said says met meets has had have was were is are will would told with when who that which on by received visited called urged as while"
      ).split(" "),
    ),
);
const CONJUNCTION_BEFORE = /(?:,|\s(?:kiêm|và|dan|and|cum|merangkap|serta)|\s[-–])\s*$/iu;
const CLAUSE_BREAK = /[;:“”"«»\n]/g;
const SPEECH_AT_START = lazy(() => new RegExp(`^(?:${SPEECH_RE().source})`, "iu"));
// A name directly followed by a verb of speaking ("Vương Đình Huệ cho biết", "Putin said").
const SPEAKS_AFTER = lazy(
  () => new RegExp(`^\\s+(?:(?:từng|đã|cũng|vừa|còn|also|has|had|juga|telah|pernah)\\s+)*(?:${SPEECH_RE().source})`, "iu"),
);
// A name right after the verb that closes a quotation ('…," said Donna Smith', '…,” ujar Budi Santoso').
const SPOKE_BEFORE = lazy(() => new RegExp(`[”"»]\\s*,?\\s*(?:${SPEECH_RE().source})\\s+$`, "iu"));

/**
 * Finds the people named in the text: a name right after a title or a courtesy word ("Phó Chủ tịch
 * UBND TP Hà Nội Nguyễn Mạnh Quyền", "bà Virgine Rouquette", "Presiden Rusia Vladimir Putin"), or
 * before an appositive title ("Le Trung Hieu, Deputy Director of …"). Short references ("ông Hiếu")
 * are returned with `short: true`.
 */
export function findPersonMentions(text: string, lang: string): PersonMention[] {
  if (memo && memo.text === text && memo.lang === lang) return memo.out;
  const out = findUncached(text, lang);
  memo = { text, lang, out };
  return out;
}

// extractPeople and extractQuotes read the same article one after the other: remember the last answer.
let memo: { text: string; lang: string; out: PersonMention[] } | null = null;

function findUncached(text: string, lang: string): PersonMention[] {
  const norm = normalizeVi(text);
  const src = norm.length === text.length ? text : norm;
  const countries = findCountryMentions(norm, lang);
  const countryAt = new Set<number>();
  for (const c of countries) for (let i = c.start; i < c.end; i++) countryAt.add(i);
  // Ambiguous country names left out by the country filter still never belong to a name ("Nga", "Lào").
  const tokens = joinHyphens(norm, wordsOf(norm));
  const sentences = sentencesOf(norm);
  const titleSpans = findTitleSpans(norm);
  const info: TextInfo = { norm, src, lang, titleSpans, words: tokens };
  const candidates: { start: number; end: number; words: number; afterOrg: boolean; foreign: boolean }[] = [];
  for (let i = 0; i < tokens.length; ) {
    if (!isCap(tokens[i].text)) {
      i++;
      continue;
    }
    let j = i + 1;
    while (j < tokens.length && isCap(tokens[j].text) && tokens[j].start - tokens[j - 1].end === 1 && norm[tokens[j - 1].end] === " ") j++;
    const run = tokens.slice(i, j);
    i = j;
    // "Chủ tịch Hồ Chí Minh": after this title the city's name is the man's.
    const leaderBefore = /(?:Chủ tịch|Bác)\s$/u.test(norm.slice(Math.max(0, run[0].start - 9), run[0].start));
    const cut = nameInRun(run, countryAt, lang, leaderBefore);
    if (cut === null) continue;
    // "Ketua Dewan Pembina Yayasan …": capitalized words after an organisation word go on naming it.
    const before = cut > 0 ? run[cut - 1] : null;
    const afterOrg = !!before && !VN_SURNAMES().has(foldKey(run[cut].text)) && isOrgWord(before, countryAt);
    const last = run[run.length - 1];
    // "Anwar Ibrahim’s": the possessive is not part of the name.
    const end = last.end - (/['’]s$/.test(last.text) ? 2 : 0);
    const foreign = !VN_SURNAMES().has(foldKey(run[cut].text));
    candidates.push({ start: run[cut].start, end, words: run.length - cut, afterOrg, foreign });
  }
  const out: PersonMention[] = [];
  let s = 0;
  // A title never reaches over another full name: "Chủ tịch nước Lào A, Tổng thống Nga B và Thủ tướng C".
  // A one-word name ends a list item only before "và", "and", "dan" or a comma ("Tổng thống Putin và …").
  const full = candidates.filter(
    (c) =>
      !c.afterOrg &&
      (c.words > 1 ||
        (titleSpans.some((s) => s.end === c.start - 1) && /^(?:\s*,|\s+(?:và|and|dan|cùng|with)\s)/u.test(norm.slice(c.end, c.end + 6)))),
  );
  let f = 0;
  for (const c of candidates) {
    while (s < sentences.length - 1 && sentences[s + 1].start <= c.start) s++;
    while (f < full.length && full[f].end <= c.start) f++;
    const from = Math.max(sentences[s]?.start ?? 0, f > 0 ? full[f - 1].end : 0);
    const next = full[f] === c ? full[f + 1] : full[f];
    const until = next ? next.start : norm.length;
    const mention = c.afterOrg ? null : judge(info, c, from, until);
    if (mention) out.push(mention);
  }
  return out;
}

/** "Kim Jeong-hoon", "Jean-Pierre", "Al-Sisi": a hyphen with no space around it keeps a name in one word. */
function joinHyphens(norm: string, words: Token[]): Token[] {
  const out: Token[] = [];
  for (const w of words) {
    const last = out[out.length - 1];
    if (last && w.start === last.end + 1 && norm[last.end] === "-" && isCap(last.text)) {
      out[out.length - 1] = { text: norm.slice(last.start, w.end), start: last.start, end: w.end };
    } else out.push(w);
  }
  return out;
}

/** Where the person's name starts inside a capitalized run, or null: "Hà Nội Lê Trung Hiếu" → 2. */
function nameInRun(run: Token[], countryAt: Set<number>, lang: string, leaderBefore = false): number | null {
  const n = run.length;
  for (let i = 0; i < n; i++) {
    const len = n - i;
    if (len < 2 || len > 4) continue;
    if (!VN_SURNAMES().has(foldKey(run[i].text)) || NOT_SURNAME.has(run[i].text.toLowerCase())) continue;
    const rest = run.slice(i);
    if (!rest.every((t) => VN_SYLLABLE.test(t.text) && !countryAt.has(t.start))) continue;
    if (rest.slice(1).some((t) => VN_ORG_SYLLABLES().has(t.text))) continue;
    if (startsWithPlace(rest) && !(i === 0 && leaderBefore)) continue;
    return i;
  }
  const placeAt = new Set<number>();
  for (let a = 0; a < n; a++) {
    for (let len = 2; len <= 3 && a + len <= n; len++) {
      if (
        VN_PLACES().has(
          foldKey(
            run
              .slice(a, a + len)
              .map((t) => t.text)
              .join(" "),
          ),
        )
      )
        for (let b = a; b < a + len; b++) placeAt.add(b);
    }
  }
  let k = n;
  while (k > 0 && !placeAt.has(k - 1) && isForeignNameWord(run[k - 1], countryAt, lang)) {
    // "Union’s Montana": a possessive inside the run ends the name there.
    if (k < n && /['’]s$/.test(run[k - 1].text)) break;
    k--;
  }
  // "ông Park Jae-won": a family name that is also a place word still opens the name it stands before.
  if (k > 0 && k < n && FAMILY_NAME_TOO.has(run[k - 1].text) && !countryAt.has(run[k - 1].start)) k--;
  if (k === n || n - k > 4) return null;
  return k;
}

function startsWithPlace(rest: Token[]): boolean {
  for (let len = 2; len <= Math.min(3, rest.length); len++) {
    if (
      VN_PLACES().has(
        foldKey(
          rest
            .slice(0, len)
            .map((t) => t.text)
            .join(" "),
        ),
      )
    )
      return true;
  }
  return false;
}

function isOrgWord(t: Token, countryAt: Set<number>): boolean {
  if (countryAt.has(t.start) || TITLE_WORDS().has(t.text.toLowerCase()) || HONORIFICS().has(t.text.toLowerCase())) return false;
  return ORG_NOUNS().has(foldKey(t.text));
}

function isForeignNameWord(t: Token, countryAt: Set<number>, lang: string): boolean {
  if (!FOREIGN_WORD.test(t.text) || countryAt.has(t.start)) return false;
  if (lang === "id" && ID_NOMINAL.test(t.text)) return false;
  const key = foldKey(t.text.replace(/['’]s$/, ""));
  // "Secretary-Treasurer", "Editor-in-Chief": a hyphenated title, not a name like "Anne-Claire".
  if (key.includes("-") && key.split("-").some((part) => part.length > 2 && (TITLE_WORDS().has(part) || NON_NAME_WORDS().has(part))))
    return false;
  return !TITLE_WORDS().has(t.text.toLowerCase()) && !NON_NAME_WORDS().has(key) && !VN_PLACES().has(key);
}

/**
 * "Phó Chủ tịch UBND thành phố Nguyễn Thị Lan Anh": after a title, "thành phố" may close the office's
 * name with no city named (the article's own city), so the name that follows is a person's. A city
 * named there ("thành phố Hồ Chí Minh") is already kept out by nameInRun's list of places.
 */
function cityOfTitle(t: TextInfo, prev: Token | undefined, before2: Token | undefined, sentenceStart: number): boolean {
  if (!prev || !before2 || prev.text !== "phố" || before2.text.toLowerCase() !== "thành") return false;
  return t.titleSpans.some((s) => s.start >= sentenceStart && s.end <= before2.start);
}

/** Decides whether a candidate name is a person, from what stands before and after it. */
function judge(
  t: TextInfo,
  c: { start: number; end: number; words: number; foreign: boolean },
  sentenceStart: number,
  until: number,
): PersonMention | null {
  const { norm, src } = t;
  const { start, end, words } = c;
  const prev = wordBefore(t.words, start);
  const prevWord = prev && prev.start >= sentenceStart && /^\.?\s*$/.test(norm.slice(prev.end, start)) ? prev.text : "";
  const before2 = prev ? wordBefore(t.words, prev.start) : undefined;
  // One or two words: "ông", "Mr", "đồng chí", "Tan Sri".
  const honorific =
    HONORIFICS().has(prevWord.toLowerCase()) || (!!prevWord && !!before2 && HONORIFICS().has(`${before2.text} ${prevWord}`.toLowerCase()));
  // Cheap exit first: no title earlier in the sentence, no courtesy word, nothing after that could make it a person.
  if (
    !honorific &&
    !t.titleSpans.some((s) => s.start >= sentenceStart && s.end <= start) &&
    !/^\s*[,(]/.test(norm.slice(end, end + 3)) &&
    (words === 1 || (!SPEAKS_AFTER().test(norm.slice(end, end + 40)) && !SPOKE_BEFORE().test(norm.slice(Math.max(0, start - 24), start))))
  ) {
    return null;
  }
  if (PLACE_NOUNS().has(prevWord.toLowerCase()) && !cityOfTitle(t, prev, before2, sentenceStart)) return null;
  let clauseStart = sentenceStart;
  const before = norm.slice(sentenceStart, start);
  for (const m of before.matchAll(CLAUSE_BREAK)) clauseStart = sentenceStart + m.index + 1;
  // "founder of Apex Financial", "visit to Los Angeles": after a preposition a foreign-looking run is its object.
  if (c.foreign && FUNCTION_WORDS().has(prevWord.toLowerCase()) && /\s$/.test(norm.slice(start - 1, start))) return null;
  const titles = titlesBefore(t, clauseStart, start);
  if (!titles.length) {
    // "Ketua Dewan Pembina Yayasan X, Almaraja Limbong, menyampaikan", "the chairman of X, Pham Nhat Vuong, said".
    const comma = /,\s*$/.exec(norm.slice(clauseStart, start));
    if (comma && APPOSITION_END().test(norm.slice(end, end + 30))) titles.push(...titlesBefore(t, clauseStart, clauseStart + comma.index));
  }
  titles.push(...titleAfter(t, end, until));
  const name = src.slice(start, end);
  if (words === 1) {
    if (!titles.length && !honorific) return null;
    // "Presiden Jokowi", "Tổng thống Putin": after a title, a single foreign word is a name of its own.
    const head = t.titleSpans.find((s) => s.end === start - 1);
    const alone =
      c.foreign && !!head && STRONG_TITLE.test(norm.slice(head.start, head.end)) && name.length >= 4 && /^\p{Lu}\p{Ll}+$/u.test(name);
    return { name, start, end, titles, short: true, alone };
  }
  const speaks = SPEAKS_AFTER().test(norm.slice(end, end + 40)) || SPOKE_BEFORE().test(norm.slice(Math.max(0, start - 24), start));
  if (!titles.length && !honorific && !speaks) return null;
  return { name, start, end, titles, short: false };
}

/**
 * The titles written before a name, split where they are joined by a comma or "kiêm"/"dan"/"and":
 * "Ủy viên Bộ Chính trị, Bí thư Thành ủy Hà Nội" → two titles.
 */
function titlesBefore(t: TextInfo, clauseStart: number, nameStart: number): string[] {
  const { norm } = t;
  const titles: string[] = [];
  let segEnd = nameStart;
  for (let guard = 0; guard < 6; guard++) {
    let chosen: Span | null = null;
    for (const m of within(t.titleSpans, clauseStart, segEnd)) {
      const between = norm.slice(m.end, segEnd);
      if ((between.includes(",") && !enumeratedOffice(t, m.end, between)) || !plainTitleTail(between, t.lang)) continue;
      chosen = m;
      break;
    }
    if (!chosen) break;
    const from = chosen.start;
    titles.unshift(...splitTitles(t, from, segEnd));
    // Keep walking back only when this title starts its comma-separated segment.
    const lead = norm.slice(clauseStart, from);
    const comma = /,\s*$/.exec(lead);
    if (!comma) break;
    segEnd = clauseStart + comma.index;
  }
  return titles;
}

// Every comma followed by a capitalized word: "Văn hóa, Thể thao và Du lịch", "Culture, Sports and Tourism".
const ENUMERATION = /^(?:[^,]*,\s+\p{Lu}[^,]*)+$/u;

/**
 * Commas that list the fields of one office ("Bộ trưởng Bộ Văn hóa, Thể thao và Du lịch Nguyễn Văn Hùng",
 * "Minister of Culture, Sports and Tourism …"): the list closes with "và"/"and"/"dan", and no title
 * opens after a comma (that would be a second title: "Ủy viên Bộ Chính trị, Bí thư Thành ủy …").
 */
function enumeratedOffice(t: TextInfo, from: number, between: string): boolean {
  if (!ENUMERATION.test(between)) return false;
  const last = between.lastIndexOf(",");
  if (!/\s(?:và|and|dan)\s/u.test(between.slice(last))) return false;
  for (let i = between.indexOf(","); i >= 0; i = between.indexOf(",", i + 1)) {
    const rest = between.slice(i + 1);
    const at = from + i + 1 + (rest.length - rest.trimStart().length);
    if (t.titleSpans.some((s) => s.start === at)) return false;
  }
  return true;
}

function plainTitleTail(between: string, lang: string): boolean {
  const words = between.match(/[\p{L}\p{M}\p{N}]+(?:['’][\p{L}\p{M}\p{N}]+)*/gu) ?? [];
  // Only lower-case words break a title: "Hội Lữ hành" names an organisation, "hội đàm" is a verb.
  if (words.length > 20 || words.some((w) => BLOCKED().has(w))) return false;
  // English titles run on capitalized words and a few connectors: "Director of the Hanoi Department of …".
  return lang !== "en" || words.every((w) => /^[\p{Lu}\p{N}]/u.test(w) || EN_TITLE_CONNECTORS().has(w));
}

/** Splits "Thứ trưởng X kiêm Đại sứ Y" at a conjunction that is followed by another title. */
function splitTitles(t: TextInfo, from: number, to: number): string[] {
  const cuts: number[] = [from];
  for (const m of within(t.titleSpans, from + 1, to)) {
    if (CONJUNCTION_BEFORE.test(t.norm.slice(from, m.start))) cuts.push(m.start);
  }
  cuts.push(to);
  const parts: string[] = [];
  for (let k = 0; k < cuts.length - 1; k++) {
    const piece = cleanTitle(t.src.slice(cuts[k], cuts[k + 1]));
    if (piece) parts.push(piece);
  }
  return parts;
}

function cleanTitle(s: string): string {
  return s
    .replace(/\s+/g, " ")
    .replace(/\s*\([^)]*$/, "")
    .replace(/\s+,/g, ",")
    .replace(/(?:\s*(?:,|kiêm|và|dan|and|cum|merangkap|serta|-|–))+\s*$/iu, "")
    .trim()
    .replace(/(?:\s+(?:sir|dame|datuk|seri|dato'?|tan sri|tun|ông|bà|mr\.?|ms\.?|mrs\.?|bapak|ibu|pak|bu))+$/iu, "")
    .trim();
}

/** An appositive title: "Le Trung Hieu, Deputy Director of …, said" or "X (Giám đốc Sở Y)". */
function titleAfter(t: TextInfo, end: number, until: number): string[] {
  const { norm, src } = t;
  const titles: string[] = [];
  let at = end;
  // "Đinh Tiến Dũng, Ủy viên Bộ Chính trị, Bí thư Thành ủy Hà Nội phát biểu": one title after another.
  for (let guard = 0; guard < 4; guard++) {
    const lead = /^\s*[,(]\s*/.exec(norm.slice(at, at + 4));
    if (!lead) break;
    const from = at + lead[0].length;
    if (!t.titleSpans.some((m) => m.start === from)) break;
    const tail = /^[^,.;:)\n“”"]*/.exec(norm.slice(from, from + 160))?.[0] ?? "";
    // The next name comes before the title ends: this is a list of people, not an appositive.
    if (from + tail.length > until) break;
    let stop = tail.length;
    for (const w of tail.matchAll(/[\p{L}\p{M}]+/gu)) {
      if (BLOCKED().has(w[0].toLowerCase()) || SPEECH_AT_START().test(tail.slice(w.index))) {
        stop = w.index;
        break;
      }
    }
    const title = cleanTitle(src.slice(from, from + stop));
    if (title) titles.push(title);
    if (stop < tail.length) break;
    at = from + stop;
  }
  return titles;
}

/**
 * Merges the mentions into people: the same name (with or without diacritics) once, a short reference
 * ("ông Hiếu", "Mr Putin") folded into the full name it ends, titles collected without repeats.
 */
export function mergeMentions(mentions: PersonMention[]): Person[] {
  const people = new Map<string, Person>();
  for (const m of mentions) {
    if (m.short) continue;
    const key = foldKey(m.name);
    const p = people.get(key) ?? { name: m.name, titles: [] };
    p.titles.push(...m.titles);
    people.set(key, p);
  }
  for (const m of mentions) {
    if (!m.short) continue;
    const last = foldKey(m.name);
    const match = [...people.entries()].filter(([k]) => k.split(" ").pop() === last);
    if (match.length === 1) match[0][1].titles.push(...m.titles);
    else if (!match.length && m.alone) {
      const p = people.get(last) ?? { name: m.name, titles: [] };
      p.titles.push(...m.titles);
      people.set(last, p);
    }
  }
  // "bà Hoài An" after "Nguyễn Thị Hoài An": a two-word given name of exactly one person is that person.
  for (const [key, p] of people) {
    const words = key.split(" ");
    if (words.length !== 2) continue;
    const owners = [...people.entries()].filter(([k]) => k !== key && k.endsWith(` ${key}`));
    if (owners.length !== 1) continue;
    owners[0][1].titles.push(...p.titles);
    people.delete(key);
  }
  for (const p of people.values()) p.titles = dedupeTitles(p.titles);
  return [...people.values()];
}

/** Drops repeats and titles that only shorten a longer one ("Phó Giám đốc" beside "Phó Giám đốc Sở …"). */
function dedupeTitles(titles: string[]): string[] {
  const keys = titles.map(foldKey);
  return titles.filter((_, i) => {
    const k = keys[i];
    if (keys.indexOf(k) !== i) return false;
    return !keys.some((o, j) => j !== i && o !== k && o.startsWith(`${k} `));
  });
}

/**
 * People named in the article with the titles the article gives them.
 *
 * @example extractPeople("Phó Chủ tịch UBND TP Hà Nội Nguyễn Mạnh Quyền cho biết …", ctx)
 * // [{ name: "Nguyễn Mạnh Quyền", titles: ["Phó Chủ tịch UBND TP Hà Nội"] }]
 */
export function extractPeople(text: string, ctx: ArticleContext): Person[] {
  return mergeMentions(findPersonMentions(text, ctx.lang));
}
