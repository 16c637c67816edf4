/**
 * The embeddable widgets, served minified as /widget.js:
 *
 *   <script src="https://API/widget.js"></script>
 *   <newsfacts-card metric="fdi_registered" lang="vi"></newsfacts-card>
 *   <newsfacts-summary metrics="grdp_growth,fdi_registered,budget_revenue" lang="en" theme="dark"></newsfacts-summary>
 *
 * Each element fetches /v1/summary and /v1/metrics/:id/series from the API that served this script
 * (or its `data-api` attribute) and renders into a shadow root, as DOM nodes and text only — API data
 * never passes through an HTML parser. The box has a fixed height from the first frame, so neither
 * loading nor data moves the host page. The script tag is deliberately neither async nor defer: the
 * elements are then defined before the page first paints (an undefined element is 0 px high, and its
 * upgrade would push the page down); a site that loads it async should reserve the height itself. Type-checked by its own tsconfig.json (DOM types), which the
 * Worker's build never sees.
 */
import { type Lang, type Observation, pickLang, type Series, type SourceRef, type Summary, type SummaryItem, safeHref } from "../contract";
import { formatChange, formatDate, formatPeriod, formatPlan, formatValue, qualifierWord, WORDS } from "../format";
import { plot } from "../sparkline";
import { CARD_H, cardCss, ROW_H } from "../styles";

const script = document.currentScript as HTMLScriptElement | null;
/** The API origin: the script tag's data-api, else the origin the script was loaded from. */
const DEFAULT_API = script?.dataset.api || (script?.src ? new URL(script.src).origin : location.origin);

const CSS = `:host{display:block;contain:layout paint style;max-width:420px}${cardCss(":host", ":host([theme=dark])", ":host(:not([theme=light]))")}`;

let sheet: CSSStyleSheet | null = null;

type Child = Node | string | null | false;

/** Creates an element; string children become text nodes, so data is never parsed as HTML. */
function h<K extends keyof HTMLElementTagNameMap>(tag: K, attrs: Record<string, string> = {}, ...kids: Child[]): HTMLElementTagNameMap[K] {
  const el = document.createElement(tag);
  for (const k in attrs) el.setAttribute(k, attrs[k]);
  for (const kid of kids) if (kid) el.append(kid);
  return el;
}

function s(tag: string, attrs: Record<string, string | number>): SVGElement {
  const el = document.createElementNS("http://www.w3.org/2000/svg", tag);
  for (const k in attrs) el.setAttribute(k, String(attrs[k]));
  return el;
}

/** GETs JSON; a 404 (endpoint or metric not there yet) is an empty answer, not an error. */
async function getJson<T>(url: string, signal: AbortSignal): Promise<T | null> {
  const res = await fetch(url, { signal, credentials: "omit" });
  if (res.status === 404) return null;
  if (!res.ok) throw new Error(`${res.status} ${url}`);
  return res.json() as Promise<T>;
}

/** The value line: qualifier word, then the formatted value in a <data> carrying the raw number. */
function valueLine(o: Observation, lang: Lang): HTMLElement {
  const q = qualifierWord(o.qualifier, lang);
  return h(
    "div",
    { class: "v" },
    q && h("span", { class: "q" }, q),
    q && " ",
    h("data", { value: String(o.value) }, formatValue(o.value, o.unit, o.currency, lang)),
  );
}

/** "2024 · ▲ +6,3% so với 2023", or a conflict note when sources disagree on the latest value. */
function metaLine(item: SummaryItem, lang: Lang): HTMLElement {
  const w = WORDS[lang];
  const line = h("div", { class: "m" }, formatPeriod(item.latest.period, lang));
  const ch = formatChange(item.change, item.unit, lang);
  if (ch && item.previous) {
    const cls = ch.dir > 0 ? "u" : ch.dir < 0 ? "d" : "";
    line.append(
      " · ",
      h(
        "span",
        { class: cls },
        h("span", { "aria-hidden": "true" }, ch.dir > 0 ? "▲ " : ch.dir < 0 ? "▼ " : ""),
        h("span", { class: "x" }, ch.dir > 0 ? `${w.up} ` : ch.dir < 0 ? `${w.down} ` : ""),
        ch.text,
      ),
      ` ${w.vs} ${formatPeriod(item.previous.period, lang)}`,
    );
  }
  if (item.latest.status === "conflict") {
    const vals = (item.latest.values ?? []).map((v) => formatValue(v, item.unit, item.currency, lang)).join(" / ");
    line.append(" · ", h("span", { class: "w", title: vals }, `⚠ ${w.conflict}`));
  }
  const plan = formatPlan(item.plan, lang);
  if (plan) line.append(" · ", h("span", { class: "pl" }, plan));
  return line;
}

/** The series as a line, with a mark at each point where sources disagree. */
function sparkline(series: Series | null, item: SummaryItem, lang: Lang, width: number, height: number): SVGElement | null {
  const pts = (series?.points ?? []).filter(
    (p) => p.unit === item.unit && (p.currency || null) === (item.currency || null) && (p.span ?? null) === (item.latest.span ?? null),
  );
  if (pts.length < 2) return null;
  const p = plot(
    pts.map((o) => o.value),
    width,
    height,
    3,
  );
  const label = `${WORDS[lang].trend}: ${pts.map((o) => `${formatPeriod(o.period, lang)} ${formatValue(o.value, o.unit, o.currency, lang)}`).join(", ")}`;
  const svg = s("svg", {
    viewBox: `0 0 ${width} ${height}`,
    width: "100%",
    height,
    preserveAspectRatio: "none",
    role: "img",
    "aria-label": label,
  });
  svg.append(s("path", { d: p.path, class: "sp" }));
  pts.forEach((o, i) => {
    if (o.status === "conflict") svg.append(s("line", { x1: p.points[i].x, x2: p.points[i].x, y1: 1, y2: height - 1, class: "cf" }));
  });
  return svg;
}

/**
 * Distinct http(s) sources in the API's order, at most `max`, then "+N more sources" when `more`:
 * N counts every source the observation has (`total`, its source_count), not only those listed.
 */
function sourceList(sources: SourceRef[], max: number, lang: Lang, more = true, total = 0): HTMLElement {
  const seen = new Set<string>();
  const items: SourceRef[] = [];
  for (const src of sources) {
    const href = safeHref(src.url);
    if (href && !seen.has(href)) {
      seen.add(href);
      items.push(src);
    }
  }
  const ul = h("ul");
  for (const src of items.slice(0, max)) {
    const href = safeHref(src.url) as string;
    const date = formatDate(src.published, lang);
    ul.append(
      h(
        "li",
        {},
        h("a", { href, target: "_blank", rel: "noopener noreferrer" }, src.title || new URL(href).hostname),
        date && ` · ${date}`,
      ),
    );
  }
  const rest = Math.max(items.length, total) - Math.min(items.length, max);
  if (more && rest > 0) ul.append(h("li", { class: "m" }, `+${rest} ${WORDS[lang].more}`));
  return ul;
}

/** Shared lifecycle: a fixed-size box, attribute changes reload, a stale load is aborted. */
abstract class NewsfactsElement extends HTMLElement {
  static observedAttributes = ["metric", "metrics", "lang", "theme", "data-api"];
  protected box: HTMLElement;
  private ctrl: AbortController | null = null;

  constructor() {
    super();
    const root = this.attachShadow({ mode: "open" });
    // A constructed sheet is not inline style, so a host page's style-src CSP does not block it.
    if ("adoptedStyleSheets" in root && typeof CSSStyleSheet.prototype.replaceSync === "function") {
      if (!sheet) {
        sheet = new CSSStyleSheet();
        sheet.replaceSync(CSS);
      }
      root.adoptedStyleSheets = [sheet];
    } else root.append(h("style", {}, CSS));
    this.box = h("section", { class: "box" });
    root.append(this.box);
  }

  protected get language(): Lang {
    return pickLang(this.getAttribute("lang"), document.documentElement.lang, navigator.language);
  }

  protected get api(): string {
    return (this.dataset.api || DEFAULT_API).replace(/\/+$/, "");
  }

  /** Height of the box in pixels, fixed before any data arrives. */
  protected abstract height(): number;
  protected abstract fill(signal: AbortSignal, lang: Lang): Promise<boolean>;

  connectedCallback(): void {
    void this.load();
  }

  disconnectedCallback(): void {
    this.ctrl?.abort();
  }

  attributeChangedCallback(_name: string, old: string | null, now: string | null): void {
    if (old !== now && this.isConnected) void this.load();
  }

  protected state(text: string, role: "status" | "alert"): void {
    this.box.replaceChildren(h("p", { class: "st", role }, text));
  }

  private async load(): Promise<void> {
    this.ctrl?.abort();
    const ctrl = new AbortController();
    this.ctrl = ctrl;
    const lang = this.language;
    this.box.style.height = `${this.height()}px`;
    this.box.setAttribute("lang", lang);
    this.box.setAttribute("aria-busy", "true");
    this.state(WORDS[lang].loading, "status");
    try {
      if (!(await this.fill(ctrl.signal, lang))) this.state(WORDS[lang].empty, "status");
    } catch (e) {
      if (ctrl.signal.aborted) return;
      this.state(WORDS[lang].error, "alert");
      console.warn("newsfacts widget:", e);
    } finally {
      if (!ctrl.signal.aborted) this.box.removeAttribute("aria-busy");
    }
  }

  protected summary(metrics: string[], lang: Lang, signal: AbortSignal): Promise<Summary | null> {
    const q = metrics.length ? `&metrics=${encodeURIComponent(metrics.join(","))}` : "";
    return getJson<Summary>(`${this.api}/v1/summary?lang=${lang}${q}`, signal);
  }

  protected series(metric: string, lang: Lang, signal: AbortSignal, span?: string): Promise<Series | null> {
    // A chart is an extra: without a series the value still shows. It is drawn in the latest figure's span kind.
    const q = span ? `&span=${encodeURIComponent(span)}` : "";
    return getJson<Series>(`${this.api}/v1/metrics/${encodeURIComponent(metric)}/series?lang=${lang}${q}`, signal).catch(() => null);
  }
}

/** `<newsfacts-card metric="fdi_registered" lang="vi" theme="dark">`: one metric, its trend and sources. */
class NewsfactsCard extends NewsfactsElement {
  protected height(): number {
    return CARD_H;
  }

  protected async fill(signal: AbortSignal, lang: Lang): Promise<boolean> {
    const metric = (this.getAttribute("metric") ?? "").trim();
    if (!metric) return false;
    const sum = await this.summary([metric], lang, signal);
    const item = sum?.items?.find((i) => i.metric === metric);
    if (!item?.latest || signal.aborted) return false;
    const series = await this.series(metric, lang, signal, item.latest.span);
    if (signal.aborted) return false;
    const id = `nf-${metric}`;
    this.box.setAttribute("aria-labelledby", id);
    this.box.replaceChildren(
      h("p", { class: "lb", id }, item.label),
      valueLine(item.latest, lang),
      metaLine(item, lang),
      sparkline(series, item, lang, 300, 40) ?? h("div", { class: "sp0" }),
      h("h3", {}, WORDS[lang].sources),
      sourceList(item.latest.sources ?? [], 2, lang, true, item.latest.source_count),
    );
    return true;
  }
}

/** `<newsfacts-summary metrics="a,b,c" lang="en">`: one row per metric. */
class NewsfactsSummary extends NewsfactsElement {
  private metrics(): string[] {
    return (this.getAttribute("metrics") ?? "")
      .split(",")
      .map((m) => m.trim())
      .filter(Boolean);
  }

  private rows(): number {
    return this.metrics().length || 4;
  }

  protected height(): number {
    return this.rows() * ROW_H + 30;
  }

  protected async fill(signal: AbortSignal, lang: Lang): Promise<boolean> {
    const metrics = this.metrics();
    const sum = await this.summary(metrics, lang, signal);
    const items = (sum?.items ?? []).filter((i) => i.latest).slice(0, this.rows());
    if (!items.length || signal.aborted) return false;
    const series = await Promise.all(items.map((i) => this.series(i.metric, lang, signal, i.latest.span)));
    if (signal.aborted) return false;
    this.box.removeAttribute("aria-labelledby");
    this.box.replaceChildren(
      ...items.map((item, n) => {
        const src = item.latest.sources?.[0];
        return h(
          "div",
          { class: "r", role: "group", "aria-label": item.label, "data-metric": item.metric },
          h("p", { class: "lb" }, item.label),
          valueLine(item.latest, lang),
          metaLine(item, lang),
          sparkline(series[n], item, lang, 96, 30),
          src ? sourceList(item.latest.sources, 1, lang, false) : null,
        );
      }),
    );
    return true;
  }
}

if (!customElements.get("newsfacts-card")) customElements.define("newsfacts-card", NewsfactsCard);
if (!customElements.get("newsfacts-summary")) customElements.define("newsfacts-summary", NewsfactsSummary);
