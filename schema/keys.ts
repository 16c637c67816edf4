/**
 * Keys that group rows across articles, computed by the pipeline when it writes and by the API when
 * it looks a name up: both must agree, so both import them from here.
 */

/** Lower case without Vietnamese diacritics (đ → d): the same fold as the extractor's, for keys. */
function foldForKey(s: string): string {
  return s
    .normalize("NFD")
    .replace(/[\u0300-\u036f]/g, "")
    .replace(/[đĐ]/g, "d")
    .toLowerCase();
}

/**
 * A stable id for a person across spellings.
 * @example personKey("Nguyễn Mạnh Quyền") // "nguyen-manh-quyen", as personKey("Nguyen Manh Quyen")
 */
export function personKey(name: string): string {
  return foldForKey(name)
    .replace(/[^a-z0-9]+/g, "-")
    .replace(/^-|-$/g, "");
}

/** Groups mentions of one event across articles: folded name and start day. */
export function eventKey(name: string, start: string | null): string {
  return `${personKey(name)}@${start ?? ""}`;
}
