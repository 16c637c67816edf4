/**
 * Where an article's archived objects live in R2. Keys are derived from the article id, so one
 * article has exactly one page and one text; D1 records the key once the object is written.
 */
export const pageKeyOf = (articleId: number): string => `pages/${articleId}.html.gz`;
export const textKeyOf = (articleId: number): string => `texts/${articleId}.txt`;
