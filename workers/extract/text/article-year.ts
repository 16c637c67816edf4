/**
 * The year an article reports, when its publication date is unknown: the year its text names most often
 * (the later one on ties), reading each mention for what it is:
 * - the end of a range or a horizon ("2024-2027", "đến năm 2030", "by 2030", "hingga 2045", "sejak 2011")
 *   says nothing of the present;
 * - a baseline ("so với năm 2022", "compared with 2022", "dibanding kuartal pertama 2020") is most often the
 *   year before the one reported: it counts half for the year after it;
 * - the same period of a year ("cùng kỳ 2022", "the same period in 2024", "periode yang sama tahun 2024") is one
 *   year before the present, so it counts for the year after.
 * Null when the text names no year.
 *
 * @example inferArticleYear("9 tháng năm 2023 tăng 5% so với cùng kỳ năm 2022, vượt kết quả năm 2021") // 2023
 */
export function inferArticleYear(text: string): number | null {
  const counts = new Map<number, number>();
  for (const m of text.matchAll(YEAR)) {
    const lead = text.slice(Math.max(0, m.index - 40), m.index);
    if (RANGE_END.test(lead) || HORIZON.test(lead)) continue;
    // The start of a range ("nhiệm kỳ 2024-2029", "the 2016–2020 period") counts half: a term may start now, a
    // reviewed span started long ago.
    const weight = RANGE_START.test(text.slice(m.index + 4, m.index + 12)) ? 0.5 : 1;
    const same = SAME_PERIOD.test(lead);
    // A baseline ("so với năm 2022", "dibanding kuartal pertama 2020") is most often the year before: it counts
    // half for the year after it.
    const baseline = !same && BASELINE.test(lead);
    const y = Number(m[1]) + (same || baseline ? 1 : 0);
    if (baseline) {
      counts.set(y, (counts.get(y) ?? 0) + 0.5 * weight);
      continue;
    }
    counts.set(y, (counts.get(y) ?? 0) + weight);
  }
  let best: number | null = null;
  let bestN = 0;
  for (const [y, n] of counts) {
    if (n > bestN || (n === bestN && best !== null && y > best)) {
      best = y;
      bestN = n;
    }
  }
  return best;
}

const YEAR = /(?<![\p{L}\p{N}.,]|[\p{L}]\/)((?:19|20)\d{2})(?![\p{N}]|[.,]\d)/gu;
const RANGE_END = /\d\s*[-–—]\s*$/u;
const RANGE_START = /^\s*[-–—]\s*(?:19|20)\d\d/u;
const HORIZON =
  /(?:đến|tới|hướng tới|tầm nhìn|to|by|until|till|since|hingga|sampai|menuju|sejak|vision|towards?)\s+(?:năm\s+|tahun\s+|the year\s+)?$/iu;
const SAME_PERIOD =
  /(?:cùng kỳ|same period|same time|same quarter|periode yang sama)(?:\s+(?:năm|of|in|last year,?|tahun|pada|pada tahun))*\s*$/iu;
const BASELINE = /(?:so với|so cùng|compared (?:with|to)|than|versus|dibandingkan|dibanding|daripada|vượt kết quả)[^,.;:!?()]{0,28}$/iu;
