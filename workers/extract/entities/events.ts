import { lazy } from "../text/lazy";
import type { Sentence } from "../text/sentences";
import type { ArticleContext, EventMention } from "../types";
import { type DateRange, findDateRanges } from "./date-ranges";
import {
  DEADLINE_BEFORE,
  DEADLINE_SUBJECT,
  EVENT_NOUN,
  HEADS_FIRST,
  HEADS_LAST,
  HEADS_LAST_LOWER,
  HEADS_NEED_NUMBER,
  NAMED_BEFORE,
  OCCURS,
  THEME_WORD,
  VENUE_AFTER,
  VENUE_BEFORE,
  WEAK_EVENT_NOUN,
} from "./event-lexicon";
import { alternation, execAtWordStart, foldKey, normalizeVi, sentencesOf } from "./normalize";

const QUOTED_BEFORE = lazy(() => new RegExp(`(?<![\\p{L}\\p{M}])(?:${EVENT_NOUN})\\s*$`, "iu"));
const WEAK_BEFORE = lazy(() => new RegExp(`(?<![\\p{L}\\p{M}])(?:${WEAK_EVENT_NOUN})\\s*$`, "iu"));
const QUOTED_AFTER = lazy(() => new RegExp(`^\\s*(?:${EVENT_NOUN})(?![\\p{L}\\p{M}])`, "iu"));
const ANY_EVENT_NOUN = lazy(() => new RegExp(`(?<![\\p{L}\\p{M}])(?:${EVENT_NOUN}|${WEAK_EVENT_NOUN})(?![\\p{L}\\p{M}])`, "iu"));
const QUOTED = /[“"«]([^”"»\n]{2,100})[”"»]/gu;
const OPEN_QUOTE = /^[“"«]([^”"»\n]{2,150})[”"»]/u;

// Any case for the whole head: a lower-case head counts only before an ordinal ("tại kỳ họp thứ 20",
// "menggelar sidang ke-20"); a capitalized one opens a name ("Hội nghị Thượng đỉnh").
const HEAD_FIRST_RE = lazy(
  () =>
    new RegExp(
      `(?:${HEADS_FIRST.map((h) => anyCase(normalizeVi(h)))
        .sort((a, b) => b.length - a.length)
        .join("|")})(?![\\p{L}\\p{M}\\p{N}])`,
      "gu",
    ),
);
const ORDINAL_NEXT =
  /^\s+(?:lần\s+thứ|thứ\s+[\p{L}\d]|ke-?\s?\d|ke(?:dua|tiga|empat|lima|enam|tujuh|delapan|sembilan|sepuluh)(?![\p{L}]))/iu;
const HEAD_LAST_RE = lazy(() => new RegExp(`(?:${alternation([...HEADS_LAST, ...HEADS_LAST_LOWER])})(?![\\p{L}\\p{M}\\p{N}])`, "gu"));

// Words and phrases that end the name that follows a head: verbs, prepositions of time and place, clause words.
const STOP_AFTER = (
  "với|được|diễn ra|tổ chức|tại|vào|từ|ngày|là|đã|sẽ|đang|có|thu hút|do|nhằm|khi|sau|trước|cũng|để|như|bao gồm|trong|mà|thì|này|đó|chắc|vừa|đều|" +
  "không|cho|đến|khai mạc|bế mạc|kết thúc|thành công|tham quan|chính thức|mở cửa|đánh dấu|đạt|chứng kiến|ghi nhận|hôm|sáng|chiều|tối|trưa|nay|mới|gồm|về|" +
  "yang|pada|di|dengan|tersebut|ini|itu|akan|telah|sedang|adalah|merupakan|untuk|oleh|dalam|bersama|sebagai|ketika|saat|sejak|hingga|berlangsung|digelar|diadakan|" +
  "diselenggarakan|dibuka|ditutup|tanggal|mulai|dari|sampai|selama|bertajuk|bertema|mang|chủ đề|" +
  // speech: "tại hội nghị rằng “…”" quotes a speaker, not a name
  "rằng|nói|nhấn mạnh|khẳng định|bahwa|kata|ujar|mengatakan"
).split("|");
const STOP_RE = lazy(() => new RegExp(`^(?:${alternation(STOP_AFTER)})(?![\\p{L}\\p{M}\\p{N}])`, "iu"));
// Words that may continue an English name to the left: ordinals and connectors between capitalized words.
const ORDINAL =
  /^(?:\d+(?:st|nd|rd|th)?|first|second|third|fourth|fifth|sixth|seventh|eighth|ninth|tenth|eleventh|twelfth|annual|inaugural)$/i;
// "summit on February 27": a date, not part of the name.
const CALENDAR_WORD = /^(?:Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Oct|Nov|Dec|Mon|Tue|Wed|Thu|Fri|Sat|Sun)/;
// Lower-case words that never belong to an English name's modifiers ("the", "its", "this year's").
const FUNCTION_WORD = /^(?:the|a|an|its|their|his|her|this|that|these|those|of|and|or|to|in|on|at|for|with|by|from|year's|city's)$/i;
// A later sentence that speaks of the same event as "the event" or says when something takes place.
const BACK_REFERENCE =
  /(?:sự kiện|diễn ra|acara|berlangsung|the event|took place|takes place|will take place|was held|will be held|is held|is scheduled|runs)/iu;
const LOWER_THEN_QUOTE = /^((?:\s+[\p{L}\p{M}]+){1,3})\s*[“"«]([^”"»\n]{2,150})[”"»]/u;
const AFTER_QUOTE_ORDINAL = /^\s+(?:lần\s+thứ\s+[\p{L}\d]+|năm\s+\d{4}|ke-\d+|\d{4})(?![\p{L}\p{M}\p{N}])/u;
// Sentence ends inside an abbreviation the splitter does not know: "9 s.d. 10 Desember", "tgl. 9".
const CUT_ABBREVIATION = /(?:^|[\s(])(?:s\.d|s\/d|tgl|tgl\.|No)\.$/iu;

/** "ội nghị" → "[ộỘ][iI] …": the rest of a head in any case, without RegExp modifiers (not in every runtime). */
function anyCase(s: string): string {
  return [...s]
    .map((c) => (c.toLowerCase() === c.toUpperCase() ? c.replace(/[.*+?^${}()|[\]\\]/g, "\\$&") : `[${c.toLowerCase()}${c.toUpperCase()}]`))
    .join("");
}

interface Found {
  name: string;
  /** The event noun, for a later sentence that names the event by it alone ("Hội chợ diễn ra …"). */
  head: string;
  index: number;
  end: number;
  /** Whether the name says more than its head ("Hội nghị" alone is a generic mention). */
  named: boolean;
}

type Event = EventMention & { key: string };

/**
 * Named events with their days: "Hội nghị hợp tác giữa các địa phương Việt Nam - Pháp lần thứ 12"
 * (13–16/4/2023, read from the next sentence "Diễn ra từ ngày 13 đến 16/4/2023, Hội nghị …"),
 * "Hội nghị cấp cao Hoa Kỳ – Triều Tiên lần hai, diễn ra vào ngày 27 và 28/2/2019", 'Hội chợ "Tinh hoa
 * làng nghề" … từ ngày 15 đến 17/11/2024', "Sidang ke-20 … pada 9-10 Desember 2024", "the Hanoi
 * Autumn Festival … from October 16 to 18". A generic mention ("tại hội nghị", "Hội nghị đã …") is not
 * an event, a deadline ("nộp trước ngày 30/10") is not its day; undated events get null days.
 */
export function extractEvents(text: string, ctx: ArticleContext): EventMention[] {
  const norm = normalizeVi(text);
  const src = norm.length === text.length ? text : norm;
  const publishedYear = ctx.published ? Number(ctx.published.slice(0, 4)) : null;
  const years = [...norm.matchAll(/(?<![\p{L}\p{N}/.,-])(?:19|20)\d{2}(?![\p{L}\p{N}])/gu)].map((m) => ({ at: m.index, y: Number(m[0]) }));
  const en = ctx.lang === "en";
  const events: Event[] = [];
  const add = (name: string, start: string | null, end: string | null): Event => {
    const key = foldKey(name);
    // "Kỳ họp thứ 20" and "Kỳ họp thứ 20 HĐND Thành phố": one event, under its longer name.
    const same = events.find((e) => e.key === key || e.key.startsWith(`${key} `) || key.startsWith(`${e.key} `));
    if (same) {
      if (key.length > same.key.length) Object.assign(same, { name, key });
      if (!same.start && start) Object.assign(same, { start, end });
      return same;
    }
    const e = { name, start, end, key };
    events.push(e);
    return e;
  };
  let recent: { event: Event; head: string; sentence: number }[] = [];
  const sentences = joinCutSentences(sentencesOf(norm), norm);
  sentences.forEach((s, si) => {
    const fallback = publishedYear ?? nearestYear(years, s.start);
    let dates: DateRange[] | null = null;
    const datesOf = (): DateRange[] => {
      dates ??= /\d/.test(s.text) ? eventDays(s.text, fallback) : [];
      return dates;
    };
    const found = withoutAliases(withQuoted(en ? namesHeadLast(s.text) : namesHeadFirst(s.text), s.text, en, datesOf), s.text);
    const named = found.filter((f) => f.named);
    // Days matter only next to a named event or one just named: skip the date patterns elsewhere.
    const wantDates = named.length > 0 || recent.some((r) => widens(r.event, null) && si - r.sentence <= 2);
    const days = wantDates ? datesOf() : [];
    const used = new Set<number>();
    for (const f of named) {
      // The nearest date in the sentence, unless a closer event already took it.
      let best = -1;
      let bestDist = Number.POSITIVE_INFINITY;
      days.forEach((d, k) => {
        if (used.has(k)) return;
        const dist = distance(f, d);
        const closer = named.some((o) => o !== f && distance(o, d) < dist);
        if (!closer && dist < bestDist) {
          best = k;
          bestDist = dist;
        }
      });
      if (best >= 0) used.add(best);
      const d = best >= 0 ? days[best] : null;
      const name = src.slice(s.start + f.index, s.start + f.end);
      const e = add(name, d?.start ?? null, d?.end ?? null);
      if (d && e.start && widens(e, d)) Object.assign(e, { start: d.start, end: d.end });
      recent.push({ event: e, head: f.head.toLowerCase(), sentence: si });
    }
    recent = recent.filter((r) => si - r.sentence <= 2);
    if (!named.length && days.length) {
      // "Diễn ra từ ngày 13 đến 16/4/2023, Hội nghị là …", "The festival runs from …": the days of the event just named.
      const folded = foldKey(s.text);
      const target = [...recent]
        .reverse()
        .find((r) => widens(r.event, days[0]) && ((r.head && hasWord(folded, foldKey(r.head))) || BACK_REFERENCE.test(s.text)));
      if (target) {
        target.event.start = days[0].start;
        target.event.end = days[0].end;
      }
    }
  });
  return events.map(({ name, start, end }) => ({ name, start, end }));
}

/** The days of a sentence that can be an event's: with a year, and not a deadline ("nộp trước ngày 30/10"). */
function eventDays(sentence: string, fallbackYear: number | null): DateRange[] {
  return findDateRanges(sentence, fallbackYear).filter((d) => {
    if (!d.start) return false;
    const before = sentence.slice(Math.max(0, d.index - 40), d.index);
    if (DEADLINE_BEFORE.test(before)) return false;
    if (d.start !== d.end) return true;
    // "Registration … closes on October 30", "Hạn chót đăng ký tham gia Hội chợ … là ngày 30/10": a single
    // closing day, unless a verb of taking place stands between ("… đăng ký tham gia, diễn ra ngày 9/12").
    const wider = sentence.slice(Math.max(0, d.index - 70), d.index);
    const subject = [...wider.matchAll(new RegExp(DEADLINE_SUBJECT.source, "giu"))].at(-1);
    return !subject || OCCURS.test(wider.slice(subject.index + subject[0].length));
  });
}

/** Glues back sentences cut inside "s.d." or "tgl." ("9 s.d. 10 Desember 2024"). */
function joinCutSentences(sentences: Sentence[], text: string): Sentence[] {
  if (!sentences.some((s) => CUT_ABBREVIATION.test(s.text))) return sentences;
  const out: Sentence[] = [];
  for (const s of sentences) {
    const last = out.at(-1);
    if (last && CUT_ABBREVIATION.test(last.text) && text.slice(last.start + last.text.length, s.start).indexOf("\n") < 0) {
      out[out.length - 1] = { start: last.start, text: text.slice(last.start, s.start + s.text.length) };
    } else out.push(s);
  }
  return out;
}

/** Whether `word` stands in `text` as a whole word (both folded). */
function hasWord(text: string, word: string): boolean {
  let at = text.indexOf(word);
  while (at >= 0) {
    const before = text[at - 1];
    const after = text[at + word.length];
    if ((!before || !/[\p{L}\p{N}]/u.test(before)) && (!after || !/[\p{L}\p{N}]/u.test(after))) return true;
    at = text.indexOf(word, at + 1);
  }
  return false;
}

/**
 * Adds quoted names that an event noun stands next to: 'the "Paris – Hanoi Days" festival', 'lễ hội
 * “Hà Nội – Paris”', 'pameran bertajuk "Hanoi Kota Kreatif"', 'an exhibition titled "…"'. The name is the
 * quoted words; in English the noun may only follow them (or name them: "titled"). A noun as loose as
 * "sự kiện" or "chương trình" makes an event only in a sentence that gives its day.
 */
function withQuoted(found: Found[], sentence: string, en: boolean, datesOf: () => DateRange[]): Found[] {
  if (!/[“"«]/.test(sentence)) return found;
  const out = [...found];
  QUOTED.lastIndex = 0;
  for (const m of sentence.matchAll(QUOTED)) {
    const inner = m[1].trim();
    const index = m.index + m[0].indexOf(inner);
    const end = index + inner.length;
    if (!/^[\p{Lu}\d]/u.test(inner) || /[.!?]$/.test(inner) || inner.split(/\s+/).length > 12) continue;
    if (out.some((f) => f.index <= index && end <= f.end)) continue;
    const closeAt = m.index + m[0].length;
    const before = sentence.slice(Math.max(0, m.index - 24), m.index);
    const after = QUOTED_AFTER().exec(sentence.slice(closeAt, closeAt + 24));
    let head = after?.[0].trim() ?? "";
    // English puts the noun after the name; 'the exhibition "Hanoi – Memories"' (often in translations) only for a title.
    if (!head && (!en || titleCase(inner))) head = QUOTED_BEFORE().exec(before)?.[0].trim() ?? "";
    if (!head && NAMED_BEFORE.test(before)) {
      const near = sentence.slice(Math.max(0, m.index - 60), m.index);
      head = [...near.matchAll(new RegExp(ANY_EVENT_NOUN().source, "giu"))].at(-1)?.[0] ?? "";
    }
    if (!head && WEAK_BEFORE().test(before) && OCCURS.test(sentence) && datesOf().length > 0)
      head = WEAK_BEFORE().exec(before)?.[0].trim() ?? "";
    if (!head || THEME_WORD.test(before.slice(-16))) continue;
    if (out.some((f) => f.index < closeAt && m.index < f.end)) continue;
    out.push({ name: inner, head, index, end, named: true });
  }
  return out.sort((a, b) => a.index - b.index);
}

/** Most words capitalized: "Hanoi – City of Peace", not "we will open the city". */
function titleCase(s: string): boolean {
  const words = s.match(/[\p{L}\p{M}]+/gu) ?? [];
  return words.length > 0 && words.filter((w) => /^\p{Lu}/u.test(w)).length * 2 >= words.length;
}

/** "Hội chợ … lần thứ 34 (Vietnam Expo 2025)": a name in brackets right after another is its alias, not a second event. */
function withoutAliases(found: Found[], sentence: string): Found[] {
  if (found.length < 2) return found;
  return found.filter(
    (f) =>
      !found.some(
        (o) => o !== f && o.named && o.end <= f.index && f.index - o.end < 40 && /^\s*\(\s*[^()]*$/u.test(sentence.slice(o.end, f.index)),
      ),
  );
}

/**
 * Whether a later span of days may stand for an event's days: it has none yet, or only one day (the
 * opening, "Sáng 9/4/2025, … khai mạc Hội chợ …") that the span holds ("diễn ra từ ngày 9 đến 12/4/2025").
 */
function widens(e: EventMention, d: { start: string | null; end: string | null } | null): boolean {
  if (!e.start) return true;
  if (e.start !== e.end) return false;
  if (!d) return true;
  return !!d.start && !!d.end && d.start !== d.end && d.start <= e.start && e.start <= d.end;
}

function distance(f: { index: number; end: number }, d: { index: number; length: number }): number {
  if (d.index >= f.end) return d.index - f.end;
  if (d.index + d.length <= f.index) return f.index - d.index - d.length;
  return 0;
}

function nearestYear(years: { at: number; y: number }[], at: number): number | null {
  let best: number | null = null;
  for (const y of years) {
    if (y.at <= at) best = y.y;
    else if (best === null) return y.y;
    else break;
  }
  return best;
}

/**
 * "Hội nghị hợp tác … lần thứ 12 với chủ đề …" → up to the last word that makes it specific; after the
 * ordinal or the year only a body's name follows ("Kỳ họp thứ 20 HĐND Thành phố khóa XVI"); a quoted
 * name closes it ("Lễ hội Áo dài “Hà Nội – Duyên dáng”").
 */
function namesHeadFirst(sentence: string): Found[] {
  const out: Found[] = [];
  const headRe = HEAD_FIRST_RE();
  headRe.lastIndex = 0;
  for (let m = execAtWordStart(headRe, sentence); m; m = execAtWordStart(headRe, sentence)) {
    const headEnd = m.index + m[0].length;
    const rest = sentence.slice(headEnd);
    const lower = !/^\p{Lu}/u.test(m[0]);
    // "Trung tâm Hội chợ Triển lãm Việt Nam", "Cung Triển lãm": a venue, not an event.
    if (VENUE_BEFORE.test(sentence.slice(Math.max(0, m.index - 40), m.index)) || (lower && !ORDINAL_NEXT.test(rest))) {
      // "tổ chức hội chợ thương mại “…”", "festival budaya "…"": a lower-case head names the quoted words after it.
      const q = lower ? LOWER_THEN_QUOTE.exec(rest) : null;
      if (q && !q[1].split(/\s+/).some((w) => w && STOP_RE().test(w)) && !THEME_WORD.test(q[1]) && /^[\p{Lu}\d]/u.test(q[2].trim())) {
        const index = headEnd + q[0].indexOf(q[2]);
        out.push({ name: q[2], head: m[0], index, end: index + q[2].length, named: true });
        headRe.lastIndex = index + q[2].length;
      } else headRe.lastIndex = headEnd;
      continue;
    }
    let end = headEnd;
    const quoted = /^\s*[“"«]([^”"»]{2,150})[”"»]/u.exec(rest);
    if (quoted) {
      // 'Hội chợ “Tinh hoa làng nghề” lần thứ 5': the ordinal or the year after the quotes belongs to the name.
      end = headEnd + quoted[0].length + (AFTER_QUOTE_ORDINAL.exec(rest.slice(quoted[0].length))?.[0].length ?? 0);
    } else {
      const segment = /^[^,.;:!?()“”"«»\n]*/u.exec(rest)?.[0] ?? "";
      let lastEnd = 0;
      let specific = false;
      let prevWord = "";
      let stopped = false;
      let closed = false;
      let lowerRun = 0;
      let count = 0;
      for (const w of segment.matchAll(/[\p{L}\p{M}\p{N}]+(?:[-–/][\p{L}\p{M}\p{N}]+)*/gu)) {
        const word = w[0];
        // A capitalized word belongs to a name even when it spells a stop word ("Komite Bersama").
        if ((!/^\p{Lu}/u.test(word) && STOP_RE().test(segment.slice(w.index))) || w.index > 140) {
          stopped = true;
          break;
        }
        count++;
        const strong = /^\p{Lu}/u.test(word) || /\d/.test(word);
        if (closed) {
          // After "lần thứ 12" or "năm 2025" only a body's name goes on: "HĐND Thành phố khóa XVI".
          if (strong) {
            lastEnd = w.index + word.length;
            lowerRun = 0;
          } else if (++lowerRun > 2) {
            stopped = true;
            break;
          }
          continue;
        }
        const afterOrdinal = /^(?:lần|thứ|khóa|ke|năm|tahun)$/i.test(prevWord);
        if (strong || afterOrdinal) specific = true;
        lastEnd = w.index + word.length;
        // "… lần thứ 12", "… năm 2023", "… ke-12": the ordinal or the year closes the name.
        if ((afterOrdinal && !/^thứ$/i.test(word)) || /^ke-\d+$/i.test(word)) closed = true;
        prevWord = word;
      }
      // "Ngày hội văn hóa “…”", "Hội chợ Xuân “Hà Nội 2025”": a quoted name right after the words ends it.
      const tail = OPEN_QUOTE.exec(rest.slice(segment.length));
      if (!stopped && !closed && tail && count <= 6 && /^[\p{Lu}\d]/u.test(tail[1]) && !THEME_WORD.test(segment)) {
        end = headEnd + segment.length + tail[0].length;
        specific = true;
      } else end = headEnd + (specific ? lastEnd : 0);
    }
    const head = m[0];
    out.push({ name: sentence.slice(m.index, end), head, index: m.index, end, named: end > headEnd });
    headRe.lastIndex = Math.max(headEnd, end);
  }
  return out;
}

/**
 * "the second US-North Korea summit", "the 12th Vietnam-France Decentralised Cooperation Conference on …",
 * "the 20th session of the Hanoi People's Council", "the Hanoi tourism gift contest".
 */
function namesHeadLast(sentence: string): Found[] {
  const out: Found[] = [];
  const headRe = HEAD_LAST_RE();
  headRe.lastIndex = 0;
  for (let m = execAtWordStart(headRe, sentence); m; m = execAtWordStart(headRe, sentence)) {
    const lowerHead = !/^\p{Lu}/u.test(m[0]);
    const words = [...sentence.slice(0, m.index).matchAll(/[\p{L}\p{M}\p{N}]+(?:['’.-][\p{L}\p{M}\p{N}]+)*/gu)];
    let start = m.index;
    let specific = false;
    let numbered = false;
    for (let k = words.length - 1; k >= 0; k--) {
      const w = words[k];
      const gap = sentence.slice(w.index + w[0].length, start);
      if (!/^\s*(?:[-–]\s*)?$/.test(gap)) break;
      const cap = /^\p{Lu}/u.test(w[0]);
      const connector = /^(?:of|and|for|on)$/.test(w[0]) && k > 0 && /^\p{Lu}/u.test(words[k - 1][0]);
      if (/^(?:The|A|An)$/.test(w[0])) break;
      if (!cap && !ORDINAL.test(w[0]) && !connector) {
        // "the Hanoi tourism gift contest": up to two plain words between a capitalized one and a lower-case head.
        const run = lowerHead && start === m.index ? lowerModifiers(sentence, words, k) : 0;
        if (!run) break;
        start = words[k - run + 1].index ?? start;
        k -= run - 1;
        continue;
      }
      if (cap || /\d/.test(w[0])) specific = true;
      if (ORDINAL.test(w[0]) || /\d/.test(w[0])) numbered = true;
      start = w.index;
    }
    let end = m.index + m[0].length;
    if (VENUE_AFTER.test(sentence.slice(end, end + 40))) continue;
    // "Trade Fair 2025": the year closes the name.
    const year = /^\s+(?:19|20)\d{2}(?![\p{L}\p{N}])/u.exec(sentence.slice(end))?.[0].length ?? 0;
    end += year;
    if (year) numbered = true;
    const right =
      /^\s+(?:on|of|for)\s+(?:the\s+)?((?:\p{Lu}[\p{L}\p{M}'’-]*|and|of|the)(?:\s+(?:\p{Lu}[\p{L}\p{M}'’-]*|and|of|the))*)/u.exec(
        sentence.slice(end),
      );
    // "the 20th session of the Hanoi People's Council": the body after "of" belongs to the name.
    if (right && /^\p{Lu}/u.test(right[1]) && !CALENDAR_WORD.test(right[1]) && (specific || !lowerHead)) {
      end += right[0].replace(/(?:\s+(?:and|of|the))+$/u, "").length;
      specific = true;
    }
    // A lower-case head needs its own modifier; "Congress", "Fair" alone name institutions ("US Congress").
    if (!specific || (lowerHead && !leftQualifies(sentence, start, m.index)) || (HEADS_NEED_NUMBER.has(m[0]) && !numbered)) continue;
    out.push({ name: sentence.slice(start, end), head: m[0], index: start, end, named: true });
  }
  return out;
}

// Capitalized words that do not make a lower-case head specific: months, days, sentence openers.
const NOT_A_MODIFIER =
  /^(?:January|February|March|April|May|June|July|August|September|October|November|December|Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday|I|In|On|At|This|That|Last|Next|Earlier|Later|One|Its|Their|His|Her|Our|Every|Each|Another|Any|No)$/;

/**
 * Whether the words before a lower-case head make it one event: an ordinal ("20th session") or a
 * capitalized word that is neither a date, a possessive ("Assange's meeting") nor the sentence's first.
 */
function leftQualifies(sentence: string, start: number, headAt: number): boolean {
  const first = sentence.search(/[\p{L}\p{N}]/u);
  for (const w of sentence.slice(start, headAt).matchAll(/[\p{L}\p{M}\p{N}]+(?:['’.-][\p{L}\p{M}\p{N}]+)*/gu)) {
    if (/^(?:\d+(?:st|nd|rd|th)|first|second|third|fourth|fifth|sixth|seventh|eighth|ninth|tenth|eleventh|twelfth)$/i.test(w[0]))
      return true;
    if (/^\p{Lu}/u.test(w[0]) && !NOT_A_MODIFIER.test(w[0]) && !/['’]s$/.test(w[0]) && start + w.index !== first) return true;
  }
  return false;
}

/** How many lower-case words (1–2) before index k+1 sit between a capitalized word and the head, or 0. */
function lowerModifiers(sentence: string, words: RegExpMatchArray[], k: number): number {
  for (let run = 1; run <= 2 && k - run >= 0; run++) {
    const w = words[k - run + 1][0];
    if (FUNCTION_WORD.test(w) || /^\p{Lu}/u.test(w) || /[.'’]/.test(w)) return 0;
    const prev = words[k - run];
    if (!/^\s+$/.test(sentence.slice((prev.index ?? 0) + prev[0].length, words[k - run + 1].index))) return 0;
    if (/^\p{Lu}/u.test(prev[0]) && !/^(?:The|A|An)$/.test(prev[0])) return run;
  }
  return 0;
}
