/**
 * Where article main texts live. Today a D1 table; texts (~8 KB an article) are what fills a D1
 * database first, so this module is the one place to change to move them to R2.
 */
import { eq } from "drizzle-orm";
import type { BatchItem } from "drizzle-orm/batch";
import { articleTexts } from "../../schema/tables";
import type { Db } from "./client";

/** The statement that stores (or replaces) an article's text, to run inside the article's batch. */
export function putTextStatement(db: Db, articleId: number, text: string): BatchItem<"sqlite"> {
  return db.insert(articleTexts).values({ articleId, text }).onConflictDoUpdate({ target: articleTexts.articleId, set: { text } });
}

export async function getText(db: Db, articleId: number): Promise<string | null> {
  const row = await db.select({ text: articleTexts.text }).from(articleTexts).where(eq(articleTexts.articleId, articleId)).get();
  return row?.text ?? null;
}
