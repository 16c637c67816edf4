import type { El, Node } from "./html-tree";

/**
 * Main article text from the light tree, by scoring containers the way a reader skims a page:
 * paragraphs of running prose (length, commas, few links) vote for the elements that hold them,
 * class/id words add weak evidence, and the winning container plus its prose-bearing siblings are
 * read back as paragraphs, minus link lists, share bars, comment forms and related-article boxes.
 */

const BLOCK_TAGS = new Set([
  "address",
  "article",
  "aside",
  "blockquote",
  "body",
  "center",
  "dd",
  "details",
  "dialog",
  "div",
  "dl",
  "dt",
  "fieldset",
  "figcaption",
  "figure",
  "footer",
  "form",
  "h1",
  "h2",
  "h3",
  "h4",
  "h5",
  "h6",
  "header",
  "hgroup",
  "hr",
  "li",
  "main",
  "menu",
  "nav",
  "ol",
  "p",
  "pre",
  "section",
  "summary",
  "table",
  "tbody",
  "thead",
  "tfoot",
  "tr",
  "td",
  "th",
  "ul",
  "caption",
  "legend",
  "html",
  "#root",
]);

/** Elements that are never article prose, whatever they contain. */
const SKIP_TAGS = new Set(["input", "label", "img", "picture", "figure", "source"]);

/** Page furniture by tag: junk unless it holds most of the page's prose. */
const FURNITURE_TAGS = new Set(["nav", "aside", "footer", "form", "header", "menu", "dialog"]);

/** Classes that hide an element from sight. */
const HIDDEN_CLASS = /(?:^|\s)(?:hidden|sr-only|visually-hidden|screen-reader-text|element-invisible|d-none|hide)(?:\s|$)/i;

/** Strong boilerplate words in class/id (generic, any site). */
const JUNK_RE =
  /(?:^|[\s_-])(?:comments?|comment-?list|commentbox|disqus|respond|reply|replies|share|sharing|social|sociable|sharebar|related|relatedposts?|recommend(?:ed|ation)?s?|more-?stories|read-?more|also-?read|newsletter|subscribe|subscription|signup|promo|promoted|sponsor(?:ed)?|advert(?:isement)?|ads?|ad-?slot|adsbygoogle|banner|breadcrumbs?|pagination|pager|sidebar|widget|footer|masthead|navbar|nav|menu|topbar|toolbar|cookie|gdpr|consent|popup|modal|outbrain|taboola|tags?|tag-?list|keywords?|print|skip|caption|credit|byline|author|meta|dateline|timestamp|tinlienquan|tin-?lien-?quan|lienquan|lien-?quan|bai-?lien-?quan|tin-?khac|tinkhac|xem-?them|other-?news|news-?other|othernews|more-?news|cung-?chuyen-?muc|box-?tin|baca-?juga|bacajuga|berita-?terkait|terkait|trending|most-?popular|popular|editors?-?picks?|rail|newsletter-?signup)(?:$|[\s_-])/i;

/** Words that mark the article container. */
const GOOD_RE =
  /(?:^|[\s_-])(?:article|articlebody|article-?body|article-?content|body|content|entry|entry-?content|hentry|main|post|post-?body|post-?content|story|story-?body|text|blog|detail|cms-?body|news-?content|content-?detail|detail-?content|body-?text|maincontent|richtext|rich-?text)(?:$|[\s_-])/i;

const NEGATIVE_RE =
  /(?:^|[\s_-])(?:comment|com-|contact|footer|masthead|media|meta|outbrain|promo|related|scroll|share|shoutbox|sidebar|skyscraper|sponsor|shopping|tags|widget|nav|menu|header|banner|ad|ads|advert|social|teaser|list|card|cards|grid|thumb|more)(?:$|[\s_-])/i;

/** A run of inline text between block boundaries. */
interface Block {
  text: string;
  /** Characters inside <a>. */
  linkLen: number;
  /** The nearest block-level element holding the text. */
  owner: El;
  tag: string;
  /** Inside page furniture (navigation, comments, sharing, related links…). */
  junk: boolean;
}

interface Stats {
  len: number;
  linkLen: number;
  /** Characters of prose paragraphs (long, few links) below the element. */
  prose: number;
  /** Prose characters, and other characters, of blocks outside page furniture. */
  cleanProse: number;
  cleanOther: number;
  proseBlocks: number;
  score: number;
  scored: boolean;
}

const HEADING = /^h[1-6]$/;
const INLINE_WIDGET = /(?:^|[\s_-])(?:tooltip|popover|popup|hovercard|hover-card|dropdown)(?:$|[\s_-])/i;
const P_LIKE = new Set([
  "p",
  "pre",
  "li",
  "dd",
  "dt",
  "blockquote",
  "td",
  "th",
  "h1",
  "h2",
  "h3",
  "h4",
  "h5",
  "h6",
  "figcaption",
  "caption",
]);
// Zero-width characters are listed one by one (alternation), not in a class, to keep lint happy.
const WS = /(?:\s|\u00a0|\u200b|\u200c|\u200d|\ufeff)+/g;
const INLINE_NO_SPACE = new Set([
  "span",
  "a",
  "strong",
  "em",
  "b",
  "i",
  "u",
  "small",
  "sup",
  "sub",
  "mark",
  "abbr",
  "cite",
  "code",
  "q",
  "time",
  "font",
  "s",
  "del",
  "ins",
]);

function classId(el: El): string {
  const c = el.attrs.class;
  const i = el.attrs.id;
  return c && i ? `${c} ${i}` : (c ?? i ?? "");
}

function isHidden(el: El): boolean {
  const a = el.attrs;
  if (a.hidden != null || a["aria-hidden"] === "true") return true;
  if (a.class && HIDDEN_CLASS.test(a.class)) return true;
  const s = a.style;
  return s != null && /display\s*:\s*none|visibility\s*:\s*hidden/i.test(s);
}

/** Reader comments can outweigh the article; they are never its container. */
function isCommentBox(el: El): boolean {
  const ci = classId(el);
  return ci !== "" && /(?:^|[\s_-])(?:comments?|comment-?list|disqus|respond|replies)(?:$|[\s_-])/i.test(ci);
}

/** True when the element's tag, role or own class/id names page furniture rather than the article. */
function looksLikeFurniture(el: El): boolean {
  const tag = el.tag;
  if (tag === "body" || tag === "html" || tag === "article" || tag === "main" || tag === "#root") return false;
  if (FURNITURE_TAGS.has(tag)) return true;
  const role = el.attrs.role;
  if (role && /^(?:navigation|banner|complementary|contentinfo|search|menu|menubar|dialog|alert)$/i.test(role)) return true;
  const ip = el.attrs.itemprop;
  if (ip && /articlebody/i.test(ip)) return false;
  const c = el.attrs.class;
  const i = el.attrs.id;
  return (c != null && JUNK_RE.test(c)) || (i != null && JUNK_RE.test(i));
}

function classWeight(el: El): number {
  let w = 0;
  const ci = classId(el);
  if (ci) {
    if (NEGATIVE_RE.test(ci)) w -= 25;
    if (GOOD_RE.test(ci)) w += 25;
  }
  const ip = el.attrs.itemprop;
  if (ip && /articlebody|articleBody/i.test(ip)) w += 50;
  if (el.tag === "article") w += 10;
  if (el.tag === "main") w += 5;
  return w;
}

function tagWeight(tag: string): number {
  switch (tag) {
    case "div":
    case "article":
    case "section":
    case "main":
      return 5;
    case "pre":
    case "td":
    case "blockquote":
      return 3;
    case "address":
    case "ol":
    case "ul":
    case "dl":
    case "dd":
    case "dt":
    case "li":
    case "form":
      return -3;
    case "h1":
    case "h2":
    case "h3":
    case "h4":
    case "h5":
    case "h6":
    case "th":
      return -5;
    default:
      return 0;
  }
}

/** Linearises the tree into blocks; `<br>` becomes "\n" inside a block. Hidden subtrees are skipped. */
function collectBlocks(root: El): Block[] {
  const out: Block[] = [];
  let buf = "";
  let linkLen = 0;
  let owner = root;
  const flush = () => {
    if (buf.length === 0) return;
    // Most flushes hold only the indentation between two tags (native trim; zero-width spaces fall through).
    if (buf.trim() === "") {
      buf = "";
      linkLen = 0;
      return;
    }
    let text = "";
    if (!buf.includes("\n")) text = buf.replace(WS, " ").trim();
    else
      for (const l of buf.split("\n")) {
        const t = l.replace(WS, " ").trim();
        if (t) text = text ? `${text}\n${t}` : t;
      }
    if (text) out.push({ text, linkLen, owner, tag: owner.tag, junk: false });
    buf = "";
    linkLen = 0;
  };
  const visit = (node: Node, inLink: boolean) => {
    if (typeof node === "string") {
      buf += node;
      if (inLink) linkLen += node.trim().length;
      return;
    }
    const tag = node.tag;
    if (tag === "br") {
      buf += "\n";
      return;
    }
    if (SKIP_TAGS.has(tag) || isHidden(node)) return;
    if (tag === "tr" && isDataRow(node)) {
      // A row of short cells is one line ("Xuất khẩu | 19,4 tỷ USD | 16,7%"), so a figure keeps its label.
      flush();
      const saved = owner;
      owner = node;
      let first = true;
      for (const c of node.children) {
        if (typeof c === "string") continue;
        if (!first) buf += " | ";
        first = false;
        for (const cc of c.children) visit(cc, inLink);
      }
      flush();
      owner = saved;
      return;
    }
    if (BLOCK_TAGS.has(tag)) {
      flush();
      const saved = owner;
      owner = node;
      for (const c of node.children) visit(c, inLink);
      flush();
      owner = saved;
      return;
    }
    // Hover cards and tooltips nested in a sentence (a person's popup with links) are not prose.
    if (node.attrs.class && INLINE_WIDGET.test(node.attrs.class)) return;
    // The innermost card goes; a wrapper that also holds the linked name keeps the name.
    if (isInlineCard(node) && !node.children.some((c) => typeof c !== "string" && isInlineCard(c))) return;
    const link = inLink || tag === "a";
    for (const c of node.children) visit(c, link);
    if (!INLINE_NO_SPACE.has(tag)) buf += " ";
  };
  visit(root, false);
  flush();
  return out;
}

/** A table row of short, flat cells (data, not page layout). */
function isDataRow(tr: El): boolean {
  let cells = 0;
  for (const c of tr.children) {
    if (typeof c === "string") {
      if (c.trim()) return false;
      continue;
    }
    if (c.tag !== "td" && c.tag !== "th") return false;
    cells++;
    let len = 0;
    const stack: El[] = [c];
    while (stack.length) {
      const e = stack.pop() as El;
      for (const k of e.children) {
        if (typeof k === "string") len += k.length;
        else if (k.tag === "table" || k.tag === "div" || k.tag === "p" || k.tag === "ul") return false;
        else stack.push(k);
      }
    }
    if (len > 120) return false;
  }
  return cells >= 2;
}

/** An inline element holding a picture and several links: a hover card inside a sentence. */
function isInlineCard(el: El): boolean {
  if (el.tag !== "span" || el.children.length === 0) return false;
  let imgs = 0;
  let links = 0;
  const stack: El[] = [el];
  while (stack.length) {
    const e = stack.pop() as El;
    for (const c of e.children) {
      if (typeof c === "string") continue;
      if (BLOCK_TAGS.has(c.tag)) return false;
      if (c.tag === "img") imgs++;
      else if (c.tag === "a") links++;
      stack.push(c);
    }
    if (imgs > 0 && links >= 2) return true;
  }
  return false;
}

function countCommas(s: string): number {
  let n = 0;
  for (let i = 0; i < s.length; i++) {
    const c = s.charCodeAt(i);
    if (c === 44 || c === 0xff0c || c === 0x060c) n++;
  }
  return n;
}

/** Running prose: long enough, few links, not a heading. */
function isProse(b: Block): boolean {
  const len = b.text.length;
  return len >= 40 && b.linkLen < len * 0.35 && !HEADING.test(b.tag);
}

function isListItem(tag: string): boolean {
  return tag === "li" || tag === "dd" || tag === "dt";
}

/** Blocks and per-element statistics of one page, shared by the selection steps below. */
interface Scan {
  blocks: Block[];
  stats: Map<El, Stats>;
  isJunk: (el: El | null) => boolean;
  /** Prose characters outside page furniture. */
  totalClean: number;
}

function newStats(): Stats {
  return { len: 0, linkLen: 0, prose: 0, cleanProse: 0, cleanOther: 0, proseBlocks: 0, score: 0, scored: false };
}

function statsOf(stats: Map<El, Stats>, el: El): Stats {
  let s = stats.get(el);
  if (!s) {
    s = newStats();
    stats.set(el, s);
  }
  return s;
}

function linkDensity(s: Stats): number {
  return s.len ? s.linkLen / s.len : 0;
}

/** Lengths per ancestor, then furniture marking, then clean-prose totals per ancestor. */
function scanPage(root: El): Scan {
  const blocks = collectBlocks(root);
  const stats = new Map<El, Stats>();
  let totalProse = 0;
  for (const b of blocks) {
    const len = b.text.length;
    const prose = isProse(b) ? len : 0;
    totalProse += prose;
    for (let el: El | null = b.owner; el; el = el.parent) {
      const s = statsOf(stats, el);
      s.len += len;
      s.linkLen += b.linkLen;
      s.prose += prose;
    }
  }
  // Furniture by name is junk unless it holds most of the page's prose: a body class such as
  // "one-sidebar" or a wrapper "content-with-sidebar" must not take the article with it.
  const junkMemo = new Map<El, boolean>();
  const isJunk = (el: El | null): boolean => {
    if (!el) return false;
    let j = junkMemo.get(el);
    if (j === undefined) {
      j = looksLikeFurniture(el) && (isCommentBox(el) || (stats.get(el)?.prose ?? 0) < totalProse * 0.4);
      j ||= isJunk(el.parent);
      junkMemo.set(el, j);
    }
    return j;
  };
  let totalClean = 0;
  for (const b of blocks) {
    b.junk = isJunk(b.owner);
    if (b.junk) continue;
    const len = b.text.length;
    const prose = isProse(b) ? len : 0;
    totalClean += prose;
    for (let el: El | null = b.owner; el; el = el.parent) {
      const s = statsOf(stats, el);
      s.cleanProse += prose;
      if (prose) s.proseBlocks++;
      s.cleanOther += len - prose + b.linkLen;
    }
  }
  return { blocks, stats, isJunk, totalClean };
}

/** Prose votes for its containers (Readability-style); returns each candidate's link-weighted score. */
function scoreCandidates(scan: Scan): Map<El, number> {
  for (const b of scan.blocks) {
    if (b.junk || HEADING.test(b.tag)) continue;
    const len = b.text.length;
    if (len < 25 || b.linkLen > len * 0.5) continue;
    const vote = 1 + countCommas(b.text) + Math.min(Math.floor(len / 100), 3);
    // Text in a <p> votes for the p's container; loose text in a <div> is its own paragraph.
    let el: El | null = P_LIKE.has(b.tag) ? b.owner.parent : b.owner;
    for (let level = 0; el && level < 5; level++, el = el.parent) {
      const s = statsOf(scan.stats, el);
      if (!s.scored) {
        s.scored = true;
        s.score = tagWeight(el.tag) + classWeight(el);
      }
      s.score += level === 0 ? vote : level === 1 ? vote / 2 : vote / (level * 3);
    }
  }
  const finals = new Map<El, number>();
  for (const [el, s] of scan.stats) {
    if (!s.scored || el.tag === "#root" || el.tag === "html" || el.tag === "body") continue;
    finals.set(el, s.score * (1 - linkDensity(s)));
  }
  return finals;
}

/** The best candidate, climbing while the parent scores nearly as well (an article split over wrappers). */
function pickTop(scan: Scan, finals: Map<El, number>): { top: El; score: number } | null {
  let top: El | null = null;
  let score = Number.NEGATIVE_INFINITY;
  for (const [el, f] of finals) {
    if (f > score) {
      score = f;
      top = el;
    }
  }
  if (!top) return null;
  for (let p = top.parent; p && p.tag !== "body" && p.tag !== "#root" && p.tag !== "html"; p = p.parent) {
    const pf = finals.get(p);
    if (pf === undefined || pf < score * 0.75) break;
    if (linkDensity(statsOf(scan.stats, p)) > 0.33) break;
    top = p;
    score = Math.max(score, pf);
  }
  return { top, score };
}

/** The winner plus its siblings that also read as article prose. */
function withSiblings(scan: Scan, finals: Map<El, number>, top: El, topScore: number): Set<El> {
  const chosen = new Set<El>([top]);
  const parent = top.parent;
  if (!parent) return chosen;
  const threshold = Math.max(10, topScore * 0.2);
  const topClass = top.attrs.class ?? "";
  for (const sib of parent.children) {
    if (typeof sib === "string" || sib === top || scan.isJunk(sib)) continue;
    const bonus = topClass && sib.attrs.class === topClass ? topScore * 0.2 : 0;
    const f = finals.get(sib);
    if (f !== undefined && f + bonus >= threshold) {
      chosen.add(sib);
      continue;
    }
    const s = sib.tag === "p" ? scan.stats.get(sib) : undefined;
    if (!s) continue;
    const ld = linkDensity(s);
    if ((s.len > 80 && ld < 0.25) || (s.len > 0 && ld === 0 && s.prose === 0 && s.len <= 80)) chosen.add(sib);
  }
  return chosen;
}

/**
 * The body split into several boxes with the article's own class (ads or embeds between them, at
 * different depths): same tag and class, prose, few links.
 */
function addCousins(scan: Scan, top: El, chosen: Set<El>): void {
  const topClass = top.attrs.class;
  if (!topClass || topClass.length <= 3) return;
  for (const [el, s] of scan.stats) {
    if (el === top || el.tag !== top.tag || el.attrs.class !== topClass || s.cleanProse === 0) continue;
    if (linkDensity(s) > 0.3 || scan.isJunk(el) || chosen.has(el)) continue;
    let nested = false;
    for (let a = el.parent; a && !nested; a = a.parent) nested = chosen.has(a);
    if (!nested) chosen.add(el);
  }
}

/**
 * Paragraphs wrapped one by one in deep div stacks (ad slots between them) spread their votes too
 * thin for any container to win: when the pick is a paragraph or two holding under half of the
 * page's clean prose, take the ancestor with the best balance of prose against everything else.
 */
function rescueThinPick(scan: Scan, top: El, chosen: Set<El>): Set<El> {
  let prose = 0;
  let count = 0;
  for (const el of chosen) {
    prose += scan.stats.get(el)?.cleanProse ?? 0;
    count += scan.stats.get(el)?.proseBlocks ?? 0;
  }
  if (prose >= scan.totalClean * 0.5 || count > 2) return chosen;
  let best: El | null = null;
  let bestValue = prose;
  for (let a: El | null = top.parent; a && a.tag !== "#root" && a.tag !== "html"; a = a.parent) {
    const s = scan.stats.get(a);
    if (!s) continue;
    const v = s.cleanProse - 0.5 * s.cleanOther;
    if (v > bestValue * 1.5) {
      best = a;
      bestValue = v;
    }
  }
  return best ? new Set([best]) : chosen;
}

/** The chosen containers' blocks as lines, minus furniture, link-heavy blocks and link lists. */
function emit(scan: Scan, chosen: Set<El>): { paragraphs: string[]; first: number } {
  const inChosen = (b: Block): boolean => {
    for (let el: El | null = b.owner; el; el = el.parent) if (chosen.has(el)) return true;
    return false;
  };
  const paragraphs: string[] = [];
  const listLd = new Map<El, number>();
  let first = -1;
  scan.blocks.forEach((b, i) => {
    if (!inChosen(b)) return;
    if (first < 0) first = i;
    if (b.junk) return;
    const len = b.text.length;
    if (b.linkLen > len * 0.5 && len < 400) return;
    // Lists of links (teasers, tag lists) go as a whole.
    const list = isListItem(b.tag) ? b.owner.parent : null;
    if (list) {
      let ld = listLd.get(list);
      if (ld === undefined) {
        const s = scan.stats.get(list);
        ld = s ? linkDensity(s) : 0;
        listLd.set(list, ld);
      }
      if (ld > 0.5) return;
    }
    for (const line of b.text.split("\n")) paragraphs.push(line);
  });
  return { paragraphs, first };
}

/**
 * Picks the container(s) holding the article and returns its paragraphs (not yet line-cleaned), the
 * byline's name, and the page text around the headline (for a dated byline).
 */
export function extractMainText(root: El): { paragraphs: string[]; author: string | null; topText: string } {
  const scan = scanPage(root);
  const { blocks } = scan;
  const finals = scoreCandidates(scan);
  const picked = pickTop(scan, finals);
  if (!picked) {
    const paragraphs = blocks.filter((b) => !b.junk && b.linkLen < b.text.length * 0.5).flatMap((b) => b.text.split("\n"));
    const topText = blocks
      .slice(0, 30)
      .map((b) => b.text)
      .join("\n");
    return { paragraphs, author: null, topText };
  }
  let chosen = withSiblings(scan, finals, picked.top, picked.score);
  addCousins(scan, picked.top, chosen);
  chosen = rescueThinPick(scan, picked.top, chosen);
  const { paragraphs, first } = emit(scan, chosen);
  // The byline nearest after the headline (or the first one on the page).
  let author: string | null = null;
  for (let i = Math.max(0, first - 40); i < blocks.length && !author; i++) author = bylineAuthor(blocks[i]);
  for (let i = 0; i < blocks.length && !author; i++) author = bylineAuthor(blocks[i]);
  return { paragraphs, author, topText: headerText(blocks, Math.max(first, 0)) };
}

/** A byline block ("By Jane Doe - 11/18/19", "Bình An") read as the author's name. */
function bylineAuthor(b: Block): string | null {
  const el = b.owner;
  const marked =
    /byline|author|writer|reporter|tac-?gia|penulis/i.test(classId(el)) ||
    /author/i.test(el.attrs.rel ?? "") ||
    /author/i.test(el.attrs.itemprop ?? "");
  if (!marked || b.text.length > 120) return null;
  const t = b.text
    .split("\n")[0]
    .replace(/^(?:by|oleh|bởi|tác giả|penulis|reporter|pewarta)\s*:?\s*/i, "")
    .split(/\s+[-|–—•·]\s+|\s*\d/)[0]
    .replace(/[\s,;:|]+$/, "")
    .trim();
  return t.length >= 2 && t.length <= 80 ? t : null;
}

/**
 * The page text around the headline and just before the article: where dated bylines sit
 * ("Thứ Hai, 11/12/2024 08:00", "Published May 8, 2024"), plus blocks marked as dates.
 */
function headerText(blocks: Block[], first: number): string {
  let h1 = -1;
  for (let i = first; i >= 0 && i >= first - 60; i--) {
    if (blocks[i].tag === "h1") {
      h1 = i;
      break;
    }
  }
  const start = h1 >= 0 ? h1 : Math.max(0, first - 12);
  const parts: string[] = [];
  for (let i = start; i < blocks.length && i < first + 3; i++) parts.push(blocks[i].text);
  let marked = 0;
  for (const b of blocks) {
    if (marked >= 3) break;
    const ci = classId(b.owner);
    if (ci && /date|time|publish|posted/i.test(ci) && b.text.length < 120) {
      parts.push(b.text);
      marked++;
    }
  }
  return parts.join("\n");
}
