import { lazy } from "./lazy";

/**
 * Folds text for matching: lower case, Vietnamese diacritics and đ removed, spaces collapsed.
 * "Nguyễn Mạnh Quyền" and "Nguyen Manh Quyen" fold to the same key.
 *
 * @example fold("Hà Nội") // "ha noi"
 */
export function fold(s: string): string {
  return s
    .normalize("NFD")
    .replace(/[\u0300-\u036f]/g, "")
    .replace(/[đĐ]/g, "d")
    .toLowerCase()
    .replace(/\s+/g, " ")
    .trim();
}

// The folded form of each unit from U+00C0 to U+1FFF (Latin-1, Latin Extended, Vietnamese), one unit each.
// Some 7,900 normalisations: built on the first fold, not when the module loads.
const FOLDED = lazy(() => {
  const table: string[] = [];
  for (let code = 0xc0; code < 0x2000; code++) {
    const c = String.fromCharCode(code);
    const base = c.normalize("NFD").replace(/[\u0300-\u036f]/g, "");
    const f = c === "đ" || c === "Đ" ? "d" : base.length === 1 ? base.toLowerCase() : c.toLowerCase();
    table[code] = f.length === 1 ? f : c;
  }
  return table;
});
const NON_ASCII = /[\u00c0-\u1fff]/g;
const foldChar = (c: string) => FOLDED()[c.charCodeAt(0)] ?? c;

/**
 * Folds like `fold` but keeps every position: each UTF-16 unit becomes exactly one, so an index
 * in the folded string is the same index in the original (spaces are not collapsed).
 * Expects NFC text (Vietnamese letters are then single units).
 *
 * @example foldKeepingPositions("Tăng 6,52%") // "tang 6,52%"
 */
export function foldKeepingPositions(s: string): string {
  let lower = s.toLowerCase();
  // A few letters lower-case to two units ("İ"): fold those one by one instead.
  if (lower.length !== s.length)
    lower = Array.from(s, (c) => (c.length === 1 && c.toLowerCase().length === 1 ? c.toLowerCase() : c)).join("");
  return lower.replace(NON_ASCII, foldChar);
}
