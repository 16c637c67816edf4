/** Types for demo/articles.mjs (the demo site's own articles, written by the project). */

/** A paragraph of the body, or a subheading. */
export type Paragraph = string | { h2: string };

export interface Article {
  /** File name of the page without ".html"; unique per edition. */
  slug: string;
  lang: "vi" | "en" | "id";
  section: string;
  /** ISO time with +07:00 offset, e.g. "2024-01-04T16:00:00+07:00". */
  published: string;
  title: string;
  lead: string;
  paragraphs: Paragraph[];
  /** Byline; the site's name when absent. */
  author?: string;
}

export const ARTICLES: Article[];
/** Site path of an article page: /tin-tuc/…, /id/berita/… or /en/news/… + slug + ".html". */
export function articlePath(article: Pick<Article, "lang" | "slug">): string;
