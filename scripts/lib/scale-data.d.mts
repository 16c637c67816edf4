/** Types for scripts/lib/scale-data.mjs (generated articles in the shape real ones have). */

export const DEFAULT_SEED: number;
export const TYPICAL_PERSON_KEY: string;

export interface GeneratedFact {
  seq: number;
  metric: string;
  value: number;
  unit: string;
  currency: string | null;
  periodStart: string | null;
  periodEnd: string | null;
  geo: string;
  qualifier: string;
  basis: string;
  partDimension: string | null;
  partMember: string | null;
  sentence: string;
}

export interface GeneratedArticle {
  article: {
    url: string;
    sourceId: string;
    status: string;
    lang: string;
    title: string;
    published: string | null;
    [column: string]: unknown;
  };
  facts: GeneratedFact[];
  mentions: { personId: string; nameAsWritten: string; title: string }[];
  quotes: { seq: number; personId: string | null; speaker: string | null; text: string }[];
  events: { seq: number; key: string; name: string; start: string | null; end: string | null }[];
  countries: string[];
  text: string;
}

export function generateArticle(i: number, seed?: number): GeneratedArticle;
