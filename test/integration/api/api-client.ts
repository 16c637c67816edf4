/** Calls the Worker's own fetch handler, as a client on the internet would. */
import { exports } from "cloudflare:workers";

export const ORIGIN = "http://api.test";

export function get(path: string, headers: Record<string, string> = {}): Promise<Response> {
  return exports.default.fetch(`${ORIGIN}${path}`, { headers });
}

export async function getJson<T>(path: string): Promise<T> {
  const res = await get(path);
  if (res.status !== 200) throw new Error(`${path} answered ${res.status}: ${await res.text()}`);
  return (await res.json()) as T;
}

export type SourceRef = { article_id: number; url: string; lang: string | null; sentence: string; value: number };
export type Observation = {
  id: number;
  metric: string;
  geo: string;
  period: { start: string; end: string };
  value: number;
  unit: string;
  currency: string | null;
  qualifier: string;
  status: "agreed" | "conflict";
  values: number[];
  fact_count: number;
  source_count: number;
  sources: SourceRef[];
};
export type Page<T> = { items: T[]; next_cursor: string | null };

/** Every item of a paged list, following next_cursor. */
export async function getAll<T>(path: string): Promise<T[]> {
  const out: T[] = [];
  let cursor: string | null = null;
  do {
    const sep = path.includes("?") ? "&" : "?";
    const page: Page<T> = await getJson<Page<T>>(`${path}${cursor ? `${sep}cursor=${cursor}` : ""}`);
    out.push(...page.items);
    cursor = page.next_cursor;
  } while (cursor);
  return out;
}
