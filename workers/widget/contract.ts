/**
 * The JSON shapes the widgets and the dashboard read (docs/api-contract.md). Only the fields they
 * use are typed; everything else is ignored, so the API may grow without breaking them.
 */

export type Lang = "vi" | "en" | "id";
export const LANGS: readonly Lang[] = ["vi", "en", "id"];

export type Period = { start: string; end: string };

export type SourceRef = {
  article_id: number;
  url: string;
  title: string | null;
  published: string | null;
  lang?: string | null;
  sentence?: string;
  value?: number;
};

export type Observation = {
  id: number;
  metric: string;
  geo: string;
  period: Period;
  value: number;
  unit: string;
  currency: string | null;
  qualifier: string;
  status: "agreed" | "conflict";
  values?: number[];
  source_count: number;
  sources: SourceRef[];
  span?: string;
  basis?: "actual" | "target" | "forecast";
  part?: { dimension: string; member: string } | null;
};

/** A target for the latest period, and the share of it reached (null when no share applies). */
export type Plan = { target: Observation; reached: number | null };

export type Change = { abs: number; pct: number | null };

export type SummaryItem = {
  metric: string;
  label: string;
  unit: string;
  currency: string | null;
  geo: string;
  latest: Observation;
  previous: Observation | null;
  change: Change | null;
  plan?: Plan | null;
};

export type Summary = { version?: string; lang?: string; items: SummaryItem[] };

export type Series = {
  metric: string;
  label: string;
  unit: string;
  currency: string | null;
  geo: string;
  span?: string | null;
  spans?: { span: string; count: number }[];
  points: Observation[];
};

export type Breakdown = {
  metric: string;
  label: string;
  unit: string;
  dimension: string | null;
  period: Period | null;
  currency: string | null;
  total: Observation | null;
  slices: Observation[];
  sum: number | null;
  unexplained: number | null;
};

export type PlanRow = {
  period: Period;
  currency: string | null;
  target: Observation | null;
  forecast: Observation | null;
  actual: Observation | null;
  reached: number | null;
  stated: Observation[];
};

/** Picks the reader's language: a supported tag as given, or its primary subtag, else English. */
export function pickLang(...candidates: (string | null | undefined)[]): Lang {
  for (const c of candidates) {
    const primary = (c ?? "").toLowerCase().split(/[-_]/)[0];
    if ((LANGS as readonly string[]).includes(primary)) return primary as Lang;
  }
  return "en";
}

/** The URL when it is an absolute http(s) URL, else null — a `javascript:` link must never be rendered. */
export function safeHref(url: string | null | undefined): string | null {
  if (!url) return null;
  try {
    const u = new URL(url);
    return u.protocol === "http:" || u.protocol === "https:" ? u.href : null;
  } catch {
    return null;
  }
}

/** How the server-side pages read the API: a GET that answers the JSON body, or null on any failure. */
export type ApiGet = <T>(path: string) => Promise<T | null>;
