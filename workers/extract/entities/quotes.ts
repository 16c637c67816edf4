import { lazy } from "../text/lazy";
import type { ArticleContext, Person, Quote } from "../types";
import { NON_NAME_WORDS } from "./name-lexicon";
import { foldKey, normalizeVi, sentencesOf } from "./normalize";
import { findPersonMentions, type PersonMention } from "./people";
import { SPEECH_RE } from "./speech-verbs";
import { HONORIFICS, PRONOUN_SPEAKERS, TITLE_RE, TITLE_WORDS } from "./title-lexicon";
import { isCap, wordsOf } from "./words";

/** A quoted passage: where its words are and where its quotation marks stand. */
export interface QuoteSpan {
  /** Index of the opening mark. */
  open: number;
  /** Index just after the closing mark (or the end of the passage when it is never closed). */
  close: number;
  /** Index just after the last quoted character. */
  innerEnd: number;
  text: string;
}

const OPENERS: Record<string, string> = { "“": "”", "«": "»", "„": "“", '"': '"' };
const OPEN_MARK = /[“«„"]/g;

/**
 * Finds quoted passages: “…”, «…», „…“ and straight "…" pairs. A passage that runs over several
 * paragraphs (an opening mark at the start of each, the closing one only at the end) is one passage.
 */
export function findQuoteSpans(text: string): QuoteSpan[] {
  const spans: QuoteSpan[] = [];
  let i = 0;
  while (i < text.length) {
    OPEN_MARK.lastIndex = i;
    const hit = OPEN_MARK.exec(text);
    if (!hit) break;
    i = hit.index;
    const ch = text[i];
    const closer = OPENERS[ch];
    let j = i + 1;
    let end = -1;
    while (j < text.length) {
      const c = text[j];
      if (c === closer) {
        end = j;
        break;
      }
      if (c === "\n") {
        // Continues only when the next paragraph opens with a quotation mark again.
        if (text[j + 1] === ch) {
          j += 2;
          continue;
        }
        break;
      }
      j++;
    }
    const innerEnd = end >= 0 ? end : j;
    const inner = text.slice(i + 1, innerEnd);
    spans.push({ open: i, close: end >= 0 ? end + 1 : j, innerEnd, text: inner.trim() });
    i = end >= 0 ? end + 1 : j;
  }
  return spans;
}

// What may stand between a quotation and the verb that closes it: ", Phó Giám đốc Lê Trung Hiếu phát biểu."
// Never a line break: the next paragraph ("Ông Tanaka cho biết …") opens a statement of its own.
const AFTER_GAP = /^[^\S\n]*[,.…]?[^\S\n]*(?:[-–—][^\S\n]*)?/u;
// A source named after a quotation: "…," demikian pernyataan pemerintah, mengutip Menteri X / citing Y / dẫn lời Z.
const CITING = /(?:^|[\s,])(?:mengutip|citing|quoting|dẫn lời|trích lời)\s+([^,;.]{2,80})/iu;
// Opening words that name the source: "Theo Giám đốc Ngô Minh Hoàng, …", "Menurut …", "According to …".
const SOURCE_CUE = /(?:^|[\s,])(?:theo|menurut|according to)\s+([^,;:]{2,120}?),/giu;
// A verb of speaking right before the quotation: "bà X bày tỏ: “…", "X said: "…", "kata X, "…".
const VERB_BEFORE = lazy(() => new RegExp(`(${SPEECH_RE().source})(?:\\s+(?:rằng|that|bahwa))?\\s*[:,]?\\s*$`, "iu"));
const SPEECH_AT_START = lazy(() => new RegExp(`^(${SPEECH_RE().source})`, "iu"));
const SPEECH_ANY = lazy(() => new RegExp(SPEECH_RE().source, "giu"));
// Words right before a quoted phrase that make it a name, a theme or a slogan, not speech.
const NAMING_CUE =
  /(?:chủ đề|khẩu hiệu|thông điệp|danh hiệu|giải thưởng|giải|như|là|gọi là|mang tên|tên|tema|bertema|bertajuk|berjudul|slogan|theme|titled|entitled|called|named|dubbed|award|program|chương trình|cuộc thi|vụ|vụ án|không gian|lễ hội|hội nghị|tọa đàm)\s*[:,]?\s*$/iu;

interface Attribution {
  speaker: string | null;
  /** Index after the attribution that follows the quote, when it follows. */
  end: number;
}

/**
 * Quotations with their speakers: "“…”, Phó Giám đốc Lê Trung Hiếu phát biểu", "Theo Giám đốc X,
 * “…”", "“…,” ujar Wakil Direktur Le Trung Hieu", "“…”, Giám đốc Sở Ngoại vụ Hà Nội cho biết" (the
 * person holding that title), "ông Hiếu nói" (the short form). A passage right after an attributed
 * one continues it. Quoted names of awards, themes and slogans are left out: a passage counts when a
 * verb of speaking or a source attaches to it, or when it reads as a full sentence of its own.
 */
export function extractQuotes(text: string, people: Person[], ctx: ArticleContext): Quote[] {
  const norm = normalizeVi(text);
  const src = norm.length === text.length ? text : norm;
  const spans = findQuoteSpans(norm);
  if (!spans.length) return [];
  const mentions = findPersonMentions(norm, ctx.lang);
  const resolver = makeResolver(people, mentions, norm);
  const sentences = sentencesOf(norm);
  const out: Quote[] = [];
  let prev: { attribution: Attribution | null; close: number } | null = null;
  for (const q of spans) {
    const words = q.text.split(/\s+/).filter((w) => /[\p{L}\p{N}]/u.test(w)).length;
    if (words < 2) continue;
    const attribution = attributeAfter(norm, q, resolver) ?? attributeBefore(norm, q, sentences, resolver);
    let speaker: string | null = null;
    let keep = false;
    if (attribution) {
      speaker = attribution.speaker;
      // A short phrase with a verb nearby but nobody saying it ("say that “honest” describes …") is a term.
      keep = speaker !== null || words >= 5;
    } else if (prev?.attribution && /^\s*$/.test(norm.slice(Math.max(prev.close, prev.attribution.end), q.open))) {
      // "“…”, X phát biểu. “…”": the next passage goes on with the same speaker.
      speaker = prev.attribution.speaker;
      keep = true;
    } else {
      keep = words >= 8 && /[.!?…]["”»]?$/.test(q.text) && !NAMING_CUE.test(norm.slice(Math.max(0, q.open - 40), q.open));
    }
    const inner = src.slice(q.open + 1, q.innerEnd).trim();
    if (keep) out.push({ speaker, text: inner.replace(/^["“«„]+/, "") });
    prev = { attribution: keep ? (attribution ?? (speaker ? { speaker, end: q.close } : null)) : null, close: q.close };
  }
  return out;
}

function attributeAfter(norm: string, q: QuoteSpan, resolve: Resolver): Attribution | null {
  const gap = AFTER_GAP.exec(norm.slice(q.close, q.close + 4))?.[0] ?? "";
  const from = q.close + gap.length;
  const rest = norm.slice(from, from + 220);
  const sentence = /^[^\n]*?(?:[.!?](?=\s|$)|$)/mu.exec(rest)?.[0] ?? "";
  if (!sentence.trim() || /^[“"«]/.test(sentence)) return null;
  const end = from + sentence.length;
  const head = SPEECH_AT_START().exec(sentence);
  if (head) {
    // "…," ujar Wakil Direktur Le Trung Hieu. / "…," said Mr Hieu.
    const phrase = sentence.slice(head[0].length).replace(/[.!?]$/, "");
    // "…," paparnya (he explained): the Indonesian "-nya" points to the person named last.
    const speaker = resolve(phrase, from + head[0].length, q.open) ?? (/nya$/i.test(head[0]) ? resolve("dia", from, q.open) : null);
    return { speaker, end };
  }
  const cited = CITING.exec(sentence);
  if (cited) {
    const speaker = resolve(cited[1], from + cited.index + cited[0].indexOf(cited[1]), q.open);
    if (speaker) return { speaker, end };
  }
  const speechAny = SPEECH_ANY();
  speechAny.lastIndex = 0;
  const verb = speechAny.exec(sentence);
  if (!verb) return null;
  let phrase = sentence.slice(0, verb.index);
  // "…”, bà Lê Thu Trang, giám đốc một công ty lữ hành, chia sẻ": a name, then its title set off by commas.
  const apposed = /^([^,;:]+),[^,;:]+,\s*$/.exec(phrase.trim() ? phrase : "");
  if (apposed && phrase.split(/\s+/).filter(Boolean).length <= 24) phrase = apposed[1];
  const words = phrase.split(/\s+/).filter(Boolean).length;
  if (words === 0 || words > 14 || /[,;:]/.test(phrase.trim().slice(0, -1))) return null;
  // The words before the verb name someone: a capital, a courtesy word, a pronoun or a title ("the minister said").
  const firstWord = /^[\p{L}\p{M}]+/u.exec(phrase.trim())?.[0] ?? "";
  const titleRe = TITLE_RE();
  titleRe.lastIndex = 0;
  const titled = titleRe.exec(phrase);
  if (!/^\p{Lu}/u.test(firstWord) && !HONORIFICS().has(firstWord) && !PRONOUN_SPEAKERS.has(firstWord) && !(titled && titled.index < 12))
    return null;
  return { speaker: resolve(phrase, from, q.open), end };
}

function attributeBefore(norm: string, q: QuoteSpan, sentences: { start: number }[], resolve: Resolver): Attribution | null {
  let start = 0;
  for (const s of sentences) if (s.start <= q.open) start = s.start;
  const pre = norm.slice(start, q.open);
  const verb = VERB_BEFORE().exec(pre);
  if (verb) {
    // "Wakil Kepala Badan Statistik Hanoi, Nguyen Thi Thu Ha, mengatakan:": the name set off by commas
    // is the last clause; when that names nobody, the whole stretch before the verb may.
    const before = pre.slice(0, verb.index).replace(/[\s,]+$/u, "");
    const clause = before.lastIndexOf(",") + 1;
    const speaker = resolve(before.slice(clause), start + clause, q.open) ?? (clause > 0 ? resolve(before, start, q.open) : null);
    return { speaker, end: q.close };
  }
  let cue: RegExpExecArray | null = null;
  SOURCE_CUE.lastIndex = 0;
  for (let m = SOURCE_CUE.exec(pre); m; m = SOURCE_CUE.exec(pre)) cue = m;
  if (cue) {
    const phraseStart = start + cue.index + cue[0].indexOf(cue[1]);
    const speaker = resolve(cue[1], phraseStart, q.open);
    if (speaker) return { speaker, end: q.close };
  }
  if (/:\s*$/.test(pre)) {
    const before = pre.replace(/:\s*$/, "");
    const clause = before.lastIndexOf(",") + 1;
    const speaker = resolve(before.slice(clause), start + clause, q.open);
    if (speaker) return { speaker, end: q.close };
  }
  return null;
}

type Resolver = (phrase: string, phraseStart: number, quoteAt: number) => string | null;

/**
 * Turns the words that name a speaker into a person of the article: a full name, a short form
 * ("ông Hiếu", "Thanh said", "Ông Tanaka" for Tanaka Hiroshi), a title alone ("Giám đốc Sở Ngoại vụ
 * Hà Nội" → who holds it) or a pronoun ("ông", "she" → the person last named before the quote).
 * A name written only beside a quote ("said Donna Smith") joins the people for later short forms.
 */
function makeResolver(people: Person[], mentions: PersonMention[], norm: string): Resolver {
  const known = people.map((p) => p.name);
  const keys = new Map(known.map((n) => [foldKey(n), n]));
  const owners = (word: string): string[] => shortOwners(known, foldKey(word));
  const fullName = (m: PersonMention): string | null => {
    if (!m.short) {
      const key = foldKey(m.name);
      // "bà Hoài An" for Nguyễn Thị Hoài An: the given names of one known person.
      const tail = known.filter((n) => foldKey(n).endsWith(` ${key}`));
      return keys.get(key) ?? (tail.length === 1 ? tail[0] : null);
    }
    const hits = owners(m.name);
    return hits.length === 1 ? hits[0] : null;
  };
  let refs: { start: number; name: string }[] | null = null;
  const lastBefore = (at: number, ok: (name: string) => boolean): string | null => {
    refs ??= references(norm, known, mentions, fullName);
    let best: string | null = null;
    for (const r of refs) {
      if (r.start >= at) break;
      if (ok(r.name)) best = r.name;
    }
    return best;
  };
  return (phrase, phraseStart, quoteAt) => {
    const phraseEnd = phraseStart + phrase.length;
    const inside = mentions.filter((m) => m.start >= phraseStart && m.end <= phraseEnd);
    for (const m of inside) {
      const n = fullName(m);
      if (n) return n;
    }
    // A name the person finder did not take (no title there): look for a known name in the words.
    const folded = foldKey(phrase);
    for (const n of known) if (folded.includes(foldKey(n))) return n;
    // "ujar Direktur X saat acara …": the words after a time or place word no longer name the speaker.
    const cutAt =
      /\s(?:saat|dalam|pada|di|ketika|kepada|usai|seusai|setelah|dikutip|when|at|on|during|in|while|tại|khi|trong|sau|trước|bên)\s/iu.exec(
        phrase,
      );
    const named = cutAt ? phrase.slice(0, cutAt.index) : phrase;
    const titleRe = TITLE_RE();
    titleRe.lastIndex = 0;
    const t = titleRe.exec(named);
    if (t) {
      const title = foldKey(named.slice(t.index).replace(/\(.*?\)/g, ""));
      const holders = new Set(
        people
          .filter((p) =>
            p.titles.some((pt) => {
              const k = foldKey(pt);
              return k === title || k.startsWith(`${title} `) || title.startsWith(`${k} `);
            }),
          )
          .map((p) => p.name),
      );
      if (holders.size === 1) return [...holders][0];
      if (holders.size > 1) return lastBefore(quoteAt, (n) => holders.has(n));
    }
    const bare = phrase.trim().toLowerCase();
    if (PRONOUN_SPEAKERS.has(bare)) return lastBefore(quoteAt, () => true);
    // "kata Limbong", "ông Hiếu nói", "Ông Tanaka": one word of a known name, the latest such person before the quote.
    const first = /(?<![\p{L}\p{M}])\p{Lu}[\p{Ll}\p{M}]+(?:-\p{Lu}?[\p{Ll}\p{M}]+)*/u.exec(named.replace(HONORIFIC_LEAD, ""))?.[0];
    if (first) {
      const k = foldKey(first);
      const hits = owners(first);
      if (hits.length === 1) return hits[0];
      if (hits.length > 1) return lastBefore(quoteAt, (n) => hits.includes(n)) ?? hits[0];
      // "ujar Menhub": an abbreviated title that one person carries ("Menteri Perhubungan (Menhub)").
      const carriers = people.filter((p) =>
        p.titles.some((pt) =>
          foldKey(pt)
            .split(/[^\p{L}\p{N}]+/u)
            .includes(k),
        ),
      );
      if (carriers.length === 1) return carriers[0].name;
    }
    // "said Donna Smith": a name the article gives no title; keep it as written.
    // Case-sensitive on purpose: every word capitalized ("Smith agreed", "his aunt" name nobody).
    const raw = /^\s*(\p{Lu}[\p{Ll}\p{M}'’-]+(?:\s+\p{Lu}[\p{Ll}\p{M}'’-]+){0,3})\s*[.,]?\s*$/u.exec(named.replace(HONORIFIC_LEAD, ""));
    if (raw && !t && !raw[1].split(/\s+/).some((w) => NON_NAME_WORDS().has(foldKey(w)) || TITLE_WORDS().has(w.toLowerCase()))) {
      const name = raw[1];
      if (/\s/.test(name) && !keys.has(foldKey(name))) {
        known.push(name);
        keys.set(foldKey(name), name);
        refs = null;
      }
      return keys.get(foldKey(name)) ?? (/\s/.test(name) ? name : (owners(name)[0] ?? name));
    }
    return null;
  };
}

// A courtesy word before a short name ("Ông Tanaka", "Mr Vinh") is not the name.
const HONORIFIC_LEAD = /^\s*(?:ông|bà|ngài|mr\.?|ms\.?|mrs\.?|pak|bapak|ibu|bu)\s+/iu;

/**
 * The people a one-word reference may mean: those whose given name ends their name ("Hiếu", "Thanh",
 * "Moreau"), else those whose name opens with it, the family name of a name written family-first
 * ("Tanaka" for Tanaka Hiroshi, "Park" for Park Jae-won). Middle syllables ("Thị", "Văn") never count.
 */
function shortOwners(names: string[], key: string): string[] {
  const last = names.filter((n) => foldKey(n).split(" ").pop() === key);
  if (last.length) return last;
  return names.filter((n) => {
    const parts = foldKey(n).split(" ");
    return parts.length > 1 && parts[0] === key;
  });
}

/**
 * Where each known person is referred to, in text order: the finder's mentions, and their name or a
 * lone word of it standing by itself ("Moreau said …", "Vinh told …"), so that a pronoun after a quote
 * goes to the person named last. A word inside a longer capitalized run ("Hà Nội") is no reference.
 */
function references(
  norm: string,
  known: string[],
  mentions: PersonMention[],
  fullName: (m: PersonMention) => string | null,
): { start: number; name: string }[] {
  const out: { start: number; name: string }[] = [];
  for (const m of mentions) {
    const n = fullName(m);
    if (n) out.push({ start: m.start, name: n });
  }
  const byWord = new Map<string, string[]>();
  for (const n of known) {
    const parts = n.split(/\s+/);
    for (const w of new Set([parts[0], parts[parts.length - 1]])) {
      if (w.length < 2) continue;
      const hits = shortOwners(known, foldKey(w));
      if (hits.length === 1 && hits[0] === n) byWord.set(w, hits);
    }
  }
  if (byWord.size) {
    const words = wordsOf(norm);
    for (let i = 0; i < words.length; i++) {
      const hit = byWord.get(words[i].text);
      if (!hit) continue;
      const prev = words[i - 1];
      const next = words[i + 1];
      const joined = (a: { end: number } | undefined, b: { start: number } | undefined) =>
        !!a && !!b && /^[\s-]$/.test(norm.slice(a.end, b.start));
      const inRun = (prev && isCap(prev.text) && joined(prev, words[i])) || (next && isCap(next.text) && joined(words[i], next));
      if (!inRun) out.push({ start: words[i].start, name: hit[0] });
    }
  }
  return out.sort((a, b) => a.start - b.start);
}
