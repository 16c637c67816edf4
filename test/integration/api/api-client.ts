/** Calls the Worker's own fetch handler, as a client on the internet would. */
import { exports } from "cloudflare:workers";
import { expect } from "vitest";

export const ORIGIN = "http://api.test";

export function get(path: string, headers: Record<string, string> = {}): Promise<Response> {
  return exports.default.fetch(`${ORIGIN}${path}`, { headers });
}

export async function getJson<T>(path: string): Promise<T> {
  const res = await get(path);
  if (res.status !== 200) throw new Error(`${path} answered ${res.status}: ${await res.text()}`);
  return (await res.json()) as T;
}

/** An error answer: an RFC 9457 problem (application/problem+json). */
export type ProblemJson = {
  type: string;
  title: string;
  status: number;
  detail: string;
  instance: string;
  issues?: { param: string; message: string }[];
};

/** The `type` of a kind of problem on the test origin. */
export const problemType = (kind: string) => `${ORIGIN}/docs/problems#${kind}`;

/**
 * Reads an error answer and checks what every problem promises: the problem+json media type, the
 * five members (status equal to the HTTP status), `type` of the expected kind, and `instance` the
 * request's path and query when `instance` is given.
 */
export async function readProblem(res: Response, kind: string, instance?: string): Promise<ProblemJson> {
  expect(res.headers.get("content-type")).toMatch(/^application\/problem\+json/);
  const body = (await res.json()) as ProblemJson;
  expect(body).toMatchObject({
    type: problemType(kind),
    title: expect.any(String),
    status: res.status,
    detail: expect.any(String),
    instance: expect.stringMatching(/^\//),
  });
  if (instance !== undefined) expect(body.instance).toBe(instance);
  return body;
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
