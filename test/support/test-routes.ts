/**
 * Extra routes the test server serves beside the demo site: feeds and pages that exercise the
 * pipeline's edges (duplicates, HTTP errors, non-HTML). Workers in workerd reach them over real HTTP.
 */
import type { DemoRoute } from "../../demo/server.mjs";

const PAGE = (title: string, body: string) =>
  `<!doctype html><html lang="vi"><head><meta charset="utf-8"><title>${title}</title></head><body><article><h1>${title}</h1>${body}</article></body></html>`;

export const testRoutes: DemoRoute[] = [
  {
    name: "feed listing one article twice with tracking parameters",
    path: "/feeds/duplicates.xml",
    handler: (_req, _res, ctx) =>
      ctx.send(
        200,
        { "content-type": "application/rss+xml; charset=utf-8" },
        `<?xml version="1.0" encoding="UTF-8"?><rss version="2.0"><channel><title>dup</title>
<item><title>A</title><link>${ctx.origin}/pages/dup-article.html?utm_source=rss&amp;utm_medium=feed</link></item>
<item><title>A again</title><link>${ctx.origin.replace("127.0.0.1", "127.0.0.1")}/pages/dup-article.html?fbclid=xyz#comments</link></item>
<item><title>A plain</title><link>${ctx.origin}/pages/dup-article.html</link></item>
</channel></rss>`,
      ),
  },
  {
    name: "a plain article",
    path: "/pages/dup-article.html",
    handler: (_req, _res, ctx) =>
      ctx.send(
        200,
        { "content-type": "text/html; charset=utf-8" },
        PAGE(
          "Hà Nội thu hút vốn FDI",
          "<p>Chiều 11/12/2024, tại Hà Nội, Sở Kế hoạch và Đầu tư cho biết trong năm 2024 thành phố thu hút được 2.067 triệu USD vốn FDI đăng ký, đứng thứ 5 cả nước.</p><p>Kim ngạch xuất nhập khẩu đạt 19,4 tỷ USD, tăng 16,7% so với cùng kỳ năm trước.</p>",
        ),
      ),
  },
  {
    name: "gone for good",
    path: "/pages/missing.html",
    handler: (_req, _res, ctx) => ctx.send(404, { "content-type": "text/html" }, "<h1>Not found</h1>"),
  },
  {
    name: "server error",
    path: "/pages/broken.html",
    handler: (_req, _res, ctx) => ctx.send(503, { "content-type": "text/html", "retry-after": "0" }, "<h1>Down</h1>"),
  },
  {
    name: "a PDF",
    path: "/pages/report.pdf",
    handler: (_req, _res, ctx) => ctx.send(200, { "content-type": "application/pdf" }, "%PDF-1.4\n%…"),
  },
];
