/**
 * The card's stylesheet, shared by the widget script (selectors on :host) and the iframe card
 * (selectors on <html>), so both variants look the same. Colours meet WCAG AA on their background
 * in both themes.
 */

/** Box heights in pixels, fixed before data arrives so the host page never shifts. */
export const CARD_H = 244;
export const ROW_H = 96;

/** The themes' colours as CSS custom properties (the SVG card reads them as plain colours). */
export const LIGHT = "--bg:#fff;--fg:#1b1c1f;--mu:#4d5159;--ln:#0b57d0;--bd:#d3d6db;--up:#137333;--dn:#b3261e;--sp:#0b57d0;--wa:#8a4b00";
export const DARK = "--bg:#17191d;--fg:#eceef2;--mu:#b6bbc4;--ln:#8ab4f8;--bd:#3a3e46;--up:#81c995;--dn:#f28b82;--sp:#8ab4f8;--wa:#fdd663";

/**
 * @param root selector of the themed root (":host" or "html")
 * @param dark selector when the dark theme is forced
 * @param auto selector when no light theme is forced (follows prefers-color-scheme)
 * @param scope ancestor selector that confines the rules (the dashboard embeds cards in its own page)
 */
export function cardCss(root: string, dark: string, auto: string, scope = ""): string {
  const p = scope ? `${scope} ` : "";
  return `${root}{font:14px/1.4 system-ui,-apple-system,"Segoe UI",Roboto,sans-serif;${LIGHT}}
${dark}{${DARK}}
@media (prefers-color-scheme:dark){${auto}{${DARK}}}
${p}.box{box-sizing:border-box;overflow:hidden;background:var(--bg);color:var(--fg);border:1px solid var(--bd);border-radius:10px;padding:14px 16px}
${p}.st{margin:0;color:var(--mu);display:flex;align-items:center;height:100%}
${p}.lb{margin:0;font-size:13px;color:var(--mu);white-space:nowrap;overflow:hidden;text-overflow:ellipsis}
${p}.v{font-size:26px;font-weight:650;line-height:34px;white-space:nowrap;overflow:hidden;text-overflow:ellipsis}
${p}.q{font-size:13px;font-weight:400;color:var(--mu)}
${p}.m{font-size:13px;color:var(--mu);white-space:nowrap;overflow:hidden;text-overflow:ellipsis;height:19px}
${p}.u{color:var(--up)}${p}.d{color:var(--dn)}${p}.w{color:var(--wa)}
${p}svg{display:block}${p}.sp0{height:40px}
${p}.sp{stroke:var(--sp);stroke-width:2;fill:none;vector-effect:non-scaling-stroke}
${p}.cf{stroke:var(--wa);stroke-width:2;vector-effect:non-scaling-stroke}
${p}h3{margin:6px 0 2px;font-size:12px;font-weight:600;color:var(--mu)}
${p}ul{margin:0;padding:0;list-style:none}
${p}li{white-space:nowrap;overflow:hidden;text-overflow:ellipsis;font-size:13px;height:20px}
${p}a{color:var(--ln)}${p}a:focus-visible{outline:2px solid var(--ln);outline-offset:1px;border-radius:2px}
${p}.r{height:${ROW_H}px;box-sizing:border-box;padding:6px 0;border-top:1px solid var(--bd);display:grid;grid-template-columns:minmax(0,1fr) 96px;grid-template-rows:19px 27px 19px 20px;align-content:start;column-gap:10px;overflow:hidden}
${p}.r:first-child{border-top:0}${p}.r>*{grid-column:1;min-width:0}
${p}.r .v{font-size:19px;line-height:27px}
${p}.r svg{grid-row:1/4;grid-column:2;align-self:center}
${p}.x{position:absolute;width:1px;height:1px;overflow:hidden;clip:rect(0 0 0 0);white-space:nowrap}`;
}
