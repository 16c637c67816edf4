import { inferArticleYear } from "../text/article-year";
import { foldKeepingPositions } from "../text/fold";
import { lazy } from "../text/lazy";
import { type Sentence, splitSentences } from "../text/sentences";
import type { ArticleContext, Basis, Fact, Part, Period } from "../types";
import { basisOf } from "./basis";
import { articleGeo, figureGeo, placeNear, subjectPlace } from "./geo";
import { findMembers, type MemberMention } from "./members";
import {
  type Classified,
  classify,
  familyMetric,
  growthCue,
  isConversion,
  lastDirection,
  METRICS,
  metricFamily,
  monthOnMonth,
  topicMetric,
} from "./metrics";
import { type NumberStyle, numberStyle } from "./numbers";
import { findPeriods, type PeriodMention, shiftPeriod } from "./periods";
import { qualifierBefore } from "./qualifiers";
import { findQuantities, notValues, type Quantity } from "./quantities";
import { linkSlices, type SliceLink, sliceMetric } from "./slices";

// A sentence that opens by pointing back at the previous figure.
const ANAPHORA =
  /^["“]?(?:the (?:[\p{L}-]+ )?figure|this figure|the number|this|the rate|the growth(?: rate)?|this growth|mức tăng trưởng này|tốc độ tăng này|laju pertumbuhan (?:ini|tersebut)|con số này|con số trên|mức này|mức tăng này|kết quả này|angka (?:tersebut|ini|itu)|capaian (?:tersebut|ini|itu)|nilai (?:tersebut|itu)|lajunya|laju (?:ini|tersebut|itu)|angka pertumbuhan)(?![\p{L}])/iu;

// A sentence opening on the growth just reported.
const GROWTH_ANAPHORA =
  /^["“]?(?:the growth(?: rate)?|this growth|growth|tốc độ tăng(?: trưởng)?(?: này)?|mức tăng(?: trưởng)? này|laju pertumbuhan(?: ini| tersebut)?|pertumbuhan (?:ini|tersebut))(?![\p{L}])/iu;
const FACT_LANGS = new Set(["vi", "id", "ms", "en"]);

// An investor or partner named before a figure makes it that partner's, not the place's: "Singapore là
// nhà đầu tư lớn nhất với gần 8,5 tỷ USD", "Japan, the largest investor, with $1bn" (folded text).
const PARTNER = /\b(?:nha dau tu|doi tac|investors?|partners?|penanam modal|investor asal|mitra)\b/;

// A place ranked or credited with an amount: "xếp thứ ba với 2,12 tỷ USD", "Đà Nẵng đạt 500 triệu USD",
// "ranked third with $2.12 billion", "peringkat ketiga dengan 2,12 miliar dolar AS". Without one of these
// (or a rank in the sentence) an amount may be spent, lent or granted: "Hà Nội chi 5.000 tỷ đồng cho…".
const CREDITED =
  /(?<![\p{L}])(?:với|đạt|thu hút|with|reached|attracted|drew|totalling|totaling|dengan|mencapai|menarik|sebesar|senilai)(?![\p{L}])/iu;

// A partner ranked among investors: "Singapore là nhà đầu tư lớn nhất với gần 8,5 tỷ USD", "the largest foreign investor
// with … worth US$1.2 billion", "investor asing terbesar dengan …" (folded text, up to the figure, within the clause).
const TOP_INVESTOR =
  /\b(?:(?:largest|biggest|top|leading|(?:second|third|fourth|fifth)[- ]largest)\s+(?:foreign\s+)?investors?|(?:nha dau tu|doi tac dau tu)(?:\s+nuoc ngoai)?\s+(?:lon nhat|lon thu \S+|dan dau)|(?:investor|penanam modal)(?:\s+asing)?\s+terbesar)\b[^.;!?]*$/;
// Foreign investment named in the sentence itself.
const FOREIGN_INVESTOR = /foreign investor|nha dau tu nuoc ngoai|investor asing|penanam modal asing/;

// Between a figure and another of the same unit: a comparison or a contrast that may name another place
// ("faster than Ho Chi Minh City's 6.5%", "trong khi TP.HCM đạt 7,17%", "sementara Kota Ho Chi Minh tumbuh 7,17%").
const RIVAL =
  /^[\s,;]*(?:(?:so với|so|(?:cao|thấp|nhanh|chậm|lớn|nhỏ|nhiều|ít) hơn|trong khi|còn|compared (?:with|to)|versus|vs\.?|against|(?:higher|lower|faster|slower|more|less|greater|smaller) than|than|while|whereas|dibandingkan(?: dengan)?|lebih (?:tinggi|rendah|cepat|lambat|besar|kecil) (?:dari|daripada|dibandingkan(?: dengan)?)|daripada|sementara(?: itu)?|sedangkan)\s+)+([^,;:()!?]{0,70})$/iu;
// A plan, a target or an earlier record in the gap: the second figure is not the same measure of another place.
const NOT_RIVAL =
  /(?<![\p{L}])(?:mục tiêu|kế hoạch|dự toán|chỉ tiêu|target|plan|estimate|forecast|expected|sasaran|rencana|perkiraan|năm|year|tahun)(?![\p{L}])/iu;

const POINTS = /điểm phần trăm|percentage points?|poin persentase/iu;

/** A paragraph's figures in order: catalog figures name a topic, cueless ones may take it. */
type TopicStep = { family: string } | { open: Fact };

// Between a figure and a period that belongs to it: nothing, or one small word ("6,27% cùng kỳ",
// "19,4% pada periode yang sama", "6.27% in the same period").
const ATTACHED = /^\s*(?:(?:trong|của|vào|năm|in|pada|during|on|di|for|of)\s+)?$/iu;
// "the 7.01% growth recorded in the same period last year", "4,72% yang tercatat pada kuartal pertama".
const RECORDED_IN =
  /^\s*(?:(?:growth|rise|increase|expansion|decline|mức tăng)\s+)?(?:recorded|registered|posted|seen|achieved|reported|ghi nhận|đạt được|yang tercatat|tercatat|yang dicapai)\s+(?:in|during|for|over|trong|vào|pada|selama)\s*(?:the\s+)?$/iu;
// Between a baseline period and the figure it belongs to: "so với cùng kỳ năm 2024 là 6,13%", "tahun lalu (6,33%)".
const BASELINE_VALUE = /^\s*(?:là|was|were|stood at|at|of|sebesar|yang hanya|hanya|yang|:|\(\s*(?:tăng|giảm|up|down|naik|turun)?)\s*$/iu;
// Between two figures of one unit: the second is the first one's baseline.
const COMPARED =
  /^[\s,]*(?:so với|so|compared (?:with|to)|versus|vs\.?|dibandingkan(?: dengan)?|from|up from|down from|than|daripada|(?:cao|thấp|lớn|nhỏ|nhanh|chậm) hơn|(?:higher|lower|faster|slower) than|lebih (?:tinggi|rendah) (?:dari|daripada|dibandingkan(?: dengan)?))\s+(?:(?:mức|mức tăng|mức tăng trưởng|con số|the|with|dengan|of|pertumbuhan|growth of|a|an)\s+)*$/iu;

/**
 * Reads the figures of an article: every number with a unit (percent, money, count, rank,
 * multiple), its catalog metric or "other", the period it covers, whose figure it is, how exact
 * it is and the sentence it stands in.
 *
 * Periods: a period named right after a figure belongs to it ("6,27% cùng kỳ năm trước", "5,81% của
 * 9 tháng năm 2023"); else the nearest named before it in the sentence; else one named later in
 * the sentence; else the last one named earlier in the paragraph; else the last period of several
 * months named in an earlier paragraph. Baselines ("so với năm 2022", "cao hơn … năm 2023") and
 * singled-out sub-periods ("Riêng quý III") never carry. Yearless periods ("6 tháng đầu năm") are in
 * the publication year (last year if they would end after publication); without a date, in the
 * year of a one-year period in force, else the year the text names most.
 * Metrics: see metrics.ts and "cue_syntax" in metrics.json; a baseline after "so với"/"than" and a
 * sentence pointing back ("The figure…", "Angka tersebut…") take the previous figure's metric; a place
 * ranked or credited with an amount no cue names takes the paragraph's topic (see takeTopics).
 *
 * @example extractFacts("Năm 2024, GRDP tăng 6,52%.", { lang: "vi", published: null })[0]
 * // { metric: "grdp_growth", value: 6.52, unit: "percent", period: { start: "2024-01", end: "2024-12" }, … }
 */
export function extractFacts(body: string, ctx: ArticleContext, title: string | null = null): Fact[] {
  // The headline is read first, as a paragraph of its own whose periods carry nowhere ("… trong 6 tháng đầu
  // năm" above a body about one month).
  const text = title ? `${title}\n${body}` : body;
  // The number formats, cues and period words cover Vietnamese, Indonesian (and Malay) and English.
  if (!FACT_LANGS.has(ctx.lang)) return [];
  const a = startArticle(text, ctx, title ? title.length : -1);
  // Pages are almost always NFC already: check once instead of normalising every sentence.
  const alreadyNfc = text.normalize("NFC") === text;
  for (const sentence of splitSentences(text)) {
    // A page of thousands of figures is generated or repeated: read enough of it for MAX_FACTS distinct facts.
    if (a.facts.length >= MAX_FACTS * 4) break;
    if (sentence.start > a.paragraphEnd) startParagraph(a, sentence.start);
    readSentence(a, sentence, alreadyNfc ? sentence.text : sentence.text.normalize("NFC"));
  }
  takeTopics(a.topics);
  settleEstimates(a.facts, a.estimated, a.pub);
  return distinct(headlineLast(a.facts, a.where, a.titleEnd), a.where).slice(0, MAX_FACTS);
}

/** An article as extractFacts reads it: what it knows of the whole text, and what carries from sentence to sentence. */
interface ArticleReading {
  text: string;
  lang: string;
  style: NumberStyle;
  /** The publication date (YYYY-MM…), or null. */
  pub: string | null;
  articleYear: number | null;
  publishedMonth: number | null;
  defaultGeo: string;
  /** Where the headline ends in the text, or -1 without one. */
  titleEnd: number;
  facts: Fact[];
  // The period in force: any period stated earlier in the paragraph, else the last one of several
  // months stated in an earlier paragraph (a single month, "CPI tháng 9", stays in its paragraph).
  inParagraph: Period | null;
  inArticle: Period | null;
  paragraphEnd: number;
  /** The catalog metric of the last figure of each unit in the previous sentence with figures. */
  lastNamed: Map<string, string>;
  topics: TopicStep[];
  /** Whether an FDI figure stood earlier in the article. */
  fdiSeen: boolean;
  /** The families of the catalog figures read so far, latest last: the totals a later slice may divide. */
  trail: string[];
  paragraphTrail: string[];
  lastMonth: string | null;
  /** The period of the last goal stated in the paragraph. */
  goalPeriod: Period | null;
  // "Tính lũy kế, …. Nhật Bản có tổng vốn … 15,3 tỷ USD": a paragraph that turned to all-time totals stays there
  // until a sentence names a period.
  allTime: boolean;
  /** Figures an estimate word governs: a result unless their period is not over when the article is written. */
  estimated: Set<Fact>;
  /** Where each fact's sentence starts: equal figures of one sentence are two facts, of two sentences one. */
  where: Map<Fact, number>;
}

function startArticle(text: string, ctx: ArticleContext, titleEnd: number): ArticleReading {
  const pub = ctx.published && /^\d{4}-\d{2}/.test(ctx.published) ? ctx.published : null;
  return {
    text,
    lang: ctx.lang,
    style: numberStyle(ctx.lang, text),
    pub,
    articleYear: pub ? Number(pub.slice(0, 4)) : inferArticleYear(text),
    publishedMonth: pub ? Number(pub.slice(5, 7)) : null,
    defaultGeo: articleGeo(text),
    titleEnd,
    facts: [],
    inParagraph: null,
    inArticle: null,
    paragraphEnd: -1,
    lastNamed: new Map(),
    topics: [],
    fdiSeen: false,
    trail: [],
    paragraphTrail: [],
    lastMonth: null,
    goalPeriod: null,
    allTime: false,
    estimated: new Set(),
    where: new Map(),
  };
}

/** A new paragraph: the last one's topics are settled, and what held only within it is dropped. */
function startParagraph(a: ArticleReading, start: number): void {
  takeTopics(a.topics);
  a.topics = [];
  a.inParagraph = null;
  a.paragraphTrail = [];
  a.goalPeriod = null;
  a.allTime = false;
  const nl = a.text.indexOf("\n", start);
  a.paragraphEnd = nl < 0 ? a.text.length : nl;
}

/** One sentence (`s`: its NFC text): its figures become facts, and the periods it names may come into force. */
function readSentence(a: ArticleReading, sentence: Sentence, s: string): void {
  const carried = a.inParagraph ?? a.inArticle;
  // Yearless periods ("4 tháng đầu năm") are in the publication year (EXTRACT.md: "6 tháng đầu năm" in a
  // 2023 article); without a date, in the year of a one-year period in force, else the year the text names most.
  const carriedYear = carried && carried.start.slice(0, 4) === carried.end.slice(0, 4) ? Number(carried.end.slice(0, 4)) : null;
  const year = a.pub ? a.articleYear : (carriedYear ?? a.articleYear);
  const periods = findPeriods(s, {
    year,
    publishedMonth: a.publishedMonth,
    carriedYear,
    articleYear: a.articleYear,
    lastMonth: a.lastMonth,
  });
  const own = periods.filter((p): p is OwnPeriod => p.period !== null && !p.comparison);
  // Ranges and exchange rates hold no value of their own: they are left out before anything reads the sentence.
  const found = findQuantities(s, a.style, a.lang);
  const notValue = notValues(s, found);
  const qs = notValue.size > 0 ? found.filter((_, i) => !notValue.has(i)) : found;
  if (qs.length > 0) readFigures(a, sentence, s, qs, periods, own, carried);
  for (const p of own) if (p.period.start === p.period.end) a.lastMonth = p.period.start;
  if (own.length > 0) a.allTime = false;
  else if (CUMULATIVE_OPENING.test(foldKeepingPositions(s.slice(0, 40)))) a.allTime = true;
  putInForce(a, s, sentence.start, own, carried);
}

/** A period the sentence names as its own: not a baseline, and with its months known. */
type OwnPeriod = PeriodMention & { period: Period };

/** The period the sentence names last comes into force for the sentences after it, with exceptions. */
function putInForce(a: ArticleReading, s: string, sentenceStart: number, own: OwnPeriod[], carried: Period | null): void {
  // A period named against last year ("kuartal pertama tahun lalu") is a baseline: it sets no period in force.
  // "the highest increase in the 2012-2023 period": a frame across years, not the period the next sentences report.
  const frame = (p: OwnPeriod) =>
    p.period.start.slice(0, 4) !== p.period.end.slice(0, 4) && SUPERLATIVE_BEFORE.test(s.slice(Math.max(0, p.start - 60), p.start));
  const named = own.filter((p) => !p.singled && !PAST_RELATIVE.test(s.slice(p.start, p.end)) && !frame(p));
  const last = named.at(-1);
  // "7% in Q1, 7.41% in Q2 and 7.61% in Q3" under the nine months in force: the parts of that period, listed,
  // leave it in force for what follows.
  const listedParts =
    carried !== null &&
    new Set(named.map((p) => `${p.period.start}|${p.period.end}`)).size >= 2 &&
    named.every((p) => p.period.start >= carried.start && p.period.end <= carried.end);
  if (last && sentenceStart > a.titleEnd && !listedParts) {
    a.inParagraph = last.period;
    if (last.period.start !== last.period.end) a.inArticle = last.period;
  }
}

/** A sentence with figures, as each of its figures is read in turn. */
interface SentenceFigures {
  sentence: Sentence;
  /** The sentence's text in NFC, and folded (foldKeepingPositions). */
  s: string;
  folded: string;
  qs: Quantity[];
  classes: Classified[];
  periods: PeriodMention[];
  own: OwnPeriod[];
  /** The period in force when the sentence began. */
  carried: Period | null;
  members: MemberMention[];
  links: Array<SliceLink | null>;
  /** Periods paired with figures by "respectively". */
  listed: Map<number, Period>;
  /** The sentence classified again without its members' words, once a figure needs it. */
  unmasked?: Classified[];
  /** The facts of the figures read so far, in order. */
  made: Fact[];
}

function readFigures(
  a: ArticleReading,
  sentence: Sentence,
  s: string,
  qs: Quantity[],
  periods: PeriodMention[],
  own: OwnPeriod[],
  carried: Period | null,
): void {
  const folded = foldKeepingPositions(s);
  const classes = classify(
    s,
    qs,
    periods.map((p) => p.start),
    folded,
  );
  const members = findMembers(s, folded, a.lang);
  const links = members.length > 0 ? linkSlices(folded, qs, members) : qs.map(() => null);
  const listed = respectivePeriods(s, qs, own);
  const v: SentenceFigures = { sentence, s, folded, qs, classes, periods, own, carried, members, links, listed, made: [] };
  qs.forEach((_, i) => {
    readFigure(a, v, i);
  });
  lastNamedOf(a, v.made);
  // A bare scaled number ("15,4 triệu") that no catalog metric claims may be money or people: drop it.
  a.facts.push(...v.made.filter((f, i) => !qs[i].bare || f.metric !== "other"));
}

/** What the sentence's facts leave for the sentences after it: the measures named, FDI seen, the trail of families. */
function lastNamedOf(a: ArticleReading, made: Fact[]): void {
  a.lastNamed.clear();
  for (const f of made) if (f.metric !== "other") a.lastNamed.set(f.unit, f.metric);
  if (made.some((f) => metricFamily(f.metric) === "fdi_registered")) a.fdiSeen = true;
  for (const f of made)
    if (METRICS().has(f.metric)) {
      a.trail.push(metricFamily(f.metric));
      a.paragraphTrail.push(metricFamily(f.metric));
    }
}

/** A figure as its reading goes on: each step may change what the steps before it found. */
interface Draft {
  metric: string;
  value: number;
  /** The place a comparison names ("faster than Ho Chi Minh City's 6.5%"), for the geo. */
  rivalGeo: string | null;
  period: Period | null;
  part: Part | null;
  basis: Basis;
  /** The measure a bar or a change on the month before stands for, though its metric is "other". */
  measure: string | null;
  /** The growth (1) or decline (-1) word that governs a listed figure, or 0. */
  direction: -1 | 0 | 1;
}

/** Figure `i` of the sentence becomes a fact: its metric, period, basis, slice and geo, read in this order. */
function readFigure(a: ArticleReading, v: SentenceFigures, i: number): void {
  const q = v.qs[i];
  const prev = v.qs[i - 1];
  const d: Draft = {
    ...namedMetric(a, v, i),
    value: v.classes[i].value,
    period: null,
    part: null,
    basis: "actual",
    measure: null,
    direction: 0,
  };
  d.period = figurePeriod(a, v, i);
  const reading = basisOf(v.folded, q, prev ? prev.markEnd : 0);
  // "đạt 77,6% dự toán", "103% of the yearly target": a share of the plan, named only for budget revenue.
  if (reading.share && !d.metric.endsWith("_vs_plan")) shareOfPlan(a, v, i, d, reading.exceeds === true);
  // A bar a counted set clears names no value, but the figures listed after it are of its measure.
  const bar = isBar(v.folded, q) && d.metric !== "other" ? d.metric : null;
  d.metric = bar ? "other" : guard(v.folded, q, v.qs, v.made, d.metric, a.lastNamed);
  d.measure = bar;
  takeSlice(a, v, i, d);
  dropChanges(v, i, d);
  d.basis = d.metric.endsWith("_vs_plan") || d.metric.startsWith("socioeconomic_") ? "actual" : reading.basis;
  goalBasis(a, v, i, d, reading.estimate);
  // "208,8 nghìn tỷ đồng (gần 8,65 tỷ USD)": the same amount in another currency reads as the figure before did.
  const before = v.made[i - 1];
  if (before && prev && isConversion(v.s, prev, q)) {
    d.metric = before.metric;
    d.part = before.part;
    d.basis = before.basis;
    d.period = before.period;
  }
  recordFact(a, v, i, makeFact(a, v, i, d), d.measure, reading.estimate);
}

/** The figure's metric from its cue, then from the figures around it: a baseline, a rival place, a pointer back. */
function namedMetric(a: ArticleReading, v: SentenceFigures, i: number): { metric: string; rivalGeo: string | null } {
  const q = v.qs[i];
  // "cao hơn 0,8 điểm phần trăm": a gap in points is a difference, not a baseline.
  const points = POINTS.test(v.s.slice(q.markStart, q.markEnd));
  let { metric, rivalGeo } = points ? { metric: v.classes[i].metric, rivalGeo: null } : comparedMetric(v, i);
  // "a 62% year-on-year rise", "a 9% increase in social investment": a growth named after its figure.
  const grown = growthAfter(v.s, v.folded, v.qs, i, v.made);
  if (grown) metric = grown;
  // "cao hơn mức trung bình cả nước 7,52%", "(cả nước 3,8%)", "projections of the World Bank (6.1%)", "8.18% in
  // the third quarter and 8.53% in the fourth": the same measure as the figure before it (see sameMeasure).
  if (!points) {
    const same = sameMeasure(v.s, v.folded, v.qs, i, v.made, metric);
    if (same) {
      metric = same.metric;
      rivalGeo = same.geo ?? rivalGeo;
    }
  }
  return { metric: pointedBack(a, v, i, metric), rivalGeo };
}

/** The metric of a figure compared with the one of its unit before it, and the place it names, else the cue's. */
function comparedMetric(v: SentenceFigures, i: number): { metric: string; rivalGeo: string | null } {
  const q = v.qs[i];
  const metric = v.classes[i].metric;
  const sameUnitBefore = v.qs.slice(0, i).findLastIndex((o) => o.unit === q.unit);
  if (sameUnitBefore < 0) return { metric, rivalGeo: null };
  const from = v.qs[sameUnitBefore].markEnd;
  // "đạt 6,52% so với 6,27% cùng kỳ": the baseline is the same measure as the figure before it.
  if (COMPARED.test(v.s.slice(from, q.markStart)))
    return { metric: v.made[sameUnitBefore].metric, rivalGeo: placeNear(v.folded, from, q.markStart, q.markEnd) };
  if (metric !== "other" || !v.classes[i].cueless || v.made[sameUnitBefore].metric === "other") return { metric, rivalGeo: null };
  // "Hanoi's GRDP grew 7.2%, faster than Ho Chi Minh City's 6.5%": the same measure of the place it names.
  const gap = RIVAL.exec(v.s.slice(from, q.markStart));
  const place = gap && !NOT_RIVAL.test(gap[1]) && !/\.\s/.test(gap[1]) ? placeNear(v.folded, from, q.markStart, q.markEnd) : null;
  return place ? { metric: v.made[sameUnitBefore].metric, rivalGeo: place } : { metric, rivalGeo: null };
}

/** A sentence that points back at the previous sentence's figure, or at a top foreign investor, names its measure. */
function pointedBack(a: ArticleReading, v: SentenceFigures, i: number, metric: string): string {
  const q = v.qs[i];
  // "The figure compares with 6.16%…", "Angka tersebut lebih tinggi dibandingkan 5,81 persen…": the
  // sentence is about the previous sentence's figure, so a baseline in it is the same measure.
  if (metric === "other" && ANAPHORA.test(v.s) && a.lastNamed.get(q.unit)) metric = a.lastNamed.get(q.unit) ?? metric;
  // "The growth rate was lower than …" after a figure of exports: the growth of what was just reported.
  const previous = a.lastNamed.get(q.unit);
  const cueStart = v.classes[i].cueStart;
  if (
    q.unit === "percent" &&
    previous?.endsWith("_growth") &&
    GROWTH_ANAPHORA.test(v.s) &&
    metric !== previous &&
    cueStart !== undefined &&
    cueStart < 24
  )
    metric = previous;
  // The amount of a top foreign investor, in an article about FDI, is that investor's registered FDI capital.
  if (
    metric === "other" &&
    v.classes[i].cueless &&
    q.unit === "currency" &&
    TOP_INVESTOR.test(v.folded.slice(0, q.markStart)) &&
    (a.fdiSeen || FOREIGN_INVESTOR.test(v.folded))
  )
    return "fdi_registered";
  return metric;
}

/** The figure's period (see periodOf), and none for an all-time total. */
function figurePeriod(a: ArticleReading, v: SentenceFigures, i: number): Period | null {
  const q = v.qs[i];
  const period = v.listed.get(i) ?? periodOf(v.s, q, v.qs, v.qs[i - 1], v.periods, v.own, v.carried);
  // "Since 1989, Japan has invested $10.2bn", "Tính lũy kế đến nay …": an all-time total has no period.
  // ("secara kumulatif, … selama Januari-September 2018": a span named after the word is the span summed.)
  const cumulative = CUMULATIVE.exec(v.folded.slice(0, q.markStart));
  if (cumulative && !v.own.some((p) => p.start > cumulative.index && p.start < q.markStart && !AS_OF.test(v.s.slice(p.start, p.end))))
    return null;
  if (a.allTime && v.own.length === 0) return null;
  return period;
}

/** A share of a plan is budget revenue's when the sentence or paragraph is about it, else "other". */
function shareOfPlan(a: ArticleReading, v: SentenceFigures, i: number, d: Draft, exceeds: boolean): void {
  const budget =
    sentenceFamilies(v.classes, i).includes("budget_revenue") ||
    metricFamily(d.metric) === "budget_revenue" ||
    v.made.some((f) => metricFamily(f.metric) === "budget_revenue") ||
    a.paragraphTrail.at(-1) === "budget_revenue" ||
    BUDGET_WORDS.test(v.folded);
  d.metric = budget ? "budget_revenue_vs_plan" : "other";
  // "vượt 17% so với dự toán" is 117% of it.
  if (budget && exceeds) d.value += 100;
}

/** A figure linked to a slice member ("khu vực FDI", "Nhật Bản") becomes a part of its total, when the words allow. */
function takeSlice(a: ArticleReading, v: SentenceFigures, i: number, d: Draft): void {
  const q = v.qs[i];
  const link = v.links[i];
  d.direction = link ? listDirection(v.folded, q) : 0;
  if (!link) return;
  const countGrowth =
    q.unit === "percent" && COUNT_AFTER.test(v.folded.slice(q.markEnd, q.markEnd + 40)) && growthCue(v.folded, q.markStart) !== 0;
  // "giá xăng dầu tăng 49,75%": the price of a commodity is no slice of its trade.
  const priced = link.member.dimension === "product" && PRICE_WORD.test(v.folded);
  // "thu từ khu vực nhà nước …, đạt 80,7% dự toán": a slice's share of its own plan is a slice of the share.
  if (d.metric.endsWith("_vs_plan") && (link.member.families as readonly string[]).includes(d.metric.replace(/_vs_plan$/, "")))
    d.part = { dimension: link.member.dimension, member: link.joined ?? link.member.member };
  if (priced || countGrowth || d.metric.endsWith("_vs_plan") || d.metric.startsWith("socioeconomic_")) return;
  const slice = sliceOf(a, v, i, link, d);
  if (!slice) return;
  d.metric = slice.metric;
  d.part = slice.part;
  // "China merupakan pengekspor terbesar bagi Vietnam dengan nilai perdagangan 53,4 miliar": a partner that
  // sells to the country is a market of its imports, one that buys from it of its exports.
  const role = d.part.dimension === "market" && TRADE_FAMILIES.has(metricFamily(d.metric)) ? partnerRole(v.folded) : null;
  if (role) d.metric = (d.metric.endsWith("_growth") ? `${role}_growth` : role) as string;
}

/** The slice metric and part of a linked figure (see sliceMetric), from the measures the sentence and the article name. */
function sliceOf(a: ArticleReading, v: SentenceFigures, i: number, link: SliceLink, d: Draft): ReturnType<typeof sliceMetric> {
  const q = v.qs[i];
  const growth = sliceGrowth(v, i, link, d);
  // Branches of the economy divide GRDP only where the paragraph is about it; other members may look further back.
  const back = link.member.dimension !== "industry" || a.trail.slice(-3).includes("grdp") ? a.trail : a.paragraphTrail;
  const recent = [...tradeWord(v.folded, link.member.families), ...sentenceFamilies(v.classes, i), ...back.slice().reverse()];
  // A cue inside a member's words names no measure ("khu vực có vốn đầu tư nước ngoài"): read the sentence
  // again without the members, and the measure left is the total's ("xuất nhập khẩu của khối … FDI").
  const masked = cueInMember(v.classes[i].cueStart, v.members);
  if (masked) v.unmasked ??= classify(maskMembers(v.s, v.members), v.qs);
  const own = masked && v.unmasked ? v.unmasked[i].metric : d.metric;
  // The noun a count counts, unless it is the member itself ("211,300 foreigners", "3,2 triệu lượt khách quốc tế").
  const ownNoun =
    link.member.start >= q.markEnd && v.folded.slice(q.markEnd, link.member.start).trim().split(/\s+/).filter(Boolean).length <= 3;
  const noun = q.unit === "count" && !ownNoun ? (/^\s*([a-z]+(?: [a-z]+)?)/.exec(v.folded.slice(q.markEnd))?.[1] ?? null) : null;
  const fdiContext = FDI_WORDS.test(v.folded) || a.trail.slice(-4).includes("fdi_registered");
  return sliceMetric(link, own === "other" ? d.metric : own, q.unit, growth, recent, masked, noun, fdiContext);
}

/**
 * Whether a linked figure is a growth: "tăng trưởng của khu vực nông, lâm nghiệp và thủy sản đạt 3,76%" (a growth
 * noun opens the clause). A share of the whole ("chiếm 62,7%", "accounted for 43.59%") is no growth; in a list of
 * branches one verb serves them all ("services expand by 5.84%, industry and construction by 4.77%").
 */
function sliceGrowth(v: SentenceFigures, i: number, link: SliceLink, d: Draft): boolean {
  const q = v.qs[i];
  const prev = v.qs[i - 1];
  const clauseHead = v.folded.slice(0, q.start).split(/;/).at(-1) ?? "";
  // (Only the words since the figure before: "accounting for 12.8 per cent … and growing by 15 per cent".)
  const sincePrev = prev ? v.folded.slice(prev.markEnd, q.start) : clauseHead;
  const share =
    q.unit === "percent" &&
    SHARE_WORDS.test(
      sincePrev
        .split(/;/)
        .at(-1)
        ?.split(/,(?!\d)/)
        .at(-1) ?? "",
    );
  return (
    !share &&
    (d.direction !== 0 ||
      (d.metric !== "other" && d.metric.endsWith("_growth")) ||
      (q.unit === "percent" && GROWTH_NOUN_BEFORE.test(clauseHead)) ||
      (q.unit === "percent" && link.member.dimension === "industry" && lastDirection(v.folded, q.start) !== 0))
  );
}

/** Changes are no levels: an amount after "tăng" with no slice, and a change on the month before (kept as its measure). */
function dropChanges(v: SentenceFigures, i: number, d: Draft): void {
  const q = v.qs[i];
  // "GDP bình quân đầu người … tăng 198 USD so với năm 2017": an amount after "tăng" with no slice is a change.
  if (
    q.unit === "currency" &&
    !d.part &&
    d.metric !== "other" &&
    VI_DELTA_BEFORE.test(v.folded.slice(Math.max(0, q.markStart - 20), q.markStart))
  )
    d.metric = "other";
  // Month-on-month changes are not growth ("giảm 2,5% so với tháng trước", "dibanding Agustus 2018").
  // (A change on the month before is no growth, but "3.6% month on month and 2.3% year on year" goes on with its measure.)
  const onMonthBefore = monthOnMonth(v.folded, q.markStart, q.markEnd, v.qs[i - 1]?.markEnd ?? 0);
  if (d.metric.endsWith("_growth") && onMonthBefore) {
    d.measure = d.metric;
    d.metric = "other";
    d.part = null;
  } else if (onMonthBefore && d.metric === "other") d.measure ??= "month-on-month";
}

/** A figure among goals is a goal: an estimate of the goal's period, a goal's year named after it, a part of a goal. */
function goalBasis(a: ArticleReading, v: SentenceFigures, i: number, d: Draft, estimate: boolean): void {
  const q = v.qs[i];
  // "… tỉnh đặt mục tiêu GRDP tăng 8,7%. Chỉ tiêu thu ngân sách ước đạt 15.445 tỷ đồng": a list of goals goes
  // on in the next sentences of its paragraph, with estimates of the same period.
  if (d.basis === "actual" && estimate && a.goalPeriod && d.period && samePeriodAs(d.period, a.goalPeriod)) d.basis = "target";
  // "has set a goal of about 26.5 million visitors for 2024": the year a goal is for, named right after it.
  const goalYear = d.basis !== "actual" ? GOAL_FOR_YEAR.exec(v.folded.slice(q.markEnd, q.markEnd + 50)) : null;
  if (goalYear) d.period = { start: `${goalYear[1]}-01`, end: `${goalYear[1]}-12` };
  // "a plan of 26.5 million visitors, including 5 million international …": the parts of a goal are goals.
  if (d.basis === "actual" && d.part) {
    const total = v.made.findLast((f, k) => f.part === null && v.qs[k].unit === q.unit && f.metric !== "other");
    if (total && total.basis !== "actual" && INCLUDING.test(v.folded.slice(v.qs[v.made.indexOf(total)].markEnd, q.markStart)))
      d.basis = total.basis;
  }
}

function makeFact(a: ArticleReading, v: SentenceFigures, i: number, d: Draft): Fact {
  const q = v.qs[i];
  const prev = v.qs[i - 1];
  return {
    metric: d.metric,
    value: d.part && d.metric.endsWith("_growth") && d.value > 0 && d.direction < 0 ? -d.value : d.value,
    unit: q.unit,
    ...(q.unit === "currency" ? { currency: q.currency } : {}),
    period: d.period,
    geo: METRICS().get(d.metric)?.geo ?? d.rivalGeo ?? figureGeo(v.s, q.markStart, a.defaultGeo, v.folded),
    qualifier: q.unit === "rank" ? "exact" : qualifierBefore(v.s, q.markStart, prev ? prev.markEnd : 0),
    basis: d.basis,
    part: d.part,
    sentence: v.sentence.text,
  };
}

/** Keeps a new fact, and what later figures read of it: an estimate, a goal's period, a paragraph topic. */
function recordFact(a: ArticleReading, v: SentenceFigures, i: number, fact: Fact, measure: string | null, estimate: boolean): void {
  if (estimate && fact.basis === "actual") a.estimated.add(fact);
  if (fact.basis === "target" && fact.period) a.goalPeriod = fact.period;
  a.where.set(fact, v.sentence.start);
  v.made.push(fact);
  if (measure) barMeasure.set(fact, measure);
  if (METRICS().has(fact.metric)) a.topics.push({ family: metricFamily(fact.metric) });
  else if (mayTakeTopic(v, i, fact)) a.topics.push({ open: fact });
}

/** A place ranked or credited with an amount or a rank no cue named: the paragraph's topic may name it (see takeTopics). */
function mayTakeTopic(v: SentenceFigures, i: number, fact: Fact): boolean {
  const q = v.qs[i];
  return (
    fact.metric === "other" &&
    v.classes[i].cueless === true &&
    !q.bare &&
    (q.unit === "currency" || q.unit === "rank") &&
    subjectPlace(v.folded, q.markStart) !== null &&
    !PARTNER.test(v.folded.slice(0, q.markStart)) &&
    (q.unit === "rank" || v.qs.some((o) => o.unit === "rank") || CREDITED.test(v.s.slice(0, q.markStart)))
  );
}

/**
 * The headline's facts after the body's, and none the body restates: a headline is short on context ("… in the
 * first and second quarters" for a body that names them), so the body's reading of a figure wins.
 */
function headlineLast(facts: Fact[], where: ReadonlyMap<Fact, number>, titleEnd: number): Fact[] {
  if (titleEnd < 0) return facts;
  const inTitle = (f: Fact) => (where.get(f) ?? 0) <= titleEnd;
  const body = facts.filter((f) => !inTitle(f));
  // The same figure in the body, read in its context ("CPI tháng 9 tăng 2,47%" over "… 2,47% so với tháng 8", a
  // change on the month before), is the reading that counts, whatever metric it took there.
  // (A body figure no cue named, read as "other" for want of words, leaves the headline's reading standing.)
  const same = (a: Fact, b: Fact) =>
    a.value === b.value && a.unit === b.unit && a.currency === b.currency && (a.metric !== "other" || barMeasure.has(a));
  return [...body, ...facts.filter((f) => inTitle(f) && !body.some((b) => same(b, f)))];
}

/** More facts than any news article holds: a page of repeated or generated figures. */
export const MAX_FACTS = 500;

/**
 * The facts without repeats: a figure restated in the headline, the lead and the body is one fact, and a
 * restatement that lost its period ("… 1,2 tỷ USD vốn FDI" in a headline) gives way to one that states it.
 */
function distinct(facts: Fact[], where: ReadonlyMap<Fact, number>): Fact[] {
  const figure = (f: Fact) =>
    `${f.metric}|${f.value}|${f.unit}|${f.currency ?? ""}|${f.geo}|${f.basis}|${f.part ? `${f.part.dimension}:${f.part.member}` : ""}`;
  const dated = new Set(facts.filter((f) => f.period).map(figure));
  const seen = new Map<string, number | undefined>();
  return facts.filter((f) => {
    // Two figures of one sentence are two facts even when equal ("the World Bank (6.1%) and the IMF (6.1%)").
    const key = `${figure(f)}|${f.period?.start ?? ""}|${f.period?.end ?? ""}`;
    if ((seen.has(key) && seen.get(key) !== where.get(f)) || (!f.period && dated.has(figure(f)))) return false;
    seen.set(key, where.get(f));
    return true;
  });
}

/**
 * Whether a growth (1) or decline (-1) word governs a figure: in its clause ("giảm 0,7% và 9,4%", "declines
 * of 22.3 percent and 6.8 percent"), or, for a bare percentage in brackets after a listed item ("dệt may
 * (19,2%), gỗ (16,8%)"), the last such word before it in the sentence ("nhóm hàng … giảm … như").
 */
function listDirection(folded: string, q: Quantity): -1 | 0 | 1 {
  const near = growthCue(folded, q.markStart);
  if (near !== 0 || !/\(\s*$/.test(folded.slice(0, q.start))) return near;
  return lastDirection(folded, q.start);
}

const SHARE_WORDS =
  /\b(?:chiem|ty trong|dong gop|accounted for|accounting for|made up|making up|occupied|proportion|share of|contribut(?:ing|ed|es|e)|menyumbang|berkontribusi|porsi|kontribusi)\b/;
const GROWTH_NOUN_BEFORE = /\b(?:tang truong|toc do tang|muc tang|growth|pertumbuhan|laju)\b/;
const VI_DELTA_BEFORE = /\b(?:tang|giam|tang them|giam bot)\s*(?:(?:hon|gan|khoang|tren)\s*)?$/;
const FDI_WORDS =
  /\b(?:fdi|dau tu (?:truc tiep )?nuoc ngoai|nha dau tu nuoc ngoai|foreign (?:direct )?investment|foreign investors?|investasi asing|penanaman modal asing|investor asing|pma)\b/;
const PRICE_WORD = /\b(?:gia|prices?|harga)\b/;
const BUDGET_WORDS =
  /\b(?:thu ngan sach|thu nsnn|tong thu ngan sach|budget revenues?|budget collections?|pendapatan (?:anggaran|daerah|negara)|penerimaan (?:negara|daerah))\b/;
const TRADE_FAMILIES = new Set(["exports", "imports", "trade_turnover"]);
// Folded words that cast a partner as a buyer of the country's goods, or as a seller to it.
const BUYER =
  /\b(?:pengimpor|importers?|nha nhap khau|buyers?|thi truong xuat khau|export markets?|export destinations?|pasar ekspor|(?:negara )?tujuan ekspor|khach hang)\b/;
const SELLER =
  /\b(?:pengekspor|exporters?|nha xuat khau|suppliers?|nha cung cap|nguon nhap khau|thi truong nhap khau|import markets?|sources? of imports|pasar impor|pemasok|negara asal impor)\b/;

/** "exports" when the sentence casts its partners as buyers, "imports" as sellers, else null. */
function partnerRole(folded: string): "exports" | "imports" | null {
  const buyer = BUYER.test(folded);
  const seller = SELLER.test(folded);
  return buyer === seller ? null : buyer ? "exports" : "imports";
}

const EXCLUDING = /\b(?:excluding|not including|except|khong ke|khong tinh|ngoai tru|tru dau tho|di luar|tidak termasuk|tanpa)\b[^;.]*$/;
const POINTS_AFTER = /diem phan tram|percentage points?|poin persentase|diem %/;
// Amounts whose cue may be an investment word that new businesses' capital also fits.
const WEAK_CAPITAL = new Set([
  "other",
  "investment_capital_licensed",
  "fdi_registered",
  "social_investment",
  "domestic_capital_licensed",
  "fdi_capital_licensed",
]);
// Before an amount: a change, not a level ("an increase of US$377", "up by $2bn", "kenaikan sebesar Rp5 triliun").
const CHANGE_BEFORE =
  /\b(?:(?:an? )?(?:increase|rise|gain|decrease|decline|drop|fall|jump|surge)s? (?:of|by)|(?:up|down) by|kenaikan(?: sebesar)?|penurunan(?: sebesar)?|tuong ung (?:tang|giam)(?: (?:hon|gan|khoang|tren))?)\s*(?:(?:us\$|\$|usd|vnd|rp)\s*)?$/;
// Items counted before a threshold: "25 barang ekspor mencatat pendapatan lebih dari 1 miliar dolar", "12 mặt hàng đạt trên 1 tỷ USD".
const ITEMS = /\b(?:mat hang|nhom hang|san pham|barang|komoditas|produk|items?|products?|commodities|goods)\b/;
// Right after a goal's figure (and its noun), the year it is for.
const GOAL_FOR_YEAR = /^\s*(?:[a-z]+\s+){0,3}?(?:for|cho|untuk|pada)\s+(?:(?:nam|tahun|the year)\s+)?((?:19|20)\d\d)\b/;
// An all-time total: "lũy kế" not followed by a span of months, "since 1989", "sejak 1988", "cumulatively".
const CUMULATIVE =
  /\b(?:(?:tinh )?luy ke|tich luy|cumulative(?:ly)?|(?:secara )?kumulatif)\b(?!\s+(?:\d+|[a-z]+)\s+thang|\s+(?:tu dau nam|nam \d{4}|quy|\d+ (?:months|bulan)))|\b(?:since|sejak(?: tahun)?)\s+(?:19|20)\d\d\b|\btu (?:nam )?(?:19|20)\d\d (?:den|toi) nay\b/;
// A sentence that opens on an all-time total ("Tính lũy kế, …", "Cumulatively, …", "Since 1989, …").
const CUMULATIVE_OPENING =
  /^\W*(?:tinh luy ke|luy ke|cumulatively|in total|secara kumulatif|since (?:19|20)\d\d|sejak (?:tahun )?(?:19|20)\d\d)\b/;
// A period that runs up to a date ("tính đến ngày 20/10", "as of October", "hingga Oktober").
const AS_OF = /^(?:tính\s+)?(?:đến|tới)\b|^(?:as of|through|until|hingga|sampai)\b/iu;
// A record "in the 2012-2023 period": the years are the frame of a comparison.
const SUPERLATIVE_BEFORE =
  /\b(?:highest|lowest|largest|biggest|fastest|record|cao nhất|thấp nhất|lớn nhất|tertinggi|terendah|terbesar)\b/iu;
// Words that open the parts of a figure just given.
const INCLUDING = /\b(?:including|of which|among them|trong do|bao gom|gom|di antaranya|termasuk|terdiri dari|yang terdiri)\b/;
// A verb of contributing right before a percentage.
const CONTRIBUTES_BEFORE =
  /\b(?:contribut(?:ing|ed|es|e)|dong gop(?: duoc)?|menyumbang(?:kan)?|berkontribusi|kontribusi(?: sebesar)?)\s+(?:(?:about|around|nearly|over|khoang|gan|hon|sekitar|hampir)\s+)?$/;
// A count of items before a bar their values clear: "25 barang ekspor", "12 mặt hàng", "8 products".
const ITEMS_COUNTED = new RegExp(`\\b\\d+\\s+(?:[a-z]+\\s+)?${ITEMS.source.slice(2)}`);
// A count of places before a bar their rates clear: "6 dari 34 provinsi", "25 tỉnh, thành phố", "12 provinces".
const PLACES_COUNTED =
  /\b\d+(?:\s*(?:\/|dari|of|tren)\s*\d+)?\s+(?:(?:tinh|thanh pho|dia phuong|provinsi|provinces?|localities|cities|kota|negara|countries|quoc gia|nuoc)\b)/;
// After a growth: it counts projects or firms, not money ("tăng 23% số dự án", "turun 69,1 persen dalam kuantitas").
const COUNT_AFTER =
  /^\s*(?:ve\s+)?(?:so (?:luot )?(?:du an|doanh nghiep)|so luong|in (?:the )?(?:number|quantity)|in terms of (?:the )?number|dalam (?:kuantitas|jumlah)|jumlah proyek)/;
// A sentence opening on the capital of something counted before: "Vốn đăng ký đạt …", "Registered capital …".
const CAPITAL_OPENING = /^(?:tong )?(?:so )?von dang ky|^(?:total )?registered capital|^(?:total )?modal (?:terdaftar|disetor)/;

/**
 * "12 mặt hàng đạt trên 1 tỷ USD", "6 dari 34 provinsi dengan pertumbuhan di atas 10%": the bar a counted set
 * of items or places clears, not a value of anything.
 */
function isBar(folded: string, q: Quantity): boolean {
  if (q.unit !== "currency" && q.unit !== "percent") return false;
  const before = folded.slice(0, q.start);
  const clause = before.split(/[;:]|,(?!\d)/).at(-1) ?? "";
  if (!/\b(?:hon|tren|duoi|more than|over|above|below|under|lebih dari|di atas|di bawah)\s*(?:\S+\s*)?$/.test(clause)) return false;
  // Items are counted in the clause; places may be named as a list ("5/63 tỉnh, thành phố có …").
  return q.unit === "currency" ? ITEMS_COUNTED.test(clause) : PLACES_COUNTED.test(before.split(/[;:]/).at(-1) ?? "");
}

/** The measure of a bar figure (kept as metric "other"): figures listed after it are of that measure. */
const barMeasure = new WeakMap<Fact, string>();
const measureOf = (f: Fact) => barMeasure.get(f) ?? f.metric;

/**
 * Guards against cues that name the wrong measure:
 * - an amount after a count of new businesses is their registered capital, not investment or FDI
 *   ("2.298 doanh nghiệp đăng ký thành lập mới, vốn đăng ký đạt 37,1 nghìn tỷ đồng");
 * - a change of an amount is not the amount ("an increase of US$377");
 * - a growth followed by what it counts is a growth of a count ("tăng 23% số dự án cấp mới"), not a share or a
 *   growth of money.
 */
function guard(folded: string, q: Quantity, qs: Quantity[], made: Fact[], metric: string, lastNamed: ReadonlyMap<string, string>): string {
  const i = qs.indexOf(q);
  // "Excluding crude oil, exports were $24bn", "không kể dầu thô": a measure of less than the total.
  if (EXCLUDING.test(folded.slice(0, q.start))) return "other";
  if (q.unit === "currency") {
    const counted = made.findLast((_, k) => qs[k].unit !== "percent" && k < i);
    const since = counted ? folded.slice(qs[made.indexOf(counted)].markEnd, q.start) : "";
    const newFirms =
      (counted?.metric === "new_enterprises" &&
        !since.includes(";") &&
        WEAK_CAPITAL.has(metric) &&
        !made.some((_, k) => k < i && qs[k].unit === "currency" && k > made.indexOf(counted))) ||
      (i === 0 && lastNamed.get("count") === "new_enterprises" && CAPITAL_OPENING.test(folded));
    if (newFirms && metric !== "new_enterprises_capital") return "new_enterprises_capital";
    if (CHANGE_BEFORE.test(folded.slice(Math.max(0, q.markStart - 40), q.markStart))) return "other";
  }

  // "contributing 52.6% to GDP", "đóng góp 42,6%", "menyumbang 30 persen": a share of a whole, not a growth.
  if (
    q.unit === "percent" &&
    metric.endsWith("_growth") &&
    CONTRIBUTES_BEFORE.test(folded.slice(Math.max(0, q.markStart - 30), q.markStart))
  )
    return "other";
  // "tác động làm CPI tăng 1,79 điểm phần trăm": a contribution in points, not a growth.
  if (q.unit === "percent" && metric.endsWith("_growth") && POINTS_AFTER.test(folded.slice(q.markStart, q.markEnd + 4))) return "other";
  const counts = q.unit === "percent" && COUNT_AFTER.test(folded.slice(q.markEnd, q.markEnd + 40));
  if (counts && (metric.endsWith("_growth") || (metric.endsWith("_share") && growthCue(folded, q.markStart) !== 0))) return "other";
  return metric;
}

const TWO_WAY =
  /\b(?:xuat,? nhap khau|xuat - nhap khau|import-export|export-import|imports? and exports?|exports? and imports?|ekspor-impor|impor-ekspor|ekspor dan impor|impor dan ekspor|trade)\b/;
const EXPORT_WORD = /\b(?:xuat khau|exports?|ekspor)\b/;
const IMPORT_WORD = /\b(?:nhap khau|imports?|impor)\b/;

/** For a commodity or market of trade: the one flow the sentence names ("… 15,9 persen dari total nilai ekspor"). */
function tradeWord(folded: string, families: readonly string[]): string[] {
  if (!families.includes("exports") || TWO_WAY.test(folded)) return [];
  const ex = EXPORT_WORD.test(folded);
  const im = IMPORT_WORD.test(folded);
  return ex === im ? [] : [ex ? "exports" : "imports"];
}

/** The sentence with its members' words blanked (same length, so positions hold). */
function maskMembers(s: string, members: readonly MemberMention[]): string {
  let out = s;
  for (const m of members) if (!m.place) out = out.slice(0, m.start) + " ".repeat(m.end - m.start) + out.slice(m.end);
  return out;
}

/** Whether a figure's cue is the words of a slice member ("khu vực có vốn đầu tư nước ngoài" holds an FDI cue). */
function cueInMember(cueStart: number | undefined, members: readonly MemberMention[]): boolean {
  return cueStart !== undefined && members.some((m) => cueStart >= m.start && cueStart < m.end);
}

/** The families of the other catalog figures of a sentence, nearest to figure `i` first. */
function sentenceFamilies(classes: ReadonlyArray<{ metric: string }>, i: number): string[] {
  const out: string[] = [];
  for (let d = 1; d < classes.length; d++)
    for (const j of [i - d, i + d]) {
      const m = classes[j]?.metric;
      if (m && METRICS().has(m)) out.push(metricFamily(m));
    }
  return out;
}

/**
 * An estimate is a result when its period is over by the time the article was written (a year-end
 * report's "ước cả năm") and a projection otherwise ("tahun ini diperkirakan tumbuh 8,8%" in a
 * first-quarter report). The time of writing is the publication month, else the latest month an actual
 * figure of the article covers; a full-year estimate in a report from October on is a year-end estimate.
 */
function settleEstimates(facts: Fact[], estimated: ReadonlySet<Fact>, published: string | null): void {
  let now = published ? published.slice(0, 7) : "";
  if (!now) for (const f of facts) if (f.basis === "actual" && !estimated.has(f) && f.period && f.period.end > now) now = f.period.end;
  if (!now) return;
  for (const f of estimated) {
    if (!f.period || f.period.end <= now) continue;
    const yearEnd = f.period.start === `${now.slice(0, 4)}-01` && f.period.end === `${now.slice(0, 4)}-12` && Number(now.slice(5, 7)) >= 10;
    if (!yearEnd) f.basis = "forecast";
  }
}

// The end of the text before a figure that casts it as a baseline: "cao hơn mức trung bình cả nước", "lebih cepat dari
// pertumbuhan tahun lalu sebesar", "meningkat dari pertumbuhan sebesar", "mengalahkan", "up from", "beating" (folded).
const COMPARISON_TAIL =
  /\b(?:so voi|so cung ky|cao hon|thap hon|nhanh hon|cham hon|lon hon|nhieu hon|than|compared (?:with|to)|versus|(?:up|down|rising|falling|increased|decreased|accelerating|slowing) from|beating|surpassing|(?:lebih \w+|meningkat|naik|turun|menurun|melambat) dari|daripada|dibandingkan(?: dengan)?|mengalahkan|melampaui|(?:second|third) only to|only behind|trailing|chi sau|xep sau|dung sau|times|lan|kali)\b[^,;:()]*$/;
// A contrast that names another place: "…, while HCM City collected over VND600 trillion", "trong khi TP.HCM đạt …".
const RIVAL_TAIL = /\b(?:while|whereas|trong khi|con|sementara(?: itu)?|sedangkan)\b[^,;:()]*$/;
// A plan, a forecast or an estimate named before a figure: "projections of the ADB (", "perkiraan Bank Dunia sebesar".
const BASIS_NOUN_TAIL =
  /\b(?:du bao|ke hoach|muc tieu|kich ban|chi tieu|ky vong|uoc tinh|projections?|forecasts?|estimates?|targets?|goals?|expectations?|perkiraan|proyeksi|prediksi|target|sasaran)\b[^;:]*$/;
// Words that may stand between two figures of one measure in a list: "8,18% trong quý III và 8,53% trong quý IV".
const PARALLEL_WORDS = lazy(
  () =>
    new Set(
      (
        "and va dan con hoac or in the of trong tai pada di during quy quarter quarters kuartal triwulan thang month months bulan nam year tahun " +
        "i ii iii iv first second third fourth final last pertama kedua ketiga keempat terakhir mot hai ba bon sau respectively lan luot " +
        "masing-masing period ky nay this ini growth tang truong pertumbuhan tang giam up down naik turun rose fell " +
        "dat reached reaching mencapai at la"
      ).split(" "),
    ),
);

// After a percentage: a growth noun ("a 62% year-on-year rise", "an 8% increase", "mức tăng"), and what grew ("in FDI").
const GROWTH_NOUN_AFTER =
  /^\s*(?:(?:year-on-year|year on year|on-year|y-o-y|yoy|annual|annually|month-on-month)\s+)?(rise|increase|growth|gain|jump|surge|hike|expansion|decline|drop|fall|decrease|contraction|reduction)s?\b(?:\s+(?:in|of)\s+)?/;

/**
 * The growth metric of a percentage a growth noun follows ("a 62% year-on-year rise", "a 1.0% increase"): of what
 * the words after it name ("a 9% increase in social investment"), else of the nearest amount or count before it
 * in the sentence ("US$2.9 billion in FDI, marking a 62% rise"). The sign follows the noun. Null otherwise.
 */
function growthAfter(s: string, folded: string, qs: Quantity[], i: number, made: Fact[]): string | null {
  const q = qs[i];
  if (q.unit !== "percent" || made.length < i) return null;
  const m = GROWTH_NOUN_AFTER.exec(folded.slice(q.markEnd, q.markEnd + 60));
  if (!m || /^(?:month-on-month)/.test(m[0].trim())) return null;
  let family: string | null = null;
  if (/\b(?:in|of)\s+$/.test(m[0])) {
    const rest = s.slice(q.markEnd + m[0].length);
    const named = classify(`1% ${rest}`, [{ value: 1, unit: "percent", start: 0, end: 1, markStart: 0, markEnd: 2 }])[0];
    if (named.metric !== "other") family = metricFamily(named.metric);
    if (!family) {
      const t = classify(`${rest} đạt 1 tỷ USD`.slice(0, 200), []);
      void t;
    }
  }
  if (!family) {
    const ref = made.findLast((f, k) => k < i && qs[k].unit !== "percent" && METRICS().has(f.metric));
    if (ref) family = metricFamily(ref.metric);
  }
  if (!family) return null;
  return familyMetric(family, "percent", true);
}

/**
 * A figure no cue named (or one cast as a baseline) measures what the nearest earlier figure of its unit in the
 * sentence measures, when the text between says so:
 * - it ends in a comparison ("cao hơn mức trung bình cả nước 7,52%", "meningkat dari pertumbuhan sebesar 7,96%"),
 *   unless the comparison names another measure of its own;
 * - it opens a bracket on a place ("tăng 3,2% (cả nước 3,8%)");
 * - it names a plan, a forecast or an estimate ("beating the projections of the ADB (6.4 percent)");
 * - it is a list of periods or members ("8.18% growth in the third quarter and 8.53% in the fourth").
 * The geo is the place named between, if any.
 */
function sameMeasure(
  s: string,
  folded: string,
  qs: Quantity[],
  i: number,
  made: Fact[],
  metric: string,
): { metric: string; geo: string | null } | null {
  const q = qs[i];
  const ref = made.findLastIndex((f, k) => k < i && qs[k].unit === q.unit && METRICS().has(measureOf(f)) && f.unit === q.unit);
  if (ref < 0) return null;
  const from = qs[ref].markEnd;
  const gap = folded.slice(from, q.start);
  const geo = () => placeNear(folded, from, q.start, q.markEnd);
  const same = measureOf(made[ref]);
  const tail = COMPARISON_TAIL.exec(gap);
  if (tail && tail[0].split(/\s+/).length <= 12) {
    if (metric === "other") return { metric: same, geo: geo() };
    // A baseline whose own words name another measure keeps it ("so với kim ngạch nhập khẩu 5 tỷ USD").
    const own = classify(s.slice(from + tail.index, q.markEnd), [shift(q, -(from + tail.index))])[0];
    if (own.metric === "other") return { metric: same, geo: geo() };
  }
  if (metric !== "other") return null;
  const rival = RIVAL_TAIL.exec(gap);
  if (rival && rival[0].split(/\s+/).length <= 10 && placeNear(folded, from + rival.index, q.start, q.markEnd))
    return { metric: same, geo: geo() };
  if (/\(\s*(?:\S+\s+){0,4}$/.test(gap) && geo()) return { metric: same, geo: geo() };
  // "gấp gần 5 lần mức tăng cùng kỳ năm 2021 (4,5%)": the bracketed figure of a period just named.
  if (/(?:\b(?:19|20)\d\d|cung ky|last year|tahun lalu|nam truoc|nam ngoai)\s*\(\s*$/.test(gap)) return { metric: same, geo: null };
  if (BASIS_NOUN_TAIL.test(gap.split(/,(?!\d)/).at(-1) ?? gap)) return { metric: same, geo: null };
  // A bracketed list: "the ADB (6.4 percent), the World Bank (6.1 percent)".
  if (/\(\s*$/.test(gap) && /\(\s*$/.test(folded.slice(0, qs[ref].start))) return { metric: same, geo: null };
  const words = gap.split(/[^a-z0-9-]+/).filter(Boolean);
  if (words.length <= 8 && words.every((w) => PARALLEL_WORDS().has(w) || /^\d/.test(w))) return { metric: same, geo: null };
  return null;
}

/** A quantity moved by `d` characters, to classify it inside a part of its sentence. */
function shift(q: Quantity, d: number): Quantity {
  return { ...q, start: q.start + d, end: q.end + d, markStart: q.markStart + d, markEnd: q.markEnd + d };
}

/**
 * The topic of a paragraph names the figures no cue named: "Bắc Ninh dẫn đầu cả nước với tổng vốn đầu tư
 * đăng ký hơn 4,1 tỷ USD. Hà Nội xếp thứ ba với 2,12 tỷ USD, chiếm 7,8% tổng vốn đầu tư đăng ký của cả
 * nước" — the share names FDI, so the ranks are FDI ranks and the amounts FDI capital. The rule:
 * - only a figure no cue named (not an "other" cue, a target or a horizon), of money or a rank;
 * - only a place as its subject (a province, a city or the nation, see geo.ts), ranked or credited with the
 *   amount (a rank in the sentence, or "với", "đạt", "with", "dengan"… before it): places ranked or compared
 *   within the topic. An amount spent or lent ("Hà Nội chi 5.000 tỷ đồng cho…"), a partner ("Singapore là nhà đầu tư lớn nhất với 8,5 tỷ USD") or a component
 *   ("Trong đó, điện tử đạt 3 tỷ USD") is not the place's total and stays "other";
 * - the topic is the family of the nearest catalog figure before it in the paragraph (a new metric cue
 *   starts a new topic), else of the first one after it; it never crosses a paragraph;
 * - money takes the family's own measure when that is money, a rank the family's rank (topicMetric).
 */
function takeTopics(steps: TopicStep[]): void {
  steps.forEach((step, i) => {
    if (!("open" in step)) return;
    const named = (j: number) => {
      const s = steps[j];
      return s && "family" in s ? s.family : null;
    };
    let family: string | null = null;
    for (let j = i - 1; j >= 0 && !family; j--) family = named(j);
    for (let j = i + 1; j < steps.length && !family; j++) family = named(j);
    const metric = family ? topicMetric(family, step.open.unit) : null;
    if (!metric) return;
    step.open.metric = metric;
    step.open.geo = METRICS().get(metric)?.geo ?? step.open.geo;
  });
}

const LAST_YEAR_WORDS = /^(?:năm ngoái|năm trước|last year|tahun lalu|tahun sebelumnya|the previous year)$/iu;

const RESPECTIVELY_WORD = /(?<![\p{L}])(?:respectively|lần lượt|tương ứng|masing-masing|berturut-turut)(?![\p{L}])/iu;
const LIST_GAP = /^\s*(?:,|and|và|dan|or|hoặc|atau|&)?\s*(?:,|and|và|dan)?\s*$/iu;

/**
 * "growth rates of 7% and 7.41% recorded in the first and second quarters, respectively", "quý I, quý II lần
 * lượt tăng 5% và 6%": a list of periods paired in order with the list of figures of one unit it matches in length.
 */
function respectivePeriods(
  s: string,
  qs: readonly Quantity[],
  own: ReadonlyArray<PeriodMention & { period: Period }>,
): Map<number, Period> {
  const out = new Map<number, Period>();
  const marker = RESPECTIVELY_WORD.exec(s);
  if (own.length < 2 || !marker) return out;
  // Runs of periods joined by commas and "and".
  const runs: Array<Array<PeriodMention & { period: Period }>> = [];
  for (const p of own) {
    const run = runs.at(-1);
    const last = run?.at(-1);
    if (run && last && LIST_GAP.test(s.slice(last.end, p.start))) run.push(p);
    else runs.push([p]);
  }
  // Runs of figures of one unit joined the same way: "7% and 7.41%", "5%, 6% và 7%".
  const groups: Array<Array<readonly [Quantity, number]>> = [];
  qs.forEach((q, i) => {
    const group = groups.at(-1);
    const last = group?.at(-1);
    if (group && last && last[0].unit === q.unit && LIST_GAP.test(s.slice(last[0].markEnd, q.start))) group.push([q, i]);
    else groups.push([[q, i]]);
  });
  for (const group of groups) {
    if (group.length < 2) continue;
    // The run next to the marker: "in Q1 and Q2, respectively", "quý I, quý II lần lượt …".
    const fits = runs.filter((r) => r.length === group.length);
    const run = fits.filter((r) => (r.at(-1)?.end ?? 0) <= marker.index).at(-1) ?? fits.find((r) => r[0].start >= marker.index);
    if (!run) continue;
    group.forEach(([, i], k) => {
      out.set(i, run[k].period);
    });
  }
  return out;
}

const PAST_RELATIVE = /năm ngoái|năm trước|last year|the previous year|a year earlier|tahun lalu|tahun sebelumnya/iu;
const samePeriodAs = (a: Period, b: Period) => a.start === b.start && a.end === b.end;

/** Whether a period opens its sentence: a few words at most before it, and a comma or the subject after it. */
function opens(s: string, p: PeriodMention): boolean {
  return s.slice(0, p.start).split(/\s+/).filter(Boolean).length <= 3 || /^\s*,/.test(s.slice(p.end));
}

/**
 * The period of figure `q` (see extractFacts), in this order:
 * 1. one stated before it in its own clause, after the previous figure and not attached to it ("Quý I tăng 5%,
 *    quý II tăng 6%": each number its own label);
 * 2. one right after it ("6,27% cùng kỳ năm trước", "rose 5% in Q1"), or a baseline period right before it
 *    ("so với cùng kỳ năm 2024 là 6,13%", "tahun lalu (6,33%)");
 * 3. the nearest one before it in the sentence, else one later in the sentence, else the period in force.
 */
function periodOf(
  s: string,
  q: Quantity,
  figures: readonly Quantity[],
  prev: Quantity | undefined,
  all: PeriodMention[],
  own: Array<PeriodMention & { period: Period }>,
  carried: Period | null,
): Period | null {
  const from = prev ? prev.markEnd : 0;
  const attachedToPrev = (p: PeriodMention) =>
    prev !== undefined && (ATTACHED.test(s.slice(prev.markEnd, p.start)) || RECORDED_IN.test(s.slice(prev.markEnd, p.start)));
  const inClause = own.filter((p) => p.start >= from && p.end <= q.start && !attachedToPrev(p)).at(-1);
  if (inClause) return inClause.period;
  // "Last year" inside a clause belongs to that clause's figures ("tahun lalu sebesar 7,09%, dan … perkiraan Bank
  // Dunia sebesar 6,6%"); other periods run on through the sentence ("selama 6 bulan … 185,94 miliar USD, nilai
  // impor … 185,23 miliar USD").
  const ownedByOther = (p: PeriodMention) =>
    LAST_YEAR_WORDS.test(s.slice(p.start, p.end)) && !opens(s, p) && figures.some((o) => o.start >= p.end && o.start < q.start);
  const before = own.filter((p) => p.end <= q.start && !ownedByOther(p)).at(-1)?.period;
  const later = own.find((p) => p.start >= q.markEnd)?.period;
  const base = before ?? later ?? carried;
  const next = all.find((p) => p.start >= q.markEnd);
  // A count's noun stands between: "19 triệu lượt khách cùng kỳ năm trước".
  const gap = s.slice(q.markEnd, next?.start ?? q.markEnd);
  const attached =
    ATTACHED.test(gap) || RECORDED_IN.test(gap) || (q.unit === "count" && ATTACHED.test(gap.replace(/^(?:\s*[\p{L}\p{M}]+){1,4}/u, "")));
  const baseline = all.filter((p) => p.comparison && p.end <= q.start && p.start >= from).at(-1);
  if (baseline && BASELINE_VALUE.test(s.slice(baseline.end, q.start))) {
    if (baseline.period) return baseline.period;
    const ref = own.filter((p) => p.end <= baseline.start).at(-1)?.period ?? carried;
    if (baseline.shift !== undefined) return ref ? shiftPeriod(ref, baseline.shift) : null;
  }
  if (next && attached) {
    if (next.period) return next.period;
    if (next.shift !== undefined) return base ? shiftPeriod(base, next.shift) : null;
  }
  return base ?? null;
}
