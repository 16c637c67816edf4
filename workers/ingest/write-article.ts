/**
 * Everything one extraction says about an article, written in ONE D1 batch (a transaction): the
 * article's old rows are deleted and the new ones inserted, so a replayed message yields the same
 * rows and a failure half-way leaves nothing half-written.
 */
import { eq, sql } from "drizzle-orm";
import type { BatchItem } from "drizzle-orm/batch";
import { eventKey, personKey } from "../../schema/keys";
import { articleCountries, articles, articleTexts, events, facts, people, personMentions, quotes } from "../../schema/tables";
import {
  addArticleFactsStatement,
  linkArticleFactsStatement,
  markArticleKeysStatement,
  refreshTouchedStatements,
} from "../dataset/observations";
import { chunkRows, type Db } from "../db/client";
import { bumpVersionStatement } from "../db/dataset-version";
import { personCountStatements } from "../db/people";
import type { Extraction } from "../extract";

export interface FetchedMeta {
  httpStatus: number;
  finalUrl: string;
  contentHash: string;
  extractorVersion: string;
  /** R2 keys of the archived page and main text (written before this batch). */
  pageKey: string | null;
  textKey: string;
}

export function articleWriteStatements(db: Db, articleId: number, x: Extraction, meta: FetchedMeta): BatchItem<"sqlite">[] {
  const stmts: BatchItem<"sqlite">[] = [
    // The observation keys the article backed before this write (a re-extraction): they are recomputed.
    markArticleKeysStatement(db, articleId),
    // Its people's counts lose this article's old mentions and quotes (the new ones are added below).
    ...personCountStatements(db, articleId, -1),
    db.delete(facts).where(eq(facts.articleId, articleId)),
    db.delete(personMentions).where(eq(personMentions.articleId, articleId)),
    db.delete(quotes).where(eq(quotes.articleId, articleId)),
    db.delete(events).where(eq(events.articleId, articleId)),
    db.delete(articleCountries).where(eq(articleCountries.articleId, articleId)),
  ];

  const factRows = x.facts.map((f, seq) => ({
    articleId,
    seq,
    metric: f.metric,
    value: f.value,
    unit: f.unit,
    currency: f.currency ?? null,
    periodStart: f.period?.start ?? null,
    periodEnd: f.period?.end ?? null,
    geo: f.geo,
    qualifier: f.qualifier,
    basis: f.basis,
    partDimension: f.part?.dimension ?? null,
    partMember: f.part?.member ?? null,
    sentence: f.sentence,
    published: x.published,
  }));
  for (const chunk of chunkRows(factRows, 15)) stmts.push(db.insert(facts).values(chunk));
  // In this same transaction: new keys take the article's facts incrementally (O(its facts)); keys it
  // backed before are recomputed from their facts; then each fact learns its observation's id.
  stmts.push(addArticleFactsStatement(db, articleId), ...refreshTouchedStatements(db), linkArticleFactsStatement(db, articleId));

  // People: one row per person (kept if already known), one mention per title used here.
  const byKey = new Map<string, { name: string; titles: Set<string> }>();
  for (const p of x.people) {
    const key = personKey(p.name);
    if (!key) continue;
    const entry = byKey.get(key) ?? { name: p.name, titles: new Set<string>() };
    for (const t of p.titles) entry.titles.add(t);
    byKey.set(key, entry);
  }
  const personRows = [...byKey].map(([id, p]) => ({ id, name: p.name }));
  // A spelling with diacritics is the better display name: it replaces one without.
  for (const chunk of chunkRows(personRows, 2)) {
    stmts.push(
      db
        .insert(people)
        .values(chunk)
        .onConflictDoUpdate({
          target: people.id,
          set: {
            name: sql`CASE WHEN excluded.name <> ${people.id} AND length(CAST(excluded.name AS BLOB)) > length(CAST(${people.name} AS BLOB)) THEN excluded.name ELSE ${people.name} END`,
          },
        }),
    );
  }
  const mentionRows = [...byKey].flatMap(([personId, p]) =>
    (p.titles.size ? [...p.titles] : [""]).map((title) => ({ articleId, personId, nameAsWritten: p.name, title, published: x.published })),
  );
  for (const chunk of chunkRows(mentionRows, 5)) stmts.push(db.insert(personMentions).values(chunk).onConflictDoNothing());

  const quoteRows = x.quotes.map((q, seq) => {
    const key = q.speaker ? personKey(q.speaker) : null;
    return { articleId, seq, personId: key && byKey.has(key) ? key : null, speaker: q.speaker, text: q.text, published: x.published };
  });
  for (const chunk of chunkRows(quoteRows, 6)) stmts.push(db.insert(quotes).values(chunk));
  stmts.push(...personCountStatements(db, articleId, 1));

  const eventRows = x.events.map((e, seq) => ({
    articleId,
    seq,
    key: eventKey(e.name, e.start),
    name: e.name,
    start: e.start,
    end: e.end,
  }));
  for (const chunk of chunkRows(eventRows, 6)) stmts.push(db.insert(events).values(chunk));

  const countryRows = [...new Set(x.countries)].map((country) => ({ articleId, country }));
  for (const chunk of chunkRows(countryRows, 2)) stmts.push(db.insert(articleCountries).values(chunk));

  // The text now lives in R2 under textKey: a copy left from before the archive goes.
  stmts.push(db.delete(articleTexts).where(eq(articleTexts.articleId, articleId)));
  stmts.push(
    db
      .update(articles)
      .set({
        status: "extracted",
        reason: null,
        httpStatus: meta.httpStatus,
        finalUrl: meta.finalUrl,
        contentHash: meta.contentHash,
        pageKey: meta.pageKey,
        textKey: meta.textKey,
        lang: x.lang,
        title: x.title,
        published: x.published,
        author: x.author,
        extractorVersion: meta.extractorVersion,
        factCount: factRows.length,
        fetchedAt: sql`(strftime('%Y-%m-%dT%H:%M:%fZ','now'))`,
        updatedAt: sql`(strftime('%Y-%m-%dT%H:%M:%fZ','now'))`,
      })
      .where(eq(articles.id, articleId)),
  );
  stmts.push(bumpVersionStatement(db));
  return stmts;
}

/** Runs the statements as one batch. */
export async function writeArticle(db: Db, articleId: number, x: Extraction, meta: FetchedMeta): Promise<void> {
  const [first, ...rest] = articleWriteStatements(db, articleId, x, meta);
  await db.batch([first, ...rest]);
}
