import { foldKeepingPositions } from "../text/fold";
import { lazy } from "../text/lazy";
import type { Unit } from "../types";
import catalog from "./metrics.json";
import type { Quantity } from "./quantities";

/** A metric of the catalog (metrics.json). */
export interface MetricDef {
  id: string;
  unit: Unit;
  en: string;
  vi: string;
  id_label: string;
  /** The metric this one is about (a ratio or share of it). */
  about?: string;
  growth_of?: string;
  /** For growth_of: words that name the base only before a growth verb ("khách quốc tế … tăng 33,4%"). */
  growth_topics?: Record<string, string[]>;
  rank_of?: string;
  geo?: string;
  cues: Record<string, string[]>;
}

interface Catalog {
  growth_verbs: Record<string, string[]>;
  decline_verbs: Record<string, string[]>;
  other_cues: Record<string, string[]>;
  metrics: MetricDef[];
}

const CAT = catalog as unknown as Catalog;
/** The catalog's metrics by id. */
export const METRICS = lazy((): ReadonlyMap<string, MetricDef> => new Map(CAT.metrics.map((m) => [m.id, m])));

/** One piece of a cue between " * " gaps: plain words, or words around the figure ("..."). */
interface Segment {
  re: RegExp;
  anchor: boolean;
  /** Length of the cue's own words, for "the longer cue wins". */
  size: number;
  /** A folded word every match contains ("" = always run). */
  needle: string;
  /** All the plain folded words every match contains. */
  all: string[];
}

interface Cue {
  metric: string;
  /** Null for cues that make a figure "other" (they only compete). */
  unit: Unit | null;
  segments: Segment[];
  /** Index of the segment holding "...", or -1 for a topic. */
  anchor: number;
  plus100: boolean;
  /** Total length of the cue's words. */
  size: number;
  /** A growth_of cue: topic … growth verb … figure. */
  growth?: boolean;
  /** For rank_of: the topic may also stand anywhere after the figure. */
  afterAnyGap: boolean;
}

const SEP = "[\\s,()\\-–—/]+";
const FILLER = "[^\\s#,.;:()]+";
const escapeRe = (w: string) => w.replace(/[.*+?^${}()|[\]\\]/g, "\\$&");
const words = (s: string) => {
  const w = foldKeepingPositions(s.normalize("NFC"))
    .split(/[\s,()\-–—/]+/)
    .filter(Boolean)
    .map(escapeRe);
  // English plurals ("interest rate" also matches "interest rates") and the Indonesian "-nya" (its) of a
  // topic ("ekonominya tumbuh", "impornya").
  if (w.length > 0 && /[a-z]$/.test(w[w.length - 1])) w[w.length - 1] += "(?:s|es|nya)?";
  return w;
};

const SEGMENTS = new Map<string, Segment>();

/** Compiles one cue segment ("kim ngạch xuất khẩu", "đứng thứ ... cả nước"); equal texts share one. */
function segment(text: string): Segment {
  const known = SEGMENTS.get(text);
  if (known) return known;
  const [left, right] = text.includes("...") ? text.split("...", 2) : [text, null];
  const lw = words(left);
  const l = lw.join(SEP);
  // A plain word every match must contain, to skip the regex on most sentences.
  // Plural endings are optional, so the word without them is what every match contains.
  const all = [...lw, ...(right ? words(right) : [])].map((w) => w.replace(/\(\?:s\|es\|nya\)\?$/, "")).filter((w) => !/[\\(]/.test(w));
  const needle = [...all].sort((a, b) => b.length - a.length)[0] ?? "";
  let seg: Segment;
  if (right === null) {
    // Folded text is ASCII but for rare letters, so ASCII word boundaries do (and let V8 scan fast).
    seg = { re: new RegExp(`\\b${l}\\b`, "g"), anchor: false, size: left.trim().length, needle, all };
  } else {
    const r = words(right).join(SEP);
    // Left words, up to four filler words, the figure, one filler word, right words.
    const before = l ? `\\b${l}((?:${SEP}${FILLER}){0,4}?)${SEP}` : "()";
    const after = r ? `((?:\\s+${FILLER})?)${SEP}${r}\\b` : "()";
    const src = `${before}(#+)${after}`;
    seg = { re: new RegExp(src, "gd"), anchor: true, size: left.trim().length + right.trim().length, needle, all };
  }
  SEGMENTS.set(text, seg);
  return seg;
}

function compile(metric: string, unit: Unit | null, text: string, afterAnyGap = false): Cue {
  let t = text.trim();
  const plus100 = / =\+100$/.test(t);
  if (plus100) t = t.replace(/ =\+100$/, "");
  const segments = t.split(" * ").map((p) => segment(p.trim()));
  return {
    metric,
    unit,
    segments,
    anchor: segments.findIndex((s) => s.anchor),
    plus100,
    afterAnyGap,
    size: segments.reduce((n, s) => n + s.size, 0),
  };
}

const allLangs = (r: Record<string, string[]>) => Object.values(r).flat();
// "tăng 16,7%", "naik sebesar 9,6%", "rose by 5%": a growth verb before the figure.
const GROWTH_ANCHOR = lazy((): Segment => {
  const growthAlt = allLangs(CAT.growth_verbs)
    .sort((a, b) => b.length - a.length)
    .map((v) => words(v).join(SEP))
    .join("|");
  return {
    re: new RegExp(`\\b(?:${growthAlt})((?:${SEP}${FILLER}){0,3}?)${SEP}(#+)()`, "gd"),
    anchor: true,
    size: 0,
    needle: "",
    all: [],
  };
});
const DECLINE = lazy(
  () =>
    new RegExp(
      `(?<![\\p{L}])(?:${allLangs(CAT.decline_verbs)
        .map((v) => words(v).join(SEP))
        .join("|")})(?![\\p{L}])[^#]{0,20}$`,
      "u",
    ),
);

/** Every cue of the catalog compiled: each metric's own, its growth or rank topics, then the "other" cues. */
const CUES = lazy((): Cue[] => {
  const cues: Cue[] = [];
  for (const m of CAT.metrics) {
    for (const c of allLangs(m.cues)) cues.push(compile(m.id, m.unit, c));
    cues.push(...topicCues(m));
  }
  for (const c of allLangs(CAT.other_cues)) cues.push(compile("other", null, c));
  return cues;
});

/** The cues a growth_of or rank_of metric takes from its base metric's topics (none for other metrics). */
function topicCues(m: MetricDef): Cue[] {
  const base = m.growth_of ?? m.rank_of;
  const baseDef = base ? METRICS().get(base) : undefined;
  if (!baseDef) return [];
  const topics = [...allLangs(baseDef.cues).filter((c) => !c.includes("...")), ...(m.growth_of ? allLangs(m.growth_topics ?? {}) : [])];
  // growth_of: "kim ngạch xuất nhập khẩu … tăng 16,7%"; rank_of: "FDI … đứng thứ 5", "đứng thứ 2 … về thu hút FDI".
  return topics.map(
    (topic): Cue =>
      m.growth_of
        ? {
            metric: m.id,
            unit: m.unit,
            segments: [segment(topic), GROWTH_ANCHOR()],
            anchor: 1,
            plus100: false,
            afterAnyGap: false,
            size: segment(topic).size,
            growth: true,
          }
        : compile(m.id, m.unit, topic, true),
  );
}
/**
 * The family of a metric: the metric it is about, grows or ranks (budget_revenue_vs_plan → budget_revenue).
 *
 * @example metricFamily("fdi_registered_share") // "fdi_registered"
 */
export function metricFamily(id: string): string {
  const m = METRICS().get(id);
  const up = m?.about ?? m?.growth_of ?? m?.rank_of;
  return up && up !== id ? metricFamily(up) : id;
}
const family = metricFamily;
/** The rank metric of each family ("fdi_registered" → "fdi_rank"). */
const RANK_OF = lazy(() => new Map(CAT.metrics.filter((m) => m.rank_of).map((m) => [metricFamily(m.rank_of ?? ""), m.id])));

/**
 * The metric a figure of `unit` takes from a paragraph about `familyId`, or null: an amount of money
 * is the family's own measure when that is money; a rank is the family's rank. Percentages, counts
 * and multiples never take a topic: a share, a growth and a count of something else look alike.
 *
 * @example topicMetric("fdi_registered", "rank") // "fdi_rank"
 */
export function topicMetric(familyId: string, unit: Unit): string | null {
  if (unit === "currency") return METRICS().get(familyId)?.unit === "currency" ? familyId : null;
  if (unit === "rank") return RANK_OF().get(familyId) ?? null;
  return null;
}
/** The growth metric of each family ("exports" → "exports_growth"). */
const GROWTH_OF = lazy(() => new Map(CAT.metrics.filter((m) => m.growth_of).map((m) => [metricFamily(m.growth_of ?? ""), m.id])));

/**
 * The metric a figure of `unit` has when it measures family `familyId` itself: its base metric for an amount
 * or a count of the base's unit, its growth metric for a growth; null when the family has none.
 *
 * @example familyMetric("exports", "percent", true) // "exports_growth"
 */
export function familyMetric(familyId: string, unit: Unit, growth: boolean): string | null {
  if (unit === "percent") return growth ? (GROWTH_OF().get(familyId) ?? null) : null;
  return METRICS().get(familyId)?.unit === unit ? familyId : null;
}

// A growth or decline word governing a figure: "tăng 16,7%", "up 5%", "a year-on-year surge of 18.4 percent",
// "declines of 22.3 percent and 6.8 percent" (folded, up to the figure; other percentages may stand between).
const GROWTH_NOUNS = ["rise of", "rising", "surge of", "surged", "jump of", "gain of", "increase of", "increasing", "growing"];
const DECLINE_NOUNS = ["declines of", "decline of", "decrease of", "drop of", "fall of", "falling"];
/** The growth and decline words, longest first, each as a pattern of its folded words. */
const GROWTH_WORDS = lazy(() =>
  [...allLangs(CAT.growth_verbs), ...GROWTH_NOUNS, ...DECLINE_NOUNS].sort((a, b) => b.length - a.length).map((v) => words(v).join(SEP)),
);
const GROWTH_BEFORE = lazy(
  () =>
    new RegExp(
      `(?<![\\p{L}])(${GROWTH_WORDS().join("|")})(?![\\p{L}])(?:[^,;:.()\\d]|\\d[\\d.,]*\\s*(?:%|percent|per cent|persen|phan tram)(?:\\s+(?:and|va|dan|or|hoac|atau)\\s+)?){0,40}$`,
      "u",
    ),
);
const DECLINE_WORD = lazy(
  () => new RegExp(`^(?:${[...allLangs(CAT.decline_verbs), ...DECLINE_NOUNS].map((v) => words(v).join(SEP)).join("|")})$`, "u"),
);

/**
 * Whether a growth word governs the figure starting at `at` in folded text (1), a decline word (-1), or
 * neither (0). Only the text after `from` (the previous clause or figure) is read.
 */
export function growthCue(folded: string, at: number, from = 0): -1 | 0 | 1 {
  const m = GROWTH_BEFORE().exec(folded.slice(Math.max(from, at - 80), at));
  if (!m) return 0;
  return DECLINE_WORD().test(m[1].replace(/[\s,()\-–—/]+/g, " ")) ? -1 : 1;
}

const ANY_GROWTH_WORD = lazy(() => new RegExp(`(?<![\\p{L}])(?:${GROWTH_WORDS().join("|")})(?![\\p{L}])`, "gu"));

/** The direction of the last growth (1) or decline (-1) word anywhere before `at` in folded text, or 0. */
export function lastDirection(folded: string, at: number): -1 | 0 | 1 {
  let last: string | null = null;
  const anyGrowthWord = ANY_GROWTH_WORD();
  anyGrowthWord.lastIndex = 0;
  for (let m = anyGrowthWord.exec(folded); m && m.index < at; m = anyGrowthWord.exec(folded)) last = m[0];
  if (last === null) return 0;
  return DECLINE_WORD().test(last.replace(/[\s,()\-–—/]+/g, " ")) ? -1 : 1;
}

// After a figure: a comparison with the month before or a named month, not with the same period a year earlier.
export const MONTH_ON_MONTH =
  /^[^.;]{0,12}?\b(?:so voi (?:thang|quy) (?:truoc|lien ke|\d)|so (?:thang|quy) truoc|(?:month|quarter)-on-(?:month|quarter)|(?:month|quarter) on (?:month|quarter)|m-o-m|q-o-q|mom\b|qoq\b|from (?:the )?(?:previous|prior|last) (?:month|quarter)|(?:compared|against) (?:with |to )?(?:the )?(?:previous|prior|last) (?:month|quarter)|(?:dibanding(?:kan)?|daripada) (?:dengan )?(?:(?:bulan|kuartal|triwulan) (?:sebelumnya|lalu)|januari|februari|maret|april|mei|juni|juli|agustus|september|oktober|november|desember))/;

// Before a figure, in its clause: "a month-on-month rise of 6%", "tăng so với tháng trước 2%".
const MONTH_ON_MONTH_BEFORE = /\b(?:month-on-month|month on month|m-o-m|quarter-on-quarter|quarter on quarter|q-o-q)\b[^,;.()#]{0,30}$/;

/** Whether a change is against the month or quarter before (or a named month), not against the same period a year earlier. */
export function monthOnMonth(folded: string, markStart: number, markEnd: number, prevEnd = 0): boolean {
  // Before the figure, only words of its own: "3.6% month on month and 2.3% year on year" — the phrase right
  // after the figure before is that figure's.
  const before = folded.slice(Math.max(0, prevEnd, markStart - 60), markStart);
  return (
    MONTH_ON_MONTH.test(folded.slice(markEnd, markEnd + 45)) ||
    (MONTH_ON_MONTH_BEFORE.test(before) && !(prevEnd > 0 && OWN_OF_PREVIOUS.test(before)))
  );
}
const OWN_OF_PREVIOUS = /^\s*(?:month-on-month|month on month|m-o-m|quarter-on-quarter|quarter on quarter|q-o-q)\b/;

/** The metric families whose cues use each segment. */
const SEGMENT_METRICS = lazy(() => {
  const bySegment = new Map<Segment, string[]>();
  for (const c of CUES())
    for (const seg of c.segments) {
      const list = bySegment.get(seg) ?? [];
      if (!list.includes(family(c.metric))) list.push(family(c.metric));
      bySegment.set(seg, list);
    }
  return bySegment;
});
/** The cues each segment belongs to. */
const SEGMENT_CUES = lazy(() => {
  const bySegment = new Map<Segment, Cue[]>();
  for (const c of CUES()) for (const seg of new Set(c.segments)) bySegment.set(seg, [...(bySegment.get(seg) ?? []), c]);
  return bySegment;
});
/** The cues, and their segments, that can name a figure of each unit ("other" cues compete for all). */
const CUES_BY_UNIT = lazy(() => {
  const byUnit = new Map<Unit, Cue[]>();
  for (const unit of ["percent", "currency", "count", "rank", "times"] as const)
    byUnit.set(
      unit,
      CUES().filter((c) => c.unit === unit || c.unit === null),
    );
  return byUnit;
});
/** Segments to run for a set of units: those without a needle, and the others by their needle word. */
interface SegmentIndex {
  always: Segment[];
  byNeedle: Map<string, Segment[]>;
}
const SEGMENTS_BY_UNITS = new Map<string, SegmentIndex>();
function segmentsFor(units: Set<Unit>): SegmentIndex {
  const key = [...units].sort().join(",");
  let index = SEGMENTS_BY_UNITS.get(key);
  if (!index) {
    const segs = [...new Set([...units].flatMap((u) => (CUES_BY_UNIT().get(u) ?? []).flatMap((c) => c.segments)))];
    index = { always: segs.filter((s) => !s.needle), byNeedle: new Map() };
    for (const seg of segs) if (seg.needle) index.byNeedle.set(seg.needle, [...(index.byNeedle.get(seg.needle) ?? []), seg]);
    SEGMENTS_BY_UNITS.set(key, index);
  }
  return index;
}

interface Hit {
  start: number;
  end: number;
  /** For anchors: the figure's mark start and the filler length. */
  figure?: number;
  fill?: number;
}

/** Where each segment of each cue occurs in a marked sentence. */
function occurrences(marked: string, index: SegmentIndex): Map<Segment, Hit[]> {
  const out = new Map<Segment, Hit[]>();
  const run = new Set<Segment>(index.always);
  // Folded text is ASCII but for rare letters: plain ASCII word splitting is enough (and fast).
  const tokens = new Set(marked.split(/[^a-z0-9\u0080-\uffff]+/));
  // "ekonominya", "kenaikannya": the word without its "-nya" counts too.
  for (const t of [...tokens]) if (t.endsWith("nya") && t.length > 5) tokens.add(t.slice(0, -3));
  for (const token of tokens) for (const seg of index.byNeedle.get(token) ?? []) if (seg.all.every((w) => tokens.has(w))) run.add(seg);
  const literal: Array<{ seg: Segment; hit: Hit }> = [];
  for (const seg of run) {
    const hits: Hit[] = [];
    seg.re.lastIndex = 0;
    for (let m = seg.re.exec(marked); m; m = seg.re.exec(marked)) {
      if (seg.anchor) {
        const idx = m.indices?.[2];
        hits.push({
          start: m.index,
          end: m.index + m[0].length,
          figure: idx ? idx[0] : -1,
          fill: (m[1]?.length ?? 0) + (m[3]?.length ?? 0),
        });
        // Let the next search start inside this match: anchors of neighbouring figures may overlap.
        seg.re.lastIndex = idx ? idx[1] : m.index + 1;
      } else {
        const hit = { start: m.index, end: m.index + m[0].length };
        hits.push(hit);
        literal.push({ seg, hit });
      }
      if (m[0].length === 0) seg.re.lastIndex++;
    }
    if (hits.length > 0) out.set(seg, hits);
  }
  // A topic inside a longer topic of unrelated metrics does not count ("ekspor" in "omzet impor-ekspor").
  literal.sort((a, b) => b.hit.end - b.hit.start - (a.hit.end - a.hit.start));
  const segmentMetrics = SEGMENT_METRICS();
  for (let i = 0; i < literal.length; i++) {
    const a = literal[i];
    const mine = segmentMetrics.get(a.seg) ?? [];
    const len = a.hit.end - a.hit.start;
    for (let j = 0; j < i; j++) {
      const b = literal[j];
      if (b.hit.end - b.hit.start <= len) break;
      if (b.hit.start > a.hit.start || b.hit.end < a.hit.end) continue;
      if ((segmentMetrics.get(b.seg) ?? []).some((id) => mine.includes(id))) continue;
      const list = (out.get(a.seg) ?? []).filter((h) => h !== a.hit);
      if (list.length > 0) out.set(a.seg, list);
      else out.delete(a.seg);
      break;
    }
  }
  return out;
}

/** The metric given to a figure, and how its value changes (sign of a fall, "vượt X% dự toán"). */
export interface Classified {
  metric: string;
  value: number;
  /** No cue at all named it (not even an "other" cue, a target or a horizon): it may take the paragraph's topic. */
  cueless?: boolean;
  /** Where the first word of the winning cue starts (for a slice whose own words name the measure: "khu vực FDI"). */
  cueStart?: number;
}

const TOPIC_BEFORE_MAX = 200;
const PURPOSE = /(?<![\p{L}])(?:for|cho|dành cho|untuk|bagi|to)\s*$/iu;
const SHARE_BEFORE =
  /\b(?:chiem|accounted for|accounting for|making up|share of|ty trong|menyumbang|mewakili|porsi|of total|of the total)\b[^#]{0,12}$/;
const RATIO_BEFORE =
  /\b(?:bang|chi bang|tuong duong|equal to|equivalent to|equalling|setara dengan|sama dengan)\s*(?:(?:khoang|gan|hon|tren|about|around|nearly|sekitar|hampir)\s*)?$/;
// Per-capita markers and growth words, in folded text.
const PER_CAPITA_HINT = /capita|capital|kapita|dau nguoi|\/\s*(?:nguoi|orang|person)|per (?:person|head)/;
const PER_CAPITA = /\b(?:per[ -]capita|per[ -]capital|per kapita|binh quan dau nguoi|dau nguoi)\b/;
const PER_CAPITA_AFTER =
  /^\s*(?:per[ -]capita|per kapita|binh quan dau nguoi|(?:moi|per)\s+(?:nguoi|person|orang|head)|\/\s*(?:nguoi|person|orang|kapita|capita|nam\/nguoi))\b/;
const GROWTH_AFTER = /\b(?:muc tang|tang truong|growth|pertumbuhan)\b/;
const GROWTH_WORD = /\b(?:tang truong|tang|growth|grew|grow|expanded|pertumbuhan|tumbuh)\b/g;
// Between two amounts of money: the second restates the first in another currency.
const CONVERSION =
  /^[\s,]*(?:[([]\s*$|[([]?\s*(?:(?:tương đương|tương ứng|quy đổi|equivalent to|equal to|or|atau|setara dengan|sekitar|khoảng|about|around|roughly|approximately|hơn|gần|với|nearly|over|more than|lebih dari|hampir|some|với khoảng)\s*)+$)/iu;
const CLAUSE_BREAK = /[.;:()!?]/;

/**
 * "397.335 tỷ đồng (tương đương với hơn 17 tỷ USD)": figure `q` is figure `prev` in another currency.
 * ("… 108,22 triliun dong (100 dong = Rp63) atau sekitar 4,1 miliar dolar AS": an aside may stand between.)
 */
export function isConversion(sentence: string, prev: Quantity, q: Quantity): boolean {
  return (
    q.unit === "currency" &&
    prev.unit === "currency" &&
    prev.currency !== q.currency &&
    CONVERSION.test(sentence.slice(prev.markEnd, q.markStart).replace(/\s*\([^()]*\)/g, " "))
  );
}
const TARGET_HINT = /muc tieu|phan dau|chi tieu|ke hoach|target|sasaran|goal|aim|plan/;
const HORIZON_HINT = /nam \d|tam nhin|tahun \d|by \d|until \d/;
const TARGET =
  /(?<![\p{L}])(?:mục tiêu|phấn đấu|đặt chỉ tiêu|kế hoạch đề ra|menargetkan|ditargetkan|target pertumbuhan|sasaran|targets?|goal|aims?|aiming|plans? to)(?![\p{L}])/giu;
// "đến năm 2030", "by 2030" — but not the end of a range ("từ năm 2011 đến năm 2022").
const HORIZON = /(?<![\p{L}])(?<!\d{4}\s*)(?:đến năm|tới năm|tầm nhìn(?: đến)?|hingga tahun|by|until)\s+(\d{4})(?![\p{N}])/iu;
// A topic after "and"/"và"/"dan" belongs to the next clause: "raised rates to 11.25% and inflation…".
const CONJUNCTION = /(?<![\p{L}])(?:and|or|but|while|và|hoặc|nhưng|còn|dan|atau|tetapi|sedangkan)(?![\p{L}])/iu;

/**
 * Gives each figure of a sentence a metric id of the catalog, or "other": the cue nearest to the
 * figure wins, then the longer one (see "cue_syntax" in metrics.json).
 *
 * @example classify("Kim ngạch xuất nhập khẩu đạt 19,4 tỷ USD, tăng 16,7%", quantities)
 * // [{ metric: "trade_turnover", … }, { metric: "trade_turnover_growth", … }]
 */
export function classify(
  sentence: string,
  qs: Quantity[],
  periodStarts: number[] = [],
  folded = foldKeepingPositions(sentence),
): Classified[] {
  const r = readSentence(sentence, qs, periodStarts, folded);
  qs.forEach((q, i) => {
    const prev = qs[i - 1];
    // "397.335 tỷ đồng (tương đương với hơn 17 tỷ USD)": the same amount in another currency, so the same metric.
    if (prev && isConversion(sentence, prev, q)) {
      r.done.push({ ...r.done[i - 1], value: q.value });
    } else r.done.push(classifyOne(r, q));
  });
  return r.done;
}

/** One sentence as classify reads it: where the cues occur, and the figures given a metric so far. */
interface SentenceCues {
  sentence: string;
  folded: string;
  /** The folded sentence with each figure's mark replaced by "#"s (same length). */
  marked: string;
  qs: Quantity[];
  periodStarts: number[];
  occ: Map<Segment, Hit[]>;
  /** The cues whose every segment occurs, by the unit they can name. */
  candidates: Map<Unit, Cue[]>;
  /** Where a horizon ("đến năm 2030", "by 2030") stands, or +Infinity. */
  horizonAt: number;
  /** Where target words ("mục tiêu", "aims") stand. */
  targets: number[];
  /** The figures classified so far, in order (later figures read the earlier ones). */
  done: Classified[];
}

function readSentence(sentence: string, qs: Quantity[], periodStarts: number[], folded: string): SentenceCues {
  let marked = folded;
  for (const q of qs) marked = marked.slice(0, q.markStart) + "#".repeat(q.markEnd - q.markStart) + marked.slice(q.markEnd);
  const occ = occurrences(marked, segmentsFor(new Set(qs.map((q) => q.unit))));
  return {
    sentence,
    folded,
    marked,
    qs,
    periodStarts,
    occ,
    candidates: candidateCues(occ, qs),
    horizonAt: HORIZON_HINT.test(folded) ? (HORIZON.exec(sentence)?.index ?? Number.POSITIVE_INFINITY) : Number.POSITIVE_INFINITY,
    targets: TARGET_HINT.test(folded) ? [...sentence.matchAll(TARGET)].map((m) => m.index) : [],
    done: [],
  };
}

/** Only cues whose every segment occurs can match: usually a handful. */
function candidateCues(occ: Map<Segment, Hit[]>, qs: Quantity[]): Map<Unit, Cue[]> {
  const candidates = new Map<Unit, Cue[]>();
  const seen = new Set<Cue>();
  const segmentCues = SEGMENT_CUES();
  for (const seg of occ.keys())
    for (const cue of segmentCues.get(seg) ?? []) {
      if (seen.has(cue)) continue;
      seen.add(cue);
      if (!cue.segments.every((x) => occ.has(x))) continue;
      for (const unit of cue.unit === null ? [...new Set(qs.map((q) => q.unit))] : [cue.unit])
        candidates.set(unit, [...(candidates.get(unit) ?? []), cue]);
    }
  return candidates;
}

/** The metric of one figure: its nearest (then longest) cue's, as the figure's context reads it. */
function classifyOne(r: SentenceCues, q: Quantity): Classified {
  const win = bestCue(r, q);
  // A target or a projection ("đặt mục tiêu … đạt 8%", "aims for 8%", "đến năm 2030 … đạt") is not a result.
  const target = r.horizonAt < q.markStart || r.targets.some((t) => t < q.markStart && !/[,;:(]/.test(r.sentence.slice(t, q.markStart)));
  if (!win) return target ? { metric: "other", value: q.value } : { metric: "other", value: q.value, cueless: true };
  // A goal or a projection keeps its metric: basis.ts says it is not a result.
  if (win.cue.unit === null) return { metric: "other", value: q.value };
  const metric = contextMetric(r, q, win.cue.metric);
  if (metric === null) return { metric: "other", value: q.value };
  let value = q.value;
  if (win.cue.plus100) value += 100;
  if (metric.endsWith("_growth") && DECLINE().test(r.marked.slice(Math.max(0, q.markStart - 40), q.markStart))) value = -value;
  return { metric, value, cueStart: win.at };
}

/** Where a cue's words stand for one figure: their distance from it, and where the first of them starts. */
interface Placing {
  d: number;
  at: number;
}

/** The cue nearest to the figure, the longer one on a tie (the first one found on a tie of both), or null. */
function bestCue(r: SentenceCues, q: Quantity): { d: number; size: number; cue: Cue; at: number } | null {
  let best: { d: number; size: number; cue: Cue; at: number } | null = null;
  for (const cue of r.candidates.get(q.unit) ?? [])
    for (const p of cue.anchor < 0 ? topicPlacings(r, q, cue) : anchorPlacings(r, q, cue))
      if (!best || p.d < best.d || (p.d === best.d && cue.size > best.size)) best = { d: p.d, size: cue.size, cue, at: p.at };
  return best;
}

/** A topic cue (no "..."): before the figure, with no figure of its metric between; or right after it, in its clause. */
function topicPlacings(r: SentenceCues, q: Quantity, cue: Cue): Placing[] {
  const out: Placing[] = [];
  for (const h of r.occ.get(cue.segments[0]) ?? []) {
    if (h.end <= q.markStart) {
      const d = q.markStart - h.end;
      if (d > TOPIC_BEFORE_MAX || between(r, h.end, q.markStart, cue.metric)) continue;
      out.push({ d, at: h.start });
    } else if (h.start >= q.markEnd) {
      const gap = r.sentence.slice(q.markEnd, h.start);
      if (cue.afterAnyGap) {
        if (!between(r, q.markEnd, h.start, cue.metric)) out.push({ d: gap.length + 5, at: h.start });
      } else if (topicRightAfter(gap)) {
        out.push({ d: gap.length, at: h.start });
      }
    }
  }
  return out;
}

/** Whether a topic after a figure is the figure's: at most two words between, no break, comma, conjunction or purpose. */
function topicRightAfter(gap: string): boolean {
  return (
    !CLAUSE_BREAK.test(gap) &&
    !gap.includes(",") &&
    !CONJUNCTION.test(gap) &&
    // "9.5 trillion VND is for development investment": a purpose, not the figure's measure.
    !PURPOSE.test(gap) &&
    gap.trim().split(/\s+/).filter(Boolean).length <= 2
  );
}

/** A cue around the figure ("đứng thứ ... cả nước"): its anchor on this figure, and its other segments in order around it. */
function anchorPlacings(r: SentenceCues, q: Quantity, cue: Cue): Placing[] {
  const out: Placing[] = [];
  for (const a of (r.occ.get(cue.segments[cue.anchor]) ?? []).filter((h) => h.figure === q.markStart)) {
    const before = segmentsBefore(r, q, cue, a);
    const after = before && segmentsAfter(r, cue, a);
    if (before && after !== null) out.push({ d: (a.fill ?? 0) + before.d + after, at: before.first });
  }
  return out;
}

/**
 * The segments before the anchor, each the last occurrence before the one after it: the gaps between them and
 * where the first starts; null when one is missing or a figure of another measure stands between.
 */
function segmentsBefore(r: SentenceCues, q: Quantity, cue: Cue, anchor: Hit): { d: number; first: number } | null {
  let d = 0;
  let edge = anchor.start;
  for (let i = cue.anchor - 1; i >= 0; i--) {
    const prev = (r.occ.get(cue.segments[i]) ?? []).filter((h) => h.end <= edge).at(-1);
    if (!prev || between(r, prev.end, q.markStart, cue.metric) || (cue.growth && foreignBetween(r, prev.end, q.markStart, cue.metric)))
      return null;
    d += edge - prev.end;
    edge = prev.start;
  }
  return { d, first: edge };
}

/** The segments after the anchor, each the first occurrence after the one before it: the gaps between them, or null. */
function segmentsAfter(r: SentenceCues, cue: Cue, anchor: Hit): number | null {
  let d = 0;
  let edge = anchor.end;
  for (let i = cue.anchor + 1; i < cue.segments.length; i++) {
    const next = (r.occ.get(cue.segments[i]) ?? []).find((h) => h.start >= edge);
    if (!next) return null;
    d += next.start - edge;
    edge = next.end;
  }
  return d;
}

/**
 * A figure between a topic and this figure that already took the same metric owns the topic: "vốn FDI đạt 2 tỷ
 * USD, … vốn 1 tỷ USD" — the second amount is not FDI again. A period named between the two ("quý III đạt 6,42%,
 * 9 tháng tăng 6,12%") makes it a new figure of the same measure.
 */
function between(r: SentenceCues, from: number, to: number, metric: string): boolean {
  return r.qs.some(
    (o, k) =>
      k < r.done.length &&
      r.done[k].metric === metric &&
      o.markStart >= from &&
      o.markEnd <= to &&
      !r.periodStarts.some((p) => p > o.markEnd && p < to),
  );
}

/**
 * "Tổng vốn đầu tư xã hội đạt 269.000 tỷ đồng, tăng 12,5%", "cấp mới 486 dự án, giảm 3,2%": a growth after an
 * amount of another measure is that measure's; only ratios of the same family may stand between.
 */
function foreignBetween(r: SentenceCues, from: number, to: number, metric: string): boolean {
  const base = METRICS().get(metric)?.growth_of ?? metric;
  return r.qs.some(
    (o, k) =>
      k < r.done.length &&
      o.markStart >= from &&
      o.markEnd <= to &&
      r.done[k].metric !== base &&
      // A share or a ratio no cue named ("chiếm 30%", "đạt 23,1% kế hoạch") is no other measure.
      !(o.unit === "percent" && r.done[k].metric === "other") &&
      (o.unit !== "percent" || family(r.done[k].metric) !== family(metric)),
  );
}

/** The cue's metric as the words around the figure read it, or null when they make the figure "other". */
function contextMetric(r: SentenceCues, q: Quantity, cueMetric: string): string | null {
  let metric = cueMetric;
  // "GRDP is estimated to reach 11.03 per cent": a level of GRDP given in percent is its growth.
  if (metric === "grdp" && q.unit === "percent" && !SHARE_BEFORE.test(r.folded.slice(Math.max(0, q.markStart - 30), q.markStart)))
    metric = "grdp_growth";
  // "GRDP per capita", "thu nhập bình quân đầu người", "per kapita" in the figure's clause: a per-capita figure.
  if (family(metric) === "grdp" && metric !== "grdp_per_capita" && perCapitaClause(r, q)) {
    if (q.unit !== "currency") return null;
    metric = "grdp_per_capita";
  }
  if (metric === "grdp_growth_vs_national" && !multipleOfGrowth(r, q)) return null;
  if (metric.endsWith("_growth") && !yearOnYear(r, q)) return null;
  return metric;
}

/** A per-capita marker in the clause of `q` before it (from a break or the previous figure on), or right after it. */
function perCapitaClause(r: SentenceCues, q: Quantity): boolean {
  if (!PER_CAPITA_HINT.test(r.folded)) return false;
  const head = r.marked.slice(0, q.markStart);
  const prevEnd = r.qs.filter((o) => o.markEnd <= q.markStart).at(-1)?.markEnd ?? 0;
  const from = Math.max(prevEnd, ...[",", ";", ":", "("].map((c) => head.lastIndexOf(c) + 1));
  return PER_CAPITA.test(head.slice(from)) || PER_CAPITA_AFTER.test(r.marked.slice(q.markEnd, q.markEnd + 30));
}

/**
 * A multiple of the national growth rate: growth words before it and no amount in between ("thu nhập … 7.500 USD,
 * gấp 1,5 lần bình quân cả nước" is a multiple of an income), and the growth the sentence is about is GRDP's
 * ("IIP tăng 18%, … gấp 4 lần bình quân chung cả nước" is a multiple of another growth).
 */
function multipleOfGrowth(r: SentenceCues, q: Quantity): boolean {
  if (!growthMultiple(r, q)) return false;
  const lastGrowth = r.done.findLast((d, k) => r.qs[k].unit === "percent" && r.qs[k].markEnd <= q.markStart && d.metric !== "other");
  return !lastGrowth || lastGrowth.metric === "grdp_growth";
}

function growthMultiple(r: SentenceCues, q: Quantity): boolean {
  const head = r.marked.slice(0, q.markStart);
  const lastAmount = r.qs.filter((o) => o.markEnd <= q.markStart && o.unit === "currency").at(-1);
  if (lastAmount) return false;
  const g = [...head.matchAll(GROWTH_WORD)].at(-1);
  if (!g) {
    // "gấp 1,2 lần mức tăng trưởng của cả nước": the growth words follow the multiple.
    const after = GROWTH_AFTER.test(r.marked.slice(q.markEnd, q.markEnd + 40)) && !PER_CAPITA.test(head);
    return after || r.qs.some((o) => o.markEnd <= q.markStart && o.unit === "percent");
  }
  return !PER_CAPITA.test(head.slice(g.index));
}

/** Whether a growth is over a year: not a ratio to another period, nor a change on the month before. */
function yearOnYear(r: SentenceCues, q: Quantity): boolean {
  // "bằng 64% năm 2019", "equal to 60% of": a ratio to another period, not a growth.
  if (RATIO_BEFORE.test(r.folded.slice(Math.max(0, q.markStart - 30), q.markStart))) return false;
  // "giảm 2,5% so với tháng trước", "a month-on-month rise of 6%": not a growth over a year.
  return !monthOnMonth(r.folded, q.markStart, q.markEnd, r.qs.filter((o) => o.markEnd <= q.markStart).at(-1)?.markEnd ?? 0);
}
