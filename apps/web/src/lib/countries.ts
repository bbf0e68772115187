import { COUNTRY_CODES } from '@atmis/domain';

const displayNames = new Map<string, Intl.DisplayNames>();

function namesFor(language: string): Intl.DisplayNames {
  const locale = language === 'en' ? 'en' : 'vi';
  let names = displayNames.get(locale);
  if (!names) {
    names = new Intl.DisplayNames([locale], { type: 'region', fallback: 'code' });
    displayNames.set(locale, names);
  }
  return names;
}

/** A country's name in the UI language ("CN" → "Trung Quốc"), the code itself when unknown. */
export function countryName(code: string | null | undefined, language: string): string {
  if (!code) return '';
  try {
    return namesFor(language).of(code) ?? code;
  } catch {
    return code;
  }
}

/** Options for a country select: "Trung Quốc (CN)", in Vietnamese (or English) alphabetical order. */
export function countryOptions(language: string): { value: string; label: string }[] {
  const collator = new Intl.Collator(language === 'en' ? 'en' : 'vi');
  return COUNTRY_CODES.map((code) => ({ value: code, label: `${countryName(code, language)} (${code})` })).sort((a, b) =>
    collator.compare(a.label, b.label),
  );
}
