/**
 * A linear pre-check before the extractor: how deep a page's elements nest if its tags are taken as
 * written. Tag soup that opens tens of thousands of elements and never closes them makes tree
 * building and walking superlinear (a 2 MB page of unclosed tags took ~10 s of CPU), so such a page
 * is refused before it reaches extract(). Real news pages nest a few dozen deep.
 */

/** Elements that never contain others, and those whose end tag is implied by the next sibling. */
const NO_DEPTH = new Set([
  "area",
  "base",
  "br",
  "col",
  "embed",
  "hr",
  "img",
  "input",
  "link",
  "meta",
  "source",
  "track",
  "wbr",
  "param",
  "p",
  "li",
  "td",
  "th",
  "tr",
  "dt",
  "dd",
  "option",
  "optgroup",
  "thead",
  "tbody",
  "tfoot",
  "colgroup",
  "rp",
  "rt",
]);

/** Deepest nesting the consumer hands to the extractor. */
export const MAX_NESTING = 10_000;

/**
 * The deepest run of open elements, counting each start tag as one level deeper and each end tag
 * as one shallower (never below zero). Script and style bodies are skipped.
 * @example maxNesting("<div><div></div><span>") // 2
 */
export function maxNesting(html: string): number {
  // Script and style first: at the same position the first alternative wins.
  const tag = /<(script|style)\b[^>]*>[\s\S]*?<\/\1\s*>|<(\/?)([a-zA-Z][a-zA-Z0-9-]*)\b[^>]*?(\/?)>/gi;
  let depth = 0;
  let max = 0;
  for (let m = tag.exec(html); m; m = tag.exec(html)) {
    if (m[1]) continue;
    const name = m[3].toLowerCase();
    if (NO_DEPTH.has(name) || m[4]) continue;
    if (m[2]) depth = Math.max(0, depth - 1);
    else if (++depth > max) max = depth;
  }
  return max;
}
