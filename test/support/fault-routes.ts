/**
 * The fault corpus: routes the test site serves beside the demo site, one per way a page, a feed or
 * a server goes wrong. Each has a known expected outcome (see docs/threat-model.md, "Fault table")
 * asserted by test/integration/ingest/** and discover/**. Everything is generated in memory or streamed: the 50 MB
 * body is never held whole, here or in the Worker.
 *
 * `/faults/hits?path=…` answers how often a path was requested, with which User-Agent, and how many
 * body bytes a streamed route managed to write, so tests can prove retries happened and loops did not.
 *
 * A second site (`slowSiteRoutes`, on its own port, so its own origin) asks for a Crawl-delay in its
 * robots.txt; `/faults/slow-site` on the first answers its origin. Its hits count as `slow-site/<path>`.
 */
import type { IncomingMessage, ServerResponse } from "node:http";
import type { DemoRoute, RouteContext } from "../../demo/server.mjs";

/** An article page in the site's style; `body` is trusted HTML. */
export function faultPage(title: string, body: string, lang = "vi", charset = "utf-8"): string {
  return `<!doctype html><html lang="${lang}"><head><meta charset="${charset}"><title>${title}</title></head><body><header><nav><a href="/">Trang chủ</a></nav></header><article><h1>${title}</h1>${body}</article><footer>© Tòa soạn</footer></body></html>`;
}

/** Vietnamese article text with figures the extractor reads (FDI, exports). */
export const VI_TITLE = "Hà Nội đẩy mạnh thu hút đầu tư nước ngoài";
export const VI_BODY =
  "<p>Chiều 11/12/2024, tại Hà Nội, Sở Kế hoạch và Đầu tư cho biết trong năm 2024 thành phố thu hút được 2.067 triệu USD vốn FDI đăng ký, đứng thứ 5 cả nước.</p>" +
  "<p>Kim ngạch xuất nhập khẩu của Thủ đô đạt 19,4 tỷ USD, tăng 16,7% so với cùng kỳ năm trước.</p>";

const EN_TITLE = "Zürich delegation meets Hanoi leaders at the café summit";
const EN_BODY =
  "<p>On December 11, 2024, Hanoi said it had attracted US$2.07 billion in registered FDI this year, ranking fifth nationwide.</p>" +
  "<p>The São Paulo and Zürich delegations pledged £40 million for the city’s metro.</p>".replace("’", "'");

/** Encodes text as windows-1258 the way Vietnamese CMSs do: precomposed letters where the code page has them, combining tone marks otherwise. */
export function encodeWindows1258(text: string): Uint8Array {
  const decoder = new TextDecoder("windows-1258");
  const reverse = new Map<string, number>();
  for (let b = 0; b < 256; b++) reverse.set(decoder.decode(Uint8Array.of(b)), b);
  const out: number[] = [];
  // Clusters: a base character and the combining marks after it (in NFD).
  for (const cluster of text.normalize("NFD").match(/\P{M}\p{M}*|\p{M}+/gu) ?? []) {
    const [base, ...marks] = [...cluster];
    // The code page has some letters precomposed ("ô", "ă", "ư") but writes tone marks as combining
    // characters: try the base with each mark (and with none) precomposed, the other marks after it.
    const options: [string, string[]][] = [
      [cluster, []],
      ...marks.map((m, i): [string, string[]] => [base + m, marks.filter((_, j) => j !== i)]),
      [base, marks],
    ];
    let done = false;
    for (const [head, rest] of options) {
      const hb = reverse.get(head.normalize("NFC"));
      const tail = rest.map((m) => reverse.get(m));
      if (hb === undefined || tail.some((b) => b === undefined)) continue;
      out.push(hb, ...(tail as number[]));
      done = true;
      break;
    }
    if (!done) out.push(0x3f); // "?" as a real encoder would
  }
  return Uint8Array.from(out);
}

function encodeLatin1(text: string): Uint8Array {
  return Uint8Array.from([...text].map((c) => (c.charCodeAt(0) < 256 ? c.charCodeAt(0) : 0x3f)));
}

const hits = new Map<string, number>();
const streamed = new Map<string, number>();
const agents = new Map<string, string>();
const count = (ctx: RouteContext, req: IncomingMessage) => {
  hits.set(ctx.url.pathname, (hits.get(ctx.url.pathname) ?? 0) + 1);
  agents.set(ctx.url.pathname, req.headers["user-agent"] ?? "");
};

const HTML = { "content-type": "text/html; charset=utf-8" };
const MB = 1024 * 1024;

/** Streams `total` bytes of filler HTML with backpressure, stopping as soon as the client goes away. */
function streamFiller(res: ServerResponse, key: string, total: number): void {
  const chunk = Buffer.from("<p>đệm — filler paragraph, repeated to make the body huge.</p>\n".repeat(1024));
  let sent = 0;
  streamed.set(key, 0);
  const pump = () => {
    while (sent < total && !res.destroyed) {
      sent += chunk.byteLength;
      streamed.set(key, sent);
      if (!res.write(chunk)) {
        res.once("drain", pump);
        return;
      }
    }
    if (!res.destroyed) res.end();
  };
  res.on("error", () => {});
  pump();
}

let unclosed: Buffer | null = null;
/** ~4.8 MB (under the 5,000,000-byte cap): an article, then tens of thousands of tags that never close. */
function unclosedPage(): Buffer {
  if (!unclosed) {
    const head = `<!doctype html><html lang="vi"><head><meta charset="utf-8"><title>${VI_TITLE}</title></head><body><article><h1>${VI_TITLE}</h1>${VI_BODY}`;
    const unit = '<div class="x"><span><p>Tin vắn <b>Hà Nội <i>';
    const reps = Math.floor((4_800_000 - head.length) / Buffer.byteLength(unit));
    unclosed = Buffer.from(head + unit.repeat(reps));
  }
  return unclosed;
}

const delay = (ms: number) => new Promise((r) => setTimeout(r, ms));

/** robots.txt of the test site: the bot's own group wins over `*` (RFC 9309), so only its Disallow applies to it. */
export const TEST_ROBOTS_TXT = `# test site
User-agent: *
Disallow: /faults/robots-everyone-else/

User-agent: newsfactsbot
Disallow: /faults/robots-disallowed/
Allow: /
`;

let slowOrigin = "";

/** Global setup tells the first site where the second listens. */
export function setSlowSiteOrigin(origin: string): void {
  slowOrigin = origin;
}

/**
 * robots.txt of the second site: `*` is asked for 30 s, the bot's own group for 1 s, so spacing of
 * about a second shows both that the delay is obeyed and that the bot's group wins.
 */
export const SLOW_ROBOTS_TXT = `User-agent: *
Crawl-delay: 30
Disallow: /

User-agent: newsfactsbot
Crawl-delay: 1
Disallow: /polite/private/
`;

export const slowSiteRoutes: DemoRoute[] = [
  {
    name: "robots.txt asking for a Crawl-delay",
    path: "/robots.txt",
    handler: (_req, _res, ctx) => {
      hits.set("slow-site/robots.txt", (hits.get("slow-site/robots.txt") ?? 0) + 1);
      ctx.send(200, { "content-type": "text/plain; charset=utf-8" }, SLOW_ROBOTS_TXT);
    },
  },
  {
    name: "articles of the slow site",
    path: /^\/polite\//,
    handler: (_req, _res, ctx) => {
      const key = `slow-site${ctx.url.pathname}`;
      hits.set(key, (hits.get(key) ?? 0) + 1);
      ctx.send(200, HTML, faultPage(VI_TITLE, VI_BODY));
    },
  },
];

export const faultRoutes: DemoRoute[] = [
  {
    name: "where the slow site listens",
    path: "/faults/slow-site",
    handler: (_req, _res, ctx) => ctx.send(200, { "content-type": "text/plain" }, slowOrigin),
  },
  {
    name: "hit counter",
    path: "/faults/hits",
    handler: (_req, _res, ctx) => {
      const path = ctx.url.searchParams.get("path") ?? "";
      ctx.send(
        200,
        { "content-type": "application/json" },
        JSON.stringify({ hits: hits.get(path) ?? 0, streamed: streamed.get(path) ?? 0, userAgent: agents.get(path) ?? null }),
      );
    },
  },
  {
    name: "robots.txt",
    path: "/robots.txt",
    handler: (req, _res, ctx) => {
      count(ctx, req);
      ctx.send(200, { "content-type": "text/plain; charset=utf-8" }, TEST_ROBOTS_TXT);
    },
  },
  {
    // Every other fault route counts its hits.
    name: "count",
    path: /^\/faults\//,
    handler: (req, res, ctx) => {
      count(ctx, req);
      return dispatch(req, res, ctx);
    },
  },
];

type Handler = (req: IncomingMessage, res: ServerResponse, ctx: RouteContext) => void | Promise<void>;

const routes: [RegExp, Handler][] = [
  [/^\/faults\/malformed\.html$/, (_q, _s, ctx) => ctx.send(200, HTML, malformedHtml())],
  [/^\/faults\/unclosed-5mb\.html$/, (_q, _s, ctx) => ctx.send(200, HTML, unclosedPage())],
  [
    /^\/faults\/huge-50mb\.html$/,
    (_q, res, ctx) => {
      res.writeHead(200, HTML); // chunked: no length to refuse early, the cap must hold while reading
      streamFiller(res, ctx.url.pathname, 50 * MB);
    },
  ],
  [
    /^\/faults\/huge-declared\.html$/,
    (_q, res, ctx) => {
      res.writeHead(200, { ...HTML, "content-length": 50 * MB });
      streamFiller(res, ctx.url.pathname, 50 * MB);
    },
  ],
  [
    /^\/faults\/windows-1258\.html$/,
    (_q, _s, ctx) =>
      ctx.send(
        200,
        { "content-type": "text/html; charset=windows-1258" },
        encodeWindows1258(faultPage(VI_TITLE, VI_BODY, "vi", "windows-1258")),
      ),
  ],
  [
    /^\/faults\/windows-1258-says-utf8\.html$/,
    (_q, _s, ctx) => ctx.send(200, HTML, encodeWindows1258(faultPage(VI_TITLE, VI_BODY, "vi", "utf-8"))),
  ],
  [
    /^\/faults\/latin1\.html$/,
    (_q, _s, ctx) =>
      ctx.send(200, { "content-type": "text/html; charset=ISO-8859-1" }, encodeLatin1(faultPage(EN_TITLE, EN_BODY, "en", "iso-8859-1"))),
  ],
  [
    /^\/faults\/report\.pdf$/,
    (_q, _s, ctx) => ctx.send(200, { "content-type": "application/pdf" }, "%PDF-1.4\n1 0 obj <<>> endobj\n%%EOF\n"),
  ],
  [
    /^\/faults\/photo\.jpg$/,
    (_q, _s, ctx) => ctx.send(200, { "content-type": "image/jpeg" }, Uint8Array.of(0xff, 0xd8, 0xff, 0xe0, 0, 16, 0x4a, 0x46, 0x49, 0x46)),
  ],
  [
    // A binary file (here a gzip stream of noise) served as a page.
    /^\/faults\/binary-as-html\.html$/,
    (_q, _s, ctx) => {
      const bytes = new Uint8Array(4096);
      let x = 7;
      for (let i = 0; i < bytes.length; i++) {
        x = (x * 1103515245 + 12345) >>> 0;
        bytes[i] = x >>> 24;
      }
      bytes.set([0x1f, 0x8b, 0x08, 0x00], 0);
      ctx.send(200, HTML, bytes);
    },
  ],
  [
    // Pages of the archive tests, one path per test so their hit counts are their own.
    /^\/faults\/archive\/[\w-]+\.html$/,
    (_q, _s, ctx) =>
      ctx.send(200, { ...HTML, etag: '"v1"', "last-modified": "Mon, 30 Nov 2026 08:00:00 GMT" }, faultPage(VI_TITLE, VI_BODY)),
  ],
  [/^\/faults\/loop-a\.html$/, (_q, _s, ctx) => ctx.send(302, { location: "/faults/loop-b.html" })],
  [/^\/faults\/loop-b\.html$/, (_q, _s, ctx) => ctx.send(302, { location: `${ctx.origin}/faults/loop-a.html` })],
  [/^\/faults\/redirect-private\.html$/, (_q, _s, ctx) => ctx.send(302, { location: "http://169.254.169.254/latest/meta-data/" })],
  [/^\/faults\/redirect-localhost\.html$/, (_q, _s, ctx) => ctx.send(302, { location: "http://localhost:9/admin" })],
  // A redirect whose target robots.txt disallows for the bot: the target must never be requested.
  [
    /^\/faults\/redirect-to-disallowed\/(.+)$/,
    (_q, _s, ctx) => ctx.send(302, { location: ctx.url.pathname.replace("/redirect-to-disallowed/", "/robots-disallowed/") }),
  ],
  [/^\/faults\/moved\.html$/, (_q, _s, ctx) => ctx.send(301, { location: "/faults/new-home.html" })],
  [/^\/faults\/new-home\.html$/, (_q, _s, ctx) => ctx.send(200, HTML, faultPage(VI_TITLE, VI_BODY))],
  [/^\/faults\/gone-404\.html$/, (_q, _s, ctx) => ctx.send(404, HTML, "<h1>Không tìm thấy</h1>")],
  [/^\/faults\/gone-410\.html$/, (_q, _s, ctx) => ctx.send(410, HTML, "<h1>Đã gỡ bài</h1>")],
  [/^\/faults\/rate-limited\.html$/, (_q, _s, ctx) => ctx.send(429, { ...HTML, "retry-after": "7" }, "<h1>Chậm lại</h1>")],
  [/^\/faults\/error-500\.html$/, (_q, _s, ctx) => ctx.send(500, HTML, "<h1>Lỗi máy chủ</h1>")],
  [/^\/faults\/error-503(-\w+)?\.html$/, (_q, _s, ctx) => ctx.send(503, HTML, "<h1>Bảo trì</h1>")],
  [
    // 503 for the first two requests of each key, then the page: a transient fault that heals.
    /^\/faults\/flaky-(\w+)\.html$/,
    (_q, _s, ctx) =>
      (hits.get(ctx.url.pathname) ?? 0) <= 2 ? ctx.send(503, HTML, "<h1>Bảo trì</h1>") : ctx.send(200, HTML, faultPage(VI_TITLE, VI_BODY)),
  ],
  [
    /^\/faults\/slow-headers\.html$/,
    async (_q, _s, ctx) => {
      await delay(1500);
      ctx.send(200, HTML, faultPage(VI_TITLE, VI_BODY));
    },
  ],
  [
    /^\/faults\/slow-body\.html$/,
    async (_q, res) => {
      res.writeHead(200, HTML);
      res.write(`<!doctype html><html><head><title>${VI_TITLE}</title></head><body>`);
      await delay(1500);
      if (!res.destroyed) res.end(`${VI_BODY}</body></html>`);
    },
  ],
  [/^\/faults\/reset\.html$/, (req) => void req.socket.destroy()],
  [
    /^\/faults\/reset-mid-body\.html$/,
    (req, res) => {
      res.writeHead(200, { ...HTML, "content-length": 100_000 });
      res.write("<!doctype html><html><body><p>Bài viết bị cắt");
      setTimeout(() => req.socket.destroy(), 50);
    },
  ],
  [/^\/faults\/empty\.html$/, (_q, _s, ctx) => ctx.send(200, HTML, "")],
  [/^\/faults\/robots-(disallowed|everyone-else)\/.+\.html$/, (_q, _s, ctx) => ctx.send(200, HTML, faultPage(VI_TITLE, VI_BODY))],
  [
    /^\/faults\/broken-feed\.xml$/,
    (_q, _s, ctx) =>
      ctx.send(
        200,
        { "content-type": "application/rss+xml; charset=utf-8" },
        `<?xml version="1.0" encoding="UTF-8"?><rss version="2.0"><channel><title>Tin mới</title>
<item><title>Bài 1</title><link>${ctx.origin}/faults/new-home.html</link></item>
<item><title>Bài 2 <b>chưa đóng</title><link>${ctx.origin}/faults/malformed.html</link>
</channel>`,
      ),
  ],
  [
    /^\/faults\/sitemap-self\.xml$/,
    (_q, _s, ctx) =>
      ctx.send(
        200,
        { "content-type": "application/xml; charset=utf-8" },
        `<?xml version="1.0" encoding="UTF-8"?><sitemapindex xmlns="http://www.sitemaps.org/schemas/sitemap/0.9">
<sitemap><loc>${ctx.origin}/faults/sitemap-self.xml</loc></sitemap>
<sitemap><loc>${ctx.origin}/faults/sitemap-self.xml?page=1</loc></sitemap>
<sitemap><loc>${ctx.origin}/faults/sitemap-child.xml</loc></sitemap>
</sitemapindex>`,
      ),
  ],
  [
    /^\/faults\/sitemap-child\.xml$/,
    (_q, _s, ctx) =>
      ctx.send(
        200,
        { "content-type": "application/xml; charset=utf-8" },
        `<?xml version="1.0" encoding="UTF-8"?><urlset xmlns="http://www.sitemaps.org/schemas/sitemap/0.9">
<url><loc>${ctx.origin}/faults/new-home.html</loc></url><url><loc>${ctx.origin}/faults/malformed.html</loc></url>
</urlset>`,
      ),
  ],
  [
    /^\/faults\/feed-(a|b)\.xml$/,
    (_q, _s, ctx) => {
      const tracking = ctx.match?.[0].includes("feed-a") ? "utm_source=feed-a&utm_medium=rss" : "fbclid=IwAR0xyz&ref=homepage";
      ctx.send(
        200,
        { "content-type": "application/rss+xml; charset=utf-8" },
        `<?xml version="1.0" encoding="UTF-8"?><rss version="2.0"><channel><title>feed</title>
<item><title>${VI_TITLE}</title><link>${ctx.origin}/faults/two-feeds.html?${tracking.replace(/&/g, "&amp;")}</link></item>
</channel></rss>`,
      );
    },
  ],
  [/^\/faults\/two-feeds\.html$/, (_q, _s, ctx) => ctx.send(200, HTML, faultPage(VI_TITLE, VI_BODY))],
  [
    /^\/faults\/unsafe-links\.xml$/,
    (_q, _s, ctx) =>
      ctx.send(
        200,
        { "content-type": "application/rss+xml; charset=utf-8" },
        `<?xml version="1.0" encoding="UTF-8"?><rss version="2.0"><channel><title>links</title>
<item><title>metadata</title><link>http://169.254.169.254/latest/meta-data/</link></item>
<item><title>intranet</title><link>http://10.1.2.3/tin-tuc/bai.html</link></item>
<item><title>script</title><link>javascript:alert(1)</link></item>
<item><title>ok</title><link>${ctx.origin}/faults/new-home.html?from=unsafe-links</link></item>
</channel></rss>`,
      ),
  ],
  [
    /^\/faults\/robots-feed\/feed\.xml$/,
    (_q, _s, ctx) => ctx.send(200, { "content-type": "application/rss+xml; charset=utf-8" }, "<rss><channel></channel></rss>"),
  ],
];

function dispatch(req: IncomingMessage, res: ServerResponse, ctx: RouteContext): void | Promise<void> {
  for (const [re, handler] of routes) if (re.test(ctx.url.pathname)) return handler(req, res, ctx);
  ctx.send(404, HTML, "<h1>404</h1>");
}

/** Tag soup a CMS might really serve: unclosed and misnested tags, stray end tags, a broken attribute, an unterminated comment at the end. */
function malformedHtml(): string {
  return `<html><head><title>${VI_TITLE}</title><meta charset=utf-8><link rel=stylesheet href=/s.css</head>
<body><div class="main"><h1>${VI_TITLE}</h2><p>Chiều 11/12/2024, tại Hà Nội, Sở Kế hoạch và Đầu tư cho biết trong năm 2024 thành phố thu hút được 2.067 triệu USD vốn FDI đăng ký, đứng thứ 5 cả nước.
<p class="x>Kim ngạch xuất nhập khẩu của Thủ đô đạt 19,4 tỷ USD, tăng 16,7% so với cùng kỳ năm trước.</b></i></div></div></div>
<table><tr><td>Quảng cáo<td><p>Tin liên quan</table></span>
<p>Hà Nội tiếp tục cải thiện môi trường đầu tư, thu hút các dự án công nghệ cao.<!-- chưa đóng`;
}
