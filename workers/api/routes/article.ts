import { createRoute, z } from "@hono/zod-openapi";
import { asc, eq } from "drizzle-orm";
import { HTTPException } from "hono/http-exception";
import type { Schema } from "hono/types";
import { ARTICLE_EXAMPLE, ArticleOut, FACT_EXAMPLE, FactOut, IdParam, problemResponse } from "../../../schema/api";
import { articleCountries, articles, events, facts, people, personMentions, quotes } from "../../../schema/tables";
import { articleText } from "../../dataset/article-text";
import { createDb } from "../../db/client";
import type { ApiApp } from "../app-type";
import { factOut } from "../fact-json";
import { articleOut } from "./articles";
import { PUBLIC, RATE_LIMITED } from "./responses";

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
}).openapi("ArticleDetail", {
  // Its own example: extend() would otherwise carry Article's, which lacks these fields.
  example: {
    ...ARTICLE_EXAMPLE,
    author: "Minh Anh",
    final_url: "https://hanoimoi.vn/kinh-te/ha-noi-thu-hut-2-07-ty-usd-von-fdi-nam-2024",
    extractor_version: "0.4.2",
    text: "Năm 2024, Hà Nội thu hút 2,07 tỷ USD vốn đầu tư trực tiếp nước ngoài. …",
    facts: [FACT_EXAMPLE],
    people: [{ id: "nguyen-manh-quyen", name: "Nguyễn Mạnh Quyền", titles: ["Phó Chủ tịch UBND thành phố Hà Nội"] }],
    quotes: [{ speaker: "Nguyễn Mạnh Quyền", person_id: "nguyen-manh-quyen", text: "Hà Nội luôn đồng hành cùng nhà đầu tư." }],
    events: [{ name: "Hội nghị Xúc tiến đầu tư Hà Nội 2024", start: "2024-06-20", end: "2024-06-20" }],
    countries: ["KR", "JP", "SG"],
  },
});

const route = createRoute({
  method: "get",
  path: "/v1/articles/{id}",
  operationId: "getArticle",
  tags: ["articles"],
  summary: "One article with its text, facts, people, quotes, events and countries",
  security: PUBLIC,
  request: { params: IdParam },
  responses: {
    200: { description: "The article", content: { "application/json": { schema: ArticleDetail } } },
    400: problemResponse("Bad id"),
    404: problemResponse("No such article"),
    ...RATE_LIMITED,
  },
});

export function registerArticle<S extends Schema>(app: ApiApp<S>) {
  return app.openapi(route, async function getArticle(c) {
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
