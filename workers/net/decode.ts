/**
 * Decodes a fetched body to text. The charset comes from, in order: a byte-order mark, the
 * Content-Type header, a <meta charset> / http-equiv in the first 4 KB; utf-8 otherwise. A page that
 * declares utf-8 but is not valid utf-8 (a common CMS fault with windows-1258 pages) is decoded again
 * as windows-1258, which maps every byte. Every label goes to the runtime's TextDecoder (workerd and
 * Node both know windows-1258 and its aliases, test/integration/net/decode.test.ts). The text is
 * returned in NFC: that code page (and some CMSs) write Vietnamese tone marks as combining
 * characters, which would otherwise not match precomposed text.
 *
 * @example decodeBody(bytes, "text/html; charset=windows-1258")
 */
export function decodeBody(bytes: Uint8Array, contentType: string | null): string {
  return decodeRaw(bytes, contentType).normalize("NFC");
}

function decodeRaw(bytes: Uint8Array, contentType: string | null): string {
  const declared = charsetFromBom(bytes) ?? charsetFrom(contentType) ?? charsetFromMeta(bytes) ?? "utf-8";
  const label = normalizeLabel(declared);
  if (label === "utf-8") {
    try {
      return new TextDecoder("utf-8", { fatal: true, ignoreBOM: false }).decode(bytes);
    } catch {
      return decodeWith("windows-1258", bytes);
    }
  }
  return decodeWith(label, bytes);
}

function decodeWith(label: string, bytes: Uint8Array): string {
  try {
    return new TextDecoder(label).decode(bytes);
  } catch {
    // An unknown label: utf-8 with replacement characters loses less than refusing the page.
    return new TextDecoder("utf-8").decode(bytes);
  }
}

function normalizeLabel(label: string): string {
  const l = label
    .trim()
    .toLowerCase()
    .replace(/^["']|["']$/g, "");
  if (l === "utf8" || l === "unicode-1-1-utf-8") return "utf-8";
  return l;
}

function charsetFromBom(b: Uint8Array): string | null {
  if (b[0] === 0xef && b[1] === 0xbb && b[2] === 0xbf) return "utf-8";
  if (b[0] === 0xff && b[1] === 0xfe) return "utf-16le";
  if (b[0] === 0xfe && b[1] === 0xff) return "utf-16be";
  return null;
}

/** The charset parameter of a Content-Type value, if any. */
export function charsetFrom(contentType: string | null): string | null {
  if (!contentType) return null;
  const m = /charset\s*=\s*["']?([\w.:-]+)/i.exec(contentType);
  return m ? m[1] : null;
}

function charsetFromMeta(bytes: Uint8Array): string | null {
  // Latin-1 maps bytes 1:1, so ASCII markup reads right whatever the real charset is.
  const head = new TextDecoder("latin1").decode(bytes.subarray(0, 4096));
  const m = /<meta[^>]+charset\s*=\s*["']?\s*([\w.:-]+)/i.exec(head);
  return m ? m[1] : null;
}
