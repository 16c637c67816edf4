import { describe, expect, it } from "vitest";
import { parseHtml, rawText, withoutScriptBodies } from "../../../../workers/extract/page/html-tree";

/** What the tokenizer is given, as one string. */
const dropScriptBodies = (html: string) => withoutScriptBodies(html).join("");

const bundle = `var s = "<p>not article text</p>"; ${"x = x + 1; ".repeat(200)}`;

describe("dropScriptBodies", () => {
  it("cuts a long inline script's body but keeps its tags and the page around it", () => {
    const html = `<body><script>${bundle}</script><p>Xuất khẩu tăng 9%.</p></body>`;
    const out = dropScriptBodies(html);
    expect(out).toBe("<body><script></script><p>Xuất khẩu tăng 9%.</p></body>");
  });

  it("keeps short scripts and JSON-LD whole, however long", () => {
    const ld = `<script type="application/ld+json">{"datePublished":"2024-03-01","x":"${"y".repeat(3000)}"}</script>`;
    const small = "<script>var a = 1;</script>";
    expect(dropScriptBodies(ld + small)).toBe(ld + small);
  });

  it("leaves the parsed tree's text and JSON-LD the same as without the cut", () => {
    const html = `<html><head><script type="application/ld+json">{"headline":"A"}</script><script>${bundle}</script></head><body><article><p>GRDP grew 7%.</p><script>${bundle}</script><p>Exports rose 5%.</p></article></body></html>`;
    const { root, head } = parseHtml(html);
    expect(rawText(root)).toBe("GRDP grew 7%.Exports rose 5%.");
    expect(head.jsonLd).toEqual(['{"headline":"A"}']);
  });

  it("stops at an unclosed script instead of dropping the rest of the page", () => {
    const html = `<p>one</p><script>${bundle}`;
    expect(dropScriptBodies(html)).toBe(html);
  });
});
