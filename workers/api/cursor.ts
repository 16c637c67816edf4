/** Opaque cursors for keyset pagination: the last row's numeric id, base64url-encoded. */
export function encodeCursor(id: number): string {
  return btoa(`i${id}`).replace(/\+/g, "-").replace(/\//g, "_").replace(/=+$/, "");
}

/** The id a cursor carries, or null when the cursor is not one this API issued. */
export function decodeCursor(cursor: string): number | null {
  try {
    const raw = atob(cursor.replace(/-/g, "+").replace(/_/g, "/"));
    const m = /^i(\d{1,16})$/.exec(raw);
    return m ? Number(m[1]) : null;
  } catch {
    return null;
  }
}
