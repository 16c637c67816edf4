import type { ArticleContext, EventMention } from "../types";
import { findDateRanges } from "./date-ranges";
import { alternation, foldKey, normalizeVi, sentencesOf } from "./normalize";

/** Head nouns that open an event's name in Vietnamese and Indonesian ("Hội nghị …", "Konferensi …"). */
const HEADS_FIRST = [
  "Hội nghị thượng đỉnh",
  "Hội nghị cấp cao",
  "Hội nghị",
  "Hội thảo",
  "Diễn đàn",
  "Lễ hội",
  "Triển lãm",
  "Hội chợ",
  "Liên hoan",
  "Tọa đàm",
  "Đại hội",
  "Kỳ họp",
  "Tuần lễ",
  "Ngày hội",
  "Hội sách",
  "Lễ kỷ niệm",
  "Cuộc thi",
  "Festival",
  "Expo",
  "Konferensi Tingkat Tinggi",
  "KTT",
  "Konferensi",
  "Pertemuan Puncak",
  "Pertemuan Tingkat Tinggi",
  "Forum",
  "Pameran",
  "Pekan Raya",
  "Pekan",
  "Seminar",
  "Lokakarya",
  "Simposium",
  "Kongres",
  "Dialog",
];
/** Nouns that close an event's name in English ("the 12th … Conference", "US-North Korea summit"). */
const HEADS_LAST = [
  "Summit",
  "summit",
  "Conference",
  "Forum",
  "Festival",
  "Fair",
  "Expo",
  "Exhibition",
  "Seminar",
  "Workshop",
  "Symposium",
  "Congress",
  "Dialogue",
  "Games",
  "Week",
  "Meeting",
  "Talks",
  "Days",
];
// Event nouns in lower case: after a quoted name they make it an event's name ('the "Paris – Hanoi Days"
// festival', 'lễ hội “Hà Nội – Paris”', 'festival "Jakarta Fair"').
const EVENT_NOUN =
  "festival|fair|expo|exhibition|conference|forum|summit|seminar|workshop|symposium|week|days|games|contest|competition|" +
  "lễ hội|hội chợ|triển lãm|hội nghị|hội thảo|diễn đàn|tuần lễ|ngày hội|liên hoan|cuộc thi|pameran|konferensi|pekan|lomba";
const QUOTED_BEFORE = new RegExp(`(?<![\\p{L}\\p{M}])(?:${EVENT_NOUN})\\s*$`, "iu");
const QUOTED_AFTER = new RegExp(`^\\s*(?:${EVENT_NOUN})(?![\\p{L}\\p{M}])`, "iu");
const QUOTED = /[“"«]([^”"»\n]{2,100})[”"»]/gu;
// "the Exhibition Center", "Conference Hall": the head names a building, not an event.
const VENUE_AFTER = /^\s+(?:Cent(?:er|re)|Hall|Palace|Building|Complex|Grounds?|Arena|Stadium|Venue|Hotel|Room)(?![\p{L}])/u;

// First letter capitalized (a named event), the rest of the head in any case ("Hội nghị Thượng đỉnh").
const HEAD_FIRST_RE = new RegExp(
  `(?<![\\p{L}\\p{M}\\p{N}])(?:${HEADS_FIRST.map((h) => h[0] + anyCase(normalizeVi(h.slice(1))))
    .sort((a, b) => b.length - a.length)
    .join("|")})(?![\\p{L}\\p{M}\\p{N}])`,
  "gu",
);
const HEAD_LAST_RE = new RegExp(`(?<![\\p{L}\\p{M}\\p{N}])(?:${alternation(HEADS_LAST)})(?![\\p{L}\\p{M}\\p{N}])`, "gu");

// Words and phrases that end the name that follows a head: verbs, prepositions of time and place, clause words.
const STOP_AFTER = (
  "với|được|diễn ra|tổ chức|tại|vào|từ|ngày|là|đã|sẽ|đang|có|thu hút|do|nhằm|khi|sau|trước|cũng|để|như|bao gồm|trong|mà|thì|này|đó|chắc|vừa|đều|" +
  "không|cho|đến|khai mạc|bế mạc|kết thúc|thành công|tham quan|chính thức|mở cửa|đánh dấu|đạt|chứng kiến|ghi nhận|hôm|sáng|chiều|tối|trưa|nay|mới|gồm|về|" +
  "yang|pada|di|dengan|tersebut|ini|itu|akan|telah|sedang|adalah|merupakan|untuk|oleh|dalam|bersama|sebagai|ketika|saat|sejak|hingga|berlangsung|digelar|diadakan"
).split("|");
const STOP_RE = new RegExp(`^(?:${alternation(STOP_AFTER)})(?![\\p{L}\\p{M}\\p{N}])`, "iu");
// Words that may continue an English name to the left: ordinals and connectors between capitalized words.
const ORDINAL =
  /^(?:\d+(?:st|nd|rd|th)?|first|second|third|fourth|fifth|sixth|seventh|eighth|ninth|tenth|eleventh|twelfth|annual|inaugural)$/i;
const VENUE_BEFORE = /(?:[Tt]rung tâm|Cung|Nhà|Khu|Sân|Gedung|Balai|Pusat)(?:\s+[\p{L}\p{M}]+){0,3}\s+$/u;
// "summit on February 27": a date, not part of the name.
const CALENDAR_WORD = /^(?:Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Oct|Nov|Dec|Mon|Tue|Wed|Thu|Fri|Sat|Sun)/;
// A later sentence that speaks of the same event by its head alone or as "the event".
const BACK_REFERENCE =
  /(?:sự kiện|diễn ra|acara|berlangsung|the event|took place|takes place|will take place|was held|will be held|is held)/iu;

/** "ội nghị" → "[ộỘ][iI] …": the rest of a head in any case, without RegExp modifiers (not in every runtime). */
function anyCase(s: string): string {
  return [...s]
    .map((c) => (c.toLowerCase() === c.toUpperCase() ? c.replace(/[.*+?^${}()|[\]\\]/g, "\\$&") : `[${c.toLowerCase()}${c.toUpperCase()}]`))
    .join("");
}

interface Found {
  name: string;
  head: string;
  index: number;
  end: number;
}

/**
 * Named events with their days: "Hội nghị hợp tác giữa các địa phương Việt Nam - Pháp lần thứ 12"
 * (13–16/4/2023, read from the next sentence "Diễn ra từ ngày 13 đến 16/4/2023, Hội nghị …"),
 * "Hội nghị cấp cao Hoa Kỳ – Triều Tiên lần hai, diễn ra vào ngày 27 và 28/2/2019". A generic
 * mention ("tại hội nghị", "Hội nghị đã …") is not an event; undated events get null days.
 */
export function extractEvents(text: string, ctx: ArticleContext): EventMention[] {
  const norm = normalizeVi(text);
  const src = norm.length === text.length ? text : norm;
  const publishedYear = ctx.published ? Number(ctx.published.slice(0, 4)) : null;
  const years = [...norm.matchAll(/(?<![\p{L}\p{N}/.,-])(?:19|20)\d{2}(?![\p{L}\p{N}])/gu)].map((m) => ({ at: m.index, y: Number(m[0]) }));
  const events: (EventMention & { key: string })[] = [];
  const add = (name: string, start: string | null, end: string | null): EventMention & { key: string } => {
    const key = foldKey(name);
    const same = events.find((e) => e.key === key);
    if (same) {
      if (!same.start && start) Object.assign(same, { start, end });
      return same;
    }
    const e = { name, start, end, key };
    events.push(e);
    return e;
  };
  let recent: { event: EventMention; head: string; sentence: number }[] = [];
  const sentences = sentencesOf(norm);
  sentences.forEach((s, si) => {
    const fallback = publishedYear ?? nearestYear(years, s.start);
    const found = withoutAliases(
      withQuoted(ctx.lang === "en" ? namesHeadLast(s.text) : namesHeadFirst(s.text), s.text, ctx.lang === "en"),
      s.text,
    );
    const named = found.filter((f) => f.name.length > f.head.length);
    // Days matter only next to a named event or one just named: skip the date patterns elsewhere.
    const wantDates = /\d/.test(s.text) && (named.length > 0 || recent.some((r) => widens(r.event, null) && si - r.sentence <= 2));
    const dates = wantDates ? findDateRanges(s.text, fallback).filter((d) => d.start) : [];
    const used = new Set<number>();
    for (const f of named) {
      // The nearest date in the sentence, unless a closer event already took it.
      let best = -1;
      let bestDist = Number.POSITIVE_INFINITY;
      dates.forEach((d, k) => {
        if (used.has(k)) return;
        const dist = d.index >= f.end ? d.index - f.end : d.index + d.length <= f.index ? f.index - d.index - d.length : 0;
        const closer = named.some((o) => o !== f && distance(o, d) < dist);
        if (!closer && dist < bestDist) {
          best = k;
          bestDist = dist;
        }
      });
      if (best >= 0) used.add(best);
      const d = best >= 0 ? dates[best] : null;
      const name = src.slice(s.start + f.index, s.start + f.end);
      const e = add(name, d?.start ?? null, d?.end ?? null);
      recent.push({ event: e, head: f.head.toLowerCase(), sentence: si });
    }
    recent = recent.filter((r) => si - r.sentence <= 2);
    if (!named.length && dates.length) {
      // "Diễn ra từ ngày 13 đến 16/4/2023, Hội nghị là …": the dates of the event just named.
      const heads = new Set(found.map((f) => f.head.toLowerCase()));
      const target = [...recent].reverse().find((r) => widens(r.event, dates[0]) && (heads.has(r.head) || BACK_REFERENCE.test(s.text)));
      if (target) {
        target.event.start = dates[0].start;
        target.event.end = dates[0].end;
      }
    }
  });
  return events.map(({ name, start, end }) => ({ name, start, end }));
}

/**
 * Adds quoted names that an event noun stands next to: 'the "Paris – Hanoi Days" festival', 'lễ hội
 * “Hà Nội – Paris”'. The name is the quoted words; in English the noun may only follow them.
 */
function withQuoted(found: Found[], sentence: string, en: boolean): Found[] {
  if (!/[“"«]/.test(sentence)) return found;
  const out = [...found];
  QUOTED.lastIndex = 0;
  for (const m of sentence.matchAll(QUOTED)) {
    const inner = m[1].trim();
    const index = m.index + m[0].indexOf(inner);
    const end = index + inner.length;
    if (!/^[\p{Lu}\d]/u.test(inner) || /[.!?]$/.test(inner) || inner.split(/\s+/).length > 12) continue;
    const closeAt = m.index + m[0].length;
    if (
      !QUOTED_AFTER.test(sentence.slice(closeAt, closeAt + 20)) &&
      (en || !QUOTED_BEFORE.test(sentence.slice(Math.max(0, m.index - 20), m.index)))
    )
      continue;
    if (out.some((f) => f.index < closeAt && m.index < f.end)) continue;
    out.push({ name: inner, head: "", index, end });
  }
  return out.sort((a, b) => a.index - b.index);
}

/** "Hội chợ … lần thứ 34 (Vietnam Expo 2025)": a name in brackets right after another is its alias, not a second event. */
function withoutAliases(found: Found[], sentence: string): Found[] {
  if (found.length < 2) return found;
  return found.filter(
    (f) =>
      !found.some((o) => o !== f && o.end <= f.index && f.index - o.end < 40 && /^\s*\(\s*[^()]*$/u.test(sentence.slice(o.end, f.index))),
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

function distance(f: Found, d: { index: number; length: number }): number {
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

/** "Hội nghị hợp tác … lần thứ 12 với chủ đề …" → up to the last word that makes it specific. */
function namesHeadFirst(sentence: string): Found[] {
  const out: Found[] = [];
  HEAD_FIRST_RE.lastIndex = 0;
  for (let m = HEAD_FIRST_RE.exec(sentence); m; m = HEAD_FIRST_RE.exec(sentence)) {
    const headEnd = m.index + m[0].length;
    // "Trung tâm Hội chợ Triển lãm Việt Nam", "Cung Triển lãm": a venue, not an event.
    if (VENUE_BEFORE.test(sentence.slice(Math.max(0, m.index - 40), m.index))) {
      HEAD_FIRST_RE.lastIndex = headEnd;
      continue;
    }
    let end = headEnd;
    const rest = sentence.slice(headEnd);
    const quoted = /^\s*[“"«]([^”"»]{2,150})[”"»]/u.exec(rest);
    if (quoted) {
      end = headEnd + quoted[0].length;
    } else {
      const segment = /^[^,.;:!?()“”"«»\n]*/u.exec(rest)?.[0] ?? "";
      let lastEnd = 0;
      let specific = false;
      let prevWord = "";
      for (const w of segment.matchAll(/[\p{L}\p{M}\p{N}]+(?:[-–/][\p{L}\p{M}\p{N}]+)*/gu)) {
        const word = w[0];
        if (STOP_RE.test(segment.slice(w.index)) || w.index > 140) break;
        const afterOrdinal = /^(?:lần|thứ|khóa|ke|năm|tahun)$/i.test(prevWord);
        if (/^\p{Lu}/u.test(word) || /\d/.test(word) || afterOrdinal) specific = true;
        lastEnd = w.index + word.length;
        // "… lần thứ 12", "… năm 2023", "… ke-12": the ordinal or the year closes the name.
        if ((afterOrdinal && !/^thứ$/i.test(word)) || /^ke-\d+$/i.test(word)) break;
        prevWord = word;
      }
      const significantEnd = specific ? lastEnd : 0;
      end = headEnd + significantEnd;
    }
    out.push({ name: sentence.slice(m.index, end), head: m[0], index: m.index, end });
    HEAD_FIRST_RE.lastIndex = Math.max(headEnd, end);
  }
  return out;
}

/** "the second US-North Korea summit", "the 12th Vietnam-France Decentralised Cooperation Conference on …". */
function namesHeadLast(sentence: string): Found[] {
  const out: Found[] = [];
  HEAD_LAST_RE.lastIndex = 0;
  for (let m = HEAD_LAST_RE.exec(sentence); m; m = HEAD_LAST_RE.exec(sentence)) {
    const words = [...sentence.slice(0, m.index).matchAll(/[\p{L}\p{M}\p{N}]+(?:['’.-][\p{L}\p{M}\p{N}]+)*/gu)];
    let start = m.index;
    let specific = false;
    for (let k = words.length - 1; k >= 0; k--) {
      const w = words[k];
      const gap = sentence.slice(w.index + w[0].length, start);
      if (!/^\s*(?:[-–]\s*)?$/.test(gap)) break;
      const cap = /^\p{Lu}/u.test(w[0]);
      const connector = /^(?:of|and|for|on)$/.test(w[0]) && k > 0 && /^\p{Lu}/u.test(words[k - 1][0]);
      if ((!cap && !ORDINAL.test(w[0]) && !connector) || /^(?:The|A|An)$/.test(w[0])) break;
      if (cap || /\d/.test(w[0])) specific = true;
      start = w.index;
    }
    let end = m.index + m[0].length;
    if (VENUE_AFTER.test(sentence.slice(end, end + 12))) continue;
    // "Trade Fair 2025": the year closes the name.
    end += /^\s+(?:19|20)\d{2}(?![\p{L}\p{N}])/u.exec(sentence.slice(end))?.[0].length ?? 0;
    const right = /^\s+(?:on|of|for)\s+((?:\p{Lu}[\p{L}\p{M}'’-]*|and|of|the)(?:\s+(?:\p{Lu}[\p{L}\p{M}'’-]*|and|of|the))*)/u.exec(
      sentence.slice(end),
    );
    if (right && /^\p{Lu}/u.test(right[1]) && !CALENDAR_WORD.test(right[1])) {
      end += right[0].replace(/(?:\s+(?:and|of|the))+$/u, "").length;
      specific = true;
    }
    if (!specific) continue;
    out.push({ name: sentence.slice(start, end), head: m[0], index: start, end });
  }
  return out;
}
