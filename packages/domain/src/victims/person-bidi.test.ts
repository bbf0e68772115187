import { describe, expect, it } from 'vitest';
import { nameSearchKey, validatePersonInput, type PersonValidation } from './person.ts';

const TODAY = '2026-03-10';
const base = { fullName: 'Nguyễn Thị Hoa', sex: 'female', birthYear: 1990 };

function errors(result: PersonValidation): Record<string, string> {
  if (result.ok) throw new Error(`expected errors, got ${JSON.stringify(result.value)}`);
  return result.fieldErrors;
}

describe('validatePersonInput: bidirectional control characters', () => {
  it('refuses a right-to-left override in the name, naming the field', () => {
    // Displays as "Nguyễn Thị Hoa (đã mất)"-like text while storing something else.
    const result = validatePersonInput({ ...base, fullName: 'Nguyễn Thị \u202eaoH' }, TODAY);
    expect(errors(result).fullName).toBe(
      'Họ và tên chứa ký tự điều khiển hướng chữ (U+202E) làm nội dung hiển thị khác với nội dung thực; vui lòng xóa ký tự này.',
    );
  });

  it('refuses isolates, marks and the Arabic letter mark in every name field', () => {
    const result = validatePersonInput(
      {
        ...base,
        otherNames: ['Hoa\u2066 nhỏ'],
        ethnicity: 'Kinh\u200e',
        homeAddress: 'Xã A\u061c',
        birthYear: 2015,
        guardian: { fullName: 'Nguyễn Văn\u200f Ba', relationship: 'Cha\u2069' },
      },
      TODAY,
    );
    const fieldErrors = errors(result);
    expect(fieldErrors['otherNames.0']).toMatch(/^Tên gọi khác chứa ký tự điều khiển hướng chữ \(U\+2066\)/);
    expect(fieldErrors.ethnicity).toMatch(/^Dân tộc chứa ký tự điều khiển hướng chữ \(U\+200E\)/);
    expect(fieldErrors.homeAddress).toMatch(/^Địa chỉ chứa ký tự điều khiển hướng chữ \(U\+061C\)/);
    expect(fieldErrors['guardian.fullName']).toMatch(/^Họ và tên người giám hộ chứa ký tự điều khiển hướng chữ \(U\+200F\)/);
    expect(fieldErrors['guardian.relationship']).toMatch(/^Quan hệ với người được giám hộ chứa ký tự điều khiển hướng chữ \(U\+2069\)/);
  });

  it('accepts Vietnamese names written with combining marks (NFD) and stores them NFC', () => {
    for (const name of ['Nguyễn Thị Hoà', 'Đặng Thuỳ Ất', 'Hoàng Ngọc Ánh']) {
      const result = validatePersonInput({ ...base, fullName: name.normalize('NFD') }, TODAY);
      if (!result.ok) throw new Error(JSON.stringify(result.fieldErrors));
      expect(result.value.fullName).toBe(name.normalize('NFC'));
    }
  });

  it('removes zero-width and other invisible characters from names, so duplicates and search still match', () => {
    const result = validatePersonInput({ ...base, fullName: '\ufeffNguyễn\u200b Thị Ho\u200ca', otherNames: ['Hoa\u2060 nhỏ'] }, TODAY);
    if (!result.ok) throw new Error(JSON.stringify(result.fieldErrors));
    expect(result.value.fullName).toBe('Nguyễn Thị Hoa');
    expect(result.value.otherNames).toEqual(['Hoa nhỏ']);
    expect(nameSearchKey('Nguy\u200bễn Thị Hoa')).toBe(nameSearchKey('Nguyễn Thị Hoa'));
  });

  it('a name of invisible characters only is a missing name', () => {
    expect(errors(validatePersonInput({ ...base, fullName: '\u200b\u200d\u2060' }, TODAY)).fullName).toBe('Họ và tên là bắt buộc.');
  });
});
