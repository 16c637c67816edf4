import { lazy } from "../text/lazy";
import { dateFromUrl, parseDate } from "./dates";
import type { El, HeadInfo } from "./html-tree";
import { rawText, walk } from "./html-tree";

/** Meta keys that carry the publication time, best first. Modified/updated keys are never read. */
const PUBLISHED_KEYS = [
  "article:published_time",
  "og:article:published_time",
  "og:published_time",
  "article:published",
  "datepublished",
  "parsely-pub-date",
  "sailthru.date",
  "publish-date",
  "publish_date",
  "publishdate",
  "published_time",
  "published-date",
  "publication_date",
  "pubdate",
  "pub_date",
  "article.published",
  "article_date_original",
  "original-publish-date",
  "originalpublicationdate",
  "cxenseparse:recs:publishtime",
  "dc.date.issued",
  "dcterms.issued",
  "dc.date",
  "dcterms.date",
  "dc.date.created",
  "dcterms.created",
  "citation_publication_date",
  "citation_date",
  "date",
  "datecreated",
  "og:pubdate",
  "displaydate",
  "dable:published_time",
  "vr:published_time",
  "article:post_date",
];
const KEY_RANK = lazy(() => new Map(PUBLISHED_KEYS.map((k, i) => [k, i])));

const ARTICLE_TYPES = /article|posting|report|blog|news|webpage|creativework|liveblog/i;

type Json = null | boolean | number | string | Json[] | { [k: string]: Json };

/** JSON-LD objects, flattening @graph and arrays; malformed blocks are skipped (CMS output is sloppy). */
export function jsonLdObjects(blocks: string[]): Array<Record<string, Json>> {
  const out: Array<Record<string, Json>> = [];
  const add = (v: Json) => {
    if (Array.isArray(v)) for (const x of v) add(x);
    else if (v && typeof v === "object") {
      out.push(v);
      const g = v["@graph"];
      if (g) add(g);
      const main = v.mainEntity;
      if (main && typeof main === "object") add(main);
    }
  };
  for (const b of blocks) {
    const t = b.trim().replace(/^<!--|-->$/g, "");
    if (!t) continue;
    try {
      add(JSON.parse(t) as Json);
    } catch {
      // Control characters inside strings are the usual fault: retry without them.
      try {
        add(JSON.parse(stripControls(t)) as Json);
      } catch {
        // unreadable block
      }
    }
  }
  return out;
}

/** A relative canonical link resolved against the page's URL when there is one. */
function absolute(href: string | null, base: string | null): string | null {
  if (!href) return null;
  const h = href.trim();
  if (/^https?:\/\//i.test(h) || !base) return h || null;
  try {
    return new URL(h, base).href;
  } catch {
    return h;
  }
}

/** Raw control characters (invalid inside JSON strings) become spaces. */
function stripControls(s: string): string {
  let out = "";
  for (let i = 0; i < s.length; i++) out += s.charCodeAt(i) < 32 ? " " : s[i];
  return out;
}

function typeOf(o: Record<string, Json>): string {
  const t = o["@type"];
  return Array.isArray(t) ? t.join(" ") : typeof t === "string" ? t : "";
}

function str(v: Json | undefined): string | null {
  if (typeof v === "string") return v;
  if (Array.isArray(v)) return str(v[0]);
  if (v && typeof v === "object") return str(v["@value"] ?? v.name);
  return null;
}

function names(v: Json | undefined): string[] {
  if (v == null) return [];
  if (typeof v === "string") return [v];
  if (Array.isArray(v)) return v.flatMap(names);
  if (typeof v === "object") {
    const n = v.name;
    return typeof n === "string" ? [n] : [];
  }
  return [];
}

export interface Meta {
  title: string | null;
  published: string | null;
  author: string | null;
  /** An Organization given as author (often the site itself). */
  orgAuthor: string | null;
  canonicalUrl: string | null;
  /** The page's own time elements and dated bylines, for the text fallback. */
  timeTexts: string[];
}

function cleanTitle(raw: string | null, h1: string | null, siteName: string | null, fromTitleTag: boolean): string | null {
  if (!raw) return null;
  let t = raw.replace(/\s+/g, " ").trim();
  if (!t) return null;
  if (h1 && t.startsWith(h1) && h1.length > 10) return h1;
  // <title> ends with " - Site name", " | Site", " — Site": drop the last segment when it is the
  // shorter side. og:title usually has no suffix, so there only the site's own name is dropped.
  const m = /^(.{12,}?)\s+[|\-–—·•»]\s+([^|\-–—·•»]{2,60})$/.exec(t);
  if (m && m[2].length < m[1].length) {
    const sep = t.slice(m[1].length).trim()[0];
    const siteLike = /\.(?:com|net|org|vn|id|co)\b|\b(?:news|times|post|tribune|herald|daily|online|báo|tin|berita)\b/i.test(m[2]);
    if (fromTitleTag || sep === "|" || siteLike || (siteName && m[2].trim() === siteName)) t = m[1];
  }
  if (siteName && t.endsWith(siteName) && t.length > siteName.length + 10) t = t.slice(0, -siteName.length).replace(/[\s|\-–—·•:]+$/, "");
  return t;
}

/** Reads title, publication day, author and canonical URL from head tags, JSON-LD and the body. */
export function readMeta(head: HeadInfo, root: El, url: string | null): Meta {
  const metas = new Map<string, string>();
  for (const [k, v] of head.metas) if (!metas.has(k) && v.trim()) metas.set(k, v.trim());
  const ld = jsonLdObjects(head.jsonLd);
  const articles = ld.filter((o) => ARTICLE_TYPES.test(typeOf(o)));
  const pool = articles.length ? [...articles, ...ld] : ld;

  // Body: first h1, <time> elements, itemprop dates.
  let h1: string | null = null;
  const itempropDates: string[] = [];
  const timeTexts: string[] = [];
  const pubTimes: string[] = [];
  walk(root, (el) => {
    if (el.tag === "h1" && h1 === null) h1 = rawText(el).replace(/\s+/g, " ").trim() || null;
    const ip = el.attrs.itemprop;
    if (ip && /^datepublished$/i.test(ip)) {
      const v = el.attrs.content ?? el.attrs.datetime ?? rawText(el);
      if (v) itempropDates.push(v);
    }
    if (el.tag === "time") {
      const v = el.attrs.datetime ?? rawText(el);
      if (v) {
        const ci = `${el.attrs.class ?? ""} ${el.attrs.id ?? ""}`;
        if (el.attrs.pubdate != null || /publish|posted|created/i.test(ci)) pubTimes.push(v);
        else if (!/modif|updat|edited/i.test(ci)) timeTexts.push(v);
      }
      return false;
    }
    return undefined;
  });

  // Publication time: JSON-LD, then meta tags, then marked-up body dates (raw strings, best first).
  const raws: string[] = [];
  for (const o of pool) {
    const v = str(o.datePublished) ?? str(o.dateCreated) ?? str(o.uploadDate);
    if (v) raws.push(v);
  }
  const rank = KEY_RANK();
  const found = [...metas.entries()].filter(([k]) => rank.has(k)).sort((a, b) => (rank.get(a[0]) ?? 0) - (rank.get(b[0]) ?? 0));
  for (const [, v] of found) raws.push(v);
  raws.push(...itempropDates, ...pubTimes);
  let published: string | null = null;
  for (const v of raws) {
    published = parseDate(v);
    if (published) {
      published = localDay(v, [...raws, ...timeTexts]) ?? published;
      break;
    }
  }
  const canonicalUrl = absolute(head.canonical ?? metas.get("og:url") ?? null, url);
  published ??= dateFromUrl(url) ?? dateFromUrl(canonicalUrl);

  const siteName = metas.get("og:site_name") ?? null;
  let ldTitle: string | null = null;
  for (const o of articles) {
    ldTitle = str(o.headline);
    if (ldTitle) break;
  }
  const title =
    cleanTitle(metas.get("og:title") ?? metas.get("twitter:title") ?? ldTitle ?? null, h1, siteName, false) ??
    h1 ??
    cleanTitle(head.title, h1, siteName, true);

  // People first: an Organization "author" is usually the site itself, a weaker fallback than a byline.
  let author: string | null = null;
  let orgAuthor: string | null = null;
  for (const o of articles) {
    const list = Array.isArray(o.author) ? o.author : o.author != null ? [o.author] : [];
    const people: string[] = [];
    for (const a of list) {
      const isOrg = a !== null && typeof a === "object" && !Array.isArray(a) && /organization/i.test(typeOf(a));
      for (const n of names(a)) {
        const name = n.trim();
        // Some CMSs put the author page URL where the name belongs.
        if (!name || /^https?:|^\/|@/.test(name)) continue;
        if (isOrg) orgAuthor ??= name;
        else people.push(name);
      }
    }
    if (people.length) {
      author = people.join(", ");
      break;
    }
  }
  if (!author) {
    const a =
      metas.get("author") ?? metas.get("article:author") ?? metas.get("byl") ?? metas.get("sailthru.author") ?? metas.get("parsely-author");
    const key = (x: string | null) => (x ?? "").toLowerCase().replace(/\.(?:com|net|org|vn|id|co|uk)\b|[^\p{L}\p{N}]/gu, "");
    // "VnExpress" on vnexpress.net is the site, not a writer.
    const isSite = a != null && (key(a) === key(siteName) || key(a) === key(orgAuthor) || /\.(?:com|net|org|vn|id)\b/i.test(a));
    if (a && !/^https?:/i.test(a) && !isSite) author = a.replace(/^by\s+/i, "");
    else if (a && isSite) orgAuthor ??= a;
  }
  return { title, published, author, orgAuthor, canonicalUrl, timeTexts: [...pubTimes, ...timeTexts] };
}

const STAMP = /^\s*(\d{4})-(\d{2})-(\d{2})[T\s](\d{2}):(\d{2})(?::(\d{2}))?(?:\.\d+)?\s*(Z|UTC|GMT|[+-]\d{2}:?\d{2})?/i;

/** Milliseconds of the wall-clock time as if it were UTC, and the written offset in minutes (null if none). */
function readStamp(s: string): { wall: number; offset: number | null } | null {
  const m = STAMP.exec(s);
  if (!m) return null;
  const wall = Date.UTC(+m[1], +m[2] - 1, +m[3], +m[4], +m[5], +(m[6] ?? 0));
  let offset: number | null = null;
  const z = m[7];
  if (z) {
    if (/^(?:z|utc|gmt)$/i.test(z)) offset = 0;
    else {
      const sign = z[0] === "-" ? -1 : 1;
      const digits = z.slice(1).replace(":", "");
      offset = sign * (+digits.slice(0, 2) * 60 + +digits.slice(2));
    }
  }
  return { wall, offset };
}

/**
 * A UTC timestamp moved to the publisher's own day: when the page also writes the same instant in
 * local time (a naive "2023-11-08 18:09:55" or "…-05:00"), that wall-clock day is the one to keep.
 */
function localDay(primary: string, others: string[]): string | null {
  const p = readStamp(primary);
  if (p?.offset !== 0) return null;
  for (const o of others) {
    const q = readStamp(o);
    if (!q || q.offset === 0) continue;
    if (q.offset !== null) {
      if (Math.abs(q.wall - q.offset * 60000 - p.wall) < 120000) return parseDate(o);
      continue;
    }
    // A naive local time: same minute and second, a whole quarter-hour offset of at most 14 hours.
    const diff = p.wall - q.wall;
    if (diff !== 0 && Math.abs(diff) <= 14 * 3600000 && diff % 900000 === 0) return parseDate(o);
  }
  return null;
}
