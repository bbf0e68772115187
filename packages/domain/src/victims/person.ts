import { z } from 'zod';
import { bidiControlMessage, firstBidiControl, normalizeFreeText } from '../contracts/common.ts';
import { dayNumber, isoFromDayNumber } from '../plans/task-timing.ts';
import { foldVietnamese, hasInvalidCharacters } from '../text/vietnamese.ts';
import { checkCitizenId, isOldIdentityCardNumber, normalizeVietnamesePhone } from '../validators/identity-numbers.ts';
import { isCountryCode, SEXES } from './codes.ts';

/**
 * The person in a victim file: identity input, age rules ("treat as a child when in doubt"),
 * masking for need-to-know display, and keys for accent-insensitive search and duplicate detection.
 */

// ---------------------------------------------------------------------------------------------
// Dates

const ISO_DATE = /^\d{4}-\d{2}-\d{2}$/;

/** A calendar date that exists: `2026-02-30` and `2025-02-29` do not. */
export function isRealIsoDate(value: string): boolean {
  return ISO_DATE.test(value) && isoFromDayNumber(dayNumber(value)) === value;
}

/** `2026-02-03` → `03/02/2026`. */
export function formatVietnameseDate(isoDate: string): string {
  const [year, month, day] = isoDate.split('-');
  return `${day}/${month}/${year}`;
}

const yearOf = (isoDate: string) => Number(isoDate.slice(0, 4));

/** Whole years from `from` to `to` (negative when `to` is earlier), as an age is counted. */
function completedYears(from: string, to: string): number {
  const years = yearOf(to) - yearOf(from);
  const fromMonthDay = from.slice(5);
  const toMonthDay = to.slice(5);
  if (years > 0 && toMonthDay < fromMonthDay) return years - 1;
  if (years < 0 && toMonthDay > fromMonthDay) return years + 1;
  return years;
}

export const EARLIEST_BIRTH_DATE = '1900-01-01';

// ---------------------------------------------------------------------------------------------
// Age

/**
 * When the age comes from an estimate, or the recorded age is flagged uncertain, the person may be
 * up to this many years younger (or older) than recorded. A person estimated at 20 may be 17, so is
 * treated as a child: the file treats a person as a child until evidence says otherwise
 * (UNICEF/IOM practice for age assessment; Luật Trẻ em 2016 protects everyone under 16 and the
 * trafficking law everyone under 18).
 */
export const AGE_UNCERTAINTY_MARGIN_YEARS = 3;
export const ADULT_AGE = 18;
export const MAX_AGE = 120;

/** What the file knows about the person's age. The first known of date of birth, birth year, estimate is used. */
export interface AgeFacts {
  dateOfBirth?: string | null;
  birthYear?: number | null;
  /** An estimate of the age in years, made on `ageEstimatedOn`. It ages with time. */
  estimatedAge?: number | null;
  /** When the estimate was made; without it the estimate is taken as of the date asked about. */
  ageEstimatedOn?: string | null;
  /** The recorded date of birth or year may be wrong (no papers, forged papers, contradicting statements). */
  ageUncertain?: boolean | null;
}

export type AgeBand = 'under_16' | '16_17' | '18_plus' | 'unknown';
export const AGE_BANDS: readonly AgeBand[] = ['under_16', '16_17', '18_plus', 'unknown'];

export const AGE_BAND_LABELS: Readonly<Record<AgeBand, { vi: string; en: string }>> = {
  under_16: { vi: 'Dưới 16 tuổi', en: 'Under 16' },
  '16_17': { vi: 'Từ đủ 16 đến dưới 18 tuổi', en: '16 to 17' },
  '18_plus': { vi: 'Từ đủ 18 tuổi trở lên', en: '18 and over' },
  unknown: { vi: 'Chưa rõ tuổi', en: 'Age unknown' },
};

/**
 * The best single figure for the age on `date`, or null when nothing is known:
 * the exact age from a date of birth; from a birth year alone, the age the person has surely reached
 * (year difference minus one, as the birthday may not have come yet); an estimate, aged by the whole
 * years since it was made.
 */
export function ageOn(person: AgeFacts, date: string): number | null {
  if (person.dateOfBirth) return completedYears(person.dateOfBirth, date);
  if (person.birthYear !== null && person.birthYear !== undefined) return Math.max(0, yearOf(date) - person.birthYear - 1);
  if (person.estimatedAge !== null && person.estimatedAge !== undefined) {
    const since = person.ageEstimatedOn ? completedYears(person.ageEstimatedOn, date) : 0;
    return Math.max(0, person.estimatedAge + since);
  }
  return null;
}

/**
 * The ages the person may have on `date`, with the uncertainty margin applied to estimates and to
 * ages flagged uncertain; null when nothing is known.
 */
export function possibleAgeRange(person: AgeFacts, date: string): { min: number; max: number } | null {
  const best = ageOn(person, date);
  if (best === null) return null;
  let min = best;
  let max = best;
  if (!person.dateOfBirth && person.birthYear !== null && person.birthYear !== undefined) max = best + 1;
  const isEstimate = !person.dateOfBirth && (person.birthYear === null || person.birthYear === undefined);
  if (isEstimate || person.ageUncertain) {
    min -= AGE_UNCERTAINTY_MARGIN_YEARS;
    max += AGE_UNCERTAINTY_MARGIN_YEARS;
  }
  return { min: Math.max(0, min), max };
}

/**
 * Whether the file treats the person as a child on `today`: when they are known to be under 18, or
 * may be under 18 — an estimate or an uncertain age within the margin of 18
 * (`AGE_UNCERTAINTY_MARGIN_YEARS`), or no age at all with the age flagged uncertain. With no age
 * information and no flag, the person is not presumed a child (record the flag when in doubt).
 */
export function isTreatedAsChild(person: AgeFacts, today: string): boolean {
  const range = possibleAgeRange(person, today);
  if (range === null) return Boolean(person.ageUncertain);
  return range.min < ADULT_AGE;
}

/**
 * The statistical age band on `date`. A person treated as a child is never counted as an adult:
 * they fall in the band of their best age figure, capped at 16–17 (an estimated 19-year-old is
 * counted 16–17). A person treated as a child with no age information at all is counted under 16,
 * the most protective band (Penal Code Art. 151 and the child-protection rules apply); the file
 * should be corrected once the age is established. Without any age information otherwise: unknown.
 */
export function ageBand(person: AgeFacts, date: string): AgeBand {
  const age = ageOn(person, date);
  if (isTreatedAsChild(person, date)) {
    if (age === null || age < 16) return 'under_16';
    return '16_17';
  }
  return age === null ? 'unknown' : '18_plus';
}

// ---------------------------------------------------------------------------------------------
// Input schema

function requiredText(label: string, max: number) {
  return z
    .string({ error: `${label} là bắt buộc.` })
    .max(max * 2, { error: `${label} quá dài (tối đa ${max} ký tự).` })
    .refine((value) => !hasInvalidCharacters(value), { error: `${label} chứa ký tự không hợp lệ.` })
    .refine((value) => firstBidiControl(value) === null, {
      error: (issue) => bidiControlMessage(label, firstBidiControl(String(issue.input)) ?? 'U+202E'),
    })
    .transform(normalizeFreeText)
    .pipe(
      z
        .string()
        .min(1, { error: `${label} là bắt buộc.` })
        .max(max, { error: `${label} quá dài (tối đa ${max} ký tự).` }),
    );
}

/** Blank strings (from forms), null and undefined all become null. */
function optional<T extends z.ZodType>(inner: T) {
  return z
    .preprocess((value) => (typeof value === 'string' && value.trim() === '' ? null : value), inner.nullish())
    .transform((value) => value ?? null);
}

function isoDateField(label: string) {
  return z.string({ error: `${label} không hợp lệ.` }).superRefine((value, ctx) => {
    if (!ISO_DATE.test(value)) ctx.addIssue({ code: 'custom', message: `${label} phải có dạng năm-tháng-ngày (YYYY-MM-DD).` });
    else if (!isRealIsoDate(value)) {
      ctx.addIssue({ code: 'custom', message: `${label} không hợp lệ: ngày ${formatVietnameseDate(value)} không có trong lịch.` });
    }
  });
}

const INTERNATIONAL_PHONE = /^\+[1-9]\d{7,14}$/;

/**
 * A Vietnamese number (national or +84 form), stored in E.164; or a foreign number written with its
 * country code (+...), for persons abroad and foreign relatives. A +84 number must be a valid Vietnamese one.
 */
export function normalizePersonPhone(value: string): string | null {
  const vietnamese = normalizeVietnamesePhone(value);
  if (vietnamese) return vietnamese;
  const compact = value.replace(/[\s.\-()]/g, '');
  if (INTERNATIONAL_PHONE.test(compact) && !compact.startsWith('+84')) return compact;
  return null;
}

const PHONE_ERROR = 'Số điện thoại không hợp lệ (số Việt Nam, hoặc số nước ngoài ghi kèm mã nước, ví dụ +60…).';

function phoneField() {
  return z
    .string({ error: PHONE_ERROR })
    .max(40, { error: PHONE_ERROR })
    .transform((value, ctx) => {
      const phone = normalizePersonPhone(value);
      if (phone === null) {
        ctx.addIssue({ code: 'custom', message: PHONE_ERROR });
        return z.NEVER;
      }
      return phone;
    });
}

/** Org-unit path ids: `VN.31.10507` (since 2025) or `VN.L31.303.11311` (before 2025); existence is checked by the server. */
export const PERSON_ORG_UNIT_ID = /^VN(\.L?\d{2}(\.\d{3})?(\.\d{5})?)?$/;

export const VIETNAMESE_PASSPORT = /^[A-Z]\d{7,8}$/;
export const FOREIGN_PASSPORT = /^[A-Z0-9]{6,20}$/;

export const guardianSchema = z.strictObject(
  {
    fullName: requiredText('Họ và tên người giám hộ', 120),
    relationship: requiredText('Quan hệ với người được giám hộ', 60),
    phone: optional(phoneField()),
  },
  { error: 'Thông tin người giám hộ không hợp lệ.' },
);

export const personInputSchema = z.strictObject(
  {
    fullName: requiredText('Họ và tên', 120),
    otherNames: z
      .array(requiredText('Tên gọi khác', 120), { error: 'Tên gọi khác phải là danh sách.' })
      .max(10, { error: 'Tối đa 10 tên gọi khác.' })
      .nullish()
      .transform((value) => value ?? []),
    sex: z.enum(SEXES, { error: 'Giới tính không hợp lệ.' }),
    dateOfBirth: optional(isoDateField('Ngày sinh')),
    birthYear: optional(z.number({ error: 'Năm sinh phải là số.' }).int({ error: 'Năm sinh phải là số nguyên.' })),
    estimatedAge: optional(
      z
        .number({ error: 'Tuổi ước tính phải là số.' })
        .int({ error: 'Tuổi ước tính phải là số nguyên.' })
        .min(0, { error: `Tuổi ước tính phải từ 0 đến ${MAX_AGE}.` })
        .max(MAX_AGE, { error: `Tuổi ước tính phải từ 0 đến ${MAX_AGE}.` }),
    ),
    ageEstimatedOn: optional(isoDateField('Ngày ước tính tuổi')),
    ageUncertain: z
      .boolean({ error: 'Trường "chưa chắc chắn về tuổi" phải là có/không.' })
      .nullish()
      .transform((value) => value ?? false),
    ethnicity: optional(requiredText('Dân tộc', 60)),
    citizenship: z
      .string({ error: 'Quốc tịch không hợp lệ.' })
      .nullish()
      .transform((value) => (value ?? '').trim().toUpperCase() || 'VN')
      .refine(isCountryCode, { error: 'Quốc tịch phải là mã quốc gia ISO 3166 gồm 2 chữ cái (ví dụ VN, CN, KH).' }),
    citizenId: optional(
      z
        .string({ error: 'Số định danh cá nhân/CCCD không hợp lệ.' })
        .transform((value) => value.replace(/[\s.-]/g, ''))
        .refine((value) => /^\d{12}$/.test(value) || isOldIdentityCardNumber(value), {
          error: 'Số định danh cá nhân/CCCD phải gồm 12 chữ số (hoặc số CMND cũ gồm 9 chữ số).',
        }),
    ),
    passportNumber: optional(
      z
        .string({ error: 'Số hộ chiếu không hợp lệ.' })
        .transform((value) => value.replace(/[\s-]/g, '').toUpperCase())
        .refine((value) => FOREIGN_PASSPORT.test(value), { error: 'Số hộ chiếu chỉ gồm chữ và số, từ 6 đến 20 ký tự.' }),
    ),
    homeOrgUnitId: optional(
      z
        .string({ error: 'Mã đơn vị hành chính nơi cư trú không hợp lệ.' })
        .regex(PERSON_ORG_UNIT_ID, { error: 'Mã đơn vị hành chính nơi cư trú không hợp lệ.' }),
    ),
    homeAddress: optional(requiredText('Địa chỉ', 500)),
    phone: optional(phoneField()),
    language: z
      .string({ error: 'Ngôn ngữ không hợp lệ.' })
      .nullish()
      .transform((value) => (value ?? '').trim().toLowerCase() || 'vi')
      .refine((value) => /^[a-z]{2,3}$/.test(value), { error: 'Ngôn ngữ phải là mã ISO 639 (ví dụ vi, en, zh, hmn).' }),
    guardian: optional(guardianSchema),
  },
  { error: 'Dữ liệu nhân thân không hợp lệ.' },
);

export type PersonInput = z.output<typeof personInputSchema>;
export type Guardian = z.output<typeof guardianSchema>;

export type PersonValidation =
  | { ok: true; value: PersonInput; warnings: Record<string, string> }
  | { ok: false; fieldErrors: Record<string, string>; warnings: Record<string, string> };

const CITIZEN_ID_ERRORS = {
  format: 'Số định danh cá nhân/CCCD phải gồm 12 chữ số.',
  province: 'Số định danh cá nhân/CCCD không hợp lệ: 3 chữ số đầu không phải mã tỉnh nơi đăng ký khai sinh.',
  birth_year: 'Số định danh cá nhân/CCCD không hợp lệ: năm sinh mã hóa trong số không hợp lệ.',
} as const;

const SEX_WORDS = { female: 'nữ', male: 'nam' } as const;

/**
 * Full validation of a person's identity at reception or correction, against `today` (ISO date in
 * Vietnam). Errors block saving; warnings are shown to the officer and the record may still be saved:
 * a child without a guardian on record (allowed at reception, must be completed), and a citizen ID
 * whose embedded birth year or sex contradicts the recorded ones (one of them is probably mistyped).
 * An estimated age without its date is taken as estimated today.
 */
export function validatePersonInput(input: unknown, today: string): PersonValidation {
  const warnings: Record<string, string> = {};
  const fieldErrors: Record<string, string> = {};
  const parsed = personInputSchema.safeParse(input);
  let value: PersonInput;
  if (parsed.success) value = { ...parsed.data };
  else {
    for (const issue of parsed.error.issues) {
      if (issue.code === 'unrecognized_keys') {
        for (const key of issue.keys) fieldErrors[[...issue.path, key].join('.')] ??= 'Trường này không được hỗ trợ.';
        continue;
      }
      fieldErrors[issue.path.join('.') || '_form'] ??= issue.message;
    }
    if (input === null || typeof input !== 'object' || Array.isArray(input)) return { ok: false, fieldErrors, warnings };
    // Check the fields that are valid on their own too, so that the officer sees every error at once.
    value = parseFieldByField(input as Record<string, unknown>);
  }
  crossCheck(value, today, fieldErrors, warnings);
  if (Object.keys(fieldErrors).length > 0) return { ok: false, fieldErrors, warnings };
  if (value.guardian === null && isTreatedAsChild(value, today)) {
    const range = possibleAgeRange(value, today);
    warnings.guardian = `${
      range !== null && range.max < ADULT_AGE
        ? 'Người này dưới 18 tuổi'
        : 'Người này được coi là trẻ em vì chưa xác định chắc chắn được tuổi'
    }: cần bổ sung thông tin cha, mẹ hoặc người giám hộ ngay khi có thể.`;
  }
  return { ok: true, value, warnings };
}

/** Each field parsed alone; a field that fails is taken as absent (its error is already reported). */
function parseFieldByField(input: Record<string, unknown>): PersonInput {
  const shape = personInputSchema.shape;
  const entries = (Object.keys(shape) as (keyof typeof shape)[]).map((key) => {
    const result = shape[key].safeParse(input[key]);
    return [key, result.success ? result.data : null];
  });
  const value = Object.fromEntries(entries) as PersonInput;
  return { ...value, otherNames: value.otherNames ?? [], ageUncertain: value.ageUncertain ?? false };
}

function crossCheck(value: PersonInput, today: string, fieldErrors: Record<string, string>, warnings: Record<string, string>): void {
  const todayYear = yearOf(today);
  const setError = (field: string, message: string) => {
    fieldErrors[field] ??= message;
  };
  if (value.dateOfBirth !== null) {
    if (value.dateOfBirth > today) setError('dateOfBirth', `Ngày sinh không được sau ngày hiện tại (${formatVietnameseDate(today)}).`);
    else if (value.dateOfBirth < EARLIEST_BIRTH_DATE) setError('dateOfBirth', 'Ngày sinh không được trước năm 1900.');
  }
  if (value.birthYear !== null) {
    if (value.birthYear > todayYear) setError('birthYear', `Năm sinh không được sau năm hiện tại (${todayYear}).`);
    else if (value.birthYear < 1900) setError('birthYear', 'Năm sinh không được trước năm 1900.');
    else if (value.dateOfBirth !== null && yearOf(value.dateOfBirth) !== value.birthYear) {
      setError('birthYear', `Năm sinh (${value.birthYear}) không khớp với ngày sinh (${formatVietnameseDate(value.dateOfBirth)}).`);
    }
  }
  if (value.estimatedAge !== null) {
    if (value.ageEstimatedOn === null) value.ageEstimatedOn = today;
    else if (value.ageEstimatedOn > today) {
      setError('ageEstimatedOn', `Ngày ước tính tuổi không được sau ngày hiện tại (${formatVietnameseDate(today)}).`);
    }
    if (value.dateOfBirth !== null || value.birthYear !== null) {
      warnings.estimatedAge = 'Đã có ngày sinh hoặc năm sinh nên tuổi ước tính không được dùng để tính tuổi.';
    }
  } else value.ageEstimatedOn = null;

  if (value.citizenId !== null && value.citizenId.length === 12) {
    const check = checkCitizenId(value.citizenId, new Date(`${today}T00:00:00Z`));
    if (!check.valid) setError('citizenId', CITIZEN_ID_ERRORS[check.reason]);
    else {
      const recordedYear = value.dateOfBirth !== null ? yearOf(value.dateOfBirth) : value.birthYear;
      const contradictions: string[] = [];
      if (recordedYear !== null && recordedYear !== check.info.birthYear) {
        contradictions.push(`năm sinh ${check.info.birthYear} (hồ sơ ghi ${recordedYear})`);
      }
      if ((value.sex === 'female' || value.sex === 'male') && value.sex !== check.info.sex) {
        contradictions.push(`giới tính ${SEX_WORDS[check.info.sex]} (hồ sơ ghi ${SEX_WORDS[value.sex]})`);
      }
      if (contradictions.length > 0) {
        warnings.citizenId = `Số CCCD mã hóa ${contradictions.join(' và ')}; vui lòng kiểm tra lại số CCCD hoặc thông tin đã nhập.`;
      }
    }
  }

  if (value.passportNumber !== null && value.citizenship === 'VN' && !VIETNAMESE_PASSPORT.test(value.passportNumber)) {
    setError('passportNumber', 'Số hộ chiếu Việt Nam gồm 1 chữ cái và 7 hoặc 8 chữ số (ví dụ C1234567).');
  }
}

// ---------------------------------------------------------------------------------------------
// Masking (for lists, referrals and anyone without read:victim_identity)

function nameWords(fullName: string): string[] {
  return normalizeFreeText(fullName)
    .split(' ')
    .map((word) => word.replace(/^[^\p{L}\p{N}]+|[^\p{L}\p{N}]+$/gu, ''))
    .filter((word) => word.length > 0);
}

/** Initials: "Nguyễn Thị Hoa" → "N.T.H.", "đặng văn an" → "Đ.V.A.". */
export function maskName(fullName: string): string {
  return nameWords(fullName)
    .map((word) => `${Array.from(word)[0]!.toLocaleUpperCase('vi')}.`)
    .join('');
}

function maskAllButLast(value: string, keep: number): string {
  const chars = Array.from(value);
  if (chars.length <= keep) return '*'.repeat(chars.length);
  return '*'.repeat(chars.length - keep) + chars.slice(-keep).join('');
}

/** '012345678901' → '********8901'; a CMND keeps its last 4 digits the same way. */
export function maskCitizenId(citizenId: string): string {
  return maskAllButLast(citizenId.replace(/[\s.-]/g, ''), 4);
}

/** '+84912345678' → '+********678': the last 3 digits only (and a leading +). */
export function maskPhone(phone: string): string {
  const compact = phone.replace(/[\s.\-()]/g, '');
  return compact.startsWith('+') ? `+${maskAllButLast(compact.slice(1), 3)}` : maskAllButLast(compact, 3);
}

/** 'C1234567' → '*****567'. */
export function maskPassport(passportNumber: string): string {
  return maskAllButLast(passportNumber.replace(/[\s-]/g, '').toUpperCase(), 3);
}

// ---------------------------------------------------------------------------------------------
// Search and duplicates

/** Accent-insensitive search key: "Nguyễn Thị  Hoà" → "nguyen thi hoa" (same folding as SQL vn_fold()). */
export function nameSearchKey(fullName: string): string {
  return nameWords(foldVietnamese(normalizeFreeText(fullName))).join(' ');
}

export interface DuplicateFacts {
  fullName: string;
  dateOfBirth?: string | null;
  birthYear?: number | null;
  homeOrgUnitId?: string | null;
  citizenId?: string | null;
}

const birthYearOf = (person: DuplicateFacts): number | null =>
  person.dateOfBirth ? yearOf(person.dateOfBirth) : (person.birthYear ?? null);

const COMMUNE_SINCE_2025 = /^VN\.\d{2}\.(\d{5})$/;
const COMMUNE_BEFORE_2025 = /^VN\.L\d{2}\.\d{3}\.(\d{5})$/;

/**
 * The national commune code of a commune of either era, else null. Each commune formed on
 * 2025-07-01 kept the code of one of the communes it was formed from, so a pre-2025 commune and the
 * commune that kept its code share it (Phường Trúc Bạch VN.L01.001.00004 → Phường Ba Đình
 * VN.01.00004): an address written before the reform still matches one written after it. The other
 * pre-2025 communes merged into it kept no code of their own and are not matched this way.
 */
export function communeCodeOf(orgUnitId: string): string | null {
  return (COMMUNE_SINCE_2025.exec(orgUnitId) ?? COMMUNE_BEFORE_2025.exec(orgUnitId))?.[1] ?? null;
}

/** Whether two home units count as the same place for duplicate matching (`communeCodeOf`). */
export function isSameHomeUnit(a: string, b: string): boolean {
  if (a === b) return true;
  const code = communeCodeOf(a);
  return code !== null && code === communeCodeOf(b);
}

/**
 * The exact-match key of a person: folded name, birth year, home unit ("nguyen thi hoa|1998|10507": a
 * commune by its code, any other unit by its id; '?' where unknown). Records with the same key are
 * certainly duplicate candidates; the server finds the fuzzier ones by home unit and birth year ±1
 * and confirms them with `isPossibleDuplicate`.
 */
export function duplicateCandidateKey(person: DuplicateFacts): string {
  const home = person.homeOrgUnitId ? (communeCodeOf(person.homeOrgUnitId) ?? person.homeOrgUnitId) : '?';
  return [nameSearchKey(person.fullName), birthYearOf(person) ?? '?', home].join('|');
}

/** True when `a` becomes `b` by at most one insertion, deletion or substitution. */
export function withinOneEdit(a: string, b: string): boolean {
  if (a === b) return true;
  const x = Array.from(a);
  const y = Array.from(b);
  if (Math.abs(x.length - y.length) > 1) return false;
  let i = 0;
  while (i < x.length && i < y.length && x[i] === y[i]) i += 1;
  const rest = (from: string[], start: number) => from.slice(start).join('');
  if (x.length === y.length) return rest(x, i + 1) === rest(y, i + 1);
  return x.length > y.length ? rest(x, i + 1) === rest(y, i) : rest(x, i) === rest(y, i + 1);
}

/** Shortest word in which a one-letter typo is tolerated: "hoa"/"hoan", "lan"/"lam" are different names. */
export const FUZZY_NAME_MIN_LENGTH = 4;

function namesMatch(a: string, b: string): boolean {
  const x = nameSearchKey(a).split(' ');
  const y = nameSearchKey(b).split(' ');
  if (x.length === y.length) {
    let edits = 0;
    for (let i = 0; i < x.length; i += 1) {
      if (x[i] === y[i]) continue;
      const shorter = Math.min(x[i]!.length, y[i]!.length);
      if (shorter < FUZZY_NAME_MIN_LENGTH || !withinOneEdit(x[i]!, y[i]!)) return false;
      edits += 1;
    }
    return edits <= 1;
  }
  // A middle name left out: "Nguyễn Hoa" for "Nguyễn Thị Hoa" (family and given name equal, middle words a subset in order).
  const [short, long] = x.length < y.length ? [x, y] : [y, x];
  if (short.length < 2 || short[0] !== long[0] || short.at(-1) !== long.at(-1)) return false;
  let j = 1;
  for (const word of short.slice(1, -1)) {
    while (j < long.length - 1 && long[j] !== word) j += 1;
    if (j >= long.length - 1) return false;
    j += 1;
  }
  return true;
}

/**
 * Whether two person records may be the same person (shown to the officer to merge or dismiss):
 * - the same citizen ID; or
 * - matching names (accent- and case-insensitive; one typo of one letter in one word of at least 4
 *   letters, or a middle name left out), a birth year within ±1 (an unknown birth year does not rule
 *   a match out), and the same home unit (`isSameHomeUnit`: a pre-2025 commune matches the commune
 *   that kept its code).
 * Different citizen IDs do not rule a match out (old CMND vs new CCCD, typos).
 */
export function isPossibleDuplicate(a: DuplicateFacts, b: DuplicateFacts): boolean {
  const idA = a.citizenId?.replace(/[\s.-]/g, '');
  const idB = b.citizenId?.replace(/[\s.-]/g, '');
  if (idA && idB && idA === idB) return true;
  if (!a.homeOrgUnitId || !b.homeOrgUnitId || !isSameHomeUnit(a.homeOrgUnitId, b.homeOrgUnitId)) return false;
  const yearA = birthYearOf(a);
  const yearB = birthYearOf(b);
  if (yearA !== null && yearB !== null && Math.abs(yearA - yearB) > 1) return false;
  return namesMatch(a.fullName, b.fullName);
}
