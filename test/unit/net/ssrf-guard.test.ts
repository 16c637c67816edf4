import { describe, expect, it } from "vitest";
import { privateHostsFor, unsafeTargetReason } from "../../../workers/net/ssrf-guard";

const reason = (url: string, allow: boolean | string[] = false) => unsafeTargetReason(new URL(url), allow);

describe("SSRF guard", () => {
  it.each([
    "http://127.0.0.1/",
    "http://127.1.2.3:8080/x",
    "http://10.0.0.1/",
    "http://172.16.5.4/",
    "http://192.168.1.1/",
    "http://169.254.169.254/latest/meta-data/",
    "http://0.0.0.0/",
    "http://100.64.0.1/",
    "http://[::1]/",
    "http://[fe80::1]/",
    "http://[fd00::1]/",
    "http://[::ffff:127.0.0.1]/",
    "http://[::ffff:a9fe:a9fe]/",
    "http://[64:ff9b::10.0.0.1]/",
    "http://[::127.0.0.1]/",
    "http://2130706433/",
    "http://localhost:8787/",
    "http://db.internal/",
    "http://printer.local/",
  ])("refuses %s", (url) => {
    expect(reason(url)).toMatch(/loopback, private or link-local|is internal/);
  });

  it.each(["ftp://example.vn/a", "file:///etc/passwd", "data:text/html,hi", "javascript:alert(1)", "gopher://x/"])(
    "fetches only http and https, not %s",
    (url) => {
      expect(reason(url)).toMatch(/^scheme \w+ is not fetched \(only http and https\)$/);
    },
  );

  it("refuses credentials in URLs and allows public hosts", () => {
    expect(reason("https://user:pw@example.vn/")).toBe("URLs with credentials are not fetched");
    expect(reason("https://hanoimoi.vn/tin-tuc/a.html")).toBeNull();
    expect(reason("http://8.8.8.8/")).toBeNull();
  });

  it("lets a local source reach its own host only", () => {
    const allowed = privateHostsFor({ local: true, url: "http://127.0.0.1:8790/rss.xml" });
    expect(allowed).toEqual(["127.0.0.1:8790"]);
    expect(reason("http://127.0.0.1:8790/tin-tuc/a.html", allowed)).toBeNull();
    expect(reason("http://127.0.0.1:22/", allowed)).toMatch(/loopback/);
    expect(reason("http://169.254.169.254/", allowed)).toMatch(/link-local/);
    expect(privateHostsFor({ local: false, url: "http://127.0.0.1:8790/" })).toEqual([]);
  });
});
