import { describe, expect, it } from 'vitest';
import { fieldKeyOf, namePathOf, nestedFieldErrors } from './form-errors.ts';

describe('server error paths on nested form fields', () => {
  it('reads dotted, slashed and bracketed paths, with list indexes as numbers', () => {
    expect(namePathOf('person.citizenId')).toEqual(['person', 'citizenId']);
    expect(namePathOf('companions.0.person.fullName')).toEqual(['companions', 0, 'person', 'fullName']);
    expect(namePathOf('/body/reception/receivedOn')).toEqual(['reception', 'receivedOn']);
    expect(namePathOf('body.person.guardian.phone')).toEqual(['person', 'guardian', 'phone']);
    expect(namePathOf('companions[1].role')).toEqual(['companions', 1, 'role']);
    expect(namePathOf('')).toEqual([]);
  });

  it('names a field without its list indexes', () => {
    expect(fieldKeyOf(['companions', 3, 'person', 'sex'])).toBe('companions.person.sex');
  });

  it('groups the messages by field and keeps those no field can take', () => {
    const fields = new Set(['person.citizenId', 'person.fullName', 'reception.receivedOn', 'companions.person.fullName']);
    const isField = (name: (string | number)[]) => fields.has(fieldKeyOf(name));
    const result = nestedFieldErrors(
      [
        { path: 'person.citizenId', message: 'Số định danh cá nhân/CCCD phải gồm 12 chữ số.' },
        { path: 'person.citizenId', message: 'Số định danh cá nhân/CCCD phải gồm 12 chữ số.' },
        { path: 'companions.0.person.fullName', message: 'Họ và tên là bắt buộc.' },
        { path: 'reception.receivedOn', message: 'Ngày tiếp nhận không hợp lệ.' },
        { path: 'orgUnitId', message: 'Đơn vị không hợp lệ.' },
        { path: '(body)', message: 'Dữ liệu không hợp lệ.' },
      ],
      isField,
    );
    expect(result.fields).toEqual([
      { name: ['person', 'citizenId'], errors: ['Số định danh cá nhân/CCCD phải gồm 12 chữ số.'] },
      { name: ['companions', 0, 'person', 'fullName'], errors: ['Họ và tên là bắt buộc.'] },
      { name: ['reception', 'receivedOn'], errors: ['Ngày tiếp nhận không hợp lệ.'] },
    ]);
    expect(result.unplaced.map((issue) => issue.path)).toEqual(['orgUnitId', '(body)']);
  });

  it('sends an issue about a group to the field standing for it', () => {
    const result = nestedFieldErrors(
      [{ path: 'person.guardian', message: 'Thông tin người giám hộ không hợp lệ.' }],
      (name) => fieldKeyOf(name) === 'person.guardian.fullName',
      (name) => (fieldKeyOf(name) === 'person.guardian' ? [...name, 'fullName'] : null),
    );
    expect(result.fields).toEqual([{ name: ['person', 'guardian', 'fullName'], errors: ['Thông tin người giám hộ không hợp lệ.'] }]);
    expect(result.unplaced).toEqual([]);
  });
});
