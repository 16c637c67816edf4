import { createRoute, z } from "@hono/zod-openapi";
import { asc, eq } from "drizzle-orm";
import { HTTPException } from "hono/http-exception";
import { ArticleOut, ErrorBody, FactOut, IdParam } from "../../../schema/api";
import { articleCountries, articles, events, facts, people, personMentions, quotes } from "../../../schema/tables";
import { articleText } from "../../dataset/article-text";
import { createDb } from "../../db/client";
import type { Router } from "../app-type";
import { factOut } from "../fact-json";
import { articleOut } from "./articles";

const ArticleDetail = ArticleOut.extend({
  author: z.string().nullable(),
  final_url: z.string().nullable(),
  extractor_version: z.string().nullable(),
  text: z.string().nullable(),
  facts: z.array(FactOut),
  people: z.array(z.object({ id: z.string(), name: z.string(), titles: z.array(z.string()) })),
  quotes: z.array(z.object({ speaker: z.string().nullable(), person_id: z.string().nullable(), text: z.string() })),
  events: z.array(z.object({ name: z.string(), start: z.string().nullable(), end: z.string().nullable() })),
  countries: z.array(z.string()),
}).openapi("ArticleDetail");

const route = createRoute({
  method: "get",
  path: "/v1/articles/{id}",
  tags: ["articles"],
  summary: "One article with its text, facts, people, quotes, events and countries",
  request: { params: IdParam },
  responses: {
    200: { description: "The article", content: { "application/json": { schema: ArticleDetail } } },
    400: { description: "Bad id", content: { "application/json": { schema: ErrorBody } } },
    404: { description: "No such article", content: { "application/json": { schema: ErrorBody } } },
  },
});

export function registerArticle(app: Router): void {
  app.openapi(route, async function getArticle(c) {
    const { id } = c.req.valid("param");
    const db = createDb(c.env.DB);
    const a = await db.select().from(articles).where(eq(articles.id, id)).get();
    if (!a) throw new HTTPException(404, { message: `no article with id ${id}` });
    const [text, factRows, mentionRows, quoteRows, eventRows, countryRows] = await Promise.all([
      articleText(db, c.env.ARCHIVE, id, a.textKey),
      db.select().from(facts).where(eq(facts.articleId, id)).orderBy(asc(facts.seq)).all(),
      db
        .select({ id: people.id, name: people.name, title: personMentions.title })
        .from(personMentions)
        .innerJoin(people, eq(people.id, personMentions.personId))
        .where(eq(personMentions.articleId, id))
        .all(),
      db.select().from(quotes).where(eq(quotes.articleId, id)).orderBy(asc(quotes.seq)).all(),
      db.select().from(events).where(eq(events.articleId, id)).orderBy(asc(events.seq)).all(),
      db.select().from(articleCountries).where(eq(articleCountries.articleId, id)).all(),
    ]);
    const byPerson = new Map<string, { id: string; name: string; titles: string[] }>();
    for (const m of mentionRows) {
      const p = byPerson.get(m.id) ?? { id: m.id, name: m.name, titles: [] };
      if (m.title) p.titles.push(m.title);
      byPerson.set(m.id, p);
    }
    return c.json(
      {
        ...articleOut(a),
        author: a.author,
        final_url: a.finalUrl,
        extractor_version: a.extractorVersion,
        text,
        facts: factRows.map((f) => factOut(f)),
        people: [...byPerson.values()],
        quotes: quoteRows.map((q) => ({ speaker: q.speaker, person_id: q.personId, text: q.text })),
        events: eventRows.map((e) => ({ name: e.name, start: e.start, end: e.end })),
        countries: countryRows.map((r) => r.country),
      },
      200,
    );
  });
}
