import type { facts } from "../../schema/tables";

type FactRow = Pick<
  typeof facts.$inferSelect,
  | "id"
  | "articleId"
  | "metric"
  | "value"
  | "unit"
  | "currency"
  | "periodStart"
  | "periodEnd"
  | "geo"
  | "qualifier"
  | "basis"
  | "partDimension"
  | "partMember"
  | "sentence"
>;
type ArticleRef = { url: string; title: string | null; published: string | null; lang: string | null };

/** A fact as the API and the NDJSON export show it (schema/api.ts FactOut), with its article when given. */
export function factOut(f: FactRow, article?: ArticleRef) {
  return {
    id: f.id,
    article_id: f.articleId,
    metric: f.metric,
    value: f.value,
    unit: f.unit,
    currency: f.currency,
    period: f.periodStart && f.periodEnd ? { start: f.periodStart, end: f.periodEnd } : null,
    geo: f.geo,
    qualifier: f.qualifier,
    basis: f.basis,
    part: f.partDimension && f.partMember ? { dimension: f.partDimension, member: f.partMember } : null,
    sentence: f.sentence,
    ...(article ? { article } : {}),
  };
}
