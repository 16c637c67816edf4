/** What the API says, read directly, to compare the rendered widgets and pages against. */
import type { Lang, Observation, Series, Summary } from "../../workers/widget/contract";
import { safeHref } from "../../workers/widget/contract";
import { formatChange, formatPeriod, formatPlan, formatValue, qualifierWord } from "../../workers/widget/format";

/** GETs JSON; null on 404 (an endpoint not there yet is an empty state, not a failure). */
export async function apiJson<T>(url: string): Promise<T | null> {
  const res = await fetch(url);
  if (res.status === 404) return null;
  if (!res.ok) throw new Error(`${res.status} from ${url}`);
  return (await res.json()) as T;
}

export const summaryOf = (api: string, lang: Lang, metrics: string[]) =>
  apiJson<Summary>(`${api}/v1/summary?lang=${lang}&metrics=${metrics.join(",")}`);

export const seriesOf = (api: string, metric: string, lang: Lang) => apiJson<Series>(`${api}/v1/metrics/${metric}/series?lang=${lang}`);

/** The value text a reader should see: qualifier word, then the formatted value. */
export function expectedValueText(o: Observation, lang: Lang): string {
  return [qualifierWord(o.qualifier, lang), formatValue(o.value, o.unit, o.currency, lang)].filter(Boolean).join(" ");
}

/** The pieces of the period/change line, in order. */
export function expectedMetaParts(item: Summary["items"][number], lang: Lang): string[] {
  const parts = [formatPeriod(item.latest.period, lang)];
  const ch = item.previous ? formatChange(item.change, item.unit, lang) : null;
  if (ch && item.previous) parts.push(ch.text, formatPeriod(item.previous.period, lang));
  const plan = formatPlan(item.plan, lang);
  if (plan) parts.push(plan);
  return parts;
}

/** Distinct http(s) source links of an observation, in API order. */
export function expectedSources(o: Observation): { href: string; title: string | null }[] {
  const seen = new Set<string>();
  const out: { href: string; title: string | null }[] = [];
  for (const s of o.sources ?? []) {
    const href = safeHref(s.url);
    if (href && !seen.has(href)) {
      seen.add(href);
      out.push({ href, title: s.title });
    }
  }
  return out;
}
