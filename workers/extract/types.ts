/**
 * The extraction contract (see README "Extraction"): what `extract()` returns for one page.
 * Pure data — no Worker or Node types — so the consumer, the CLI and the benches share it.
 */

export type Lang = "vi" | "id" | "en" | (string & {});

export type Unit = "percent" | "currency" | "count" | "rank" | "times";

export type Qualifier = "exact" | "approx" | "more_than" | "less_than" | "estimate";

/** What a figure is: what happened (or is estimated to have), a goal set in advance, or a projection. */
export type Basis = "actual" | "target" | "forecast";

/** The axis a slice divides its total along (EXTRACT.md "Roles"). */
export type PartDimension = "sector" | "industry" | "market" | "product" | "component" | "area";

/** One slice of a total: exports of the FDI sector, exports to the US, international visitors… */
export interface Part {
  dimension: PartDimension;
  /** ISO 3166-1 code for markets, a closed list for sectors and industries, a short folded noun otherwise. */
  member: string;
}

/** Months covered, inclusive, as YYYY-MM. */
export interface Period {
  start: string;
  end: string;
}

export interface Fact {
  /** An id of metrics.json, or "other". */
  metric: string;
  value: number;
  unit: Unit;
  /** ISO 4217 when unit is "currency", otherwise absent. */
  currency?: string;
  period: Period | null;
  /** "hanoi", "vietnam", … — whose figure it is. */
  geo: string;
  qualifier: Qualifier;
  /** Actual, target or forecast: a plan or a projection never stands in for a result. */
  basis: Basis;
  /** Null for a total; the slice otherwise. A slice never stands in for its total. */
  part: Part | null;
  /** The sentence the figure came from, exactly as it stands in `text`. */
  sentence: string;
}

export interface Person {
  name: string;
  titles: string[];
}

export interface Quote {
  speaker: string | null;
  text: string;
}

export interface EventMention {
  name: string;
  start: string | null;
  end: string | null;
}

export interface Extraction {
  url: string | null;
  lang: Lang;
  title: string | null;
  published: string | null;
  author: string | null;
  canonicalUrl: string | null;
  text: string;
  facts: Fact[];
  people: Person[];
  quotes: Quote[];
  events: EventMention[];
  countries: string[];
}

export interface ExtractInput {
  /** The page as served (HTML) or plain article text. */
  body: string;
  kind: "html" | "text";
  /** Where the page came from, when known. */
  url?: string | null;
  /** A publication day (YYYY-MM-DD) the caller already knows; it wins over the page's own. */
  published?: string | null;
}

/** What the article says about itself, read before the figures are. */
export interface ArticleContext {
  lang: Lang;
  /** YYYY-MM-DD or null. */
  published: string | null;
}
