/** What discovery puts on the articles queue: the article row already exists, the consumer fills it. */
export interface ArticleMessage {
  articleId: number;
  url: string;
  sourceId: string;
}

export function isArticleMessage(body: unknown): body is ArticleMessage {
  const b = body as Partial<ArticleMessage> | null;
  return typeof b === "object" && b !== null && typeof b.articleId === "number" && typeof b.url === "string";
}
