/**
 * Refuses URLs the bot must not fetch: schemes other than http(s), and hosts that name loopback,
 * private, link-local or otherwise internal addresses. Workers cannot resolve DNS before fetching,
 * so the guard judges the host as written (IP literals and internal names); Cloudflare's own egress
 * does not reach private networks in production.
 *
 * `allowPrivate` is `true` (any internal target: tooling only), or the hosts ("127.0.0.1:8790") a
 * source marked local may reach — its own, so a redirect or a link from a local source to another
 * internal address (a metadata service, a router) is still refused.
 *
 * @example unsafeTargetReason(new URL("http://169.254.169.254/"), ["127.0.0.1:8790"]) // "address 169.254.169.254 is …"
 */
export function unsafeTargetReason(url: URL, allowPrivate: boolean | readonly string[]): string | null {
  if (url.protocol !== "http:" && url.protocol !== "https:")
    return `scheme ${url.protocol.replace(":", "")} is not fetched (only http and https)`;
  if (url.username || url.password) return "URLs with credentials are not fetched";
  if (allowPrivate === true) return null;
  if (Array.isArray(allowPrivate) && allowPrivate.includes(url.host.toLowerCase())) return null;
  const host = url.hostname.toLowerCase().replace(/^\[|\]$/g, "");
  if (host === "localhost" || host.endsWith(".localhost") || host.endsWith(".local") || host.endsWith(".internal")) {
    return `host ${host} is internal`;
  }
  const v4 = parseIPv4(host);
  if (v4 && isPrivateV4(v4)) return `address ${host} is loopback, private or link-local`;
  if (host.includes(":") && isPrivateV6(host)) return `address ${host} is loopback, private or link-local`;
  return null;
}

function parseIPv4(host: string): number[] | null {
  const m = /^(\d{1,3})\.(\d{1,3})\.(\d{1,3})\.(\d{1,3})$/.exec(host);
  if (m) return m.slice(1).map(Number);
  // A bare decimal number ("2130706433") is also an IPv4 address to fetch().
  if (/^\d+$/.test(host)) {
    const n = Number(host);
    if (n <= 0xffffffff) return [n >>> 24, (n >>> 16) & 255, (n >>> 8) & 255, n & 255];
  }
  return null;
}

function isPrivateV4([a, b]: number[]): boolean {
  return (
    a === 0 ||
    a === 10 ||
    a === 127 ||
    (a === 100 && b >= 64 && b <= 127) ||
    (a === 169 && b === 254) ||
    (a === 172 && b >= 16 && b <= 31) ||
    (a === 192 && b === 168) ||
    (a === 198 && (b === 18 || b === 19)) ||
    a >= 224
  );
}

function isPrivateV6(host: string): boolean {
  const h = host.toLowerCase();
  if (h === "::1" || h === "::") return true;
  if (h.startsWith("fe8") || h.startsWith("fe9") || h.startsWith("fea") || h.startsWith("feb")) return true;
  if (h.startsWith("fc") || h.startsWith("fd")) return true;
  // IPv4-mapped (::ffff:a.b.c.d, which URL rewrites as ::ffff:7f00:1) and NAT64 (64:ff9b::a.b.c.d) reach IPv4 targets.
  const embedded = /^(?:::ffff:|64:ff9b::)(?:(\d+\.\d+\.\d+\.\d+)|([0-9a-f]{1,4}):([0-9a-f]{1,4}))$/.exec(h);
  if (embedded) {
    if (embedded[1]) {
      const v4 = parseIPv4(embedded[1]);
      return v4 ? isPrivateV4(v4) : true;
    }
    const hi = Number.parseInt(embedded[2], 16);
    const lo = Number.parseInt(embedded[3], 16);
    return isPrivateV4([hi >> 8, hi & 255, lo >> 8, lo & 255]);
  }
  // Other IPv4-embedding forms (deprecated ::a.b.c.d, ::ffff:0:…): refuse rather than guess.
  if (h.startsWith("::ffff:") || /^::[0-9a-f]{1,4}:[0-9a-f]{1,4}$/.test(h)) return true;
  return false;
}

/** The hosts a source may reach although they are internal: its own host when it is marked local, none otherwise. */
export function privateHostsFor(source: { local: boolean; url: string } | null | undefined): string[] {
  if (!source?.local) return [];
  try {
    return [new URL(source.url).host.toLowerCase()];
  } catch {
    return [];
  }
}
