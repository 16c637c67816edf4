/**
 * Why a body is not text an article can be read from, or null when it is. A binary file served as a page
 * (an image, an archive, a PDF sent as text/html) decodes to NUL bytes, control characters and U+FFFD
 * replacement characters; reading it would make up a language, figures and people out of noise.
 *
 * @example notTextReason("%PDF-1.7\u0000\u0000…") // "not text: 31% of the first 16 KB are control or undecodable characters"
 */
export function notTextReason(body: string): string | null {
  const sample = body.length > SAMPLE ? body.slice(0, SAMPLE) : body;
  if (sample.length === 0) return null;
  // Tab, line feed and carriage return are text; other C0 and C1 controls, DEL and U+FFFD are not.
  const bad = sample.match(NOT_TEXT_CHAR)?.length ?? 0;
  const share = bad / sample.length;
  if (share <= MAX_SHARE) return null;
  return `not text: ${Math.round(share * 100)}% of the first ${Math.round(SAMPLE / 1024)} KB are control or undecodable characters`;
}

// Binary files show it in their first kilobytes.
const SAMPLE = 16 * 1024;
// biome-ignore lint/suspicious/noControlCharactersInRegex: control characters are exactly what this counts.
const NOT_TEXT_CHAR = /[\u0000-\u0008\u000b\u000c\u000e-\u001f\u007f-\u009f\ufffd]/g;
// Real pages carry a stray control character or a mis-decoded letter here and there, never one in a hundred.
const MAX_SHARE = 0.01;

/** Thrown by extract() for a body that is not text (see notTextReason). */
export class NotTextError extends Error {
  constructor(reason: string) {
    super(reason);
    this.name = "NotTextError";
  }
}
