/**
 * Expressions evaluated inside the browser page. Kept as source strings: the project's TypeScript
 * program has no DOM types (it type-checks Worker code), and these run in Chromium, not in Node.
 */

/** What the widget #w rendered inside its shadow root (see Rendered in widget.test.ts). */
export const READ_WIDGET = `(() => {
  const root = document.getElementById("w")?.shadowRoot;
  if (!root) throw new Error("no shadow root");
  const box = root.querySelector(".box");
  return {
    busy: box.hasAttribute("aria-busy"),
    state: root.querySelector(".st")?.textContent ?? null,
    label: root.querySelector(".lb")?.textContent ?? null,
    values: [...root.querySelectorAll(".v")].map((v) => ({ raw: v.querySelector("data")?.getAttribute("value") ?? null, text: v.textContent ?? "" })),
    metas: [...root.querySelectorAll("div.m")].map((m) => m.textContent ?? ""),
    links: [...root.querySelectorAll("a")].map((a) => ({ href: a.href, text: a.textContent ?? "", target: a.getAttribute("target"), rel: a.getAttribute("rel") })),
    sparkPaths: [...root.querySelectorAll("svg path")].map((p) => p.getAttribute("d") ?? ""),
    sparkLabels: [...root.querySelectorAll("svg")].map((s) => s.getAttribute("aria-label") ?? ""),
    imgs: root.querySelectorAll("img").length + document.querySelectorAll("img").length,
    rows: [...root.querySelectorAll(".r")].map((r) => r.getAttribute("data-metric") ?? ""),
    boxHeight: box.getBoundingClientRect().height,
  };
})()`;

/** True once the widget #w has left its loading state. */
export const WIDGET_SETTLED = `(() => { const box = document.getElementById("w")?.shadowRoot?.querySelector(".box"); return !!box && !box.hasAttribute("aria-busy"); })()`;

/** True once the widget #w shows its error state. */
export const WIDGET_ALERT = `!!document.getElementById("w")?.shadowRoot?.querySelector("[role=alert]")`;

/** Layout shifts the host page recorded, and where the paragraph under the widget is now and was at DOMContentLoaded. */
export const SHIFTS = `({ cls: window.__cls, shifts: window.__shifts, first: window.__afterTop, now: document.getElementById("after")?.getBoundingClientRect().top })`;

/** Remembers where #after sits when the document is parsed (before the widget has data). */
export const RECORD_AFTER_TOP = `document.addEventListener("DOMContentLoaded", () => { window.__afterTop = document.getElementById("after")?.getBoundingClientRect().top ?? -1; });`;

/** The focused element: a link inside the widget's shadow root by href, else "#id" of a host element. */
export const FOCUSED = `(() => { const a = document.activeElement; const inner = a?.shadowRoot?.activeElement; return inner ? inner.href : a?.id ? "#" + a.id : String(a?.tagName); })()`;

/** The computed background of the widget's box. */
export const BOX_BACKGROUND = `getComputedStyle(document.getElementById("w").shadowRoot.querySelector(".box")).backgroundColor`;

/** Set by the planted headline's onerror handler, if it ever ran. */
export const XSS_FLAG = "window.__nfXss";

/** The layout-shift score the host page measured. */
export const CLS = "window.__cls";
