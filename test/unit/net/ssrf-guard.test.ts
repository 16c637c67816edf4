import { describe, expect, it } from "vitest";
import { privateHostsFor, unsafeTargetReason } from "../../../workers/net/ssrf-guard";

const reason = (url: string, allow: boolean | string[] = false) => unsafeTargetReason(new URL(url), allow);

/** [URL as a link or a Location header could write it, what the reason must name]. */
type Form = [string, RegExp];

describe("SSRF guard: IPv4 literals that are not globally reachable", () => {
  it.each<Form>([
    ["http://127.0.0.1/", /\(loopback\)$/],
    ["http://127.1.2.3:8080/x", /\(loopback\)$/],
    // The URL parser turns these into 127.0.0.1 before the guard sees them; the guard must still see loopback.
    ["http://2130706433/", /127\.0\.0\.1 .*\(loopback\)$/],
    ["http://0x7f.1/", /127\.0\.0\.1 .*\(loopback\)$/],
    ["http://0177.0.0.1/", /127\.0\.0\.1 .*\(loopback\)$/],
    ["http://10.0.0.1/", /\(private\)$/],
    ["http://172.16.5.4/", /\(private\)$/],
    ["http://172.31.255.254/", /\(private\)$/],
    ["http://192.168.1.1/", /\(private\)$/],
    ["http://169.254.169.254/latest/meta-data/", /\(link-local\)$/],
    ["http://0.0.0.0/", /\(unspecified\)$/],
    ["http://0.1.2.3/", /\(unspecified\)$/],
    ["http://100.64.0.1/", /carrier-grade NAT\)$/],
    ["http://100.127.255.254/", /carrier-grade NAT\)$/],
    ["http://192.0.0.8/", /\(IETF protocol assignments\)$/],
    ["http://192.0.2.10/", /\(documentation\)$/],
    ["http://198.51.100.7/", /\(documentation\)$/],
    ["http://203.0.113.99/", /\(documentation\)$/],
    ["http://198.18.0.1/", /\(benchmarking\)$/],
    ["http://198.19.255.1/", /\(benchmarking\)$/],
    ["http://192.88.99.1/", /\(6to4 relay anycast\)$/],
    ["http://240.0.0.1/", /\(reserved\)$/],
    ["http://255.255.255.255/", /\(broadcast\)$/],
    ["http://224.0.0.251/", /\(multicast\)$/],
    ["http://239.255.255.250/", /\(multicast\)$/],
  ])("refuses %s", (url, named) => {
    expect(reason(url)).toMatch(/^address \S+ is not globally reachable \(.+\)$/);
    expect(reason(url)).toMatch(named);
  });

  it.each([
    "http://8.8.8.8/",
    "http://1.1.1.1/",
    "http://100.63.255.255/",
    "http://100.128.0.1/",
    "http://172.32.0.1/",
    "http://198.20.0.1/",
  ])("lets the public address %s through, even next to a special range", (url) => {
    expect(reason(url)).toBeNull();
  });
});

describe("SSRF guard: IPv6 literals", () => {
  it.each<Form>([
    ["http://[::1]/", /\(loopback\)$/],
    ["http://[::]/", /\(unspecified\)$/],
    ["http://[fe80::1]/", /\(link-local\)$/],
    ["http://[fd00::1]/", /\(unique local\)$/],
    ["http://[fc12:3456::1]/", /\(unique local\)$/],
    ["http://[fec0::1]/", /\(site-local\)$/],
    ["http://[ff02::1]/", /\(multicast\)$/],
    ["http://[100::1]/", /\(discard-only\)$/],
    ["http://[2001:db8::1]/", /\(documentation\)$/],
    ["http://[3fff::1]/", /\(documentation\)$/],
    ["http://[2001:2::1]/", /\(benchmarking\)$/],
    ["http://[5f00::1]/", /segment identifiers\)$/],
    // Unallocated space outside 2000::/3 that no named range covers.
    ["http://[4000::1]/", /\(outside global unicast\)$/],
  ])("refuses %s", (url, named) => {
    expect(reason(url)).toMatch(named);
  });

  it("lets global unicast through", () => {
    expect(reason("http://[2606:4700:4700::1111]/")).toBeNull();
    expect(reason("https://[2001:4860:4860::8888]/dns")).toBeNull();
  });
});

describe("SSRF guard: IPv6 forms that carry an IPv4 address", () => {
  it("refuses IPv4-mapped addresses whatever they carry, written dotted or in hex", () => {
    expect(reason("http://[::ffff:127.0.0.1]/")).toMatch(/\(IPv4-mapped\)$/);
    expect(reason("http://[::ffff:a9fe:a9fe]/")).toMatch(/\(IPv4-mapped\)$/);
    // A public IPv4 in mapped form is still the host's own IPv4 stack talking: no reason to allow it.
    expect(reason("http://[::ffff:8.8.8.8]/")).toMatch(/\(IPv4-mapped\)$/);
  });

  it("refuses deprecated IPv4-compatible addresses (::a.b.c.d)", () => {
    expect(reason("http://[::127.0.0.1]/")).toMatch(/\(IPv4-compatible\)$/);
    expect(reason("http://[::10.1.1.1]/")).toMatch(/\(IPv4-compatible\)$/);
  });

  it("refuses IPv4-translated addresses (::ffff:0:a.b.c.d)", () => {
    expect(reason("http://[::ffff:0:7f00:1]/")).toMatch(/\(IPv4-translated\)$/);
  });

  it("judges well-known-prefix NAT64 (64:ff9b::/96) by the IPv4 it reaches", () => {
    expect(reason("http://[64:ff9b::10.0.0.1]/")).toMatch(/\(NAT64 of 10\.0\.0\.1, private\)$/);
    expect(reason("http://[64:ff9b::7f00:1]/")).toMatch(/\(NAT64 of 127\.0\.0\.1, loopback\)$/);
    expect(reason("http://[64:ff9b::a9fe:a9fe]/")).toMatch(/\(NAT64 of 169\.254\.169\.254, link-local\)$/);
    expect(reason("http://[64:ff9b::8.8.8.8]/")).toBeNull();
  });

  it("refuses local-use NAT64 (64:ff9b:1::/48) whatever it carries", () => {
    expect(reason("http://[64:ff9b:1::a00:1]/")).toMatch(/\(local-use NAT64\)$/);
    expect(reason("http://[64:ff9b:1:ffff::808:808]/")).toMatch(/\(local-use NAT64\)$/);
  });

  it("judges 6to4 (2002::/16) by the IPv4 in bits 16–47", () => {
    expect(reason("http://[2002:7f00:1::]/")).toMatch(/\(6to4 of 127\.0\.0\.1, loopback\)$/);
    expect(reason("http://[2002:c0a8:101::1]/")).toMatch(/\(6to4 of 192\.168\.1\.1, private\)$/);
    expect(reason("http://[2002:a9fe:a9fe:1::5]/")).toMatch(/\(6to4 of 169\.254\.169\.254, link-local\)$/);
    expect(reason("http://[2002:808:808::1]/")).toBeNull();
  });

  it("refuses Teredo (2001::/32): the client address inside is obfuscated and tunnelled", () => {
    expect(reason("http://[2001:0:4136:e378:8000:63bf:3fff:fdd2]/")).toMatch(/\(Teredo tunnel\)$/);
    expect(reason("http://[2001::1]/")).toMatch(/\(Teredo tunnel\)$/);
  });
});

describe("SSRF guard: names, schemes, credentials", () => {
  it.each([
    "http://localhost:8787/",
    "http://localhost./",
    "http://api.localhost/",
    "http://db.internal/",
    "http://metadata.google.internal./computeMetadata/v1/",
    "http://printer.local/",
    "http://nas.home.arpa/",
  ])("refuses the internal name in %s", (url) => {
    expect(reason(url)).toMatch(/^host \S+ is internal$/);
  });

  it("does not mistake a public name for an address or an internal name", () => {
    expect(reason("https://hanoimoi.vn/tin-tuc/a.html")).toBeNull();
    expect(reason("https://localhost-news.vn/")).toBeNull();
    expect(reason("https://internal.example.vn/")).toBeNull();
    expect(reason("https://10.0.0.1.nip.example/")).toBeNull();
  });

  it.each(["ftp://example.vn/a", "file:///etc/passwd", "data:text/html,hi", "javascript:alert(1)", "gopher://x/"])(
    "fetches only http and https, not %s",
    (url) => {
      expect(reason(url)).toMatch(/^scheme \w+ is not fetched \(only http and https\)$/);
    },
  );

  it("refuses credentials in URLs, even to a public host or an allowed local one", () => {
    expect(reason("https://user:pw@example.vn/")).toBe("URLs with credentials are not fetched");
    expect(reason("https://token@example.vn/")).toBe("URLs with credentials are not fetched");
    expect(reason("http://u:p@127.0.0.1:8790/", ["127.0.0.1:8790"])).toBe("URLs with credentials are not fetched");
  });
});

describe("SSRF guard: the local-source exception", () => {
  it("lets a local source reach its own host and port, and no other internal target", () => {
    const allowed = privateHostsFor({ local: true, url: "http://127.0.0.1:8790/rss.xml" });
    expect(allowed).toEqual(["127.0.0.1:8790"]);
    expect(reason("http://127.0.0.1:8790/tin-tuc/a.html", allowed)).toBeNull();
    expect(reason("http://127.0.0.1:22/", allowed)).toMatch(/\(loopback\)$/);
    expect(reason("http://169.254.169.254/", allowed)).toMatch(/\(link-local\)$/);
    expect(reason("http://[::ffff:127.0.0.1]:8790/", allowed)).toMatch(/\(IPv4-mapped\)$/);
  });

  it("gives a source that is not local no exception", () => {
    expect(privateHostsFor({ local: false, url: "http://127.0.0.1:8790/" })).toEqual([]);
    expect(privateHostsFor(null)).toEqual([]);
    expect(reason("http://10.0.0.1/", true)).toBeNull();
  });
});
