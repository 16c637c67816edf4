import { readFileSync } from "node:fs";
import { join } from "node:path";
import { gunzipSync } from "node:zlib";
import { describe, expect, it } from "vitest";
import { extract } from "../../../../workers/extract";

interface Entry {
  file: string;
  lang: string | null;
  published: string[] | null;
  source: string;
}

const dir = join(__dirname, "../../../fixtures/seed-pages");
const manifest = JSON.parse(readFileSync(join(dir, "manifest.json"), "utf8")) as Entry[];
const html = (file: string) => new TextDecoder("utf-8").decode(gunzipSync(readFileSync(join(dir, file))));

describe("extract() on the demo site's pages", () => {
  it.each(manifest.map((e) => [e.file, e] as const))("%s: never throws and finds the article", (_name, entry) => {
    const out = extract({ body: html(entry.file), kind: "html", url: null });
    expect(out.text.length).toBeGreaterThan(200);
    if (entry.lang) expect(out.lang).toBe(entry.lang);
    if (entry.published) expect(entry.published).toContain(out.published);
  });

  it("keeps the teaser figures of the demo page's related box out of the text", () => {
    const out = extract({ body: html("demo-ha-noi-doi-ngoai-thuc-day-hoi-nhap-quoc-te-toan-dien.html.gz"), kind: "html", url: null });
    expect(out.text).toContain("Phấn đấu đưa Hà Nội là hình mẫu về công tác đối ngoại.");
    expect(out.text).not.toMatch(/108,91%|97 đề tài|258 trường hợp|Email của bạn/);
    expect(out.author).toBe("Ngân Phương");
  });
});
