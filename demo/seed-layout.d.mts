/** Types for demo/seed-layout.mjs (hand split of each seed into article and page chrome). */

export interface Teaser {
  title: string;
  summary: string;
  href?: string;
}

export type RelatedBlock = { heading: string; teasers: Teaser[] } | { heading: string; fromLine: number; toLine: number };

export interface FigureSpec {
  caption: number[];
  altLine?: number;
}

export interface SeedLayout {
  id: string;
  seed: string;
  lang: "vi" | "id";
  path: string;
  headline: string;
  headlineLine?: number;
  section: string;
  /** ISO time with +07:00 offset, only when the seed states the date. */
  published: string | null;
  lead: number;
  body: { from: number; to: number };
  headings: number[];
  figures: FigureSpec[];
  exclude: number[];
  inlineRelated: { line: number; titles: string[] }[];
  author: { line: number } | { text: string };
  sourceLine?: number;
  categoryLine?: number;
  descriptionLine?: number;
  adLine?: number;
  commentLines: number[];
  footerLines: number[];
  related: RelatedBlock[];
  translationOf?: string;
}

export interface ArticleBlock {
  kind: "p" | "h2" | "figure";
  text: string;
  caption?: string[];
  alt?: string;
}

export const SEED_LAYOUTS: SeedLayout[];
export function seedLines(text: string): string[];
export function articleBlocks(layout: SeedLayout, lines: string[]): ArticleBlock[];
export function seedTeasers(lines: string[], fromLine: number, toLine: number): (Teaser & { alt: string })[];
