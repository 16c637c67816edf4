/**
 * When the values of one observation agree: max − min ≤ max(0.5 % of the larger magnitude, 0.05
 * for percent and times units). 0.5 % absorbs rounding to three or four significant figures (2,067
 * million USD vs "2.07 billion"); 0.05 absorbs a percentage given with one decimal instead of two
 * (3.27 % vs 3.3 %). Anything wider is a conflict. The SQL twin of this rule lives in
 * workers/db/observations.ts, which marks each observation `agreed` or `conflict`.
 */

/** Relative tolerance for agreement, and the absolute one for percent/times values. */
export const AGREE_RELATIVE = 0.005;
export const AGREE_ABSOLUTE_PERCENT = 0.05;

/**
 * Whether two or more values agree under the rule above.
 * @example valuesAgree([2067e6, 2070e6], "currency") // true
 */
export function valuesAgree(values: number[], unit: string): boolean {
  if (values.length < 2) return true;
  const lo = Math.min(...values);
  const hi = Math.max(...values);
  const abs = unit === "percent" || unit === "times" ? AGREE_ABSOLUTE_PERCENT : 0;
  return hi - lo <= Math.max(AGREE_RELATIVE * Math.max(Math.abs(hi), Math.abs(lo)), abs) + 1e-9;
}
