import { extractCountries } from "./entities/countries";
import { extractEvents } from "./entities/events";
import { extractPeople } from "./entities/people";
import { extractQuotes } from "./entities/quotes";
import { extractFacts } from "./figures/facts";
import { findDateline } from "./page/dateline";
import { detectLanguage } from "./page/language";
import { NotTextError, notTextReason } from "./page/not-text";
import { readHtmlPage, readTextPage } from "./page/read-page";
import type { ArticleContext, ExtractInput, Extraction } from "./types";

export { NotTextError, notTextReason } from "./page/not-text";
export type * from "./types";

/** Bumped whenever extraction output can change, so stored articles can be re-extracted. */
export const EXTRACTOR_VERSION = "0.5.0";

/**
 * Turns one news page into its main text and facts. Pure: no I/O, no Worker or Node APIs, so the
 * queue consumer, `npm run extract` and the benches all run exactly this.
 *
 * @example
 * const out = extract({ body: html, kind: "html", url: "https://example.vn/a.html" });
 * out.facts[0]; // { metric: "fdi_registered", value: 2067000000, unit: "currency", currency: "USD", … }
 * @throws NotTextError when the body is binary or undecodable (see notTextReason).
 */
export function extract(input: ExtractInput): Extraction {
  const notText = notTextReason(input.body);
  if (notText) throw new NotTextError(notText);
  const page = input.kind === "html" ? readHtmlPage(input.body, input.url ?? null) : readTextPage(input.body);
  const lang = detectLanguage(page.text, page.htmlLang);
  const published = input.published ?? page.published ?? findDateline(page.text, lang, page.url ?? input.url ?? null);
  const ctx: ArticleContext = { lang, published };
  const people = extractPeople(page.text, ctx);
  return {
    url: input.url ?? page.canonicalUrl ?? null,
    lang,
    title: page.title,
    published,
    author: page.author,
    canonicalUrl: page.canonicalUrl,
    text: page.text,
    facts: extractFacts(page.text, ctx, page.title),
    people,
    quotes: extractQuotes(page.text, people, ctx),
    events: extractEvents(page.text, ctx),
    countries: extractCountries(page.text, ctx),
  };
}
