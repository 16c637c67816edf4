/**
 * An article's main text for the API: from R2 when the article has a text key, else from the
 * D1 table that held texts before the archive (until the pipeline has moved it).
 */
import { eq } from "drizzle-orm";
import { articleTexts } from "../../schema/tables";
import { getText } from "../archive/texts";
import type { Db } from "../db/client";

export async function articleText(db: Db, bucket: R2Bucket, articleId: number, textKey: string | null): Promise<string | null> {
  if (textKey) return getText(bucket, textKey);
  const row = await db.select({ text: articleTexts.text }).from(articleTexts).where(eq(articleTexts.articleId, articleId)).get();
  return row?.text ?? null;
}
