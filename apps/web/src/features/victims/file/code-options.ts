import { pickLabel } from '../../../lib/i18n/index.ts';

/** Labels of several codes, joined for reading ("Bóc lột tình dục; Cưỡng bức lao động"). */
export function codeLabels<T extends string>(codes: readonly T[], labels: Readonly<Record<T, { vi: string; en: string }>>): string {
  return codes.map((code) => pickLabel(labels[code], code)).join('; ');
}

/** 1536 → "1,5 KB" (Vietnamese decimal comma). */
export function formatBytes(size: number, language: string): string {
  const format = (value: number) =>
    new Intl.NumberFormat(language === 'en' ? 'en-US' : 'vi-VN', { maximumFractionDigits: 1 }).format(value);
  if (size < 1024) return `${size} B`;
  if (size < 1024 * 1024) return `${format(size / 1024)} KB`;
  return `${format(size / 1024 / 1024)} MB`;
}
