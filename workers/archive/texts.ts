/**
 * Main texts in R2 (about 8 KB an article: what would fill a D1 database first). D1 keeps only the
 * key; the API reads the text from here, falling back to the old D1 table for articles whose text
 * the pipeline has not moved yet.
 */
import { textKeyOf } from "./keys";

/** Stores an article's main text and returns its key. */
export async function putText(bucket: R2Bucket, articleId: number, text: string): Promise<string> {
  const key = textKeyOf(articleId);
  await bucket.put(key, text, { httpMetadata: { contentType: "text/plain; charset=utf-8" } });
  return key;
}

/** The text stored under `key`, or null when the object is missing. */
export async function getText(bucket: R2Bucket, key: string): Promise<string | null> {
  const obj = await bucket.get(key);
  return obj ? obj.text() : null;
}
