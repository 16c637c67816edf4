/**
 * A small Atom 1.0 writer (RFC 4287) for the feeds: every text and attribute value goes through
 * `xmlText` (widget/card-svg.ts), which escapes `& < > " '` and drops characters XML 1.0 cannot
 * carry, so a hostile article title stays text and the document stays well-formed. No CDATA: a
 * title holding `]]>` is escaped like any other text. HTML content is built escaped (`htmlText`),
 * then escaped again as the element's text, as `type="html"` requires.
 */
import { xmlText } from "../widget/card-svg";

export interface AtomLink {
  href: string;
  rel: "self" | "alternate" | "related";
  type?: string;
  hreflang?: string;
  title?: string;
}

export interface AtomEntry {
  /** A permanent, universally unique IRI (a tag: URI here). */
  id: string;
  title: string;
  /** RFC 3339. */
  updated: string;
  links: AtomLink[];
  /** Plain text (type="text"). */
  summary?: string;
  /** HTML markup (type="html"), escaped once more on output. */
  contentHtml?: string;
  authors: string[];
  categories?: { term: string; label?: string }[];
}

export interface AtomFeed {
  id: string;
  title: string;
  subtitle?: string;
  /** RFC 3339. */
  updated: string;
  /** xml:lang of the whole document. */
  lang: string;
  links: AtomLink[];
  authors: string[];
  generator?: { name: string; uri?: string };
  entries: AtomEntry[];
}

export const ATOM_CONTENT_TYPE = "application/atom+xml; charset=utf-8";

/** Text for HTML markup: the five characters that could open a tag or end an attribute, escaped. */
export function htmlText(s: string): string {
  return s.replaceAll("&", "&amp;").replaceAll("<", "&lt;").replaceAll(">", "&gt;").replaceAll('"', "&quot;").replaceAll("'", "&#39;");
}

const attrs = (a: Record<string, string | undefined>) =>
  Object.entries(a)
    .filter(([, v]) => v !== undefined)
    .map(([k, v]) => ` ${k}="${xmlText(v as string)}"`)
    .join("");

const link = (l: AtomLink) => `<link${attrs({ rel: l.rel, type: l.type, hreflang: l.hreflang, title: l.title, href: l.href })}/>`;
const person = (name: string) => `<author><name>${xmlText(name)}</name></author>`;

function entryXml(e: AtomEntry): string {
  return [
    "<entry>",
    `<id>${xmlText(e.id)}</id>`,
    `<title type="text">${xmlText(e.title)}</title>`,
    `<updated>${xmlText(e.updated)}</updated>`,
    ...e.authors.map(person),
    ...e.links.map(link),
    ...(e.categories ?? []).map((c) => `<category${attrs({ term: c.term, label: c.label })}/>`),
    e.summary !== undefined ? `<summary type="text">${xmlText(e.summary)}</summary>` : "",
    e.contentHtml !== undefined ? `<content type="html">${xmlText(e.contentHtml)}</content>` : "",
    "</entry>",
  ]
    .filter(Boolean)
    .join("\n");
}

/** The feed as an Atom document, UTF-8 text. */
export function atomXml(f: AtomFeed): string {
  return [
    '<?xml version="1.0" encoding="utf-8"?>',
    `<feed xmlns="http://www.w3.org/2005/Atom"${attrs({ "xml:lang": f.lang })}>`,
    `<id>${xmlText(f.id)}</id>`,
    `<title type="text">${xmlText(f.title)}</title>`,
    f.subtitle !== undefined ? `<subtitle type="text">${xmlText(f.subtitle)}</subtitle>` : "",
    `<updated>${xmlText(f.updated)}</updated>`,
    ...f.links.map(link),
    ...f.authors.map(person),
    f.generator ? `<generator${attrs({ uri: f.generator.uri })}>${xmlText(f.generator.name)}</generator>` : "",
    ...f.entries.map(entryXml),
    "</feed>",
    "",
  ]
    .filter((line, i, all) => line !== "" || i === all.length - 1)
    .join("\n");
}
