/**
 * Line-level boilerplate rules shared by HTML and plain-text pages: what a news page prints around
 * the article (related-article boxes, comment forms, ad markers, source and author lines) in
 * Vietnamese, Indonesian and English.
 */

/** A heading that opens a box of other articles (in plain text, everything after it is not this article). */
const RELATED_MARKER =
  /^(?:tin|bài(?: viết)?|tin tức|video|chủ đề)\s+(?:khác|liên quan|cùng chuyên mục|cùng chủ đề|mới(?: nhất)?|nổi bật|đọc nhiều|xem nhiều|đáng chú ý)|^(?:nên xem|xem thêm|đọc thêm|có thể bạn quan tâm|bạn có thể quan tâm|đừng bỏ lỡ|tin mới|mới nhất|đọc nhiều|xem nhiều|tin nổi bật)|^(?:baca juga|berita terkait|artikel terkait|berita lainnya|berita lain|baca selengkapnya|terpopuler|rekomendasi|pilihan redaksi|lihat juga|topik terkait)|^(?:read more|read next|related(?: articles?| stories| posts| news| content| coverage| topics)?|more (?:stories|news|from|on|in)\b|see also|you may also like|you might also like|recommended(?: for you| stories| articles)?|most (?:read|popular|viewed)|trending(?: now)?|latest news|more coverage|also read|don't miss|top stories|editors'? picks?)/i;

/** A comment section's heading or counter, as a whole line: the article has ended. */
const COMMENT_MARKER =
  /^(?:trả lời|bình luận|gửi bình luận|ý kiến(?: bạn đọc)?|viết bình luận|komentar|tulis komentar|kirim komentar|leave a (?:reply|comment)|post a comment|comments?|add a comment|join the (?:conversation|discussion)|show comments|view comments)(?:\s*\(\d+\))?\s*:?$|^\d+ (?:comments?|bình luận|komentar)$/iu;

/** A comment form's notice, which opens with these words. */
const COMMENT_NOTICE =
  /^(?:email của bạn sẽ không được hiển thị|các trường bắt buộc được đánh dấu|alamat email anda tidak akan dipublikasikan|your email address will not be published|you must be logged in to post a comment)/i;

/** "[iklan_2]", "[ads]", "ADVERTISEMENT", "Quảng cáo" on a line of their own. */
const AD_LINE =
  /^(?:\[\s*(?:iklan|ads?|advert(?:isement)?|quảng cáo|qc)[\s_-]*\d*\s*\]|\[gambas:[^\]]*\]|advertisement|advertisements|advertising|sponsored(?: content)?|quảng cáo|iklan|scroll to continue(?: with content)?|lanjutkan membaca|scroll untuk melanjutkan|continue reading(?: below)?|story continues below(?: advertisement)?|article continues below|skip advertisement)$/i;
const AD_INLINE = /\[\s*(?:iklan|ads?|advert(?:isement)?|quảng cáo)[\s_-]*\d*\s*\]/gi;

/** Newsletter, social and app promos printed after the story. */
const PROMO_LINE =
  /^(?:up next|share this(?: article| story)?|got a story\b|for more stories like this|follow (?:us|[\p{L}.]+(?: [\p{L}.]+){0,3}) on (?:twitter|facebook|instagram|x|google news|telegram|whatsapp)|sign up (?:for|to) (?:our|the)|subscribe to (?:our|the)|this site is protected by recaptcha|download (?:our|the) app|simak (?:juga )?video\b|tonton (?:juga )?video\b|ikuti (?:kami|berita|kanal|saluran)|dapatkan (?:update|berita)|theo dõi (?:chúng tôi|kênh|trang)|tải ứng dụng|copyright ©|©)/iu;

/** A share bar flattened to text: only network names and share words ("Chia sẻ Facebook Zalo"). */
const SHARE_LINE =
  /^(?:(?:chia sẻ|share(?: this)?|bagikan|tweet|email|e-mail|in bài|print|copy link|sao chép liên kết|lưu|save|facebook|twitter|x|zalo|whatsapp|telegram|linkedin|pinterest|reddit|line|messenger)[\s:|·•,/]*){1,8}$/i;

/** "Trang chủ > Kinh tế > Đầu tư": a breadcrumb trail. */
const BREADCRUMB_LINE = /^[^.!?]{1,60}(?:\s[>»›]\s[^.!?>»›]{1,60}){1,6}$/;

/** True for a breadcrumb trail line. */
export function isBreadcrumb(line: string): boolean {
  return line.length <= 120 && BREADCRUMB_LINE.test(line);
}

/** "Sumber: https://…", "Nguồn: TTXVN", "Source: Reuters". */
const SOURCE_LINE = /^(?:sumber|nguồn|source|sources)\s*:\s*(.{0,200})$/i;
/** A photo credit on its own line ("Ảnh: TTXVN", "Foto: Antara"). */
const CREDIT_LINE = /^(?:ảnh|foto|photo|photos|credit|video)\s*:\s*.{0,120}$/i;

/** "Theo Cổng GTĐT TP", "Theo VnExpress" — a trailing attribution, not a sentence. */
const THEO_LINE = /^(?:[Tt]heo|[Mm]enurut|[Vv]ia)\s+[\p{Lu}\d][^,.;:!?]{0,60}$/u;

/** An inline teaser: "Xem thêm: Title", "Baca juga: Title", "READ MORE: Title". */
const TEASER_LINE =
  /^(?:>>|(?:xem thêm|đọc thêm|tin liên quan|bài liên quan|xem chi tiết|baca juga|baca|lihat juga|simak juga|berita terkait|read more|also read|read also|related|see also|watch|listen|sign up|click here|subscribe)\s*[:>»-])/iu;

/** A bylined name on its own line: 2–5 capitalised words, no digits, no final stop. */
const NAME_LINE =
  /^(?:(?:by|oleh|bởi|tác giả|penulis|reporter|editor|pewarta|kontributor|wartawan)\s*:?\s*)?(\p{Lu}[\p{L}'’.-]*(?:\s+\p{Lu}[\p{L}'’.-]*){0,4})(?:\s*[(/|-]\s*[\p{L}\s.]{1,40}\)?)?$/u;

export interface CleanResult {
  lines: string[];
  author: string | null;
  source: string | null;
}

function normLine(s: string): string {
  return s.replace(/\s+/g, " ").trim().toLowerCase();
}

/** The whole line is a box heading ("Tin liên quan", "Read more:", "DON'T MISS"), not a sub-heading that starts alike. */
function isMarker(l: string): boolean {
  const m = RELATED_MARKER.exec(l);
  return m !== null && m[0].length >= l.replace(/[\s:»>.…-]+$/, "").length - 1;
}

/** Headlines (short, no final stop) make up a good share of the lines: a list of teasers. */
function looksLikeTeasers(rest: string[]): boolean {
  const next = rest.filter((l) => !isMarker(l)).slice(0, 12);
  if (next.length === 0) return true;
  let headlines = 0;
  for (const l of next) if (l.length < 120 && !/[.!?…:;"”’)]$/.test(l)) headlines++;
  return headlines >= next.length / 3;
}

/** Where a related-articles box or comment section starts (a line index), or -1. */
function findEnd(lines: string[], hardCut: boolean): number {
  let before = 0;
  for (let i = 0; i < lines.length; i++) {
    const l = lines[i];
    const short = l.length <= 60;
    if (before > 0 && ((short && COMMENT_MARKER.test(l)) || COMMENT_NOTICE.test(l))) return i;
    if (short && isMarker(l) && before > 0) {
      // In HTML the links of a mid-article box are already gone, so a stray box heading is often
      // followed by the rest of the story: cut only when what follows reads as teasers.
      if (hardCut || looksLikeTeasers(lines.slice(i + 1))) return i;
    }
    before += l.length;
  }
  return -1;
}

/**
 * Removes boilerplate lines and finds the byline and source.
 *
 * @example cleanLines(["Body.", "Bình An", "Theo Cổng GTĐT TP", "Trả lời"], { hardCut: true })
 * // { lines: ["Body."], author: "Bình An", source: "Cổng GTĐT TP" }
 */
export function cleanLines(input: string[], opts: { hardCut: boolean; title?: string | null }): CleanResult {
  let lines = input.map((l) => l.replace(AD_INLINE, "").replace(/\s+/g, " ").trim()).filter((l) => l.length > 0 && !AD_LINE.test(l));
  const end = findEnd(lines, opts.hardCut);
  if (end >= 0) lines = lines.slice(0, end);
  const titleKey = opts.title ? normLine(opts.title) : null;
  let source: string | null = null;
  const kept: string[] = [];
  let prev = "";
  for (const l of lines) {
    if (l.length <= 60 && isMarker(l)) continue;
    if (l.length < 300 && PROMO_LINE.test(l)) continue;
    if (l.length <= 120 && (SHARE_LINE.test(l) || (kept.length < 3 && BREADCRUMB_LINE.test(l)))) continue;
    if (CREDIT_LINE.test(l)) continue;
    const src = SOURCE_LINE.exec(l);
    if (src) {
      source ??= src[1].trim() || null;
      continue;
    }
    if (TEASER_LINE.test(l) && l.length < 250) continue;
    // "> Vietnam targets 6.8 percent …": a list of headlines quoted with ">" at the foot of a story.
    if (/^>\s/.test(l) && l.length < 200) continue;
    // A teaser excerpt cut short by the CMS ("… các lĩnh […]").
    if (/(?:\[…\]|\[\.\.\.\])$/.test(l)) continue;
    const key = normLine(l);
    // Image alt text repeats the headline; teaser boxes print each headline twice.
    if (titleKey && key === titleKey) continue;
    if (key === prev) continue;
    prev = key;
    kept.push(l);
  }
  // Editors' initials closing Indonesian stories: "(vyp/kna)".
  while (kept.length > 1 && /^\(\s*[\p{L}\d]{2,6}(?:\s*\/\s*[\p{L}\d]{2,6})*\s*\)$/u.test(kept[kept.length - 1])) kept.pop();
  // Trailing attribution lines: "Theo Cổng GTĐT TP", then the reporter's name.
  let author: string | null = null;
  for (let guard = 0; guard < 4 && kept.length > 1; guard++) {
    const last = kept[kept.length - 1];
    if (THEO_LINE.test(last) && last.length <= 70) {
      source ??= last.replace(/^\S+\s+/, "");
      kept.pop();
      continue;
    }
    const m = last.length <= 50 && !/\d/.test(last) ? NAME_LINE.exec(last) : null;
    if (m && !author && m[1].split(/\s+/).length >= 2 && isNameLike(m[1])) {
      author = m[1];
      kept.pop();
      continue;
    }
    break;
  }
  return { lines: kept, author, source };
}

/** Names do not contain function words ("Chưa được phân loại", "Read the report"). */
function isNameLike(s: string): boolean {
  return !/\b(?:the|and|of|for|to|in|on|with|là|và|của|cho|được|yang|dan|di|ke|dari|untuk)\b/i.test(s);
}
