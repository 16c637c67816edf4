#!/usr/bin/env node
/**
 * Generates the static demo news site (demo/site/**) from the seed texts in demo/seeds/ with the
 * hand-made split in seed-layout.mjs, and from the project's own articles in articles.mjs. Run once
 * after changing any of them: `node demo/build-site.mjs`.
 *
 * Every URL is written with the ORIGIN placeholder; demo/server.mjs swaps in the origin it serves
 * on, so the same files work on any port.
 */
import { mkdirSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";
import { ARTICLES, articlePath } from "./articles.mjs";
import { articleBlocks, SEED_LAYOUTS, seedLines, seedTeasers } from "./seed-layout.mjs";

/** Placeholder the server replaces with its origin, e.g. http://127.0.0.1:8790. */
export const ORIGIN = "{{ORIGIN}}";
const SITE_NAME = "Thời báo Thủ Đô";
const here = dirname(fileURLToPath(import.meta.url));

/** @typedef {"vi" | "id" | "en"} Lang */

/** Chrome strings per page language. */
const UI = {
  vi: {
    locale: "vi_VN",
    home: "Trang chủ",
    nav: [
      ["thoi-su", "Thời sự"],
      ["kinh-te", "Kinh tế"],
      ["doi-ngoai", "Đối ngoại"],
      ["do-thi", "Đô thị"],
      ["xa-hoi", "Xã hội"],
      ["van-hoa", "Văn hóa"],
      ["giao-duc", "Giáo dục"],
      ["y-te", "Y tế"],
      ["phap-luat", "Pháp luật"],
      ["the-thao", "Thể thao"],
    ],
    search: "Tìm kiếm",
    share: "Chia sẻ",
    copyLink: "Sao chép liên kết",
    mostRead: "Đọc nhiều",
    ad: "Quảng cáo",
    commentHeading: "Trả lời",
    commentNote: "Email của bạn sẽ không được hiển thị công khai. Các trường bắt buộc được đánh dấu *",
    commentLabel: "Bình luận *",
    nameLabel: "Tên *",
    websiteLabel: "Trang web",
    submit: "Gửi bình luận",
    weekdays: ["Chủ Nhật", "Thứ Hai", "Thứ Ba", "Thứ Tư", "Thứ Năm", "Thứ Sáu", "Thứ Bảy"],
    address: "Tòa soạn: Tầng 9, số 45 phố Hàng Chuối, quận Hai Bà Trưng, Hà Nội",
    phone: "Điện thoại: (024) 3943 5522",
    copyright: "© Thời báo Thủ Đô. Trang tin mẫu phục vụ kiểm thử; ghi rõ nguồn khi phát hành lại thông tin từ trang này.",
    latest: "Tin mới",
    rssLabel: "Tin mới - Thời báo Thủ Đô",
  },
  id: {
    locale: "id_ID",
    home: "Beranda",
    nav: [
      ["berita", "Berita"],
      ["ekonomi", "Ekonomi"],
      ["diplomasi", "Diplomasi"],
      ["perkotaan", "Perkotaan"],
      ["sosial", "Sosial"],
      ["budaya", "Budaya"],
      ["pendidikan", "Pendidikan"],
      ["kesehatan", "Kesehatan"],
      ["wisata", "Wisata"],
    ],
    search: "Cari",
    share: "Bagikan",
    copyLink: "Salin tautan",
    mostRead: "Terpopuler",
    ad: "Iklan",
    commentHeading: "Komentar (0)",
    commentNote: "Alamat email Anda tidak akan dipublikasikan. Kolom wajib ditandai *",
    commentLabel: "Komentar *",
    nameLabel: "Nama *",
    websiteLabel: "Situs web",
    submit: "Kirim komentar",
    weekdays: ["Minggu", "Senin", "Selasa", "Rabu", "Kamis", "Jumat", "Sabtu"],
    months: ["Januari", "Februari", "Maret", "April", "Mei", "Juni", "Juli", "Agustus", "September", "Oktober", "November", "Desember"],
    address: "Redaksi: Tầng 9, số 45 phố Hàng Chuối, Hai Bà Trưng, Hanoi, Vietnam",
    phone: "Telepon: +84 24 3943 5522",
    copyright: "© Thời báo Thủ Đô. Situs berita contoh untuk pengujian.",
    latest: "Berita terbaru",
    rssLabel: "Berita terbaru - Thời báo Thủ Đô",
  },
  en: {
    locale: "en_US",
    home: "Home",
    nav: [
      ["news", "News"],
      ["economy", "Economy"],
      ["foreign-affairs", "Foreign affairs"],
      ["city", "City"],
      ["society", "Society"],
      ["culture", "Culture"],
      ["education", "Education"],
      ["health", "Health"],
      ["travel", "Travel"],
    ],
    search: "Search",
    share: "Share",
    copyLink: "Copy link",
    mostRead: "Most read",
    ad: "Advertisement",
    commentHeading: "Leave a comment",
    commentNote: "Your email address will not be published. Required fields are marked *",
    commentLabel: "Comment *",
    nameLabel: "Name *",
    websiteLabel: "Website",
    submit: "Post comment",
    weekdays: ["Sunday", "Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday"],
    months: ["January", "February", "March", "April", "May", "June", "July", "August", "September", "October", "November", "December"],
    address: "Newsroom: 9th floor, 45 Hàng Chuối street, Hai Bà Trưng district, Hanoi, Vietnam",
    phone: "Phone: +84 24 3943 5522",
    copyright: "© Thời báo Thủ Đô. A sample news site for testing.",
    latest: "Latest news",
    rssLabel: "Latest news - Thời báo Thủ Đô",
  },
};

/** @param {string} s */
const escText = (s) => s.replace(/&/g, "&amp;").replace(/</g, "&lt;").replace(/>/g, "&gt;");
/** @param {string} s */
const escAttr = (s) => escText(s).replace(/"/g, "&quot;");

/**
 * Turns a title into a URL slug (Vietnamese diacritics folded, đ → d).
 * @param {string} title
 */
function slugify(title) {
  return title
    .normalize("NFD")
    .replace(/[\u0300-\u036f]/g, "")
    .replace(/[đĐ]/g, "d")
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, "-")
    .replace(/^-|-$/g, "");
}

/**
 * Human dateline shown under the headline, from an ISO time with +07:00 offset.
 * @param {string} iso
 * @param {Lang} lang
 */
function dateline(iso, lang) {
  const m = /^(\d{4})-(\d{2})-(\d{2})T(\d{2}):(\d{2})/.exec(iso);
  if (!m) throw new Error(`bad date ${iso}`);
  const [, y, mo, d, h, mi] = m;
  const weekday = new Date(Date.UTC(Number(y), Number(mo) - 1, Number(d))).getUTCDay();
  if (lang === "id") return `${UI.id.weekdays[weekday]}, ${Number(d)} ${UI.id.months[Number(mo) - 1]} ${y} ${h}:${mi} WIB`;
  if (lang === "en") return `${UI.en.weekdays[weekday]}, ${UI.en.months[Number(mo) - 1]} ${Number(d)}, ${y} ${h}:${mi} (GMT+7)`;
  return `${UI.vi.weekdays[weekday]}, ${d}/${mo}/${y} ${h}:${mi} (GMT+7)`;
}

/**
 * RFC 822 date for RSS, keeping the +07:00 offset.
 * @param {string} iso
 */
function rfc822(iso) {
  const date = new Date(iso);
  const local = new Date(date.getTime() + 7 * 3600_000);
  const days = ["Sun", "Mon", "Tue", "Wed", "Thu", "Fri", "Sat"];
  const months = ["Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"];
  const pad = (/** @type {number} */ n) => String(n).padStart(2, "0");
  return `${days[local.getUTCDay()]}, ${pad(local.getUTCDate())} ${months[local.getUTCMonth()]} ${local.getUTCFullYear()} ${pad(local.getUTCHours())}:${pad(local.getUTCMinutes())}:${pad(local.getUTCSeconds())} +0700`;
}

/** Number tokens as written ("2.067", "6,52", "23"). @param {string} text */
function numberTokens(text) {
  return new Set(text.match(/\d+(?:[.,]\d+)*/g) ?? []);
}

/** Home page of each edition. @type {Record<Lang, string>} */
const HOME_PATH = { vi: "/", id: "/id/", en: "/en/" };
/** The other editions linked from the top bar. @type {Record<Lang, [string, string][]>} */
const EDITION_LINKS = {
  vi: [["/id/", "Bahasa Indonesia"]],
  id: [["/", "Tiếng Việt"]],
  en: [
    ["/", "Tiếng Việt"],
    ["/id/", "Bahasa Indonesia"],
  ],
};
/** aria-label of the section menu. @type {Record<Lang, string>} */
const NAV_LABEL = { vi: "Chuyên mục", id: "Rubrik", en: "Sections" };

/** @param {Lang} lang */
function siteHeader(lang) {
  const ui = UI[lang];
  const home = `${ORIGIN}${HOME_PATH[lang]}`;
  const items = ui.nav.map(([slug, label]) => `        <li><a href="${home}#${slug}">${escText(label)}</a></li>`).join("\n");
  const editions = EDITION_LINKS[lang].map(([path, label]) => ` · <a href="${ORIGIN}${path}">${escText(label)}</a>`).join("");
  return `  <header class="site-header">
    <div class="topbar"><a href="${ORIGIN}/rss.xml">RSS</a>${editions}</div>
    <a class="logo" href="${home}"><img src="${ORIGIN}/static/logo.svg" alt="${escAttr(SITE_NAME)}" width="220" height="48"></a>
    <nav class="main-nav" aria-label="${NAV_LABEL[lang]}">
      <ul>
${items}
      </ul>
    </nav>
    <form class="search" action="${ORIGIN}/tim-kiem" method="get"><input type="search" name="q" placeholder="${escAttr(ui.search)}"><button type="submit">${escText(ui.search)}</button></form>
  </header>`;
}

/**
 * @param {Lang} lang
 * @param {string[]} [extraLinks] seed lines that belong to the footer (e.g. "Phiên bản di động")
 */
function siteFooter(lang, extraLinks = []) {
  const ui = UI[lang];
  const links = extraLinks.map((label) => `<a href="${ORIGIN}/?${slugify(label)}">${escText(label)}</a>`).join(" · ");
  return `  <footer class="site-footer">
    <a class="logo" href="${ORIGIN}/"><img src="${ORIGIN}/static/logo.svg" alt="${escAttr(SITE_NAME)}" width="160" height="35"></a>
    ${links ? `<p class="footer-links">${links}</p>\n    ` : ""}<address>${escText(ui.address)}<br>${escText(ui.phone)} · Email: toasoan@thoibaothudo.example</address>
    <p class="copyright">${escText(ui.copyright)}</p>
  </footer>`;
}

/**
 * @param {{ title: string, summary: string, alt?: string, href?: string }} teaser
 * @param {Lang} lang
 */
function teaserHtml(teaser, lang) {
  const href = teaser.href ?? `${ORIGIN}${lang === "id" ? "/id/berita/" : "/tin-tuc/"}${slugify(teaser.title)}.html`;
  return `        <article class="teaser">
          <a class="teaser-thumb" href="${href}"><img src="${ORIGIN}/static/photo.svg" alt="${escAttr(teaser.alt ?? teaser.title)}" width="160" height="100" loading="lazy"></a>
          <h3 class="teaser-title"><a href="${href}">${escText(teaser.title)}</a></h3>
          <p class="teaser-summary">${escText(teaser.summary)}</p>
        </article>`;
}

/**
 * Everything an article page shows, whatever it was made from (a seed or articles.mjs).
 * @typedef {{
 *   lang: Lang,
 *   path: string,
 *   headline: string,
 *   section: string,
 *   category: string,
 *   published: string | null,
 *   lead: string,
 *   description: string,
 *   blocks: { kind: "p" | "h2" | "figure", text: string, caption?: string[], alt?: string }[],
 *   author: string,
 *   jsonLdAuthor: Record<string, string>,
 *   sourceLine?: string,
 *   adHtml: string,
 *   commentHeading: string,
 *   commentNote: string,
 *   related: string[],
 *   inlineRelated: string[],
 *   sidebar: { path: string, headline: string }[],
 *   translation?: { lang: Lang, path: string },
 *   footerLinks: string[],
 * }} PageSpec
 */

/**
 * A seed page: its article lines and chrome lines, from the hand split in seed-layout.mjs.
 * @param {import("./seed-layout.mjs").SeedLayout} layout
 * @param {string[]} lines
 * @returns {PageSpec}
 */
function seedPageSpec(layout, lines) {
  const at = (/** @type {number} */ n) => lines[n - 1];
  const ui = UI[layout.lang];
  const lead = at(layout.lead);
  const description = layout.descriptionLine ? at(layout.descriptionLine) : lead;
  const blocks = articleBlocks(layout, lines);
  const articleText = [lead, ...blocks.map((b) => b.text)].join("\n");
  const author = "line" in layout.author ? at(layout.author.line) : layout.author.text;
  const category = layout.categoryLine ? at(layout.categoryLine) : layout.section;
  // The Indonesian edition has one seed of its own, so its sidebar lists the Vietnamese ones too.
  const others = SEED_LAYOUTS.filter((o) => o.id !== layout.id && (layout.lang === "id" || o.lang === layout.lang));
  const translation = SEED_LAYOUTS.find((o) => o.translationOf === layout.id || o.id === layout.translationOf);

  const related = layout.related.map((block) => {
    const teasers = "teasers" in block ? block.teasers : seedTeasers(lines, block.fromLine, block.toLine);
    if ("teasers" in block) assertNoSharedNumbers(layout.id, articleText, teasers);
    return `      <section class="related-news">
        <h2 class="related-title">${escText(block.heading)}</h2>
${teasers.map((t) => teaserHtml(t, layout.lang)).join("\n")}
      </section>`;
  });
  const inlineRelated = layout.inlineRelated.map(
    (item) => `      <aside class="related-inline">
        ${item.titles.map((t) => `<a href="${ORIGIN}/tin-tuc/${slugify(t)}.html">${escText(t)}</a>`).join(" ")}
      </aside>`,
  );
  return {
    lang: layout.lang,
    path: layout.path,
    headline: layout.headline,
    section: layout.section,
    category,
    published: layout.published,
    lead,
    description,
    blocks,
    author,
    jsonLdAuthor: { "@type": "Organization", name: SITE_NAME },
    sourceLine: layout.sourceLine ? at(layout.sourceLine) : undefined,
    adHtml: layout.adLine ? escText(at(layout.adLine)) : `<span>${escText(ui.ad)}</span>`,
    commentHeading: layout.commentLines.length > 0 ? at(layout.commentLines[0]) : ui.commentHeading,
    commentNote: layout.commentLines.length > 1 ? at(layout.commentLines[1]) : ui.commentNote,
    related,
    inlineRelated,
    sidebar: others.map((o) => ({ path: o.path, headline: o.headline })),
    translation: translation ? { lang: translation.lang, path: translation.path } : undefined,
    footerLinks: layout.footerLines.map((n) => at(n)),
  };
}

/**
 * Teasers are chrome: a number they share with the article would make a fact found in them look
 * like a lucky hit instead of a boilerplate leak.
 * @param {string} id
 * @param {string} articleText
 * @param {{ title: string, summary: string }[]} teasers
 */
function assertNoSharedNumbers(id, articleText, teasers) {
  const articleNumbers = numberTokens(articleText);
  for (const t of teasers) {
    for (const n of numberTokens(`${t.title} ${t.summary}`)) {
      if (articleNumbers.has(n)) throw new Error(`${id}: teaser number ${n} also occurs in the article`);
    }
  }
}

/** Heading of the related-articles block per edition. @type {Record<Lang, string>} */
const RELATED_HEADING = { vi: "Tin khác", id: "Baca juga", en: "Related news" };

/**
 * Other articles of the same edition to show as teasers: the nearest in time whose title and lead
 * share no number with this article.
 * @param {import("./articles.mjs").Article} article
 * @param {number} count
 */
function relatedArticles(article, count) {
  const own = numberTokens([article.title, article.lead, ...article.paragraphs.map(paragraphText)].join("\n"));
  const at = Date.parse(article.published);
  return ARTICLES.filter((o) => o.lang === article.lang && o.slug !== article.slug)
    .map((o) => ({ o, distance: Math.abs(Date.parse(o.published) - at) }))
    .sort((a, b) => a.distance - b.distance || a.o.slug.localeCompare(b.o.slug))
    .map(({ o }) => o)
    .filter((o) => ![...numberTokens(`${o.title} ${o.lead}`)].some((n) => own.has(n)))
    .slice(0, count);
}

/** @param {import("./articles.mjs").Paragraph} p */
function paragraphText(p) {
  return typeof p === "string" ? p : p.h2;
}

/**
 * A page for one of the project's own articles (articles.mjs), in the same chrome as the seeds.
 * @param {import("./articles.mjs").Article} article
 * @returns {PageSpec}
 */
function articlePageSpec(article) {
  const ui = UI[article.lang];
  const path = articlePath(article);
  const teasers = relatedArticles(article, 3).map((o) => ({ title: o.title, summary: o.lead, href: `${ORIGIN}${articlePath(o)}` }));
  const articleText = [article.lead, ...article.paragraphs.map(paragraphText)].join("\n");
  assertNoSharedNumbers(article.slug, articleText, teasers);
  const related = teasers.length
    ? [
        `      <section class="related-news">
        <h2 class="related-title">${escText(RELATED_HEADING[article.lang])}</h2>
${teasers.map((t) => teaserHtml(t, article.lang)).join("\n")}
      </section>`,
      ]
    : [];
  const sidebar = [...ARTICLES]
    .filter((o) => o.lang === article.lang && o.slug !== article.slug)
    .sort((a, b) => Date.parse(b.published) - Date.parse(a.published))
    .slice(0, 5)
    .map((o) => ({ path: articlePath(o), headline: o.title }));
  const author = article.author ?? SITE_NAME;
  return {
    lang: article.lang,
    path,
    headline: article.title,
    section: article.section,
    category: article.section,
    published: article.published,
    lead: article.lead,
    description: article.lead,
    blocks: article.paragraphs.map((p) => (typeof p === "string" ? { kind: "p", text: p } : { kind: "h2", text: p.h2 })),
    author,
    jsonLdAuthor: article.author ? { "@type": "Person", name: article.author } : { "@type": "Organization", name: SITE_NAME },
    adHtml: `<span>${escText(ui.ad)}</span>`,
    commentHeading: ui.commentHeading,
    commentNote: ui.commentNote,
    related,
    inlineRelated: [],
    sidebar,
    footerLinks: [],
  };
}

/**
 * Renders one article page.
 * @param {PageSpec} page
 */
function articlePage(page) {
  const ui = UI[page.lang];
  const url = `${ORIGIN}${page.path}`;
  const home = `${ORIGIN}${HOME_PATH[page.lang]}`;

  const body = page.blocks
    .map((b) => {
      if (b.kind === "h2") return `        <h2>${escText(b.text)}</h2>`;
      if (b.kind === "figure") {
        return `        <figure class="article-image">
          <img src="${ORIGIN}/static/photo.svg" alt="${escAttr(b.alt ?? "")}" width="800" height="500">
          <figcaption>${(b.caption ?? []).map(escText).join("<br>")}</figcaption>
        </figure>`;
      }
      return `        <p>${escText(b.text)}</p>`;
    })
    .join("\n");

  const jsonLd = page.published
    ? {
        "@context": "https://schema.org",
        "@type": "NewsArticle",
        headline: page.headline,
        description: page.description,
        inLanguage: page.lang,
        datePublished: page.published,
        mainEntityOfPage: { "@type": "WebPage", "@id": url },
        image: [`${ORIGIN}/static/photo.svg`],
        articleSection: page.section,
        author: page.jsonLdAuthor,
        publisher: { "@type": "Organization", name: SITE_NAME, logo: { "@type": "ImageObject", url: `${ORIGIN}/static/logo.svg` } },
      }
    : {
        "@context": "https://schema.org",
        "@type": "BreadcrumbList",
        itemListElement: [
          { "@type": "ListItem", position: 1, name: ui.home, item: home },
          { "@type": "ListItem", position: 2, name: page.category },
        ],
      };

  const head = [
    `<meta charset="utf-8">`,
    `<meta name="viewport" content="width=device-width, initial-scale=1">`,
    `<title>${escText(page.headline)} - ${escText(SITE_NAME)}</title>`,
    `<meta name="description" content="${escAttr(page.description)}">`,
    `<link rel="canonical" href="${url}">`,
    page.translation ? `<link rel="alternate" hreflang="${page.lang}" href="${url}">` : "",
    page.translation ? `<link rel="alternate" hreflang="${page.translation.lang}" href="${ORIGIN}${page.translation.path}">` : "",
    `<link rel="alternate" type="application/rss+xml" title="${escAttr(ui.rssLabel)}" href="${ORIGIN}/rss.xml">`,
    `<meta property="og:site_name" content="${escAttr(SITE_NAME)}">`,
    `<meta property="og:type" content="article">`,
    `<meta property="og:locale" content="${ui.locale}">`,
    `<meta property="og:title" content="${escAttr(page.headline)}">`,
    `<meta property="og:description" content="${escAttr(page.description)}">`,
    `<meta property="og:url" content="${url}">`,
    `<meta property="og:image" content="${ORIGIN}/static/photo.svg">`,
    `<meta property="article:section" content="${escAttr(page.section)}">`,
    page.published ? `<meta property="article:published_time" content="${page.published}">` : "",
    `<link rel="stylesheet" href="${ORIGIN}/static/site.css">`,
    `<script type="application/ld+json">${JSON.stringify(jsonLd).replace(/</g, "\\u003c")}</script>`,
  ]
    .filter(Boolean)
    .map((line) => `  ${line}`)
    .join("\n");

  const shareUrl = url;

  return `<!doctype html>
<html lang="${page.lang}">
<head>
${head}
</head>
<body class="page-article">
${siteHeader(page.lang)}
  <main class="container">
    <nav class="breadcrumb" aria-label="breadcrumb">
      <ol>
        <li><a href="${home}">${escText(ui.home)}</a></li>
        <li><a href="${home}#${slugify(page.category)}">${escText(page.category)}</a></li>
      </ol>
    </nav>
    <div class="layout">
      <div class="main-column">
      <article class="article-detail">
        <header class="article-header">
          <h1 class="article-title">${escText(page.headline)}</h1>
${page.published ? `          <div class="article-meta"><time class="published" datetime="${page.published}">${dateline(page.published, page.lang)}</time></div>\n` : ""}        </header>
        <p class="article-sapo"><strong>${escText(page.lead)}</strong></p>
        <div class="article-body">
${body}
        </div>
        <p class="article-author"><strong>${escText(page.author)}</strong></p>
${page.sourceLine ? `        <p class="article-source">${escText(page.sourceLine)}</p>\n` : ""}      </article>
      <div class="share-bar">
        <span>${escText(ui.share)}:</span>
        <a class="share-facebook" href="https://www.facebook.com/sharer/sharer.php?u=${shareUrl}" rel="nofollow noopener">Facebook</a>
        <a class="share-zalo" href="https://zalo.me/share?url=${shareUrl}" rel="nofollow noopener">Zalo</a>
        <a class="share-x" href="https://x.com/intent/post?url=${shareUrl}" rel="nofollow noopener">X</a>
        <button type="button" class="share-copy" data-url="${shareUrl}">${escText(ui.copyLink)}</button>
      </div>
      <div class="ad-slot" data-slot="article-bottom">${page.adHtml}</div>
${page.inlineRelated.join("\n")}${page.inlineRelated.length ? "\n" : ""}${page.related.join("\n")}
      <section class="comments" id="comments">
        <h2 class="comments-title">${escText(page.commentHeading)}</h2>
        <form class="comment-form" action="${ORIGIN}/binh-luan" method="post">
          <p class="comment-notes">${escText(page.commentNote)}</p>
          <input type="hidden" name="article" value="${escAttr(page.path)}">
          <label>${escText(ui.commentLabel)}<textarea name="comment" rows="5" required></textarea></label>
          <label>${escText(ui.nameLabel)}<input type="text" name="author" required></label>
          <label>Email *<input type="email" name="email" required></label>
          <label>${escText(ui.websiteLabel)}<input type="url" name="url"></label>
          <button type="submit">${escText(ui.submit)}</button>
        </form>
      </section>
      </div>
      <aside class="sidebar">
        <section class="most-read">
          <h2>${escText(ui.mostRead)}</h2>
          <ol>
${page.sidebar.map((o) => `            <li><a href="${ORIGIN}${o.path}">${escText(o.headline)}</a></li>`).join("\n")}
          </ol>
        </section>
        <div class="ad-slot" data-slot="sidebar"><span>${escText(ui.ad)}</span></div>
      </aside>
    </div>
  </main>
${siteFooter(page.lang, page.footerLinks)}
</body>
</html>
`;
}

/**
 * One listed article: what the home pages, the feed and the news sitemap need.
 * @typedef {{ key: string, lang: Lang, path: string, headline: string, section: string, published: string | null, lead: string, description: string }} Listing
 */

/**
 * Every article of the site, newest first; undated seeds last, in seed order.
 * @param {Map<string, string[]>} linesById
 * @returns {Listing[]}
 */
function listings(linesById) {
  /** @type {Listing[]} */
  const all = [
    ...SEED_LAYOUTS.map((l) => {
      const lines = linesById.get(l.id) ?? [];
      return {
        key: l.id,
        lang: l.lang,
        path: l.path,
        headline: l.headline,
        section: l.section,
        published: l.published,
        lead: lines[l.lead - 1] ?? "",
        description: lines[(l.descriptionLine ?? l.lead) - 1] ?? "",
      };
    }),
    ...ARTICLES.map((a) => ({
      key: a.slug,
      lang: a.lang,
      path: articlePath(a),
      headline: a.title,
      section: a.section,
      published: a.published,
      lead: a.lead,
      description: a.lead,
    })),
  ];
  return all.sort((a, b) => {
    if (a.published && b.published) return Date.parse(b.published) - Date.parse(a.published) || a.key.localeCompare(b.key);
    if (a.published) return -1;
    if (b.published) return 1;
    return a.key.localeCompare(b.key);
  });
}

/** Home page title and description per edition. @type {Record<Lang, { title: string, description: string }>} */
const HOME_META = {
  vi: { title: `${SITE_NAME} - Tin tức Thủ đô`, description: "Tin kinh tế, đối ngoại và đời sống Thủ đô Hà Nội." },
  id: { title: `${SITE_NAME} - Edisi Bahasa Indonesia`, description: "Berita ekonomi dan hubungan luar negeri Hanoi." },
  en: { title: `${SITE_NAME} - English edition`, description: "Economy and foreign affairs news from Hanoi, Vietnam." },
};

/**
 * Home page for one edition, linking its articles newest first.
 * @param {Lang} lang
 * @param {Listing[]} all
 */
function homePage(lang, all) {
  const ui = UI[lang];
  const items = all
    .filter((l) => l.lang === lang)
    .map((l) => {
      const time = l.published ? `\n          <time datetime="${l.published}">${dateline(l.published, l.lang)}</time>` : "";
      return `        <article class="home-item">
          <h2><a href="${ORIGIN}${l.path}">${escText(l.headline)}</a></h2>${time}
          <p>${escText(l.lead)}</p>
        </article>`;
    })
    .join("\n");
  const { title, description } = HOME_META[lang];
  return `<!doctype html>
<html lang="${lang}">
<head>
  <meta charset="utf-8">
  <meta name="viewport" content="width=device-width, initial-scale=1">
  <title>${escText(title)}</title>
  <meta name="description" content="${escAttr(description)}">
  <link rel="canonical" href="${ORIGIN}${HOME_PATH[lang]}">
  <meta property="og:site_name" content="${escAttr(SITE_NAME)}">
  <meta property="og:type" content="website">
  <meta property="og:title" content="${escAttr(title)}">
  <link rel="alternate" type="application/rss+xml" title="${escAttr(ui.rssLabel)}" href="${ORIGIN}/rss.xml">
  <link rel="stylesheet" href="${ORIGIN}/static/site.css">
</head>
<body class="page-home">
${siteHeader(lang)}
  <main class="container">
    <section class="latest">
      <h1>${escText(ui.latest)}</h1>
${items}
    </section>
    <p class="editions">${["vi", "id", "en"]
      .filter((l) => l !== lang)
      .map(
        (l) =>
          `<a href="${ORIGIN}${HOME_PATH[/** @type {Lang} */ (l)]}" hreflang="${l}">${escText(EDITION_NAME[/** @type {Lang} */ (l)])}</a>`,
      )
      .join(" · ")}</p>
    <div class="ad-slot" data-slot="home"><span>${escText(ui.ad)}</span></div>
  </main>
${siteFooter(lang)}
</body>
</html>
`;
}

/** Name of each edition in its own language. @type {Record<Lang, string>} */
const EDITION_NAME = { vi: "Tiếng Việt", id: "Bahasa Indonesia", en: "English" };

/** @param {string} s */
const escXml = (s) => escAttr(s).replace(/'/g, "&apos;");

/** @param {Listing[]} all */
function rssFeed(all) {
  const items = all
    .map((l) =>
      [
        "    <item>",
        `      <title>${escXml(l.headline)}</title>`,
        `      <link>${ORIGIN}${l.path}</link>`,
        `      <guid isPermaLink="true">${ORIGIN}${l.path}</guid>`,
        `      <description>${escXml(l.description)}</description>`,
        `      <category>${escXml(l.section)}</category>`,
        l.published ? `      <pubDate>${rfc822(l.published)}</pubDate>` : "",
        "    </item>",
      ]
        .filter(Boolean)
        .join("\n"),
    )
    .join("\n");
  return `<?xml version="1.0" encoding="UTF-8"?>
<rss version="2.0" xmlns:atom="http://www.w3.org/2005/Atom">
  <channel>
    <title>${escXml(UI.vi.rssLabel)}</title>
    <link>${ORIGIN}/</link>
    <description>Tin kinh tế, đối ngoại và đời sống Thủ đô Hà Nội.</description>
    <language>vi</language>
    <atom:link href="${ORIGIN}/rss.xml" rel="self" type="application/rss+xml"/>
${items}
  </channel>
</rss>
`;
}

function sitemapIndex() {
  return `<?xml version="1.0" encoding="UTF-8"?>
<sitemapindex xmlns="http://www.sitemaps.org/schemas/sitemap/0.9">
  <sitemap>
    <loc>${ORIGIN}/sitemaps/news.xml</loc>
  </sitemap>
</sitemapindex>
`;
}

/**
 * Google News sitemap; publication_date only where the article states the date.
 * @param {Listing[]} all
 */
function newsSitemap(all) {
  const urls = all
    .map((l) =>
      [
        "  <url>",
        `    <loc>${ORIGIN}${l.path}</loc>`,
        "    <news:news>",
        "      <news:publication>",
        `        <news:name>${escXml(SITE_NAME)}</news:name>`,
        `        <news:language>${l.lang}</news:language>`,
        "      </news:publication>",
        l.published ? `      <news:publication_date>${l.published}</news:publication_date>` : "",
        `      <news:title>${escXml(l.headline)}</news:title>`,
        "    </news:news>",
        "  </url>",
      ]
        .filter(Boolean)
        .join("\n"),
    )
    .join("\n");
  return `<?xml version="1.0" encoding="UTF-8"?>
<urlset xmlns="http://www.sitemaps.org/schemas/sitemap/0.9" xmlns:news="http://www.google.com/schemas/sitemap-news/0.9">
${urls}
</urlset>
`;
}

const ROBOTS = `User-agent: *
Allow: /

Sitemap: ${ORIGIN}/sitemap.xml
`;

const LOGO_SVG = `<svg xmlns="http://www.w3.org/2000/svg" width="220" height="48" viewBox="0 0 220 48"><rect width="220" height="48" fill="#b3001b"/><text x="12" y="32" font-family="Georgia, serif" font-size="22" fill="#fff">Thời báo Thủ Đô</text></svg>
`;
const PHOTO_SVG = `<svg xmlns="http://www.w3.org/2000/svg" width="800" height="500" viewBox="0 0 800 500"><rect width="800" height="500" fill="#d9dde3"/><path d="M0 420 L220 250 L380 380 L520 280 L800 460 L800 500 L0 500 Z" fill="#8a96a8"/><circle cx="640" cy="120" r="48" fill="#f2c14e"/></svg>
`;
const SITE_CSS = `body{margin:0;font:16px/1.6 Georgia,serif;color:#222}
.site-header,.site-footer{padding:12px 24px;background:#f6f6f6}
.main-nav ul{display:flex;flex-wrap:wrap;gap:16px;list-style:none;padding:0;margin:8px 0}
.container{max-width:1100px;margin:0 auto;padding:0 16px}
.layout{display:grid;grid-template-columns:minmax(0,1fr) 300px;gap:32px}
.breadcrumb ol{display:flex;gap:8px;list-style:none;padding:0}
.article-sapo{font-size:1.1em}
.article-image img,.teaser img{max-width:100%;height:auto;display:block}
.article-image figcaption{font-style:italic;color:#555}
.article-author{text-align:right}
.teaser{display:grid;grid-template-columns:160px 1fr;gap:12px;margin:12px 0}
.ad-slot{min-height:90px;background:#eee;text-align:center;color:#888}
`;

/**
 * Builds every file of the site into outDir (default demo/site).
 * @param {{ outDir?: string, seedsDir?: string }} [options]
 * @returns {string[]} written paths, relative to outDir
 */
export function buildSite({ outDir = join(here, "site"), seedsDir = join(here, "seeds") } = {}) {
  /** @type {Map<string, string[]>} */
  const linesById = new Map(SEED_LAYOUTS.map((l) => [l.id, seedLines(readFileSync(join(seedsDir, l.seed), "utf8"))]));
  const all = listings(linesById);
  /** @type {[string, string][]} */
  const files = [
    ["index.html", homePage("vi", all)],
    ["id/index.html", homePage("id", all)],
    ["en/index.html", homePage("en", all)],
    ["rss.xml", rssFeed(all)],
    ["sitemap.xml", sitemapIndex()],
    ["sitemaps/news.xml", newsSitemap(all)],
    ["robots.txt", ROBOTS],
    ["static/logo.svg", LOGO_SVG],
    ["static/photo.svg", PHOTO_SVG],
    ["static/site.css", SITE_CSS],
    ...SEED_LAYOUTS.map(
      (l) => /** @type {[string, string]} */ ([l.path.slice(1), articlePage(seedPageSpec(l, linesById.get(l.id) ?? []))]),
    ),
    ...ARTICLES.map((a) => /** @type {[string, string]} */ ([articlePath(a).slice(1), articlePage(articlePageSpec(a))])),
  ];
  const paths = new Set();
  for (const [rel] of files) {
    if (paths.has(rel)) throw new Error(`two pages at ${rel}`);
    paths.add(rel);
  }
  rmSync(outDir, { recursive: true, force: true });
  for (const [rel, content] of files) {
    const target = join(outDir, rel);
    mkdirSync(dirname(target), { recursive: true });
    writeFileSync(target, content);
  }
  return files.map(([rel]) => rel);
}

if (process.argv[1] && fileURLToPath(import.meta.url) === process.argv[1]) {
  for (const rel of buildSite()) console.log(`demo/site/${rel}`);
}
