import { personInputSchema } from '@atmis/domain';
import dayjs from 'dayjs';
import { describe, expect, it } from 'vitest';
import { ageFactsOf, fromPersonInput, toPersonInput, type PersonFormValues } from './person-values.ts';

describe('person form values', () => {
  it('turns the form into the API person: dates as YYYY-MM-DD, blanks as null, trimmed text', () => {
    const values: PersonFormValues = {
      fullName: '  Nguyễn Thị Hoà ',
      otherNames: ['Hoa', '  ', ' Mai '],
      sex: 'female',
      dateOfBirth: dayjs('1998-03-14', 'YYYY-MM-DD'),
      birthYear: null,
      estimatedAge: null,
      ageEstimatedOn: '2026-01-01',
      ageUncertain: false,
      ethnicity: '',
      citizenship: 'vn',
      citizenId: ' 031198123456 ',
      passportNumber: '',
      homeOrgUnitId: 'VN.31.11383',
      homeAddress: 'Số nhà 17',
      phone: '091 234 5678',
      language: 'VI',
      guardian: { fullName: ' ', relationship: '', phone: undefined },
    };
    expect(toPersonInput(values)).toEqual({
      fullName: 'Nguyễn Thị Hoà',
      otherNames: ['Hoa', 'Mai'],
      sex: 'female',
      dateOfBirth: '1998-03-14',
      birthYear: null,
      estimatedAge: null,
      // No estimate, no estimate date: a leftover hidden value is not sent.
      ageEstimatedOn: null,
      ageUncertain: false,
      ethnicity: null,
      citizenship: 'VN',
      citizenId: '031198123456',
      passportNumber: null,
      homeOrgUnitId: 'VN.31.11383',
      homeAddress: 'Số nhà 17',
      phone: '091 234 5678',
      language: 'vi',
      guardian: null,
    });
  });

  it('sends an estimate with its date, and a guardian as soon as any of it is typed', () => {
    const payload = toPersonInput({
      fullName: 'Bé',
      sex: 'male',
      estimatedAge: 9,
      ageEstimatedOn: '2026-05-02',
      ageUncertain: true,
      guardian: { fullName: 'Nguyễn Thị Hoà', relationship: ' mẹ ' },
    });
    expect(payload).toMatchObject({
      estimatedAge: 9,
      ageEstimatedOn: '2026-05-02',
      ageUncertain: true,
      guardian: { fullName: 'Nguyễn Thị Hoà', relationship: 'mẹ', phone: null },
    });
    expect(toPersonInput({ guardian: { phone: '0912345678' } }).guardian).toEqual({
      fullName: null,
      relationship: null,
      phone: '0912345678',
    });
  });

  it('sends nothing the server does not know, and what it sends passes the domain schema when complete', () => {
    const payload = toPersonInput({ fullName: 'Trần Văn An', sex: 'male', birthYear: 2001 });
    const parsed = personInputSchema.safeParse(payload);
    expect(parsed.success, JSON.stringify(parsed.error?.issues)).toBe(true);
    expect(toPersonInput(undefined)).toMatchObject({ fullName: null, otherNames: [], sex: null, ageUncertain: false, guardian: null });
  });

  it('prefills the form from revealed and masked values, and comes back to the same payload', () => {
    const source = {
      fullName: 'Nguyễn Thị Hoà',
      otherNames: ['Hoa'],
      sex: 'female' as const,
      dateOfBirth: '1998-03-14',
      birthYear: 1998,
      estimatedAge: null,
      ageEstimatedOn: null,
      ageUncertain: false,
      ethnicity: 'Kinh',
      citizenship: 'VN',
      citizenId: '031198123456',
      passportNumber: null,
      homeOrgUnitId: 'VN.31.11383',
      homeAddress: 'Số nhà 17',
      phone: '+84912345678',
      language: 'vi',
      guardian: { fullName: 'Nguyễn Văn Ba', relationship: 'bố', phone: null },
    };
    const values = fromPersonInput(source);
    expect(dayjs.isDayjs(values.dateOfBirth) && values.dateOfBirth.format('DD/MM/YYYY')).toBe('14/03/1998');
    expect(values.passportNumber).toBeUndefined();
    expect(values.guardian).toEqual({ fullName: 'Nguyễn Văn Ba', relationship: 'bố', phone: undefined });
    expect(toPersonInput(values)).toEqual(source);
  });

  it('reads what is missing as empty fields', () => {
    expect(fromPersonInput(null)).toEqual({});
    const values = fromPersonInput({ fullName: 'An', dateOfBirth: null, guardian: null });
    expect(values).toMatchObject({ fullName: 'An', dateOfBirth: null, otherNames: [], ageUncertain: false, guardian: undefined });
    // A malformed date is not turned into an invalid dayjs.
    expect(fromPersonInput({ dateOfBirth: '14/03/1998' }).dateOfBirth).toBeNull();
  });

  it('gives the age facts the domain needs to decide "treated as a child"', () => {
    expect(ageFactsOf({ estimatedAge: 19, ageEstimatedOn: '2026-01-01', ageUncertain: false, dateOfBirth: null })).toEqual({
      dateOfBirth: null,
      birthYear: null,
      estimatedAge: 19,
      ageEstimatedOn: '2026-01-01',
      ageUncertain: false,
    });
  });
});
