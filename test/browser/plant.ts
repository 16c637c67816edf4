/**
 * A hostile article planted in the demo site for the browser tests: its headline carries an HTML
 * payload, and it reports 2025 figures, so it becomes the newest source of fdi_registered and
 * grdp_growth. Served through the demo server's `routes` option: the RSS feed gains one item and
 * the page exists at PLANT_PATH. The pipeline ingests it like any other article. The item comes
 * last in the feed, so discovery records it last and the dashboard's newest-first article list
 * (ten items; the demo site has more articles than that) shows it.
 */
import type { DemoRoute } from "../../demo/server.mjs";

/** The headline as the site means it: text that merely looks like markup. */
export const EVIL_TITLE = 'Hà Nội <img src=x onerror="window.__nfXss=1"> thu hút 3,15 tỷ USD vốn FDI năm 2025';
export const PLANT_PATH = "/tin-tuc/ha-noi-thu-hut-von-fdi-nam-2025.html";

const BASE_PATH = "/tin-tuc/ha-noi-dat-trong-tam-thu-hut-dau-tu-va-day-manh-hop-tac-quoc-te.html";
const BASE_TITLE = "Hà Nội đặt trọng tâm thu hút đầu tư và đẩy mạnh hợp tác quốc tế";

const escapeHtml = (s: string) => s.replaceAll("&", "&amp;").replaceAll("<", "&lt;").replaceAll(">", "&gt;").replaceAll('"', "&quot;");

/** The planted page: the base article re-dated to December 2025, with 2025 figures and the hostile headline. */
export function plantedPage(base: string): string {
  const jsonTitle = JSON.stringify(EVIL_TITLE).slice(1, -1).replaceAll("<", "\\u003c").replaceAll(">", "\\u003e");
  const paragraph =
    '<p>"Trong năm 2025, thành phố đã hoàn thành toàn bộ chỉ tiêu kinh tế - xã hội. Tốc độ tăng trưởng dự kiến đạt 8,16% so với 6,52% cùng kỳ năm trước. ' +
    'Thành phố thu hút được 3.150 triệu USD vốn FDI đăng ký, đứng thứ 2 cả nước", Phó Giám đốc Lê Trung Hiếu phát biểu.</p>';
  return base
    .replace(`"headline":"${BASE_TITLE}"`, `"headline":"${jsonTitle}"`)
    .replaceAll(BASE_TITLE, escapeHtml(EVIL_TITLE))
    .replaceAll(BASE_PATH, PLANT_PATH)
    .replaceAll("2024-12-11T18:45:00+07:00", "2025-12-20T09:00:00+07:00")
    .replace(/<p>"Trong năm 2024,[\s\S]*?<\/p>/, paragraph);
}

/** Demo-site routes: the feed with one more item, and the planted page. */
export const plantRoutes: DemoRoute[] = [
  {
    name: "rss with planted item",
    path: "/rss.xml",
    handler: (_req, _res, ctx) => {
      const feed = ctx.files.get("/rss.xml");
      if (!feed) throw new Error("demo site has no rss.xml");
      const item = `<item><title>${escapeHtml(EVIL_TITLE)}</title><link>${ctx.origin}${PLANT_PATH}</link><guid isPermaLink="true">${ctx.origin}${PLANT_PATH}</guid><pubDate>Sat, 20 Dec 2025 09:00:00 +0700</pubDate></item>`;
      const body = feed.body.toString("utf8").replace("</channel>", `    ${item}\n  </channel>`);
      ctx.send(200, { "content-type": feed.contentType }, body);
    },
  },
  {
    name: "planted article",
    path: PLANT_PATH,
    handler: (_req, _res, ctx) => {
      const base = ctx.files.get(BASE_PATH);
      if (!base) throw new Error(`demo site has no ${BASE_PATH}`);
      ctx.send(200, { "content-type": "text/html; charset=utf-8" }, plantedPage(base.body.toString("utf8")));
    },
  },
];
