/**
 * The cards' source list: the first few distinct links, then "+N more sources", where N counts every
 * source the observation has (source_count), not only the newest ten the API lists with it.
 */
import { describe, expect, it } from "vitest";
import type { SourceRef } from "../../../workers/widget/contract";
import { sourcesHtml } from "../../../workers/widget/render";

const src = (n: number): SourceRef => ({ article_id: n, url: `https://news.test/a/${n}`, title: `Bài ${n}`, published: "2025-03-01" });
const render = (sources: SourceRef[], max: number, total?: number) => String(sourcesHtml(sources, max, "en", total));

describe("sourcesHtml", () => {
  it("counts the sources beyond those listed from source_count", () => {
    const listed = Array.from({ length: 10 }, (_, i) => src(i + 1));
    const html = render(listed, 2, 1250);
    expect(html.match(/<a /g)).toHaveLength(2);
    expect(html).toContain("+1248 more sources");
  });

  it("falls back to the listed sources when no total is given, and says nothing when all are shown", () => {
    expect(render([src(1), src(2), src(3)], 2)).toContain("+1 more sources");
    expect(render([src(1), src(2)], 2, 2)).not.toContain("more sources");
  });
});
