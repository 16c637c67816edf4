/**
 * The R2 archive: every fetched page is kept (gzip, with its fetch metadata) and re-extraction reads
 * it instead of the network, through the real path an operator takes — the API's admin route, the
 * commands queue, the pipeline's re-queue and the articles queue — with the test site's hit counter
 * as the witness that no request was made. Texts left in D1 by older versions move to R2.
 */
import { exports } from "cloudflare:workers";
import { describe, expect, it } from "vitest";
import { pageKeyOf } from "../../../workers/archive/keys";
import { getPage } from "../../../workers/archive/pages";
import { EXTRACTOR_VERSION } from "../../../workers/extract";
import { moveTextsToArchive } from "../../../workers/pipeline/move-texts";
import { waitFor } from "../helpers";
import { articleText, deliver, hits, insertArticle } from "../ingest/consumer-harness";
import { testEnv as env } from "../test-env";

const ADMIN = { authorization: "Bearer test-admin-token" };

async function row(id: number) {
  return env.DB.prepare("SELECT status, extractor_version, page_key, text_key, content_hash, fact_count FROM articles WHERE id = ?")
    .bind(id)
    .first<{
      status: string;
      extractor_version: string;
      page_key: string | null;
      text_key: string | null;
      content_hash: string;
      fact_count: number;
    }>();
}

/** An article on its own test path, fetched and extracted once by the consumer. */
async function ingested(name: string) {
  const path = `/faults/archive/${name}.html`;
  const msg = await insertArticle(path, { unique: false });
  await deliver([msg]);
  return { msg, path };
}

/** Pretends the article was extracted by an older extractor, so re-extraction has work to do. */
async function ageExtraction(id: number) {
  await env.DB.prepare("UPDATE articles SET extractor_version = 'old' WHERE id = ?").bind(id).run();
}

describe("the page archive", () => {
  it("keeps each fetched page in R2 as gzip with its final URL, headers, fetch time and hash", async () => {
    const { msg } = await ingested("kept");
    const r = await row(msg.articleId);
    expect(r).toMatchObject({ status: "extracted", page_key: pageKeyOf(msg.articleId) });
    const obj = await env.ARCHIVE.head(pageKeyOf(msg.articleId));
    expect(obj?.httpMetadata?.contentEncoding).toBe("gzip");
    const page = await getPage(env.ARCHIVE, msg.articleId);
    expect(page?.finalUrl).toBe(msg.url);
    expect(page?.contentHash).toBe(r?.content_hash);
    expect(page?.headers).toMatchObject({ "content-type": "text/html; charset=utf-8", etag: '"v1"' });
    expect(Date.parse(page?.fetchedAt ?? "")).toBeGreaterThan(Date.now() - 60_000);
    expect(new TextDecoder().decode(page?.bytes)).toContain("<html");
    // The main text is in R2 too, and the API serves it from there.
    const text = await articleText(msg.articleId);
    expect(text?.length).toBeGreaterThan(100);
    const api = (await (await exports.default.fetch(`http://api.test/v1/articles/${msg.articleId}`)).json()) as { text: string };
    expect(api.text).toBe(text);
  });

  it("does not write an unchanged page again when it is fetched again", async () => {
    const { msg } = await ingested("unchanged");
    const first = await env.ARCHIVE.head(pageKeyOf(msg.articleId));
    await ageExtraction(msg.articleId);
    await deliver([msg], { attempts: 2 });
    expect((await row(msg.articleId))?.extractor_version).toBe(EXTRACTOR_VERSION);
    const second = await env.ARCHIVE.head(pageKeyOf(msg.articleId));
    expect(second?.etag).toBe(first?.etag);
    expect(second?.customMetadata?.fetchedAt).toBe(first?.customMetadata?.fetchedAt);
  });
});

describe("re-extraction", () => {
  it("POST /v1/admin/reextract re-extracts every article from the archive without one request to its site", async () => {
    const { msg, path } = await ingested("reextract");
    await ageExtraction(msg.articleId);
    const factsBefore = (await row(msg.articleId))?.fact_count;
    const hitsBefore = (await hits(path)).hits;
    const robotsBefore = (await hits("/robots.txt")).hits;

    const res = await exports.default.fetch("http://api.test/v1/admin/reextract", { method: "POST", headers: ADMIN });
    expect(res.status).toBe(202);
    expect(await res.json()).toMatchObject({ accepted: true, from: "archive" });

    const after = await waitFor(
      () => row(msg.articleId),
      (r) => r?.status === "extracted" && r.extractor_version === EXTRACTOR_VERSION,
    );
    expect(after).toMatchObject({ status: "extracted", extractor_version: EXTRACTOR_VERSION, fact_count: factsBefore });
    expect((await hits(path)).hits).toBe(hitsBefore);
    expect((await hits("/robots.txt")).hits).toBe(robotsBefore);
  });

  it("?refetch=true fetches the page again", async () => {
    const { msg, path } = await ingested("refetch");
    await ageExtraction(msg.articleId);
    const hitsBefore = (await hits(path)).hits;
    const res = await exports.default.fetch("http://api.test/v1/admin/reextract?refetch=true", { method: "POST", headers: ADMIN });
    expect(res.status).toBe(202);
    expect(await res.json()).toMatchObject({ from: "network" });
    await waitFor(
      () => hits(path),
      (h) => h.hits > hitsBefore,
    );
    const after = await waitFor(
      () => row(msg.articleId),
      (r) => r?.extractor_version === EXTRACTOR_VERSION,
    );
    expect(after?.status).toBe("extracted");
  });

  it("an article with no archived copy is fetched instead, and archived", async () => {
    const { msg, path } = await ingested("lost-copy");
    await env.ARCHIVE.delete(pageKeyOf(msg.articleId));
    const hitsBefore = (await hits(path)).hits;
    await deliver([{ ...msg, from: "archive" }], { attempts: 1 });
    expect((await hits(path)).hits).toBe(hitsBefore + 1);
    expect(await env.ARCHIVE.head(pageKeyOf(msg.articleId))).not.toBeNull();
  });
});

describe("moving D1 texts to R2", () => {
  it("moves every text kept in D1 to R2, and the API serves the same text before and after", async () => {
    const ids: number[] = [];
    for (let i = 0; i < 5; i++) {
      const a = await env.DB.prepare("INSERT INTO articles (url, status) VALUES (?, 'extracted') RETURNING id")
        .bind(`https://old.example/${i}-${Date.now()}`)
        .first<{ id: number }>();
      if (!a) throw new Error("insert failed");
      await env.DB.prepare("INSERT INTO article_texts (article_id, text) VALUES (?, ?)").bind(a.id, `Văn bản cũ số ${i}.`).run();
      ids.push(a.id);
    }
    const read = async (id: number) =>
      ((await (await exports.default.fetch(`http://api.test/v1/articles/${id}`)).json()) as { text: string | null }).text;
    expect(await read(ids[2])).toBe("Văn bản cũ số 2.");

    // Two at a time: the move is resumable, chunk by chunk.
    let moved = 0;
    for (let n = -1; n !== 0; moved += n) n = await moveTextsToArchive(env, 2);
    expect(moved).toBeGreaterThanOrEqual(5);
    const left = await env.DB.prepare("SELECT count(*) AS n FROM article_texts").first<{ n: number }>();
    expect(left?.n).toBe(0);
    for (const [i, id] of ids.entries()) {
      expect((await row(id))?.text_key).toBe(`texts/${id}.txt`);
      expect(await read(id)).toBe(`Văn bản cũ số ${i}.`);
    }
  });
});
