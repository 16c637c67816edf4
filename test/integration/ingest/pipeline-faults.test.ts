/**
 * Faults inside the pipeline, injected into the real parts (D1, extractor) through the consumer's
 * deps: a write that fails half-way rolls back and is retried, duplicate deliveries (one after the
 * other or at the same time) leave one set of rows, D1 going away mid-batch never acks the messages
 * it did not finish, and one page that breaks the extractor fails alone.
 */
import { beforeAll, describe, expect, it } from "vitest";
import type { ArticleMessage } from "../../../schema/messages";
import { extract } from "../../../workers/extract";
import { testEnv as env } from "../test-env";
import { articleRow, childCounts, deliver, ensureLocalSource, insertArticle } from "./consumer-harness";
import { faultyD1 } from "./d1-faults";

const PAGE = "/faults/new-home.html";

beforeAll(async () => {
  await ensureLocalSource();
  // Warm the robots.txt cache so round-trip counts below are the steady state.
  await deliver([await insertArticle(PAGE)]);
});

describe("a D1 write failing half-way", () => {
  it("rolls the whole article back, retries the message, and the retry writes one clean set of rows", async () => {
    const msg = await insertArticle(PAGE);
    // The article's write is the batch with many statements; the first (read) batch has two.
    const { db, log } = faultyD1(env.DB, { failBatch: (size) => size > 2 });
    const failed = await deliver([msg], { deps: { db: () => db } });
    expect(log.events).toContain("batch 1 failing");
    expect(failed.explicitAcks).toEqual([]);
    expect(failed.retryMessages.map((m) => m.msgId)).toEqual(failed.ids);
    expect(await childCounts(msg.articleId)).toEqual({
      facts: 0,
      person_mentions: 0,
      quotes: 0,
      events: 0,
      article_countries: 0,
      texts: 0,
    });
    expect(await articleRow(msg.articleId)).toMatchObject({ status: "queued", attempts: 0, fact_count: 0 });

    const retried = await deliver([msg], { attempts: 2 });
    expect(retried.explicitAcks).toEqual(retried.ids);
    const row = await articleRow(msg.articleId);
    expect(row).toMatchObject({ status: "extracted", attempts: 1 });
    const counts = await childCounts(msg.articleId);
    expect(counts.texts).toBe(1);
    expect(counts.facts).toBe(row?.fact_count);
    expect(counts.facts).toBeGreaterThan(0);
  });
});

describe("duplicate deliveries", () => {
  it("the same message twice in a row leaves the rows of one delivery", async () => {
    const msg = await insertArticle(PAGE);
    await deliver([msg]);
    const once = await childCounts(msg.articleId);
    const again = await deliver([msg], { attempts: 2 });
    expect(again.explicitAcks).toEqual(again.ids);
    expect(await childCounts(msg.articleId)).toEqual(once);
  });

  it("the same message delivered twice at once (two consumers) leaves one set of rows", async () => {
    const msg = await insertArticle(PAGE);
    const [a, b] = await Promise.all([deliver([msg]), deliver([msg])]);
    expect([...a.explicitAcks, ...b.explicitAcks]).toHaveLength(2);
    const row = await articleRow(msg.articleId);
    expect(row?.status).toBe("extracted");
    const counts = await childCounts(msg.articleId);
    expect(counts.texts).toBe(1);
    expect(counts.facts).toBe(row?.fact_count);
    const seqs = await env.DB.prepare("SELECT count(DISTINCT seq) AS n FROM facts WHERE article_id = ?")
      .bind(msg.articleId)
      .first<{ n: number }>();
    expect(seqs?.n).toBe(counts.facts);
  });

  it("a batch carrying one message twice acks both and writes once", async () => {
    const msg = await insertArticle(PAGE);
    const result = await deliver([msg, msg]);
    expect(result.explicitAcks.sort()).toEqual([...result.ids].sort());
    const row = await articleRow(msg.articleId);
    expect((await childCounts(msg.articleId)).facts).toBe(row?.fact_count);
  });
});

describe("the consumer never acks what it did not finish", () => {
  it("D1 going away mid-batch: the finished message is acked, the others come back with no partial rows", async () => {
    const msgs = [await insertArticle(PAGE), await insertArticle(PAGE), await insertArticle(PAGE)];
    // Every round trip after the first article's write fails, as if the database went away.
    let writes = 0;
    const { db, log } = faultyD1(env.DB, {
      failBatch: () => false,
      unreachable: () => writes >= 1,
    });
    const counting = new Proxy(db, {
      get(target, prop) {
        if (prop === "batch")
          return async (s: D1PreparedStatement[]) => {
            const out = await target.batch(s);
            if (s.length > 2) writes++;
            return out;
          };
        const v = Reflect.get(target, prop, target);
        return typeof v === "function" ? v.bind(target) : v;
      },
    });
    // One message at a time, so "the first write" is well defined.
    const results = [];
    for (const m of msgs) results.push(await deliver([m], { deps: { db: () => counting } }));
    expect(results.map((r) => r.explicitAcks.length)).toEqual([1, 0, 0]);
    expect(results.map((r) => r.retryMessages.length)).toEqual([0, 1, 1]);
    expect(log.roundTrips).toBeGreaterThan(2);
    expect((await articleRow(msgs[0].articleId))?.status).toBe("extracted");
    for (const m of msgs.slice(1)) {
      expect((await articleRow(m.articleId))?.status).toBe("queued");
      expect((await childCounts(m.articleId)).facts).toBe(0);
    }
  });

  it("acks each message only after its article's final write has committed", async () => {
    const msgs = [await insertArticle(PAGE), await insertArticle("/faults/gone-404.html"), await insertArticle(PAGE)];
    const { db, log } = faultyD1(env.DB);
    // A crash can come at any moment; it loses nothing only if no ack ever runs ahead of its write.
    let committedWrites = 0;
    let acks = 0;
    const violations: string[] = [];
    const result = await deliver(msgs, {
      deps: {
        db: () =>
          new Proxy(db, {
            get(target, prop) {
              if (prop === "batch")
                return async (s: D1PreparedStatement[]) => {
                  const out = await target.batch(s);
                  if (log.batches.length > 0 && s.length !== 2) committedWrites++;
                  return out;
                };
              const v = Reflect.get(target, prop, target);
              return typeof v === "function" ? v.bind(target) : v;
            },
          }),
      },
      onSettle: (kind, id) => {
        if (kind !== "ack") return;
        acks++;
        if (acks > committedWrites) violations.push(`${id} acked with ${committedWrites} writes committed`);
      },
    });
    expect(result.explicitAcks.sort()).toEqual([...result.ids].sort());
    expect(violations).toEqual([]);
    expect(committedWrites).toBe(3);
    for (const m of msgs) expect((await articleRow(m.articleId))?.status).not.toBe("queued");
  });
});

describe("the extractor throwing on one page", () => {
  it("fails that article with the reason and leaves the rest of the batch unaffected", async () => {
    const msgs = [await insertArticle(PAGE), await insertArticle(PAGE), await insertArticle(PAGE)];
    const poisoned = msgs[1].url;
    const result = await deliver(msgs, {
      deps: {
        extract: (input) => {
          if (input.url === poisoned) throw new RangeError("Maximum call stack size exceeded");
          return extract(input);
        },
      },
    });
    expect(result.explicitAcks.sort()).toEqual([...result.ids].sort());
    expect(await articleRow(msgs[1].articleId)).toMatchObject({
      status: "failed",
      reason: "extractor error: Maximum call stack size exceeded",
    });
    expect((await childCounts(msgs[1].articleId)).facts).toBe(0);
    for (const m of [msgs[0], msgs[2]]) expect((await articleRow(m.articleId))?.status).toBe("extracted");
  });
});

describe("D1 round trips", () => {
  it("an article costs two D1 round trips: one read batch, one write batch", async () => {
    const msg = await insertArticle(PAGE);
    const { db, log } = faultyD1(env.DB);
    await deliver([msg], { deps: { db: () => db } });
    expect((await articleRow(msg.articleId))?.status).toBe("extracted");
    expect(log.roundTrips).toBe(2);
    expect(log.batches[0]).toBe(2);
  });

  it("a permanent failure costs two as well", async () => {
    const msg = await insertArticle("/faults/gone-410.html");
    const { db, log } = faultyD1(env.DB);
    await deliver([msg], { deps: { db: () => db } });
    expect(log.roundTrips).toBe(2);
  });
});

describe("poison messages", () => {
  it("a message that is not an article message is acked (logged), not retried forever, and its batch goes on", async () => {
    const good = await insertArticle(PAGE);
    const junk = { articleId: "1; DROP TABLE articles", url: 42 } as unknown as ArticleMessage;
    const result = await deliver([junk, good]);
    expect(result.explicitAcks.sort()).toEqual([...result.ids].sort());
    expect((await articleRow(good.articleId))?.status).toBe("extracted");
  });
});
