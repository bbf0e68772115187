import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { checkCitizenId, isOldIdentityCardNumber, normalizeVietnamesePhone } from './identity-numbers.ts';
import { checkPasswordPolicy } from './password-policy.ts';

const today = new Date('2026-11-22T00:00:00Z');

describe('citizen identity numbers', () => {
  it('reads province, sex and birth year from a 12-digit number', () => {
    expect(checkCitizenId('031190012345', today)).toEqual({ valid: true, info: { provinceCode: '031', sex: 'female', birthYear: 1990 } });
    expect(checkCitizenId('001205012345', today)).toEqual({ valid: true, info: { provinceCode: '001', sex: 'male', birthYear: 2005 } });
  });
  it('refuses wrong length, letters, unknown province codes and births in the future', () => {
    expect(checkCitizenId('03119001234', today)).toMatchObject({ valid: false, reason: 'format' });
    expect(checkCitizenId('03119001234a', today)).toMatchObject({ valid: false, reason: 'format' });
    expect(checkCitizenId('099190012345', today)).toMatchObject({ valid: false, reason: 'province' });
    expect(checkCitizenId('031290012345', today)).toMatchObject({ valid: false, reason: 'birth_year' });
  });
  it('property: every valid number round-trips its century/sex digit', () => {
    fc.assert(
      fc.property(
        fc.constantFrom('001', '031', '079', '096'),
        fc.integer({ min: 1930, max: 2026 }),
        fc.boolean(),
        fc.stringMatching(/^\d{6}$/),
        (province, year, isFemale, serial) => {
          const century = year >= 2000 ? 2 : 0;
          const id = `${province}${century + (isFemale ? 1 : 0)}${String(year % 100).padStart(2, '0')}${serial}`;
          const result = checkCitizenId(id, today);
          expect(result).toEqual({ valid: true, info: { provinceCode: province, sex: isFemale ? 'female' : 'male', birthYear: year } });
        },
      ),
    );
  });
  it('property: anything that is not 12 digits is refused, never thrown on', () => {
    fc.assert(
      fc.property(fc.string(), (value) => {
        const result = checkCitizenId(value, today);
        if (!/^\d{12}$/.test(value)) expect(result).toMatchObject({ valid: false, reason: 'format' });
      }),
    );
  });
  it('accepts the old 9-digit identity card number', () => {
    expect(isOldIdentityCardNumber('031234567')).toBe(true);
    expect(isOldIdentityCardNumber('03123456')).toBe(false);
  });
});

describe('Vietnamese phone numbers', () => {
  it('accepts mobile and landline numbers in national or international form', () => {
    expect(normalizeVietnamesePhone('0912 345 678')).toBe('+84912345678');
    expect(normalizeVietnamesePhone('+84 912-345-678')).toBe('+84912345678');
    expect(normalizeVietnamesePhone('024 3825 1234')).toBe('+842438251234');
  });
  it('refuses short, foreign and garbage numbers', () => {
    expect(normalizeVietnamesePhone('12345')).toBeNull();
    expect(normalizeVietnamesePhone('+1 202 555 0100')).toBeNull();
    expect(normalizeVietnamesePhone('abc')).toBeNull();
  });
  it('property: never throws, and anything accepted is E.164 with +84', () => {
    fc.assert(
      fc.property(fc.string(), (value) => {
        const result = normalizeVietnamesePhone(value);
        if (result !== null) expect(result).toMatch(/^\+84\d{8,10}$/);
      }),
    );
    fc.assert(
      fc.property(fc.constantFrom('3', '5', '7', '8', '9'), fc.stringMatching(/^\d{8}$/), (prefix, rest) => {
        const result = normalizeVietnamesePhone(`0${prefix}${rest}`);
        if (result !== null) expect(result).toBe(`+84${prefix}${rest}`);
      }),
    );
  });
});

describe('password policy', () => {
  it('lists what a weak password lacks', () => {
    expect(checkPasswordPolicy('abc')).toEqual(['too_short', 'needs_upper', 'needs_digit', 'needs_symbol']);
    expect(checkPasswordPolicy('Mật-Khẩu-Mạnh-2026')).toEqual([]);
    expect(checkPasswordPolicy('Nguyenvana@2026', 'nguyenvana')).toEqual(['contains_username']);
  });
});
