import i18next from 'i18next';
import { initReactI18next } from 'react-i18next';
import { setLanguageProvider } from '../api.ts';
import { setDateLocale } from '../format.ts';
import { en } from './en.ts';
import { vi } from './vi.ts';

export type Language = 'vi' | 'en';
export const LANGUAGE_STORAGE_KEY = 'atmis.lang';

export function storedLanguage(): Language {
  try {
    return window.localStorage.getItem(LANGUAGE_STORAGE_KEY) === 'en' ? 'en' : 'vi';
  } catch {
    return 'vi';
  }
}

export const i18n = i18next.createInstance();

void i18n.use(initReactI18next).init({
  resources: { vi: { translation: vi }, en: { translation: en } },
  lng: storedLanguage(),
  fallbackLng: 'vi',
  interpolation: { escapeValue: false },
  initAsync: false,
});

export function currentLanguage(): Language {
  return i18n.language === 'en' ? 'en' : 'vi';
}

setLanguageProvider(() => (currentLanguage() === 'en' ? 'en' : 'vi'));
setDateLocale(currentLanguage());
document.documentElement.lang = currentLanguage();

export async function changeLanguage(language: Language): Promise<void> {
  try {
    window.localStorage.setItem(LANGUAGE_STORAGE_KEY, language);
  } catch {
    // private mode: the choice lasts for this tab only
  }
  setDateLocale(language);
  document.documentElement.lang = language;
  await i18n.changeLanguage(language);
}

/** A label from the domain's `{ vi, en }` records in the current language. */
export function pickLabel(label: { vi: string; en: string } | undefined, fallback = ''): string {
  if (!label) return fallback;
  return currentLanguage() === 'en' ? label.en : label.vi;
}
