/**
 * Reads article links out of what a source serves: RSS 2.0, Atom, XML sitemaps (urlset, sitemap
 * index, Google News) and HTML pages that list articles. The kind is sniffed from the body, so a
 * source configured as "rss" that serves Atom still works.
 */
import { XMLParser, XMLValidator } from "fast-xml-parser";
import { Parser } from "htmlparser2";

export interface ListingEntry {
  url: string;
  title?: string;
  published?: string;
}

export type Listing =
  | { kind: "feed"; entries: ListingEntry[] }
  | { kind: "urlset"; entries: ListingEntry[] }
  | { kind: "sitemapindex"; sitemaps: string[] }
  | { kind: "html"; entries: ListingEntry[] };

export class ListingError extends Error {
  override name = "ListingError";
}

const xml = new XMLParser({
  ignoreAttributes: false,
  attributeNamePrefix: "@",
  removeNSPrefix: true,
  processEntities: true,
  htmlEntities: true,
  trimValues: true,
  parseTagValue: false,
  isArray: (name) => name === "item" || name === "entry" || name === "url" || name === "sitemap" || name === "link",
});

/** Parses a listing body; `base` resolves relative links. Throws ListingError on a body it cannot read. */
export function parseListing(body: string, base: string): Listing {
  const head = body
    .slice(0, 2048)
    .trimStart()
    .replace(/^\uFEFF/, "");
  const looksXml = head.startsWith("<?xml") || /^<(rss|feed|urlset|sitemapindex|rdf:RDF)\b/i.test(head.replace(/<!--[\s\S]*?-->\s*/g, ""));
  if (!looksXml) {
    if (/<html|<body|<a\s/i.test(head) || /<a\s/i.test(body)) return { kind: "html", entries: htmlLinks(body, base) };
    throw new ListingError("not a feed, sitemap or HTML page");
  }
  const valid = validateXml(body);
  if (valid !== true) throw new ListingError(`broken XML: ${valid}`);
  const doc = xml.parse(body) as Record<string, unknown>;
  if (doc.rss || doc.RDF) {
    const channel = (doc.rss as Rec | undefined)?.channel ?? doc.RDF;
    const items = asArray((channel as Rec | undefined)?.item ?? (doc.RDF as Rec | undefined)?.item);
    return { kind: "feed", entries: items.flatMap((it) => entry(base, linkOf(it), text(it.title), text(it.pubDate ?? it.date))) };
  }
  if (doc.feed) {
    const entries = asArray((doc.feed as Rec).entry);
    return { kind: "feed", entries: entries.flatMap((e) => entry(base, atomLink(e), text(e.title), text(e.published ?? e.updated))) };
  }
  if (doc.urlset) {
    const urls = asArray((doc.urlset as Rec).url);
    return {
      kind: "urlset",
      entries: urls.flatMap((u) => {
        const news = u.news as Rec | undefined;
        return entry(base, text(u.loc), text(news?.title), text(news?.publication_date ?? u.lastmod));
      }),
    };
  }
  if (doc.sitemapindex) {
    const maps = asArray((doc.sitemapindex as Rec).sitemap);
    return { kind: "sitemapindex", sitemaps: maps.flatMap((m) => entry(base, text(m.loc)).map((e) => e.url)) };
  }
  throw new ListingError("XML is not RSS, Atom or a sitemap");
}

type Rec = Record<string, unknown>;

function validateXml(body: string): true | string {
  // fast-xml-parser's own validator: a broken feed must be reported, not half-read.
  const res = XMLValidator.validate(body);
  return res === true ? true : `${res.err.msg} (line ${res.err.line})`;
}

function asArray(v: unknown): Rec[] {
  if (v == null) return [];
  return (Array.isArray(v) ? v : [v]).filter((x): x is Rec => typeof x === "object" && x !== null);
}

function text(v: unknown): string | undefined {
  if (v == null) return undefined;
  if (typeof v === "string") return v.trim() || undefined;
  if (typeof v === "number") return String(v);
  if (Array.isArray(v)) return text(v[0]);
  if (typeof v === "object") return text((v as Rec)["#text"]);
  return undefined;
}

function linkOf(item: Rec): string | undefined {
  const links = asArray(item.link);
  const raw = Array.isArray(item.link) ? item.link.find((l) => typeof l === "string") : item.link;
  return text(raw) ?? text(links[0]?.["@href"]) ?? text(item.guid);
}

function atomLink(e: Rec): string | undefined {
  const links = asArray(e.link);
  const alt = links.find((l) => !l["@rel"] || l["@rel"] === "alternate") ?? links[0];
  return text(alt?.["@href"]) ?? text(e.id);
}

function entry(base: string, url: string | undefined, title?: string, published?: string): ListingEntry[] {
  if (!url) return [];
  try {
    return [{ url: new URL(url, base).href, title, published }];
  } catch {
    return [];
  }
}

/** Links of an HTML page that look like articles: same site, a path with a slug or an id. */
function htmlLinks(html: string, base: string): ListingEntry[] {
  const baseUrl = new URL(base);
  const out: ListingEntry[] = [];
  const parser = new Parser(
    {
      onopentag(name, attrs) {
        if (name !== "a" || !attrs.href) return;
        let u: URL;
        try {
          u = new URL(attrs.href, baseUrl);
        } catch {
          return;
        }
        if (u.host !== baseUrl.host || !/^https?:$/.test(u.protocol)) return;
        const path = u.pathname;
        const slug = path.split("/").filter(Boolean).pop() ?? "";
        if (/\.(html?|aspx?|php)$/i.test(slug) || (slug.split("-").length >= 4 && path !== baseUrl.pathname) || /\d{5,}/.test(slug)) {
          out.push({ url: u.href });
        }
      },
    },
    { decodeEntities: true },
  );
  parser.write(html);
  parser.end();
  return out;
}
