import { cleanLines, isBreadcrumb } from "./boilerplate";
import { findHeaderDate } from "./dateline";
import { parseDate } from "./dates";
import { parseHtml } from "./html-tree";
import { detectLanguage } from "./language";
import { extractMainText } from "./main-text";
import { readMeta } from "./metadata";

/** What the page says about itself, before any figure is read. */
export interface Page {
  title: string | null;
  /** Main article text: paragraphs joined by "\n". */
  text: string;
  /** YYYY-MM-DD from meta tags, JSON-LD, <time>, the URL or the page top; datelines in the text are read later. */
  published: string | null;
  author: string | null;
  canonicalUrl: string | null;
  url: string | null;
  /** The <html lang> attribute, lower-cased primary subtag, if any. */
  htmlLang: string | null;
  /** Where the article says it comes from ("Sumber: …", "Theo …"), if it does. */
  source: string | null;
}

function primaryLang(raw: string | null): string | null {
  if (!raw) return null;
  const m = /^\s*([a-z]{2,3})(?:[-_]|$)/i.exec(raw);
  return m ? m[1].toLowerCase() : null;
}

/**
 * Reads an HTML page: metadata from head tags and JSON-LD, main text by block scoring.
 *
 * @example readHtmlPage("<html lang=vi><h1>Tiêu đề</h1><article><p>Chiều 11/12, …</p></article>", null).htmlLang // "vi"
 */
export function readHtmlPage(html: string, url: string | null): Page {
  const { root, head } = parseHtml(html);
  const meta = readMeta(head, root, url);
  const main = extractMainText(root);
  // NFC first: windows-1258 pages and some CMSs write Vietnamese tone marks as combining characters,
  // which no later rule ("Tin liên quan", "tỷ đồng") would match.
  const title = meta.title?.normalize("NFC") ?? null;
  const cleaned = cleanLines(
    main.paragraphs.map((p) => p.normalize("NFC")),
    { hardCut: false, title },
  );
  const text = cleaned.lines.join("\n");
  const htmlLang = primaryLang(head.htmlLang);
  let published = meta.published;
  for (const t of meta.timeTexts) {
    if (published) break;
    published = parseDate(t);
  }
  if (!published && main.topText) {
    // A dated byline above the article ("Thứ Hai, 11/12/2024 08:00", "Published May 8, 2024").
    published = findHeaderDate(main.topText, detectLanguage(text.slice(0, 1000), htmlLang));
  }
  return {
    title,
    text,
    published,
    author: meta.author ?? main.author ?? cleaned.author ?? meta.orgAuthor,
    canonicalUrl: meta.canonicalUrl,
    url,
    htmlLang,
    source: cleaned.source,
  };
}

/** A title line: short, without the final stop or comma of a sentence. */
function isTitleLike(line: string): boolean {
  return line.length > 0 && line.length < 200 && !/[.!?:;,]$/.test(line);
}

/**
 * A plain-text article: the first line is the title when it reads like one; boilerplate lines
 * (related-article boxes, comment forms, ad markers, source and byline lines) are removed.
 *
 * @example readTextPage("Tiêu đề\n\nChiều 11/12, …\nNên xem\nTin khác …").text // "Chiều 11/12, …"
 */
export function readTextPage(body: string): Page {
  const raw = body
    .normalize("NFC")
    .replace(/\r\n?/g, "\n")
    .split("\n")
    .map((l) => l.trim());
  let lines = raw.filter((l) => l.length > 0);
  while (lines.length > 1 && isBreadcrumb(lines[0])) lines = lines.slice(1);
  let title: string | null = null;
  if (lines.length > 1 && isTitleLike(lines[0])) {
    // A short category label ("Chưa được phân loại", "Kinh tế") can stand above the headline.
    if (lines[0].length <= 30 && lines.length > 2 && isTitleLike(lines[1]) && lines[1].length > lines[0].length) lines = lines.slice(1);
    title = lines[0];
    lines = lines.slice(1);
  }
  const cleaned = cleanLines(lines, { hardCut: true, title });
  return {
    title,
    text: cleaned.lines.join("\n"),
    published: null,
    author: cleaned.author,
    canonicalUrl: null,
    url: null,
    htmlLang: null,
    source: cleaned.source,
  };
}
