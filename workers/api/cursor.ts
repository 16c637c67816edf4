/** Opaque cursors for keyset pagination, base64url-encoded: a numeric id ("i…") or a text key ("k…"). */
import type { ArticleCursor } from "../db/articles";

function toBase64Url(raw: string): string {
  const bytes = new TextEncoder().encode(raw);
  let bin = "";
  for (const b of bytes) bin += String.fromCharCode(b);
  return btoa(bin).replace(/\+/g, "-").replace(/\//g, "_").replace(/=+$/, "");
}

function fromBase64Url(cursor: string): string | null {
  try {
    const bin = atob(cursor.replace(/-/g, "+").replace(/_/g, "/"));
    return new TextDecoder("utf-8", { fatal: true, ignoreBOM: false }).decode(Uint8Array.from(bin, (ch) => ch.charCodeAt(0)));
  } catch {
    return null;
  }
}

export function encodeCursor(id: number): string {
  return toBase64Url(`i${id}`);
}

/** The id a cursor carries, or null when the cursor is not one this API issued. */
export function decodeCursor(cursor: string): number | null {
  const m = /^i(\d{1,16})$/.exec(fromBase64Url(cursor) ?? "");
  return m ? Number(m[1]) : null;
}

/** A cursor naming the last article of a page: its id, and its publication date when it has one. */
export function encodeArticleCursor(c: ArticleCursor): string {
  return encodeKeyCursor(c.published === null ? `${c.articleId}` : `${c.articleId} ${c.published}`);
}

/** The article an article cursor names, or null when the cursor is not one this API issued. */
export function decodeArticleCursor(cursor: string): ArticleCursor | null {
  const m = /^(\d{1,16})(?: (.+))?$/s.exec(decodeKeyCursor(cursor) ?? "");
  return m ? { articleId: Number(m[1]), published: m[2] ?? null } : null;
}

/** A cursor over a text key (people ids, event keys). */
export function encodeKeyCursor(key: string): string {
  return toBase64Url(`k${key}`);
}

export function decodeKeyCursor(cursor: string): string | null {
  const raw = fromBase64Url(cursor);
  return raw?.startsWith("k") && raw.length <= 200 ? raw.slice(1) : null;
}
