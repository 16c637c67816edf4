import type { ArticleContext, Person, Quote } from "../types";
import { NON_NAME_WORDS } from "./name-lexicon";
import { foldKey, normalizeVi, sentencesOf } from "./normalize";
import { findPersonMentions, type PersonMention } from "./people";
import { SPEECH_RE } from "./speech-verbs";
import { HONORIFICS, PRONOUN_SPEAKERS, TITLE_RE, TITLE_WORDS } from "./title-lexicon";

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
const AFTER_GAP = /^\s*[,.…]?\s*/u;
// Opening words that name the source: "Theo Giám đốc Ngô Minh Hoàng, …", "Menurut …", "According to …".
const SOURCE_CUE = /(?:^|[\s,])(?:theo|menurut|according to)\s+([^,;:]{2,120}?),/giu;
// A verb of speaking right before the quotation: "bà X bày tỏ: “…", "X said: "…", "kata X, "…".
const VERB_BEFORE = new RegExp(`(${SPEECH_RE.source})(?:\\s+(?:rằng|that|bahwa))?\\s*[:,]?\\s*$`, "iu");
const SPEECH_AT_START = new RegExp(`^(${SPEECH_RE.source})`, "iu");
const SPEECH_ANY = new RegExp(SPEECH_RE.source, "giu");
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
  const resolver = makeResolver(people, mentions);
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
  const head = SPEECH_AT_START.exec(sentence);
  if (head) {
    // "…," ujar Wakil Direktur Le Trung Hieu. / "…," said Mr Hieu.
    const phrase = sentence.slice(head[0].length).replace(/[.!?]$/, "");
    return { speaker: resolve(phrase, from + head[0].length, q.open), end };
  }
  SPEECH_ANY.lastIndex = 0;
  const verb = SPEECH_ANY.exec(sentence);
  if (!verb) return null;
  const phrase = sentence.slice(0, verb.index);
  const words = phrase.split(/\s+/).filter(Boolean).length;
  if (words === 0 || words > 14 || /[,;:]/.test(phrase.trim().slice(0, -1))) return null;
  // The words before the verb name someone: a capital, a courtesy word, a pronoun or a title ("the minister said").
  const firstWord = /^[\p{L}\p{M}]+/u.exec(phrase.trim())?.[0] ?? "";
  TITLE_RE.lastIndex = 0;
  const titled = TITLE_RE.exec(phrase);
  if (!/^\p{Lu}/u.test(firstWord) && !HONORIFICS.has(firstWord) && !PRONOUN_SPEAKERS.has(firstWord) && !(titled && titled.index < 12))
    return null;
  return { speaker: resolve(phrase, from, q.open), end };
}

function attributeBefore(norm: string, q: QuoteSpan, sentences: { start: number }[], resolve: Resolver): Attribution | null {
  let start = 0;
  for (const s of sentences) if (s.start <= q.open) start = s.start;
  const pre = norm.slice(start, q.open);
  const verb = VERB_BEFORE.exec(pre);
  if (verb) {
    const before = pre.slice(0, verb.index);
    const clause = before.lastIndexOf(",") + 1;
    return { speaker: resolve(before.slice(clause), start + clause, q.open), end: q.close };
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
 * ("ông Hiếu"), a title alone ("Giám đốc Sở Ngoại vụ Hà Nội" → who holds it) or a pronoun ("ông").
 */
function makeResolver(people: Person[], mentions: PersonMention[]): Resolver {
  const byKey = new Map(people.map((p) => [foldKey(p.name), p]));
  const fullName = (m: PersonMention): string | null => {
    const key = foldKey(m.name);
    if (!m.short) return byKey.get(key)?.name ?? null;
    const hits = people.filter((p) => foldKey(p.name).split(" ").pop() === key);
    return hits.length === 1 ? hits[0].name : null;
  };
  const lastBefore = (at: number, ok: (name: string) => boolean): string | null => {
    let best: string | null = null;
    for (const m of mentions) {
      if (m.start >= at) break;
      const n = fullName(m);
      if (n && ok(n)) best = n;
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
    for (const p of people) if (folded.includes(foldKey(p.name))) return p.name;
    // "ujar Direktur X saat acara …": the words after a time or place word no longer name the speaker.
    const cutAt =
      /\s(?:saat|dalam|pada|di|ketika|kepada|usai|seusai|setelah|dikutip|when|at|on|during|in|while|tại|khi|trong|sau|trước|bên)\s/iu.exec(
        phrase,
      );
    const named = cutAt ? phrase.slice(0, cutAt.index) : phrase;
    TITLE_RE.lastIndex = 0;
    const t = TITLE_RE.exec(named);
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
    // "kata Limbong", "ông Hiếu nói": one word of a known name, the latest such person before the quote.
    const first = /(?<![\p{L}\p{M}])\p{Lu}[\p{Ll}\p{M}]+/u.exec(named)?.[0];
    if (first) {
      const k = foldKey(first);
      const owners = new Set(people.filter((p) => foldKey(p.name).split(" ").includes(k)).map((p) => p.name));
      if (owners.size === 1) return [...owners][0];
      if (owners.size > 1) return lastBefore(quoteAt, (n) => owners.has(n)) ?? [...owners][0];
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
    const raw =
      /^\s*(?:(?:ông|bà|mr\.?|ms\.?|mrs\.?|pak|bapak|ibu|bu)\s+)?(\p{Lu}[\p{Ll}\p{M}'’-]+(?:\s+\p{Lu}[\p{Ll}\p{M}'’-]+){0,3})\s*[.,]?\s*$/iu.exec(
        named,
      );
    if (raw && !t && !raw[1].split(/\s+/).some((w) => NON_NAME_WORDS.has(foldKey(w)) || TITLE_WORDS.has(w.toLowerCase()))) return raw[1];
    return null;
  };
}
