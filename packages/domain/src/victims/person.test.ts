import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { addDays } from '../plans/task-timing.ts';
import {
  AGE_UNCERTAINTY_MARGIN_YEARS,
  ageBand,
  ageOn,
  communeCodeOf,
  duplicateCandidateKey,
  isPossibleDuplicate,
  isRealIsoDate,
  isTreatedAsChild,
  maskCitizenId,
  maskName,
  maskPassport,
  maskPhone,
  nameSearchKey,
  normalizePersonPhone,
  possibleAgeRange,
  validatePersonInput,
  withinOneEdit,
  type AgeFacts,
  type DuplicateFacts,
  type PersonValidation,
} from './person.ts';

const TODAY = '2026-03-10';
const base = { fullName: 'Nguyễn Thị Hoa', sex: 'female' };

function ok(result: PersonValidation) {
  if (!result.ok) throw new Error(`expected ok, got ${JSON.stringify(result.fieldErrors)}`);
  return result;
}
function errors(result: PersonValidation): Record<string, string> {
  if (result.ok) throw new Error(`expected errors, got ${JSON.stringify(result.value)}`);
  return result.fieldErrors;
}
const validate = (extra: Record<string, unknown>) => validatePersonInput({ ...base, ...extra }, TODAY);

describe('validatePersonInput: identity', () => {
  it('accepts a minimal record and fills the defaults', () => {
    const { value, warnings } = ok(validatePersonInput(base, TODAY));
    expect(value).toMatchObject({
      fullName: 'Nguyễn Thị Hoa',
      otherNames: [],
      sex: 'female',
      dateOfBirth: null,
      birthYear: null,
      estimatedAge: null,
      ageEstimatedOn: null,
      ageUncertain: false,
      citizenship: 'VN',
      citizenId: null,
      language: 'vi',
      guardian: null,
    });
    expect(warnings).toEqual({});
  });
  it('normalises the name: NFC, collapsed spaces', () => {
    const decomposed = '  Nguyễn   Thị Hoa '.normalize('NFD');
    expect(ok(validate({ fullName: decomposed })).value.fullName).toBe('Nguyễn Thị Hoa');
  });
  it('requires a name of at most 120 characters', () => {
    expect(errors(validate({ fullName: '   ' })).fullName).toBe('Họ và tên là bắt buộc.');
    expect(errors(validatePersonInput({ sex: 'male' }, TODAY)).fullName).toBe('Họ và tên là bắt buộc.');
    expect(errors(validate({ fullName: 'A'.repeat(121) })).fullName).toContain('tối đa 120');
    expect(ok(validate({ fullName: 'A'.repeat(120) })).value.fullName).toHaveLength(120);
    expect(errors(validate({ fullName: 'Hoa\u0000' })).fullName).toContain('ký tự không hợp lệ');
  });
  it('keeps other names (aliases), normalised', () => {
    expect(ok(validate({ otherNames: [' Hoa  béo', 'Mai'] })).value.otherNames).toEqual(['Hoa béo', 'Mai']);
    expect(errors(validate({ otherNames: ['ok', ''] }))['otherNames.1']).toBe('Tên gọi khác là bắt buộc.');
  });
  it('refuses an unknown sex code', () => {
    expect(errors(validate({ sex: 'F' })).sex).toBe('Giới tính không hợp lệ.');
    expect(errors(validate({ sex: undefined })).sex).toBe('Giới tính không hợp lệ.');
    for (const sex of ['female', 'male', 'other', 'unknown']) expect(ok(validate({ sex })).value.sex).toBe(sex);
  });
  it('refuses fields it does not know', () => {
    expect(errors(validate({ religion: 'x' })).religion).toBe('Trường này không được hỗ trợ.');
  });
  it('refuses something that is not a record at all', () => {
    for (const input of [null, 'Hoa', 12, []]) expect(errors(validatePersonInput(input, TODAY))._form).toBeDefined();
  });
  it('reports every problem at once, including the date checks', () => {
    const fieldErrors = errors(validatePersonInput({ sex: 'x', dateOfBirth: '2030-01-01', citizenId: '001' }, TODAY));
    expect(Object.keys(fieldErrors).sort()).toEqual(['citizenId', 'dateOfBirth', 'fullName', 'sex']);
    expect(fieldErrors.dateOfBirth).toContain('không được sau ngày hiện tại (10/03/2026)');
  });
});

describe('validatePersonInput: dates and ages', () => {
  it('refuses dates that are not in the calendar, naming the date in dd/mm/yyyy', () => {
    expect(errors(validate({ dateOfBirth: '2026-02-30' })).dateOfBirth).toBe(
      'Ngày sinh không hợp lệ: ngày 30/02/2026 không có trong lịch.',
    );
    expect(errors(validate({ dateOfBirth: '2025-02-29' })).dateOfBirth).toContain('29/02/2025');
    expect(errors(validate({ dateOfBirth: '2010-13-01' })).dateOfBirth).toContain('không có trong lịch');
    expect(ok(validate({ dateOfBirth: '2024-02-29' })).value.dateOfBirth).toBe('2024-02-29');
  });
  it('refuses a date in another format', () => {
    expect(errors(validate({ dateOfBirth: '01/02/2010' })).dateOfBirth).toContain('YYYY-MM-DD');
  });
  it('refuses a birth date in the future or before 1900; accepts today', () => {
    expect(errors(validate({ dateOfBirth: '2026-03-11' })).dateOfBirth).toBe('Ngày sinh không được sau ngày hiện tại (10/03/2026).');
    expect(errors(validate({ dateOfBirth: '1899-12-31' })).dateOfBirth).toBe('Ngày sinh không được trước năm 1900.');
    expect(ok(validate({ dateOfBirth: TODAY, guardian: { fullName: 'Nguyễn Văn Nam', relationship: 'Bố' } })).value.dateOfBirth).toBe(
      TODAY,
    );
    expect(ok(validate({ dateOfBirth: '1900-01-01' })).value.dateOfBirth).toBe('1900-01-01');
  });
  it('checks a birth year: not in the future, not before 1900, the year of the birth date', () => {
    expect(errors(validate({ birthYear: 2027 })).birthYear).toBe('Năm sinh không được sau năm hiện tại (2026).');
    expect(errors(validate({ birthYear: 1899 })).birthYear).toBe('Năm sinh không được trước năm 1900.');
    expect(errors(validate({ birthYear: 1998.5 })).birthYear).toBe('Năm sinh phải là số nguyên.');
    expect(errors(validate({ birthYear: 1998, dateOfBirth: '1997-05-01' })).birthYear).toBe(
      'Năm sinh (1998) không khớp với ngày sinh (01/05/1997).',
    );
    expect(ok(validate({ birthYear: 1997, dateOfBirth: '1997-05-01' })).value.birthYear).toBe(1997);
  });
  it('takes an estimated age from 0 to 120, dated today unless told otherwise', () => {
    for (const estimatedAge of [-1, 121]) expect(errors(validate({ estimatedAge })).estimatedAge).toBe('Tuổi ước tính phải từ 0 đến 120.');
    expect(errors(validate({ estimatedAge: 15.5 })).estimatedAge).toBe('Tuổi ước tính phải là số nguyên.');
    expect(errors(validate({ estimatedAge: '20' })).estimatedAge).toBe('Tuổi ước tính phải là số.');
    expect(ok(validate({ estimatedAge: 120 })).value).toMatchObject({ estimatedAge: 120, ageEstimatedOn: TODAY });
    expect(ok(validate({ estimatedAge: 30, ageEstimatedOn: '2025-01-01' })).value.ageEstimatedOn).toBe('2025-01-01');
    expect(errors(validate({ estimatedAge: 30, ageEstimatedOn: '2026-03-11' })).ageEstimatedOn).toContain('không được sau ngày hiện tại');
  });
  it('drops an estimate date without an estimate, and warns when an estimate is given next to a birth date', () => {
    expect(ok(validate({ ageEstimatedOn: '2025-01-01' })).value.ageEstimatedOn).toBeNull();
    expect(ok(validate({ estimatedAge: 30, birthYear: 1995 })).warnings.estimatedAge).toContain('không được dùng');
  });
  it('treats blank form fields as absent', () => {
    const { value } = ok(validate({ dateOfBirth: '', citizenId: '  ', phone: '', ethnicity: '', homeAddress: ' ' }));
    expect(value).toMatchObject({ dateOfBirth: null, citizenId: null, phone: null, ethnicity: null, homeAddress: null });
  });
});

describe('validatePersonInput: identity documents and contact', () => {
  it('accepts a valid 12-digit citizen ID and an old 9-digit CMND, ignoring spaces and dots', () => {
    expect(ok(validate({ citizenId: '001 198 012 345' })).value.citizenId).toBe('001198012345');
    expect(ok(validate({ citizenId: '012.345.678' })).value.citizenId).toBe('012345678');
  });
  it('refuses a citizen ID of the wrong length, an unknown province or an impossible birth year', () => {
    expect(errors(validate({ citizenId: '12345' })).citizenId).toBe(
      'Số định danh cá nhân/CCCD phải gồm 12 chữ số (hoặc số CMND cũ gồm 9 chữ số).',
    );
    expect(errors(validate({ citizenId: '00119801234A' })).citizenId).toContain('12 chữ số');
    expect(errors(validate({ citizenId: '999198012345' })).citizenId).toContain('mã tỉnh');
    // 2 = born in the 2000s, 99 → 2099: not born yet.
    expect(errors(validate({ citizenId: '001299012345' })).citizenId).toContain('năm sinh');
  });
  it('warns when the citizen ID encodes another birth year or sex than the record', () => {
    // 001 Hà Nội, 1 = female born in the 1900s, 98 → 1998.
    expect(ok(validate({ citizenId: '001198012345', birthYear: 1998 })).warnings).toEqual({});
    const year = ok(validate({ citizenId: '001198012345', dateOfBirth: '1997-06-01' }));
    expect(year.warnings.citizenId).toBe(
      'Số CCCD mã hóa năm sinh 1998 (hồ sơ ghi 1997); vui lòng kiểm tra lại số CCCD hoặc thông tin đã nhập.',
    );
    const both = ok(validatePersonInput({ fullName: 'Trần Văn Nam', sex: 'male', citizenId: '001198012345', birthYear: 1990 }, TODAY));
    expect(both.warnings.citizenId).toBe(
      'Số CCCD mã hóa năm sinh 1998 (hồ sơ ghi 1990) và giới tính nữ (hồ sơ ghi nam); vui lòng kiểm tra lại số CCCD hoặc thông tin đã nhập.',
    );
    expect(ok(validate({ citizenId: '001198012345', sex: 'unknown' })).warnings).toEqual({});
  });
  it('checks Vietnamese passports (a letter and 7–8 digits) and foreign ones (6–20 letters and digits)', () => {
    expect(ok(validate({ passportNumber: 'c 1234567' })).value.passportNumber).toBe('C1234567');
    expect(ok(validate({ passportNumber: 'P12345678' })).value.passportNumber).toBe('P12345678');
    expect(errors(validate({ passportNumber: 'AB123456' })).passportNumber).toContain('1 chữ cái và 7 hoặc 8 chữ số');
    expect(ok(validate({ citizenship: 'CN', passportNumber: 'EA1234567' })).value.passportNumber).toBe('EA1234567');
    expect(errors(validate({ citizenship: 'KH', passportNumber: 'N01' })).passportNumber).toContain('từ 6 đến 20');
  });
  it('takes citizenship as an ISO 3166 code, upper-cased, VN by default', () => {
    expect(ok(validate({ citizenship: 'kh' })).value.citizenship).toBe('KH');
    expect(ok(validate({ citizenship: null })).value.citizenship).toBe('VN');
    expect(errors(validate({ citizenship: 'UK' })).citizenship).toContain('ISO 3166');
    expect(errors(validate({ citizenship: 'Việt Nam' })).citizenship).toContain('ISO 3166');
  });
  it('normalises Vietnamese phones to +84 and accepts foreign numbers with their country code', () => {
    expect(ok(validate({ phone: '0912 345 678' })).value.phone).toBe('+84912345678');
    expect(ok(validate({ phone: '+60 12-345 6789' })).value.phone).toBe('+60123456789');
    for (const phone of ['12345', '+84 123', '0123', 'abc']) expect(errors(validate({ phone })).phone, phone).toContain('không hợp lệ');
  });
  it('checks the format of the home unit id, old or new', () => {
    expect(ok(validate({ homeOrgUnitId: 'VN.31.10507' })).value.homeOrgUnitId).toBe('VN.31.10507');
    expect(ok(validate({ homeOrgUnitId: 'VN.L31.303.11311' })).value.homeOrgUnitId).toBe('VN.L31.303.11311');
    for (const id of ['HN.01', 'VN.3', 'VN.31.1050', 'VN.31.10507.1'])
      expect(errors(validate({ homeOrgUnitId: id })).homeOrgUnitId, id).toBeDefined();
  });
  it('takes the language as an ISO 639 code', () => {
    expect(ok(validate({ language: 'HMN' })).value.language).toBe('hmn');
    expect(errors(validate({ language: 'Tiếng Việt' })).language).toContain('ISO 639');
  });
});

describe('validatePersonInput: children and guardians', () => {
  const guardian = { fullName: 'Nguyễn Văn Nam', relationship: 'Bố', phone: '0912345678' };
  it('saves a child without a guardian at reception, with a warning', () => {
    const result = ok(validate({ dateOfBirth: '2012-04-01' }));
    expect(result.warnings.guardian).toBe('Người này dưới 18 tuổi: cần bổ sung thông tin cha, mẹ hoặc người giám hộ ngay khi có thể.');
  });
  it('warns for a person treated as a child because the age is uncertain', () => {
    expect(ok(validate({ estimatedAge: 19 })).warnings.guardian).toContain('được coi là trẻ em');
    expect(ok(validate({ ageUncertain: true })).warnings.guardian).toContain('được coi là trẻ em');
  });
  it('does not warn for an adult, nor once a guardian is recorded', () => {
    expect(ok(validate({ dateOfBirth: '1990-01-01' })).warnings).toEqual({});
    const withGuardian = ok(validate({ dateOfBirth: '2012-04-01', guardian }));
    expect(withGuardian.warnings).toEqual({});
    expect(withGuardian.value.guardian).toEqual({ ...guardian, phone: '+84912345678' });
  });
  it('requires a guardian’s name and relationship when a guardian is given', () => {
    const fieldErrors = errors(validate({ dateOfBirth: '2012-04-01', guardian: { phone: '123' } }));
    expect(fieldErrors['guardian.fullName']).toBe('Họ và tên người giám hộ là bắt buộc.');
    expect(fieldErrors['guardian.relationship']).toBe('Quan hệ với người được giám hộ là bắt buộc.');
    expect(fieldErrors['guardian.phone']).toContain('Số điện thoại không hợp lệ');
  });
});

describe('ages', () => {
  it('counts an exact age from the date of birth, birthdays included', () => {
    expect(ageOn({ dateOfBirth: '2008-03-10' }, '2026-03-09')).toBe(17);
    expect(ageOn({ dateOfBirth: '2008-03-10' }, '2026-03-10')).toBe(18);
    // Born on 29 February: 18 on 1 March in a common year.
    expect(ageOn({ dateOfBirth: '2008-02-29' }, '2026-02-28')).toBe(17);
    expect(ageOn({ dateOfBirth: '2008-02-29' }, '2026-03-01')).toBe(18);
  });
  it('from a birth year alone, counts the age surely reached', () => {
    expect(ageOn({ birthYear: 2008 }, '2026-12-31')).toBe(17);
    expect(possibleAgeRange({ birthYear: 2008 }, '2026-06-01')).toEqual({ min: 17, max: 18 });
  });
  it('ages an estimate with time', () => {
    expect(ageOn({ estimatedAge: 15, ageEstimatedOn: '2024-03-10' }, '2026-03-10')).toBe(17);
    expect(ageOn({ estimatedAge: 15 }, '2026-03-10')).toBe(15);
    expect(ageOn({}, TODAY)).toBeNull();
  });
  it('widens estimates and uncertain ages by the margin', () => {
    expect(AGE_UNCERTAINTY_MARGIN_YEARS).toBe(3);
    expect(possibleAgeRange({ estimatedAge: 20 }, TODAY)).toEqual({ min: 17, max: 23 });
    expect(possibleAgeRange({ dateOfBirth: '2006-01-01', ageUncertain: true }, TODAY)).toEqual({ min: 17, max: 23 });
    expect(possibleAgeRange({ estimatedAge: 1 }, TODAY)).toEqual({ min: 0, max: 4 });
    expect(possibleAgeRange({ dateOfBirth: '2006-01-01' }, TODAY)).toEqual({ min: 20, max: 20 });
  });
});

describe('isTreatedAsChild', () => {
  const cases: [string, AgeFacts, boolean][] = [
    ['known age 17', { dateOfBirth: '2008-03-11' }, true],
    ['18 today', { dateOfBirth: '2008-03-10' }, false],
    ['known age 30', { dateOfBirth: '1996-01-01' }, false],
    ['estimated 20: may be 17', { estimatedAge: 20 }, true],
    ['estimated 21: at least 18', { estimatedAge: 21 }, false],
    ['estimated 17 four years ago: now about 21', { estimatedAge: 17, ageEstimatedOn: '2022-01-01' }, false],
    ['born 2008, birthday maybe still to come', { birthYear: 2008 }, true],
    ['born 2007: 18 at least', { birthYear: 2007 }, false],
    ['born 2005 but papers doubtful', { birthYear: 2005, ageUncertain: true }, true],
    ['documents say 20 but doubtful', { dateOfBirth: '2006-01-01', ageUncertain: true }, true],
    ['documents say 22 but doubtful', { dateOfBirth: '2004-01-01', ageUncertain: true }, false],
    ['nothing known, flagged uncertain', { ageUncertain: true }, true],
    ['nothing known, not flagged', {}, false],
  ];
  it.each(cases)('%s', (_name, person, expected) => {
    expect(isTreatedAsChild(person, TODAY)).toBe(expected);
  });
  it('property: with an exact, certain date of birth it is exactly "under 18"', () => {
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 365 * 40 }), (daysOld) => {
        const dateOfBirth = addDays(TODAY, -daysOld);
        expect(isTreatedAsChild({ dateOfBirth }, TODAY)).toBe(ageOn({ dateOfBirth }, TODAY)! < 18);
      }),
    );
  });
  it('property: flagging the age as uncertain never turns a child into an adult', () => {
    fc.assert(
      fc.property(arbitraryAgeFacts, (person) => {
        if (isTreatedAsChild({ ...person, ageUncertain: false }, TODAY))
          expect(isTreatedAsChild({ ...person, ageUncertain: true }, TODAY)).toBe(true);
      }),
    );
  });
});

const arbitraryAgeFacts: fc.Arbitrary<AgeFacts> = fc.record(
  {
    dateOfBirth: fc.option(
      fc.integer({ min: 0, max: 365 * 60 }).map((days) => addDays(TODAY, -days)),
      { nil: null },
    ),
    birthYear: fc.option(fc.integer({ min: 1960, max: 2026 }), { nil: null }),
    estimatedAge: fc.option(fc.integer({ min: 0, max: 80 }), { nil: null }),
    ageEstimatedOn: fc.option(
      fc.integer({ min: 0, max: 365 * 5 }).map((days) => addDays(TODAY, -days)),
      { nil: null },
    ),
    ageUncertain: fc.boolean(),
  },
  { requiredKeys: [] },
);

describe('ageBand', () => {
  const cases: [string, AgeFacts, string][] = [
    ['15', { dateOfBirth: '2010-06-01' }, 'under_16'],
    ['16 today', { dateOfBirth: '2010-03-10' }, '16_17'],
    ['17', { dateOfBirth: '2008-06-01' }, '16_17'],
    ['18 today', { dateOfBirth: '2008-03-10' }, '18_plus'],
    ['estimated 14', { estimatedAge: 14 }, 'under_16'],
    ['estimated 19: treated as a child, counted 16–17', { estimatedAge: 19 }, '16_17'],
    ['estimated 30', { estimatedAge: 30 }, '18_plus'],
    ['no age, treated as a child: counted under 16', { ageUncertain: true }, 'under_16'],
    ['no age, no doubt recorded', {}, 'unknown'],
  ];
  it.each(cases)('%s', (_name, person, expected) => {
    expect(ageBand(person, TODAY)).toBe(expected);
  });
  it('property: a person treated as a child is never counted as an adult, and an adult never as a child', () => {
    fc.assert(
      fc.property(arbitraryAgeFacts, (person) => {
        const band = ageBand(person, TODAY);
        if (isTreatedAsChild(person, TODAY)) expect(['under_16', '16_17']).toContain(band);
        else expect(['18_plus', 'unknown']).toContain(band);
      }),
    );
  });
});

describe('masking', () => {
  it('reduces a name to initials', () => {
    expect(maskName('Nguyễn Thị Hoa')).toBe('N.T.H.');
    expect(maskName('  đặng   văn an ')).toBe('Đ.V.A.');
    expect(maskName('Ông Ích Khiêm')).toBe('Ô.Í.K.');
    expect(maskName('Hoa')).toBe('H.');
    expect(maskName('')).toBe('');
  });
  it('shows only the last 4 digits of a citizen ID, the last 3 of a phone or passport', () => {
    expect(maskCitizenId('012345678901')).toBe('********8901');
    expect(maskCitizenId('012345678')).toBe('*****5678');
    expect(maskPhone('+84912345678')).toBe('+********678');
    expect(maskPhone('0912 345 678')).toBe('*******678');
    expect(maskPassport('C1234567')).toBe('*****567');
    expect(maskPassport('12')).toBe('**');
  });
  it('property: a masked citizen ID keeps its length and reveals nothing but the last 4 digits', () => {
    fc.assert(
      fc.property(fc.stringMatching(/^\d{12}$/), (id) => {
        const masked = maskCitizenId(id);
        expect(masked).toHaveLength(12);
        expect(masked.slice(0, 8)).toBe('********');
        expect(masked.slice(8)).toBe(id.slice(8));
      }),
    );
  });
  it('property: a masked name holds no lower-case letters (nothing beyond initials)', () => {
    fc.assert(
      fc.property(fc.array(fc.constantFrom('Nguyễn', 'Thị', 'Hoa', 'Đặng', 'văn', 'ánh', 'Lò', 'Thào'), { maxLength: 5 }), (words) => {
        const masked = maskName(words.join(' '));
        expect(masked).toBe(masked.toLocaleUpperCase('vi'));
        expect(masked.split('.').length - 1).toBe(words.length);
      }),
    );
  });
});

describe('search keys', () => {
  it('folds accents, đ and case, and collapses spaces', () => {
    expect(nameSearchKey('Nguyễn Thị  Hoà')).toBe('nguyen thi hoa');
    expect(nameSearchKey('ĐẶNG Văn Ân')).toBe('dang van an');
    expect(nameSearchKey('Nguyễn Thị Hoà'.normalize('NFD'))).toBe('nguyen thi hoa');
    expect(nameSearchKey('(Hoa)')).toBe('hoa');
  });
  it('property: the key of a key is itself', () => {
    fc.assert(
      fc.property(fc.string(), (name) => {
        expect(nameSearchKey(nameSearchKey(name))).toBe(nameSearchKey(name));
      }),
    );
  });
  it('builds an exact duplicate key from name, birth year and home unit', () => {
    expect(duplicateCandidateKey({ fullName: 'Nguyễn Thị Hoa', dateOfBirth: '1998-05-01', homeOrgUnitId: 'VN.31.10507' })).toBe(
      'nguyen thi hoa|1998|10507',
    );
    // The same commune written before the reform gives the same key.
    expect(duplicateCandidateKey({ fullName: 'NGUYEN THI HOA', birthYear: 1998, homeOrgUnitId: 'VN.L31.303.10507' })).toBe(
      'nguyen thi hoa|1998|10507',
    );
    expect(duplicateCandidateKey({ fullName: 'Nguyễn Thị Hoa', birthYear: 1998, homeOrgUnitId: 'VN.31' })).toBe(
      'nguyen thi hoa|1998|VN.31',
    );
    expect(duplicateCandidateKey({ fullName: 'Hoa' })).toBe('hoa|?|?');
  });
});

describe('communeCodeOf', () => {
  it.each([
    ['VN.01.00004', '00004'],
    ['VN.L01.001.00004', '00004'],
    ['VN.01', null],
    ['VN.L01', null],
    ['VN.L01.001', null],
    ['VN', null],
  ])('%s → %s', (id, code) => expect(communeCodeOf(id)).toBe(code));
});

describe('isPossibleDuplicate', () => {
  const hoa: DuplicateFacts = { fullName: 'Nguyễn Thị Hoa', birthYear: 1998, homeOrgUnitId: 'VN.31.10507' };
  const cases: [string, DuplicateFacts, DuplicateFacts, boolean][] = [
    [
      'same citizen ID, whatever the rest',
      { fullName: 'Hoa', citizenId: '001198012345' },
      { fullName: 'Mai', citizenId: '001 198 012 345' },
      true,
    ],
    ['same name without accents, year +1', hoa, { ...hoa, fullName: 'nguyen thi hoa', birthYear: 1999 }, true],
    ['date of birth in the same year', hoa, { ...hoa, birthYear: null, dateOfBirth: '1998-07-01' }, true],
    ['year 2 apart', hoa, { ...hoa, birthYear: 2000 }, false],
    ['other commune', hoa, { ...hoa, homeOrgUnitId: 'VN.31.10510' }, false],
    ['home unknown on one side', hoa, { ...hoa, homeOrgUnitId: null }, false],
    ['a pre-2025 commune against the commune that kept its code', hoa, { ...hoa, homeOrgUnitId: 'VN.L31.303.10507' }, true],
    ['a pre-2025 commune of another code', hoa, { ...hoa, homeOrgUnitId: 'VN.L31.303.11311' }, false],
    [
      'two pre-2025 communes of different codes',
      { ...hoa, homeOrgUnitId: 'VN.L31.303.10510' },
      { ...hoa, homeOrgUnitId: 'VN.L31.303.10507' },
      false,
    ],
    ['a province against a commune of it', hoa, { ...hoa, homeOrgUnitId: 'VN.31' }, false],
    ['birth year unknown on one side', hoa, { ...hoa, birthYear: null }, true],
    ['two letters swapped (two edits)', { ...hoa, fullName: 'Nguyễn Thị Hương' }, { ...hoa, fullName: 'Nguyen Thi Huogn' }, false],
    ['one letter missing in a long word', { ...hoa, fullName: 'Nguyễn Thị Hương' }, { ...hoa, fullName: 'Ngyen Thi Huong' }, true],
    ['one letter changed in a long word', { ...hoa, fullName: 'Nguyễn Thị Hương' }, { ...hoa, fullName: 'Nguyễn Thị Huonh' }, true],
    [
      'short given names differ by a letter: Lan and Lam are different people',
      { ...hoa, fullName: 'Trần Thị Lan' },
      { ...hoa, fullName: 'Trần Thị Lam' },
      false,
    ],
    ['two words with typos', { ...hoa, fullName: 'Nguyễn Thị Hương' }, { ...hoa, fullName: 'Ngyen Thi Huonh' }, false],
    ['middle name left out', hoa, { ...hoa, fullName: 'Nguyễn Hoa' }, true],
    ['different family name', hoa, { ...hoa, fullName: 'Trần Thị Hoa' }, false],
    ['different middle name', hoa, { ...hoa, fullName: 'Nguyễn Văn Hoa' }, false],
    ['a single word is not enough for a shortened name', hoa, { ...hoa, fullName: 'Hoa' }, false],
  ];
  it.each(cases)('%s', (_name, a, b, expected) => {
    expect(isPossibleDuplicate(a, b)).toBe(expected);
    expect(isPossibleDuplicate(b, a)).toBe(expected);
  });
  it('property: symmetric, and a record with a home unit matches itself', () => {
    const person = fc.record({
      fullName: fc.constantFrom('Nguyễn Thị Hoa', 'Nguyen Thi Hoa', 'Nguyễn Hoa', 'Trần Văn Nam', 'Ngyễn Thị Hoa', 'Lò Thị Mai'),
      birthYear: fc.option(fc.integer({ min: 1995, max: 2000 }), { nil: null }),
      homeOrgUnitId: fc.constantFrom('VN.31.10507', 'VN.31.10510', 'VN.L31.303.10507', 'VN.31', null),
      citizenId: fc.constantFrom(null, '001198012345', '001198099999'),
    });
    fc.assert(
      fc.property(person, person, (a, b) => {
        expect(isPossibleDuplicate(a, b)).toBe(isPossibleDuplicate(b, a));
        if (a.homeOrgUnitId || a.citizenId) expect(isPossibleDuplicate(a, a)).toBe(true);
      }),
    );
  });
  it('withinOneEdit: insertions, deletions and substitutions of one letter', () => {
    expect(withinOneEdit('huong', 'huong')).toBe(true);
    expect(withinOneEdit('huong', 'hung')).toBe(true);
    expect(withinOneEdit('huong', 'huongg')).toBe(true);
    expect(withinOneEdit('huong', 'huonh')).toBe(true);
    expect(withinOneEdit('huong', 'hoang')).toBe(false);
    expect(withinOneEdit('huong', 'uongh')).toBe(false);
    expect(withinOneEdit('', 'a')).toBe(true);
    expect(withinOneEdit('', 'ab')).toBe(false);
  });
});

describe('helpers', () => {
  it('isRealIsoDate', () => {
    expect(isRealIsoDate('2024-02-29')).toBe(true);
    expect(isRealIsoDate('2026-02-29')).toBe(false);
    expect(isRealIsoDate('2026-04-31')).toBe(false);
    expect(isRealIsoDate('2026-4-1')).toBe(false);
  });
  it('normalizePersonPhone refuses a +84 number that is not a valid Vietnamese one', () => {
    expect(normalizePersonPhone('+84 912 345 678')).toBe('+84912345678');
    expect(normalizePersonPhone('+8400000000')).toBeNull();
    expect(normalizePersonPhone('+855 12 345 678')).toBe('+85512345678');
  });
});
