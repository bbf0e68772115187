import { describe, expect, it } from 'vitest';
import { ERROR_CATALOGUE, formatErrorMessage, localeFromAcceptLanguage, type ErrorCode } from './error-codes.ts';

describe('error catalogue', () => {
  it('has a Vietnamese and an English message for every code, with the same placeholders', () => {
    for (const [code, entry] of Object.entries(ERROR_CATALOGUE)) {
      const placeholders = (text: string) => [...text.matchAll(/\{(\w+)\}/g)].map((m) => m[1]).sort();
      expect(entry.vi.length, code).toBeGreaterThan(5);
      expect(placeholders(entry.vi), code).toEqual(placeholders(entry.en));
      expect(entry.status).toBeGreaterThanOrEqual(400);
    }
  });
  it('fills placeholders', () => {
    expect(formatErrorMessage('auth.account_locked' as ErrorCode, 'vi', { minutes: 15 })).toContain('15 phút');
  });
  it('chooses Vietnamese unless English is preferred', () => {
    expect(localeFromAcceptLanguage(undefined)).toBe('vi');
    expect(localeFromAcceptLanguage('en-US,en;q=0.9')).toBe('en');
    expect(localeFromAcceptLanguage('fr-FR, vi;q=0.5, en;q=0.4')).toBe('vi');
    expect(localeFromAcceptLanguage('de')).toBe('vi');
  });
});
