/**
 * The "other site" of the browser tests: a tiny node:http server on its own origin whose pages
 * embed the widget script (or the iframe card) the way the README tells publishers to (a plain
 * script tag in the head, so the elements exist before first paint), under a
 * strict CSP of their own. Each page records layout shifts from its first moment.
 */
import { createServer, type Server } from "node:http";

const NONCE = "host-page-nonce";

// Installed before anything renders, so every layout shift of the page is counted.
const CLS_SCRIPT = `window.__cls=0;window.__shifts=[];new PerformanceObserver(function(l){for(var e of l.getEntries()){if(!e.hadRecentInput){window.__cls+=e.value;window.__shifts.push(e.value)}}}).observe({type:"layout-shift",buffered:true});`;

const attr = (s: string) => s.replaceAll("&", "&amp;").replaceAll('"', "&quot;").replaceAll("<", "&lt;");

/** The host page for a query: el=card|summary|iframe, metric(s), lang, theme. */
export function hostPage(api: string, q: URLSearchParams): string {
  const el = q.get("el") ?? "card";
  const lang = q.get("lang") ?? "en";
  const theme = q.get("theme");
  const themeAttr = theme ? ` theme="${attr(theme)}"` : "";
  let widget: string;
  if (el === "iframe") {
    const src = `${api}/widget/card?metric=${encodeURIComponent(q.get("metric") ?? "")}&lang=${lang}${theme ? `&theme=${theme}` : ""}`;
    widget = `<iframe id="w" src="${attr(src)}" title="newsfacts" width="400" height="244" loading="lazy"></iframe>`;
  } else if (el === "summary") {
    widget = `<newsfacts-summary id="w" metrics="${attr(q.get("metrics") ?? "")}" lang="${attr(lang)}"${themeAttr}></newsfacts-summary>`;
  } else {
    widget = `<newsfacts-card id="w" metric="${attr(q.get("metric") ?? "")}" lang="${attr(lang)}"${themeAttr}></newsfacts-card>`;
  }
  const bg = theme === "dark" ? "#0f1114" : "#f4f1ea";
  return `<!doctype html><html lang="en"><head><meta charset="utf-8"><title>A publisher's article</title>
<script nonce="${NONCE}">${CLS_SCRIPT}</script>
<style nonce="${NONCE}">body{font:16px/1.5 Georgia,serif;margin:24px;max-width:460px;background:${bg};color:${theme === "dark" ? "#ddd" : "#222"}}iframe{border:0;max-width:100%}</style>
<script src="${attr(api)}/widget.js"></script></head>
<body><h1>Hanoi business news</h1><p><a id="before" href="#top">A link before the widget</a></p>
${widget}
<p id="after">The paragraph under the widget must not move while the widget loads.</p><p><a id="next" href="#next">A link after the widget</a></p>
</body></html>`;
}

/** Starts the host site; every page gets a CSP that allows only the API origin's script and frames. */
export function startHostSite(api: string, port = 0): Promise<{ origin: string; close: () => Promise<void> }> {
  const server: Server = createServer((req, res) => {
    const url = new URL(req.url ?? "/", "http://host");
    if (url.pathname !== "/") {
      res.writeHead(404).end();
      return;
    }
    res.writeHead(200, {
      "content-type": "text/html; charset=utf-8",
      "content-security-policy": `default-src 'none'; script-src 'nonce-${NONCE}' ${api}; style-src 'nonce-${NONCE}'; connect-src ${api}; frame-src ${api}; img-src 'none'`,
    });
    res.end(hostPage(api, url.searchParams));
  });
  return new Promise((resolve) => {
    server.listen(port, "127.0.0.1", () => {
      const a = server.address();
      const p = typeof a === "object" && a ? a.port : port;
      resolve({ origin: `http://127.0.0.1:${p}`, close: () => new Promise((r) => server.close(() => r())) });
    });
  });
}
