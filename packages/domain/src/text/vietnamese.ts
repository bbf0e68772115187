/**
 * Vietnamese text rules shared by server, browser and the database's vn_fold():
 * personal text is stored NFC-normalised; search keys are folded (strip marks, đ→d, lower case).
 */
export function normalizeText(value: string): string {
  return value.normalize('NFC').replace(/\s+/g, ' ').trim();
}

/** The same folding as SQL vn_fold(): "Nguyễn Đức" → "nguyen duc". */
export function foldVietnamese(value: string): string {
  return value
    .normalize('NFD')
    .replace(/[\u0300-\u036f]/g, '')
    .replace(/đ/g, 'd')
    .replace(/Đ/g, 'D')
    .toLowerCase()
    .normalize('NFC');
}

const collator = new Intl.Collator('vi', { sensitivity: 'base', numeric: true });

/** Vietnamese sort order (a < ă < â < b …, đ after d). */
export function compareVietnamese(a: string, b: string): number {
  return collator.compare(a, b);
}

/** True when the string holds lone UTF-16 surrogates or NUL, which must never reach storage. */
export function hasInvalidCharacters(value: string): boolean {
  // eslint-disable-next-line no-control-regex
  return /[\u0000]|[\ud800-\udbff](?![\udc00-\udfff])|(?<![\ud800-\udbff])[\udc00-\udfff]/.test(value);
}

/**
 * The words of a search box: every word must match (in any order, accent-insensitively), so
 * "so noi vu hai phong" finds "Sở Nội vụ thành phố Hải Phòng". At most 8 words are used.
 */
export function searchWords(query: string): string[] {
  return normalizeText(query)
    .split(' ')
    .map((word) => word.replace(/^[^\p{L}\p{N}]+|[^\p{L}\p{N}]+$/gu, ''))
    .filter((word) => word.length > 0)
    .slice(0, 8);
}
