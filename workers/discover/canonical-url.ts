/**
 * One spelling per article URL, so that the same page reached through different links is one row:
 * fragment dropped, host lower-cased, default port dropped, tracking parameters removed, the
 * remaining parameters sorted.
 *
 * @example canonicalUrl("HTTPS://News.Example.vn/a.html?utm_source=rss&id=2#top") // "https://news.example.vn/a.html?id=2"
 */
export function canonicalUrl(raw: string, base?: string): string | null {
  let u: URL;
  try {
    u = new URL(raw.trim(), base);
  } catch {
    return null;
  }
  if (u.protocol !== "http:" && u.protocol !== "https:") return null;
  u.hash = "";
  u.hostname = u.hostname.toLowerCase();
  if ((u.protocol === "http:" && u.port === "80") || (u.protocol === "https:" && u.port === "443")) u.port = "";
  const kept = [...u.searchParams].filter(([k]) => !isTracking(k)).sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
  u.search = "";
  for (const [k, v] of kept) u.searchParams.append(k, v);
  return u.href;
}

const TRACKING_EXACT = new Set([
  "fbclid",
  "gclid",
  "dclid",
  "gbraid",
  "wbraid",
  "msclkid",
  "yclid",
  "igshid",
  "mc_cid",
  "mc_eid",
  "_ga",
  "_gl",
  "ref",
  "ref_src",
  "cmpid",
  "ncid",
  "ocid",
  "spm",
  "zarsrc",
  "gidzl",
]);

function isTracking(key: string): boolean {
  const k = key.toLowerCase();
  return k.startsWith("utm_") || k.startsWith("pk_") || k.startsWith("mtm_") || TRACKING_EXACT.has(k);
}
