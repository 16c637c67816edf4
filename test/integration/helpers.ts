import { testEnv as env } from "./test-env";

/** Adds a source that points at the test server (marked local, so the SSRF guard lets it reach loopback). */
export async function addLocalSource(id: string, kind: "rss" | "sitemap" | "pages", path: string): Promise<void> {
  await env.DB.prepare("INSERT INTO sources (id, name, kind, url, local) VALUES (?, ?, ?, ?, 1)")
    .bind(id, id, kind, `${env.TEST_ORIGIN}${path}`)
    .run();
}

/** Polls until `check` holds or the time is up; returns the last value seen. */
export async function waitFor<T>(read: () => Promise<T>, check: (v: T) => boolean, timeoutMs = 20_000): Promise<T> {
  const until = Date.now() + timeoutMs;
  let v = await read();
  while (!check(v) && Date.now() < until) {
    await new Promise((r) => setTimeout(r, 200));
    v = await read();
  }
  return v;
}

export async function countRows(table: string, where = "1=1", ...binds: unknown[]): Promise<number> {
  const row = await env.DB.prepare(`SELECT count(*) AS n FROM ${table} WHERE ${where}`)
    .bind(...binds)
    .first<{ n: number }>();
  return row?.n ?? 0;
}
