/**
 * Hand-made split of each seed text (demo/seeds/*.txt) into the article and the page chrome.
 *
 * Line numbers are 1-based lines of the seed file. Every non-empty seed line is used exactly once:
 * either in the article (lead, body, headings, figure captions) or in the chrome (headline, author,
 * source line, category, excerpt, inline related links, teasers, ad placeholder, comment prompts,
 * footer links). build-site.mjs renders from this table; the tests read it to check the pages.
 *
 * Teasers written here (for seeds that have none) only carry numbers that do not occur in the
 * article, so a fact found in them is a boilerplate leak, never a lucky hit.
 */

/**
 * @typedef {{ title: string, summary: string, href?: string }} Teaser
 * @typedef {{ heading: string, teasers: Teaser[] } | { heading: string, fromLine: number, toLine: number }} RelatedBlock
 * @typedef {{ caption: number[], altLine?: number }} FigureSpec
 * @typedef {{
 *   id: string,
 *   seed: string,
 *   lang: "vi" | "id",
 *   path: string,
 *   headline: string,
 *   headlineLine?: number,
 *   section: string,
 *   published: string | null,
 *   lead: number,
 *   body: { from: number, to: number },
 *   headings: number[],
 *   figures: FigureSpec[],
 *   exclude: number[],
 *   inlineRelated: { line: number, titles: string[] }[],
 *   author: { line: number } | { text: string },
 *   sourceLine?: number,
 *   categoryLine?: number,
 *   descriptionLine?: number,
 *   adLine?: number,
 *   commentLines: number[],
 *   footerLines: number[],
 *   related: RelatedBlock[],
 *   translationOf?: string,
 * }} SeedLayout
 */

/** @type {SeedLayout[]} */
export const SEED_LAYOUTS = [
  {
    id: "000",
    seed: "000_edea8bff8a7faee0.txt",
    lang: "vi",
    path: "/tin-tuc/ha-noi-dat-trong-tam-thu-hut-dau-tu-va-day-manh-hop-tac-quoc-te.html",
    headline: "Hà Nội đặt trọng tâm thu hút đầu tư và đẩy mạnh hợp tác quốc tế",
    section: "Kinh tế",
    published: "2024-12-11T18:45:00+07:00",
    lead: 1,
    body: { from: 2, to: 16 },
    headings: [3, 9],
    figures: [],
    exclude: [],
    inlineRelated: [],
    author: { text: "PV" },
    commentLines: [],
    footerLines: [],
    related: [
      {
        heading: "Tin khác",
        teasers: [
          {
            title: "Hà Nội khởi công cầu Tứ Liên bắc qua sông Hồng",
            summary: "Cây cầu dài 5,4 km với tổng vốn đầu tư khoảng 19.700 tỷ đồng dự kiến hoàn thành sau 42 tháng thi công.",
          },
          {
            title: "Thêm ba tuyến buýt điện kết nối sân bay Nội Bài",
            summary: "Ba tuyến buýt mới với 48 xe điện sẽ vận hành từ tháng tới, giá vé từ 7.000 đồng/lượt.",
          },
          {
            title: "Lượng khách quốc tế đến Hà Nội tăng mạnh",
            summary: "Thành phố đón khoảng 4,9 triệu lượt khách quốc tế, tăng 38% so với cùng kỳ.",
          },
          {
            title: "Hà Nội đấu giá thành công 14 khu đất tại huyện Hoài Đức",
            summary: "Tổng số tiền trúng đấu giá đạt 1.350 tỷ đồng, cao gấp 2,3 lần giá khởi điểm.",
          },
        ],
      },
    ],
  },
  {
    id: "001",
    seed: "001_ddb384cf26a1876b.txt",
    lang: "vi",
    path: "/tin-tuc/ha-noi-mong-cac-co-quan-dai-dien-o-nuoc-ngoai-dong-hanh-cung-thu-do.html",
    headline: "Hà Nội mong các cơ quan đại diện ở nước ngoài tiếp tục đồng hành cùng Thủ đô",
    section: "Đối ngoại",
    published: "2020-10-30T19:32:00+07:00",
    lead: 1,
    body: { from: 2, to: 17 },
    headings: [],
    figures: [],
    exclude: [4],
    inlineRelated: [{ line: 4, titles: ["[Ngoại giao: Lực lượng tiên phong trong đổi mới, phát triển và hội nhập]"] }],
    author: { text: "PV" },
    commentLines: [],
    footerLines: [],
    related: [
      {
        heading: "Tin khác",
        teasers: [
          {
            title: "Hà Nội đẩy mạnh xuất khẩu nông sản sang thị trường EU",
            summary: "Kim ngạch xuất khẩu nông sản của thành phố ước đạt 735 triệu USD, tăng 6,5% so với cùng kỳ.",
          },
          {
            title: "Hà Nội hỗ trợ 17.000 lao động mất việc do dịch Covid-19",
            summary: "Tổng kinh phí hỗ trợ khoảng 56 tỷ đồng, được chi trả trước ngày 15 tháng tới.",
          },
          {
            title: "Xúc tiến đầu tư trực tuyến với doanh nghiệp Hàn Quốc",
            summary: "Hội nghị kết nối 25 doanh nghiệp Hàn Quốc với các khu công nghiệp của Thủ đô.",
          },
        ],
      },
    ],
  },
  {
    id: "002",
    seed: "002_024b72211ff0e1db.txt",
    lang: "vi",
    path: "/tin-tuc/ha-noi-doi-ngoai-thuc-day-hoi-nhap-quoc-te-toan-dien.html",
    headline: "Hà Nội: Đối ngoại thúc đẩy hội nhập quốc tế toàn diện",
    headlineLine: 1,
    section: "Đối ngoại",
    published: null,
    lead: 3,
    body: { from: 5, to: 53 },
    headings: [6, 36],
    figures: [
      { altLine: 14, caption: [15] },
      { altLine: 29, caption: [30] },
      { altLine: 44, caption: [45] },
    ],
    exclude: [],
    inlineRelated: [{ line: 4, titles: ["Để Thủ đô thực sự xanh - sạch - thông minh", "Ngân vang cồng chiêng ở Thủ đô"] }],
    author: { line: 55 },
    commentLines: [],
    footerLines: [147, 148],
    related: [
      { heading: "Nên xem", fromLine: 59, toLine: 93 },
      { heading: "Tin khác", fromLine: 97, toLine: 146 },
    ],
  },
  {
    id: "003",
    seed: "003_3d0e0fe7b9ff9305.txt",
    lang: "id",
    path: "/id/berita/hanoi-fokus-menarik-investasi-dan-memperkuat-kerja-sama-internasional.html",
    headline: "Hanoi fokus menarik investasi dan memperkuat kerja sama internasional",
    section: "Ekonomi",
    published: "2024-12-11T20:10:00+07:00",
    lead: 1,
    body: { from: 2, to: 18 },
    headings: [4, 11],
    figures: [],
    exclude: [],
    inlineRelated: [],
    author: { text: "Tim Redaksi" },
    sourceLine: 20,
    adLine: 19,
    commentLines: [21],
    footerLines: [],
    translationOf: "000",
    related: [
      {
        heading: "Baca juga",
        teasers: [
          {
            title: "Hanoi resmikan jalur bus listrik baru ke Bandara Noi Bai",
            summary: "Tiga jalur baru dengan 48 bus listrik mulai beroperasi bulan depan, tarif mulai 7.000 VND.",
          },
          {
            title: "Kunjungan wisatawan asing ke Hanoi naik tajam",
            summary: "Kota ini menerima sekitar 4,9 juta kunjungan wisatawan internasional, naik 38% dibanding periode yang sama.",
          },
          {
            title: "Ekspor kerajinan Hanoi tembus 1,3 miliar dolar AS",
            summary: "Produk rotan, bambu, dan keramik dari 312 desa kerajinan kian diminati pasar Eropa.",
          },
        ],
      },
    ],
  },
  {
    id: "004",
    seed: "004_1260e201bb692672.txt",
    lang: "vi",
    path: "/tin-tuc/dua-ha-noi-tro-thanh-thanh-pho-ket-noi-toan-cau.html",
    headline: "Đưa Hà Nội trở thành Thành phố kết nối toàn cầu",
    headlineLine: 3,
    section: "Đối ngoại",
    published: null,
    lead: 7,
    body: { from: 9, to: 25 },
    headings: [9, 18],
    figures: [{ caption: [20, 21] }],
    exclude: [],
    inlineRelated: [],
    author: { line: 27 },
    sourceLine: 29,
    categoryLine: 1,
    descriptionLine: 5,
    commentLines: [31, 33],
    footerLines: [],
    related: [
      {
        heading: "Tin khác",
        teasers: [
          {
            title: "Hà Nội đón 9 đoàn doanh nghiệp Nhật Bản tìm hiểu cơ hội đầu tư",
            summary: "Các doanh nghiệp quan tâm đến bán dẫn, logistics và năng lượng tái tạo, với 14 đề xuất dự án cụ thể.",
          },
          {
            title: "Du lịch MICE: Hà Nội hướng tới 35 hội nghị quốc tế mỗi năm",
            summary: "Thành phố đặt mục tiêu nâng tỷ trọng khách MICE lên 13% tổng lượng khách quốc tế.",
          },
          {
            title: "Hà Nội và Paris thống nhất kế hoạch hợp tác giai đoạn mới",
            summary: "Hai thành phố chọn 7 lĩnh vực ưu tiên, từ quy hoạch đô thị đến bảo tồn di sản.",
          },
        ],
      },
    ],
  },
];

/**
 * Splits a seed text into lines (1-based via index + 1), trailing spaces removed.
 * @param {string} text
 * @returns {string[]}
 */
export function seedLines(text) {
  return text
    .replace(/\r\n?/g, "\n")
    .split("\n")
    .map((line) => line.trimEnd());
}

/**
 * The article part of a seed in reading order, as typed blocks.
 * @param {SeedLayout} layout
 * @param {string[]} lines seed lines from seedLines()
 * @returns {{ kind: "p" | "h2" | "figure", text: string, caption?: string[], alt?: string }[]}
 * @example articleBlocks(SEED_LAYOUTS[0], seedLines(text))[0] // { kind: "p", text: "Tham dự buổi làm việc …" }
 */
export function articleBlocks(layout, lines) {
  const at = (/** @type {number} */ n) => lines[n - 1] ?? "";
  /** @type {Map<number, FigureSpec>} */
  const figureStart = new Map();
  const figureLines = new Set();
  for (const fig of layout.figures) {
    const first = fig.altLine ?? fig.caption[0];
    figureStart.set(first, fig);
    if (fig.altLine) figureLines.add(fig.altLine);
    for (const n of fig.caption) figureLines.add(n);
  }
  /** @type {{ kind: "p" | "h2" | "figure", text: string, caption?: string[], alt?: string }[]} */
  const blocks = [];
  for (let n = layout.body.from; n <= layout.body.to; n++) {
    const fig = figureStart.get(n);
    if (fig) {
      const caption = fig.caption.map(at);
      blocks.push({ kind: "figure", text: caption.join(" "), caption, alt: fig.altLine ? at(fig.altLine) : caption.join(" ") });
      continue;
    }
    if (figureLines.has(n) || layout.exclude.includes(n) || at(n).trim() === "") continue;
    blocks.push({ kind: layout.headings.includes(n) ? "h2" : "p", text: at(n) });
  }
  return blocks;
}

/**
 * Reads the seed's own teaser list between two lines: each teaser is "image alt, title, summary".
 * @param {string[]} lines
 * @param {number} fromLine
 * @param {number} toLine
 * @returns {(Teaser & { alt: string })[]}
 */
export function seedTeasers(lines, fromLine, toLine) {
  const nonEmpty = lines.slice(fromLine - 1, toLine).filter((line) => line.trim() !== "");
  /** @type {(Teaser & { alt: string })[]} */
  const teasers = [];
  for (let i = 0; i + 2 < nonEmpty.length; i += 3) {
    teasers.push({ alt: nonEmpty[i], title: nonEmpty[i + 1], summary: nonEmpty[i + 2] });
  }
  return teasers;
}
