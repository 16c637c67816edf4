/**
 * Refuses URLs the bot must not fetch: schemes other than http(s), credentials in the URL, internal
 * host names, and IP literals that are not globally reachable. Workers cannot resolve DNS before
 * fetching, so the guard judges the host as written; Cloudflare's own egress does not reach private
 * networks in production.
 *
 * Addresses are classified by ipaddr.js (`range()`, which follows the IANA special-purpose
 * registries); only plain `unicast` passes. IPv6 forms that carry an IPv4 address to a translator
 * (NAT64 64:ff9b::/96, 6to4 2002::/16) pass only when the IPv4 they carry would pass; the forms
 * that reach a host's own IPv4 stack or a tunnel (IPv4-mapped, -compatible, -translated, Teredo,
 * local-use NAT64 64:ff9b:1::/48) are refused whatever they carry. IPv6 outside global unicast
 * (2000::/3) is refused too, which covers what the library does not name (IPv4-compatible ::/96,
 * the dummy prefix 100:0:0:1::/64, unallocated space).
 *
 * `allowPrivate` is `true` (any internal target: tooling only), or the hosts ("127.0.0.1:8790") a
 * source marked local may reach — its own, so a redirect or a link from a local source to another
 * internal address (a metadata service, a router) is still refused.
 *
 * @example unsafeTargetReason(new URL("http://169.254.169.254/"), ["127.0.0.1:8790"])
 *          // "address 169.254.169.254 is not globally reachable (link-local)"
 */
import ipaddr from "ipaddr.js";

type Address = ipaddr.IPv4 | ipaddr.IPv6;

export function unsafeTargetReason(url: URL, allowPrivate: boolean | readonly string[]): string | null {
  if (url.protocol !== "http:" && url.protocol !== "https:")
    return `scheme ${url.protocol.replace(":", "")} is not fetched (only http and https)`;
  if (url.username || url.password) return "URLs with credentials are not fetched";
  if (allowPrivate === true) return null;
  if (Array.isArray(allowPrivate) && allowPrivate.includes(url.host.toLowerCase())) return null;
  const host = url.hostname.toLowerCase().replace(/^\[|\]$/g, "");
  // "localhost." is the same name as "localhost" to a resolver.
  const name = host.replace(/\.+$/, "");
  if (INTERNAL_NAMES.some((n) => name === n || name.endsWith(`.${n}`))) return `host ${name} is internal`;
  const address = parseAddress(host);
  if (!address) return null;
  const why = notGlobal(address);
  return why ? `address ${host} is not globally reachable (${why})` : null;
}

/** Names that never resolve to the public Internet: RFC 6761 localhost, mDNS, cloud-internal DNS, RFC 8375 home networks. */
const INTERNAL_NAMES = ["localhost", "local", "internal", "home.arpa"];

/** An IP literal as the URL parser left it (it already turned "2130706433" and "0x7f.1" into dotted IPv4); null for a name. */
function parseAddress(host: string): Address | null {
  if (host.includes(":")) return ipaddr.IPv6.isValid(host) ? ipaddr.IPv6.parse(host) : null;
  // Only the four-part form: anything else the URL parser would have normalized, so it is a name.
  return ipaddr.IPv4.isValidFourPartDecimal(host) ? ipaddr.IPv4.parse(host) : null;
}

/** Readable names for ipaddr.js ranges in reasons. */
const LABELS: Record<string, string> = {
  unspecified: "unspecified",
  broadcast: "broadcast",
  multicast: "multicast",
  linkLocal: "link-local",
  loopback: "loopback",
  carrierGradeNat: "shared address space, carrier-grade NAT",
  private: "private",
  as112: "AS112 DNS sink",
  amt: "AMT relay anycast",
  uniqueLocal: "unique local",
  ipv4Mapped: "IPv4-mapped",
  rfc6145: "IPv4-translated",
  deprecatedSiteLocal: "site-local",
  discard: "discard-only",
  teredo: "Teredo tunnel",
  benchmarking: "benchmarking",
  as112v6: "AS112 DNS sink",
  deprecatedOrchid: "ORCHID",
  orchid2: "ORCHIDv2",
  droneRemoteIdProtocolEntityTags: "drone remote ID tags",
  segmentRouting: "SRv6 segment identifiers",
};

/** ipaddr.js files these under `reserved`; a reason names which. */
const RESERVED: Record<string, [ipaddr.IPv4 | ipaddr.IPv6, number][]> = {
  documentation: ["192.0.2.0/24", "198.51.100.0/24", "203.0.113.0/24", "2001:db8::/32", "3fff::/20"].map(cidr),
  benchmarking: ["198.18.0.0/15"].map(cidr),
  "IETF protocol assignments": ["192.0.0.0/24", "2001::/23"].map(cidr),
  "6to4 relay anycast": ["192.88.99.0/24"].map(cidr),
};

function cidr(s: string): [ipaddr.IPv4 | ipaddr.IPv6, number] {
  return ipaddr.parseCIDR(s);
}

const NAT64_WELL_KNOWN = ipaddr.IPv6.parseCIDR("64:ff9b::/96");
const GLOBAL_UNICAST_V6 = ipaddr.IPv6.parseCIDR("2000::/3");

/** Why an address is not a public target (a short label), or null when it is plain global unicast. */
function notGlobal(address: Address): string | null {
  // range() is typed narrower than what the library returns (deprecatedSiteLocal, discard, …).
  const range: string = address.range();
  const label = () => (range === "reserved" ? ipaddr.subnetMatch(address, RESERVED, "reserved") : (LABELS[range] ?? range));
  if (address.kind() === "ipv4") return range === "unicast" ? null : label();
  const v6 = address as ipaddr.IPv6;
  const embedded = embeddedIPv4(v6);
  if (embedded) {
    const inner = notGlobal(embedded);
    return inner ? `${embedded.form} of ${embedded.toString()}, ${inner}` : null;
  }
  if (range !== "unicast") return range === "rfc6052" ? "local-use NAT64" : label();
  if (!v6.match(GLOBAL_UNICAST_V6)) return isV4Compatible(v6) ? "IPv4-compatible" : "outside global unicast";
  return null;
}

/** The IPv4 address a translator would reach for this IPv6 address: well-known NAT64 and 6to4 only. */
function embeddedIPv4(v6: ipaddr.IPv6): (ipaddr.IPv4 & { form: string }) | null {
  const p = v6.parts;
  const fromWords = (hi: number, lo: number, form: string) =>
    Object.assign(new ipaddr.IPv4([hi >> 8, hi & 255, lo >> 8, lo & 255]), { form });
  if (v6.match(NAT64_WELL_KNOWN)) return fromWords(p[6], p[7], "NAT64");
  if (p[0] === 0x2002) return fromWords(p[1], p[2], "6to4");
  return null;
}

/** ::a.b.c.d (deprecated, RFC 4291): the first 96 bits zero; ::1 and :: are named by range() already. */
function isV4Compatible(v6: ipaddr.IPv6): boolean {
  return v6.parts.slice(0, 6).every((w) => w === 0);
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
