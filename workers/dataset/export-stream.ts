/**
 * Streamed exports: a ReadableStream that pages through D1 by keyset (id > last) and encodes each
 * page as it arrives, so an export of any size holds one page in memory and starts at once.
 */

export const EXPORT_PAGE_ROWS = 500;

/**
 * A stream of `header` then every row `fetchPage` yields, each page encoded by `encode`.
 * @example keysetStream((after) => readPage(after), (rows) => rows.map(JSON.stringify).join("\n"))
 */
export function keysetStream<T extends { id: number }>(
  fetchPage: (afterId: number, limit: number) => Promise<T[]>,
  encode: (rows: T[]) => string,
  header = "",
  pageRows = EXPORT_PAGE_ROWS,
): ReadableStream<Uint8Array> {
  const encoder = new TextEncoder();
  let after = 0;
  let started = false;
  return new ReadableStream<Uint8Array>({
    async pull(controller) {
      if (!started && header) controller.enqueue(encoder.encode(header));
      started = true;
      const rows = await fetchPage(after, pageRows);
      if (rows.length > 0) {
        after = rows[rows.length - 1].id;
        controller.enqueue(encoder.encode(encode(rows)));
      }
      if (rows.length < pageRows) controller.close();
    },
  });
}
