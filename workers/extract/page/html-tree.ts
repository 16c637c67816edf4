import { Parser } from "htmlparser2";

/** One element of the light tree: children are elements or text strings (entities decoded). */
export interface El {
  tag: string;
  attrs: Record<string, string>;
  children: Node[];
  parent: El | null;
}
export type Node = El | string;

/** What the page says about itself in <head> and in scripts, gathered while parsing. */
export interface HeadInfo {
  /** <meta> tags as [key (name/property/itemprop, lower-cased), content]. */
  metas: Array<[string, string]>;
  /** Raw text of each application/ld+json script. */
  jsonLd: string[];
  /** The first <title> text. */
  title: string | null;
  canonical: string | null;
  htmlLang: string | null;
}

export interface ParsedPage {
  root: El;
  head: HeadInfo;
}

/** Subtrees never part of the article text; their content is not even kept (faster, smaller tree). */
const DROP = new Set([
  "script",
  "style",
  "noscript",
  "template",
  "svg",
  "math",
  "canvas",
  "iframe",
  "object",
  "embed",
  "select",
  "textarea",
  "button",
  "option",
  "video",
  "audio",
  "map",
  "head",
]);

/**
 * Nesting kept in the tree. Broken pages can leave thousands of tags unclosed; capping the depth keeps
 * every later walk shallow (no stack overflow) and linear.
 */
const MAX_DEPTH = 160;

/** Script bodies longer than this are cut before tokenizing. */
const LONG_SCRIPT = 1024;

/**
 * The page in pieces that leave out the bodies of long scripts (JSON-LD kept). Inline bundles are often most
 * of a news page's bytes, and the tokenizer steps through them one character at a time; the native search
 * skips them whole, and the pieces are slices of the page, so nothing is copied.
 */
export function withoutScriptBodies(html: string): string[] {
  const parts: string[] = [];
  let last = 0;
  for (let at = html.indexOf("<script"); at >= 0; ) {
    const open = html.indexOf(">", at);
    const close = open < 0 ? -1 : html.indexOf("</script", open);
    if (close < 0) break;
    if (close - open > LONG_SCRIPT && !html.slice(at, open).includes("ld+json")) {
      parts.push(html.slice(last, open + 1));
      last = close;
    }
    at = html.indexOf("<script", close + 8);
  }
  parts.push(last === 0 ? html : html.slice(last));
  return parts;
}

/**
 * Parses HTML into a light tree with htmlparser2's callbacks: measured faster than domhandler's DOM
 * because dropped subtrees (scripts, styles, svg, head) are never materialised.
 */
export function parseHtml(html: string): ParsedPage {
  const root: El = { tag: "#root", attrs: {}, children: [], parent: null };
  const head: HeadInfo = { metas: [], jsonLd: [], title: null, canonical: null, htmlLang: null };
  let cur = root;
  let drop = 0; // depth inside dropped subtrees
  let dropRoot = ""; // the tag that opened the dropped subtree (an <svg><title> is not the page title)
  let depth = 0;
  let flat = 0; // elements opened past MAX_DEPTH: their text joins the deepest kept element
  let rawKind: "ld" | "title" | null = null;
  let raw = "";
  const parser = new Parser(
    {
      onopentag(name, attrs) {
        if (name === "meta") {
          const key = attrs.property ?? attrs.name ?? attrs.itemprop ?? attrs["http-equiv"];
          if (key && attrs.content != null) head.metas.push([key.toLowerCase(), attrs.content]);
          if (drop === 0 && attrs.itemprop) cur.children.push({ tag: name, attrs, children: [], parent: cur });
          return;
        }
        if (name === "link") {
          if (!head.canonical && attrs.rel?.toLowerCase() === "canonical" && attrs.href) head.canonical = attrs.href;
          return;
        }
        if (name === "html" && attrs.lang && !head.htmlLang) head.htmlLang = attrs.lang;
        if (name === "script" && /ld\+json/i.test(attrs.type ?? "")) {
          rawKind = "ld";
          raw = "";
        } else if (name === "title" && head.title === null && (drop === 0 || (drop === 1 && dropRoot === "head"))) {
          rawKind = "title";
          raw = "";
        }
        if (drop > 0 || DROP.has(name)) {
          if (drop === 0) dropRoot = name;
          drop++;
          return;
        }
        if (depth >= MAX_DEPTH) {
          flat++;
          return;
        }
        const el: El = { tag: name, attrs, children: [], parent: cur };
        cur.children.push(el);
        cur = el;
        depth++;
      },
      ontext(text) {
        if (rawKind) raw += text;
        if (drop > 0) return;
        const kids = cur.children;
        const last = kids.length - 1;
        if (last >= 0 && typeof kids[last] === "string") kids[last] += text;
        else kids.push(text);
      },
      onclosetag(name) {
        if (rawKind === "ld" && name === "script") {
          head.jsonLd.push(raw);
          rawKind = null;
        } else if (rawKind === "title" && name === "title") {
          head.title = raw;
          rawKind = null;
        }
        if (name === "meta" || name === "link") return;
        if (drop > 0) {
          drop--;
          return;
        }
        if (flat > 0) {
          flat--;
          return;
        }
        if (cur.parent) {
          cur = cur.parent;
          depth--;
        }
      },
    },
    { decodeEntities: true, lowerCaseTags: true, lowerCaseAttributeNames: true },
  );
  for (const part of withoutScriptBodies(html)) parser.write(part);
  parser.end();
  return { root, head };
}

/** All text below a node, raw (not whitespace-normalised). */
export function rawText(node: Node): string {
  if (typeof node === "string") return node;
  let s = "";
  for (const c of node.children) s += typeof c === "string" ? c : rawText(c);
  return s;
}

/** Depth-first walk over elements; return false from `visit` to skip an element's children. */
export function walk(el: El, visit: (el: El) => boolean | undefined): void {
  for (const c of el.children) {
    if (typeof c === "string") continue;
    if (visit(c) !== false) walk(c, visit);
  }
}
