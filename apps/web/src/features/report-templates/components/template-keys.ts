import { foldVietnamese } from '@atmis/domain';

/** The longest key the domain accepts (reportKeySchema: a letter, then up to 39 of a-z, 0-9, _). */
export const MAX_KEY_LENGTH = 40;

/**
 * A key suggested from a Vietnamese label: folded to ASCII (the domain's foldVietnamese: marks
 * stripped, đ → d), lower case, every run of other characters turned into one "_", at most 40
 * characters, starting with a letter ("16 tuổi" → "k_16_tuoi"). Empty when the label has no letter
 * or digit. "Số tin báo tiếp nhận" → "so_tin_bao_tiep_nhan".
 */
export function suggestKey(label: string): string {
  const words = foldVietnamese(label)
    .replace(/[^a-z0-9]+/g, '_')
    .replace(/^_+|_+$/g, '');
  if (!words) return '';
  const key = /^[a-z]/.test(words) ? words : `k_${words}`;
  return trimKey(key);
}

function trimKey(key: string, room = MAX_KEY_LENGTH): string {
  return key.slice(0, room).replace(/_+$/, '');
}

/**
 * The suggested key, made unique among `taken` by a suffix (_2, _3 …) that still fits in 40
 * characters; `fallback` when the label gives nothing ("row" → row, row_2 …).
 */
export function uniqueKey(label: string, taken: Iterable<string>, fallback: string): string {
  const used = new Set(taken);
  const base = suggestKey(label) || fallback;
  if (!used.has(base)) return base;
  for (let n = 2; ; n += 1) {
    const suffix = `_${n}`;
    const candidate = `${trimKey(base, MAX_KEY_LENGTH - suffix.length)}${suffix}`;
    if (!used.has(candidate)) return candidate;
  }
}
