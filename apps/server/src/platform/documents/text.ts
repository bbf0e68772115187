/**
 * Text clean-up shared by the document exports (.docx and .xlsx): both are XML inside a zip, and a
 * single character that XML 1.0 forbids makes Word or Excel refuse to open the file.
 */

/** Characters XML 1.0 forbids; a stray one would make Word or Excel refuse to open the file. */
// eslint-disable-next-line no-control-regex
export const XML_INVALID = /[\u0000-\u0008\u000B\u000C\u000E-\u001F\uFFFE\uFFFF]/g;

/** Line breaks normalised to `\n` and the characters XML forbids removed. */
export function clean(text: string): string {
  return text.replace(/\r\n?/g, '\n').replace(XML_INVALID, '');
}

/** Cleaned and upper-cased with the Vietnamese rules (issuer names, signer titles). */
export function upper(text: string): string {
  return clean(text).toLocaleUpperCase('vi-VN');
}

/** Non-empty, trimmed lines of a multi-line value (none for null or blank). */
export function linesOf(text: string | null | undefined): string[] {
  if (!text) return [];
  return clean(text)
    .split('\n')
    .map((l) => l.trim())
    .filter((l) => l.length > 0);
}
