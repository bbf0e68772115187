import { createVictimFileBodySchema } from '@atmis/domain';
import dayjs from 'dayjs';
import { describe, expect, it } from 'vitest';
import { namePathOf } from '../../../lib/form-errors.ts';
import { isReceptionField, receptionFieldFor, toCreateBody } from './reception-values.ts';

describe('reception form', () => {
  it('builds the POST /victim-files body the contract accepts', () => {
    const body = toCreateBody({
      reception: {
        receivedOn: dayjs('2026-05-02', 'YYYY-MM-DD'),
        way: 'handed_over_by_foreign_authority',
        fromCountry: 'CN',
        borderGate: ' Cửa khẩu quốc tế Móng Cái ',
        place: '',
        needs: ['medical'],
      },
      person: { fullName: 'Nguyễn Thị Hoà', sex: 'female' },
      companions: [{ role: 'accompanying_child', relationship: 'Con', person: { fullName: 'Bé', sex: 'male', estimatedAge: 9 } }],
    });
    expect(body.reception).toMatchObject({
      receivedOn: '2026-05-02',
      borderGate: 'Cửa khẩu quốc tế Móng Cái',
      place: null,
      needs: ['medical'],
    });
    expect(body.companions?.[0]).toMatchObject({
      role: 'accompanying_child',
      relationship: 'Con',
      person: { fullName: 'Bé', estimatedAge: 9 },
    });
    expect(body.confirmNotDuplicate).toBeUndefined();
    expect(createVictimFileBodySchema.safeParse(body).success).toBe(true);
    expect(toCreateBody({ person: {} }, true)).toMatchObject({ confirmNotDuplicate: true });
    expect(toCreateBody({ person: {} })).not.toHaveProperty('companions');
  });

  it('knows its fields, companions by index', () => {
    expect(isReceptionField(namePathOf('person.citizenId'))).toBe(true);
    expect(isReceptionField(namePathOf('person.guardian.phone'))).toBe(true);
    expect(isReceptionField(namePathOf('companions.0.person.fullName'))).toBe(true);
    expect(isReceptionField(namePathOf('companions.1.role'))).toBe(true);
    expect(isReceptionField(namePathOf('reception.receivedOn'))).toBe(true);
    expect(isReceptionField(namePathOf('companions.person.fullName'))).toBe(false);
    expect(isReceptionField(namePathOf('person.unknownField'))).toBe(false);
    expect(isReceptionField(namePathOf('person.guardian'))).toBe(false);
  });

  it('puts issues about groups and hidden fields under the field standing for them', () => {
    expect(receptionFieldFor(namePathOf('person.guardian'))).toEqual(['person', 'guardian', 'fullName']);
    expect(receptionFieldFor(namePathOf('companions.2.person.ageEstimatedOn'))).toEqual(['companions', 2, 'person', 'estimatedAge']);
    expect(receptionFieldFor(namePathOf('person.otherNames.1'))).toEqual(['person', 'otherNames']);
    expect(receptionFieldFor(namePathOf('reception.needs.0'))).toEqual(['reception', 'needs']);
    expect(receptionFieldFor(namePathOf('companions.0.person'))).toEqual(['companions', 0, 'person', 'fullName']);
    expect(receptionFieldFor(namePathOf('person.unknownField'))).toBeNull();
    expect(receptionFieldFor(namePathOf('orgUnitId'))).toBeNull();
  });
});
