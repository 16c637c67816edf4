/**
 * windows-1258 (Vietnamese) by table, for runtimes whose TextDecoder lacks it. Bytes below 0x80
 * are ASCII; 0xA0–0xFF are Latin-1 except where Vietnamese needs its letters (Ă, Đ, Ơ, Ư, ₫) and
 * the five tone marks, which this code page writes as combining characters after the vowel.
 */

/** 0x80–0x9F: punctuation and a few letters; C1 control codes where the code page has no character. */
const HIGH_C1 = [
  0x20ac, 0x81, 0x201a, 0x192, 0x201e, 0x2026, 0x2020, 0x2021, 0x2c6, 0x2030, 0x8a, 0x2039, 0x152, 0x8d, 0x8e, 0x8f, 0x90, 0x2018, 0x2019,
  0x201c, 0x201d, 0x2022, 0x2013, 0x2014, 0x2dc, 0x2122, 0x9a, 0x203a, 0x153, 0x9d, 0x9e, 0x178,
];

/** Where 0xA0–0xFF differ from Latin-1. */
const VIETNAMESE: Record<number, number> = {
  195: 0x102, // Ă
  204: 0x300, // combining grave (huyền)
  208: 0x110, // Đ
  210: 0x309, // combining hook above (hỏi)
  213: 0x1a0, // Ơ
  221: 0x1af, // Ư
  222: 0x303, // combining tilde (ngã)
  227: 0x103, // ă
  236: 0x301, // combining acute (sắc)
  240: 0x111, // đ
  242: 0x323, // combining dot below (nặng)
  245: 0x1a1, // ơ
  253: 0x1b0, // ư
  254: 0x20ab, // ₫
};

const TABLE: string[] = Array.from({ length: 256 }, (_, b) =>
  String.fromCharCode(b < 0x80 ? b : b < 0xa0 ? HIGH_C1[b - 0x80] : (VIETNAMESE[b] ?? b)),
);

/**
 * Decodes windows-1258 bytes; the result is NFC, so "Hà Nội" comes out precomposed as it does from UTF-8.
 * @example decodeWindows1258(new Uint8Array([0x48, 0xe0, 0x20, 0x4e, 0xf4, 0xf2, 0x69])) // "Hà Nội"
 */
export function decodeWindows1258(bytes: Uint8Array): string {
  const parts: string[] = [];
  // Join in slices: one string per byte is fine, one giant spread is not.
  for (let i = 0; i < bytes.length; i += 8192) {
    let chunk = "";
    const end = Math.min(bytes.length, i + 8192);
    for (let j = i; j < end; j++) chunk += TABLE[bytes[j]];
    parts.push(chunk);
  }
  return parts.join("").normalize("NFC");
}
