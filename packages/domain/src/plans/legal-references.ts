/**
 * A legal-basis reference names a document by "number/symbol" ("45/KH-UBND", "193/QĐ-TTg").
 * Splits it at the first slash; references without both parts (laws cited by name) give null.
 */
export function splitDocumentNumber(value: unknown): { number: string; symbol: string } | null {
  if (typeof value !== 'string') return null;
  const match = /^\s*([0-9A-Za-z]+)\s*\/\s*(\S.*?)\s*$/.exec(value);
  return match ? { number: match[1]!, symbol: match[2]! } : null;
}

/** The document's own number as printed ("45/KH-UBND"), for matching references to it. */
export function documentNumberKey(number: string | null, symbol: string | null): string | null {
  return number && symbol ? `${number}/${symbol}`.toLowerCase() : null;
}
