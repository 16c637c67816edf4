import type { Basis } from "../types";
import type { Quantity } from "./quantities";

/**
 * Whether a figure is a result, a goal or a projection (EXTRACT.md "Roles"), from the words that govern it:
 * - a goal: a plan noun right before the figure in its clause ("mục tiêu tăng trưởng 8%", "kế hoạch đề ra là
 *   5 tỷ USD", "a target of 8%", "target pertumbuhan 5%"), a plan noun right after it ("an 8% growth target"),
 *   a planning verb anywhere before it in the sentence up to a contrast or comparison ("phấn đấu đạt 8%, thu
 *   ngân sách 500.000 tỷ đồng", "aims to attract $3bn", "menargetkan pertumbuhan 5%"), or a horizon ("đến năm
 *   2030 đạt 10 tỷ USD", "by 2030");
 * - a projection: a forecasting word before it in the same scope ("dự báo", "kỳ vọng", "forecasts",
 *   "projections", "proyeksi", "diprediksi");
 * - a share of a plan ("đạt 77,6% dự toán", "103% of the yearly target") is a result of its own measure,
 *   never a goal: it is reported as `share` so the caller can name it.
 * Estimates ("ước", "dự kiến", "expected", "diperkirakan") are reported as `estimate`: they are results
 * unless their period is not over when the article is written (see extractFacts).
 */
export interface BasisReading {
  basis: Basis;
  /** An estimate word governs the figure ("ước đạt", "is expected to", "diperkirakan"). */
  estimate: boolean;
  /** A share of a plan or an estimate ("đạt 77,6% dự toán"). */
  share: boolean;
  /** The share is by how much the plan was exceeded ("vượt 17% dự toán" is 117% of it). */
  exceeds?: boolean;
}

// Folded trigger words. Nouns name a plan; verbs set one; forecasts project.
const PLAN_NOUN = /\b(?:muc tieu|ke hoach|chi tieu|kich ban|du toan|targets?|goals?|objectives?|plans?|sasaran|rencana|target)\b/g;
const PLAN_VERB =
  /\b(?:phan dau|dat muc tieu|dat ra muc tieu|de ra muc tieu|huong toi|huong den|nham toi|nham muc tieu|quyet tam|dinh huong|aims?|aiming|aimed|targets|targeting|targeted|strives?|striving|seeks?|seeking|eyes|eyeing|plans? to|planned to|intends? to|wants? to|(?<!(?:expected|likely|set|projected|estimated|forecast|forecasted) )to achieve|in order to|de dat duoc|nham dat|guna mencapai|goals? to|targets? to|objectives? to|committed to (?:achiev|attain|reach|attract|grow|maintain|ensur|keep|rais|increas)\w*|commits to|cam ket (?:dat|thu hut|tang)|berkomitmen|menargetkan|ditargetkan|mematok|dipatok|membidik|berupaya|bertekad|mengejar|mencanangkan|dicanangkan|berencana)\b/g;
// Forecasting words proper. "Projected", "expected", "dự kiến" are estimates: a year-end report projects the
// year it reports on, so only the period tells a projection from an estimate (see settleEstimates in facts.ts).
const FORECAST =
  /\b(?:du bao|du doan|ky vong|forecasts?|forecasting|forecasted|projections?|predicts?|predicted|predictions?|outlook|proyeksi|prediksi|diprediksi|memprediksi|ramalan|diramalkan)\b/g;
const ESTIMATE =
  /\b(?:uoc tinh|uoc dat|uoc thuc hien|uoc|du kien|expected|expects|is expected|are expected|projected|estimated|estimates?|anticipated|is set to|are set to|set to|diperkirakan|diprakirakan|memperkirakan|perkiraan|diproyeksikan|memproyeksikan|estimasi|se|will|akan)\b/g;
// A horizon: "đến năm 2030", "by 2030", "hingga tahun 2030", "vào năm 2030".
const HORIZON = /\b(?:den nam|toi nam|vao nam|tam nhin(?: den)?|hingga tahun|pada tahun|by|until|in)\s+(?:nam\s+)?((?:19|20)\d\d)\b/g;
// What ends the reach of a planning verb or a forecast: a contrast, a comparison, a new sentence part.
const SCOPE_END =
  /\.\s|\b(?:trong khi|nhung|tuy nhien|song|while|but|whereas|however|sementara|namun|tetapi|sedangkan|so voi|compared|(?:higher|lower|faster|slower|greater|better|worse|cao hon|thap hon) than|versus|dibandingkan|daripada|sau khi|after|lebih (?:cepat|tinggi|rendah) dari|from previous|up from|down from)\b/;
// Between a plan noun and the figure it names: a short clause with no break.
const NOUN_GAP_MAX_WORDS = 8;
// Right after a percent: "77,6% dự toán", "103% of the yearly target", "62% kế hoạch năm" — a share of a plan.
const SHARE_OF_PLAN =
  /^\s*(?:(?:so voi|cua|of|dari)\s+)?(?:the\s+|tong\s+)?(?:(?:yearly|annual|year's|city's|full-year|whole-year|nam|ca nam|tahunan)\s+)*(?:ke hoach|du toan|muc tieu|chi tieu|targets?|plans?|estimates?|forecasts?|rencana|target|perkiraan|pagu|kich ban)\b/;
const REACHED_BEFORE =
  /\b(?:dat|bang|hoan thanh|completing|completed|reaching|reached|meeting|met|mencapai|memenuhi)\s*(?:(?:khoang|gan|hon|tren|about|nearly|over|sekitar)\s*)?$/;
const EXCEEDED_BEFORE =
  /\b(?:vuot|vuot muc|exceeding|exceeded|surpassing|melampaui|melebihi)\s*(?:(?:khoang|gan|hon|tren|about|nearly|over|sekitar)\s*)?$/;
const CLAUSE_END_AFTER = /^\s*(?:[.;,)]|$)/;
const PLAN_NOUN_ONCE = /\b(?:ke hoach|du toan|chi tieu|target|plan|estimate|rencana|target)\b/;
// A plan noun right after the figure: "an 8% growth target", "8 percent goal".
const NOUN_AFTER =
  /^\s*(?:(?:(?:growth|gdp|grdp|export|exports|budget|revenue)\s+)?(?:target|goal|objective)\b|(?:theo|dung|đúng)\s+(?:muc tieu|ke hoach|chi tieu)|(?:sesuai|sesuai dengan)\s+(?:target|sasaran|rencana))/;

/**
 * The basis of figure `q` in a folded sentence. `prevEnd` is where the previous figure ends.
 *
 * @example basisOf("thanh pho phan dau tang truong 8%", q).basis // "target"
 */
export function basisOf(folded: string, q: Quantity, prevEnd: number): BasisReading {
  const head = folded.slice(0, q.start);
  const after = folded.slice(q.markEnd, q.markEnd + 60);
  // "đạt 27,8%" at the end of a clause in a sentence about a plan ("Thu ngân sách đạt khá so với dự toán, … đạt 27,8%").
  const reached = q.unit === "percent" && REACHED_BEFORE.test(head.slice(-30)) && CLAUSE_END_AFTER.test(after) && PLAN_NOUN_ONCE.test(head);
  const share = q.unit === "percent" && (SHARE_OF_PLAN.test(after) || reached);
  const estimate = lastIn(ESTIMATE, head, prevEnd) !== null && reaches(folded, lastIn(ESTIMATE, head, prevEnd) ?? 0, q.start);
  if (share) return { basis: "actual", estimate, share, exceeds: EXCEEDED_BEFORE.test(head.slice(-30)) };
  const forecast = lastIn(FORECAST, head, 0);
  if (forecast !== null && reaches(folded, forecast, q.start)) return { basis: "forecast", estimate, share };
  const verb = lastIn(PLAN_VERB, head, 0);
  if (verb !== null && reaches(folded, verb, q.start)) return { basis: "target", estimate, share };
  const noun = lastIn(PLAN_NOUN, head, 0);
  // "vượt 9,8% dự toán và tăng 35,8%": a plan noun that a share of it governs is that share's object, not a
  // subject naming the figures after it.
  if (noun !== null && nounNames(folded, noun, q.start) && !objectOfShare(head, noun)) return { basis: "target", estimate, share };
  if (q.unit !== "percent" || !/\bof\b/.test(after.slice(0, 6))) {
    if (NOUN_AFTER.test(after)) return { basis: "target", estimate, share };
  }
  HORIZON.lastIndex = 0;
  for (let m = HORIZON.exec(head); m; m = HORIZON.exec(head)) {
    if (/^(?:in|vao nam|pada tahun)/.test(m[0])) continue;
    if (reaches(folded, m.index, q.start)) return { basis: "target", estimate, share };
  }
  return { basis: "actual", estimate, share };
}

const SHARE_BEFORE_NOUN =
  /(?:%|\bphan tram|\bpersen|\bpercent|\bper cent)\s*(?:(?:so voi|cua|of|dari)\s+)?(?:the\s+|tong\s+)?(?:(?:yearly|annual|year's|city's|full-year|whole-year|nam|ca nam|tahunan)\s+)*$/;

/** Whether the plan noun ending at `end` follows a percentage right away ("vượt 9,8% dự toán"). */
function objectOfShare(head: string, end: number): boolean {
  PLAN_NOUN.lastIndex = 0;
  let start = -1;
  for (let m = PLAN_NOUN.exec(head); m; m = PLAN_NOUN.exec(head)) if (m.index + m[0].length === end) start = m.index;
  return start >= 0 && SHARE_BEFORE_NOUN.test(head.slice(Math.max(0, start - 60), start));
}

/** The end of the last match of `re` in `text` at or after `from`, or null. */
function lastIn(re: RegExp, text: string, from: number): number | null {
  re.lastIndex = 0;
  let end: number | null = null;
  for (let m = re.exec(text); m; m = re.exec(text)) if (m.index >= from) end = m.index + m[0].length;
  return end;
}

/** Whether a trigger ending at `from` still governs the figure at `to`: no scope end between. */
function reaches(folded: string, from: number, to: number): boolean {
  let span = folded.slice(from, to);
  // Inside a bracket the figure belongs to, ";" separates list items: "đạt 8,8% (trong đó A tăng 6,8%; B tăng 11%)".
  const open = span.lastIndexOf("(");
  if (open > span.lastIndexOf(")")) span = span.slice(0, open) + span.slice(open).replace(/;/g, ",");
  return !SCOPE_END.test(span);
}

/** Whether a plan noun ending at `from` names the figure at `to`: a short gap with no clause break. */
function nounNames(folded: string, from: number, to: number): boolean {
  const gap = folded.slice(from, to);
  if (/[;:()]|,(?!\d)|\.\s/.test(gap)) return false;
  if (SCOPE_END.test(gap)) return false;
  return gap.split(/\s+/).filter(Boolean).length <= NOUN_GAP_MAX_WORDS;
}
