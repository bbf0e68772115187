import { parsePhoneNumberFromString } from 'libphonenumber-js/max';

/**
 * Citizen identity number (CCCD, 12 digits, Circular 07/2016/TT-BCA and successors):
 * 3 digits province-of-birth code, 1 digit century-and-sex (0/1: 1900s male/female, 2/3: 2000s,
 * 4/5: 2100s, 6/7: 2200s, 8/9: 1800s), 2 digits year of birth, 6 random digits.
 */
const CENTURY_BY_DIGIT: Record<string, number> = {
  '0': 1900,
  '1': 1900,
  '2': 2000,
  '3': 2000,
  '4': 2100,
  '5': 2100,
  '6': 2200,
  '7': 2200,
  '8': 1800,
  '9': 1800,
};

/** Province-of-birth codes used in citizen IDs (the 63 pre-2025 provinces, by their ID prefix). */
const ID_PROVINCE_CODES = new Set([
  '001',
  '002',
  '004',
  '006',
  '008',
  '010',
  '011',
  '012',
  '014',
  '015',
  '017',
  '019',
  '020',
  '022',
  '024',
  '025',
  '026',
  '027',
  '030',
  '031',
  '033',
  '034',
  '035',
  '036',
  '037',
  '038',
  '040',
  '042',
  '044',
  '045',
  '046',
  '048',
  '049',
  '051',
  '052',
  '054',
  '056',
  '058',
  '060',
  '062',
  '064',
  '066',
  '067',
  '068',
  '070',
  '072',
  '074',
  '075',
  '077',
  '079',
  '080',
  '082',
  '083',
  '084',
  '086',
  '087',
  '089',
  '091',
  '092',
  '093',
  '094',
  '095',
  '096',
]);

export interface CitizenIdInfo {
  provinceCode: string;
  sex: 'male' | 'female';
  birthYear: number;
}

export type CitizenIdCheck = { valid: true; info: CitizenIdInfo } | { valid: false; reason: 'format' | 'province' | 'birth_year' };

export function checkCitizenId(value: string, today: Date = new Date()): CitizenIdCheck {
  if (!/^\d{12}$/.test(value)) return { valid: false, reason: 'format' };
  const provinceCode = value.slice(0, 3);
  if (!ID_PROVINCE_CODES.has(provinceCode)) return { valid: false, reason: 'province' };
  const centuryDigit = value[3] as string;
  const birthYear = (CENTURY_BY_DIGIT[centuryDigit] ?? 1900) + Number(value.slice(4, 6));
  if (birthYear > today.getUTCFullYear() || birthYear < today.getUTCFullYear() - 130) {
    return { valid: false, reason: 'birth_year' };
  }
  return { valid: true, info: { provinceCode, sex: Number(centuryDigit) % 2 === 0 ? 'male' : 'female', birthYear } };
}

/** The old identity card (CMND): 9 digits. */
export function isOldIdentityCardNumber(value: string): boolean {
  return /^\d{9}$/.test(value);
}

/** Vietnamese phone numbers, national or +84 form; returns the E.164 form or null. */
export function normalizeVietnamesePhone(value: string): string | null {
  const trimmed = value.trim();
  if (!/^[+\d][\d\s.\-()]{6,20}$/.test(trimmed)) return null;
  const phone = parsePhoneNumberFromString(trimmed, 'VN');
  if (!phone || phone.country !== 'VN' || !phone.isValid()) return null;
  return phone.number;
}
