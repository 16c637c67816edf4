/**
 * The migration step that empties D1 of main texts: texts written before the R2 archive existed
 * move to R2, a chunk at a time (every cron run, and on the operator's "move-texts" command), and
 * their D1 rows go. Readers use the D1 row while it is there, so the move is invisible to the API.
 * Idempotent: a chunk cut short by a failure is moved again by the next run.
 */
import { eq, inArray } from "drizzle-orm";
import { articles, articleTexts } from "../../schema/tables";
import { putText } from "../archive/texts";
import { createDb } from "../db/client";

/** Moves up to `limit` texts from D1 to R2; returns how many moved (0 when none are left). */
export async function moveTextsToArchive(env: Pick<PipelineEnv, "DB" | "ARCHIVE">, limit: number): Promise<number> {
  const db = createDb(env.DB);
  const rows = await db.select().from(articleTexts).orderBy(articleTexts.articleId).limit(limit).all();
  if (rows.length === 0) return 0;
  const keys = await Promise.all(rows.map(async (r) => ({ id: r.articleId, key: await putText(env.ARCHIVE, r.articleId, r.text) })));
  const [first, ...rest] = [
    ...keys.map(({ id, key }) => db.update(articles).set({ textKey: key }).where(eq(articles.id, id))),
    db.delete(articleTexts).where(
      inArray(
        articleTexts.articleId,
        keys.map((k) => k.id),
      ),
    ),
  ];
  await db.batch([first, ...rest]);
  return rows.length;
}
